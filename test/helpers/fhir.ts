/** Small builders for FHIR test data and CDS Hooks requests. */
import { randomUUID } from 'node:crypto';

export const PATIENT_ID = 'pat-1';
export const FHIR_BASE = 'https://fhir.example.org/r4';
export const FHIR_ORIGIN = 'https://fhir.example.org';
export const TOKEN = 'secret-access-token-123';
/** The fallback's `fhirAuthorization` (the token goes only to FHIR_BASE). */
export const AUTH = { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'osteo-cds' };

/** The FHIR paths (under /r4) each prefetch key is fetched from, as the templates ask for them. */
export const FHIR_PATHS = {
  patient: `/r4/Patient/${PATIENT_ID}`,
  observations: '/r4/Observation',
  conditions: '/r4/Condition',
  medicationStatements: '/r4/MedicationStatement',
  medicationRequests: '/r4/MedicationRequest',
  medicationAdministrations: '/r4/MedicationAdministration',
  allergies: '/r4/AllergyIntolerance',
  familyHistory: '/r4/FamilyMemberHistory',
} as const;

type Json = Record<string, unknown>;

export function patient(id = PATIENT_ID): Json {
  return { resourceType: 'Patient', id, gender: 'female', birthDate: '1950-03-04' };
}

export function observation(id: string, patientId = PATIENT_ID): Json {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '38267-1' }] },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: '2020-01-15',
    valueQuantity: { value: -2.7, unit: '{T-score}' },
  };
}

/** Observations of one patient with one coding and a quantity, as the end-to-end records are made of: `(id, system, code, date, value, unit)`. */
export function quantityObservations(patientId: string): (id: string, system: string, code: string, date: string, value: number, unit: string) => object {
  const subject = { reference: `Patient/${patientId}` };
  return (id, system, code, date, value, unit) => ({ resourceType: 'Observation', id, status: 'final', code: { coding: [{ system, code }] }, subject, effectiveDateTime: date, valueQuantity: { value, unit } });
}

export function condition(id: string, patientId = PATIENT_ID): Json {
  return { resourceType: 'Condition', id, subject: { reference: `Patient/${patientId}` }, code: { text: 'x' } };
}

export function operationOutcome(severity = 'error'): Json {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: 'processing', diagnostics: 'boom' }] };
}

export function searchset(resources: Json[], options: { next?: string; outcomes?: Json[] } = {}): Json {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    ...(options.next === undefined ? {} : { link: [{ relation: 'self', url: 'x' }, { relation: 'next', url: options.next }] }),
    entry: [
      ...resources.map((resource) => ({ fullUrl: `${FHIR_BASE}/${String(resource.resourceType)}/${String(resource.id)}`, resource, search: { mode: 'match' } })),
      ...(options.outcomes ?? []).map((resource) => ({ resource, search: { mode: 'outcome' } })),
    ],
  };
}

/** Every non-patient key null: "the client has no data" (nothing to fetch). */
export const NULL_PREFETCH = {
  observations: null,
  conditions: null,
  medicationStatements: null,
  medicationRequests: null,
  medicationAdministrations: null,
  allergies: null,
  familyHistory: null,
} as const;

/** A search answer as an EHR sends it in a prefetch: `type` searchset, entries without fullUrl. */
export function plainBundle(resources: readonly object[]): Json {
  return { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
}

/** A prefetch of the record: the Patient, and each other key an empty search answer unless given. */
export function recordPrefetch(patientResource: object, keys: Partial<Record<keyof typeof NULL_PREFETCH, readonly object[]>> = {}): Json {
  const out: Json = { patient: patientResource };
  for (const key of Object.keys(NULL_PREFETCH) as (keyof typeof NULL_PREFETCH)[]) out[key] = plainBundle(keys[key] ?? []);
  return out;
}

export function patientViewRequest(overrides: Json = {}): Json {
  return {
    hook: 'patient-view',
    hookInstance: randomUUID(),
    context: { userId: 'Practitioner/COREPRACTITIONER1', patientId: PATIENT_ID },
    prefetch: { patient: patient(), ...NULL_PREFETCH },
    ...overrides,
  };
}

export function medicationRequest(id: string): Json {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'draft',
    intent: 'order',
    subject: { reference: `Patient/${PATIENT_ID}` },
    // The sandbox sends category as an object: accepted.
    category: { coding: [{ code: 'outpatient' }] },
    medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '904421' }] },
  };
}

/** The sandbox's draftOrders: a Bundle without `type`. */
export function draftBundle(...resources: Json[]): Json {
  return { resourceType: 'Bundle', entry: resources.map((resource) => ({ resource })) };
}

export function prescribingRequest(hook: 'order-select' | 'order-sign' | 'medication-prescribe', overrides: Json = {}): Json {
  const drafts = draftBundle(medicationRequest('request-123'), medicationRequest('request-456'));
  const context: Json = { userId: 'Practitioner/COREPRACTITIONER1', patientId: PATIENT_ID };
  if (hook === 'order-select') Object.assign(context, { draftOrders: drafts, selections: ['MedicationRequest/request-123'] });
  if (hook === 'order-sign') Object.assign(context, { draftOrders: drafts });
  if (hook === 'medication-prescribe') Object.assign(context, { medications: drafts });
  return { ...patientViewRequest(), hook, context, ...overrides };
}
