/**
 * The card's two central judgements, page 1 (source-card-da.txt):
 *
 * l. 11-13  "Osteoporose diagnosekriterier T-score ≤ -2,5 og/eller lavenergibrud i ryg (≥ 20%
 *            sammenfald) og/eller hofte"
 * l. 26-27  "Lavenergibrud i ryg (≥ 20% sammenfald) og/eller hofte og/eller T-score ≤ -2,5* og
 *            mindst én risikofaktor**."
 * l. 32-33  "* Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis
 *            t-score < -1,0."
 * l. 39     "Indikation for at drøfte behandling"
 *
 * plus the oral/parenteral choice, l. 22 "2. Valg (parenteral) Ved kontraindikation (fx ulcus) til
 * peroral bisfosfonat, utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan
 * opretholdes".
 */
import type { DxaScore, PatientFacts, Ref } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { perFacts, perFactsAndSettings } from '../memo.js';
import type { Finding } from '../../contract/findings.js';
import { activeConditions, activeOrWithinMonths } from './conditions.js';
import { diagnosticTScore } from './dxa.js';
import { conditionFinding, scoreFinding } from './findings.js';
import { distinctFractures, fractureFinding, lowEnergyFractures, type CountedFracture } from './fractures.js';
import { riskFactors } from './risk-factors.js';

/** What a judgement rested on: reasons for the card, findings for its why-trace, evidence refs. */
export interface Judgement {
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
}

export const T_SCORE_OSTEOPOROSIS = -2.5;
export const T_SCORE_GLUCOCORTICOID = -1.0;

/** T-score ≤ −2.5 (exactly −2.5 meets it). */
export function osteoporoticTScore(facts: PatientFacts): DxaScore | undefined {
  const t = diagnosticTScore(facts);
  return t !== undefined && t.value <= T_SCORE_OSTEOPOROSIS ? t : undefined;
}

/** Low-energy (or possibly low-energy) fractures of spine or hip; definite ones first. */
export const spineHipFractures = perFactsAndSettings((facts, settings): { spine: readonly CountedFracture[]; hip: readonly CountedFracture[] } => {
  const all = lowEnergyFractures(facts, settings, ['spine', 'hip']);
  const byCertainty = (a: CountedFracture, b: CountedFracture): number => Number(a.possible) - Number(b.possible);
  return {
    spine: all.filter((c) => c.fracture.site === 'spine').sort(byCertainty),
    hip: all.filter((c) => c.fracture.site === 'hip').sort(byCertainty),
  };
});

const fractureJudgement = perFactsAndSettings((facts, settings): Judgement => {
  const { spine, hip } = spineHipFractures(facts, settings);
  const reasons: Reason[] = [];
  // Every distinct spine and hip fracture is shown (two vertebrae of one day are two lines), the reason from the most certain.
  const shown = distinctFractures([...spine, ...hip]);
  if (spine[0] !== undefined) reasons.push(spine[0].possible ? 'spine-fracture-possible' : 'spine-fracture');
  if (hip[0] !== undefined) reasons.push(hip[0].possible ? 'hip-fracture-possible' : 'hip-fracture');
  return {
    reasons,
    findings: shown.map(fractureFinding),
    evidence: [...spine, ...hip].map((c) => c.fracture.ref),
  };
});

/** Diagnosis criteria: T-score ≤ −2.5 and/or a low-energy spine or hip fracture. */
export const diagnosisCriteria = perFactsAndSettings((facts, settings): Judgement | undefined => {
  const t = osteoporoticTScore(facts);
  const fx = fractureJudgement(facts, settings);
  if (t === undefined && fx.reasons.length === 0) return undefined;
  return {
    reasons: [...(t === undefined ? [] : (['t-score'] as const)), ...fx.reasons],
    findings: [...(t === undefined ? [] : [scoreFinding('t-score', t)]), ...fx.findings],
    evidence: [...(t === undefined ? [] : [t.ref]), ...fx.evidence],
  };
});

/**
 * Indication to discuss treatment: (a) low-energy spine or hip fracture; (b) T-score ≤ −2.5 and at
 * least one risk factor; (c) glucocorticoid exposure (footnote *) and T-score < −1.0.
 * The risk factors present are named whenever the indication holds.
 */
export const treatmentIndication = perFactsAndSettings((facts, settings): Judgement | undefined => {
  const fx = fractureJudgement(facts, settings);
  const t = diagnosticTScore(facts);
  const risks = riskFactors(facts, settings);
  const reasons: Reason[] = [...fx.reasons];
  const findings: Finding[] = [...fx.findings];
  const evidence: Ref[] = [...fx.evidence];

  const byTScore = t !== undefined && t.value <= T_SCORE_OSTEOPOROSIS && risks.length > 0;
  const byGlucocorticoid = t !== undefined && t.value < T_SCORE_GLUCOCORTICOID && facts.glucocorticoid.meetsThreshold;
  if (byTScore) reasons.push('t-score-with-risk-factor');
  if (byGlucocorticoid) reasons.push('glucocorticoid-t-score');
  if (reasons.length === 0) return undefined;

  if (t !== undefined && (byTScore || byGlucocorticoid)) {
    findings.unshift(scoreFinding('t-score', t));
    evidence.unshift(t.ref);
  }
  for (const r of risks) {
    reasons.push(r.reason);
    findings.push(...r.findings);
    evidence.push(...r.evidence);
  }
  return { reasons, findings, evidence: [...new Set(evidence)] };
});

/** Why oral bisphosphonate cannot be the choice (card "2. Valg"); empty reasons = oral is possible. */
export const oralBisphosphonateBarriers = perFactsAndSettings((facts, settings): Judgement => {
  const reasons: Reason[] = [];
  const findings: Finding[] = [];
  const evidence: Ref[] = [];
  const add = (reason: Reason, items: readonly { ref: Ref; finding: Finding }[]): void => {
    if (items.length === 0) return;
    reasons.push(reason);
    for (const i of items) {
      findings.push(i.finding);
      evidence.push(i.ref);
    }
  };
  const cond = (cs: ReturnType<typeof activeConditions>): { ref: Ref; finding: Finding }[] => cs.map((c) => ({ ref: c.ref, finding: conditionFinding(c) }));

  // Contraindications: "fx ulcus" — a peptic ulcer active or in the last 12 months [choice];
  // oesophageal disease that delays emptying; unable to stay upright for 30 minutes.
  add('ulcer', cond(activeOrWithinMonths(facts, 'peptic-ulcer', settings.ulcerMonths)));
  add('oesophageal-disease', cond(activeConditions(facts, ['oesophageal-disorder'])));
  add('cannot-stay-upright', cond(activeConditions(facts, ['cannot-stay-upright'])));
  // "utålelige bivirkninger": a recorded intolerance to an oral bisphosphonate.
  add(
    'intolerance',
    facts.intolerances.filter((i) => i.drugClass === 'oral-bisphosphonate').map((i) => ({ ref: i.ref, finding: { kind: 'intolerance', drug: i.drug, ref: i.ref } })),
  );
  // "hvis compliance ikke kan opretholdes": recorded non-adherence.
  add('non-adherence', cond(activeConditions(facts, ['non-adherence'])));
  return { reasons, findings, evidence };
});

/** Swallowing difficulty points to the effervescent tablet (Binosto), not to parenteral treatment. */
export const swallowingDifficulty = perFacts((facts): Judgement | undefined => {
  const cs = activeConditions(facts, ['dysphagia']);
  if (cs.length === 0) return undefined;
  return { reasons: ['dysphagia'], findings: cs.map(conditionFinding), evidence: cs.map((c) => c.ref) };
});
