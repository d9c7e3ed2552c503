/**
 * Which topic rides on which card (rules.md section 6, "Default folds"): for each companion
 * topic, the host topics it may fold into, most fitting first. Hosts are never companions, so a
 * fold never chains. Critical cards take no part (checked in `fold.ts`, not here).
 */
import type { Topic } from '../../contract/topics.js';

/** The follow-up cards about a treatment being taken: vitamin D and calcium ride on them. */
const TREATMENT_FOLLOW_UP: readonly Topic[] = [
  'btm-follow-up-due',
  'btm-response-adequate',
  'btm-response-inadequate',
  'switch-to-parenteral',
  'dxa-follow-up-due',
  'denosumab-injection-due',
  'zoledronic-acid-infusion-due',
  'bisphosphonate-ten-years',
  'bisphosphonate-continue',
  'bisphosphonate-pause-candidate',
  'bisphosphonate-pause-review',
];

/** The cards about a bone marker: a drug that disturbs the marker is said there. */
const BONE_MARKER: readonly Topic[] = ['btm-follow-up-due', 'btm-response-adequate', 'btm-response-inadequate', 'switch-to-parenteral'];

/** Patient-view: companion → hosts. */
export const PATIENT_VIEW_FOLDS: Readonly<Partial<Record<Topic, readonly Topic[]>>> = {
  'pretreatment-checks': ['treatment-indicated'],
  'diagnosis-criteria-met': ['treatment-indicated', 'risk-factor-review'],
  'bone-healthy-lifestyle': ['treatment-indicated', 'risk-factor-review'],
  'vitamin-d-calcium': ['treatment-indicated', 'risk-factor-review', ...TREATMENT_FOLLOW_UP],
  'btm-interfering-medication': BONE_MARKER,
  // Section 2, "Anabolic candidates": never a second card competing for the first decision.
  'anabolic-treatment-consideration': ['treatment-indicated'],
  // Section 2, "Suspected secondary osteoporosis before treatment": the treatment card offers the
  // referral instead of a start — the referral card then says the same, so it rides there (fold.ts:
  // only when it brings no suggestion of its own).
  'endocrinology-referral': ['treatment-indicated'],
};

/**
 * Prescribing, per draft: the start checklist carries the missing labs and the low vitamin D of
 * the same start when they are warnings (as info they are no message of their own to fold).
 */
export const PRESCRIBING_FOLDS: Readonly<Partial<Record<Topic, readonly Topic[]>>> = {
  'rx-lab-missing': ['rx-start-checklist'],
  'rx-vitamin-d-low': ['rx-start-checklist'],
};

/** Prescribing companions fold only as warnings (section 6: "when they are warnings"). */
export const PRESCRIBING_FOLD_INDICATOR = 'warning';

/**
 * The card whose own suggestions are alternatives does not take companions that bring
 * suggestions: those gather on one "before start" card, the first of them in this order (the
 * anabolic referral is not among them: it always rides on the treatment card, fold.ts `canTake`).
 */
export const BEFORE_START_ORDER: readonly Topic[] = ['pretreatment-checks', 'vitamin-d-calcium', 'diagnosis-criteria-met', 'bone-healthy-lifestyle'];
