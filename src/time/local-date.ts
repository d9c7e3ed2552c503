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
/** Beyond year 9999 the formatting below would not give `YYYY-MM-DD`. */
const MAX_FAST_PATH = Date.UTC(9999, 11, 31);

const danishDateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: DANISH_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const MS_PER_HOUR = 3_600_000;
/** From 1950 on, Danish time is UTC+1 or UTC+2 (before, 1945 and 1947 had +3 in the tz data). */
const FAST_PATH_FROM = Date.UTC(1950, 0, 1);
const FAST_YEAR_FROM = 1950;

const danishClockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: DANISH_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The instant of a dateTime written without a zone (FHIR requires one with a time; feeds still
 * send them), read as Danish clock time — as `parseFhirDate` reads its date — never as the
 * server's own zone: the later of two same-day results must not depend on where the service runs.
 * NaN when it is no date-time.
 */
export function danishClockInstant(value: string): number {
  const asUtc = Date.parse(`${value}Z`);
  if (Number.isNaN(asUtc)) return Number.NaN;
  const clock = value.slice(11, 16);
  for (const offsetHours of [1, 2]) {
    const t = asUtc - offsetHours * MS_PER_HOUR;
    if (danishClockFormat.format(t) === clock) return t;
  }
  // A clock time that does not occur (the hour skipped in spring): standard time.
  return asUtc - MS_PER_HOUR;
}

/**
 * The clock time (`HH:MM`) a FHIR dateTime was taken at, on the clock of the place it was written:
 * as written when it carries a UTC offset of its own ("2026-10-15T08:00:00-04:00" is eight in the
 * morning where the sample was taken, whatever the time in Denmark) or no zone (read as
 * `parseFhirDate` reads its date); converted to Danish time when it is written in UTC ("Z",
 * "+00:00", "-00:00": a Danish lab system serialising its instants, not a clock of its own)
 * [choice]. Undefined for a date without a time, or anything that is no dateTime.
 */
export function clockTimeAsTaken(value: string): string | undefined {
  if (value.length <= 10 || parseDateTime(value) === undefined) return undefined;
  const last = value.charCodeAt(value.length - 1);
  const sign = value.charCodeAt(value.length - 6);
  const offset = (sign === 43 || sign === 45) && value.charCodeAt(value.length - 3) === 58 ? value.slice(-5) : undefined;
  const utc = last === 90 || offset === '00:00';
  if (!utc) return value.slice(11, 16);
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : danishClockFormat.format(t);
}

/** The Danish calendar date of an instant (`now`, or a FHIR dateTime with a time zone). */
export function danishDate(instant: Date): LocalDate {
  return danishDateOfMs(instant.getTime()) ?? danishDateFormat.format(instant);
}

/**
 * Fast path, same answer as the tz database: from 1950 Danish time is UTC+1 or UTC+2, so an
 * instant before 22:00 UTC falls on the same calendar day in Copenhagen. Undefined for the last two
 * UTC hours of a day (and outside the years it holds for): ask the tz database then.
 */
function fastDanishDate(ms: number): LocalDate | undefined {
  if (!(ms >= FAST_PATH_FROM && ms < MAX_FAST_PATH)) return undefined;
  const day = Math.floor(ms / MS_PER_DAY);
  return ms - day * MS_PER_DAY < 22 * MS_PER_HOUR ? fromDayNumber(day) : undefined; // (before 1970 too)
}

function danishDateOfMs(ms: number): LocalDate | undefined {
  if (Number.isNaN(ms)) return undefined;
  return fastDanishDate(ms) ?? danishDateFormat.format(ms);
}

const PARTIAL_DATE_RE = /^(\d{4})(?:-(\d{2}))?$/;

/**
 * Reads a FHIR date or dateTime into the Danish calendar date it refers to.
 * Partial dates (`2024`, `2024-05`) take their first day; a dateTime with a zone is converted to
 * Danish time (a 23:30Z timestamp can be the next day in Copenhagen); a dateTime without a zone is
 * taken as local. Anything that is not a valid date gives `undefined`, never an exception.
 */
export function parseFhirDate(value: unknown): LocalDate | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === 10) return isLocalDate(value) ? value : undefined; // YYYY-MM-DD, the common case
  if (value.length > 10) return parseDateTime(value);
  const partial = PARTIAL_DATE_RE.exec(value);
  if (partial === null) return undefined;
  const y = Number(partial[1]);
  const m = partial[2] === undefined ? 1 : Number(partial[2]);
  return isValidDay(y, m, 1) ? format(y, m, 1) : undefined;
}

/**
 * The last day a partial date can mean (`2024` → 2024-12-31, `2024-05` → 2024-05-31); undefined for
 * a full date or anything else. `parseFhirDate` reads a partial date as its first day.
 */
export function partialDateEnd(value: unknown): LocalDate | undefined {
  if (typeof value !== 'string' || value.length > 7) return undefined;
  const partial = PARTIAL_DATE_RE.exec(value);
  if (partial === null) return undefined;
  const y = Number(partial[1]);
  const m = partial[2] === undefined ? 12 : Number(partial[2]);
  return isValidDay(y, m, 1) ? format(y, m, daysInMonth(y, m)) : undefined;
}

