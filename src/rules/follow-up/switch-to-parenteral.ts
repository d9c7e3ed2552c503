/**
 * Topic `switch-to-parenteral` — source-card-da.txt:
 *
 * l. 172     "Tag KM 3 mdr. efter og revurdér"
 * l. 181     "> 30% fald fra initial KM < 30% fald fra initial KM"
 * l. 132     "Start eller henvis til parenteral behandling"
 * l. 22      "2. Valg (parenteral) Ved kontraindikation (fx ulcus) til peroral bisfosfonat,
 *            utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes"
 *
 * When: on an oral bisphosphonate course and (a) the latest two on-treatment markers were both
 *       inadequate (the re-check after an inadequate one still showed 30 % or less), and/or
 *       (b) an intolerance to the oral bisphosphonate taken (or the class, or one recorded during
 *       the course) is recorded, and/or (c) non-adherence is
 *       recorded as active.
 * Then: warning — start or refer parenteral treatment: denosumab biosimilar (recommended),
 *       zoledronic acid referral, or endocrinology referral (alternatives, at most one).
 *       Replaces `btm-response-inadequate` (REPLACES); `endocrinology-referral` does not repeat the
 *       persistent fall (its marker reason is for parenteral courses only).
 * Reasons: `persistent-insufficient-fall`, `intolerance`, `non-adherence`.
 */
import type { Ref } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { activeConditions, seriousSideEffectsOnRecord } from '../predicates/conditions.js';
import { conditionFinding, correctFirstFindings, courseFinding, labFinding } from '../predicates/findings.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { correctBeforeStart } from '../predicates/labs.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { boneMarkerFlow, notFastingFindings, persistentlyInadequate, verdictFindings } from './bone-markers.js';

export const switchToParenteral: PatientRule<'switch-to-parenteral'> = (ctx) => {
  const { facts, today } = ctx;
  const flow = boneMarkerFlow(ctx);
  if (flow === undefined) return undefined;
  const reasons: Reason[] = [];
  const findings: Finding[] = [];
  const evidence: Ref[] = [];

  // "behandlingssvigt": the re-check after correction still shows an insufficient fall.
  const persistent = persistentlyInadequate(flow);
  if (persistent !== undefined) {
    reasons.push('persistent-insufficient-fall');
    findings.push(...verdictFindings(...persistent));
    for (const v of persistent) evidence.push(...v.evidence);
    // A newer CTX taken after 10 that seemed to fall is named: the GP sees it in the lab record.
    const late = notFastingFindings(flow);
    findings.push(...late.findings);
    evidence.push(...late.evidence);
  }
  // "utålelige bivirkninger": an intolerance to the drug being taken, to oral bisphosphonates as a
  // class, or to another oral bisphosphonate recorded during this course [choice: an old
  // intolerance to risedronate says little about alendronate taken well since].
  const intolerances = facts.intolerances.filter(
    (i) =>
      i.drugClass === 'oral-bisphosphonate' &&
      (flow.course.drugs.includes(i.drug) || i.classOnly === true || (i.date !== undefined && i.date >= flow.course.start)),
  );
  if (intolerances.length > 0) {
    reasons.push('intolerance');
    for (const i of intolerances) {
      findings.push({ kind: 'intolerance', drug: i.drug, ref: i.ref });
      evidence.push(i.ref);
    }
  }
  // "hvis compliance ikke kan opretholdes": recorded non-adherence.
  const nonAdherence = activeConditions(facts, ['non-adherence']);
  if (nonAdherence.length > 0) {
    reasons.push('non-adherence');
    findings.push(...nonAdherence.map(conditionFinding));
    evidence.push(...nonAdherence.map((c) => c.ref));
  }
  if (reasons.length === 0) return undefined;

  findings.push(courseFinding(flow.course, today));
  evidence.push(...flow.course.refs);
  // The card's checks before any start (l. 41-43) hold for the second choice too [choice, as the
  // treatment card beside failed checks]: with eGFR ≤ 35 the denosumab start is the specialist's
  // (rx-egfr-too-low; rules.md section 2 "no drug is suggested for a start in general practice"),
  // so the endocrinology referral is the one option, no one-click denosumab; with a low calcium
  // or a current 25-OH-D ≤ 50 nothing is recommended until it is corrected, and the card says so.
  const egfr = latestEgfrAtLimit(facts);
  const checks = correctBeforeStart(facts.labs, today, ctx.settings.freshnessDays.vitaminD);
  const correctFirst = checks.reasons;
  if (egfr !== undefined) {
    findings.push(labFinding('egfr', egfr));
    evidence.push(egfr.ref);
  }
  const failed = correctFirstFindings(checks);
  findings.push(...failed.findings);
  evidence.push(...failed.refs);
  // Osteonecrosis of the jaw or an atypical femoral fracture (card p. 1 "alvorlige"; referral
  // "Uacceptable bivirkninger"): denosumab and zoledronic acid can cause them too — the specialist
  // chooses, as the referral card beside it says ("hold the bisphosphonate until … answered") [choice].
  const serious = seriousSideEffectsOnRecord(facts);
  findings.push(...serious.map(conditionFinding));
  evidence.push(...serious.map((c) => c.ref));
  const specialist = egfr !== undefined || serious.length > 0;
  const denosumabFirst = !specialist && correctFirst.length === 0;
  return {
    topic: 'switch-to-parenteral',
    indicator: 'warning',
    reasons,
    evidence: [...new Set(evidence)],
    findings,
    suggestions:
      !specialist
        ? [
            { kind: 'prescribe', drug: 'denosumab-biosimilar', ...(denosumabFirst ? { recommended: true } : {}) },
            { kind: 'referral', to: 'zoledronic-acid' },
            { kind: 'referral', to: 'endocrinology' },
          ]
        : [{ kind: 'referral', to: 'endocrinology', recommended: true }],
    selectionBehavior: 'at-most-one',
    ...(egfr === undefined ? {} : { egfrLow: true as const }),
    ...(serious.length === 0 ? {} : { seriousSideEffect: true as const }),
    ...(correctFirst.length === 0 ? {} : { correctFirst }),
  };
};
