/**
 * Lifestyle Observations: smoking status (LOINC 72166-2, by answer code or text), alcohol intake
 * (in units of 12 g per day), the falls screening answer, and menopause recorded as an answer.
 */
import type { CodingMatch, Terminology } from '../terminology/index.js';
import { codings, conceptWords, getStr } from './accessors.js';
import { LIFESTYLE } from './concepts.js';
import { pushDated } from './dated.js';
import type { ObservationFacts } from './observation-facts.js';
import type { Ref } from './types.js';
import { canonicalValue, readValue, shownUnit, type WhenObserved } from './values.js';
import type { JsonObject } from '../shared/json.js';

const YES_TEXT = /^(?:yes|ja|true)$/;
const CURRENT_SMOKER_TEXT = /ryger dagligt|dagligryger|daglig ryger|current (?:every day |some day )?smoker|smokes (?:tobacco )?daily|\bryger\b|\bsmoker\b/;
const NOT_CURRENT_SMOKER_TEXT =
  /ikke[- ]?ryger|tidligere ryger|eks[- ]?ryger|ex[- ]?ryger|aldrig røget|har aldrig røget|never smoke|never smoked|ex[- ]?smoker|former smoker|non[- ]?smoker|ikke-ryger|quit smoking|stopped smoking|holdt op med at ryge/;

function answerConcepts(value: unknown, t: Terminology): Set<string> {
  const found = new Set<string>();
  for (const coding of codings(value)) for (const m of t.matchCoding(coding.system, coding.code)) found.add(m.concept);
  return found;
}

export function isMenopauseValue(element: JsonObject, t: Terminology): boolean {
  return answerConcepts(element.valueCodeableConcept, t).has('menopause');
}

/** LOINC 72166-2: the answer (SNOMED/LOINC code, or text) says current smoker or not. */
export function readSmokingStatus(element: JsonObject, t: Terminology, ref: Ref, when: WhenObserved | undefined, out: ObservationFacts): void {
  const concepts = answerConcepts(element.valueCodeableConcept, t);
  let current: boolean | undefined;
  if (concepts.has(LIFESTYLE.smokingCurrent)) current = true;
  else if (concepts.has(LIFESTYLE.smokingNotCurrent)) current = false;
  else {
    const text = `${conceptWords(element.valueCodeableConcept)} ${getStr(element, 'valueString')?.toLowerCase() ?? ''}`;
    if (NOT_CURRENT_SMOKER_TEXT.test(text)) current = false;
    else if (CURRENT_SMOKER_TEXT.test(text)) current = true;
  }
  if (current !== undefined) pushDated(out.smoking, current, ref, when);
}

/** LOINC 74013-4 drinks per day (US drinks of 14 g), or Danish units per week → units of 12 g per day. */
export function readAlcohol(element: JsonObject, match: CodingMatch, ref: Ref, when: WhenObserved | undefined, out: ObservationFacts): void {
  const raw = readValue(element);
  if (raw === undefined) return;
  const value = canonicalValue('alcohol', raw, match.binding.impliedUnit);
  if (value === undefined) {
    const unit = shownUnit(raw);
    out.unusable.push({ concept: 'alcohol-intake', reason: 'unknown-unit', ref, ...(when === undefined ? {} : { date: when.date }), ...(unit === undefined ? {} : { unit }) });
    return;
  }
  if (when === undefined) {
    out.unusable.push({ concept: 'alcohol-intake', reason: 'no-date', ref });
    return;
  }
  // Compared unrounded with the 3 units of the card: 35.95 g/d is under them (the card shows one decimal).
  pushDated(out.alcohol, value, ref, when);
}

/** LOINC 52552-7 falls in the past year: a count > 0, or a yes answer. */
export function readFalls(element: JsonObject, t: Terminology, ref: Ref, when: WhenObserved | undefined, out: ObservationFacts): void {
  let reported: boolean | undefined;
  const raw = readValue(element);
  if (raw !== undefined) reported = raw.value > 0;
  else if (typeof element.valueBoolean === 'boolean') reported = element.valueBoolean;
  else if (element.valueCodeableConcept !== undefined) {
    const concepts = answerConcepts(element.valueCodeableConcept, t);
    const words = conceptWords(element.valueCodeableConcept);
    reported = concepts.has(LIFESTYLE.fallsYes) || YES_TEXT.test(words);
  }
  if (reported !== undefined) pushDated(out.falls, reported, ref, when);
}
