/**
 * fast-check arbitraries for the fuzzers: structurally plausible CDS Hooks requests, prefetch
 * Bundles, FHIR resources and feedback, whose parts are then corrupted — any field may be replaced
 * by arbitrary JSON or dropped — so the whole range from "valid" to "garbage in a valid shell" is
 * covered. Codes come from the real terminology (codes.ts), so garbage values sit on the codings
 * the rules read: a real T-score code with a unit of `ng/mL`, a real fracture code dated 31 February.
 */
import fc from 'fast-check';
import { CONDITION_CODES, MEDICATION_CODES, OBSERVATION_CODES } from './codes.js';

type Obj = Record<string, unknown>;

export const PATIENT_ID = 'fuzz-pat-1';

/** Arbitrary JSON, kept small. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

/** `arb` mostly; sometimes arbitrary JSON in its place; sometimes left out. */
export function corrupt<T>(arb: fc.Arbitrary<T>, weight = 8): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: arb, weight }, { arbitrary: anyJson, weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

/** A record whose every field may be corrupted (undefined fields vanish in JSON). */
function corruptRecord(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Obj> {
  return fc.record(Object.fromEntries(Object.entries(model).map(([k, v]) => [k, corrupt(v)])));
}

const weird = fc.constantFrom('', ' ', '\u0000', '💥', '%00', '../../etc/passwd', '<script>alert(1)</script>', 'null', '-', '0', 'NaN', 'Infinity', '__proto__', 'constructor');
export const text: fc.Arbitrary<string> = fc.oneof({ arbitrary: fc.string({ maxLength: 20 }), weight: 3 }, { arbitrary: weird, weight: 1 });

// ── dates ────────────────────────────────────────────────────────────────────────────────────────
const validInstant = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true });
export const fhirDate: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validInstant.map((d) => d.toISOString()), weight: 3 },
  { arbitrary: validInstant.map((d) => d.toISOString().slice(0, 10)), weight: 3 },
  { arbitrary: validInstant.map((d) => d.toISOString().slice(0, 7)), weight: 1 },
  { arbitrary: validInstant.map((d) => d.toISOString().slice(0, 4)), weight: 1 },
  { arbitrary: validInstant.map((d) => d.toISOString().replace('Z', '+02:00')), weight: 1 },
  {
    arbitrary: fc.constantFrom('2024-02-30', '2023-02-29', '2024-13-01', '0000-00-00', '9999-12-31T25:61:61Z', '2024-06-31', '31-08-2024', '2024/08/31', '', 'today', '2024-08-31T10:00', '+275760-09-13'),
    weight: 2,
  },
  { arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(null)), weight: 1 },
);
const period = corruptRecord({ start: fhirDate, end: fhirDate });

/** Codes of the non-clinical codings: categories, relationships, routes, interpretations. */
const GENERIC_CODES = [
  'http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
  'http://terminology.hl7.org/CodeSystem/observation-category|imaging',
  'http://terminology.hl7.org/CodeSystem/medicationrequest-category|outpatient',
  'http://terminology.hl7.org/CodeSystem/v3-RoleCode|MTH',
  'http://terminology.hl7.org/CodeSystem/v3-RoleCode|FTH',
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation|L',
  'http://snomed.info/sct|26643006',
  'http://terminology.hl7.org/CodeSystem/data-absent-reason|unknown',
];

// ── codings ──────────────────────────────────────────────────────────────────────────────────────
function codingFrom(pool: readonly string[]): fc.Arbitrary<Obj> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...pool).map((sc) => ({ system: sc.split('|')[0], code: sc.split('|')[1] })), weight: 6 },
    // A real code under the wrong system, or without one; a lower-cased or dotted variant.
    { arbitrary: fc.tuple(fc.constantFrom(...pool), fc.oneof(text, fc.constant(undefined))).map(([sc, system]) => ({ system, code: sc.split('|')[1] })), weight: 1 },
    { arbitrary: fc.constantFrom(...pool).map((sc) => ({ system: sc.split('|')[0], code: (sc.split('|')[1] ?? '').toLowerCase() + '.' })), weight: 1 },
    { arbitrary: corruptRecord({ system: text, code: text, display: text }), weight: 1 },
  );
}
function codeableConcept(pool: readonly string[]): fc.Arbitrary<Obj> {
  return corruptRecord({ coding: fc.array(corrupt(codingFrom(pool)), { maxLength: 3 }), text });
}
const statusConcept = (codes: readonly string[]) => corruptRecord({ coding: fc.array(corruptRecord({ system: text, code: fc.constantFrom(...codes) }), { maxLength: 2 }) });

