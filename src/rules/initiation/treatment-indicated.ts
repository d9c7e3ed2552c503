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
 *      to endocrinology is (choice `referral`); likewise with suspected secondary osteoporosis
 *      (below), and with ≥ 10 years of oral bisphosphonate already taken (all courses added up,
 *      rules.md section 1): l. 198-199 "Ved fortsat lav knoglemasse i hoften kan behandling
 *      udstrækkes til 10 år" is the limit (rules.md `bisphosphonate-ten-years`), so alendronate is
 *      not offered again — the specialist decides the further treatment, as the 10-year cards on
 *      treatment and on a prescription say (reason `ten-years`) [choice: the safer reading; the card
 *      names no treatment beyond 10 years, and zoledronic acid, its other second choice, is a
 *      bisphosphonate too];
 *   2. oral bisphosphonate is not possible (contraindication, intolerance, non-adherence): second
 *      choice, a denosumab biosimilar or a referral for zoledronic acid (choice `second-choice`);
 *   3. otherwise first choice: alendronate 70 mg weekly tablet, or the effervescent tablet
 *      (Binosto) when swallowing difficulty is recorded (choice `first-choice`).
 * Reasons: `spine-fracture`, `hip-fracture` (+`-possible`), `t-score-with-risk-factor`,
 *   `glucocorticoid-t-score`, `risk-*`; then `egfr-low`, `secondary-osteoporosis`, `ten-years`
 *   (the referral; `ten-years` here extends rules.md section 2's list), or the barriers (`ulcer`,
 *   `oesophageal-disease`, `cannot-stay-upright`, `intolerance`, `non-adherence`, and the failure
 *   of an ended oral course: `bmd-fall`, `fractures-on-treatment`), or `dysphagia`.
 *
 * "Behandlingssvigt" (treatment failure) on a running course is judged by the follow-up rules
 * (rules.md section 3, `switch-to-parenteral`, `endocrinology-referral`); one that ended the oral
 * course makes the start here the second choice (rules.md section 2 "has failed").
 *
 * v2 (rules.md sections 1–3):
 * - held back while denosumab is overdue or stopped without follow-on (the critical denosumab card
 *   speaks; never a "start alendronate" card beside it);
 * - after an oral bisphosphonate stopped following a treatment failure, the second choice (card
 *   l. 22 "2. Valg … behandlingssvigt", rules.md section 2 "has failed"), beside the
 *   endocrinology referral the failure brings — it had been held back, leaving the patient with
 *   the referral alone;
 * - during a pause (l. 185-199 "Behandlingspause … Ved fortsat lav knoglemasse i hoften kan
 *   behandling udstrækkes") it is held back, unless a low-energy fracture happened after the pause
 *   start or a DXA after it shows hip T-score ≤ −2.5: then it fires with reason `pause-ended`,
 *   whether or not (a)–(c) hold [choice, rules.md];
 * - suspected secondary osteoporosis (l. 232-233 "Mistanke om udredningskrævende sekundær
 *   osteoporose": hypercalcaemia, or Z-score ≤ −2.0 [extension]): like eGFR ≤ 35, no drug is
 *   suggested, the endocrinology referral is (choice `referral`, reason `secondary-osteoporosis`);
 *   with both, both reasons are named;
 * - anabolic candidates (l. 29-30 "Overvej henvisning til anabol behandling ved lavenergibrud –
 *   se bagsiden"): when `anabolic-treatment-consideration` fires too, the drug suggestion is framed
 *   as the start while the specialist decides (`anabolicCandidate`) — one decision, not two
 *   competing cards; where the start is one of several alternatives (`at-most-one`: denosumab |
 *   zoledronic acid, Binosto | the tablet), each start carries the anabolic referral
 *   (`withAnabolicReferral`; the zoledronic acid referral asks the question too) and the referral
 *   alone is the last choice — as a third alternative the GP could take the start or the
 *   referral, never both;
 * - a medication prefetch key unavailable (rules.md "Missing data"): whether the patient is already
 *   on treatment is unknown — the card says to check the medication list first and no drug is
 *   pre-selected (`medicationListUnavailable`) [choice].
 */
import type { Ref } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { anabolicTreatmentConsideration } from '../follow-up/anabolic-treatment-consideration.js';
import { failureOfEndedOralCourse, markerFailureOfEndedOralCourse } from '../follow-up/endocrinology-referral.js';
import { denosumabUnresolved, pauseEnded, pauseState, type Pause } from '../predicates/care-state.js';
import { conditionFinding, courseFinding, labFinding, scoreFinding } from '../predicates/findings.js';
import { seriousSideEffectsOnRecord } from '../predicates/conditions.js';
import { medicationHistoryUnavailable, oralBisphosphonateCourses, oralBisphosphonateYearsReached } from '../predicates/medication.js';
import { MAX_YEARS } from '../follow-up/bisphosphonate-duration.js';
import { fractureFinding } from '../predicates/fractures.js';
import { T_SCORE_OSTEOPOROSIS } from '../predicates/indication.js';
import { secondaryOsteoporosisSigns } from '../predicates/secondary-osteoporosis.js';
import { oralBisphosphonateBarriers, swallowingDifficulty, treatmentIndication, type Judgement } from '../predicates/indication.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { markerAfterFracture, markerFractureFinding } from '../predicates/marker-after-fracture.js';
import { perContext } from '../memo.js';
import type { PatientRule, RuleContext } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { TreatmentChoice } from '../../contract/recommendations.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { isChoosingTreatment, unique } from './applies.js';
import { notRecommended } from '../not-recommended.js';
import { shows } from '../settings.js';

interface Choice {
  readonly choice: TreatmentChoice;
  readonly extra: Judgement;
  readonly suggestions: readonly SuggestionSpec[];
}

const NOTHING: Judgement = { reasons: [], findings: [], evidence: [] };

/**
 * "Tjek, at eGFR > 35 ml/min." fails: the latest eGFR that can tell, whatever its age, is 35 or
 * lower (exactly 35 fails "> 35") [choice, safer: kidney function rarely recovers].
 */
function kidneyCheckFails(ctx: RuleContext): Judgement | undefined {
  const egfr = latestEgfrAtLimit(ctx.facts);
  if (egfr === undefined) return undefined;
  return { reasons: ['egfr-low'], findings: [labFinding('egfr', egfr)], evidence: [egfr.ref] };
}

/**
 * l. 198-199 "kan behandling udstrækkes til 10 år": ≥ 10 years of oral bisphosphonate, all courses
 * added up. A pause that ended after 10 years (a new fracture, hip T-score ≤ −2.5) had got "start
 * alendronate" — and then the prescribing card's "10 years: maximum duration" on the draft.
 */
function tenYearsTaken(ctx: RuleContext): Judgement | undefined {
  if (!oralBisphosphonateYearsReached(ctx.facts, MAX_YEARS)) return undefined;
  const courses = oralBisphosphonateCourses(ctx.facts);
  return { reasons: ['ten-years'], findings: courses.map((c) => courseFinding(c, ctx.today)), evidence: courses.flatMap((c) => c.refs) };
}

/**
 * Card p. 1 "Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige"; referral
 * "Uacceptable bivirkninger": osteonecrosis of the jaw or an atypical femoral fracture ever
 * recorded (an antiresorptive the record does not show may have caused it; the prescribing hook's
 * `rx-oral-contraindicated` reads it so too). Every antiresorptive the card offers can cause them
 * (denosumab too), so no start is offered in general practice: the endocrinologist chooses (reason
 * `intolerance`, as the referral's own) [choice: alendronate stopped for osteonecrosis of the jaw
 * had been offered again, pre-selected, as "1. valg"].
 */
function seriousSideEffectOnRecord(ctx: RuleContext): Judgement | undefined {
  const found = seriousSideEffectsOnRecord(ctx.facts);
  if (found.length === 0) return undefined;
  return { reasons: ['intolerance'], findings: found.map(conditionFinding), evidence: found.map((c) => c.ref) };
}

function chooseTreatment(ctx: RuleContext): Choice {
  const kidney = kidneyCheckFails(ctx);
  const secondary = secondaryOsteoporosisSigns(ctx.facts);
  const tenYears = tenYearsTaken(ctx);
  const sideEffect = seriousSideEffectOnRecord(ctx);
  if (kidney !== undefined || secondary !== undefined || tenYears !== undefined || sideEffect !== undefined) {
    const parts = [kidney, secondary, sideEffect, tenYears].filter((p): p is Judgement => p !== undefined);
    const extra: Judgement = { reasons: parts.flatMap((p) => p.reasons), findings: parts.flatMap((p) => p.findings), evidence: parts.flatMap((p) => p.evidence) };
    return { choice: 'referral', extra, suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }] };
  }
  const barriers = oralBisphosphonateBarriers(ctx.facts, ctx.settings);
  // Card l. 22 "2. Valg (parenteral) Ved … behandlingssvigt": an oral course that ended after it
  // failed is not offered again; the second choice is, beside the endocrinology referral a BMD fall
  // or fractures bring (endocrinology-referral.ts `failureOfEndedOralCourse`; a marker that did not
  // fall brings none: `markerFailureOfEndedOralCourse`). Not in a pause: a pause that ended speaks
  // through `pause-ended`.
  const failure = pauseState(ctx) === undefined ? (failureOfEndedOralCourse(ctx) ?? markerFailureOfEndedOralCourse(ctx)) : undefined;
  if (barriers.reasons.length > 0 || failure !== undefined) {
    const extra: Judgement =
      failure === undefined
        ? barriers
        : { reasons: [...barriers.reasons, failure.reason], findings: [...barriers.findings, ...failure.findings], evidence: [...barriers.evidence, ...failure.evidence] };
    return {
      choice: 'second-choice',
      extra,
      suggestions: [
        { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
        { kind: 'referral', to: 'zoledronic-acid' },
      ],
    };
  }
  const swallowing = swallowingDifficulty(ctx.facts);
  if (swallowing !== undefined) {
    return {
      choice: 'first-choice',
      extra: swallowing,
      suggestions: [
        { kind: 'prescribe', drug: 'alendronate-effervescent', recommended: true },
        { kind: 'prescribe', drug: 'alendronate-tablet' },
      ],
    };
  }
  return { choice: 'first-choice', extra: NOTHING, suggestions: [{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }] };
}


/** "Ved fortsat lav knoglemasse i hoften …": what ended the pause (new fracture, low hip T-score after its start, glucocorticoid). */
function pauseEndedJudgement(pause: Pause): Judgement {
  const findings: Finding[] = pause.newFractures.map(fractureFinding);
  const evidence: Ref[] = pause.newFractures.map((c) => c.fracture.ref);
  const hip = pause.hipAfterStart;
  if (hip !== undefined && hip.value <= T_SCORE_OSTEOPOROSIS) {
    findings.unshift(scoreFinding('t-score', hip));
    evidence.unshift(hip.ref);
  }
  // Glucocorticoid after the start: the indication (c) names the exposure and T-score itself.
  return { reasons: ['pause-ended'], findings, evidence };
}

/** The indication, or during a pause that ended, `pause-ended` with whatever indication holds too. */
function indicationNow(ctx: RuleContext): Judgement | undefined {
  const indication = treatmentIndication(ctx.facts, ctx.settings);
  const pause = pauseState(ctx);
  if (pause === undefined) return indication;
  if (!pauseEnded(pause)) return undefined;
  const ended = pauseEndedJudgement(pause);
  if (indication === undefined) return ended;
  return { reasons: [...ended.reasons, ...indication.reasons], findings: [...ended.findings, ...indication.findings], evidence: [...ended.evidence, ...indication.evidence] };
}

/** Worked out once per request (memo.ts): `pretreatment-checks` and `bone-healthy-lifestyle` build on it. */
export const treatmentIndicated: PatientRule<'treatment-indicated'> = perContext((ctx) => {
  if (!isChoosingTreatment(ctx) || denosumabUnresolved(ctx.facts)) return undefined;
  const indication = indicationNow(ctx);
  if (indication === undefined) return undefined;
  const choice = chooseTreatment(ctx);
  const reasons: Reason[] = [...indication.reasons, ...choice.extra.reasons];
  const findings: Finding[] = [...indication.findings, ...choice.extra.findings];
  // The anabolic card decides nothing here: the start goes ahead while the specialist decides. A
  // site that hides the anabolic card hides its referral here too (rules.md §6: a folded topic is shown).
  const anabolic = choice.choice !== 'referral' && shows(ctx.settings, 'anabolic-treatment-consideration') && anabolicTreatmentConsideration(ctx) !== undefined;
  // Without the medication list (rules.md "Missing data") "not on treatment" is unknown: the card
  // says to check the list first and no start is pre-selected — a patient on alendronate, or due a
  // denosumab injection, was told "start alendronate now" with the order ticked [choice].
  const unlisted = choice.choice !== 'referral' && medicationHistoryUnavailable(ctx.facts);
  const ifLowEnergy = indication.reasons.includes('pause-ended') && pauseEndedOnlyByPossibleFracture(ctx);
  // The card says when the first marker comes: it may be the only card (every pre-start check passed).
  const blocked = choice.choice === 'first-choice' ? markerAfterFracture(ctx.facts) : undefined;
  const evidence = unique([...indication.evidence, ...choice.extra.evidence]);
  // The fracture named when it is not the indication already (the marker's day is in the text).
  const unnamed = blocked !== undefined && !evidence.includes(blocked.fracture.ref) ? blocked : undefined;
  return {
    topic: 'treatment-indicated',
    indicator: 'warning',
    reasons: [...new Set(reasons)],
    evidence: unnamed === undefined ? evidence : [...evidence, unnamed.fracture.ref],
    findings: unnamed === undefined ? findings : [...findings, markerFractureFinding(unnamed)],
    suggestions: (anabolic ? withAnabolicReferral(choice.suggestions) : choice.suggestions).map(unlisted ? notRecommended : (s) => s),
    selectionBehavior: 'at-most-one',
    choice: choice.choice,
    anabolicCandidate: anabolic,
    ...(unlisted ? { medicationListUnavailable: true as const } : {}),
    ...(ifLowEnergy ? { pauseEndedIfLowEnergy: true as const } : {}),
    ...(blocked === undefined ? {} : { markerAfterFracture: blocked.markerFrom }),
  };
});

/** Alternatives (two starts or more): each start takes the anabolic referral along, and the referral alone comes last. */
function withAnabolicReferral(suggestions: readonly SuggestionSpec[]): readonly SuggestionSpec[] {
  if (suggestions.filter((s) => s.kind === 'prescribe' || s.kind === 'referral').length < 2) return suggestions;
  const starts = suggestions.map((s): SuggestionSpec => {
    if (s.kind === 'prescribe') return { ...s, withAnabolicReferral: true };
    return s.kind === 'referral' && s.to === 'zoledronic-acid' ? { ...s, alsoAnabolic: true } : s;
  });
  return [...starts, { kind: 'referral', to: 'anabolic-treatment' }];
}

/**
 * rules.md section 1: a fracture of unknown mechanism counts where a low-energy one does, but the
 * card says "if low-energy" — also when it is all that ended a pause (no hip T-score ≤ −2.5 after
 * its start, no glucocorticoid indication): "behandlingspausen er slut" had been said as certain of
 * a wrist fracture no one knew the cause of. (The card's words weigh it against any other
 * indication that holds, cards/text.)
 */
function pauseEndedOnlyByPossibleFracture(ctx: RuleContext): boolean {
  const pause = pauseState(ctx);
  if (pause === undefined || pause.newFractures.length === 0) return false;
  if (pause.newFractures.some((c) => c.fracture.mechanism !== 'unknown')) return false;
  return !((pause.hipAfterStart !== undefined && pause.hipAfterStart.value <= T_SCORE_OSTEOPOROSIS) || pause.glucocorticoidTScore !== undefined);
}