/** `n` decimal digits at `at`, or -1. */
function digits(value: string, at: number, n: number): number {
  let out = 0;
  for (let i = at; i < at + n; i++) {
    const c = value.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    out = out * 10 + c;
  }
  return out;
}

/** Two decimal digits at `at`, or -1 (unrolled: the dateTime reader below runs once per Observation). */
function twoDigits(value: string, at: number): number {
  const tens = value.charCodeAt(at) - 48;
  const ones = value.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** `YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]`, read by hand (no RegExp, no Date): the stage's hot path. */
function parseDateTime(value: string): LocalDate | undefined {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58) return undefined;
  const century = twoDigits(value, 0);
  const yy = twoDigits(value, 2);
  const y = century < 0 || yy < 0 ? -1 : century * 100 + yy;
  const m = twoDigits(value, 5);
  const d = twoDigits(value, 8);
  const hh = twoDigits(value, 11);
  const mi = twoDigits(value, 14);
  if (!isValidDay(y, m, d) || hh < 0 || hh > 23 || mi < 0 || mi > 59) return undefined;
  let i = 16;
  let ss = 0;
  if (value.charCodeAt(i) === 58) {
    ss = twoDigits(value, i + 1);
    if (ss < 0 || ss > 59) return undefined;
    i += 3;
    if (value.charCodeAt(i) === 46) {
      const from = ++i;
      while (i < value.length && digits(value, i, 1) >= 0) i++;
      if (i === from) return undefined;
    }
  }
  if (i === value.length) return value.slice(0, 10); // no zone: local time
  let offsetMinutes: number;
  const sign = value.charCodeAt(i);
  if (sign === 90 && i + 1 === value.length) {
    offsetMinutes = 0; // Z
  } else if ((sign === 43 || sign === 45) && i + 6 === value.length && value.charCodeAt(i + 3) === 58) {
    const oh = twoDigits(value, i + 1);
    const om = twoDigits(value, i + 4);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return undefined;
  }
  // Danish time is UTC+1 or UTC+2 (from 1950): when both would keep the clock time within the
  // written day, the Danish date is the written one — most dateTimes, with no arithmetic at all.
  const minuteOfDay = hh * 60 + mi;
  if (y > FAST_YEAR_FROM && y < 9999 && minuteOfDay - offsetMinutes + 60 >= 0 && minuteOfDay - offsetMinutes + 120 < 1440) return value.slice(0, 10);
  const utcMinutes = civilDayNumber(y, m, d) * 1440 + hh * 60 + mi - offsetMinutes;
  return danishDateOfMs(utcMinutes * 60_000 + ss * 1000);
}

export function isLocalDate(value: string): value is LocalDate {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    if (i < 4) y = y * 10 + c;
    else if (i < 7) m = m * 10 + c;
    else d = d * 10 + c;
  }
  return isValidDay(y, m, d);
}

/** An average calendar month in days (365.25 ÷ 12): for intervals written in days, not for dates. */
export const MONTH_DAYS = 30.4375;

/** Adds calendar months, clamping to the month's end: 2024-08-31 + 6 months = 2025-02-28. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const y = yearOf(date);
  const m = monthOf(date);
  const d = dateField(date, 8, 2);
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
  let months = (yearOf(to) - yearOf(from)) * 12 + (monthOf(to) - monthOf(from));
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
  return civilDayNumber(yearOf(date), monthOf(date), dateField(date, 8, 2));
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil; any year). */
function civilDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(days: number): LocalDate {
  civil(days);
  return format(civilYear, civilMonth, civilDay);
}

/**
 * `addMonths` on day numbers (days since 1970-01-01): the same calendar months, clamped to the
 * month's end, with no date string made or read — for loops that count in days.
 */
export function addMonthsToDayNumber(days: number, months: number): number {
  civil(days);
  const total = civilYear * 12 + (civilMonth - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return civilDayNumber(ny, nm, Math.min(civilDay, daysInMonth(ny, nm)));
}

// What `civil` computed last: three numbers set in place, not a tuple allocated per date.
let civilYear = 0;
let civilMonth = 0;
let civilDay = 0;

/** Sets civilYear/Month/Day to the proleptic Gregorian date of a day count (read them straight after). */
function civil(days: number): void {
  // H. Hinnant's days_from_civil inverse: plain integer arithmetic, no Date object.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civilDay = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civilMonth = mp < 10 ? mp + 3 : mp - 9;
  civilYear = yoe + era * 400 + (civilMonth <= 2 ? 1 : 0);
}

function yearOf(date: LocalDate): number {
  return dateField(date, 0, 4);
}

function monthOf(date: LocalDate): number {
  return dateField(date, 5, 2);
}

/**
 * A numeric field of a date, read by character code (no substring, no `Number`: date arithmetic
 * runs in the facts stage's loops); a field that is not all digits is read as `Number` reads it.
 */
function dateField(date: LocalDate, at: number, n: number): number {
  const v = digits(date, at, n);
  return v >= 0 ? v : Number(date.slice(at, at + n));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[m - 1] ?? 0;
}

function isValidDay(y: number, m: number, d: number): boolean {
  return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

function format(y: number, m: number, d: number): LocalDate {
  const year = y >= 1000 && y <= 9999 ? String(y) : String(y).padStart(4, '0');
  return `${year}-${TWO_DIGITS[m] ?? String(m)}-${TWO_DIGITS[d] ?? String(d)}`;
}
