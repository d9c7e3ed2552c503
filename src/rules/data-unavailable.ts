/**
 * Topic `data-unavailable` (rules.md "Missing data"; not a card line — the service's own honesty).
 *
 * When: prefetch keys could not be obtained (FHIR server down, an OperationOutcome in place of
 * data) but enough remains to answer; or (v2, rules.md section 1 "Data that does not count") a
 * resource was left out because its clinical date is more than one day after today. Then: an info
 * card whose reasons name the missing keys as `<key>-unavailable` and `future-dated`, so no GP
 * mistakes "no card" for "nothing to do" and the data error is seen instead of lost silently.
 * Evidence: the Patient for missing keys, each future-dated resource for `future-dated`.
 * A medication record that names its drug only by a Medication that was not sent (a
 * `medicationReference` the data cannot resolve, with no display) is not used either, and named
 * (`medication-unidentified`): a denosumab injection so recorded had silently lost the overdue alarm.
 */
import { type Reason } from '../contract/topics.js';
import type { PatientRule } from './types.js';
import type { Finding } from '../contract/findings.js';
import { PREFETCH_KEYS } from '../contract/prefetch-keys.js';

export const dataUnavailable: PatientRule<'data-unavailable'> = ({ facts }) => {
  const keys = PREFETCH_KEYS.filter((k) => facts.unavailable.includes(k));
  const future = facts.futureDated;
  const unidentified = facts.unidentifiedMedications;
  if (keys.length === 0 && future.length === 0 && unidentified.length === 0) return undefined;
  const reasons: Reason[] = keys.map((k): Reason => `${k}-unavailable`);
  if (future.length > 0) reasons.push('future-dated');
  if (unidentified.length > 0) reasons.push('medication-unidentified');
  return {
    topic: 'data-unavailable',
    indicator: 'info',
    reasons,
    evidence: [...(keys.length > 0 ? [facts.patientRef] : []), ...future.map((f) => f.ref), ...unidentified],
    findings: [
      ...keys.map((key): Finding => ({ kind: 'unavailable', key })),
      ...future.map((f): Finding => ({ kind: 'future-dated', ...f })),
      ...unidentified.map((ref): Finding => ({ kind: 'unidentified-medication', ref })),
    ],
  };
};
