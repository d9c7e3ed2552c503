/**
 * AllergyIntolerance → intolerance to an osteoporosis drug (rules.md sections 2–3: "not tolerated
 * (recorded intolerance)", "intolerance to ≥ 2 osteoporosis drugs"). Any `type` (allergy or
 * intolerance) counts; the record is admitted only when its clinicalStatus is active or absent and
 * it is not refuted. The substance is read from `code`, else from `reaction[].substance`; a record
 * naming only the class ("bisfosfonater", ATC M05BA) counts as oral bisphosphonate, reported as
 * alendronate with `classOnly` [choice]. A medication stopped for its side effects (its
 * `statusReason`) is one too (`stopReasonIntolerance`).
 */
import type { JsonObject } from '../shared/json.js';
import { parseFhirDate } from '../time/local-date.js';
import { codings, conceptWords, objects } from './accessors.js';
import type { Entry, FactsContext } from './context.js';
import { identifyDrug, type Identified } from './drug-identity.js';
import { ACTIVE_STATUSES } from './medications.js';
import type { DrugClass, Intolerance, MedicationRecord } from './types.js';

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

/**
 * Side effects named as the reason a medication was stopped (FMK's seponeringsårsag, FHIR
 * `statusReason`), read only when the text says so plainly and says nothing else about them: a
 * phrase of intolerance ("tåler ikke", "har ikke kunnet tåle", "did not tolerate", "utålelige",
 * "intolerance", "allergi") or side effects named ("bivirkninger", "adverse reaction",
 * "akutfasereaktion") — in a text with no word of denial anywhere but those phrases ("ikke",
 * "ingen", "no"; "bivirkningsfri"), and none of side effects feared, avoided, checked, discussed,
 * possible or perhaps another drug's ("bekymret for", "for at undgå", "kontrol af", "mulig", side
 * effects "af"/"of"/"to" something, a drug of another class named: "Bivirkninger af kalktabletterne",
 * "Allergi for penicillin", "Prednisolon udtrappet pga. bivirkninger"). Read wrongly, the first-choice tablet is withheld — the harm three reviews found in
 * every looser reading; missed, the reading is what it was before stop reasons were read at all
 * [choice: a plain statement, or the coded reasons below].
 * Symptoms alone ("halsbrand") are not read: they need not be the drug's doing.
 */
const INTOLERANCE_PHRASE = /(?:tåler|tålte|tåles|tåltes|tålt)(?: [^ .;:,|]+)? (?:ikke|dårligt)(?! at\b)|(?:ikke|dårligt) (?:tålt|tåle)\b|(?:kunne|kunnet|kan) ikke tåle|ikke (?:kunnet|kunne) tåle|(?:did not|could not|couldn't|cannot|can't|unable to) tolerate|(?:not|poorly) tolerated|(?:poor|dårlig) tolerance/g;
const STATED = /intoleran|intolerab|utålelig|overfølsom|allergi|allergy|allergic|bivirk|side[- ]?effect|adverse (?:drug )?(?:reaction|event|effect)|akutfasereaktion|acute[- ]phase reaction/;
/** A denial, a doubt, or side effects that were not this drug's or not had: the text is not read. */
const NOT_PLAIN =
  /\b(?:ikke|ingen|intet|uden|aldrig|not|no|none|without|never|nej)\b|fri\b|free\b|bekymr|frygt|bange|angst|ængstel|utryg|nervøs|worr|concern|fear|afraid|scared|anxious|undgå|avoid|forebyg|prevent|risiko|\brisk|drøft|discuss|gennemg|review|informer|inform|læst|\bread\b|hørt|heard|kontrol|monitor|vurder|assess|evaluat|\bmulig|possibl|\banden\b|\bandet\b|another|other drug|\?| (?:af|of|from|for|til|mod|på) |(?<!due) to /;
/** HL7 medicationrequest-status-reason: `sintol` suspected intolerance, `salg` allergy. */
const STATUS_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/medicationrequest-status-reason';
const STATUS_REASON_CODES: ReadonlySet<string> = new Set(['sintol', 'salg']);
/** SNOMED CT: adverse reaction (281647001), adverse reaction to drug (62014003), medication stopped – side effect (395009001). */
const SNOMED_REASON_CODES: ReadonlySet<string> = new Set(['281647001', '62014003', '395009001']);

/**
 * A medication record no longer in use whose `statusReason` names side effects: an intolerance
 * recorded on the record itself (rules.md "not tolerated (recorded intolerance)") [extension: Danish
 * GPs and FMK record why a drug was stopped there, rarely as an AllergyIntolerance]. Dated on its
 * stop (its end, else its start), from which `withoutOutweighed` looks for the drug taken again.
 */
export function stopReasonIntolerance(resource: JsonObject, record: MedicationRecord, ctx: FactsContext): Intolerance | undefined {
  const reason = resource.statusReason;
  if (reason === undefined || ACTIVE_STATUSES.has(record.status) || record.status === 'draft') return undefined;
  if (!OSTEOPOROSIS_CLASSES.has(record.identity.drugClass)) return undefined;
  if (!namesSideEffects(reason)) return undefined;
  // The reason names a drug of another class (its side effects, not this drug's).
  const named = identifyDrug({ concept: reason }, ctx.terminology);
  if (named !== undefined && named.identity.drugClass !== record.identity.drugClass) return undefined;
  return { drug: record.identity.drug, drugClass: record.identity.drugClass, ref: record.ref, date: record.end ?? record.start };
}

function namesSideEffects(reason: unknown): boolean {
  for (const c of codings(reason)) {
    if (c.code === undefined) continue;
    if (c.system === STATUS_REASON_SYSTEM && STATUS_REASON_CODES.has(c.code)) return true;
    if (c.system === 'http://snomed.info/sct' && SNOMED_REASON_CODES.has(c.code)) return true;
  }
  const words = (Array.isArray(reason) ? reason.map(conceptWords).join(' | ') : conceptWords(reason)).replace(/\s+/g, ' ');
  // The phrases of intolerance hold a "not" of their own ("tåler ikke"): taken out before the denial is looked for.
  const rest = words.replace(INTOLERANCE_PHRASE, ' ');
  return (rest !== words || STATED.test(rest)) && !NOT_PLAIN.test(rest);
}

/**
 * Stop-reason intolerances that a later course of the same drug outweighs: taken again after the
 * stop — not cancelled, and not itself stopped for side effects — it was tolerated [choice]: an
 * alendronate stopped for heartburn in 2017 and taken for five years since is no reason to withhold
 * it now. Another drug of the class taken since says nothing of this one.
 */
export function withoutOutweighed(stopReasons: readonly Intolerance[], records: readonly MedicationRecord[]): Intolerance[] {
  const stoppedForSideEffects = new Set(stopReasons.map((i) => i.ref));
  return stopReasons.filter(
    (i) => !records.some((r) => r.identity.drug === i.drug && i.date !== undefined && r.start > i.date && r.status !== 'cancelled' && !stoppedForSideEffects.has(r.ref)),
  );
}