// ── values ───────────────────────────────────────────────────────────────────────────────────────
const numberish: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }), weight: 4 },
  { arbitrary: fc.integer({ min: -10, max: 500 }), weight: 2 },
  { arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, -2.5, 2.5, 35, 2.55, 50, 75), weight: 2 },
  { arbitrary: fc.constantFrom('5,2', '-2.5', '', 'abc', '1e3', ' 42 '), weight: 1 },
);
const UNITS = ['nmol/L', 'ng/mL', 'mmol/L', 'umol/L', 'µmol/L', 'mg/dL', 'mL/min/{1.73_m2}', 'mL/min/1,73 m2', 'mL/min', '%', '{T-score}', '{Z-score}', 'g/cm2', 'kg/m2', 'cm', 'm', 'ug/L', 'µg/L', '', '1', 'mo', 'a'];
export const quantity: fc.Arbitrary<Obj> = corruptRecord({
  value: numberish,
  unit: fc.oneof(fc.constantFrom(...UNITS), text),
  system: fc.constantFrom('http://unitsofmeasure.org', 'urn:oid:1.2.208.176.2.1', ''),
  code: fc.oneof(fc.constantFrom(...UNITS), text),
  comparator: fc.constantFrom('<', '<=', '>=', '>', 'ad', '=', '~'),
});

const subject = fc.oneof(
  { arbitrary: fc.constant({ reference: `Patient/${PATIENT_ID}` }), weight: 8 },
  { arbitrary: fc.constantFrom({ reference: 'Patient/other' }, { reference: `urn:uuid:${PATIENT_ID}` }, { reference: '#p' }, { identifier: { value: 'x' } }, { reference: 'Group/1' }), weight: 1 },
  { arbitrary: anyJson, weight: 1 },
);
const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9.-]{1,12}$/), text);

// ── resources ────────────────────────────────────────────────────────────────────────────────────
export const patient: fc.Arbitrary<Obj> = fc
  .record({
    id: fc.oneof({ arbitrary: fc.constant(PATIENT_ID), weight: 9 }, { arbitrary: anyJson, weight: 1 }),
    rest: corruptRecord({
      gender: fc.oneof(fc.constantFrom('female', 'male', 'other', 'unknown'), text),
      birthDate: fhirDate,
      deceasedBoolean: fc.boolean(),
      deceasedDateTime: fhirDate,
      name: fc.array(corruptRecord({ family: text, given: fc.array(text, { maxLength: 2 }) }), { maxLength: 2 }),
      identifier: fc.array(corruptRecord({ system: fc.constant('urn:oid:1.2.208.176.1.2'), value: text }), { maxLength: 2 }),
      extension: fc.array(corruptRecord({ url: text, valueCode: text }), { maxLength: 2 }),
    }),
  })
  .map(({ id: pid, rest }) => ({ resourceType: 'Patient', id: pid, ...rest }));

const OBS_STATUS = ['final', 'amended', 'corrected', 'preliminary', 'registered', 'entered-in-error', 'cancelled', 'unknown'];
export const observation: fc.Arbitrary<Obj> = fc
  .record({
    base: corruptRecord({
      id,
      status: fc.oneof(fc.constantFrom(...OBS_STATUS), text),
      code: codeableConcept(OBSERVATION_CODES),
      subject,
      category: fc.oneof(fc.array(codeableConcept(GENERIC_CODES)), codeableConcept(GENERIC_CODES)),
      issued: fhirDate,
      interpretation: fc.array(codeableConcept(GENERIC_CODES), { maxLength: 1 }),
      dataAbsentReason: codeableConcept(GENERIC_CODES),
    }),
    value: fc.oneof(
      { arbitrary: quantity.map((q) => ({ valueQuantity: q })), weight: 6 },
      { arbitrary: text.map((s) => ({ valueString: s })), weight: 1 },
      { arbitrary: numberish.map((n) => ({ valueInteger: n })), weight: 1 },
      { arbitrary: codeableConcept(OBSERVATION_CODES).map((c) => ({ valueCodeableConcept: c })), weight: 1 },
      { arbitrary: fc.record({ low: quantity, high: quantity }).map((r) => ({ valueRange: r })), weight: 1 },
      { arbitrary: fc.constant({}), weight: 1 },
    ),
    effective: fc.oneof(
      fhirDate.map((d) => ({ effectiveDateTime: d })),
      period.map((p) => ({ effectivePeriod: p })),
      fhirDate.map((d) => ({ effectiveInstant: d })),
      fc.constant({}),
    ),
    components: fc.option(fc.array(fc.record({ code: codeableConcept(OBSERVATION_CODES), valueQuantity: quantity }), { maxLength: 2 }), { nil: undefined }),
  })
  .map(({ base, value, effective, components }) => ({ resourceType: 'Observation', ...base, ...value, ...effective, ...(components === undefined ? {} : { component: components }) }));

