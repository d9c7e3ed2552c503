/**
 * The Medications that records and draft orders name only by reference, read from `fhirServer`.
 *
 * Many EHRs write `medicationReference: { reference: "Medication/123" }` with no display, and a
 * MedicationRequest search does not bring the Medication along (the templates have no `_include`:
 * not every server takes it). Without the Medication, which drug the record is about cannot be told:
 * a denosumab injection recorded so had lost its overdue alarm, a patient on alendronate looked
 * untreated. So each such Medication is read (`GET Medication/<id>`, the one interaction every FHIR
 * server has) within the request's FHIR time budget. One that cannot be had leaves its record
 * unidentified, as before: the answer names it as data that could not be used.
 *
 * Only a reference to a Medication on the call's own FHIR server is read: a relative
 * `Medication/<id>` or an absolute URL under `fhirServer` (the bearer token never goes elsewhere).
 * A reference with a display is not: the display names the drug. Nor is one of a record the facts
 * stage does not use (a plan, a proposal, one entered in error).
 */
import { getJson, isUnderFhirServer, resolveAgainstBase, type FhirClientOptions } from './fhir-client.js';
import { isRecord, type UntrustedResource } from '../shared/json.js';

/** Medications read for one call at most: past it, the records of the others stay unidentified. */
export const MAX_MEDICATION_READS = 20;
/** Reads in flight at once: a burst of twenty to the EHR's server for one call is not needed. */
const PARALLEL_READS = 4;
/** A Medication is a few kilobytes; a larger answer is no Medication worth holding in memory. */
export const MEDICATION_MAX_BYTES = 256 * 1024;

const MEDICATION_PATH = /^Medication\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * Which references are read first when there are more than the cap: the orders being signed, then
 * the injections and infusions given, then prescriptions, then statements — a patient's twenty other
 * drugs must not crowd out the draft or the denosumab injection whose card is critical.
 */
const READ_FIRST: Readonly<Record<string, number>> = { MedicationAdministration: 1, MedicationRequest: 2, MedicationOrder: 2, MedicationStatement: 3 };
const DRAFT_PRIORITY = 0;
const OTHER_PRIORITY = 4;

/** What the facts stage leaves out whatever its drug (facts/admission.ts, facts/drug-identity.ts). */
const UNUSED_INTENTS = new Set(['plan', 'proposal', 'option']);
const UNUSED_STATUSES = new Set(['entered-in-error', 'not-taken']);

/**
 * The ids of the Medications on `baseUrl` that the drafts and records name only by reference and
 * that none of them holds, drafts first, then by `READ_FIRST`, each in the order first named; at
 * most `MAX_MEDICATION_READS`.
 */
export function unresolvedMedicationIds(records: readonly UntrustedResource[], drafts: readonly UntrustedResource[], baseUrl: string): string[] {
  const present = new Set<string>();
  const wanted = new Map<string, number>();
  const note = (resource: UntrustedResource, priority: number): void => {
    if (resource.resourceType === 'Medication') {
      if (typeof resource.id === 'string') present.add(resource.id);
      return;
    }
    const id = referencedMedicationId(resource, baseUrl);
    if (id !== undefined && (wanted.get(id) ?? Number.POSITIVE_INFINITY) > priority) wanted.set(id, priority);
  };
  for (const draft of drafts) note(draft, DRAFT_PRIORITY);
  for (const record of records) note(record, READ_FIRST[record.resourceType] ?? OTHER_PRIORITY);
  // A stable sort: within one priority, the order first named.
  return [...wanted]
    .filter(([id]) => !present.has(id))
    .sort((a, b) => a[1] - b[1])
    .slice(0, MAX_MEDICATION_READS)
    .map(([id]) => id);
}

/** The id of the Medication `resource` names only by a reference on `baseUrl` (R4 `medicationReference`, R5 `medication.reference`). */
function referencedMedicationId(resource: UntrustedResource, baseUrl: string): string | undefined {
  if (resource.medicationCodeableConcept !== undefined) return undefined;
  if (typeof resource.intent === 'string' && UNUSED_INTENTS.has(resource.intent)) return undefined;
  if (typeof resource.status === 'string' && UNUSED_STATUSES.has(resource.status)) return undefined;
  const r5 = isRecord(resource.medication) ? resource.medication : undefined;
  // An R5 CodeableReference with its concept names the drug already.
  if (r5?.concept !== undefined) return undefined;
  const reference = isRecord(resource.medicationReference) ? resource.medicationReference : isRecord(r5?.reference) ? r5.reference : undefined;
  if (reference === undefined) return undefined;
  if (typeof reference.display === 'string' && reference.display.trim() !== '') return undefined;
  const target = reference.reference;
  // Contained (`#id`) and Bundle-local (`urn:uuid:`) Medications travel with the record.
  if (typeof target !== 'string' || target.startsWith('#') || target.startsWith('urn:')) return undefined;
  const id = MEDICATION_PATH.exec(relativeTo(target, baseUrl) ?? '')?.[1];
  // `.` and `..` are ids by the pattern, but a path would climb out of `Medication/`.
  return id === undefined || /^\.+$/.test(id) ? undefined : id;
}

/** `reference` relative to `baseUrl`: as it is when relative, the rest of its path when an absolute URL under `baseUrl`, else undefined. */
function relativeTo(reference: string, baseUrl: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(reference)) return reference;
  if (!URL.canParse(reference)) return undefined;
  const url = new URL(reference);
  if (url.search !== '' || url.hash !== '' || !isUnderFhirServer(url, baseUrl)) return undefined;
  // isUnderFhirServer has checked that the path begins with the base's whole segments.
  const base = new URL(baseUrl).pathname;
  const rest = url.pathname.slice(base.length);
  return rest.startsWith('/') ? rest.slice(1) : rest;
}

/** The reads of one call: `found` fills as each Medication arrives, so the end of the time budget keeps those already read. */
export interface MedicationReads {
  readonly found: readonly UntrustedResource[];
  /** Settles when every read has ended, or was never started (the budget ran out first). */
  readonly done: Promise<void>;
}

/**
 * Reads the Medications `ids` names, `PARALLEL_READS` at a time, each within `MEDICATION_MAX_BYTES`;
 * what a read gives that is not that Medication (another type, another id) is left out, as is a
 * read that fails. None is started once the call's budget is spent (its signal aborted).
 */
export function readMedications(ids: readonly string[], client: FhirClientOptions): MedicationReads {
  const found: UntrustedResource[] = [];
  const queue = [...ids];
  const options: FhirClientOptions = { ...client, maxBytes: Math.min(client.maxBytes, MEDICATION_MAX_BYTES) };
  const worker = async (): Promise<void> => {
    for (let id = queue.shift(); id !== undefined && !client.signal.aborted; id = queue.shift()) {
      const medication = await readOne(id, options);
      if (medication !== undefined) found.push(medication);
    }
  };
  return { found, done: Promise.all(Array.from({ length: Math.min(PARALLEL_READS, ids.length) }, worker)).then(() => undefined) };
}

async function readOne(id: string, client: FhirClientOptions): Promise<UntrustedResource | undefined> {
  const result = await getJson(resolveAgainstBase(client.baseUrl, `Medication/${encodeURIComponent(id)}`), client);
  if (!result.ok || !isRecord(result.body) || result.body.resourceType !== 'Medication') return undefined;
  const medication = result.body as UntrustedResource;
  if (medication.id === undefined) return { ...medication, id };
  return medication.id === id ? medication : undefined;
}
