/**
 * The fixture patients as a FHIR data set: every `fixtures/<scenario>/request.json`'s prefetch
 * (the Patient and the resources of the other keys), indexed for the read-only FHIR server the
 * CDS Hooks sandbox loads patients from.
 *
 * - Patient ids are unique across the set: when two scenarios share a patient with the same
 *   record (variants of one patient with other draft orders) it is served once; when the records
 *   differ, the first scenario's (by name) is served and the conflict is reported.
 * - Resources are kept per patient, so two patients' `Observation/egfr` never mix.
 * - What the sandbox needs is filled in on the served copies (cds-hooks.md §17): a Patient name
 *   has a `given` array; a Condition has `code.text` (its first coding's display or code).
 * - A resource that says it is about another patient (a fixture's cross-patient trap) is not
 *   served for this one.
 * - Medications that came in a key's Bundle with the patient's requests travel with them
 *   (as `_include` would bring them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAboutAnotherPatient } from '../prefetch/fhir-json.js';
import { isRecord, isResource, type UntrustedResource } from '../shared/json.js';

export interface PatientRecord {
  readonly scenario: string;
  readonly patient: UntrustedResource;
  /** The patient's resources of every key (no Patient), as served. */
  readonly resources: readonly UntrustedResource[];
  /** Resources without a patient of their own (Medication) that came with the patient's data. */
  readonly included: readonly UntrustedResource[];
}

export interface FixtureData {
  readonly patients: ReadonlyMap<string, PatientRecord>;
  /** Scenarios and patients left out or shared, for the start-up log. */
  readonly problems: readonly string[];
}

const PATIENT_LINKED = new Set([
  'Observation',
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  'MedicationAdministration',
  'AllergyIntolerance',
  'FamilyMemberHistory',
  'Procedure',
  'Encounter',
  'DiagnosticReport',
  'Immunization',
  'ServiceRequest',
]);

/** The served copy of a resource, with what the sandbox needs filled in. */
export function forSandbox(resource: UntrustedResource): UntrustedResource {
  if (resource.resourceType === 'Patient' && Array.isArray(resource.name)) {
    const name = resource.name.map((n: unknown) => (isRecord(n) && !Array.isArray(n.given) ? { ...n, given: typeof n.given === 'string' ? [n.given] : [] } : n));
    return { ...resource, name };
  }
  if (resource.resourceType === 'Condition' && isRecord(resource.code) && typeof resource.code.text !== 'string') {
    const coding = Array.isArray(resource.code.coding) ? resource.code.coding.find(isRecord) : undefined;
    const text = coding === undefined ? undefined : typeof coding.display === 'string' ? coding.display : typeof coding.code === 'string' ? coding.code : undefined;
    if (text !== undefined) return { ...resource, code: { ...resource.code, text } };
  }
  return resource;
}

function bundleResources(value: unknown): UntrustedResource[] {
  if (!isResource(value)) return [];
  if (value.resourceType !== 'Bundle') return [value];
  const entries = Array.isArray(value.entry) ? value.entry : [];
  return entries.map((e) => (isRecord(e) ? e.resource : undefined)).filter(isResource);
}

export function loadFixtureData(dir: string): FixtureData {
  const patients = new Map<string, PatientRecord>();
  const sources = new Map<string, string>();
  const problems: string[] = [];
  if (!existsSync(dir)) return { patients, problems: [`no fixtures folder at ${dir}`] };
  const scenarios = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'request.json')))
    .map((d) => d.name)
    .sort();
  for (const scenario of scenarios) {
    let request: unknown;
    try {
      request = JSON.parse(readFileSync(join(dir, scenario, 'request.json'), 'utf8'));
    } catch {
      problems.push(`${scenario}: request.json is not JSON; left out`);
      continue;
    }
    const prefetch = isRecord(request) && isRecord(request.prefetch) ? request.prefetch : undefined;
    const patient = prefetch?.patient;
    if (!isResource(patient) || patient.resourceType !== 'Patient' || typeof patient.id !== 'string') {
      problems.push(`${scenario}: no prefetch.patient; left out`);
      continue;
    }
    const id = patient.id;
    const resources: UntrustedResource[] = [];
    const included: UntrustedResource[] = [];
    for (const [key, value] of Object.entries(prefetch ?? {})) {
      if (key === 'patient') continue;
      for (const r of bundleResources(value)) {
        if (r.resourceType === 'Patient' || r.resourceType === 'OperationOutcome') continue;
        if (isAboutAnotherPatient(r, id)) continue;
        if (PATIENT_LINKED.has(r.resourceType)) resources.push(forSandbox(r));
        else included.push(r);
      }
    }
    const source = JSON.stringify(prefetch);
    const existing = patients.get(id);
    if (existing !== undefined) {
      if (sources.get(id) !== source) problems.push(`${scenario}: Patient/${id} is also in ${existing.scenario} with other data; serving ${existing.scenario}'s`);
      continue;
    }
    sources.set(id, source);
    patients.set(id, { scenario, patient: forSandbox(patient), resources, included });
  }
  return { patients, problems };
}
