/**
 * What the Patient resource alone says, read the same by every stage: the prefetch resolution
 * (a deceased patient is answered from the Patient alone) and the facts (no cards for one).
 */
import type { JsonObject } from './json.js';

/** rules.md section 1 (v2): `deceasedBoolean` true, or any `deceasedDateTime`. */
export function isDeceased(patient: JsonObject): boolean {
  return patient.deceasedBoolean === true || (typeof patient.deceasedDateTime === 'string' && patient.deceasedDateTime.trim() !== '');
}