const CLINICAL = ['active', 'recurrence', 'relapse', 'inactive', 'remission', 'resolved'];
const VERIFICATION = ['unconfirmed', 'provisional', 'differential', 'confirmed', 'refuted', 'entered-in-error'];
export const condition: fc.Arbitrary<Obj> = corruptRecord({
  id,
  code: codeableConcept(CONDITION_CODES),
  subject,
  clinicalStatus: statusConcept(CLINICAL),
  verificationStatus: statusConcept(VERIFICATION),
  category: fc.array(codeableConcept(GENERIC_CODES), { maxLength: 1 }),
  onsetDateTime: fhirDate,
  onsetPeriod: period,
  onsetAge: quantity,
  onsetString: text,
  abatementDateTime: fhirDate,
  recordedDate: fhirDate,
  bodySite: fc.array(codeableConcept(CONDITION_CODES), { maxLength: 1 }),
}).map((r) => ({ resourceType: 'Condition', ...r }));

const PERIOD_UNITS = ['s', 'min', 'h', 'd', 'wk', 'mo', 'a', '', 'day', 'week'];
export const timing: fc.Arbitrary<Obj> = corruptRecord({
  event: fc.array(fhirDate, { maxLength: 2 }),
  repeat: corruptRecord({
    frequency: numberish,
    period: numberish,
    periodUnit: fc.oneof(fc.constantFrom(...PERIOD_UNITS), text),
    count: numberish,
    boundsPeriod: period,
    boundsDuration: quantity,
    dayOfWeek: fc.array(fc.constantFrom('mon', 'tue', 'sun', 'xyz'), { maxLength: 2 }),
  }),
  code: codeableConcept(GENERIC_CODES),
});
export const dosage: fc.Arbitrary<Obj> = corruptRecord({
  text,
  timing,
  asNeededBoolean: fc.boolean(),
  route: codeableConcept(GENERIC_CODES),
  doseAndRate: fc.array(corruptRecord({ doseQuantity: quantity, doseRange: fc.record({ low: quantity, high: quantity }) }), { maxLength: 2 }),
});

const MED_STATUS = ['active', 'on-hold', 'cancelled', 'completed', 'entered-in-error', 'stopped', 'draft', 'unknown', 'intended', 'not-taken'];
const medicationX = fc.oneof(
  { arbitrary: codeableConcept(MEDICATION_CODES).map((c) => ({ medicationCodeableConcept: c })), weight: 8 },
  { arbitrary: fc.constantFrom({ medicationReference: { reference: 'Medication/m1' } }, { medicationReference: { display: 'Alendronat' } }), weight: 1 },
  { arbitrary: fc.constant({}), weight: 1 },
);

export const medicationRequest: fc.Arbitrary<Obj> = fc
  .record({
    base: corruptRecord({
      id,
      status: fc.oneof(fc.constantFrom(...MED_STATUS), text),
      intent: fc.constantFrom('order', 'plan', 'proposal', 'original-order', 'x'),
      subject,
      authoredOn: fhirDate,
      // The sandbox sends category as an object: both shapes.
      category: fc.oneof(fc.array(codeableConcept(GENERIC_CODES), { maxLength: 1 }), codeableConcept(GENERIC_CODES)),
      dosageInstruction: fc.array(dosage, { maxLength: 2 }),
      dispenseRequest: corruptRecord({ validityPeriod: period, numberOfRepeatsAllowed: numberish, quantity, expectedSupplyDuration: quantity }),
      reasonCode: fc.array(codeableConcept(CONDITION_CODES), { maxLength: 1 }),
    }),
    med: medicationX,
  })
  .map(({ base, med }) => ({ resourceType: 'MedicationRequest', ...base, ...med }));

