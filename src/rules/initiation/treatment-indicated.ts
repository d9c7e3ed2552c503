/**
 * Topic `treatment-indicated` (rules.md section 2, "Second choice" and "eGFR ≤ 35") — warning.
 *
 * source-card-da.txt
 *   l. 39     "Indikation for at drøfte behandling"
 *   l. 26-27  "Lavenergibrud i ryg (≥ 20% sammenfald) og/eller hofte og/eller
 *              T-score ≤ -2,5* og mindst én risikofaktor**."
 *   l. 32-33  "* Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles,
 *              hvis t-score < -1,0."
 *   l. 18     "1. Valg (peroral)"  — l. 53-57 "Alendronat 70 mg ugetablet / Brusetablet (Binosto) kan
 *              anvendes ved synkebesvær. Har klausuleret tilskud og er dyrt."
 *   l. 22     "2. Valg (parenteral) Ved kontraindikation (fx ulcus) til peroral bisfosfonat, utålelige
 *              bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes"
 *   l. 59-65  "Zoledronsyre (fx Aclasta) 5 mg i.v. årligt" / "Denosumab (Izamby, Junod, Obodence
 *              Ozvyrti, Ponlimsi eller Zadenvi ▲) 60 mg s.c. hver 6. måned Klausuleret tilskud"
 *   l. 41     "Tjek, at eGFR > 35 ml/min." (under l. 51 "Før start af antiresorptiv behandling")
 *   l. 229-230 (referral) "Progredierende nyrefunktionstab og inden eGFR er under 35 ml/min."
 *
 * When: a patient in population, not on treatment, has an indication to discuss treatment
 *       (low-energy spine/hip fracture; T-score ≤ −2.5 with a risk factor; glucocorticoid exposure
 *       with T-score < −1.0).
 * Then, in this order:
 *   1. the latest eGFR (whatever its age [choice, safer: kidney function rarely recovers]) is
 *      ≤ 35 — the card's check before any antiresorptive fails: no drug is suggested, a referral
 *      to endocrinology is (variant `egfr-low`);
 *   2. oral bisphosphonate is not possible (contraindication, intolerance, non-adherence): second
 *      choice, a denosumab biosimilar or a referral for zoledronic acid (variant `second-choice`);
 *   3. otherwise first choice: alendronate 70 mg weekly tablet, or the effervescent tablet
 *      (Binosto) when swallowing difficulty is recorded (variant `first-choice`).
 * Reasons: `spine-fracture`, `hip-fracture` (+`-possible`), `t-score-with-risk-factor`,
 *   `glucocorticoid-t-score`, `risk-*`; then `egfr-low`, or the barriers (`ulcer`,
 *   `oesophageal-disease`, `cannot-stay-upright`, `intolerance`, `non-adherence`), or `dysphagia`.
 *
 * "Behandlingssvigt" (treatment failure) needs a course on treatment: it is judged by the
 * follow-up rules (rules.md section 3, `switch-to-parenteral`), not here.
 */
import type { Reason } from '../../contract/topics.js';
import { labFinding } from '../predicates/findings.js';
import { oralBisphosphonateBarriers, swallowingDifficulty, treatmentIndication, type Judgement } from '../predicates/indication.js';
import { atOrBelow, EGFR_LIMIT } from '../predicates/labs.js';
import type { Finding, PatientRule, Recommendation, RuleContext, SuggestionSpec } from '../types.js';
import { isChoosingTreatment, latestEgfr, unique } from './applies.js';

/** Which of the card's treatment advice applies; the card text reads it. */
export type TreatmentVariant = 'first-choice' | 'second-choice' | 'egfr-low';

interface Choice {
  readonly variant: TreatmentVariant;
  readonly extra: Judgement;
  readonly suggestions: readonly SuggestionSpec[];
}

const NOTHING: Judgement = { reasons: [], findings: [], evidence: [] };

/** "Tjek, at eGFR > 35 ml/min." fails: the latest eGFR is 35 or lower (exactly 35 fails "> 35"). */
function kidneyCheckFails(ctx: RuleContext): Judgement | undefined {
  const egfr = latestEgfr(ctx.facts);
  if (egfr === undefined || !atOrBelow(egfr, EGFR_LIMIT)) return undefined;
  return { reasons: ['egfr-low'], findings: [labFinding('egfr', egfr)], evidence: [egfr.ref] };
}

function chooseTreatment(ctx: RuleContext): Choice {
  const kidney = kidneyCheckFails(ctx);
  if (kidney !== undefined) {
    return { variant: 'egfr-low', extra: kidney, suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }] };
  }
  const barriers = oralBisphosphonateBarriers(ctx.facts, ctx.settings);
  if (barriers.reasons.length > 0) {
    return {
      variant: 'second-choice',
      extra: barriers,
      suggestions: [
        { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
        { kind: 'referral', to: 'zoledronic-acid' },
      ],
    };
  }
  const swallowing = swallowingDifficulty(ctx.facts);
  if (swallowing !== undefined) {
    return {
      variant: 'first-choice',
      extra: swallowing,
      suggestions: [
        { kind: 'prescribe', drug: 'alendronate-effervescent', recommended: true },
        { kind: 'prescribe', drug: 'alendronate-tablet' },
      ],
    };
  }
  return { variant: 'first-choice', extra: NOTHING, suggestions: [{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }] };
}

export const treatmentIndicated: PatientRule = (ctx): Recommendation | undefined => {
  if (!isChoosingTreatment(ctx)) return undefined;
  const indication = treatmentIndication(ctx.facts, ctx.settings);
  if (indication === undefined) return undefined;
  const choice = chooseTreatment(ctx);
  const reasons: Reason[] = [...indication.reasons, ...choice.extra.reasons];
  const findings: Finding[] = [...indication.findings, ...choice.extra.findings];
  return {
    topic: 'treatment-indicated',
    indicator: 'warning',
    reasons: [...new Set(reasons)],
    evidence: unique([...indication.evidence, ...choice.extra.evidence]),
    findings,
    suggestions: choice.suggestions,
    selectionBehavior: 'at-most-one',
    variant: choice.variant,
  };
};
