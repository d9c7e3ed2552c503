/**
 * Realistic synthetic patients for the benchmark and the soak test: an elderly woman with ten years
 * of labs (eGFR, creatinine, calcium, 25-OH-D, P1NP), DXA T-scores at several sites every two years,
 * BMI and height, conditions, and a medication history with alendronate, denosumab and prednisolone
 * courses — Danish and international codes mixed, as a Danish EHR with imported data sends them.
 * Deterministic for a given seed, so every run measures the same bodies.
 */
import { addDays, addMonths, type LocalDate } from '../src/time/local-date.js';

export interface GeneratedPatient {
  readonly patientView: Record<string, unknown>;
  readonly orderSign: Record<string, unknown>;
}

const NOW: LocalDate = '2026-11-26';
const PATIENT_ID = 'bench-patient';

/** mulberry32: a small, good-enough deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface LabSpec {
  readonly system: string;
  readonly code: string;
  readonly display: string;
  readonly unit: string;
  readonly ucum: string;
  readonly mean: number;
  readonly sd: number;
}

const NPU = 'urn:oid:1.2.208.176.2.1';
const LOINC = 'http://loinc.org';
const LABS: readonly LabSpec[] = [
  { system: NPU, code: 'DNK35302', display: 'P—Nyre-glomerulær filtration; eGFR', unit: 'mL/min/1,73 m2', ucum: 'mL/min/{1.73_m2}', mean: 62, sd: 10 },
  { system: NPU, code: 'NPU18016', display: 'P—Creatininium; stofk.', unit: 'µmol/L', ucum: 'umol/L', mean: 85, sd: 12 },
  { system: NPU, code: 'NPU01443', display: 'P—Calcium(II); stofk.', unit: 'mmol/L', ucum: 'mmol/L', mean: 2.35, sd: 0.08 },
  { system: NPU, code: 'NPU10267', display: 'P—25-Hydroxy-vitamin D', unit: 'nmol/L', ucum: 'nmol/L', mean: 68, sd: 15 },
  { system: LOINC, code: '77370-5', display: 'Procollagen type I.N-terminal propeptide', unit: 'ug/L', ucum: 'ug/L', mean: 38, sd: 12 },
  { system: LOINC, code: '39156-5', display: 'Body mass index', unit: 'kg/m2', ucum: 'kg/m2', mean: 23, sd: 1 },
  { system: LOINC, code: '8302-2', display: 'Body height', unit: 'cm', ucum: 'cm', mean: 162, sd: 0.8 },
];
const T_SCORES = [
  { code: '38267-1', display: 'DXA Lumbar spine [T-score] Bone density', mean: -2.4 },
  { code: '38264-8', display: 'DXA Hip [T-score] Bone density', mean: -2.1 },
  { code: '38263-0', display: 'DXA Femur [T-score] Bone density', mean: -2.6 },
];

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function observation(id: string, system: string, code: string, display: string, date: LocalDate, value: number, unit: string, ucum: string): Record<string, unknown> {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system, code, display }], text: display },
    subject: { reference: `Patient/${PATIENT_ID}` },
    effectiveDateTime: `${date}T08:30:00+01:00`,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: ucum },
  };
}

function bundle(resources: readonly Record<string, unknown>[]): Record<string, unknown> {
  return { resourceType: 'Bundle', type: 'searchset', total: resources.length, entry: resources.map((resource) => ({ resource })) };
}

function statement(id: string, atc: string, text: string, start: LocalDate, end: LocalDate | undefined, status: string, dose?: number): Record<string, unknown> {
  return {
    resourceType: 'MedicationStatement',
    id,
    status,
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: atc }], text },
    subject: { reference: `Patient/${PATIENT_ID}` },
    effectivePeriod: end === undefined ? { start } : { start, end },
    ...(dose === undefined
      ? {}
      : { dosage: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: dose, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] }] }),
  };
}

/**
 * How the record's resources are named: `short` ids (`obs-12`, `cond-3`, the default and the
 * history's) or a UUID each, as many EHRs and FHIR servers name them. JSON.parse internalises
 * strings of up to 10 characters, so short ids reach the facts stage already hashed; a UUID is a
 * fresh string that the de-duplication by id reads whole (bench/results.md, 6 December evening).
 */
export type GeneratedIds = 'short' | 'uuid';

/** A UUID (version 4 layout) from the generator's own random numbers: the same ids on every run. */
function uuidFrom(rand: () => number): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(rand() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
}

