/**
 * Glucocorticoid exposure WITH a draft order — card footnote * (source-card-da.txt):
 *   l. 32-33 "Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis
 *            t-score < -1,0."
 *
 * The facts stage computes the record's exposure (`facts.glucocorticoid`). A prescribing hook must
 * also count what the draft would add: its daily dose in prednisolone equivalents
 * (dose × `prednisoloneFactor`, rules.md section 1) over its planned days. Reached when
 *   - the record already meets the footnote, or
 *   - the draft's daily dose is > 5 mg (exactly 5 is not "> 5") and its planned course — from the
 *     start of a current > 5 mg glucocorticoid course it continues, else from its own start — lasts
 *     at least 3 calendar months (2026-11-26 + 3 months = 2027-02-26: 92 days), or
 *   - more than 450 mg fall within one 12-month window — the record's use and the draft's planned
 *     days on one timeline, the window ending any day from today to the draft's last day ("på et
 *     år", rules.md "> 450 mg cumulated within 12 months"; facts/glucocorticoid.ts). A course that
 *     ended 11 months ago and a new one a year later are not "one year".
 * An unknown planned duration adds nothing on its own: only the record, or the course it continues
 * up to the draft's start, can then reach the threshold. An unknown dose adds nothing.
 * The basket's other glucocorticoid orders (of known dose and duration) are signed with it: their
 * days add to the draft's on the timeline, for the > 5 mg daily run and the 450 mg alike — two
 * orders of prednisolone 5 mg for three months are 10 mg daily [choice: each judged alone, neither
 * reached the footnote and the basket got no card].
 */
import { CUMULATIVE_THRESHOLD_MG, glucocorticoidExposure, HIGH_DOSE_MG_PER_DAY, HIGH_DOSE_MONTHS, prednisoloneDaily, type PlannedGlucocorticoid } from '../../facts/glucocorticoid.js';
import type { DraftOrder, MedicationRecord, PatientFacts } from '../../facts/types.js';
import { addDays, addMonths, type LocalDate } from '../../time/local-date.js';
import { isCurrent } from '../predicates/medication.js';
import { draftOfClass, otherDrafts } from './draft.js';

const DAYS_IN_YEAR = 365;

export interface DraftExposure {
  /** The draft's daily dose in mg prednisolone equivalents (undefined when the dose is unknown). */
  readonly dailyMg?: number;
  /** What the draft adds over its planned days (at most a year), mg prednisolone — with the basket's other glucocorticoid orders, when there are some. */
  readonly addsMg?: number;
  /** The basket's other glucocorticoid orders whose days were added (`addsMg` counts them). */
  readonly withOrders: readonly DraftOrder[];
  /** The current > 5 mg glucocorticoid record the draft continues. */
  readonly continues?: MedicationRecord;
  /** The record alone meets footnote *. */
  readonly byRecord: boolean;
  /** > 5 mg daily for ≥ 3 calendar months, with the draft. */
  readonly highDoseThreeMonths: boolean;
  /** > 450 mg in a year, with the draft. */
  readonly overYearLimit: boolean;
  readonly reached: boolean;
}

/** The earliest current glucocorticoid record above 5 mg a day: the course a new order continues. */
function continuedCourse(facts: PatientFacts): MedicationRecord | undefined {
  let found: MedicationRecord | undefined;
  for (const m of facts.medications) {
    if (m.identity.drugClass !== 'glucocorticoid' || !isCurrent(m, facts.today)) continue;
    const daily = prednisoloneDaily(m.dailyDoseMg, m.identity.prednisoloneFactor);
    if (daily === undefined || daily <= HIGH_DOSE_MG_PER_DAY) continue;
    if (found === undefined || m.start < found.start) found = m;
  }
  return found;
}

/** A draft's planned course in prednisolone equivalents, when its dose and duration are known. */
function plannedCourse(draft: DraftOrder): PlannedGlucocorticoid | undefined {
  const dailyMg = prednisoloneDaily(draft.dailyDoseMg, draft.identity?.prednisoloneFactor);
  const days = draft.durationDays;
  return dailyMg === undefined || days === undefined ? undefined : { dailyMg, startDate: draft.start, durationDays: Math.min(days, DAYS_IN_YEAR) };
}

/** The basket's other glucocorticoid orders of known dose and duration, with their planned courses. */
function basketCourses(facts: PatientFacts, draft: DraftOrder): { readonly orders: DraftOrder[]; readonly courses: PlannedGlucocorticoid[] } {
  const orders: DraftOrder[] = [];
  const courses: PlannedGlucocorticoid[] = [];
  for (const other of otherDrafts(facts, draft)) {
    const course = draftOfClass(other, ['glucocorticoid']) ? plannedCourse(other) : undefined;
    if (course === undefined) continue;
    orders.push(other);
    courses.push(course);
  }
  return { orders, courses };
}

export function draftGlucocorticoidExposure(facts: PatientFacts, draft: DraftOrder): DraftExposure {
  const gc = facts.glucocorticoid;
  const dailyMg = prednisoloneDaily(draft.dailyDoseMg, draft.identity?.prednisoloneFactor);
  const days = draft.durationDays;
  const own = plannedCourse(draft);
  const basket = basketCourses(facts, draft);
  const planned = own === undefined ? basket.courses : [own, ...basket.courses];
  const addsMg = own === undefined ? undefined : planned.reduce((sum, c) => sum + c.dailyMg * c.durationDays, 0);
  const high = dailyMg !== undefined && dailyMg > HIGH_DOSE_MG_PER_DAY;
  const continues = high ? continuedCourse(facts) : undefined;

  const courseStart: LocalDate = continues !== undefined && continues.start < draft.start ? continues.start : draft.start;
  const courseEnd: LocalDate | undefined = days !== undefined ? addDays(draft.start, days) : continues !== undefined ? draft.start : undefined;
  const withDraft = planned.length === 0 ? gc : glucocorticoidExposure(facts.medications, facts.today, planned);
  // The basket's orders together: a run of > 5 mg daily that none of them makes alone.
  const highDoseThreeMonths = (high && courseEnd !== undefined && addMonths(courseStart, HIGH_DOSE_MONTHS) <= courseEnd) || (basket.courses.length > 0 && withDraft.highDoseThreeMonths);
  const overYearLimit = withDraft.cumulativeMg12Months > CUMULATIVE_THRESHOLD_MG;
  const byRecord = gc.meetsThreshold;

  return {
    ...(dailyMg === undefined ? {} : { dailyMg }),
    ...(addsMg === undefined ? {} : { addsMg }),
    ...(continues === undefined ? {} : { continues }),
    withOrders: basket.orders,
    byRecord,
    highDoseThreeMonths,
    overYearLimit,
    reached: byRecord || highDoseThreeMonths || overYearLimit,
  };
}
