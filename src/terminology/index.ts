/** Terminology: code bindings (JSON value sets + site overrides), code matching, unit conversion. */
export { loadTerminology } from './load.js';
export {
  buildTerminology,
  observationSearchCodes,
  normaliseCode,
  type Terminology,
  type Concept,
  type CodingMatch,
  type NameMatch,
  type NameBinding,
  type Binding,
} from './terminology.js';
export { toCanonical, conversionFactor, isUnitless, unitKey, roundFloat, CANONICAL_UNIT, UCUM_SYSTEM } from './units.js';
export type { ConceptKind, Measure, CodingBinding } from './schema.js';
