/**
 * Systemic glucocorticoid exposure in prednisolone equivalents (card footnote *: "prednisolon > 5 mg
 * dgl. i 3 mdr. eller > 450 mg på et år"; rules.md section 1, "Glucocorticoid exposure").
 *
 * - Daily prednisolone equivalents of a record = its daily dose × the drug's factor (prednisone 1,
 *   methylprednisolone 1.25, hydrocortisone 0.25, dexamethasone 6.67, betamethasone 8.33 …),
 *   rounded to 0.01 mg (so 0.75 mg dexamethasone is 5 mg, not 5.0025). A record without a known
 *   dose counts for `active`/`lastUse` but adds nothing: no dose is invented.
 * - Records overlap in real data (a statement and the prescription behind it): per drug (factor)
 *   the highest daily dose on a day counts, different drugs add up [choice].
 * - Recorded use counts up to today; what is planned looks ahead ("actual or expected"): the
 *   courses passed as `extra` (the draft orders of one basket, added up: they are signed
 *   together), and an active record's own stated end after today (a statement's effectivePeriod
 *   end, a dosage's boundsPeriod end or boundsDuration; not a prescription's validity or supply,
 *   which say how long it may be dispensed, not how long it is taken: a 5-day burst valid for two
 *   years is no two-year course; nor a dosage taken as needed, a rescue pack) — the course the
 *   prescribing hook judged when it was signed [choice, the safer reading: prednisolone 10 mg
 *   started two weeks ago for six months is "> 5 mg dgl. i 3 mdr." from its first day, and
 *   patient-view had waited until day 92 while order-sign had warned]. At most a year ahead: the
 *   card's windows are a year long.
 * - `highDoseThreeMonths`: a run of days at > 5 mg/day (strictly: exactly 5 does not count) lasting
 *   ≥ 3 calendar months (its last day included), active or ended within the last 12 months
 *   [choice: rules.md gives the window only for the 450 mg; the card treats an exposure that is
 *   there ("behandles, hvis t-score < -1,0") and, for the pause, counts glucocorticoid as corrected
 *   ½–1 year after it stops (l. 191-194) — a run over more than a year ago no longer counts].
 * - `cumulativeMg12Months`: the sum over the 12 months up to today; with a planned course, the
 *   highest sum over any 12-month window ending between today and the course's end.
 * - `pastExposure`: not at footnote * now, but recorded use reached it earlier — a run of > 5 mg
 *   daily for ≥ 3 months, or > 450 mg within some 12 months — named by the last day of the latest
 *   such run or year and the records in it. The card's risk factor "glukokortikoidbehandling"
 *   (footnote **) has no time limit, and footnote * is the card's own measure of a treatment that
 *   counts [choice, the safer reading: a woman with T −2.6 and ten months of prednisolone 10 mg
 *   ending 13 months ago had been told "no risk factor is recorded"; FRAX's "> 3 months" alone had
 *   left out 30 mg for seven weeks, and a course broken by a five-day pause].
 */
import { addMonths, addMonthsToDayNumber, dayNumber, fromDayNumber, maxDate, minDate, type LocalDate } from '../time/local-date.js';
import { ACTIVE_STATUSES } from './medications.js';
import { usageSpan } from './usage-spans.js';
import type { GlucocorticoidExposure, MedicationRecord, Ref } from './types.js';

/** Footnote *: "> 5 mg dgl. i 3 mdr." — the one home of these numbers (the prescribing rules read them here). */
export const HIGH_DOSE_MG_PER_DAY = 5;
export const HIGH_DOSE_MONTHS = 3;
/** Footnote *: "> 450 mg på et år". */
export const CUMULATIVE_THRESHOLD_MG = 450;
/** How far an active record's planned end is looked ahead. */
const LOOK_AHEAD_MONTHS = 12;

