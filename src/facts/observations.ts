/**
 * Observations → labs, vitals, DXA results and lifestyle findings: each element (the Observation
 * and each of its components) is classified by the first coding that matches an observation or
 * answer concept, then read by the module of its family — `measurements.ts` (labs, vitals),
 * `dxa.ts`, `lifestyle.ts` — into `ObservationFacts`. An element no concept claims may still be a
 * DXA result coded only by text.
 */
import type { CodingMatch, Terminology } from '../terminology/index.js';
import { codings, get, lookup, objects, type Coding } from './accessors.js';
import { dxaSiteFromText } from './body-sites.js';
import { DXA_CONCEPTS, LAB_CONCEPTS, LIFESTYLE, VITAL_CONCEPTS } from './concepts.js';
import type { Entry } from './context.js';
import { pushDated } from './dated.js';
import { performerOf, readDxa, readUncodedDxa, siteWords } from './dxa.js';
import { isMenopauseValue, readAlcohol, readFalls, readSmokingStatus } from './lifestyle.js';
import { readLab, readVital } from './measurements.js';
import type { ObservationFacts } from './observation-facts.js';
import type { Performer, Ref } from './types.js';
import { observationDate, type WhenObserved } from './values.js';
import type { JsonObject } from '../shared/json.js';

/** Reads one Observation (and its components) into `out`. */
export function readObservation(entry: Entry, t: Terminology, out: ObservationFacts, order: number): void {
  const obs = entry.resource;
  const when = observationDate(obs);
  const performer = performerOf(obs);
  readElement(obs, obs, entry.ref, when, performer, t, out, order);
  if (obs.component === undefined) return;
  for (const component of objects(obs, 'component')) readElement(component, obs, entry.ref, when, performer, t, out, order);
}

interface Classified {
  readonly match: CodingMatch;
  readonly coding: Coding;
}

/** The first coding of an element's code that matches an observation or answer concept. */
function classify(code: unknown, t: Terminology): Classified | undefined {
  // The hot path of the stage: raw codings are matched first, a Coding is built only for a hit.
  const inner = get(code, 'coding');
  if (Array.isArray(inner)) {
    for (const raw of inner) {
      const match = firstObservationMatch(t.matchCoding(get(raw, 'system'), get(raw, 'code')));
      if (match !== undefined) return { match, coding: codings(raw)[0] ?? {} };
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
    readDxa(dxa.score, site, element, match, coding, ref, when, performer, out);
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
