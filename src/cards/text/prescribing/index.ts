/** The texts of rules.md section 4 (prescribing hooks): one file per topic, in the catalogue's order. */
import type { PrescribingTopic } from '../../../contract/topics.js';
import type { TextsOf } from '../types.js';
import { rxAnabolicSpecialistTexts } from './rx-anabolic-specialist.js';
import { rxBisphosphonateDurationTexts } from './rx-bisphosphonate-duration.js';
import { rxCalciumCarbonatePpiTexts } from './rx-calcium-carbonate-ppi.js';
import { rxDenosumabBiosimilarTexts } from './rx-denosumab-biosimilar.js';
import { rxDenosumabScheduleTexts } from './rx-denosumab-schedule.js';
import { rxDoseIntervalTexts } from './rx-dose-interval.js';
import { rxDuplicateAntiresorptiveTexts } from './rx-duplicate-antiresorptive.js';
import { rxEgfrTooLowTexts } from './rx-egfr-too-low.js';
import { rxGlucocorticoidBoneProtectionTexts } from './rx-glucocorticoid-bone-protection.js';
import { rxHypocalcaemiaTexts } from './rx-hypocalcaemia.js';
import { rxLabMissingTexts } from './rx-lab-missing.js';
import { rxOralContraindicatedTexts } from './rx-oral-contraindicated.js';
import { rxStartChecklistTexts } from './rx-start-checklist.js';
import { rxSwallowingDifficultyTexts } from './rx-swallowing-difficulty.js';
import { rxVitaminDLowTexts } from './rx-vitamin-d-low.js';

export const PRESCRIBING_TEXTS: TextsOf<PrescribingTopic> = {
  'rx-egfr-too-low': rxEgfrTooLowTexts,
  'rx-hypocalcaemia': rxHypocalcaemiaTexts,
  'rx-vitamin-d-low': rxVitaminDLowTexts,
  'rx-lab-missing': rxLabMissingTexts,
  'rx-start-checklist': rxStartChecklistTexts,
  'rx-oral-contraindicated': rxOralContraindicatedTexts,
  'rx-swallowing-difficulty': rxSwallowingDifficultyTexts,
  'rx-duplicate-antiresorptive': rxDuplicateAntiresorptiveTexts,
  'rx-denosumab-biosimilar': rxDenosumabBiosimilarTexts,
  'rx-denosumab-schedule': rxDenosumabScheduleTexts,
  'rx-glucocorticoid-bone-protection': rxGlucocorticoidBoneProtectionTexts,
  'rx-calcium-carbonate-ppi': rxCalciumCarbonatePpiTexts,
  'rx-bisphosphonate-duration': rxBisphosphonateDurationTexts,
  'rx-anabolic-specialist': rxAnabolicSpecialistTexts,
  'rx-dose-interval': rxDoseIntervalTexts,
};
