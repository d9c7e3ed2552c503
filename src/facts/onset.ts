/**
 * When a Condition began, as FHIR writes it (`onset[x]`): the date the fracture reader, the condition
 * reader and the future-date check (admission.ts) all read, one way.
 */
import { addYears, parseFhirDate, partialDateEnd, type LocalDate } from '../time/local-date.js';
import { get, getStr } from './accessors.js';
import type { JsonObject } from '../shared/json.js';

/** The last day a partial onset can mean, when the onset read is a partial date (`2021-12`). */
export function partialOnsetEnd(condition: JsonObject): LocalDate | undefined {
  return partialDateEnd(writtenOnset(condition)?.value);
}

/**
 * The onset as written, and its date: the first of onsetDateTime, onsetPeriod.start, onsetPeriod.end
 * and onsetString that is a date. A period with only its end is dated by it (left undated, a fracture
 * of last month took its recordedDate, years later, or no date at all) — unless that end lies after
 * the day the Condition was written down: a record of 2020 did not begin in 2099, the "no end" some
 * systems write.
 */
function writtenOnset(condition: JsonObject): { readonly value: unknown; readonly date: LocalDate } | undefined {
  const dated = (value: unknown): { readonly value: unknown; readonly date: LocalDate } | undefined => {
    const date = parseFhirDate(value);
    return date === undefined ? undefined : { value, date };
  };
  return dated(condition.onsetDateTime) ?? dated(get(condition.onsetPeriod, 'start')) ?? periodEnd(condition) ?? dated(condition.onsetString);
}

function periodEnd(condition: JsonObject): { readonly value: unknown; readonly date: LocalDate } | undefined {
  const value = get(condition.onsetPeriod, 'end');
  const date = parseFhirDate(value);
  if (date === undefined) return undefined;
  // A partial entry date ("2026") may mean its last day: an end within that year is not after it.
  const enteredOn = (v: unknown): LocalDate | undefined => partialDateEnd(v) ?? parseFhirDate(v);
  const entered = enteredOn(condition.recordedDate) ?? enteredOn(condition.assertedDate);
  return entered !== undefined && date > entered ? undefined : { value, date };
}

export function onsetDate(condition: JsonObject, birthDate: LocalDate | undefined): LocalDate | undefined {
  return writtenOnset(condition)?.date ?? dateFromAge(condition.onsetAge, birthDate);
}

/** An Age (years) on top of the birth date, e.g. onsetAge 44 a. */
export function dateFromAge(age: unknown, birthDate: LocalDate | undefined): LocalDate | undefined {
  if (birthDate === undefined) return undefined;
  const years = ageYears(age);
  return years === undefined ? undefined : addYears(birthDate, Math.floor(years));
}

/** Years of an Age quantity (unit a/yr/year/år, or none). */
export function ageYears(age: unknown): number | undefined {
  const value = get(age, 'value');
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 150) return undefined;
  const unit = (getStr(age, 'code') ?? getStr(age, 'unit') ?? 'a').toLowerCase();
  return ['a', 'yr', 'yrs', 'year', 'years', 'år'].includes(unit) ? value : undefined;
}
