/**
 * How long an anabolic dose on record keeps its course in use (rules.md section 1: the medication
 * history comes from statements, requests "and, when present, MedicationAdministration"; an
 * injection's date is "the latest of these"). A dose given — an administration, or a prescription
 * `completed` (dispensed and done with: the pen fetched, the injection given elsewhere, as
 * `recordsDoseGiven` reads denosumab) — covers the drug's dosing interval and a margin for a late
 * next dose [choice]:
 *
 * - romosozumab, monthly injections for 12 months (terminology.md): 2 months from the injection —
 *   the next one is due a month on, and a month more is a missed dose, not a late one;
 * - teriparatide and abaloparatide, a daily self-injected pen of 28–30 days for up to 24 (18)
 *   months: 3 months from the dose — the home injections go unrecorded, so a dose on record says
 *   the course is running, and 3 months is the gap across which records of one course join.
 *
 * Read as the one day it was given, romosozumab injected three weeks before was "not on treatment"
 * and got "start alendronate" pre-selected. The cover never reaches past the drug's course length
 * counted from the course's first record (`coursePlannedEnd`): after the twelfth romosozumab
 * injection the follow-on antiresorptive is due at once, not after the margin.
 */
import { addMonths, maxDate, minDate, type LocalDate } from '../time/local-date.js';
import type { DrugId, DrugIdentity, MedicationRecord, MedicationSourceType } from './types.js';

/** Months a dose given covers (see above). */
const COVER_MONTHS: Readonly<Partial<Record<DrugId, number>>> = { romosozumab: 2, teriparatide: 3, abaloparatide: 3 };

/** The course length: romosozumab 12 months, teriparatide at most 24 (terminology.md), abaloparatide 18 (SmPC). */
const COURSE_MONTHS: Readonly<Partial<Record<DrugId, number>>> = { romosozumab: 12, teriparatide: 24, abaloparatide: 18 };

/** The record shows an anabolic dose given (or dispensed and done with), not only ordered or listed. */
export function isAnabolicDose(source: MedicationSourceType, status: string, identity: DrugIdentity): boolean {
  if (identity.drugClass !== 'anabolic') return false;
  return source === 'MedicationAdministration' || (source === 'MedicationRequest' && status === 'completed');
}

/** The last day a dose given on `given` covers, for an anabolic drug. */
export function anabolicDoseCover(identity: DrugIdentity, given: LocalDate): LocalDate | undefined {
  const months = COVER_MONTHS[identity.drug];
  return months === undefined ? undefined : addMonths(given, months);
}

/**
 * A dose's last covered day within a course that began on `courseStart`: no later than the end of
 * the drug's course length, and never before the dose itself.
 */
export function coursePlannedEnd(record: MedicationRecord, end: LocalDate, courseStart: LocalDate): LocalDate {
  const months = COURSE_MONTHS[record.identity.drug];
  if (months === undefined || !isAnabolicDose(record.source, record.status, record.identity)) return end;
  return maxDate(record.start, minDate(end, addMonths(courseStart, months)));
}

/**
 * An anabolic run's last day, each dose's cover cut at its drug's course length counted from the
 * run's first record of that drug (`coursePlannedEnd`): the twelfth romosozumab injection leaves
 * the follow-on due a month on, not two. Its last dose is the day of the last dose given, not the
 * end of that dose's cover (a listed record still counts to its end): a stop recorded after the
 * dose ends the course at the stop (rules.md section 1 "Stopped") — read against the cover, a stop
 * within 14 days of the dose was "the renewal the stop made room for" (courses.ts `stopsMidPack`)
 * and romosozumab stopped ran on for two months — and a fracture after the dose is no fracture the
 * course answered (anabolic-treatment-consideration.ts).
 */
export function anabolicRunEnds(spans: readonly { readonly start: LocalDate; readonly end: LocalDate; readonly record: MedicationRecord }[]): { end: LocalDate; lastDose: LocalDate } | undefined {
  const first = new Map<DrugId, LocalDate>();
  for (const { start, record } of spans) {
    const known = first.get(record.identity.drug);
    if (known === undefined || start < known) first.set(record.identity.drug, start);
  }
  let end: LocalDate | undefined;
  let lastDose: LocalDate | undefined;
  for (const span of spans) {
    const { record } = span;
    const last = coursePlannedEnd(record, span.end, first.get(record.identity.drug) ?? span.start);
    if (end === undefined || last > end) end = last;
    const dose = isAnabolicDose(record.source, record.status, record.identity) ? span.start : last;
    if (lastDose === undefined || dose > lastDose) lastDose = dose;
  }
  return end === undefined || lastDose === undefined ? undefined : { end, lastDose };
}
