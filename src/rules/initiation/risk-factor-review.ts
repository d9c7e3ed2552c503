/**
 * Topic `risk-factor-review` (rules.md section 2) — info.
 *
 * source-card-da.txt
 *   l. 11-13  "Osteoporose diagnosekriterier T-score ≤ -2,5 og/eller lavenergibrud i ryg …"
 *   l. 26-27  "… T-score ≤ -2,5* og mindst én risikofaktor**."
 *   l. 35-37  "** fx genetisk disposition, lavt BMI, immobilisering, højdereduktion, sygdomme og
 *              tilstande, der kan medføre knogletab, faldtendens, glukokortikoidbehandling,
 *              rygning. Se kapitel 4 i DSAM-vejledning."
 *
 * When: a patient in population, not on treatment, has a T-score ≤ −2.5 (exactly −2.5 counts),
 *       no low-energy or possibly low-energy fracture of any site (rules.md "without fracture": a
 *       forearm fracture is no indication by itself, but a card saying "no fracture" would be
 *       false, and it would contradict the anabolic referral), and no risk factor recorded
 *       (glucocorticoid treatment is itself one: with it, `treatment-indicated` fires instead).
 * Then: the diagnosis is met but, per the card, not the indication to discuss treatment: review
 *       the footnote ** risk factors (DSAM chapter 4). A risk-factor disease the record gives only
 *       by a catch-all code (ICPC-2 T99 "… IKA": no risk factor, terminology.md §2) is named as
 *       the first thing to ask about. No suggestion. An oral bisphosphonate stopped after 5 (and
 *       before 10) years with the hip T-score ≤ −2.5 (`stoppedWithLowHip`) is named, its courses
 *       among the findings: the card continues up to 10 years with persistently low hip bone mass
 *       (`stoppedAgainstCard`) — unless something stands against taking it again: a serious side
 *       effect ever (osteonecrosis of the jaw, an atypical femoral fracture), a barrier to oral
 *       treatment now (an ulcer, a recorded intolerance …), a failure on it or a suspected secondary
 *       osteoporosis (then the referral card speaks).
 * Reasons: `t-score-without-risk-factor`.
 */
import { conditionFinding, courseFinding, labFinding, scoreFinding } from '../predicates/findings.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { lowEnergyFractures } from '../predicates/fractures.js';
import { osteoporoticTScore } from '../predicates/indication.js';
import { possibleRiskConditions, riskFactors } from '../predicates/risk-factors.js';
import type { PatientRule, RuleContext } from '../types.js';
import type { Course } from '../../facts/types.js';
import { failureOfEndedOralCourse, markerFailureOfEndedOralCourse } from '../follow-up/endocrinology-referral.js';
import { seriousSideEffectsOnRecord } from '../predicates/conditions.js';
import { secondaryOsteoporosisSigns } from '../predicates/secondary-osteoporosis.js';
import { oralBisphosphonateBarriers } from '../predicates/indication.js';
import { oralBisphosphonateCourses } from '../predicates/medication.js';
import { initiationHeld, pauseState, stoppedWithLowHip } from '../predicates/care-state.js';
import { isChoosingTreatment } from './applies.js';

export const riskFactorReview: PatientRule<'risk-factor-review'> = (ctx) => {
  // v2: held back while denosumab is unresolved and in any pause (a pause that ended speaks
  // through `treatment-indicated`, reason `pause-ended`) [choice].
  if (!isChoosingTreatment(ctx) || initiationHeld(ctx) || pauseState(ctx) !== undefined) return undefined;
  const t = osteoporoticTScore(ctx.facts);
  if (t === undefined) return undefined;
  if (lowEnergyFractures(ctx.facts, ctx.settings).length > 0) return undefined;
  if (riskFactors(ctx.facts, ctx.settings).length > 0) return undefined;
  const possible = possibleRiskConditions(ctx.facts);
  // Card l. 41 "Tjek, at eGFR > 35 ml/min": the treatment a risk factor would open is then the
  // endocrinologist's, not alendronate — the text must not name it as the first choice.
  const egfr = latestEgfrAtLimit(ctx.facts);
  const stopped = resumable(ctx);
  return {
    topic: 'risk-factor-review',
    indicator: 'info',
    reasons: ['t-score-without-risk-factor'],
    evidence: [t.ref, ...possible.map((c) => c.ref), ...(egfr === undefined ? [] : [egfr.ref]), ...(stopped ?? []).flatMap((c) => c.refs)],
    findings: [
      scoreFinding('t-score', t),
      ...possible.map(conditionFinding),
      ...(egfr === undefined ? [] : [labFinding('egfr', egfr)]),
      ...(stopped ?? []).map((c) => courseFinding(c, ctx.today)),
    ],
    ...(egfr === undefined ? {} : { egfrLow: true as const }),
    ...(stopped === undefined ? {} : { stoppedAgainstCard: true as const }),
    // Stopped against the card at eGFR ≤ 35: the card says refer, and offers it.
    ...(stopped !== undefined && egfr !== undefined ? { suggestions: [{ kind: 'referral' as const, to: 'endocrinology' as const, recommended: true }], selectionBehavior: 'any' as const } : {}),
  };
};

/** The oral courses of a stop against the card, when nothing stands against taking the drug again. */
function resumable(ctx: RuleContext): readonly Course[] | undefined {
  const last = stoppedWithLowHip(ctx);
  if (last === undefined) return undefined;
  if (seriousSideEffectsOnRecord(ctx.facts).length > 0 || oralBisphosphonateBarriers(ctx.facts, ctx.settings).reasons.length > 0) return undefined;
  if (failureOfEndedOralCourse(ctx) !== undefined || markerFailureOfEndedOralCourse(ctx) !== undefined) return undefined;
  // A suspected secondary cause is worked up before any treatment (rules.md §2): the referral speaks.
  if (secondaryOsteoporosisSigns(ctx.facts) !== undefined) return undefined;
  return oralBisphosphonateCourses(ctx.facts);
}
