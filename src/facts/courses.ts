/**
 * Medication records → unbroken courses per drug class (rules.md section 1, "On treatment").
 *
 * - Records of one class are joined across gaps shorter than 3 months (oral bisphosphonates,
 *   anabolic drugs, SERMs and every other class), 7 months (denosumab) or 15 months (zoledronic
 *   acid) [choice]; a course starts on the earliest date of the unbroken run. "Shorter than" is
 *   strict: a next use on or after the previous end + N calendar months starts a new course.
 * - Oral and other daily drugs: each record covers [start, end]; an active record without an end
 *   runs to today; others end at their end (or start). An anabolic dose given or dispensed covers
 *   its interval and a margin, never past the drug's course length (anabolic-cover.ts).
 * - Denosumab and zoledronic acid: each record is a dose event (injection/infusion) on its date —
 *   the administration date, the statement's start (and its end, unless stopped), the request's
 *   authoredOn; `lastDose` is the latest.
 * - `stopped`: a statement/request of the class with status `stopped` (or `cancelled` with no later
 *   use) dated on/after the course's last use and before the next course; `completed` is not a
 *   stop. Otherwise `active` when a record covers today (oral; also an `active` prescription whose
 *   supply ran out less than the gap ago — `awaitingRefill`), or the last dose is within 12
 *   (denosumab) / 24 (zoledronic acid) months; else `ended`.
 * - Overlapping antiresorptives (v2): the drug started, dispensed or given *later* is the current
 *   one. A record's use is cut on the date another antiresorptive class was started (an oral
 *   record's start — authoredOn of a prescription, the start of a statement — or a dose of a
 *   parenteral drug), a course never joins across such a date, and a course that another
 *   antiresorptive followed counts as ended on that date (`supersededOn`) [choice]. A record with no
 *   start date of its own (`startUnknown`) proves nothing about order: it neither cuts nor follows.
 */
import { addDays, addMonths, daysBetween, maxDate, minDate, type LocalDate } from '../time/local-date.js';
import { ACTIVE_STATUSES } from './medications.js';
import { sameProduct } from './same-product.js';
import { anabolicRunEnds } from './anabolic-cover.js';
import { ACTIVE_MONTHS, injectionDoses, isParenteral, NO_USE, ON_HOLD, usageSpan, type Span } from './usage-spans.js';
import type { Course, CourseStatus, DrugClass, DrugId, MedicationRecord, Ref } from './types.js';
import { firstAfter, firstOnOrAfter, sortOldestFirst } from './sorted-dates.js';

const GAP_MONTHS: Readonly<Partial<Record<DrugClass, number>>> = { denosumab: 7, 'zoledronic-acid': 15 };
const DEFAULT_GAP_MONTHS = 3;

/** The gap an oral course is unbroken across (rules.md section 1): a renewal within it continues the course. */
export const ORAL_GAP_MONTHS = DEFAULT_GAP_MONTHS;

/** The gap a course of this class is unbroken across (rules.md section 1). */
export function gapMonths(drugClass: DrugClass): number {
  return GAP_MONTHS[drugClass] ?? DEFAULT_GAP_MONTHS;
}
interface Run {
  start: LocalDate;
  end: LocalDate;
  lastDose: LocalDate;
  /** The latest start of a record of the run (an oral course: the last prescription's or statement's). */
  lastStart: LocalDate;
  spans: Span[];
  /** `end` + the class's gap: a later start before this day continues the run (worked out when `end` moves). */
  joinsBefore: LocalDate | undefined;
}

/** A record's stop (`stopped`, or `cancelled` by its assertion) and the day it took effect. */
interface Stop {
  readonly record: MedicationRecord;
  readonly date: LocalDate;
}

/** The classes whose overlap decides which drug is current (card "Anbefalet antiresorptiv behandling"). */
const ANTIRESORPTIVE: ReadonlySet<DrugClass> = new Set<DrugClass>(['oral-bisphosphonate', 'zoledronic-acid', 'denosumab']);

/** A start, dispensing or dose of an antiresorptive: the dates that decide which drug came later. */
interface UseEvent {
  readonly date: LocalDate;
  readonly drugClass: DrugClass;
}

