/**
 * Topic `btm-follow-up-due` — source-card-da.txt:
 *
 * l. 183     "Tag KM 3 mdr. efter patienten er startet behandling*"
 * l. 172     "Tag KM 3 mdr. efter og revurdér"
 * l. 140-142 "Prokollagen type 1 N-terminal propeptid (P1NP) er primær prøve. CTX anvendes i stedet
 *            for P1NP, hvis patient er i behandling med glukokortikoid"
 * l. 145     "P1NP - kan tages hele dagen CTX skal tages fastende før kl. 10"
 * l. 150-155 "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før behandlingsstart. Mål ét år
 *            efter fraktur. Ubehandlet knoglemetabolisk sygdom. Svær akut sygdom/akut
 *            immobilisering. Hård motion indenfor 24 timer."
 *
 * When: an active oral bisphosphonate course has reached its marker date — 3 months after start
 *       (or one year after a fracture in the 6 months before start, if later) — and no usable
 *       on-treatment marker exists; or the latest marker was the first inadequate one, 3 months
 *       have passed since it and no newer marker was taken.
 * Then: info — take the marker (P1NP; CTX fasting before 10 am under glucocorticoid); suggestion:
 *       order it.
 *       A marker reported as a bound that cannot decide ("<40" against a mean of 35) is no
 *       on-treatment marker: the first one is still due, a re-check still awaited, and the bound is
 *       named as not used (bone-markers.ts, unusable-values.ts).
 * Reasons: `three-months-on-treatment` (+ `fracture-before-start`), `recheck-after-correction`.
 */
import type { Ref } from '../../facts/types.js';
import { courseFinding, markerFinding } from '../predicates/findings.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { boneMarkerFlow, markerDue, notFastingFindings, verdictFindings } from './bone-markers.js';

export const btmFollowUpDue: PatientRule<'btm-follow-up-due'> = (ctx) => {
  const flow = boneMarkerFlow(ctx);
  if (flow === undefined) return undefined;
  const due = markerDue(flow, ctx.today, ctx.settings.boneMarkerWindowMonths);
  if (due === undefined) return undefined;

  const findings: Finding[] = [courseFinding(flow.course, ctx.today), { kind: 'due-date', what: 'bone-marker', date: due.due }];
  const evidence: Ref[] = [...flow.course.refs];
  if (flow.fractureBeforeStart !== undefined) {
    const f = flow.fractureBeforeStart;
    findings.push({ kind: 'fracture', site: f.site, possible: false, anyMechanism: true, ref: f.ref, ...(f.date === undefined ? {} : { date: f.date }) });
    evidence.push(f.ref);
  }
  if (due.recheckOf !== undefined) {
    findings.push(...verdictFindings(due.recheckOf));
    evidence.push(...due.recheckOf.evidence);
  } else if (flow.baseline !== undefined) {
    findings.push(markerFinding(flow.baseline));
    evidence.push(flow.baseline.ref);
  }
  const late = notFastingFindings(flow);
  findings.push(...late.findings);
  evidence.push(...late.evidence);
  return {
    topic: 'btm-follow-up-due',
    indicator: 'info',
    reasons: due.reasons,
    evidence: [...new Set(evidence)],
    findings,
    suggestions: [flow.kind === 'ctx' ? { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' } : { kind: 'lab', lab: 'p1np' }],
    selectionBehavior: 'any',
    marker: flow.kind,
    due: due.due,
    // No baseline to compare with: the answer is read against the premenopausal mean (card footnote).
    ...(flow.baseline === undefined && due.recheckOf === undefined ? { noBaseline: true as const } : {}),
  };
};
