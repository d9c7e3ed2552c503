/** The rules of this part of the guideline, one per topic, in the card's order. */
import type { FollowUpTopic } from '../../contract/topics.js';
import type { PatientRule } from '../types.js';
import { anabolicTreatmentConsideration } from './anabolic-treatment-consideration.js';
import { bisphosphonateContinue } from './bisphosphonate-continue.js';
import { bisphosphonatePauseCandidate } from './bisphosphonate-pause-candidate.js';
import { bisphosphonatePauseReview } from './bisphosphonate-pause-review.js';
import { bisphosphonateTenYears } from './bisphosphonate-ten-years.js';
import { btmFollowUpDue } from './btm-follow-up-due.js';
import { btmInterferingMedication } from './btm-interfering-medication.js';
import { btmResponseAdequate } from './btm-response-adequate.js';
import { btmResponseInadequate } from './btm-response-inadequate.js';
import { denosumabInjectionDue } from './denosumab-injection-due.js';
import { denosumabOverdue } from './denosumab-overdue.js';
import { denosumabStopped } from './denosumab-stopped.js';
import { dxaFollowUpDue } from './dxa-follow-up-due.js';
import { endocrinologyReferral } from './endocrinology-referral.js';
import { switchToParenteral } from './switch-to-parenteral.js';
import { zoledronicAcidInfusionDue } from './zoledronic-acid-infusion-due.js';

export const FOLLOW_UP_RULES: { readonly [T in FollowUpTopic]: PatientRule<T> } = {
  'btm-follow-up-due': btmFollowUpDue,
  'btm-response-adequate': btmResponseAdequate,
  'btm-response-inadequate': btmResponseInadequate,
  'switch-to-parenteral': switchToParenteral,
  'dxa-follow-up-due': dxaFollowUpDue,
  'bisphosphonate-pause-candidate': bisphosphonatePauseCandidate,
  'bisphosphonate-continue': bisphosphonateContinue,
  'bisphosphonate-ten-years': bisphosphonateTenYears,
  'bisphosphonate-pause-review': bisphosphonatePauseReview,
  'denosumab-injection-due': denosumabInjectionDue,
  'denosumab-overdue': denosumabOverdue,
  'denosumab-stopped': denosumabStopped,
  'zoledronic-acid-infusion-due': zoledronicAcidInfusionDue,
  'anabolic-treatment-consideration': anabolicTreatmentConsideration,
  'endocrinology-referral': endocrinologyReferral,
  'btm-interfering-medication': btmInterferingMedication,
};
