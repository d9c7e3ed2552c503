/**
 * The public contract of the guideline: topic codes and reason codes (guideline/rules.md).
 * Topics and reasons are stable identifiers EHRs and tests filter on: extend, never rename.
 */
import { PREFETCH_KEYS } from './prefetch-keys.js';

/** rules.md section 2 — choosing treatment (card page 1). */
export const INITIATION_TOPICS = [
  'diagnosis-criteria-met',
  'treatment-indicated',
  'risk-factor-review',
  'pretreatment-checks',
  'vitamin-d-before-dxa',
  'vitamin-d-calcium',
  'bone-healthy-lifestyle',
  'dxa-workup-suggested',
] as const;

/** rules.md section 3 — follow-up (card page 2). */
export const FOLLOW_UP_TOPICS = [
  'btm-follow-up-due',
  'btm-response-adequate',
  'btm-response-inadequate',
  'switch-to-parenteral',
  'dxa-follow-up-due',
  'bisphosphonate-pause-candidate',
  'bisphosphonate-continue',
  'bisphosphonate-ten-years',
  'bisphosphonate-pause-review',
  'denosumab-injection-due',
  'denosumab-overdue',
  'denosumab-stopped',
  'zoledronic-acid-infusion-due',
  'anabolic-treatment-consideration',
  'endocrinology-referral',
  'btm-interfering-medication',
] as const;

export const PATIENT_VIEW_TOPICS = [...INITIATION_TOPICS, ...FOLLOW_UP_TOPICS] as const;

export const PRESCRIBING_TOPICS = [
  // rules.md section 4 — prescribing hooks
  'rx-egfr-too-low',
  'rx-hypocalcaemia',
  'rx-vitamin-d-low',
  'rx-lab-missing',
  'rx-start-checklist',
  'rx-oral-contraindicated',
  'rx-swallowing-difficulty',
  'rx-duplicate-antiresorptive',
  'rx-denosumab-biosimilar',
  'rx-denosumab-schedule',
  'rx-glucocorticoid-bone-protection',
  'rx-calcium-carbonate-ppi',
  'rx-bisphosphonate-duration',
  'rx-anabolic-specialist',
  'rx-dose-interval',
] as const;

/** rules.md "Missing data": shown on every service when prefetch keys could not be had. */
export const PROTOCOL_TOPICS = ['data-unavailable'] as const;

export const TOPICS = [...PATIENT_VIEW_TOPICS, ...PRESCRIBING_TOPICS, ...PROTOCOL_TOPICS] as const;

export type InitiationTopic = (typeof INITIATION_TOPICS)[number];
export type FollowUpTopic = (typeof FOLLOW_UP_TOPICS)[number];
export type PatientViewTopic = (typeof PATIENT_VIEW_TOPICS)[number];
export type ProtocolTopic = (typeof PROTOCOL_TOPICS)[number];
export type PrescribingTopic = (typeof PRESCRIBING_TOPICS)[number];
export type Topic = (typeof TOPICS)[number];


export const RISK_FACTOR_REASONS = [
  'risk-family-history',
  'risk-low-bmi',
  'risk-immobilisation',
  'risk-height-loss',
  'risk-disease',
  'risk-falls',
  'risk-glucocorticoid',
  'risk-smoking',
  'risk-age-over-80',
  'risk-hormone-therapy',
  'risk-alcohol',
  // [extension: DSAM ch. 4] a known low-energy fracture of a site other than spine or hip; one of
  // unknown mechanism only: `-possible` (rules.md section 1, "its reason code ends in -possible").
  'risk-prior-fracture',
  'risk-prior-fracture-possible',
] as const;
export type RiskFactorReason = (typeof RISK_FACTOR_REASONS)[number];

export const LAB_MISSING_REASONS = ['egfr-missing', 'creatinine-missing', 'calcium-missing', 'vitamin-d-missing'] as const;
export type LabMissingReason = (typeof LAB_MISSING_REASONS)[number];

/** Every reason code a card may carry (rules.md, per topic). */
export const REASONS = [
  ...RISK_FACTOR_REASONS,
  ...LAB_MISSING_REASONS,
  'guideline-advice',
  'first-course',
  // diagnosis and indication
  't-score',
  'spine-fracture',
  'hip-fracture',
  'spine-fracture-possible',
  'hip-fracture-possible',
  't-score-with-risk-factor',
  'glucocorticoid-t-score',
  't-score-without-risk-factor',
  // checks
  'egfr-low',
  'hypocalcaemia',
  'vitamin-d-low',
  'baseline-btm-missing',
  'height-missing',
  'vitamin-d-low-at-dxa',
  'vitamin-d-below-target',
  'no-vitamin-d-supplement',
  'ppi-user',
  'smoker',
  'falls',
  'alcohol',
  'low-bmi',
  // oral treatment not possible (second choice)
  'ulcer',
  'oesophageal-disease',
  'cannot-stay-upright',
  'intolerance',
  'non-adherence',
  'dysphagia',
  // bone markers
  'three-months-on-treatment',
  'recheck-after-correction',
  'fracture-before-start',
  'fall-from-baseline',
  'below-premenopausal-mean',
  'insufficient-fall',
  'persistent-insufficient-fall',
  'interfering-medication',
  // DXA and duration
  'two-year-dxa',
  'five-year-dxa',
  'five-years',
  'ten-years',
  'hip-t-score-low',
  'hip-t-score-missing',
  'prior-spine-hip-fracture',
  'recent-fracture',
  'ongoing-glucocorticoid',
  // treatment pause (v2)
  'pause-ongoing',
  'pause-dxa-due',
  'pause-continues',
  'pause-ended',
  // parenteral
  'upcoming',
  'due',
  'overdue',
  'no-follow-on-therapy',
  'infusion-due',
  // anabolic and referral
  'woman-fracture-3y',
  'man-spine-fracture-3y',
  'man-two-spine-fractures',
  'bmd-fall',
  'fractures-on-treatment',
  'no-btm-suppression',
  'egfr-falling',
  'denosumab-stop',
  'secondary-osteoporosis',
  // prescribing
  'duplicate',
  'brand-prolia',
  'schedule',
  'egfr-below-30',
  'exposure-threshold',
  't-score-below-minus-1',
  'no-dxa',
  'specialist-drug',
  'cardiovascular-history',
  'too-frequent',
  // data
  'future-dated',
  'unknown-unit',
  'unreadable-value',
  'medication-unidentified',
  ...PREFETCH_KEYS.map((k) => `${k}-unavailable` as const),
] as const;

export type Reason = (typeof REASONS)[number];

export function isTopic(value: string): value is Topic {
  return (TOPICS as readonly string[]).includes(value);
}
