/**
 * What the prefetch stage hands to the facts stage: the patient, every resource obtained for the
 * other prefetch keys (flattened out of their Bundles), and the keys that could not be had.
 *
 * Resources are untrusted JSON that merely claims to be FHIR R4: the facts stage reads them with
 * tolerant accessors (a `category` object where an array belongs, a string where a number does).
 */
import type { PrefetchKey } from '../contract/prefetch-keys.js';
import type { UntrustedResource } from '../shared/json.js';

export interface ResolvedData {
  readonly patient: UntrustedResource;
  /** All resources of the other keys, in the order received; may hold other resource types. */
  readonly resources: readonly UntrustedResource[];
  /** Keys whose data could not be had (fetch failed, OperationOutcome in place of data). */
  readonly unavailable: readonly PrefetchKey[];
  /**
   * The Medications whose Bundle entry has a `urn:uuid:` fullUrl, by that fullUrl: a record's
   * `medicationReference` may name its Medication by it (collection and transaction Bundles do).
   */
  readonly medicationsByFullUrl?: readonly FullUrlEntry[];
}

/** A Bundle entry's `urn:uuid:` fullUrl and its resource. */
export interface FullUrlEntry {
  readonly fullUrl: string;
  readonly resource: UntrustedResource;
}

/** A draft order from the hook context (`draftOrders` or `medications`). */
export interface DraftResource {
  readonly resource: UntrustedResource;
  /** `MedicationRequest/<id>`; for a resource sent without an id its entry's `urn:uuid:` fullUrl or `urn:osteo-cds:draft-order:<n>` (cds-hooks/drafts.ts). */
  readonly ref: string;
  /** order-select: named in `selections`; other hooks: always true. */
  readonly selected: boolean;
  /** The entry's `urn:uuid:` fullUrl, when it has one: another entry may refer to the resource by it (a Medication of the order). */
  readonly fullUrl?: string;
}
