/**
 * The care states of rules.md section 1 (v2) that hold the initiation rules back:
 *
 * - **Denosumab without follow-on** (card l. 79-82 "Der må max gå 7 måneder … Hvis denosumab
 *   seponeres, SKAL anden behandling igangsættes"): the latest denosumab course is overdue (more
 *   than 7 months since the last injection) or recorded stopped, and no follow-on holds (another
 *   antiresorptive started, dispensed or given after its last injection, still in use or run long
 *   enough: `denosumabFollowOn`). While so, the critical denosumab card
 *   speaks and no "start alendronate" card stands beside it (rules.md section 3, `denosumab-overdue`).
 * - **Paused** (card l. 185-197 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske,
 *   hvis: … Opfølgning med DXA-scanning tidligst efter 2 år, hvis relevant."): not on treatment,
 *   the last oral bisphosphonate course ended after ≥ 5 years of oral bisphosphonate in total,
 *   and the pause criteria held on its end date. The pause starts on that date and ends when an
 *   osteoporosis drug is used again. It is *ended for the guideline* (rules.md section 2 "During a
 *   pause") by a low-energy fracture after its start, or a DXA after its start with hip T-score ≤ −2.5
 *   — and by glucocorticoid taken after its start up to the card's exposure (footnote *) with a
 *   T-score < −1.0 [choice: the card pauses only when "udløsende årsager er korrigeret", and
 *   footnote * says treat then; rules.md names the two others, this third is the safer reading].
 */
