/**
 * Calendar dates as the guideline counts them: a `LocalDate` is an ISO `YYYY-MM-DD` string in
 * Danish time. Strings compare correctly with `<`/`>` and read well in tests and card evidence.
 *
 * rules.md: "months" are calendar months, clamped to the month's end (31 August + 6 months =
 * 28/29 February); "now" is the time of the request, the date taken in Danish time.
 */

/** `YYYY-MM-DD`, a calendar day in Danish time. */
export type LocalDate = string & { readonly __localDate?: never };

const DANISH_TZ = 'Europe/Copenhagen';
const MS_PER_DAY = 86_400_000;

const danishDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DANISH_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Danish calendar date of an instant (`now`, or a FHIR dateTime with a time zone). */
export function danishDate(instant: Date): LocalDate {
  return danishDateFormat.format(instant);
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a FHIR date or dateTime into the Danish calendar date it refers to.
 * Partial dates (`2024`, `2024-05`) take their first day; a dateTime with a zone is converted to
 * Danish time (a 23:30Z timestamp can be the next day in Copenhagen); a dateTime without a zone is
 * taken as local. Anything that is not a valid date gives `undefined`, never an exception.
 */
export function parseFhirDate(value: unknown): LocalDate | undefined {
  if (typeof value !== 'string') return undefined;
  const date = DATE_RE.exec(value);
  if (date) {
    const y = Number(date[1]);
    const m = date[2] === undefined ? 1 : Number(date[2]);
    const d = date[3] === undefined ? 1 : Number(date[3]);
    return isValidDay(y, m, d) ? format(y, m, d) : undefined;
  }
  const dt = DATETIME_RE.exec(value);
  if (!dt) return undefined;
  const [y, m, d] = [Number(dt[1]), Number(dt[2]), Number(dt[3])];
  if (!isValidDay(y, m, d) || Number(dt[4]) > 23 || Number(dt[5]) > 59) return undefined;
  if (dt[7] === undefined) return format(y, m, d);
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : danishDate(instant);
}

export function isLocalDate(value: string): value is LocalDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Adds calendar months, clamping to the month's end: 2024-08-31 + 6 months = 2025-02-28. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addYears(date: LocalDate, years: number): LocalDate {
  return addMonths(date, years * 12);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Completed calendar months from `from` to `to`: 2024-01-31 → 2024-07-30 is 5, → 2024-07-31 is 6.
 * A month counts once its clamped anniversary is reached.
 */
export function monthsBetween(from: LocalDate, to: LocalDate): number {
  const [fy, fm] = parts(from);
  const [ty, tm] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  if (months < 0 && addMonths(from, months) < to) months += 1;
  return months;
}

/** Completed years (age on a birthday counts from that day): 1966-11-26 → 2026-11-26 is 60. */
export function yearsBetween(from: LocalDate, to: LocalDate): number {
  return Math.trunc(monthsBetween(from, to) / 12);
}

/** Years as a decimal, for durations such as "years of oral bisphosphonate". */
export function decimalYears(days: number): number {
  return days / 365.25;
}

export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a < b ? a : b;
}

export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a > b ? a : b;
}

/** Days since 1970-01-01 for a calendar date (no time zone involved). */
export function dayNumber(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(days: number): LocalDate {
  const dt = new Date(days * MS_PER_DAY);
  return format(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

function parts(date: LocalDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isValidDay(y: number, m: number, d: number): boolean {
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function format(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
