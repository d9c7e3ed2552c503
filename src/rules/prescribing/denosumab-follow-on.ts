/**
 * The drug that follows denosumab (card l. 81-82 "Hvis denosumab seponeres, SKAL anden behandling
 * igangsættes"; rules.md section 4): a bisphosphonate drafted once denosumab is stopped, or from 5
 * calendar months after its last injection, is that follow-on — not a duplicate of a course running
 * on schedule.
 */
import type { Course } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { denosumabWithoutFollowOn } from '../follow-up/denosumab.js';
import type { RuleContext } from '../types.js';

/** rules.md section 4: a bisphosphonate may follow denosumab from 5 months after the last injection. */
export const DENOSUMAB_FOLLOW_ON_MONTHS = 5;

/** From this day on, a bisphosphonate drafted after this denosumab course is its follow-on. */
export function followOnDue(denosumab: Course, today: LocalDate): boolean {
  return addMonths(denosumab.lastDose, DENOSUMAB_FOLLOW_ON_MONTHS) <= today;
}

/** The denosumab course a bisphosphonate drafted today would follow: stopped, or due for its follow-on, with none yet. */
export function followingDenosumab(ctx: RuleContext): ReturnType<typeof denosumabWithoutFollowOn> {
  const previous = denosumabWithoutFollowOn(ctx);
  if (previous === undefined) return undefined;
  return previous.course.status !== 'active' || followOnDue(previous.course, ctx.today) ? previous : undefined;
}
