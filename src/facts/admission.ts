/**
 * Which resources the facts stage reads at all:
 * - not another patient's: a subject/patient reference `Patient/<id>` (relative, absolute URL, with
 *   or without `_history`) naming another id than the request's patient is dropped; no reference,
 *   or one we cannot tell (`urn:uuid:…`), is kept;
 * - not withdrawn: entered-in-error anywhere; Observation cancelled; Condition and
 *   AllergyIntolerance refuted (and AllergyIntolerance inactive/resolved); MedicationStatement
 *   not-taken/intended; MedicationRequest draft (drafts come only from the hook context);
 *   MedicationAdministration not-done.
 */
import { get, lookup, reference, statusCode } from './accessors.js';
import type { JsonObject } from '../shared/json.js';

const PATIENT_REF = /(?:^|\/)Patient\/([^/]+)(?:\/_history\/[^/]*)?$/;

export function isOtherPatient(resource: JsonObject, patientId: string | undefined): boolean {
  if (patientId === undefined) return false;
  for (const key of ['subject', 'patient']) {
    const ref = reference(get(resource, key));
    if (ref === undefined || (ref.length === patientId.length + 8 && ref.startsWith('Patient/') && ref.endsWith(patientId))) continue;
    const m = PATIENT_REF.exec(ref);
    if (m?.[1] !== undefined && m[1] !== patientId) return true;
  }
  return false;
}

const DROP_STATUS: Readonly<Record<string, ReadonlySet<string>>> = {
  Observation: new Set(['cancelled', 'entered-in-error']),
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
