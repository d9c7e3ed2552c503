/**
 * Card (source-card-da.txt):
 *   l. 32-33   "* Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis
 *               t-score < -1,0."
 *   l. 37      "glukokortikoidbehandling" (risk factor, footnote **)
 *   l. 141-145 "CTX anvendes i stedet for P1NP, hvis patient er i behandling med glukokortikoid …
 *               CTX skal tages fastende før kl. 10"
 *   l. 191-194 "længerevarende glukokortikoidbehandling, hvor der behandles med alendronat ½-1 år
 *               efter ophør."
 *
 * Topic `rx-glucocorticoid-bone-protection` (rules.md section 4).
 * When: the patient is in population (rules.md section 1); the draft is a systemic glucocorticoid;
 * no bone protection is running or being prescribed — no active antiresorptive course and no
 * antiresorptive draft in the basket [choice: an anabolic course or draft counts as bone protection
 * too — a patient on teriparatide needs no alendronate proposal]; and the exposure WITH the draft
 * reaches footnote * (glucocorticoid-exposure.ts).
 * Then: warning — DXA when none within `settings.dxaWorkupYears` years; treat when the T-score is
 * < −1.0 (alendronate first choice; a referral when oral treatment is barred or eGFR ≤ 35); CTX as
 * the bone marker under glucocorticoid.
 * Reasons: `exposure-threshold`, plus `t-score-below-minus-1` or `no-dxa`.
 */
import type { Reason } from '../../contract/topics.js';
import { diagnosticTScore, hasDxaWithinYears, latestScan } from '../predicates/dxa.js';
import { scoreFinding } from '../predicates/findings.js';
import { oralBisphosphonateBarriers, swallowingDifficulty, T_SCORE_GLUCOCORTICOID } from '../predicates/indication.js';
import { atOrBelow, EGFR_LIMIT, latest, latestWithin } from '../predicates/labs.js';
import { activeOsteoporosisCourses } from '../predicates/medication.js';
import { inPopulation } from '../predicates/population.js';
import type { DraftRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { draftEvidence, draftFinding, draftOfClass, osteoporosisDraftInBasket, treatmentStart } from './draft.js';
import { draftGlucocorticoidExposure } from './glucocorticoid-exposure.js';

export const rxGlucocorticoidBoneProtection: DraftRule<'rx-glucocorticoid-bone-protection'> = (context, draft) => {
  const { facts, settings, today } = context;
  if (!draftOfClass(draft, ['glucocorticoid'])) return undefined;
  if (!inPopulation(facts, settings)) return undefined;
  if (activeOsteoporosisCourses(facts).length > 0 || osteoporosisDraftInBasket(facts, draft).length > 0) return undefined;
  const exposure = draftGlucocorticoidExposure(facts, draft);
  if (!exposure.reached) return undefined;

  const gc = facts.glucocorticoid;
  const reasons: Reason[] = ['exposure-threshold'];
  const findings: Finding[] = [
    draftFinding(draft),
    { kind: 'glucocorticoid', dailyMg: gc.currentDailyMg, cumulativeMg12Months: gc.cumulativeMg12Months, refs: gc.refs, ...(exposure.addsMg === undefined ? {} : { draftAddsMg: exposure.addsMg }) },
  ];
  const refs: string[] = [...gc.refs, ...(exposure.continues === undefined ? [] : [exposure.continues.ref])];
  const suggestions: SuggestionSpec[] = [];

  const t = diagnosticTScore(facts);
  const treat = t !== undefined && t.value < T_SCORE_GLUCOCORTICOID;
  const noDxa = !treat && !hasDxaWithinYears(facts, settings.dxaWorkupYears);
  if (t !== undefined) {
    findings.push(scoreFinding('t-score', t));
    refs.push(t.ref);
  }
  if (treat) {
    reasons.push('t-score-below-minus-1');
    const egfr = latest(facts.labs.egfr, today);
    if (egfr !== undefined && atOrBelow(egfr, EGFR_LIMIT)) {
      suggestions.push({ kind: 'referral', to: 'endocrinology', recommended: true });
    } else if (oralBisphosphonateBarriers(facts, settings).reasons.length > 0) {
      suggestions.push({ kind: 'referral', to: 'parenteral-treatment', recommended: true });
    } else {
      const effervescent = swallowingDifficulty(facts) !== undefined;
      suggestions.push({ kind: 'prescribe', drug: effervescent ? 'alendronate-effervescent' : 'alendronate-tablet', recommended: true });
    }
  }
  if (noDxa) {
    reasons.push('no-dxa');
    const last = latestScan(facts);
    findings.push({ kind: 'dxa', ...(last === undefined ? {} : { date: last.date, ...(last.performer === undefined ? {} : { performer: last.performer }) }) });
    suggestions.push({ kind: 'dxa', ...(last?.performer === undefined ? {} : { performer: last.performer }) });
  }
  // CTX is the marker under glucocorticoid (l. 141-142): a baseline before a possible start.
  const ctxMarkerBaseline = latestWithin(
    facts.labs.boneMarkers.filter((m) => m.marker === 'ctx'),
    treatmentStart(draft, today),
    settings.freshnessDays.boneMarkerBaseline,
  );
  if ((treat || noDxa) && ctxMarkerBaseline === undefined) suggestions.push({ kind: 'lab', lab: 'ctx', note: 'fasting-before-10' });

  return {
    topic: 'rx-glucocorticoid-bone-protection',
    indicator: 'warning',
    reasons,
    evidence: draftEvidence(draft, refs),
    findings,
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
    draft: draft.ref,
    advice: treat ? 'treat' : noDxa ? 'dxa' : 'exposure',
  };
};
