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
 *       last injection (that date is computed and shown); suggestions: zoledronic acid referral
 *       (recommended) or endocrinology referral. Replaces `denosumab-overdue` (REPLACES).
 * Reasons: `no-follow-on-therapy`.
 */
import { courseFinding, lastDoseFinding } from '../predicates/findings.js';
import type { PatientRule } from '../types.js';
import { denosumabWithoutFollowOn } from './denosumab.js';

export const denosumabStopped: PatientRule = (ctx) => {
  const schedule = denosumabWithoutFollowOn(ctx);
  if (schedule === undefined || schedule.course.status !== 'stopped') return undefined;
  return {
    topic: 'denosumab-stopped',
    indicator: 'critical',
    reasons: ['no-follow-on-therapy'],
    evidence: [...new Set(schedule.course.refs)],
    findings: [
      courseFinding(schedule.course, ctx.today),
      lastDoseFinding(schedule.course, ctx.today),
      // "typically zoledronic acid about 6 months after the last injection"
      { kind: 'due-date', what: 'zoledronic-acid-infusion', date: schedule.due },
    ],
    suggestions: [
      { kind: 'referral', to: 'zoledronic-acid', recommended: true },
      { kind: 'referral', to: 'endocrinology' },
    ],
    selectionBehavior: 'at-most-one',
    variant: schedule.due,
  };
};
