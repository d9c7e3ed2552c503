/**
 * The prefetch keys of every service (docs/service-contract.md): the protocol layer asks for them,
 * the facts stage reads them, and a key that could not be had becomes a `<key>-unavailable` reason.
 * Extend, never rename: EHRs configure prefetch by these names.
 */
export const PREFETCH_KEYS = [
  'patient',
  'observations',
  'conditions',
  'medicationStatements',
  'medicationRequests',
  'medicationAdministrations',
  'allergies',
  'familyHistory',
] as const;
export type PrefetchKey = (typeof PREFETCH_KEYS)[number];