export const medicationStatement: fc.Arbitrary<Obj> = fc
  .record({
    base: corruptRecord({
      id,
      status: fc.oneof(fc.constantFrom(...MED_STATUS), text),
      subject,
      effectiveDateTime: fhirDate,
      effectivePeriod: period,
      dateAsserted: fhirDate,
      dosage: fc.array(dosage, { maxLength: 2 }),
    }),
    med: medicationX,
  })
  .map(({ base, med }) => ({ resourceType: 'MedicationStatement', ...base, ...med }));

export const medicationAdministration: fc.Arbitrary<Obj> = fc
  .record({
    base: corruptRecord({ id, status: fc.oneof(fc.constantFrom('completed', 'in-progress', 'not-done', 'entered-in-error'), text), subject, effectiveDateTime: fhirDate, effectivePeriod: period, dosage: corruptRecord({ dose: quantity }) }),
    med: medicationX,
  })
  .map(({ base, med }) => ({ resourceType: 'MedicationAdministration', ...base, ...med }));

export const allergy: fc.Arbitrary<Obj> = corruptRecord({
  id,
  patient: subject,
  code: codeableConcept(MEDICATION_CODES),
  clinicalStatus: statusConcept(['active', 'inactive', 'resolved']),
  verificationStatus: statusConcept(['confirmed', 'refuted', 'entered-in-error']),
  recordedDate: fhirDate,
  reaction: fc.array(corruptRecord({ substance: codeableConcept(MEDICATION_CODES), manifestation: fc.array(codeableConcept(CONDITION_CODES), { maxLength: 1 }) }), { maxLength: 1 }),
}).map((r) => ({ resourceType: 'AllergyIntolerance', ...r }));

export const familyHistory: fc.Arbitrary<Obj> = corruptRecord({
  id,
  patient: subject,
  status: fc.constantFrom('completed', 'partial', 'entered-in-error', 'health-unknown'),
  relationship: codeableConcept(GENERIC_CODES),
  condition: fc.array(corruptRecord({ code: codeableConcept(CONDITION_CODES), onsetAge: quantity }), { maxLength: 2 }),
}).map((r) => ({ resourceType: 'FamilyMemberHistory', ...r }));

export const operationOutcome: fc.Arbitrary<Obj> = fc
  .array(corruptRecord({ severity: fc.constantFrom('fatal', 'error', 'warning', 'information'), code: text, diagnostics: text }), { maxLength: 2 })
  .map((issue) => ({ resourceType: 'OperationOutcome', issue }));

const anyResource: fc.Arbitrary<Obj> = fc.oneof(observation, condition, medicationRequest, medicationStatement, medicationAdministration, allergy, familyHistory, patient);

/** The resources each prefetch key's search returns (plus, rarely, anything else). */
export const KEY_RESOURCES = {
  observations: observation,
  conditions: condition,
  medicationStatements: medicationStatement,
  medicationRequests: medicationRequest,
  medicationAdministrations: medicationAdministration,
  allergies: allergy,
  familyHistory: familyHistory,
} as const;
export type SearchKey = keyof typeof KEY_RESOURCES;

/** A searchset page: entries (some corrupted), perhaps outcome entries and a next link. */
export function bundleOf(resource: fc.Arbitrary<Obj>, nextLinks: fc.Arbitrary<string | undefined> = fc.constant(undefined)): fc.Arbitrary<Obj> {
  return fc
    .record({
      entries: fc.array(
        fc.oneof(
          { arbitrary: resource.map((r) => ({ resource: r, search: { mode: 'match' } })), weight: 10 },
          { arbitrary: anyResource.map((r) => ({ resource: r })), weight: 1 },
          { arbitrary: operationOutcome.map((r) => ({ resource: r, search: { mode: 'outcome' } })), weight: 1 },
          { arbitrary: anyJson, weight: 1 },
        ),
        { maxLength: 6 },
      ),
      type: corrupt(fc.constantFrom('searchset', 'collection', 'batch-response')),
      total: corrupt(fc.nat(100)),
      next: nextLinks,
    })
    .map(({ entries, type, total, next }) => ({
      resourceType: 'Bundle',
      type,
      total,
      ...(next === undefined ? {} : { link: [{ relation: 'next', url: next }] }),
      entry: entries,
    }));
}

/**
 * A prefetch value for a key. `shell: 'valid'`: what passes request validation (a Bundle, null,
 * absent, an OperationOutcome, one resource — their content anything); `'corrupt'`: junk too.
 */
