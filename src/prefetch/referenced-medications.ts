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
 * A reference with a display is not: the display names the drug.
 */
import { getJson, isUnderFhirServer, resolveAgainstBase, type FhirClientOptions } from './fhir-client.js';
import { isRecord, type UntrustedResource } from '../shared/json.js';

/** Medications read for one call at most: past it, the records of the others stay unidentified. */
export const MAX_MEDICATION_READS = 20;

const MEDICATION_PATH = /^Medication\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

/**
 * The ids of the Medications on `baseUrl` that `records` name only by reference and that neither
 * `records` nor the Medications among them hold, in the order first named, at most `MAX_MEDICATION_READS`.
 */
export function unresolvedMedicationIds(records: Iterable<UntrustedResource>, baseUrl: string): string[] {
  const present = new Set<string>();
  const wanted = new Set<string>();
  for (const resource of records) {
    if (resource.resourceType === 'Medication') {
      if (typeof resource.id === 'string') present.add(resource.id);
      continue;
    }
    const id = referencedMedicationId(resource, baseUrl);
    if (id !== undefined) wanted.add(id);
  }
  return [...wanted].filter((id) => !present.has(id)).slice(0, MAX_MEDICATION_READS);
}

/** The id of the Medication `resource` names only by a reference on `baseUrl` (R4 `medicationReference`, R5 `medication.reference`). */
function referencedMedicationId(resource: UntrustedResource, baseUrl: string): string | undefined {
  if (resource.medicationCodeableConcept !== undefined) return undefined;
  const r5 = isRecord(resource.medication) ? resource.medication.reference : undefined;
  const reference = isRecord(resource.medicationReference) ? resource.medicationReference : isRecord(r5) ? r5 : undefined;
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

/**
 * Reads the Medications `ids` names, all at once; what a read gives that is not that Medication
 * (another type, another id) is left out, as is a read that fails.
 */
export async function readMedications(ids: readonly string[], client: FhirClientOptions): Promise<UntrustedResource[]> {
  const read = await Promise.all(
    ids.map(async (id) => {
      const result = await getJson(resolveAgainstBase(client.baseUrl, `Medication/${encodeURIComponent(id)}`), client);
      if (!result.ok || !isRecord(result.body) || result.body.resourceType !== 'Medication') return undefined;
      const medication = result.body as UntrustedResource;
      if (medication.id === undefined) return { ...medication, id };
      return medication.id === id ? medication : undefined;
    }),
  );
  return read.filter((m) => m !== undefined);
}
