/**
 * Topic `data-unavailable` (rules.md "Missing data"; not a card line — the service's own honesty).
 *
 * When: prefetch keys could not be obtained (FHIR server down, an OperationOutcome in place of
 * data) but enough remains to answer. Then: an info card whose reasons name the missing keys as
 * `<key>-unavailable`, so no GP mistakes "no card" for "nothing to do".
 */
import { type Reason } from '../contract/topics.js';
import type { PatientRule } from './types.js';
import { PREFETCH_KEYS } from '../contract/prefetch-keys.js';

export const dataUnavailable: PatientRule = ({ facts }) => {
  const keys = PREFETCH_KEYS.filter((k) => facts.unavailable.includes(k));
  if (keys.length === 0) return undefined;
  return {
    topic: 'data-unavailable',
    indicator: 'info',
    reasons: keys.map((k): Reason => `${k}-unavailable`),
    evidence: [facts.patientRef],
    findings: keys.map((key) => ({ kind: 'unavailable', key })),
  };
};