import type { Course, DxaScore, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { MAX_YEARS, pauseCriteria, PAUSE_AFTER_YEARS } from '../follow-up/bisphosphonate-duration.js';
import { MAX_INTERVAL_MONTHS } from '../follow-up/denosumab.js';
import { perContext, perFacts } from '../memo.js';
import { lowEnergyFractures, type CountedFracture } from './fractures.js';
import { T_SCORE_GLUCOCORTICOID, T_SCORE_OSTEOPOROSIS } from './indication.js';
import { diagnosticTScore } from './dxa.js';
import { denosumabWithoutHeldFollowOn, isOnTreatment, latestCourse, oralBisphosphonateCourses, osteoporosisDrugUsedAfter, yearsOfCoursesReached } from './medication.js';
import { lastCountedDay } from './data-horizon.js';

/** Denosumab overdue (from the day after last injection + 7 months) or recorded stopped, with no follow-on that holds. */
export const denosumabUnresolved = perFacts((facts): boolean => {
  const course = denosumabWithoutHeldFollowOn(facts);
  if (course === undefined) return false;
  return course.status === 'stopped' || facts.today > addMonths(course.lastDose, MAX_INTERVAL_MONTHS);
});

export interface Pause {
  /** The day the last oral bisphosphonate course ended: the pause's start. */
  readonly start: LocalDate;
  readonly course: Course;
  /** Every oral bisphosphonate course (their years add up). */
  readonly courses: readonly Course[];
  /** Low-energy (or possibly low-energy) fractures after the pause start. */
  readonly newFractures: readonly CountedFracture[];
  /** Hip T-score of the latest DXA taken after the pause start, when one measured the hip. */
  readonly hipAfterStart?: DxaScore;
  /** Glucocorticoid used after the pause start reaches the card's exposure, with this T-score < −1.0. */
  readonly glucocorticoidTScore?: DxaScore;
}


function hipAfter(facts: PatientFacts, start: LocalDate): DxaScore | undefined {
  for (const scan of facts.dxa.scans) {
    if (scan.date <= start || scan.date > lastCountedDay(facts.today)) continue;
    const hip = scan.tScores.filter((s) => s.site === 'total-hip' || s.site === 'femoral-neck');
    if (hip.length > 0) return hip.reduce((a, b) => (b.value < a.value ? b : a));
  }
  return undefined;
}

/** rules.md section 1 (v2) "Paused"; undefined when the patient is not in a pause. */
export const pauseState = perContext((ctx): Pause | undefined => {
  const { facts } = ctx;
  // An oral follow-on after denosumab that stopped too soon is no pause: the rebound card asks for treatment (card l. 81-82).
  if (isOnTreatment(facts) || denosumabWithoutHeldFollowOn(facts) !== undefined) return undefined;
  const course = latestCourse(facts, 'oral-bisphosphonate');
  if (course === undefined || course.status === 'active') return undefined;
  const start = course.end;
  // A pause ends when an osteoporosis drug is used again.
  if (osteoporosisDrugUsedAfter(facts, course)) return undefined;
  const courses = oralBisphosphonateCourses(facts);
  if (!yearsOfCoursesReached(courses, PAUSE_AFTER_YEARS, start)) return undefined;
  if (pauseCriteria(ctx, start).failed.length > 0) return undefined;
  const newFractures = lowEnergyFractures(facts, ctx.settings).filter((c) => c.fracture.date !== undefined && c.fracture.date > start && c.fracture.date <= lastCountedDay(facts.today));
  const hip = hipAfter(facts, start);
  const gc = glucocorticoidAfter(facts, start);
  return { start, course, courses, newFractures, ...(hip === undefined ? {} : { hipAfterStart: hip }), ...(gc === undefined ? {} : { glucocorticoidTScore: gc }) };
});

/**
 * The sibling of a pause that is none: the last oral bisphosphonate course ended after ≥ 5 and
 * < 10 years with the hip T-score ≤ −2.5 (card l. 185-199 "Seponering kan ske, hvis: T-score
 * (hofte) > -2,5 …"; "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år"),
 * and no osteoporosis drug since. rules.md §1: "the initiation rules apply as usual" — and the
 * cards they give say the course stopped against the card [choice: without it `risk-factor-review`
 * said "no indication for treatment yet" to a woman stopped at 5 years with hip T −2.7].
 */
export const stoppedWithLowHip = perContext((ctx): Course | undefined => {
  const { facts } = ctx;
  if (isOnTreatment(facts) || denosumabWithoutHeldFollowOn(facts) !== undefined) return undefined;
  const course = latestCourse(facts, 'oral-bisphosphonate');
  if (course === undefined || course.status === 'active' || osteoporosisDrugUsedAfter(facts, course)) return undefined;
  const courses = oralBisphosphonateCourses(facts);
  if (!yearsOfCoursesReached(courses, PAUSE_AFTER_YEARS, course.end) || yearsOfCoursesReached(courses, MAX_YEARS, course.end)) return undefined;
  return pauseCriteria(ctx, course.end).failed.includes('hip-t-score-low') ? course : undefined;
});

/** Glucocorticoid in use after `start` at the card's exposure (footnote *), and the diagnostic T-score < −1.0 it asks for. */
function glucocorticoidAfter(facts: PatientFacts, start: LocalDate): DxaScore | undefined {
  const gc = facts.glucocorticoid;
  if (!gc.meetsThreshold || !(gc.active || (gc.lastUse !== undefined && gc.lastUse > start))) return undefined;
  const t = diagnosticTScore(facts);
  return t !== undefined && t.value < T_SCORE_GLUCOCORTICOID ? t : undefined;
}

/** The pause no longer holds for the guideline: a new low-energy fracture, hip T-score ≤ −2.5 after its start, or glucocorticoid exposure with T < −1.0. */
export function pauseEnded(pause: Pause): boolean {
  return pause.newFractures.length > 0 || (pause.hipAfterStart !== undefined && pause.hipAfterStart.value <= T_SCORE_OSTEOPOROSIS) || pause.glucocorticoidTScore !== undefined;
}

/**
 * rules.md sections 2 and 3 (v2): the initiation cards `treatment-indicated`, `risk-factor-review`,
 * `pretreatment-checks`, `dxa-workup-suggested` and `diagnosis-criteria-met` are held back while
 * denosumab is overdue or stopped without follow-on, and during a pause that still holds.
 */
export const initiationHeld = perContext((ctx): boolean => {
  if (denosumabUnresolved(ctx.facts)) return true;
  const pause = pauseState(ctx);
  return pause !== undefined && !pauseEnded(pause);
});
