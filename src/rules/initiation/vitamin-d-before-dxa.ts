/**
 * Topic `vitamin-d-before-dxa` (rules.md section 2) — info.
 *
 * source-card-da.txt l. 14-15:
 *   "OBS: D-vitamin bør være i niveau før DXA-skanning
 *    (ellers risiko for overdiagnosticering)"
 *
 * When: a patient in population, not on treatment, meets the diagnosis on a T-score ≤ −2.5 (the
 *       diagnostic T-score of the latest DXA), and the latest 25-OH-D dated within the 6 calendar
 *       months before that scan (the scan's day included) is ≤ 50 nmol/L ("i niveau" read as the
 *       card's own check "> 50", l. 43). No value in that window: does not fire (nothing shows the
 *       scan was taken while deficient; `dxa-workup-suggested`/`pretreatment-checks` ask for one).
 *       Not when a low-energy (or possibly low-energy) spine or hip fracture meets the diagnosis
 *       too: the diagnosis and the indication then rest on the fracture, and "risk of
 *       overdiagnosis … a new DXA later" would only argue for putting off treatment [choice].
 * Then: the T-score may overstate osteoporosis: replete vitamin D and consider a new DXA later.
 * Reasons: `vitamin-d-low-at-dxa`.
 */
import type { Measurement, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { labFinding, scoreFinding } from '../predicates/findings.js';
import { lowEnergyFractures } from '../predicates/fractures.js';
import { osteoporoticTScore } from '../predicates/indication.js';
import { atOrBelow, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import type { PatientRule } from '../types.js';
import { isChoosingTreatment } from './applies.js';

/** A low-energy fracture of these sites meets the diagnosis on its own (rules.md section 1). */
const DIAGNOSTIC_SITES = ['spine', 'hip'] as const;

/** Months before a DXA in which a 25-OH-D tells the vitamin D level at the scan (rules.md). */
const MONTHS_BEFORE_SCAN = 6;

/** The newest 25-OH-D taken on or within 6 calendar months before `scanDate`. */
function vitaminDAtScan(facts: PatientFacts, scanDate: LocalDate): Measurement | undefined {
  const from = addMonths(scanDate, -MONTHS_BEFORE_SCAN);
  return facts.labs.vitaminD.find((v) => v.date <= scanDate && v.date >= from);
}

export const vitaminDBeforeDxa: PatientRule<'vitamin-d-before-dxa'> = (ctx) => {
  if (!isChoosingTreatment(ctx)) return undefined;
  if (lowEnergyFractures(ctx.facts, ctx.settings, DIAGNOSTIC_SITES).length > 0) return undefined;
  const t = osteoporoticTScore(ctx.facts);
  if (t === undefined) return undefined;
  const vitaminD = vitaminDAtScan(ctx.facts, t.date);
  if (vitaminD === undefined || !atOrBelow(vitaminD, VITAMIN_D_LIMIT)) return undefined;
  return {
    topic: 'vitamin-d-before-dxa',
    indicator: 'info',
    reasons: ['vitamin-d-low-at-dxa'],
    evidence: [t.ref, vitaminD.ref],
    findings: [scoreFinding('t-score', t), labFinding('vitamin-d', vitaminD)],
  };
};
