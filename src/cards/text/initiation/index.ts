/** The texts of rules.md section 2 (card page 1, choosing treatment): one file per topic, in the catalogue's order. */
import type { InitiationTopic } from '../../../contract/topics.js';
import type { TextsOf } from '../types.js';
import { boneHealthyLifestyleTexts } from './bone-healthy-lifestyle.js';
import { diagnosisCriteriaMetTexts } from './diagnosis-criteria-met.js';
import { dxaWorkupSuggestedTexts } from './dxa-workup-suggested.js';
import { pretreatmentChecksTexts } from './pretreatment-checks.js';
import { riskFactorReviewTexts } from './risk-factor-review.js';
import { treatmentIndicatedTexts } from './treatment-indicated.js';
import { vitaminDBeforeDxaTexts } from './vitamin-d-before-dxa.js';
import { vitaminDCalciumTexts } from './vitamin-d-calcium.js';

export const INITIATION_TEXTS: TextsOf<InitiationTopic> = {
  'diagnosis-criteria-met': diagnosisCriteriaMetTexts,
  'treatment-indicated': treatmentIndicatedTexts,
  'risk-factor-review': riskFactorReviewTexts,
  'pretreatment-checks': pretreatmentChecksTexts,
  'vitamin-d-before-dxa': vitaminDBeforeDxaTexts,
  'vitamin-d-calcium': vitaminDCalciumTexts,
  'bone-healthy-lifestyle': boneHealthyLifestyleTexts,
  'dxa-workup-suggested': dxaWorkupSuggestedTexts,
};