/** A planned course (the draft order of a prescribing hook), in prednisolone equivalents. */
export interface PlannedGlucocorticoid {
  readonly dailyMg: number;
  readonly startDate: LocalDate;
  readonly durationDays: number;
}

// Pieces, segments and runs count in day numbers (days since 1970-01-01, `dayNumber`), the
// timeline's bounds and sums being day arithmetic: each date is read once, no date is formatted.

/** The drug group of a piece: its prednisolone factor (one drug), or a planned course's place among them (each its own: they add up). */
type Group = number | `planned-${number}`;

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly daily: number;
  readonly group: Group;
  /** The record of recorded use (a past exposure names its own records); none for planned days. */
  readonly ref?: Ref;
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly daily: number;
}

export function glucocorticoidExposure(records: readonly MedicationRecord[], today: LocalDate, extra: readonly PlannedGlucocorticoid[] = []): GlucocorticoidExposure {
  const refs = new Set<Ref>();
  const pieces: Piece[] = [];
  // The days after today that active records still plan (see above).
  const planned: Piece[] = [];
  let lastUse: LocalDate | undefined;
  let active = false;
  const uses: { readonly start: LocalDate; readonly end: LocalDate }[] = [];
  let doseUnknown = false;
  for (const record of records) {
    if (record.identity.drugClass !== 'glucocorticoid') continue;
    const span = usageSpan(record, today);
    if (span === undefined) continue;
    refs.add(record.ref);
    uses.push({ start: span.start, end: span.end });
    lastUse = lastUse === undefined ? span.end : maxDate(lastUse, span.end);
    if (span.end >= today) active = true;
    const daily = predEq(record);
    if (daily !== undefined && daily > 0) {
      const group = record.identity.prednisoloneFactor ?? 1;
      pieces.push({ start: dayNumber(span.start), end: dayNumber(span.end), daily, group, ref: record.ref });
      if (ACTIVE_STATUSES.has(record.status) && record.endEstimated !== true && record.asNeeded !== true && record.end !== undefined && record.end > today) {
        planned.push({ start: dayNumber(maxDate(span.end, today)) + 1, end: dayNumber(minDate(record.end, addMonths(today, LOOK_AHEAD_MONTHS))), daily, group });
      }
    } else if (daily === undefined && span.end >= addMonths(today, -12)) doseUnknown = true;
  }
  const day = dayNumber(today);
  const recorded = timeline(pieces);
  const currentDailyMg = recorded.find((s) => s.start <= day && s.end >= day)?.daily ?? 0;

  let all = planned.length === 0 ? recorded : timeline([...pieces, ...planned]);
  let horizon = planned.reduce((h, p) => Math.max(h, p.end), day);
  const courses = extra.filter((e) => e.dailyMg > 0 && e.durationDays >= 1);
  if (courses.length > 0) {
    const added = courses.map((e, i): Piece => {
      const start = dayNumber(e.startDate);
      return { start, end: start + Math.round(e.durationDays) - 1, daily: round2(e.dailyMg), group: `planned-${i}` };
    });
    all = timeline([...pieces, ...planned, ...added]);
    for (const p of added) horizon = Math.max(horizon, p.end);
  }

  const since = dayNumber(addMonths(today, -12));
  // ≥ 3 calendar months from its first day to the day after its last (monthsBetween ≥ 3).
  const highDoseThreeMonths = highDoseRuns(all).some((run) => addMonthsToDayNumber(run.start, HIGH_DOSE_MONTHS) <= run.end + 1 && run.end >= since);
  const cumulativeMg12Months = round1(maxWindowSum(all, day, horizon));
  const meetsThreshold = highDoseThreeMonths || cumulativeMg12Months > CUMULATIVE_THRESHOLD_MG;
  const past = meetsThreshold ? undefined : lastExposure(recorded);
  return {
    currentDailyMg,
    highDoseThreeMonths,
    cumulativeMg12Months,
    meetsThreshold,
    ...(past === undefined ? {} : { pastExposure: { lastUse: fromDayNumber(past.end), refs: pieces.flatMap((p) => (p.start <= past.end && p.end >= past.start && p.ref !== undefined ? [p.ref] : [])) } }),
    active,
    ...(lastUse === undefined ? {} : { lastUse }),
    refs: [...refs],
    uses,
    ...(doseUnknown ? { doseUnknown: true as const } : {}),
    ...(planned.length > 0 ? { planned: true as const } : {}),
  };
}