export function prefetchValue(resource: fc.Arbitrary<Obj>, shell: Shell): fc.Arbitrary<unknown> {
  const valid = [
    { arbitrary: bundleOf(resource), weight: 8 },
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: fc.constant(undefined), weight: 2 },
    { arbitrary: operationOutcome, weight: 1 },
    { arbitrary: resource, weight: 1 },
  ];
  if (shell === 'valid') return fc.oneof(...valid);
  return fc.oneof(...valid, { arbitrary: fc.record({ resourceType: text }), weight: 1 }, { arbitrary: anyJson, weight: 2 });
}

/** Request parts that pass validation (`valid`), or that may not (`corrupt`). */
export type Shell = 'valid' | 'corrupt';

export function prefetch(shell: Shell): fc.Arbitrary<Obj> {
  const patientValue =
    shell === 'valid'
      ? fc.oneof({ arbitrary: patient, weight: 10 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 })
      : fc.oneof({ arbitrary: patient, weight: 10 }, { arbitrary: fc.constant(null), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: anyJson, weight: 2 });
  return fc
    .record({ patient: patientValue, ...Object.fromEntries(Object.entries(KEY_RESOURCES).map(([k, arb]) => [k, prefetchValue(arb, shell)])) })
    .map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
}

// ── drafts and requests ──────────────────────────────────────────────────────────────────────────
const draft = fc.tuple(medicationRequest, fc.stringMatching(/^[A-Za-z0-9-]{1,10}$/)).map(([r, draftId]) => ({ ...r, id: draftId, status: 'draft' }));

/** A draft-order Bundle; its entries are anything (entry content is not validated). */
export function draftBundle(shell: Shell): fc.Arbitrary<Obj> {
  return fc
    .array(fc.oneof({ arbitrary: draft, weight: 6 }, { arbitrary: anyResource, weight: 1 }, { arbitrary: anyJson, weight: 1 }), { maxLength: 4 })
    .chain((resources) =>
      fc.record({
        resourceType: shell === 'valid' ? fc.constant('Bundle') : fc.oneof({ arbitrary: fc.constant('Bundle'), weight: 6 }, { arbitrary: text, weight: 1 }),
        type: corrupt(fc.constantFrom('collection', 'batch')),
        entry: shell === 'valid' ? fc.constant(resources.map((resource) => ({ resource }))) : fc.oneof({ arbitrary: fc.constant(resources.map((resource) => ({ resource }))), weight: 6 }, { arbitrary: anyJson, weight: 1 }),
      }),
    );
}

/** `selections`: references to the drafts (when they have ids), to nothing, or (corrupt) anything. */
function selectionsFor(drafts: unknown, shell: Shell): fc.Arbitrary<unknown> {
  const refs: string[] = [];
  if (typeof drafts === 'object' && drafts !== null && 'entry' in drafts && Array.isArray(drafts.entry)) {
    for (const e of drafts.entry as unknown[]) {
      const r: unknown = typeof e === 'object' && e !== null && 'resource' in e ? e.resource : undefined;
      if (typeof r === 'object' && r !== null && 'resourceType' in r && 'id' in r && typeof r.resourceType === 'string' && typeof r.id === 'string') refs.push(`${r.resourceType}/${r.id}`);
    }
  }
  const ref = fc.oneof({ arbitrary: refs.length > 0 ? fc.constantFrom(...refs) : fc.constant('MedicationRequest/none'), weight: 4 }, { arbitrary: fc.constant('MedicationRequest/unknown'), weight: 1 });
  const valid = fc.array(ref, { minLength: 1, maxLength: 3 });
  if (shell === 'valid') return valid;
  return fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: fc.array(fc.oneof(ref, text), { maxLength: 3 }), weight: 2 }, { arbitrary: anyJson, weight: 1 });
}

export type Hook = 'patient-view' | 'order-select' | 'order-sign' | 'medication-prescribe';

