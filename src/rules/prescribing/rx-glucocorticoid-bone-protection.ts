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
 * the bone marker under glucocorticoid. What chose the start (`treatWith`) is named in the findings
 * and evidence: the eGFR, the barrier to oral treatment. The card's checks before a start (l. 42-43
 * "Tjek, at der Ikke er hypocalcæmi", "Tjek, at P-25-OH-Vit.D > 50 nmol/L") are said before the
 * one-click start (`correctFirst`) [choice, as `treatment-indicated` beside `pretreatment-checks`]:
 * with a low latest calcium (any age) no alendronate is offered — signing it would meet the critical
 * `rx-hypocalcaemia` — but a recheck of calcium and 25-OH-D; with a current 25-OH-D ≤ 50 nmol/L,
 * colecalciferol is recommended (unless a vitamin D supplement is current) and alendronate offered
 * without being recommended. The reasons stay the contract's.
 * The basket's other glucocorticoid orders are counted with the draft (glucocorticoid-exposure.ts);
 * of several that reach the footnote, one carries the card (`basketCarrier`).
 * Reasons: `exposure-threshold`, plus `t-score-below-minus-1` or `no-dxa`.
 */
import type { Reason } from '../../contract/topics.js';
import type { PatientFacts, Ref } from '../../facts/types.js';
import { diagnosticTScore, hasDiagnosticDxaWithinYears, latestDiagnosticScan } from '../predicates/dxa.js';
import { calciumFinding, conditionFinding, correctFirstFindings, glucocorticoidFinding, labFinding, scoreFinding } from '../predicates/findings.js';
import { seriousSideEffectsOnRecord } from '../predicates/conditions.js';
import { creatinineAloneAtLimit, egfrContradicted, newerCreatinineOf } from '../predicates/creatinine-egfr.js';
import { oralBisphosphonateBarriers, swallowingDifficulty, T_SCORE_GLUCOCORTICOID } from '../predicates/indication.js';
import { correctBeforeStart, latestHighCalcium, latestWithin } from '../predicates/labs.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { activeOsteoporosisCourses } from '../predicates/medication.js';
import { inPopulation } from '../predicates/population.js';
import type { DraftRule } from '../types.js';
import { perFacts } from '../memo.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import type { GlucocorticoidTreatment } from '../../contract/recommendations.js';
import { draftEvidence, draftFinding, draftOfClass, osteoporosisDraftInBasket, takesVitaminD, treatmentStart } from './draft.js';
import { draftGlucocorticoidExposure } from './glucocorticoid-exposure.js';

/**
 * The glucocorticoid order that carries the basket's card: the first judged one that reaches the
 * footnote with a dose and duration of its own (its card says what the orders add), else the first
 * judged one that reaches it — an order of unknown duration listed first had carried it, saying
 * only "0 mg". Once per answer: every glucocorticoid draft asks.
 */
const basketCarrier = perFacts((facts: PatientFacts): Ref | undefined => {
  let first: Ref | undefined;
  for (const d of facts.drafts) {
    if (!d.selected || !draftOfClass(d, ['glucocorticoid'])) continue;
    const exposure = draftGlucocorticoidExposure(facts, d);
    if (!exposure.reached) continue;
    if (exposure.addsMg !== undefined) return d.ref;
    first ??= d.ref;
  }
  return first;
});

