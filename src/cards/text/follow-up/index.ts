/** The texts of rules.md section 3 (card page 2, follow-up): one file per topic, in the catalogue's order. */
import type { FollowUpTopic } from '../../../contract/topics.js';
import type { TextsOf } from '../types.js';
import { anabolicTreatmentConsiderationTexts } from './anabolic-treatment-consideration.js';
import { bisphosphonateContinueTexts } from './bisphosphonate-continue.js';
import { bisphosphonatePauseCandidateTexts } from './bisphosphonate-pause-candidate.js';
import { bisphosphonatePauseReviewTexts } from './bisphosphonate-pause-review.js';
import { bisphosphonateTenYearsTexts } from './bisphosphonate-ten-years.js';
import { btmFollowUpDueTexts } from './btm-follow-up-due.js';
import { btmInterferingMedicationTexts } from './btm-interfering-medication.js';
import { btmResponseAdequateTexts } from './btm-response-adequate.js';
import { btmResponseInadequateTexts } from './btm-response-inadequate.js';
import { denosumabInjectionDueTexts } from './denosumab-injection-due.js';
import { denosumabOverdueTexts } from './denosumab-overdue.js';
import { denosumabStoppedTexts } from './denosumab-stopped.js';
import { dxaFollowUpDueTexts } from './dxa-follow-up-due.js';
import { endocrinologyReferralTexts } from './endocrinology-referral.js';
import { switchToParenteralTexts } from './switch-to-parenteral.js';
import { zoledronicAcidInfusionDueTexts } from './zoledronic-acid-infusion-due.js';

export const FOLLOW_UP_TEXTS: TextsOf<FollowUpTopic> = {
  'btm-follow-up-due': btmFollowUpDueTexts,
  'btm-response-adequate': btmResponseAdequateTexts,
  'btm-response-inadequate': btmResponseInadequateTexts,
  'switch-to-parenteral': switchToParenteralTexts,
  'dxa-follow-up-due': dxaFollowUpDueTexts,
  'bisphosphonate-pause-candidate': bisphosphonatePauseCandidateTexts,
  'bisphosphonate-continue': bisphosphonateContinueTexts,
  'bisphosphonate-ten-years': bisphosphonateTenYearsTexts,
  'bisphosphonate-pause-review': bisphosphonatePauseReviewTexts,
  'denosumab-injection-due': denosumabInjectionDueTexts,
  'denosumab-overdue': denosumabOverdueTexts,
  'denosumab-stopped': denosumabStoppedTexts,
  'zoledronic-acid-infusion-due': zoledronicAcidInfusionDueTexts,
  'anabolic-treatment-consideration': anabolicTreatmentConsiderationTexts,
  'endocrinology-referral': endocrinologyReferralTexts,
  'btm-interfering-medication': btmInterferingMedicationTexts,
};