function context(hook: Hook, shell: Shell): fc.Arbitrary<unknown> {
  const base =
    shell === 'valid'
      ? {
          userId: fc.constantFrom('Practitioner/COREPRACTITIONER1', 'PractitionerRole/1', 'Patient/x'),
          // Another patient's id: the prefetched Patient does not match → 412.
          patientId: fc.oneof({ arbitrary: fc.constant(PATIENT_ID), weight: 12 }, { arbitrary: fc.constant('other-patient'), weight: 1 }),
          encounterId: fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
        }
      : {
          userId: corrupt(fc.constantFrom('Practitioner/COREPRACTITIONER1', 'PractitionerRole/1', 'Patient/x')),
          patientId: fc.oneof({ arbitrary: fc.constant(PATIENT_ID), weight: 6 }, { arbitrary: anyJson, weight: 1 }, { arbitrary: text, weight: 1 }),
          encounterId: fc.option(text, { nil: undefined }),
        };
  const drafts = shell === 'valid' ? draftBundle('valid') : corrupt(draftBundle('corrupt'), 6);
  const shaped: fc.Arbitrary<Obj> =
    hook === 'patient-view'
      ? fc.record(base)
      : hook === 'order-select'
        ? drafts.chain((draftOrders) => fc.record({ ...base, draftOrders: fc.constant(draftOrders), selections: selectionsFor(draftOrders, shell) }))
        : hook === 'order-sign'
          ? fc.record({ ...base, draftOrders: drafts })
          : fc.record({ ...base, medications: drafts });
  return shell === 'valid' ? shaped : fc.oneof({ arbitrary: shaped, weight: 10 }, { arbitrary: anyJson, weight: 1 });
}

export interface FhirStubAnswer {
  readonly status: number;
  /** A JSON value, or a raw string sent as is. */
  readonly body: unknown;
  readonly raw: boolean;
}

/** What the FHIR stub answers for a resource type: mostly a Bundle, sometimes an error or junk. */
export function stubAnswer(resource: fc.Arbitrary<Obj>, stubBase: string): fc.Arbitrary<FhirStubAnswer> {
  const next = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 6 },
    { arbitrary: fc.constantFrom(`${stubBase}/Observation?page=2`, `${stubBase}/Condition?page=2`, 'Observation?page=3', 'https://evil.example/next', 'not a url', '//evil.example/x'), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: bundleOf(resource, next).map((body) => ({ status: 200, body, raw: false })), weight: 8 },
    { arbitrary: resource.map((body) => ({ status: 200, body, raw: false })), weight: 1 },
    { arbitrary: operationOutcome.map((body) => ({ status: 200, body, raw: false })), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(400, 401, 403, 404, 410, 429, 500, 502, 503), operationOutcome).map(([status, body]) => ({ status, body, raw: false })), weight: 2 },
    { arbitrary: fc.constantFrom('<html><body>Error</body></html>', '{"resourceType":"Bundle","entry":[', '', 'null', '[]', '\u0000\u0001').map((body) => ({ status: 200, body, raw: true })), weight: 1 },
    { arbitrary: anyJson.map((body) => ({ status: 200, body, raw: false })), weight: 1 },
  );
}

export interface HookCase {
  readonly body: unknown;
  /** Per resource type, what the FHIR stub answers (when the request names the stub as fhirServer). */
  readonly stub: Readonly<Record<string, FhirStubAnswer>>;
}

/** What the FHIR stub answers, per resource type (the Patient read mostly succeeds). */
export function stubAnswers(stubBase: string): fc.Arbitrary<Record<string, FhirStubAnswer>> {
  return fc.record({
    Patient: fc.oneof({ arbitrary: patient.map((body) => ({ status: 200, body, raw: false })), weight: 6 }, { arbitrary: stubAnswer(patient, stubBase), weight: 1 }),
    Observation: stubAnswer(observation, stubBase),
    Condition: stubAnswer(condition, stubBase),
    MedicationStatement: stubAnswer(medicationStatement, stubBase),
    MedicationRequest: stubAnswer(medicationRequest, stubBase),
    MedicationAdministration: stubAnswer(medicationAdministration, stubBase),
    AllergyIntolerance: stubAnswer(allergy, stubBase),
    FamilyMemberHistory: stubAnswer(familyHistory, stubBase),
  });
}