export const rxGlucocorticoidBoneProtection: DraftRule<'rx-glucocorticoid-bone-protection'> = (context, draft) => {
  const { facts, settings, today } = context;
  if (!draftOfClass(draft, ['glucocorticoid'])) return undefined;
  if (!inPopulation(facts, settings)) return undefined;
  if (activeOsteoporosisCourses(facts).length > 0 || osteoporosisDraftInBasket(facts, draft).length > 0) return undefined;
  const exposure = draftGlucocorticoidExposure(facts, draft);
  if (!exposure.reached) return undefined;
  // One card for the basket (rules.md section 6, one message per concern), with the others' days counted.
  if (basketCarrier(facts) !== draft.ref) return undefined;

  const gc = facts.glucocorticoid;
  const reasons: Reason[] = ['exposure-threshold'];
  // What the decision rests on first — the T-score (below), then the exposure — and the draft the GP
  // is signing last: a long detail keeps the first lines of its findings (compose/fit.ts), and the
  // card had kept only "Ordination under udarbejdelse" beside "start bone protection".
  const findings: Finding[] = [glucocorticoidFinding(gc, exposure.addsMg, exposure.withOrders.length + 1)];
  const refs: string[] = [...gc.refs, ...(exposure.continues === undefined ? [] : [exposure.continues.ref]), ...exposure.withOrders.map((d) => d.ref)];
  const suggestions: SuggestionSpec[] = [];

  const t = diagnosticTScore(facts);
  const treat = t !== undefined && t.value < T_SCORE_GLUCOCORTICOID;
  const noDxa = !treat && !hasDiagnosticDxaWithinYears(facts, settings.dxaWorkupYears);
  if (t !== undefined) {
    findings.unshift(scoreFinding('t-score', t));
    refs.push(t.ref);
  }
  let treatWith: GlucocorticoidTreatment | undefined;
  let calciumHigh = false;
  let seriousSideEffect = false;
  const correctFirst: Reason[] = [];
  if (treat) {
    reasons.push('t-score-below-minus-1');
    const egfr = latestEgfrAtLimit(facts);
    const barriers = oralBisphosphonateBarriers(facts, settings);
    // A high calcium: suspected secondary osteoporosis, referred before any start (rules.md section 2) [choice, as patient-view].
    const high = latestHighCalcium(facts.labs.calcium, today);
    // Osteonecrosis of the jaw or an atypical femoral fracture on record: no antiresorptive start in
    // general practice (as patient-view's treatment card and the alendronate draft's card) [choice].
    const serious = seriousSideEffectsOnRecord(facts);
    if (serious.length > 0) {
      treatWith = 'endocrinology';
      seriousSideEffect = true;
      findings.push(...serious.map(conditionFinding));
      refs.push(...serious.map((c) => c.ref));
      suggestions.push({ kind: 'referral', to: 'endocrinology', recommended: true });
    } else if (high !== undefined) {
      treatWith = 'endocrinology';
      calciumHigh = true;
      findings.push(calciumFinding(high));
      refs.push(high.ref);
      suggestions.push({ kind: 'referral', to: 'endocrinology', recommended: true });
    } else if (egfr !== undefined) {
      treatWith = 'endocrinology';
      findings.push(labFinding('egfr', egfr));
      refs.push(egfr.ref);
      suggestions.push({ kind: 'referral', to: 'endocrinology', recommended: true });
    } else if (barriers.reasons.length > 0) {
      treatWith = 'parenteral';
      findings.push(...barriers.findings);
      refs.push(...barriers.evidence);
      suggestions.push({ kind: 'referral', to: 'parenteral-treatment', recommended: true });
    } else {
      treatWith = swallowingDifficulty(facts) !== undefined ? 'alendronate-effervescent' : 'alendronate';
      const checks = correctBeforeStart(facts.labs, today, settings.freshnessDays.vitaminD);
      const failed = correctFirstFindings(checks);
      // No eGFR to trust and a creatinine that gives 35 or less: the eGFR comes first (as patient-view's treatment card).
      const creatinine = creatinineAloneAtLimit(facts, settings.freshnessDays.egfr) ?? egfrContradicted(facts, settings.freshnessDays.egfr)?.creatinine;
      if (creatinine !== undefined) {
        correctFirst.push('egfr-missing');
        findings.push({ kind: 'lab-missing', lab: 'egfr', withinDays: settings.freshnessDays.egfr, creatinineAtLimit: newerCreatinineOf(creatinine) });
        refs.push(creatinine.ref);
        suggestions.push({ kind: 'lab', lab: 'egfr' });
      }
      correctFirst.push(...checks.reasons);
      findings.push(...failed.findings);
      refs.push(...failed.refs);
      if (checks.calcium !== undefined) suggestions.push({ kind: 'labs', labs: ['calcium', 'vitamin-d'] });
      else suggestions.push({ kind: 'prescribe', drug: treatWith === 'alendronate' ? 'alendronate-tablet' : 'alendronate-effervescent', ...(correctFirst.length === 0 ? { recommended: true } : {}) });
      if (correctFirst.includes('vitamin-d-low') && !takesVitaminD(facts, draft)) suggestions.push({ kind: 'prescribe', drug: 'colecalciferol', recommended: true });
    }
  }
  if (noDxa) {
    reasons.push('no-dxa');
    const last = latestDiagnosticScan(facts);
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
    findings: [...findings, draftFinding(draft)],
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
    draft: draft.ref,
    advice: treat ? 'treat' : noDxa ? 'dxa' : 'exposure',
    ...(treatWith === undefined ? {} : { treatWith }),
    ...(correctFirst.length === 0 ? {} : { correctFirst }),
    ...(calciumHigh ? { calciumHigh: true as const } : {}),
    ...(seriousSideEffect ? { seriousSideEffect: true as const } : {}),
  };
};

