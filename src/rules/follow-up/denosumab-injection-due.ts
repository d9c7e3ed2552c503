/**
 * Topic `denosumab-injection-due` — source-card-da.txt:
 *
 * l. 64    "60 mg s.c. hver 6. måned"
 * l. 78-80 "Opsæt system, så inj. huskes hver 6. måned - også hvis patienten ikke kommer til aftalt
 *          tid. Der må max gå 7 måneder. P-calcium kontrolleres forud for injektion."
 *
 * When: the latest denosumab course is not recorded stopped, no other antiresorptive followed it,
 *       and today lies from last injection + 5 months [choice, settings.denosumabInfoMonths] up to
 *       and including last injection + 7 months (7 months to the day is still in time).
 * Then: info `upcoming` before last injection + 6 months; warning `due` from that day on.
 *       Suggestions: P-calcium before the injection when none in 30 days (+ `calcium-missing`);
 *       a low latest calcium (any age) adds `hypocalcaemia` and a recheck of calcium and 25-OH-D,
 *       the summary saying to correct it before the injection [choice];
 *       a reminder for the injection at last injection + 6 months.
 *       After 7 months: `denosumab-overdue`; recorded stopped: `denosumab-stopped`.
 * Reasons: `upcoming`, `due`, `calcium-missing`, `hypocalcaemia`.
 */
import type { Reason } from '../../contract/topics.js';
import { lastDoseFinding } from '../predicates/findings.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { calciumBeforeInjection, denosumabWithoutFollowOn, endedFollowOn, withIncompleteMedications } from './denosumab.js';

export const denosumabInjectionDue: PatientRule<'denosumab-injection-due'> = (ctx) => {
  const { today, settings } = ctx;
  const schedule = denosumabWithoutFollowOn(ctx);
  if (schedule === undefined || schedule.course.status === 'stopped') return undefined;
  if (today < schedule.announceFrom || today > schedule.latestInTime) return undefined;

  const isDue = today >= schedule.due;
  const reasons: Reason[] = [isDue ? 'due' : 'upcoming'];
  const ended = endedFollowOn(schedule, today);
  const findings: Finding[] = [lastDoseFinding(schedule.course, today), ...ended.findings, { kind: 'due-date', what: 'denosumab-injection', date: schedule.due, ...(schedule.due < today ? { past: true as const } : {}) }];
  const calcium = calciumBeforeInjection(schedule, settings.freshnessDays.beforeInjection);
  reasons.push(...calcium.reasons);
  findings.push(...calcium.findings);
  const suggestions: SuggestionSpec[] = calcium.suggestion === undefined ? [] : [calcium.suggestion];
  // A low calcium holds the injection until it is corrected: a due date already here is no day to
  // inject, the 7-month limit is (as rx-denosumab-schedule sets it for the held order) [choice].
  const remindOn = schedule.lowCalcium !== undefined && schedule.due <= today ? schedule.latestInTime : schedule.due;
  suggestions.push({ kind: 'reminder', what: 'denosumab-injection', due: remindOn });
  return withIncompleteMedications(ctx.facts, {
    topic: 'denosumab-injection-due',
    indicator: isDue ? 'warning' : 'info',
    reasons,
    evidence: [...new Set([...schedule.course.refs, ...ended.evidence, ...calcium.evidence])],
    findings,
    suggestions,
    selectionBehavior: 'any',
    due: schedule.due,
    latestInTime: schedule.latestInTime,
    calciumWithinDays: settings.freshnessDays.beforeInjection,
    ...(schedule.lowCalcium === undefined ? {} : { calciumLow: true as const }),
  });
};