function requestBody(hook: Hook, stubBase: string, shell: Shell): fc.Arbitrary<unknown> {
  const valid = shell === 'valid';
  return fc
    .record({
      hook: valid ? fc.constant(hook) : fc.oneof({ arbitrary: fc.constant(hook), weight: 6 }, { arbitrary: fc.constantFrom('patient-view', 'order-select', 'order-sign', 'medication-prescribe'), weight: 1 }, { arbitrary: anyJson, weight: 1 }),
      hookInstance: valid ? fc.uuid() : corrupt(fc.uuid(), 6),
      fhirServer: valid
        ? fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: fc.constant(stubBase), weight: 1 })
        : fc.oneof(
            { arbitrary: fc.constant(undefined), weight: 2 },
            { arbitrary: fc.constant(stubBase), weight: 2 },
            // Never fetched: 400 (not https, not loopback) or not a URL at all.
            { arbitrary: fc.constantFrom('http://fhir.example.org/r4', 'ftp://127.0.0.1/x', 'not a url', '', 'https://'), weight: 1 },
            { arbitrary: anyJson.filter((v) => typeof v !== 'string'), weight: 1 },
          ),
      fhirAuthorization: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 6 },
        { arbitrary: fc.record({ access_token: fc.string({ minLength: 1, maxLength: 20 }), token_type: fc.constant('Bearer'), expires_in: fc.nat(3600), scope: fc.string(), subject: fc.string() }), weight: 2 },
        ...(valid ? [] : [{ arbitrary: anyJson, weight: 1 }, { arbitrary: fc.record({ access_token: text, token_type: fc.constantFrom('bearer', 'MAC') }), weight: 1 }]),
      ),
      context: context(hook, shell),
      prefetch: valid
        ? fc.oneof({ arbitrary: prefetch('valid'), weight: 12 }, { arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: fc.constant(null), weight: 1 })
        : fc.oneof({ arbitrary: prefetch('corrupt'), weight: 6 }, { arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: anyJson, weight: 1 }),
      extension: fc.option(fc.dictionary(text, anyJson, { maxKeys: 2 }), { nil: undefined }),
    })
    .map((r) => {
      const body = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));
      // cds-r-1: a token without fhirServer is a 400; a valid shell keeps them together.
      if (valid && body.fhirServer === undefined) delete body.fhirAuthorization;
      return body;
    });
}

/**
 * A hook request for `hook`, with the FHIR stub at `stubBase` as a possible fhirServer: three in
 * four with a valid shell (so the case reaches prefetch, facts, rules and cards, with garbage
 * inside the resources), one in four with corrupted protocol fields, and rarely plain JSON.
 */
export function hookCase(hook: Hook, stubBase: string): fc.Arbitrary<HookCase> {
  const body = fc.oneof(
    { arbitrary: requestBody(hook, stubBase, 'valid'), weight: 30 },
    { arbitrary: requestBody(hook, stubBase, 'corrupt'), weight: 10 },
    { arbitrary: anyJson, weight: 1 },
  );
  return fc.record({ body, stub: stubAnswers(stubBase) });
}

// ── feedback ─────────────────────────────────────────────────────────────────────────────────────
const rfc3339ish: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: validInstant.map((d) => d.toISOString()), weight: 4 },
  { arbitrary: validInstant.map((d) => d.toISOString().replace('.000Z', '+02:00').replace(/\.\d{3}Z$/, '-05:00')), weight: 1 },
  { arbitrary: fhirDate, weight: 2 },
);
const OVERRIDE_CODES = ['patient-declined', 'specialist-managed', 'already-addressed', 'not-applicable', 'clinical-judgement'];