/** A patient with `observationCount` Observations, 10 % as many Conditions and 40 MedicationStatements. */
export function generatePatient(observationCount: number, seed = 42, ids: GeneratedIds = 'short'): GeneratedPatient {
  const rand = prng(seed);
  const gauss = (): number => (rand() + rand() + rand() - 1.5) * 2;
  const observations: Record<string, unknown>[] = [];
  const tenYears = 3652;
  // DXA every two years: three sites each.
  for (let y = 0; y < 5 && observations.length < observationCount; y++) {
    const date = addMonths(NOW, -(y * 24 + 3));
    for (const t of T_SCORES) {
      if (observations.length >= observationCount) break;
      observations.push({
        ...observation(`dxa-${y}-${t.code}`, LOINC, t.code, t.display, date, round(t.mean + y * 0.1 + gauss() * 0.2, 1), '{T-score}', '{T-score}'),
        performer: [{ reference: 'Organization/hvidovre-osteoporose', display: 'Hvidovre Hospital, Osteoporoseklinik' }],
      });
    }
  }
  for (let i = 0; observations.length < observationCount; i++) {
    const lab = LABS[i % LABS.length];
    if (lab === undefined) break;
    const date = addDays(NOW, -Math.floor(((i + 1) / observationCount) * tenYears) - 1);
    observations.push(observation(`obs-${i}`, lab.system, lab.code, lab.display, date, round(lab.mean + gauss() * lab.sd, 2), lab.unit, lab.ucum));
  }
  observations.sort((a, b) => String(b.effectiveDateTime).localeCompare(String(a.effectiveDateTime)));

  const conditionCodes = [
    { system: 'urn:oid:1.2.208.176.2.4.12', code: 'DI109', display: 'Essentiel hypertension' },
    { system: 'urn:oid:1.2.208.176.2.4.12', code: 'DE119', display: 'Type 2-diabetes' },
    { system: 'http://snomed.info/sct', code: '69896004', display: 'Rheumatoid arthritis' },
    { system: 'urn:oid:1.2.208.176.2.4.12', code: 'DJ449', display: 'KOL' },
    { system: 'http://hl7.org/fhir/sid/icpc-2', code: 'K86', display: 'Hypertension' },
  ];
  const conditions: Record<string, unknown>[] = [
    {
      resourceType: 'Condition',
      id: 'cond-hip-fracture',
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
      code: { coding: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DS720', display: 'Fraktur af lårbenshals' }] },
      subject: { reference: `Patient/${PATIENT_ID}` },
      onsetDateTime: '2020-02-11',
    },
  ];
  for (let i = 1; i < Math.max(1, Math.round(observationCount / 10)); i++) {
    const c = conditionCodes[i % conditionCodes.length];
    conditions.push({
      resourceType: 'Condition',
      id: `cond-${i}`,
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
      code: { coding: [c] },
      subject: { reference: `Patient/${PATIENT_ID}` },
      onsetDateTime: addDays(NOW, -Math.floor(rand() * tenYears)),
    });
  }

  const medications: Record<string, unknown>[] = [
    statement('ms-alendronate', 'M05BA04', 'Alendronat 70 mg', '2016-03-01', '2021-03-01', 'completed'),
    statement('ms-ppi', 'A02BC01', 'Omeprazol 20 mg', '2019-01-01', undefined, 'active', 20),
    statement('ms-d3', 'A11CC05', 'D3-vitamin 20 µg', '2016-03-01', undefined, 'active'),
  ];
  for (let i = 0; i < 11; i++) {
    const date = addMonths('2021-06-01', i * 6);
    medications.push(statement(`ms-denosumab-${i}`, 'M05BX04', 'Denosumab 60 mg', date, date, 'completed'));
  }
  for (let i = 0; medications.length < 40; i++) {
    const start = addMonths('2017-01-10', i * 4);
    medications.push(statement(`ms-prednisolone-${i}`, 'H02AB06', 'Prednisolon 5 mg', start, addDays(start, 14), 'completed', 25));
  }

  if (ids === 'uuid') {
    // A random stream of its own: the record's clinical content is the same as with short ids.
    const idRand = prng(seed + 1);
    for (const r of [...observations, ...conditions, ...medications]) r.id = uuidFrom(idRand);
  }
  const patient = {
    resourceType: 'Patient',
    id: PATIENT_ID,
    gender: 'female',
    birthDate: '1946-05-17',
    name: [{ family: 'Jensen', given: ['Karen'] }],
  };
  const prefetch = {
    patient,
    observations: bundle(observations),
    conditions: bundle(conditions),
    medicationStatements: bundle(medications),
    medicationRequests: bundle([]),
    medicationAdministrations: bundle([]),
    allergies: bundle([]),
    familyHistory: bundle([]),
  };
  const common = {
    fhirServer: 'http://127.0.0.1:9/fhir',
    prefetch,
  };
  const patientView = {
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/bench', patientId: PATIENT_ID },
    ...common,
  };
  const draftOrder = {
    resourceType: 'MedicationRequest',
    id: 'draft-alendronate',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text: 'Alendronat 70 mg tablet' },
    subject: { reference: `Patient/${PATIENT_ID}` },
    authoredOn: NOW,
    dosageInstruction: [{ text: '1 tablet ugentligt', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } } }],
  };
  const orderSign = {
    hook: 'order-sign',
    hookInstance: '0b5f0c8e-5f2c-4f35-8d52-3d2f1f0a9c11',
    context: { userId: 'Practitioner/bench', patientId: PATIENT_ID, draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draftOrder }] } },
    ...common,
  };
  return { patientView, orderSign };
}
