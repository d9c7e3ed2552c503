/**
 * Topic `btm-response-inadequate` — source-card-da.txt:
 *
 * l. 170     "< 30% fald fra initial KM"
 * l. 178-179 "Overvej korrekt indtag, compliance (se evt. FMK), anden sygdom"
 * l. 174     "Ikke korrigerbar Korrigerbar"
 * l. 172     "Tag KM 3 mdr. efter og revurdér"
 * l. 132     "Start eller henvis til parenteral behandling"
 * l. 67-73   intake: "Skal tages fastende om morgenen. ... Indtages mindst 30 min. før føde,
 *            drikkevarer (inkl. mineralvand) og anden medicin (hæmmer optagelse)."
 *
 * When: on oral bisphosphonate, the latest on-treatment marker fell 30 % or less from the baseline
 *       (exactly 30 % does not meet "> 30 %"); without a baseline, it is not below the
 *       premenopausal mean.
 * Then: warning — check correct intake, compliance (FMK) and other disease; if correctable,
 *       re-measure after 3 months (reminder, recommended); if not, start or refer parenteral
 *       treatment (denosumab biosimilar, zoledronic acid referral) — alternatives, at most one.
 *       A second inadequate result is `switch-to-parenteral`, which replaces this card (REPLACES).
 *       With the latest eGFR ≤ 35 (card l. 41 "Tjek, at eGFR > 35" before any antiresorptive;
 *       rules.md section 2 "no drug is suggested for a start in general practice") neither way is
 *       the GP's [choice]: `endocrinology-referral` holds the bisphosphonate until the specialist
 *       has answered, so no re-check on it and no parenteral start — the endocrinology referral
 *       is the one suggestion, and the card says why and shows the eGFR (`egfrLow`).
 *       A newer marker reported as a bound that cannot decide (bone-markers.ts) does not hide the
 *       insufficient fall the latest decided one showed [choice: as an older failing eGFR still
 *       fails, labs.ts]: the card stands and names the bound as not used (unusable-values.ts).
 * Reasons: `insufficient-fall`.
 */
import { addMonths } from '../../time/local-date.js';
import type { Finding } from '../../contract/findings.js';
import { courseFinding, labFinding } from '../predicates/findings.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import type { PatientRule } from '../types.js';
import { boneMarkerFlow, latestVerdict, MARKER_AFTER_MONTHS, recheckAnchor, notFastingFindings, verdictFindings } from './bone-markers.js';

export const btmResponseInadequate: PatientRule<'btm-response-inadequate'> = (ctx) => {
  const flow = boneMarkerFlow(ctx);
  const latest = flow === undefined ? undefined : latestVerdict(flow);
  if (flow === undefined || latest === undefined || latest.adequate) return undefined;
  // The re-check is 3 months after the first inadequate marker of the run, as btm-follow-up-due
  // asks for it (a second sample weeks later does not move it).
  const recheck = addMonths((recheckAnchor(flow) ?? latest).measurement.date, MARKER_AFTER_MONTHS);
  const egfr = latestEgfrAtLimit(ctx.facts);
  const findings: Finding[] = [...verdictFindings(latest), courseFinding(flow.course, ctx.today), { kind: 'due-date', what: 'bone-marker', date: recheck }];
  if (egfr !== undefined) findings.push(labFinding('egfr', egfr));
  const late = notFastingFindings(flow);
  findings.push(...late.findings);
  return {
    topic: 'btm-response-inadequate',
    indicator: 'warning',
    reasons: ['insufficient-fall'],
    evidence: [...new Set([...latest.evidence, ...flow.course.refs, ...(egfr === undefined ? [] : [egfr.ref]), ...late.evidence])],
    findings,
    suggestions:
      egfr === undefined
        ? [
            { kind: 'reminder', what: 'bone-marker', due: recheck, recommended: true, marker: latest.measurement.marker },
            { kind: 'prescribe', drug: 'denosumab-biosimilar' },
            { kind: 'referral', to: 'zoledronic-acid' },
          ]
        : [{ kind: 'referral', to: 'endocrinology', recommended: true }],
    selectionBehavior: 'at-most-one',
    comparedWith: latest.fallPercent !== undefined ? 'baseline' : 'premenopausal-mean',
    recheckDue: recheck,
    ...(recheck < ctx.today ? { recheckPassed: true as const } : {}),
    ...(egfr === undefined ? {} : { egfrLow: true as const }),
  };
};