function useEvents(spans: readonly Span[]): UseEvent[] {
  const events: UseEvent[] = [];
  for (const span of spans) {
    const drugClass = span.record.identity.drugClass;
    if (!ANTIRESORPTIVE.has(drugClass) || span.record.startUnknown === true || span.record.status === ON_HOLD) continue;
    if (isParenteral(drugClass)) for (const date of span.doses) events.push({ date, drugClass });
    else events.push({ date: span.start, drugClass });
  }
  return sortOldestFirst(events, (e) => e.date);
}

/** The records of one class, and the spans of those in use up to today (in record order). */
interface ClassRecords {
  readonly records: MedicationRecord[];
  spans: Span[];
}

/** All courses of all classes, newest first. */
export function buildCourses(records: readonly MedicationRecord[], today: LocalDate): Course[] {
  // Each record's span is worked out once, for the use events and for its class's courses.
  const byClass = new Map<DrugClass, ClassRecords>();
  const allSpans: Span[] = [];
  for (const r of records) {
    const span = usageSpan(r, today);
    let group = byClass.get(r.identity.drugClass);
    if (group === undefined) {
      group = { records: [], spans: [] };
      byClass.set(r.identity.drugClass, group);
    }
    group.records.push(r);
    if (span === undefined) continue;
    group.spans.push(span);
    allSpans.push(span);
  }
  for (const [drugClass, group] of byClass) if (isParenteral(drugClass)) group.spans = injectionDoses(group.spans);
  const events = useEvents(allSpans);
  const courses: Course[] = [];
  for (const [drugClass, group] of byClass) {
    const others = ANTIRESORPTIVE.has(drugClass) ? events.filter((e) => e.drugClass !== drugClass) : [];
    for (const course of classCourses(drugClass, group, today, others)) courses.push(course);
  }
  return courses.sort((a, b) => (a.end === b.end ? (a.start < b.start ? 1 : a.start > b.start ? -1 : 0) : a.end < b.end ? 1 : -1));
}

/**
 * An oral course whose latest prescription is still `active` but whose supply (an estimated end)
 * ran out less than the gap ago: the refill is late, the course not over — rules.md section 1
 * counts an oral bisphosphonate "with an active statement/request" as on treatment, and a renewal
 * within the gap continues the course [choice: the safer reading; a "start alendronate" card for a
 * patient a few weeks late with a refill would restart a running course]. Likewise a tablet given
 * (a MedicationAdministration, the nursing home's weekly dose): on the day the next dose is due
 * it is not yet recorded, and the course must not end that day. Once the gap has passed the course
 * ended on its last covered day, as before.
 */
function awaitingRefill(run: Run, gap: number, today: LocalDate): boolean {
  if (addMonths(run.end, gap) <= today) return false;
  return run.spans.some((s) => s.end === run.end && s.record.endEstimated === true && (ACTIVE_STATUSES.has(s.record.status) || tabletGiven(s.record)));
}

/** An oral tablet given: an anabolic dose's cover already holds its margin (anabolic-cover.ts), and a gap on top kept it 5 months. */
function tabletGiven(r: MedicationRecord): boolean {
  return r.source === 'MedicationAdministration' && r.identity.drugClass === 'oral-bisphosphonate';
}

/** A record in use whose own (not estimated) end lies after today: a planned end. */
function plansEnd(r: MedicationRecord, today: LocalDate): r is MedicationRecord & { readonly end: LocalDate } {
  return ACTIVE_STATUSES.has(r.status) && r.end !== undefined && r.end > today && r.endEstimated !== true;
}

/** The latest planned end among records that began by today. */
function plannedBeyondToday(records: readonly MedicationRecord[], today: LocalDate): { readonly end: LocalDate; readonly ref: Ref } | undefined {
  let out: { end: LocalDate; ref: Ref } | undefined;
  for (const r of records) if (plansEnd(r, today) && r.start <= today && (out === undefined || r.end > out.end)) out = { end: r.end, ref: r.ref };
  return out;
}

