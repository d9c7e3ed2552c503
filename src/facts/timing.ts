/**
 * A FHIR Timing read as administrations per day (`repeat` frequency / period / periodUnit, its
 * weekday and time-of-day lists, else a timing code), in the R4, STU3 and DSTU2 spellings.
 */
import { codings, get, getNum, getObject, getStr, list, lookup, str } from './accessors.js';

const PERIOD_DAYS: Readonly<Record<string, number>> = { s: 1 / 86400, min: 1 / 1440, h: 1 / 24, d: 1, wk: 7, mo: 30.4375, a: 365.25 };
const TIMING_CODES: Readonly<Record<string, number>> = {
  QD: 1,
  AM: 1,
  PM: 1,
  BID: 2,
  TID: 3,
  QID: 4,
  QOD: 0.5,
  Q4H: 6,
  Q6H: 4,
  Q8H: 3,
  Q12H: 2,
  QHS: 1,
  WK: 1 / 7,
  MO: 1 / 30.4375,
};

/**
 * Timing.repeat's period unit: R4 and STU3 `periodUnit`, else DSTU2 `periodUnits`. The CDS Hooks
 * sandbox drafts a DSTU2 MedicationOrder when its FHIR server is DSTU2 (its default one is:
 * docs/cds-hooks.md sections 13 and 16); read R4-only, its "1 tablet a day" had no interval, so
 * alendronate 70 mg daily got no dose-interval critical and a 3-month prednisone course no exposure.
 */
export function periodUnitOf(repeat: unknown): string | undefined {
  return getStr(repeat, 'periodUnit') ?? getStr(repeat, 'periodUnits');
}

/** Timing.repeat's length as a Duration: R4 and STU3 `boundsDuration`, else DSTU2 `boundsQuantity` (its bounds[x] Duration). */
export function boundsDurationOf(repeat: unknown): unknown {
  return get(repeat, 'boundsDuration') ?? get(repeat, 'boundsQuantity');
}

/**
 * Administrations per day from a Timing; undefined when it does not say.
 *
 * `repeat.dayOfWeek` beside a rhythm of a day or less keeps it to the listed days (FHIR Timing:
 * "if dayOfWeek is specified, the action happens only on the specified days"): "1 per 1 d" on
 * ["mon"] is one dose a week, on ["mon", "thu"] two — read as daily, a weekly alendronate tablet
 * drafted for Mondays got a false critical "Ordinér ikke alendronat dagligt" that also hid its start
 * checks. A week's period with no frequency written and some days listed counts the days (FHIR's
 * default frequency is 1, but "per 1 wk" on ["mon", "thu"], or "1 tablet mandag og torsdag", is two
 * doses a week; read as weekly, an alendronate 70 mg twice a week got no critical). A frequency
 * written out is read as written ("1 per 1 wk" on any of the listed days is weekly), and so is a
 * list of all seven days (any day of the week). A longer period (per month) already counts its
 * doses and is read as it stands, as is one of more than a day and less than a week with weekdays
 * (every 2 days, on Mondays) [choice: nothing invented — the rhythm as written, the more frequent
 * reading].
 */
export function frequencyPerDay(timing: unknown): number | undefined {
  const repeat = getObject(timing, 'repeat');
  if (repeat !== undefined) {
    const frequency = getNum(repeat, 'frequency');
    const period = getNum(repeat, 'period');
    const unit = periodUnitOf(repeat);
    if (frequency !== undefined || period !== undefined) {
      const days = lookup(PERIOD_DAYS, unit);
      if (days === undefined) return undefined;
      const f = frequency ?? 1;
      const p = period ?? 1;
      if (f <= 0 || p <= 0) return undefined;
      const weekDays = weekDayCount(repeat);
      const onListedDaysOnly = weekDays > 0 && weekDays < 7 && p * days <= 1;
      if (onListedDaysOnly) return (f / (p * days)) * (weekDays / 7);
      // No frequency written (FHIR's default 1) for a week of listed days: the days are the doses.
      const daysAreDoses = frequency === undefined && p * days === 7 && weekDays > 1 && weekDays < 7;
      return daysAreDoses ? weekDays / 7 : f / (p * days);
    }
  }
  for (const c of codings(get(timing, 'code'))) {
    const perDay = lookup(TIMING_CODES, c.code?.toUpperCase());
    if (perDay !== undefined) return perDay;
  }
  return undefined;
}

const WEEK_DAYS: ReadonlySet<string> = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/**
 * The days of the week a repeat keeps a daily rhythm to: its `dayOfWeek` codes (mon … sun). A code
 * that is none of them does not thin out a daily dose [choice: the safer reading — "daily on
 * 'xyz'" stays daily, its overdose still caught].
 */
function weekDayCount(repeat: unknown): number {
  return new Set(list(get(repeat, 'dayOfWeek')).filter((d) => WEEK_DAYS.has(str(d) ?? ''))).size;
}

/** Administrations per day from the Timing's repeat lists: days of the week, times of the day. */
export function perDayFromLists(timing: unknown): number | undefined {
  const repeat = get(timing, 'repeat');
  const weekDays = list(get(repeat, 'dayOfWeek')).filter((d) => str(d) !== undefined).length;
  const dayTimes = list(get(repeat, 'timeOfDay')).length + list(get(repeat, 'when')).length;
  if (weekDays > 0) return (weekDays * Math.max(1, dayTimes)) / 7;
  if (dayTimes > 0) return dayTimes;
  return undefined;
}
