/**
 * Topic `denosumab-overdue` — source-card-da.txt:
 *
 * l. 78-82 "Opsæt system, så inj. huskes hver 6. måned - også hvis patienten ikke kommer til aftalt
 *          tid. Der må max gå 7 måneder. P-calcium kontrolleres forud for injektion. Hvis denosumab
 *          seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt
 *          behandling."
 *
 * When: the latest denosumab course is not recorded stopped, more than 7 months have passed since
 *       its last injection (from last injection + 7 months + 1 day), and no other antiresorptive
 *       followed it. No upper time limit [choice: safer — the rebound bone loss and vertebral
 *       fractures after a missed injection are the card's reason for "max 7 måneder"; the card is
 *       shown until the record shows an injection, a stop or a follow-on treatment].
 * Then: critical — give the injection now (denosumab biosimilar), P-calcium before it when none in
 *       30 days, or refer to endocrinology. Replaced by `denosumab-stopped` (REPLACES).
 *       A low latest calcium (any age) adds `hypocalcaemia`: correct it first, recheck calcium and
 *       25-OH-D, and the endocrinology referral, not the injection, is the recommended step [choice].
 * Reasons: `overdue`, `hypocalcaemia`.
 */
import { labFinding, lastDoseFinding } from '../predicates/findings.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { calciumBeforeInjection, denosumabWithoutFollowOn, endedFollowOn, withIncompleteMedications } from './denosumab.js';

export const denosumabOverdue: PatientRule<'denosumab-overdue'> = (ctx) => {
  const { today, settings } = ctx;
  const schedule = denosumabWithoutFollowOn(ctx);
  if (schedule === undefined || schedule.course.status === 'stopped') return undefined;
  if (today <= schedule.latestInTime) return undefined;

  const ended = endedFollowOn(schedule, today);
  const findings: Finding[] = [lastDoseFinding(schedule.course, today), ...ended.findings, { kind: 'due-date', what: 'denosumab-injection', date: schedule.due, past: true }];
  const calcium = calciumBeforeInjection(schedule, settings.freshnessDays.beforeInjection);
  findings.push(...calcium.findings);
  // With a low calcium the injection waits for its correction: the specialist, not the injection, is the first step.
  const low = schedule.lowCalcium !== undefined;
  const suggestions: SuggestionSpec[] = [{ kind: 'prescribe', drug: 'denosumab-biosimilar', ...(low ? {} : { recommended: true }) }];
  if (calcium.suggestion !== undefined) suggestions.push(calcium.suggestion);
  suggestions.push({ kind: 'referral', to: 'endocrinology', ...(low ? { recommended: true } : {}) });
  // The follow-on the card names if denosumab is not to continue is usually zoledronic acid, a
  // bisphosphonate: at eGFR ≤ 35 the card says so (as denosumab-stopped does) [choice].
  const egfr = latestEgfrAtLimit(ctx.facts);
  if (egfr !== undefined) findings.push(labFinding('egfr', egfr));
  return withIncompleteMedications(ctx.facts, {
    topic: 'denosumab-overdue',
    indicator: 'critical',
    reasons: ['overdue', ...calcium.reasons.filter((r) => r === 'hypocalcaemia')],
    evidence: [...new Set([...schedule.course.refs, ...ended.evidence, ...calcium.evidence, ...(egfr === undefined ? [] : [egfr.ref])])],
    findings,
    suggestions,
    selectionBehavior: 'any',
    due: schedule.due,
    ...(low ? { calciumLow: true as const } : {}),
    ...(egfr === undefined ? {} : { egfrLow: true as const }),
  });
};
