/**
 * FamilyMemberHistory → genetic disposition (rules.md section 1, risk factors: "osteoporosis or hip
 * fracture in a first-degree relative"). The relative must be first-degree (v3 RoleCode: parents,
 * siblings, children, twins — or a relationship text naming one) and one of their conditions must
 * match osteoporosis, hip fracture or an osteoporotic fracture (by code, or text such as
 * "osteoporose", "hoftebrud", "hip fracture", or any text condition-text.ts reads as a hip
 * fracture, e.g. the display of an unbound SNOMED code "Closed fracture of neck of femur").
 */
import { parseFhirDate, type LocalDate } from '../time/local-date.js';
import { codings, conceptWords, get, objects } from './accessors.js';
import { affirmedText, fractureSiteOfAffirmed, fractureSiteOfText } from './condition-text.js';
import { mentionsRelative, relativeSubject, statementsOf } from './relative-text.js';
import { FAMILY_HISTORY_TARGETS, FIRST_DEGREE_RELATIVE } from './concepts.js';
import type { Entry, FactsContext } from './context.js';
import type { Ref } from './types.js';

/** Osteoporosis ("knogleskørhed", the everyday Danish word, too) or a hip fracture, named in text. */
const TARGET_TEXT = /osteoporo|knogleskør|hoftebrud|hoftefraktur|lårbenshalsbrud|collumfraktur|hip fracture|fractured hip|broken hip/;

export function readFamilyHistory(entry: Entry, ctx: FactsContext): { ref: Ref; date?: LocalDate } | undefined {
  const fmh = entry.resource;
  const t = ctx.terminology;
  let firstDegree = false;
  for (const c of codings(fmh.relationship)) {
    if (t.matchCoding(c.system, c.code).some((m) => m.concept === FIRST_DEGREE_RELATIVE)) firstDegree = true;
  }
  if (!firstDegree) {
    const words = conceptWords(fmh.relationship);
    firstDegree = words !== '' && t.matchNames('relationship', words).some((m) => m.concept === FIRST_DEGREE_RELATIVE);
  }
  if (!firstDegree) return undefined;
  const matches = objects(fmh, 'condition').some((condition) => {
    for (const c of codings(condition.code)) {
      if (t.matchCoding(c.system, c.code).some((m) => FAMILY_HISTORY_TARGETS.has(m.concept))) return true;
    }
    const words = conceptWords(condition.code);
    // An unbound code whose text names a hip fracture ("Closed fracture of neck of femur"): the same text reading as a Condition's.
    return TARGET_TEXT.test(words) || fractureSiteOfText(words, conceptWords(condition.bodySite)) === 'hip';
  });
  if (!matches) return undefined;
  const date = parseFhirDate(fmh.date) ?? parseFhirDate(get(fmh.meta, 'lastUpdated'));
  return { ref: entry.ref, ...(date === undefined ? {} : { date }) };
}

/**
 * A Condition's text about a first-degree relative with osteoporosis or a hip fracture ("Mor med
 * hoftebrud", "Far: osteoporose", "Osteoporose hos mor"): a family-history Condition, as Z82.62 is.
 * What it says of the relative is read as any text is (negated or unsure: "Mor uden osteoporose",
 * "Mor: mistanke om hoftebrud" say nothing); an aunt or a grandmother is not first-degree.
 */
export function familyHistoryInText(lowerText: string): boolean {
  if (!mentionsRelative(lowerText)) return false;
  for (const part of statementsOf(lowerText)) {
    const relative = relativeSubject(part);
    if (relative?.degree !== 'first-degree') continue;
    const said = affirmedText(relative.about);
    if (said !== '' && (TARGET_TEXT.test(said) || fractureSiteOfAffirmed(said, '') === 'hip')) return true;
  }
  return false;
}
