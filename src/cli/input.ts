/**
 * The CLI's input: a patient record (a FHIR `Bundle` of resources, or a whole CDS Hooks request)
 * and optional draft orders, read from files and turned into what the engine evaluates — without
 * a server and without the network (a request's `fhirServer` is never called).
 */
import { readFileSync } from 'node:fs';
import { draftsFromContext } from '../cds-hooks/drafts.js';
import { isAboutAnotherPatient, medicationByFullUrl } from '../prefetch/fhir-json.js';
import { resolvePrefetch } from '../prefetch/resolve.js';
import type { DraftResource, ResolvedData } from '../prefetch/types.js';
import { isRecord, isResource, type UntrustedResource } from '../shared/json.js';
import { type Hook, HOOKS } from '../contract/services.js';

/** A problem with what the user gave: printed as one line, exit status 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new InputError(`${what} ${path}: ${why}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new InputError(`${what} ${path} is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

function entryResources(bundle: UntrustedResource): UntrustedResource[] {
  const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
  return entries.map((e) => (isRecord(e) ? e.resource : undefined)).filter(isResource);
}

export interface PatientInput {
  readonly data: ResolvedData;
  /** The hook of a CDS Hooks request file, if it was one. */
  readonly hook?: Hook;
  /** Draft orders of a CDS Hooks request file. */
  readonly drafts: readonly DraftResource[];
}

const isHook = (v: unknown): v is Hook => typeof v === 'string' && (HOOKS as readonly string[]).includes(v);

/** A Bundle of one patient's resources, or a CDS Hooks request (its prefetch and context). */
export async function patientInput(json: unknown, path: string): Promise<PatientInput> {
  if (isRecord(json) && typeof json.hook === 'string' && isRecord(json.context)) return requestInput(json, path);
  if (!isResource(json) || json.resourceType !== 'Bundle') {
    const what = isResource(json) ? `a ${json.resourceType}` : Array.isArray(json) ? 'an array' : `not a FHIR resource`;
    throw new InputError(`${path} is ${what}, not a FHIR Bundle (or a CDS Hooks request)`);
  }
  const resources = entryResources(json);
  const patients = resources.filter((r) => r.resourceType === 'Patient');
  if (patients.length === 0) throw new InputError(`${path}: no Patient in the Bundle`);
  const ids = new Set(patients.map((p) => (typeof p.id === 'string' ? p.id : '')));
  if (ids.size > 1) throw new InputError(`${path}: the Bundle holds ${ids.size} patients; give one patient's record`);
  const patient = patients[0] as UntrustedResource;
  const id = typeof patient.id === 'string' && patient.id !== '' ? patient.id : undefined;
  const others = resources.filter((r) => r.resourceType !== 'Patient' && (id === undefined || !isAboutAnotherPatient(r, id)));
  const named = (Array.isArray(json.entry) ? json.entry : []).filter(isRecord).map(medicationByFullUrl).filter((e) => e !== undefined);
  const data = { patient: id === undefined ? { ...patient, id: 'patient' } : patient, resources: others, unavailable: [], ...(named.length === 0 ? {} : { medicationsByFullUrl: named }) };
  return { data, drafts: [] };
}

async function requestInput(json: Record<string, unknown>, path: string): Promise<PatientInput> {
  const hook = json.hook;
  if (!isHook(hook)) throw new InputError(`${path}: unknown hook ${JSON.stringify(hook)} (one of ${HOOKS.join(', ')})`);
  const context = json.context as Record<string, unknown>;
  const patientId = context.patientId;
  if (typeof patientId !== 'string' || patientId === '') throw new InputError(`${path}: context.patientId is missing`);
  const prefetch = isRecord(json.prefetch) ? json.prefetch : undefined;
  // The same reading as the service, but never a fetch: a missing key is reported unavailable.
  const result = await resolvePrefetch(
    { context: { ...context, patientId }, prefetch, fhirServer: undefined, accessToken: undefined },
    { templates: NO_TEMPLATES, timeoutMs: 1, maxBytes: Number.MAX_SAFE_INTEGER },
  );
  if (!result.ok) {
    throw new InputError(
      result.failure === 'patient'
        ? `${path}: prefetch.patient is missing or is not the Patient ${patientId} (the CLI does not fetch from fhirServer)`
        : `${path}: the prefetch holds only the Patient (the CLI does not fetch from fhirServer)`,
    );
  }
  return { data: result.data, hook, drafts: draftsFromContext(hook, context) };
}

/** Templates are only used to fetch, which the CLI never does. */
const NO_TEMPLATES = {
  patient: '',
  observations: '',
  conditions: '',
  medicationStatements: '',
  medicationRequests: '',
  medicationAdministrations: '',
  allergies: '',
  familyHistory: '',
} as const;

/**
 * `--draft <file>`: one draft resource (a MedicationRequest) or a Bundle of them, read as a hook's
 * `context.draftOrders` is (cds-hooks/drafts.ts): a draft without an id is named by its entry's
 * `urn:uuid:` fullUrl or its place, and no suggestion updates or deletes it — an id made up here
 * had put `delete MedicationRequest/draft-1` and evidence naming no resource on the card.
 */
export function draftInput(json: unknown, path: string): DraftResource[] {
  if (!isResource(json)) throw new InputError(`${path} is not a FHIR resource (give a MedicationRequest or a Bundle of them)`);
  const bundle = json.resourceType === 'Bundle' ? json : { resourceType: 'Bundle', type: 'collection', entry: [{ resource: json }] };
  const drafts = draftsFromContext('order-sign', { draftOrders: bundle });
  if (drafts.length === 0) throw new InputError(`${path}: the Bundle holds no draft orders`);
  return drafts;
}
