/**
 * Which resources the facts stage reads at all:
 * - not another patient's: a subject/patient reference `Patient/<id>` (relative, absolute URL, with
 *   or without `_history`) naming another id than the request's patient is dropped; no reference,
 *   or one we cannot tell (`urn:uuid:…`), is kept;
 * - not withdrawn: entered-in-error anywhere; Observation cancelled; Condition and
 *   AllergyIntolerance refuted (and AllergyIntolerance inactive/resolved); MedicationStatement
 *   not-taken/intended; MedicationRequest draft (drafts come only from the hook context);
 *   MedicationAdministration not-done; (v2, rules.md section 1 "Data that does not count")
 *   Observation registered (no result yet);
 * - not future-dated (v2): a clinical date more than one day after today is a data error
 *   [choice]; the resource is left out and named on the `data-unavailable` card instead.
 */
import { parseFhirDate, type LocalDate } from '../time/local-date.js';
import { get, lookup, reference, statusCode } from './accessors.js';
import type { JsonObject } from '../shared/json.js';

const PATIENT_REF = /(?:^|\/)Patient\/([^/]+)(?:\/_history\/[^/]*)?$/;

export function isOtherPatient(resource: JsonObject, patientId: string | undefined): boolean {
  if (patientId === undefined) return false;
  return namesOtherPatient(reference(resource.subject), patientId) || namesOtherPatient(reference(resource.patient), patientId);
}

function namesOtherPatient(ref: string | undefined, patientId: string): boolean {
  // `Patient/<this id>`, the common case, is told without a regular expression.
  if (ref === undefined || (ref.length === patientId.length + 8 && ref.startsWith('Patient/') && ref.endsWith(patientId))) return false;
  const m = PATIENT_REF.exec(ref);
  return m?.[1] !== undefined && m[1] !== patientId;
}

const DROP_STATUS: Readonly<Record<string, ReadonlySet<string>>> = {
  Observation: new Set(['registered', 'cancelled', 'entered-in-error']),
  MedicationStatement: new Set(['entered-in-error', 'not-taken', 'intended']),
  MedicationRequest: new Set(['draft', 'entered-in-error']),
  MedicationOrder: new Set(['draft', 'entered-in-error']),
  MedicationAdministration: new Set(['entered-in-error', 'not-done']),
  FamilyMemberHistory: new Set(['entered-in-error']),
  Condition: new Set(['entered-in-error']),
  AllergyIntolerance: new Set(['entered-in-error']),
};

const DROP_VERIFICATION = new Set(['refuted', 'entered-in-error']);
const ALLERGY_INACTIVE = new Set(['inactive', 'resolved']);

/** Whether a resource of this type and status is read. */
export function isAdmitted(type: string, resource: JsonObject): boolean {
  const status = statusCode(resource.status);
  if (status !== undefined && lookup(DROP_STATUS, type)?.has(status) === true) return false;
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
  return true;
}

/**
 * rules.md section 1 (v2): the clinical date — Condition onset[x] (else recordedDate);
 * MedicationStatement effective[x] (else dateAsserted); MedicationRequest authoredOn;
 * MedicationAdministration effective[x]. An Observation's (effective[x], else issued) is read with
 * its values: `observationDate` (values.ts).
 */
export function clinicalDate(type: string, r: JsonObject): LocalDate | undefined {
  switch (type) {
    case 'Condition':
      return parseFhirDate(r.onsetDateTime) ?? parseFhirDate(get(r.onsetPeriod, 'start')) ?? parseFhirDate(r.recordedDate);
    case 'MedicationStatement':
      return parseFhirDate(r.effectiveDateTime) ?? parseFhirDate(get(r.effectivePeriod, 'start')) ?? parseFhirDate(r.dateAsserted);
    case 'MedicationRequest':
    case 'MedicationOrder':
      return parseFhirDate(r.authoredOn) ?? parseFhirDate(r.dateWritten);
    case 'MedicationAdministration':
      return parseFhirDate(r.effectiveDateTime) ?? parseFhirDate(get(r.effectivePeriod, 'start'));
    default:
      return undefined;
  }
}

/** A clinical date after `tomorrow` (more than one day after today): a data error, never a plan. */
export function isFutureDated(date: LocalDate | undefined, tomorrow: LocalDate): boolean {
  return date !== undefined && date > tomorrow;
}