/** A feedback item that passes validation: its free text anything. */
const validFeedbackItem: fc.Arbitrary<Obj> = fc.oneof(
  fc.record({ card: fc.uuid(), outcome: fc.constant('accepted'), acceptedSuggestions: fc.array(fc.record({ id: fc.uuid() }), { minLength: 1, maxLength: 3 }), outcomeTimestamp: validInstant.map((d) => d.toISOString()) }),
  fc
    .record({
      card: fc.uuid(),
      outcome: fc.constant('overridden'),
      overrideReason: fc.option(
        fc.record(
          {
            reason: fc.record({ code: fc.constantFrom(...OVERRIDE_CODES), system: fc.constant('urn:osteo-cds:override-reason'), display: fc.string({ minLength: 1 }) }, { requiredKeys: ['code'] }),
            userComment: fc.string({ maxLength: 200 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      outcomeTimestamp: validInstant.map((d) => d.toISOString().replace(/\.\d{3}Z$/, '+02:00')),
    })
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
);

export const feedbackItem: fc.Arbitrary<unknown> = corruptRecord({
  card: fc.oneof({ arbitrary: fc.uuid(), weight: 6 }, { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 }, { arbitrary: text, weight: 1 }),
  outcome: fc.oneof(fc.constantFrom('accepted', 'overridden'), text),
  acceptedSuggestions: fc.array(corruptRecord({ id: fc.oneof(fc.uuid(), text) }), { maxLength: 3 }),
  overrideReason: corruptRecord({
    reason: corruptRecord({ code: fc.constantFrom(...OVERRIDE_CODES, ''), system: fc.constantFrom('urn:osteo-cds:override-reason', ''), display: text }),
    userComment: fc.string({ maxLength: 200 }),
  }),
  outcomeTimestamp: rfc3339ish,
});
export const feedbackBody: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.record({ feedback: fc.array(validFeedbackItem, { minLength: 1, maxLength: 5 }) }), weight: 12 },
  { arbitrary: fc.record({ feedback: fc.array(fc.oneof(validFeedbackItem, feedbackItem), { maxLength: 5 }) }), weight: 6 },
  { arbitrary: fc.record({ feedback: anyJson }), weight: 1 },
  { arbitrary: anyJson, weight: 1 },
);

// ── pathological inputs (issue 13): long runs, deep nesting, huge arrays ─────────────────────────
const RUN_PREFIXES = ['', 'premenopausal mean', 'præmenopausale kvinder: middelværdi', 'alendronat ', '< ', '20', 'http://loinc.org', 'Patient/', 'prednisolon 5 mg '];
const RUN_UNITS = [' ', '\t', '\n', '1', '9', '/', '.', '1.', ' -', '0,', 'a', 'mg'];

/** A long run of one short unit, between a prefix the patterns look for and a suffix that makes them fail late. */
export const pathologicalString: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...RUN_PREFIXES), fc.constantFrom(...RUN_UNITS), fc.integer({ min: 1000, max: 100_000 }), fc.constantFrom('', 'x', ' mg', '-5', '/ml'))
  .map(([prefix, unit, n, suffix]) => `${prefix}${unit.repeat(n)}${suffix}`);

/** What replaces one spot of a request: a long string, JSON nested deep (as text), or a huge array. */
export type Pathology = { readonly kind: 'string'; readonly value: string } | { readonly kind: 'deep'; readonly levels: number; readonly shape: 'array' | 'object' | 'concept' } | { readonly kind: 'huge-array'; readonly length: number };

export const pathology: fc.Arbitrary<Pathology> = fc.oneof(
  { arbitrary: pathologicalString.map((value) => ({ kind: 'string' as const, value })), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('deep' as const), levels: fc.integer({ min: 50, max: 6000 }), shape: fc.constantFrom('array' as const, 'object' as const, 'concept' as const) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('huge-array' as const), length: fc.integer({ min: 1000, max: 30_000 }) }), weight: 1 },
);

const PLACEHOLDER = '"\u0000pathology\u0000"';

function deepText(levels: number, shape: 'array' | 'object' | 'concept'): string {
  if (shape === 'array') return `${'['.repeat(levels)}1${']'.repeat(levels)}`;
  if (shape === 'object') return `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  return `${'{"coding":[{"system":"http://www.whocc.no/atc","code":"M05BA04"}],"extension":[{"url":"u","valueCodeableConcept":'.repeat(levels)}{}${'}]}'.repeat(levels)}`;
}

/** Every spot of a JSON value (objects, arrays, strings), as parent and key. */
function spots(value: unknown): { parent: Obj | unknown[]; key: string | number; leaf: unknown }[] {
  const out: { parent: Obj | unknown[]; key: string | number; leaf: unknown }[] = [];
  const stack: unknown[] = [value];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (typeof v !== 'object' || v === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, leaf] of entries) {
      if (leaf === undefined) continue;
      out.push({ parent: v as Obj | unknown[], key, leaf });
      stack.push(leaf);
    }
  }
  return out;
}

/** The request body as JSON text with one spot (chosen by `pick`) replaced by the pathology. */
export function withPathology(body: unknown, p: Pathology, pick: number): string {
  const copy: unknown = JSON.parse(JSON.stringify(body) ?? 'null');
  const all = spots(copy);
  const spot = all[all.length === 0 ? 0 : pick % all.length];
  if (spot === undefined) return JSON.stringify(copy) ?? 'null';
  const set = (v: unknown): void => {
    if (Array.isArray(spot.parent)) spot.parent[spot.key as number] = v;
    else spot.parent[spot.key as string] = v;
  };
  if (p.kind === 'string') set(p.value);
  else if (p.kind === 'huge-array') set(Array.from({ length: p.length }, () => spot.leaf));
  else set(PLACEHOLDER.slice(1, -1));
  const text = JSON.stringify(copy) ?? 'null';
  return p.kind === 'deep' ? text.replace(PLACEHOLDER.replace('\u0000', '\\u0000').replace('\u0000', '\\u0000'), deepText(p.levels, p.shape)) : text;
}
