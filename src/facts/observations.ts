/**
 * Observations → labs, vitals, DXA results and lifestyle findings: each element (the Observation
 * and each of its components) is classified by the first coding that matches an observation or
 * answer concept, then read by the module of its family — `measurements.ts` (labs, vitals),
 * `dxa.ts`, `lifestyle.ts` — into `ObservationFacts`. An element no concept claims may still be a
 * DXA result coded only by text.
 */
// Not through terminology/index.js (see values.ts): the facts stage is bundled for the browser too.
import type { CodingMatch, Terminology } from '../terminology/terminology.js';
import { codings, get, lookup, objects } from './accessors.js';
import { dxaSiteFromText } from './body-sites.js';
import { DXA_CONCEPTS, LAB_CONCEPTS, LIFESTYLE, VITAL_CONCEPTS } from './concepts.js';
import type { Entry } from './context.js';
import { pushDated } from './dated.js';
import { performerOf, readDxa, readUncodedDxa, siteWords } from './dxa.js';
import { isMenopauseValue, readAlcohol, readFalls, readSmokingStatus } from './lifestyle.js';
import { readLab, readVital } from './measurements.js';
import type { ObservationFacts } from './observation-facts.js';
import type { Performer, Ref } from './types.js';
import type { WhenObserved } from './values.js';
import { isRecord, type JsonObject } from '../shared/json.js';

/** Reads one Observation (and its components), dated `when` (`observationDate`), into `out`. */
export function readObservation(entry: Entry, when: WhenObserved | undefined, t: Terminology, out: ObservationFacts, order: number): void {
  const obs = entry.resource;
  const performer = performerOf(obs);
  readElement(obs, obs, entry.ref, when, performer, t, out, order);
  if (obs.component === undefined) return;
  for (const component of objects(obs, 'component')) readElement(component, obs, entry.ref, when, performer, t, out, order);
}

interface Classified {
  readonly match: CodingMatch;
  /** The coding that matched, as sent (or as read, for a code that was no CodeableConcept). */
  readonly coding: object;
}

/** The first coding of an element's code that matches an observation or answer concept. */
function classify(code: unknown, t: Terminology): Classified | undefined {
  const inner = get(code, 'coding');
  if (Array.isArray(inner)) {
    for (const raw of inner) {
      if (!isRecord(raw)) continue;
      const { system, code: value } = raw;
      // Only string systems and codes can match; each pair is matched once per terminology (Terminology.matchCoding).
      if (typeof system !== 'string' || typeof value !== 'string') continue;
      const match = firstObservationMatch(t.matchCoding(system, value));
      if (match !== undefined) return { match, coding: raw };
    }
    return undefined;
  }
  for (const coding of codings(code)) {
    const match = firstObservationMatch(t.matchCoding(coding.system, coding.code));
    if (match !== undefined) return { match, coding };
  }
  return undefined;
}

function firstObservationMatch(matches: readonly CodingMatch[]): CodingMatch | undefined {
  for (const match of matches) if (match.kind === 'observation' || match.kind === 'answer' || match.concept === 'menopause') return match;
  return undefined;
}

function readElement(
  element: JsonObject,
  obs: JsonObject,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  t: Terminology,
  out: ObservationFacts,
  order: number,
): void {
  const classified = classify(element.code, t);
  if (classified === undefined) {
    readUncodedDxa(element, obs, ref, when, performer, out);
    return;
  }
  const { match, coding } = classified;
  const id = match.concept;
  const lab = lookup(LAB_CONCEPTS, id);
  if (lab !== undefined) {
    readLab(lab, obs, element, match, coding, ref, when, out, order);
    return;
  }
  const vital = lookup(VITAL_CONCEPTS, id);
  if (vital !== undefined) {
    readVital(vital, element, match, coding, ref, when, out, order);
    return;
  }
  const dxa = lookup(DXA_CONCEPTS, id);
  if (dxa !== undefined) {
    const site = dxaSiteFromText(siteWords(element, obs)) ?? dxa.site;
    readDxa(dxa.score, site, element, match, codings(coding)[0], ref, when, performer, out);
    return;
  }
  switch (id) {
    case LIFESTYLE.smokingStatus:
      readSmokingStatus(element, t, ref, when, out);
      return;
    case LIFESTYLE.smokingCurrent:
    case LIFESTYLE.smokingNotCurrent:
      if (element === obs) pushDated(out.smoking, id === LIFESTYLE.smokingCurrent, ref, when);
      return;
    case LIFESTYLE.alcohol:
      readAlcohol(element, match, ref, when, out);
      return;
    case LIFESTYLE.falls:
      readFalls(element, t, ref, when, out);
      return;
    case 'menopause':
      pushDated(out.menopause, true, ref, when);
      return;
    default:
      if (isMenopauseValue(element, t)) pushDated(out.menopause, true, ref, when);
  }
}
