/**
 * Tolerant readers for the FHIR JSON the prefetch stage handles: is it a resource, an
 * OperationOutcome, a Bundle page (data, outcome warnings, next link), whose patient is it about.
 * Nothing here throws on odd input; unknown shapes read as "not what we are looking for".
 */
import { isRecord, isResource, type UntrustedResource } from '../shared/json.js';
import { urnUuidFullUrl } from '../shared/url.js';
import type { FullUrlEntry } from './types.js';

export function isOperationOutcome(value: unknown): boolean {
  return isResource(value) && value.resourceType === 'OperationOutcome';
}

/** An OperationOutcome with an issue of severity error or fatal (or no readable issues at all). */
function isErrorOutcome(outcome: UntrustedResource): boolean {
  const issues = outcome.issue;
  if (!Array.isArray(issues) || issues.length === 0) return true;
  return issues.some((i) => !isRecord(i) || i.severity === 'error' || i.severity === 'fatal' || i.severity === undefined);
}

export type PageReading =
  | {
      readonly kind: 'data';
      /** Data resources of the page (OperationOutcome entries left out): a new array, the caller's to extend. */
      readonly resources: UntrustedResource[];
      /** `link[relation=next].url`, if any. */
      readonly next: string | undefined;
      /** Its Medication entries named by a `urn:uuid:` fullUrl. */
      readonly medications: readonly FullUrlEntry[];
    }
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * Reads one response (a prefetch value or a fetched page) in place of a key's data.
 *
 * - an OperationOutcome → unavailable;
 * - a Bundle whose entries are all OperationOutcomes → unavailable, except when every one is a
 *   `search.mode = outcome` entry without an error/fatal issue (an empty search with a warning);
 * - a Bundle otherwise → its entry resources, OperationOutcome entries dropped (warnings, not data);
 * - any other resource → that resource;
 * - anything that is not a FHIR resource → unavailable.
 */
export function readPage(body: unknown, expectedType?: string): PageReading {
  if (!isResource(body)) return { kind: 'unavailable', reason: 'not a FHIR resource' };
  if (body.resourceType === 'OperationOutcome') return { kind: 'unavailable', reason: 'OperationOutcome' };
  if (body.resourceType !== 'Bundle') {
    // A search answers with a Bundle; one resource of the type searched is read as its one match,
    // any other in its place (a DSTU2 MedicationOrder counts as a MedicationRequest) is an error
    // answer, not "none found" (cds-hooks.md 5.3: prefetched data equals what the query returns).
    if (!ofType(body, expectedType)) return { kind: 'unavailable', reason: `another resource type in place of ${expectedType} data` };
    return { kind: 'data', resources: [body], next: undefined, medications: [] };
  }

  const entries = body.entry === undefined ? [] : body.entry;
  if (!Array.isArray(entries)) return { kind: 'unavailable', reason: 'Bundle.entry is not an array' };
  const resources: UntrustedResource[] = [];
  const outcomes: { resource: UntrustedResource; searchMode: unknown }[] = [];
  const medications: FullUrlEntry[] = [];
  for (const entry of entries) {
    if (!isRecord(entry) || !isResource(entry.resource)) continue;
    const named = medicationByFullUrl(entry);
    if (named !== undefined) medications.push(named);
    if (entry.resource.resourceType === 'OperationOutcome') {
      outcomes.push({ resource: entry.resource, searchMode: isRecord(entry.search) ? entry.search.mode : undefined });
    } else {
      resources.push(entry.resource);
    }
  }
  // A page of the search's own resources may carry others (_include); one with none of them is the
  // answer to another question.
  if (resources.length > 0 && !resources.some((r) => ofType(r, expectedType))) return { kind: 'unavailable', reason: `a Bundle with no ${expectedType ?? ''} resources` };
  if (resources.length === 0 && outcomes.length > 0) {
    const onlyWarnings = outcomes.every((o) => o.searchMode === 'outcome' && !isErrorOutcome(o.resource));
    if (!onlyWarnings) return { kind: 'unavailable', reason: 'Bundle holding only OperationOutcome' };
  }
  return { kind: 'data', resources, next: nextLink(body), medications };
}

/** A Bundle entry that is a Medication with a `urn:uuid:` fullUrl: what a record's reference to it needs. */
export function medicationByFullUrl(entry: Readonly<Record<string, unknown>>): FullUrlEntry | undefined {
  const resource = entry.resource;
  if (!isResource(resource) || resource.resourceType !== 'Medication') return undefined;
  const fullUrl = urnUuidFullUrl(entry);
  return fullUrl === undefined ? undefined : { fullUrl, resource };
}

/** Of the type a search asked for (a DSTU2 MedicationOrder counts as a MedicationRequest); any type when none is known. */
function ofType(resource: UntrustedResource, expectedType: string | undefined): boolean {
  return expectedType === undefined || resource.resourceType === expectedType || (expectedType === 'MedicationRequest' && resource.resourceType === 'MedicationOrder');
}

function nextLink(bundle: UntrustedResource): string | undefined {
  if (!Array.isArray(bundle.link)) return undefined;
  for (const link of bundle.link) {
    if (isRecord(link) && link.relation === 'next' && typeof link.url === 'string' && link.url !== '') return link.url;
  }
  return undefined;
}

const PATIENT_REF = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/;

/**
 * Does a resource say it is about someone other than this patient? Reads `subject` and `patient`
 * references (the R4 resources of our prefetch keys use one of them) and a Patient's own id.
 * References we cannot read (contained `#x`, `urn:uuid:`, identifier-only) count as not saying so.
 * `ownReference` is `Patient/<patientId>`: a caller checking many resources makes it once.
 */
export function isAboutAnotherPatient(resource: UntrustedResource, patientId: string, ownReference = `Patient/${patientId}`): boolean {
  if (resource.resourceType === 'Patient') return typeof resource.id === 'string' && resource.id !== patientId;
  return namesAnotherPatient(resource.subject, patientId, ownReference) || namesAnotherPatient(resource.patient, patientId, ownReference);
}

function namesAnotherPatient(ref: unknown, patientId: string, ownReference: string): boolean {
  if (!isRecord(ref) || typeof ref.reference !== 'string') return false;
  const reference = ref.reference;
  // `Patient/<this id>`, the reference nearly every resource carries, is told by one comparison.
  if (reference === ownReference) return false;
  if (reference.startsWith('#') || reference.startsWith('urn:')) return false;
  const match = PATIENT_REF.exec(reference);
  return match !== null && (match[1] !== 'Patient' || match[2] !== patientId);
}