/** An oral record's use ends on the day another antiresorptive was started within it. */
function cutAtOtherStart(span: Span, others: readonly UseEvent[]): Span {
  if (span.record.startUnknown === true || others.length === 0) return span;
  const cut = others[firstAfter(others, span.start)];
  if (cut === undefined || cut.date > span.end) return span;
  return { start: span.start, end: cut.date, doses: span.doses, record: span.record };
}

/**
 * A stop that another record of the class (in use, dated by today) continues from its day on: the
 * product changed (Prolia stopped, a biosimilar started the same day or prescribed for the next
 * injection), the drug did not stop (rules.md section 1: "until it
 * is recorded stopped"). Read as a stop, a switch to the biosimilar the card itself recommends
 * became "denosumab stopped – start zoledronic acid". So does the medication list's newer entry
 * of the class still in use across the stop (`carriesOn`).
 */
function continuedBy(records: readonly MedicationRecord[], stop: Stop, today: LocalDate, next: Run | undefined): boolean {
  return records.some(
    (r) =>
      r !== stop.record &&
      (carriesOn(r, stop, records) ||
        (r.start >= stop.date &&
          r.start <= today &&
          (next === undefined || r.start < next.start) &&
          !NO_USE.has(r.status) &&
          r.status !== 'stopped' &&
          r.startUnknown !== true &&
          !isLastDoseOf(r, stop))),
  );
}

/**
 * An `active` statement of the class begun after the stopped record began, running past the stop
 * and asserted on or after it: the FMK switch, where the new entry (Obodence from 10 March, a
 * generic alendronate) is made first and the old one (Prolia, Fosamax) stopped days or weeks
 * later, and the list still names the new one after that. The stop closes the old entry, not the
 * treatment (rules.md section 1: the drug started later is the current one). Read as a stop, a
 * patient on the biosimilar got the critical "denosumab stopped – start other treatment", and 12
 * years of alendronate a "pause" instead of the ten-year card.
 * Not a stale entry [choice: the stop, and its rebound card, stand whenever the record leaves doubt]:
 * - a statement only, the medication list's word on what is taken — an order left `active` after a
 *   stop is a prescription not yet closed, not use;
 * - asserted on or after the stop: an entry last confirmed before it may be one nobody closed
 *   (without `dateAsserted` the stop stands);
 * - no dose of the stopped product given after the new entry began: then the switch never
 *   happened, and the stopped product was the drug in use (rules.md: given later is current).
 */
function carriesOn(r: MedicationRecord, stop: Stop, records: readonly MedicationRecord[]): boolean {
  if (r.source !== 'MedicationStatement' || r.status !== 'active' || r.startUnknown === true) return false;
  if (r.start <= stop.record.start || r.start > stop.date || (r.end !== undefined && r.end <= stop.date)) return false;
  if (r.asserted === undefined || r.asserted < stop.date) return false;
  return !records.some((d) => d !== r && isDoseGiven(d) && d.start > r.start && sameProduct(d.identity, stop.record.identity));
}

/** An injection or infusion given: an administration, or a record of one given (`completed`). */
function isDoseGiven(r: MedicationRecord): boolean {
  return r.source === 'MedicationAdministration' || r.status === 'completed';
}

/**
 * The stopped product's own dose given on the day of the stop — the last injection or infusion,
 * then "seponeret" — continues nothing: read as a continuation, a denosumab stopped at its last
 * injection got "next injection due", then "give denosumab now", never the critical
 * `denosumab-stopped` (rules.md section 1: `completed` on an injection is not a stop, nor a use
 * beyond it). Another product that day (Prolia → a biosimilar) is still a switch.
 */
function isLastDoseOf(r: MedicationRecord, stop: Stop): boolean {
  return r.start === stop.date && isDoseGiven(r) && sameProduct(r.identity, stop.record.identity);
}

/** A prescription written this many days before a stop (or later) is the renewal or switch the stop made room for [choice]. */
const REPLACED_WITHIN_DAYS = 14;

