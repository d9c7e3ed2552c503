/**
 * AllergyIntolerance → intolerance to an osteoporosis drug (rules.md sections 2–3: "not tolerated
 * (recorded intolerance)", "intolerance to ≥ 2 osteoporosis drugs"). Any `type` (allergy or
 * intolerance) counts; the record is admitted only when its clinicalStatus is active or absent and
 * it is not refuted. The substance is read from `code`, else from `reaction[].substance`; a record
 * naming only the class ("bisfosfonater", ATC M05BA) counts as oral bisphosphonate, reported as
 * alendronate with `classOnly` [choice].
 */
import { parseFhirDate } from '../time/local-date.js';
import { conceptWords, objects } from './accessors.js';
import type { Entry, FactsContext } from './context.js';
import { identifyDrug, type Identified } from './drug-identity.js';
import type { DrugClass, Intolerance } from './types.js';

const OSTEOPOROSIS_CLASSES: ReadonlySet<DrugClass> = new Set<DrugClass>([
  'oral-bisphosphonate',
  'other-bisphosphonate',
  'zoledronic-acid',
  'denosumab',
  'anabolic',
  'serm',
]);

const BISPHOSPHONATE_CLASS_TEXT = /bisfosfonat|bisphosphonat/;

export function readIntolerance(entry: Entry, ctx: FactsContext): Intolerance | undefined {
  const allergy = entry.resource;
  const concepts = [allergy.code, ...objects(allergy, 'reaction').map((r) => r.substance)];
  let identified: Identified | undefined;
  for (const concept of concepts) {
    identified = concept === undefined ? undefined : identifyDrug({ concept }, ctx.terminology);
    if (identified !== undefined) break;
  }
  const date = parseFhirDate(allergy.onsetDateTime) ?? parseFhirDate(allergy.recordedDate) ?? parseFhirDate(allergy.assertedDate);
  const base = { ref: entry.ref, ...(date === undefined ? {} : { date }) };
  const classOnly =
    (identified !== undefined && identified.groupLevel && identified.identity.drug === 'other-bisphosphonate') ||
    (identified === undefined && concepts.some((c) => BISPHOSPHONATE_CLASS_TEXT.test(conceptWords(c))));
  if (classOnly) return { drug: 'alendronate', drugClass: 'oral-bisphosphonate', ...base, classOnly: true };
  if (identified === undefined || !OSTEOPOROSIS_CLASSES.has(identified.identity.drugClass)) return undefined;
  return { drug: identified.identity.drug, drugClass: identified.identity.drugClass, ...base };
}