/** Daily prednisolone equivalents of a record, when its dose is known. */
export function predEq(record: MedicationRecord): number | undefined {
  return prednisoloneDaily(record.dailyDoseMg, record.identity.prednisoloneFactor);
}

/**
 * A daily dose in prednisolone equivalents, rounded to 0.01 mg as every record's is — the prescribing
 * hooks judge a draft with it, so one dose is never "over 5 mg" in one hook and 5 mg in the other.
 */
export function prednisoloneDaily(dailyDoseMg: number | undefined, factor: number | undefined): number | undefined {
  return dailyDoseMg === undefined ? undefined : round2(dailyDoseMg * (factor ?? 1));
}

/**
 * Piecewise-constant daily dose: per group the highest, groups added. One sweep over the day
 * bounds with a max-heap per group (pieces that have ended leave it lazily): testing every piece
 * at every bound cost the square of the records.
 */
function timeline(pieces: Piece[]): Segment[] {
  if (pieces.length === 0) return [];
  const byStart = sortByStart(pieces);
  // The day bounds in order: each piece's first day and the day after its last. Pieces that do
  // not overlap (the usual courses) give them in order already; others are sorted.
  const bounds: number[] = [];
  let ordered = true;
  for (const p of byStart) {
    if ((bounds.length > 0 && p.start < (bounds[bounds.length - 1] ?? p.start)) || p.end + 1 < p.start) ordered = false;
    bounds.push(p.start, p.end + 1);
  }
  if (!ordered) bounds.sort((a, b) => a - b);
  const heaps = new Map<Group, Piece[]>();
  let added = 0;
  const segments: Segment[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const start = bounds[i];
    const next = bounds[i + 1];
    // A bound met twice (two pieces starting on one day) is one bound.
    if (start === undefined || next === undefined || start === next) continue;
    for (let p = byStart[added]; p !== undefined && p.start <= start; p = byStart[++added]) {
      let heap = heaps.get(p.group);
      if (heap === undefined) {
        heap = [];
        heaps.set(p.group, heap);
      }
      heapPush(heap, p);
    }
    let daily = 0;
    for (const heap of heaps.values()) {
      while (heap[0] !== undefined && heap[0].end < start) heapPop(heap);
      daily += heap[0]?.daily ?? 0;
    }
    if (daily > 0) segments.push({ start, end: next - 1, daily: round2(daily) });
  }
  return segments;
}

/**
 * The pieces by first day, stably, in place (the callers' lists are their own). Records come
 * newest first (build-facts.ts sorts them): a list in strictly falling order is reversed, one in
 * order left; only others are sorted.
 */
function sortByStart(pieces: Piece[]): Piece[] {
  let rising = true;
  let falling = true;
  for (let i = 1; i < pieces.length && (rising || falling); i++) {
    const a = pieces[i - 1]?.start ?? 0;
    const b = pieces[i]?.start ?? 0;
    if (b < a) rising = false;
    else falling = false;
  }
  if (rising) return pieces;
  if (falling) return pieces.reverse();
  return pieces.sort((a, b) => a.start - b.start);
}

/** Max-heap on `daily`. */
function heapPush(heap: Piece[], piece: Piece): void {
  heap.push(piece);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    const [a, b] = [heap[parent], heap[i]];
    if (a === undefined || b === undefined || a.daily >= b.daily) break;
    [heap[parent], heap[i]] = [b, a];
    i = parent;
  }
}

