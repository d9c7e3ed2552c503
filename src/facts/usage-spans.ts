/**
 * One medication record → the days it stands for (`Span`), the unit courses.ts joins into courses:
 * an oral or daily drug's period of use, an injection's or infusion's doses, and an injection
 * record in use that implies no dose (`open`).
 */
import { addDays, addMonths, maxDate, minDate, type LocalDate } from '../time/local-date.js';
import { ACTIVE_STATUSES } from './medications.js';
import type { DrugClass, MedicationRecord } from './types.js';

/** Parenteral drugs: on treatment until this many months after the last dose (rules.md section 1). */
export const ACTIVE_MONTHS: Readonly<Partial<Record<DrugClass, number>>> = { denosumab: 12, 'zoledronic-acid': 24 };

export function isParenteral(drugClass: DrugClass): boolean {
  return ACTIVE_MONTHS[drugClass] !== undefined;
}

/** How long one injection or infusion covers: its period of use ends no later than this after the last dose. */
const DOSE_COVERS_MONTHS: Readonly<Partial<Record<DrugClass, number>>> = { denosumab: 6, 'zoledronic-acid': 12 };

/**
 * The last dose a statement of an injection drug implies beyond its start: a period of use that has
 * ended ("2024-03-20 – 2026-03-20") was covered by doses, the last of them no later than one dose
 * interval before its end — so that, not the end itself, is taken [choice: the earliest it may have
 * been]. Read as a dose on the end day, a statement of one injection's six months ("04-01 – 10-01")
 * put the next injection six months late and held back the overdue card. A stopped statement's end is
 * its stop, not its use.
 */
export function statementLastDose(record: MedicationRecord, today: LocalDate): LocalDate | undefined {
  const end = record.end;
  const covers = DOSE_COVERS_MONTHS[record.identity.drugClass];
  if (record.source !== 'MedicationStatement' || record.status === 'stopped' || covers === undefined || end === undefined || end > today || end <= record.start) return undefined;
  const last = addMonths(end, -covers);
  return last > record.start ? last : undefined;
}

/**
 * A record that shows an injection or infusion given, not only ordered (rules.md section 1: "an
 * injection or infusion date is the latest of these"): an administration; a prescription
 * `completed` (dispensed and done with: in Danish general practice the GP prescribes, the patient
 * fetches the pen and the injection is given elsewhere, never recorded as an administration); a
 * statement `completed` (the patient has had it). An `active`, `on-hold` or `draft` order, an
 * `active` statement, or a `stopped` record shows no dose [choice, the safer reading]: a medication
 * list keeps denosumab as one `active` statement whose start is when it was listed or its product
 * switched (Prolia to a biosimilar), not an injection — read as one, a listing before the
 * injection was given held back the overdue card for up to six months, and a missed injection is
 * the harm the card's "max 7 måneder" is about.
 */
export function recordsDoseGiven(record: MedicationRecord): boolean {
  switch (record.source) {
    case 'MedicationAdministration':
      return true;
    case 'MedicationRequest':
      return record.status === 'completed';
    case 'MedicationStatement':
      return record.status === 'completed';
  }
}

/** An injection record's period of use with no dose it implies: active with no end (to today), or stopped at its end. */
function openUse(record: MedicationRecord, today: LocalDate): LocalDate | undefined {
  const until = record.end === undefined ? (ACTIVE_STATUSES.has(record.status) ? today : undefined) : record.status === 'stopped' ? minDate(record.end, today) : undefined;
  return until !== undefined && until > record.start ? until : undefined;
}

/** The days a record covers, as far as course building is concerned. */
export interface Span {
  readonly start: LocalDate;
  readonly end: LocalDate;
  readonly doses: readonly LocalDate[];
  readonly record: MedicationRecord;
  /** An injection record in use with no dose implied (`openUse`): `bridged` sets how far it reaches. */
  readonly open?: true;
}

const NO_DOSES: readonly LocalDate[] = Object.freeze([]);
export const NO_USE: ReadonlySet<string> = new Set(['cancelled', 'draft']);

/**
 * `on-hold` (FMK "pauseret", how a drug holiday is often recorded): the use before the hold counts
 * — the years of a course, the last injection — but it is no use now, and never the follow-on that
 * silences a denosumab card (`useEvents`): an order put on hold may never have been "started,
 * dispensed or given" (rules.md section 1). Left out altogether, five years of alendronate put on
 * hold became "start alendronate", and a denosumab course on hold lost its overdue card.
 */
export const ON_HOLD = 'on-hold';

