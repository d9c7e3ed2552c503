/** The rules of this part of the guideline, one per topic, in the card's order. */
import type { InitiationTopic } from '../../contract/topics.js';
import type { PatientRule } from '../types.js';
import { boneHealthyLifestyle } from './bone-healthy-lifestyle.js';
import { diagnosisCriteriaMet } from './diagnosis-criteria-met.js';
import { dxaWorkupSuggested } from './dxa-workup-suggested.js';
import { pretreatmentChecks } from './pretreatment-checks.js';
import { riskFactorReview } from './risk-factor-review.js';
import { treatmentIndicated } from './treatment-indicated.js';
import { vitaminDBeforeDxa } from './vitamin-d-before-dxa.js';
import { vitaminDCalcium } from './vitamin-d-calcium.js';

export const INITIATION_RULES: { readonly [T in InitiationTopic]: PatientRule<T> } = {
  'diagnosis-criteria-met': diagnosisCriteriaMet,
  'treatment-indicated': treatmentIndicated,
  'risk-factor-review': riskFactorReview,
  'pretreatment-checks': pretreatmentChecks,
  'vitamin-d-before-dxa': vitaminDBeforeDxa,
  'vitamin-d-calcium': vitaminDCalcium,
  'bone-healthy-lifestyle': boneHealthyLifestyle,
  'dxa-workup-suggested': dxaWorkupSuggested,
};
