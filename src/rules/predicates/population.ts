/**
 * Who the guideline is for — card header, both pages:
 * l. 17 "postmenopausale kvinder og mænd over 60 år" / l. 127 "postmenopausale kvinder og mænd over 60 år".
 *
 * rules.md section 1: a woman who is postmenopausal — a recorded menopause, or, when nothing is
 * recorded, age ≥ 50 [choice] — or a man from his 60th birthday on (completed years, Danish today).
 * A partial birth date ("1966") counts from its first day [choice, the safer reading: a man who may
 * be 60 with a hip fracture keeps his card; a risk factor of age is claimed only when certain].
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

/**
 * A sex recorded as neither female nor male (`other`, `unknown`, none) [choice]: in population where
 * both readings agree — from the men's age on (a woman of that age is postmenopausal by the age
 * rule too), or with a recorded menopause. A patient of 70 with a hip fracture and no recorded sex
 * had got no card at all. The rules that differ by sex (the anabolic criteria, romosozumab) do not
 * guess it; the diagnosis suggested is the unspecified one.
 */
function isInPopulationEitherWay(facts: PatientFacts, settings: GuidelineSettings): boolean {
  if (facts.sex === 'female' || facts.sex === 'male') return false;
  if (facts.menopauseRecorded !== undefined) return true;
  return facts.age !== undefined && facts.age >= Math.max(settings.menFromAge, settings.menopauseAge);
}

export function inPopulation(facts: PatientFacts, settings: GuidelineSettings): boolean {
  return isPostmenopausalWoman(facts, settings) || isManOver60(facts, settings) || isInPopulationEitherWay(facts, settings);
}
