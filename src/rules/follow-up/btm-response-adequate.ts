/**
 * Topic `btm-response-adequate` — source-card-da.txt:
 *
 * l. 170     "> 30% fald fra initial KM"
 * l. 134-138 "Fortsæt behandling. Evt. KM ved mistanke om manglende compliance"
 * l. 147-148 "Hvis knoglemarkør ikke er taget før behandlingsstart sammenholdes resultat med
 *            gennemsnit for præmenopausale kvinder (oplyses fra laboratoriet) (mere usikkert)."
 *
 * When: on oral bisphosphonate, the latest on-treatment marker (≥ 3 months after start) fell more
 *       than 30 % from the baseline; without a baseline, it is below the premenopausal mean.
 * Then: info — continue treatment; a new marker only on suspected non-compliance. Without a
 *       baseline the card says the comparison is less certain.
 *       With the latest eGFR ≤ 35 (endocrinology-referral `egfr-low` says hold the bisphosphonate
 *       until the specialist answers) the card says the marker fell but not "continue" [choice: two
 *       cards must not disagree, rules.md section 6]; the eGFR is among its findings.
 *       A newer marker reported as a bound that cannot decide ("<40", ">20": bone-markers.ts) keeps
 *       the card away [choice, the safer reading]: the older response is not claimed over a value
 *       that may show none — the bound is named as not used (data card) and an exact one is asked
 *       for. Bounds that decide count: "<20" after 100 fell more than 80 %.
 * Reasons: `fall-from-baseline`, `below-premenopausal-mean`.
 */
import { courseFinding } from '../predicates/findings.js';
import { continueHold } from '../predicates/continue-hold.js';
import type { PatientRule } from '../types.js';
import { boneMarkerFlow, latestVerdict, notFastingFindings, verdictFindings } from './bone-markers.js';

export const btmResponseAdequate: PatientRule<'btm-response-adequate'> = (ctx) => {
  const flow = boneMarkerFlow(ctx);
  const latest = flow === undefined ? undefined : latestVerdict(flow);
  if (flow === undefined || latest === undefined || !latest.adequate || flow.undecided.length > 0) return undefined;
  const withBaseline = latest.fallPercent !== undefined;
  const { refs, findings, notContinued } = continueHold(ctx.facts, ctx.settings);
  const late = notFastingFindings(flow);
  return {
    topic: 'btm-response-adequate',
    indicator: 'info',
    reasons: [withBaseline ? 'fall-from-baseline' : 'below-premenopausal-mean'],
    evidence: [...new Set([...latest.evidence, ...flow.course.refs, ...refs, ...late.evidence])],
    findings: [...verdictFindings(latest), courseFinding(flow.course, ctx.today), ...findings, ...late.findings],
    comparedWith: withBaseline ? 'baseline' : 'premenopausal-mean',
    ...(notContinued === undefined ? {} : { notContinued }),
  };
};
