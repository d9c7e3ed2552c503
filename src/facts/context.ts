/**
 * What every family reader needs: the terminology, today's date, the patient's birth date, and the
 * admitted resources (after status/patient/duplicate filtering) with their references.
 */
import type { Terminology } from '../terminology/index.js';
import type { LocalDate } from '../time/local-date.js';
import type { Ref, Sex } from './types.js';
import type { JsonObject } from '../shared/json.js';

/** An admitted resource with its reference (`Observation/123`) and its type as the facts stage spells it. */
export interface Entry {
  readonly resource: JsonObject;
  readonly ref: Ref;
  readonly type: string;
}

export interface FactsContext {
  readonly terminology: Terminology;
  readonly today: LocalDate;
  readonly birthDate?: LocalDate;
  /** The patient's recorded sex (a lab's reference range for it). */
  readonly sex?: Sex;
  /** `Medication/<id>` → Medication, for `medicationReference`. */
  readonly medications: ReadonlyMap<string, JsonObject>;
}
