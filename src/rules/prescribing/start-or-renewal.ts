/**
 * rules.md section 4, "Start or renewal" (v2): a draft *starts* treatment when it is a first
 * course, a restart after a stop or pause, or a switch to another antiresorptive; it *renews* when
 * the same drug is ongoing. The card's "Før start af antiresorptiv behandling" checks (l. 51) are
 * for starts only; the checks the card asks before every infusion (l. 75) or injection (l. 80) are
 * not.
 *
 * - first course: no antiresorptive course of any class in the record, ever;
 * - renewal: the current antiresorptive course is active (rules.md section 1, "On treatment") and
 *   of the draft's drug — the current one is the active course started latest (section 1,
 *   "Overlapping courses": the later drug is the current one), and within an oral course the drug
 *   of its newest record (risedronate after alendronate in one unbroken course is risedronate);
 * - switch: another antiresorptive is current;
 *   Also a renewal: the draft's oral drug drafted within 3 months after its course ran out (an
 *   ended course, not stopped or followed by another antiresorptive) — rules.md section 1 "a course
 *   is unbroken across gaps shorter than 3 months (oral)", so a script a few days or weeks late
 *   continues the course and gets no "before start" cards;
 * - restart: nothing is current (stopped, ended, paused) but there was a course before.
 */
import type { Course, PatientFacts } from '../../facts/types.js';
import { activeOsteoporosisCourses, currentDrug, hadAntiresorptive, isAntiresorptive } from '../predicates/medication.js';
import { ORAL_GAP_MONTHS } from '../../facts/courses.js';
import { addMonths } from '../../time/local-date.js';
import { treatmentStart, type RecognisedDraft } from './draft.js';

export type DraftStart = 'first-course' | 'restart' | 'switch' | 'renewal';

/** The antiresorptive treatment running now: the active course that started latest. */
export function currentAntiresorptive(facts: PatientFacts): Course | undefined {
  let current: Course | undefined;
  for (const c of activeOsteoporosisCourses(facts)) {
    if (!isAntiresorptive(c.drugClass)) continue;
    if (current === undefined || c.start > current.start) current = c;
  }
  return current;
}

/** The draft continues the latest oral course across a gap under 3 months (see above). */
function continuesOralCourse(facts: PatientFacts, draft: RecognisedDraft): boolean {
  if (draft.identity.drugClass !== 'oral-bisphosphonate') return false;
  const last = facts.courses.find((c) => isAntiresorptive(c.drugClass));
  if (last === undefined || last.drugClass !== 'oral-bisphosphonate' || last.status !== 'ended' || last.supersededOn !== undefined) return false;
  return addMonths(last.end, ORAL_GAP_MONTHS) > treatmentStart(draft, facts.today) && currentDrug(facts, last) === draft.identity.drug;
}

export function startOrRenewal(facts: PatientFacts, draft: RecognisedDraft): DraftStart {
  if (!hadAntiresorptive(facts)) return 'first-course';
  const current = currentAntiresorptive(facts);
  if (current === undefined) return continuesOralCourse(facts, draft) ? 'renewal' : 'restart';
  if (current.drugClass === draft.identity.drugClass && currentDrug(facts, current) === draft.identity.drug) return 'renewal';
  return 'switch';
}

/** A draft that starts antiresorptive treatment (first course, restart or switch), not a renewal. */
export function isStart(facts: PatientFacts, draft: RecognisedDraft): boolean {
  return startOrRenewal(facts, draft) !== 'renewal';
}
