/**
 * Who the guideline is for — card header, both pages:
 * l. 17 "postmenopausale kvinder og mænd over 60 år" / l. 127 "postmenopausale kvinder og mænd over 60 år".
 *
 * rules.md section 1: a woman who is postmenopausal — a recorded menopause, or, when nothing is
 * recorded, age ≥ 50 [choice] — or a man from his 60th birthday on (completed years, Danish today).
 */
import type { PatientFacts } from '../../facts/types.js';
import type { GuidelineSettings } from '../settings.js';

export function isPostmenopausalWoman(facts: PatientFacts, settings: GuidelineSettings): boolean {
  if (facts.sex !== 'female') return false;
  if (facts.menopauseRecorded !== undefined) return true;
  return facts.age !== undefined && facts.age >= settings.menopauseAge;
}

export function isManOver60(facts: PatientFacts, settings: GuidelineSettings): boolean {
  return facts.sex === 'male' && facts.age !== undefined && facts.age >= settings.menFromAge;
}

export function inPopulation(facts: PatientFacts, settings: GuidelineSettings): boolean {
  return isPostmenopausalWoman(facts, settings) || isManOver60(facts, settings);
}