/**
 * A stop dated before an oral course's supply ran out ends the course only when it is the last word
 * on it: a `stopped` statement (the medication list's entry for the treatment) or the latest
 * prescription of the course — and no prescription of the course was written in the 14 days
 * before it (the GP renews or switches, then stops the old entry: "Binosto from 28 August, FMK
 * alendronate stopped 30 August" goes on). A renewal cancelled within a supply (withdrawn, not
 * stopped) ends nothing.
 */
function stopsMidPack(stop: Stop, run: Run): boolean {
  const { record: stopped, date } = stop;
  if (stopped.status !== 'stopped') return false;
  const replacedFrom = addDays(date, -REPLACED_WITHIN_DAYS);
  for (const { record } of run.spans) {
    if (record === stopped) continue;
    if (record.start >= replacedFrom) return false;
    if (stopped.source !== 'MedicationStatement' && record.start > stopped.start) return false;
  }
  return true;
}

/**
 * A stopped statement that dates its stop before `dose` — its period's end, its dateAsserted or
 * meta.lastUpdated (medications.ts `stoppedEnd`), and asserted before the dose if at all — was
 * followed by that dose: the drug was given again, and the course goes on from it. Read as stopped
 * at it, an injection given after a stop became a critical "denosumab stopped", and the next one's
 * recall and overdue alarm were lost. Not a request: its end is a supply's or a validity's, no stop
 * [choice: the stop stands whenever the record leaves doubt]; nor a statement asserted after the
 * dose (its latest word is "stopped").
 */
function stoppedBefore(stopped: MedicationRecord, dose: LocalDate): boolean {
  if (stopped.source !== 'MedicationStatement' || stopped.end === undefined) return false;
  // Its stop day is known only when it lies after its start (a period's end, a later dateAsserted or
  // meta.lastUpdated): a statement dated by one day alone may have been stopped any day after it.
  return stopped.end > stopped.start && stopped.end < dose && (stopped.asserted === undefined || stopped.asserted < dose);
}

/**
 * An injection course whose latest prescription or statement is recorded `stopped` though dated
 * before the last dose: the dose was given on it, and the stop came after (a request's date is
 * when it was written, not when it was stopped) — the course stops at its last dose (rules.md
 * section 1 "'Stopped' means a MedicationStatement or MedicationRequest with status stopped").
 * Read from the prescription's date, the stop fell before the dose and counted for nothing: no
 * `denosumab-stopped`, then "give the injection now" for the stopped drug. Not where the record
 * says more: a stop it dates before the last dose (`stoppedBefore`), a statement still in use, or
 * an earlier prescription of the course `stopped` too (an EHR that closes each order so once its
 * injection is given — read as a stop, the due injection became a critical "denosumab stopped").
 */
function stoppedAfterItsDoses(run: Run, stops: readonly Stop[], today: LocalDate): Stop | undefined {
  let latest: MedicationRecord | undefined;
  for (const { record } of run.spans) if (record.source !== 'MedicationAdministration' && (latest === undefined || record.start > latest.start)) latest = record;
  if (latest?.status !== 'stopped' || latest.start >= run.lastDose) return undefined;
  if (stoppedBefore(latest, run.lastDose)) return undefined;
  for (const { record } of run.spans) {
    if (record === latest || record.source === 'MedicationAdministration') continue;
    if (record.status === 'stopped' || (ACTIVE_STATUSES.has(record.status) && (record.end === undefined || record.end >= today))) return undefined;
  }
  const stop = stops.find((s) => s.record === latest);
  return stop === undefined ? undefined : { record: latest, date: minDate(run.lastDose, today) };
}

/**
 * An open injection record (`openUse`: "Prolia, aktiv siden 2022") reaches from its start to the
 * first dose the record shows from its start on, within its period — the history before the
 * recorded injections — and no further: from there the doses govern the course, so a gap of years
 * between them is still a gap (a statement begun on the day of a recorded dose reaches nothing).
 * Another antiresorptive started before that dose: no reach at all (the record is stale).
 */
