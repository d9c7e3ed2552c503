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
 * `statusReason`), read only in the plain form a stop reason takes: side effects or intolerance
 * first ("Bivirkninger", "Utålelige bivirkninger", "Seponeret pga. bivirkninger", "Stopped due to
 * side effects", "Intolerance"), then at most what they were after a dash, colon, comma or bracket
 * ("– halsbrand og mavesmerter") — naming no drug, and with no word of denial, doubt, fear or
 * anyone else anywhere ("ikke", "ingen", "bivirkningsfri", "bekymret for", "mulig", "hos"). Texts
 * that begin with something else ("Kalktabletter gav bivirkninger", "Methotrexat stoppet pga.
 * bivirkninger", "Bivirkninger ved kalktabletterne") are not read: five reviews found that every
 * looser reading withheld the first-choice tablet from patients who had tolerated it; missed, the
 * reading is what it was before stop reasons were read [choice]. The coded reasons below always count.
 */
const PLAIN_REASON =
  /^(?:(?:seponeret|stoppet|stopped|discontinued|ophørt|pauseret) )?(?:(?:pga\.?|på grund af|grundet|due to|because of) )?(?:utålelige bivirkninger|intolerable side[- ]effects|bivirkninger|bivirkning|bivirk\.?|side[- ]effects?|adverse (?:drug )?(?:reactions?|events?|effects?)|intolerance|intolerans|akutfasereaktion|tåler ikke|tålte ikke|did not tolerate|not tolerated|poorly tolerated)(?:$|[.!]$| ?[–:(,|-] ?)/;
/** A denial, a doubt, a fear, or someone else: the text is not read. */
const NOT_PLAIN =
  /\b(?:ingen|intet|uden|aldrig|no|none|without|never|nej)\b|\bikke\b(?<!tåler ikke|tålte ikke)|\bnot\b(?! tolerated)|fri\b|free\b|bekymr|frygt|bange|angst|ængstel|utryg|nervøs|worr|concern|fear|afraid|scared|anxious|undgå|avoid|forebyg|prevent|risiko|\brisk|drøft|discuss|gennemg|review|informer|inform|kontrol|monitor|vurder|assess|evaluat|\bmulig|possibl|unlikely|udelukket|ruled out|afkræft|fejl|error|se journal|see notes|\bhos\b|\bin (?:his|her|a|the) |\?/;
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
  const texts = (Array.isArray(reason) ? reason : [reason]).map((r) => conceptWords(r).replace(/\s+/g, ' ').trim());
  return texts.some((text) => PLAIN_REASON.test(text) && !NOT_PLAIN.test(text));
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