/**
 * The use a record stands for up to today; undefined for cancelled, draft or future records. An
 * oral record on hold was in use until `heldSince`; an
 * injection order on hold counts its date as a dose (an order is put on hold once in use: reading
 * it as never given would lose the rebound risk of a denosumab overdue) [choice].
 */
export function usageSpan(record: MedicationRecord, today: LocalDate): Span | undefined {
  if (NO_USE.has(record.status) || record.start > today) return undefined;
  if (isParenteral(record.identity.drugClass)) {
    const doses = [record.start];
    const covered = statementLastDose(record, today);
    // A statement or order still in use with no end (FMK: "Prolia, aktiv siden 2022"), or stopped at
    // its end: in use up to the first injection recorded after it (`bridged`), so those injections
    // join its course — but no dose is implied by it (the last injection, and the overdue card, come
    // from the doses the record shows). Read as its start day alone, three years of denosumab became
    // a course begun at the latest injections: no fracture on treatment, no 2-year DXA.
    const inUseUntil = covered !== undefined || record.source === 'MedicationAdministration' ? undefined : openUse(record, today);
    if (inUseUntil !== undefined) return { start: record.start, end: inUseUntil, doses, record, open: true };
    if (covered === undefined) return { start: record.start, end: record.start, doses, record };
    doses.push(covered);
    // In use until the period's end: a next dose within the gap after it continues the course.
    return { start: record.start, end: record.end ?? covered, doses, record };
  }
  if (record.status === ON_HOLD) return { start: record.start, end: maxDate(heldSince(record, today), record.start), doses: NO_DOSES, record };
  const end = ACTIVE_STATUSES.has(record.status) && record.end === undefined ? today : minDate(record.end ?? record.start, today);
  return { start: record.start, end: maxDate(end, record.start), doses: NO_DOSES, record };
}

/**
 * The last day an oral record on hold was in use: its end when that has passed, else the day the
 * hold was last written (medications.ts: dateAsserted / meta.lastUpdated), else yesterday — never
 * today. An end still ahead (a statement's planned period, an order's supply or validity) says what
 * was planned before the hold, not how long it was taken: read as use, an alendronate order put on
 * hold with a year's supply was "on treatment" until the supply would have run out, and its marker
 * judged. Without a day for the hold, its use runs as an active record's would, up to yesterday
 * [choice: read as its start day alone, seven years of alendronate on hold became one day and
 * "start alendronate"].
 */
function heldSince(record: MedicationRecord, today: LocalDate): LocalDate {
  const yesterday = addDays(today, -1);
  const lastKnown = record.end !== undefined && record.end < today ? record.end : (record.asserted ?? yesterday);
  return minDate(lastKnown, yesterday);
}

/** The spans of one injection or infusion drug that are doses (`datedDoses`, then `givenDoses`). */
export function injectionDoses(spans: Span[]): Span[] {
  return givenDoses(datedDoses(spans));
}

/**
 * An injection or infusion record with no date of its own (an undated active statement: read as
 * from today, `startUnknown`) is no dose today when dated records of the drug say when the doses
 * were (rules.md section 1: "an injection or infusion date is the latest of these"): as a dose
 * today it hid an overdue denosumab injection and made a due one "too early". Alone, it still says
 * the patient is on the drug.
 */
function datedDoses(spans: Span[]): Span[] {
  const dated = spans.filter((s) => s.record.startUnknown !== true);
  return dated.length === 0 || dated.length === spans.length ? spans : dated;
}

/**
 * Where the record has administrations of the drug, an order dated after the last of them (an
 * `active`, `on-hold` or `stopped` prescription) shows a dose ordered or planned, not given
 * [choice, the safer reading of rules.md section 1 "the latest of these"]: taken for a dose, a
 * prescription written ahead of the next injection held back the overdue card for months. A record
 * that shows a dose given (`recordsDoseGiven`: a `completed` prescription or statement) counts
 * whatever its date — the GP prescribes, the patient fetches the pen and
 * the injection is given elsewhere, unrecorded as an administration: ignored, a patient injected in
 * September got a critical "give denosumab now" from March. `rx-dose-interval` reads the records
 * the same way (`lastInjection`).
 */
function givenDoses(spans: Span[]): Span[] {
  let lastGiven: LocalDate | undefined;
  for (const s of spans) if (s.record.source === 'MedicationAdministration' && (lastGiven === undefined || s.start > lastGiven)) lastGiven = s.start;
  if (lastGiven === undefined) return spans;
  const given = lastGiven;
  const out: Span[] = [];
  for (const s of spans) {
    if (recordsDoseGiven(s.record) || s.doses.every((d) => d <= given)) out.push(s);
    else if (s.start <= given) out.push({ start: s.start, end: s.start, doses: [s.start], record: s.record });
  }
  return out;
}