function bridged(spans: readonly Span[], others: readonly UseEvent[]): Span[] {
  if (!spans.some((s) => s.open === true)) return [...spans];
  return spans.map((s) => {
    if (s.open !== true) return s;
    let next: LocalDate | undefined;
    for (const o of spans) {
      if (o.open === true) continue;
      for (const d of o.doses) if (d >= s.start && d <= s.end && (next === undefined || d < next)) next = d;
    }
    const other = others[firstAfter(others, s.start)];
    const end = next === undefined || (other !== undefined && other.date < next) ? s.start : next;
    return { start: s.start, end, doses: s.doses, record: s.record };
  });
}

function classCourses(drugClass: DrugClass, group: ClassRecords, today: LocalDate, others: readonly UseEvent[]): Course[] {
  const parenteral = isParenteral(drugClass);
  const gap = gapMonths(drugClass);
  const records = group.records;
  const spans = parenteral ? bridged(group.spans, others) : group.spans.map((span) => cutAtOtherStart(span, others));
  sortOldestFirst(spans, (span) => span.start);

  const runs: Run[] = [];
  for (const span of spans) {
    const lastDose = parenteral ? (span.doses[span.doses.length - 1] ?? span.start) : span.end;
    const current = runs[runs.length - 1];
    // Another antiresorptive started between the two: the drug was restarted, not continued.
    const between = current === undefined || others.length === 0 ? undefined : others[firstOnOrAfter(others, current.end)];
    const switched = span.record.startUnknown !== true && between !== undefined && between.date < span.start;
    if (current !== undefined && !switched && span.start < (current.joinsBefore ??= addMonths(current.end, gap))) {
      if (span.end > current.end) {
        current.end = span.end;
        current.joinsBefore = undefined;
      }
      current.lastDose = maxDate(current.lastDose, lastDose);
      current.lastStart = maxDate(current.lastStart, span.start);
      current.spans.push(span);
    } else {
      runs.push({ start: span.start, end: span.end, lastDose, lastStart: span.start, spans: [span], joinsBefore: undefined });
    }
  }

  if (drugClass === 'anabolic') {
    for (const run of runs) {
      const ends = anabolicRunEnds(run.spans);
      if (ends === undefined) continue;
      run.end = ends.end;
      run.lastDose = ends.lastDose;
    }
  }

  const stops: Stop[] = [];
  for (const r of records) {
    if ((r.status === 'stopped' || r.status === 'cancelled') && r.source !== 'MedicationAdministration' && r.start <= today) {
      stops.push({ record: r, date: minDate(r.status === 'cancelled' ? (r.asserted ?? r.start) : (r.end ?? r.asserted ?? r.start), today) });
    }
  }
  sortOldestFirst(stops, (stop) => stop.date);
  const lastUseStart = spans.reduce<LocalDate | undefined>((max, s) => (max === undefined || s.start > max ? s.start : max), undefined);
  // An injection course: a statement or request whose period runs on past today (begun before the
  // doses the record shows, so a course of its own) plans the end of the treatment running now.
  const ongoing = parenteral ? plannedBeyondToday(records, today) : undefined;

  return runs.map((run, i) => {
    const next = runs[i + 1];
    // The earliest stop in [last dose, next course): the windows of the runs do not overlap, so
    // each stop is looked at about once (a filter per run cost the square of the records). An oral
    // course's last dose is an estimate (its supply's end): a stop recorded after its last
    // prescription or statement began is a stop mid-pack (rules.md section 1 "Stopped") when it is
    // the last word on the course (`stopsMidPack`), read from that day — ignored, it had kept a
    // follow-on after denosumab "running" for months.
    let stop: (typeof stops)[number] | undefined;
    for (let j = firstOnOrAfter(stops, parenteral ? run.lastDose : run.lastStart); j < stops.length; j++) {
      const s = stops[j];
      if (s === undefined || (next !== undefined && s.date >= next.start)) break;
      if (continuedBy(records, s, today, next)) continue;
      if (!parenteral && s.date < run.lastDose && !stopsMidPack(s, run)) continue;
      if (s.record.status !== 'cancelled' || lastUseStart === undefined || lastUseStart <= s.date) {
        stop = s;
        break;
      }
    }
    // Denosumab only: its stop is what must not go unseen (the rebound); a zoledronic acid order
    // stopped after its infusion is a closed order, and the infusion protects for years.
    if (stop === undefined && drugClass === 'denosumab') {
      const after = stoppedAfterItsDoses(run, stops, today);
      if (after !== undefined && !continuedBy(records, after, today, next)) stop = after;
    }
    const superseded = supersededBy(others, run.start, parenteral ? run.lastDose : run.end, parenteral);
    let status: CourseStatus;
    if (stop !== undefined) status = 'stopped';
    else if (superseded !== undefined) status = 'ended';
    else if (parenteral) status = addMonths(run.lastDose, ACTIVE_MONTHS[drugClass] ?? 0) >= today ? 'active' : 'ended';
    else status = run.end >= today || awaitingRefill(run, gap, today) ? 'active' : 'ended';
    // A stopped oral course ends on its stop, not on the estimated end of the supply it stopped in
    // (rules.md section 1 "Paused": the pause starts on the course's end date).
    const end = status === 'active' ? today : parenteral ? run.lastDose : stop !== undefined ? minDate(run.end, maxDate(stop.date, run.start)) : run.end;
    let plannedEnd: LocalDate | undefined;
    // A record's ref is unique among the records (build-facts.ts keeps one resource per ref), so
    // only the stop can repeat one; the drugs of a course are a handful.
    const refs: Ref[] = [];
    const drugs: DrugId[] = [];
    for (const { record: r } of run.spans) {
      if (plansEnd(r, today) && (plannedEnd === undefined || r.end > plannedEnd)) plannedEnd = r.end;
      refs.push(r.ref);
      if (!drugs.includes(r.identity.drug)) drugs.push(r.identity.drug);
    }
    if (ongoing !== undefined && i === runs.length - 1 && status === 'active' && (plannedEnd === undefined || ongoing.end > plannedEnd)) {
      plannedEnd = ongoing.end;
      if (!refs.includes(ongoing.ref)) refs.push(ongoing.ref);
    }
    if (stop !== undefined && !refs.includes(stop.record.ref)) refs.push(stop.record.ref);
    // An ended oral course's end is its last day of use (a supply's last covered day): that day
    // counts, so five yearly scripts from 15 June 2018 make the 5 years on 14 June 2023 (rules.md
    // "5 years of oral bisphosphonate"). A course running today counts to today, as an anniversary;
    // one stopped today has had its last day (the pause starts on it, rules.md section 1).
    const lastDay = minDate(end, today);
    const durationDays = Math.max(0, daysBetween(run.start, lastDay) + (!parenteral && (lastDay < today || (status !== 'active' && end <= today)) ? 1 : 0));
    const doses = parenteral ? doseDates(run) : undefined;
    // Most courses have none of the optional fields: one object literal then, not a copy per spread.
    if (doses === undefined && stop === undefined && plannedEnd === undefined && superseded === undefined) return { drugClass, drugs, start: run.start, end, lastDose: run.lastDose, status, durationDays, refs };
    return {
      drugClass,
      drugs,
      start: run.start,
      end,
      lastDose: run.lastDose,
      ...(doses === undefined ? {} : { doses }),
      status,
      ...(stop === undefined ? {} : { stoppedOn: stop.date }),
      ...(plannedEnd === undefined ? {} : { plannedEnd }),
      ...(superseded === undefined ? {} : { supersededOn: superseded.date, supersededBy: superseded.drugClass }),
      durationDays,
      refs,
    };
  });
}

/** The injection or infusion dates of a parenteral run, oldest first, each once. */
function doseDates(run: Run): LocalDate[] {
  const dates = new Set<LocalDate>();
  for (const span of run.spans) for (const d of span.doses) dates.add(d);
  return [...dates].sort();
}


/**
 * The first other antiresorptive started after the course began and on/after its last use (oral,
 * whose use was cut there) or strictly after its last dose (parenteral).
 */
function supersededBy(others: readonly UseEvent[], start: LocalDate, last: LocalDate, parenteral: boolean): UseEvent | undefined {
  const after = last > start ? last : start;
  const i = parenteral || last <= start ? firstAfter(others, after) : firstOnOrAfter(others, after);
  return others[i];
}