function heapPop(heap: Piece[]): void {
  const last = heap.pop();
  if (last === undefined || heap.length === 0) return;
  heap[0] = last;
  for (let i = 0; ; ) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if ((heap[l]?.daily ?? -Infinity) > (heap[top]?.daily ?? -Infinity)) top = l;
    if ((heap[r]?.daily ?? -Infinity) > (heap[top]?.daily ?? -Infinity)) top = r;
    if (top === i) return;
    const [a, b] = [heap[i], heap[top]];
    if (a === undefined || b === undefined) return;
    [heap[i], heap[top]] = [b, a];
    i = top;
  }
}

/**
 * The latest stretch of recorded use that reached footnote *: a run of > 5 mg daily for ≥ 3 months,
 * or the 12 months up to a segment's last day holding > 450 mg — whichever ends later.
 */
function lastExposure(recorded: readonly Segment[]): { start: number; end: number } | undefined {
  const run = highDoseRuns(recorded)
    .filter((r) => addMonthsToDayNumber(r.start, HIGH_DOSE_MONTHS) <= r.end + 1)
    .at(-1);
  const before = runningTotals(recorded);
  let year: { start: number; end: number } | undefined;
  for (let i = recorded.length - 1; i >= 0 && year === undefined; i--) {
    const end = (recorded[i] as Segment).end;
    const start = addMonthsToDayNumber(end, -12);
    if (takenBy(recorded, before, end) - takenBy(recorded, before, start - 1) > CUMULATIVE_THRESHOLD_MG) year = { start, end };
  }
  if (run === undefined) return year;
  return year === undefined || run.end >= year.end ? run : year;
}

/** Consecutive days above the high-dose threshold. */
function highDoseRuns(segments: readonly Segment[]): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  for (const s of segments) {
    if (!(s.daily > HIGH_DOSE_MG_PER_DAY)) continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.end + 1 === s.start) last.end = s.end;
    else runs.push({ start: s.start, end: s.end });
  }
  return runs;
}

/**
 * mg taken up to and including `day`, from segments sorted by start and not overlapping (as
 * `timeline` makes them), with `before[i]` the mg of all segments before segment i.
 */
function takenBy(segments: readonly Segment[], before: readonly number[], day: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((segments[mid]?.start ?? day) <= day) lo = mid + 1;
    else hi = mid;
  }
  const s = segments[lo - 1];
  if (s === undefined) return 0;
  return (before[lo - 1] ?? 0) + s.daily * (Math.min(s.end, day) - s.start + 1);
}

/** mg of all segments before each segment (`takenBy`'s `before`). */
function runningTotals(segments: readonly Segment[]): number[] {
  const before: number[] = [];
  let sum = 0;
  for (const s of segments) {
    before.push(sum);
    sum += s.daily * (s.end - s.start + 1);
  }
  return before;
}

/**
 * The highest 12-month sum over windows ending between `from` and `to`. A window is "within 12
 * months" of its end day as rules.md reads it: the boundary day 12 months before is included
 * (as for the high-dose run's `since`), so today 2026-06-15 counts 2025-06-15 … 2026-06-15.
 */
function maxWindowSum(segments: readonly Segment[], from: number, to: number): number {
  const before = runningTotals(segments);
  // A window sum from two running totals: one pass, not a pass over every segment per window end.
  const windowSum = (windowEnd: number): number => takenBy(segments, before, windowEnd) - takenBy(segments, before, addMonthsToDayNumber(windowEnd, -12) - 1);
  let best = Math.max(0, windowSum(from));
  if (to > from) {
    best = Math.max(best, windowSum(to));
    for (const s of segments) {
      if (s.end > from && s.end < to) best = Math.max(best, windowSum(s.end));
      // The last window that still holds the segment's first day.
      const yearOn = addMonthsToDayNumber(s.start, 12);
      if (yearOn > from && yearOn < to) best = Math.max(best, windowSum(yearOn));
    }
  }
  return best;
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}
