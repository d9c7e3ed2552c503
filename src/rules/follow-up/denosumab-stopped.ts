/**
 * Topic `denosumab-stopped` — source-card-da.txt:
 *
 * l. 81-82 "Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab
 *          efter ophørt behandling."
 * l. 59-60 "Zoledronsyre (fx Aclasta) 5 mg i.v. årligt"
 *
 * When: the latest denosumab course is recorded stopped (rules.md section 1) and no other
 *       antiresorptive was in use after its last injection. No upper time limit (as overdue).
 * Then: critical — other treatment MUST be started, usually zoledronic acid about 6 months after the
 *       last injection (that date is computed and shown); suggestions (v2): zoledronic acid referral
 *       (recommended), alendronate 70 mg weekly, or endocrinology referral. Replaces
 *       `denosumab-overdue` (REPLACES). "No other antiresorptive after" follows the v2 follow-on
 *       definition (started, dispensed or given after the last injection: `supersededOn`); one
 *       that ended within months does not hold and is named (`denosumabFollowOn` [choice]).
 *       A low latest calcium adds `hypocalcaemia`: correct it first, and the endocrinology
 *       referral is the recommended option [choice]. Where oral bisphosphonate is not possible
 *       (card l. 22 "2. Valg … Ved kontraindikation (fx ulcus) til peroral bisfosfonat …"; the
 *       barriers of `treatment-indicated`), alendronate is not offered and the barrier is named
 *       (`oralBarred`). After osteonecrosis of the jaw or an atypical femoral fracture the
 *       endocrinology referral is the one option (`seriousSideEffect`).
 * Reasons: `no-follow-on-therapy`, `hypocalcaemia`.
 */
import { calciumFinding, conditionFinding, courseFinding, lastDoseFinding } from '../predicates/findings.js';
import { seriousSideEffectsOnRecord } from '../predicates/conditions.js';
import { oralBisphosphonateBarriers } from '../predicates/indication.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import type { PatientRule } from '../types.js';
import { denosumabWithoutFollowOn, endedFollowOn, INJECTION_INTERVAL_MONTHS, withIncompleteMedications } from './denosumab.js';

export const denosumabStopped: PatientRule<'denosumab-stopped'> = (ctx) => {
  const schedule = denosumabWithoutFollowOn(ctx);
  if (schedule === undefined || schedule.course.status !== 'stopped') return undefined;
  const lastDose = lastDoseFinding(schedule.course, ctx.today);
  const ended = endedFollowOn(schedule, ctx.today);
  // Card l. 42 "Tjek, at der Ikke er hypocalcæmi" before a follow-on bisphosphonate: with a low
  // latest calcium the endocrinologist, not the infusion or the tablet, is the recommended step [choice].
  const low = schedule.lowCalcium;
  const oral = oralBisphosphonateBarriers(ctx.facts, ctx.settings);
  const oralBarred = oral.reasons.length > 0;
  // Osteonecrosis of the jaw or an atypical femoral fracture (card p. 1 "alvorlige"): a bisphosphonate
  // follow-on risks them again; the endocrinologist chooses it (the prescribing hook bars the tablet too) [choice].
  const serious = seriousSideEffectsOnRecord(ctx.facts);
  return withIncompleteMedications(ctx.facts, {
    topic: 'denosumab-stopped',
    indicator: 'critical',
    reasons: low === undefined ? ['no-follow-on-therapy'] : ['no-follow-on-therapy', 'hypocalcaemia'],
    evidence: [...new Set([...schedule.course.refs, ...ended.evidence, ...(low === undefined ? [] : [low.ref]), ...oral.evidence, ...serious.map((c) => c.ref)])],
    findings: [
      courseFinding(schedule.course, ctx.today),
      lastDose,
      ...ended.findings,
      // "typically zoledronic acid about 6 months after the last injection"
      { kind: 'due-date', what: 'follow-on-after-denosumab', date: schedule.due, ...(schedule.due < ctx.today ? { past: true as const } : {}) },
      ...(low === undefined ? [] : [calciumFinding(low)]),
      ...oral.findings,
      ...serious.map(conditionFinding),
    ],
    // v2: the follow-on options (zoledronic acid by referral for infusion, alendronate 70 mg
    // weekly) and the endocrinology referral.
    suggestions:
      serious.length > 0
        ? [{ kind: 'referral', to: 'endocrinology', recommended: true }]
        : [
            { kind: 'referral', to: 'zoledronic-acid', ...(low === undefined ? { recommended: true } : {}) },
            ...(oralBarred ? [] : [{ kind: 'prescribe' as const, drug: 'alendronate-tablet' as const }]),
            { kind: 'referral', to: 'endocrinology', ...(low === undefined ? {} : { recommended: true }) },
          ],
    selectionBehavior: 'at-most-one',
    followOnDue: schedule.due,
    followOnDueReached: lastDose.months >= INJECTION_INTERVAL_MONTHS,
    // The bisphosphonate options give way to the referral then (rules/agreement.ts).
    ...(latestEgfrAtLimit(ctx.facts) === undefined ? {} : { egfrLow: true }),
    ...(low === undefined ? {} : { calciumLow: true as const }),
    ...(oralBarred ? { oralBarred: true as const } : {}),
    ...(serious.length > 0 ? { seriousSideEffect: true as const } : {}),
  });
};
