/**
 * Which resources the facts stage reads at all:
 * - not another patient's: a subject/patient reference `Patient/<id>` (relative, absolute URL, with
 *   or without `_history`) naming another id than the request's patient is dropped; no reference,
 *   or one we cannot tell (`urn:uuid:…`), is kept;
 * - not withdrawn: entered-in-error anywhere; Observation cancelled; Condition and
 *   AllergyIntolerance refuted (and AllergyIntolerance inactive/resolved); MedicationStatement
 *   not-taken/intended; MedicationRequest draft (drafts come only from the hook context);
 *   MedicationAdministration not-done or on-hold (no dose given); a MedicationRequest with
 *   `doNotPerform: true` (an order not to give the drug);
 *   (v2, rules.md section 1 "Data that does not count")
 *   Observation registered (no result yet);
 * - not future-dated (v2): a clinical date more than one day after today is a data error
 *   [choice]; the resource is left out and named on the `data-unavailable` card instead.
 */
import { parseFhirDate, type LocalDate } from '../time/local-date.js';
import { codings, conceptText, get, referencedId, statusCode, str } from './accessors.js';
import { onsetDate } from './onset.js';
import type { FutureDated, Ref } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';

/** The request's patient: its id, and `Patient/<id>`, the reference nearly every resource carries. */
export interface OwnPatient {
  readonly id: string;
  readonly reference: string;
}

export function ownPatient(id: string | undefined): OwnPatient | undefined {
  return id === undefined ? undefined : { id, reference: `Patient/${id}` };
}

export function isOtherPatient(resource: JsonObject, patient: OwnPatient | undefined): boolean {
  if (patient === undefined) return false;
  return namesOtherPatient(referenceIn(resource.subject), patient) || namesOtherPatient(referenceIn(resource.patient), patient);
}

/** `reference` of a Reference, read here (not by a shared accessor, whose look-up sees every kind of object). */
function referenceIn(value: unknown): string | undefined {
  return isRecord(value) ? str(value.reference) : undefined;
}

function namesOtherPatient(ref: string | undefined, patient: OwnPatient): boolean {
  // `Patient/<this id>`, the common case, is told by one comparison.
  if (ref === undefined || ref === patient.reference) return false;
  const id = referencedId(ref, 'Patient');
  return id !== undefined && id !== patient.id;
}

const DROP_STATUS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['Observation', new Set(['registered', 'cancelled', 'entered-in-error'])],
  ['MedicationStatement', new Set(['entered-in-error', 'not-taken', 'intended'])],
  ['MedicationRequest', new Set(['draft', 'entered-in-error'])],
  ['MedicationOrder', new Set(['draft', 'entered-in-error'])],
  // On hold: not given yet — read as a dose it timed the next injection and held back an overdue
  // one with a critical "not now". `stopped` (halted part-way) and `unknown` stay doses [choice: an
  // EHR that writes every past dose so would otherwise lose the treatment and every interval check].
  ['MedicationAdministration', new Set(['entered-in-error', 'not-done', 'on-hold'])],
  ['FamilyMemberHistory', new Set(['entered-in-error'])],
  ['Condition', new Set(['entered-in-error'])],
  ['AllergyIntolerance', new Set(['entered-in-error'])],
]);

const DROP_VERIFICATION = new Set(['refuted', 'entered-in-error']);
const ALLERGY_INACTIVE = new Set(['inactive', 'resolved']);

/** Whether a resource of this type and status is read. */
export function isAdmitted(type: string, resource: JsonObject): boolean {
  const status = statusCode(resource.status);
  // The statuses nearly every record is sent with (no type drops them) are told by comparison, without the two look-ups.
  if (status !== undefined && status !== 'final' && status !== 'active' && status !== 'completed' && DROP_STATUS.get(type)?.has(status) === true) return false;
  if (type === 'Condition' || type === 'AllergyIntolerance') {
    const verification = statusCode(resource.verificationStatus);
    if (verification !== undefined && DROP_VERIFICATION.has(verification)) return false;
  }
  if (type === 'AllergyIntolerance') {
    const clinical = statusCode(resource.clinicalStatus);
    if (clinical !== undefined && ALLERGY_INACTIVE.has(clinical)) return false;
  }
  // STU3 MedicationStatement.taken = "n": not taken.
  if (type === 'MedicationStatement' && resource.taken === 'n') return false;
  // R4 `doNotPerform` (a modifier): an order *not* to give the drug is no use of it — read as one,
  // a "do not give denosumab" made a critical "give denosumab now".
  if (type === 'MedicationRequest' && resource.doNotPerform === true) return false;
  return true;
}

/**
 * rules.md section 1 (v2): the clinical date — Condition onset[x] (else recordedDate), read as the
 * facts read a fracture's date (`onsetDate`: a period's start or end, a date in onsetString, an
 * onsetAge on the birth date) — else a future onset in those forms counted;
 * MedicationStatement effective[x] (else dateAsserted); MedicationRequest authoredOn;
 * MedicationAdministration effective[x] (a period's start, else its end). An Observation's
 * (effective[x], else issued) is read with its values: `observationDate` (values.ts).
 */
export function clinicalDate(type: string, r: JsonObject, birthDate?: LocalDate): LocalDate | undefined {
  switch (type) {
    case 'Condition':
      return onsetDate(r, birthDate) ?? parseFhirDate(r.recordedDate);
    case 'MedicationStatement':
      return parseFhirDate(r.effectiveDateTime) ?? parseFhirDate(get(r.effectivePeriod, 'start')) ?? parseFhirDate(r.dateAsserted);
    case 'MedicationRequest':
    case 'MedicationOrder':
      return parseFhirDate(r.authoredOn) ?? parseFhirDate(r.dateWritten);
    case 'MedicationAdministration':
      return parseFhirDate(r.effectiveDateTime) ?? parseFhirDate(get(r.effectivePeriod, 'start')) ?? parseFhirDate(get(r.effectivePeriod, 'end'));
    default:
      return undefined;
  }
}

/** A clinical date after `tomorrow` (more than one day after today): a data error, never a plan. */
export function isFutureDated(date: LocalDate | undefined, tomorrow: LocalDate): boolean {
  return date !== undefined && date > tomorrow;
}

/** A name longer than this is cut: it only helps the GP find the entry in the record. */
const NAME_MAX = 60;

/**
 * A future-dated resource as the GP finds it in the record: its date and the name it is shown by
 * there (its code's text, else its first display; a medication's, or its reference's display) —
 * "Observation/egfr1" alone told the GP nothing.
 */
export function futureDatedEntry(resource: JsonObject, ref: Ref, date: LocalDate): FutureDated {
  const concept = resource.code ?? resource.medicationCodeableConcept;
  const named = conceptText(concept) ?? codings(concept).find((c) => c.display !== undefined)?.display ?? str(get(resource.medicationReference, 'display'));
  const name = named?.replace(/\s+/g, ' ').trim();
  if (name === undefined || name === '') return { ref, date };
  return { ref, date, name: name.length > NAME_MAX ? `${name.slice(0, NAME_MAX - 1)}…` : name };
}

