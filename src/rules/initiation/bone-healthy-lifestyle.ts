/**
 * Topic `bone-healthy-lifestyle` (rules.md section 2) — info.
 *
 * source-card-da.txt l. 84-94 "Non-farmakologisk (knoglevenlig livsstil)":
 *   "Fysisk aktivitet (vægtbærende, styrke og balance). Se træningsøvelser på
 *    Osteoporoseforeningen.dk. Faldforebyggelse (evt. hoftebeskyttere). Rygeophør. Begrænse
 *    alkoholindtag. Sund og varieret kost. Undgå energirestriktion som fx slankekure.
 *    Evt. kommunale tilbud."
 *
 * When: shown with `treatment-indicated` or `diagnosis-criteria-met` (same gating: in population,
 *       not on treatment).
 * Then: the card's lifestyle advice, personalised: current smoking, recorded falls, alcohol
 *       (≥ 3 units a day or alcohol overuse) and low BMI are named; with none of them the general
 *       advice is given.
 * Reasons: `smoker`, `falls`, `alcohol`, `low-bmi`, else `guideline-advice`.
 */
import type { Reason, RiskFactorReason } from '../../contract/topics.js';
import { diagnosisCriteria, treatmentIndication } from '../predicates/indication.js';
import { riskFactors } from '../predicates/risk-factors.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { Recommendation } from '../../contract/recommendations.js';
import { unique } from './applies.js';
import { diagnosisCriteriaMet } from './diagnosis-criteria-met.js';
import { treatmentIndicated } from './treatment-indicated.js';

/** The risk factors the lifestyle advice speaks to, and the reason each gives this card. */
const PERSONAL: readonly (readonly [RiskFactorReason, Reason])[] = [
  ['risk-smoking', 'smoker'],
  ['risk-falls', 'falls'],
  ['risk-alcohol', 'alcohol'],
  ['risk-low-bmi', 'low-bmi'],
];

export const boneHealthyLifestyle: PatientRule<'bone-healthy-lifestyle'> = (ctx) => {
  const shownWith: Recommendation | undefined = treatmentIndicated(ctx) ?? diagnosisCriteriaMet(ctx);
  if (shownWith === undefined) return undefined;
  // The general advice rests on what the indication or the diagnosis rests on (not on, e.g., the eGFR).
  const basis = treatmentIndication(ctx.facts, ctx.settings) ?? diagnosisCriteria(ctx.facts, ctx.settings);
  const risks = riskFactors(ctx.facts, ctx.settings);
  const reasons: Reason[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];
  for (const [risk, reason] of PERSONAL) {
    const found = risks.find((r) => r.reason === risk);
    if (found === undefined) continue;
    reasons.push(reason);
    findings.push(...found.findings);
    evidence.push(...found.evidence);
  }
  return {
    topic: 'bone-healthy-lifestyle',
    indicator: 'info',
    reasons: reasons.length > 0 ? reasons : ['guideline-advice'],
    evidence: unique(evidence.length > 0 ? evidence : (basis?.evidence ?? shownWith.evidence)),
    findings,
  };
};
