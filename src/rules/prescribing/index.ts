/**
 * The rules of this part of the guideline (rules.md section 4 — prescribing hooks), one per topic,
 * in the catalogue's order. Each is judged against every selected draft order; the other orders
 * in the basket are context.
 */
import type { PrescribingTopic } from '../../contract/topics.js';
import type { DraftRule } from '../types.js';
import { rxAnabolicSpecialist } from './rx-anabolic-specialist.js';
import { rxBisphosphonateDuration } from './rx-bisphosphonate-duration.js';
import { rxCalciumCarbonatePpi } from './rx-calcium-carbonate-ppi.js';
import { rxDenosumabBiosimilar } from './rx-denosumab-biosimilar.js';
import { rxDenosumabSchedule } from './rx-denosumab-schedule.js';
import { rxDoseInterval } from './rx-dose-interval.js';
import { rxDuplicateAntiresorptive } from './rx-duplicate-antiresorptive.js';
import { rxEgfrTooLow } from './rx-egfr-too-low.js';
import { rxGlucocorticoidBoneProtection } from './rx-glucocorticoid-bone-protection.js';
import { rxHypocalcaemia } from './rx-hypocalcaemia.js';
import { rxLabMissing } from './rx-lab-missing.js';
import { rxOralContraindicated } from './rx-oral-contraindicated.js';
import { rxStartChecklist } from './rx-start-checklist.js';
import { rxSwallowingDifficulty } from './rx-swallowing-difficulty.js';
import { rxVitaminDLow } from './rx-vitamin-d-low.js';

export const PRESCRIBING_RULES: { readonly [T in PrescribingTopic]: DraftRule<T> } = {
  'rx-egfr-too-low': rxEgfrTooLow,
  'rx-hypocalcaemia': rxHypocalcaemia,
  'rx-vitamin-d-low': rxVitaminDLow,
  'rx-lab-missing': rxLabMissing,
  'rx-start-checklist': rxStartChecklist,
  'rx-oral-contraindicated': rxOralContraindicated,
  'rx-swallowing-difficulty': rxSwallowingDifficulty,
  'rx-duplicate-antiresorptive': rxDuplicateAntiresorptive,
  'rx-denosumab-biosimilar': rxDenosumabBiosimilar,
  'rx-denosumab-schedule': rxDenosumabSchedule,
  'rx-glucocorticoid-bone-protection': rxGlucocorticoidBoneProtection,
  'rx-calcium-carbonate-ppi': rxCalciumCarbonatePpi,
  'rx-bisphosphonate-duration': rxBisphosphonateDuration,
  'rx-anabolic-specialist': rxAnabolicSpecialist,
  'rx-dose-interval': rxDoseInterval,
};
