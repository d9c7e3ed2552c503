/**
 * Observations → labs, vitals, DXA results and lifestyle findings: each element (the Observation
 * and each of its components) is classified by the first coding that matches an observation or
 * answer concept, then read by the module of its family — `measurements.ts` (labs, vitals),
 * `dxa.ts`, `lifestyle.ts` — into `ObservationFacts`. An element no concept claims may still be a
 * DXA result coded only by text. What a (system, code) pair means is worked out once per request
 * (`observation-codes.ts`).
 */
import { codings, str } from './accessors.js';
import { dxaSiteFromText } from './body-sites.js';
import { LIFESTYLE } from './concepts.js';
import { pushDated } from './dated.js';
import { performerOf, readDxa, readUncodedDxa, siteWords } from './dxa.js';
import { isMenopauseValue, readAlcohol, readFalls, readSmokingStatus } from './lifestyle.js';
import { readLab, readVital } from './measurements.js';
import type { CodeReading, ObservationCodes } from './observation-codes.js';
import type { ObservationFacts } from './observation-facts.js';
import type { Performer, Ref, Sex } from './types.js';
import type { WhenObserved } from './values.js';
import { isRecord, type JsonObject } from '../shared/json.js';

/** Reads one Observation (and its components), dated `when` (`observationDate`), into `out`; `sex`: the patient's (a lab's range for it). */
export function readObservation(obs: JsonObject, ref: Ref, when: WhenObserved | undefined, codes: ObservationCodes, out: ObservationFacts, order: number, sex?: Sex): void {
  const performer = performerOf(obs);
  readElement(obs, obs, ref, when, performer, codes, out, order, sex);
  if (obs.component === undefined) return;
  const components = obs.component;
  if (Array.isArray(components)) {
    for (const component of components) if (isRecord(component)) readElement(component, obs, ref, when, performer, codes, out, order, sex);
  } else if (isRecord(components)) {
    readElement(components, obs, ref, when, performer, codes, out, order, sex);
  }
}

/**
 * Reads an element by the first coding of its code that matches an observation or answer concept
 * (only string systems and codes can match); one no concept claims may still be a DXA result
 * coded only by text.
 */
function readElement(
  element: JsonObject,
  obs: JsonObject,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  codes: ObservationCodes,
  out: ObservationFacts,
  order: number,
  sex: Sex | undefined,
): void {
  // Read here, not by the shared `get`: a property read at its own site stays fast (one kind of object).
  const concept = element.code;
  const inner = isRecord(concept) ? concept.coding : undefined;
  if (Array.isArray(inner)) {
    for (const raw of inner) {
      if (!isRecord(raw)) continue;
      const { system, code } = raw;
      if (typeof system !== 'string' || typeof code !== 'string') continue;
      const reading = codes.reading(system, code);
      if (reading.match !== undefined) {
        readClassified(reading, reading.match.concept, raw, element, obs, ref, when, performer, codes, out, order, sex);
        return;
      }
    }
  } else {
    for (const coding of codings(concept)) {
      if (coding.system === undefined || coding.code === undefined) continue;
      const reading = codes.reading(coding.system, coding.code);
      if (reading.match !== undefined) {
        readClassified(reading, reading.match.concept, coding, element, obs, ref, when, performer, codes, out, order, sex);
        return;
      }
    }
  }
  readUncodedDxa(element, obs, ref, when, performer, out);
}

/** An element classified by `reading` (found by `coding`, as sent or as read), handed to its family's reader. */
function readClassified(
  reading: CodeReading,
  id: string,
  coding: object,
  element: JsonObject,
  obs: JsonObject,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  codes: ObservationCodes,
  out: ObservationFacts,
  order: number,
  sex: Sex | undefined,
): void {
  if (reading.lab !== undefined) {
    readLab(reading.lab, reading, obs, element, coding, ref, when, out, order, sex);
    return;
  }
  if (reading.vital !== undefined) {
    readVital(reading.vital, reading, element, coding, ref, when, out, order);
    return;
  }
  const match = reading.match;
  if (match === undefined) return;
  const dxa = reading.dxa;
  if (dxa !== undefined) {
    const site = dxaSiteFromText(siteWords(element, obs)) ?? dxa.site;
    readDxa(dxa.score, site, element, match, codings(coding)[0], ref, when, performer, str(obs.issued), out);
    return;
  }
  if (id === 'dxa-panel') {
    // The study itself (a report, or a panel whose results are its components): a DXA was done that day.
    if (element === obs && when !== undefined) out.dxaStudies.push(performer === undefined ? { date: when.date, ref } : { date: when.date, ref, performer });
    return;
  }
  const t = codes.terminology;
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
