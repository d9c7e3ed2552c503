/**
 * Reading lab values the way the card's checks do (rules.md section 1: hypocalcaemia, freshness).
 */
import type { CalciumMeasurement, Measurement } from '../../facts/types.js';
import { daysBetween, type LocalDate } from '../../time/local-date.js';
import { lastCountedDay } from './data-horizon.js';

/** l. 41 "Tjek, at eGFR > 35 ml/min." — a card number, not a tunable one (before treatment and at prescribing). */
export const EGFR_LIMIT = 35;

/** l. 43 "Tjek, at P-25-OH-Vit.D > 50 nmol/L." — before treatment, at the DXA (l. 14-15) and at prescribing. */
export const VITAMIN_D_LIMIT = 50;

/** The newest value of any age (facts lists are newest first; one dated tomorrow counts, see data-horizon.ts). */
export function latest<T extends { readonly date: LocalDate }>(values: readonly T[], today: LocalDate): T | undefined {
  const horizon = lastCountedDay(today);
  for (let i = 0; i < values.length; i++) if (values[i]!.date <= horizon) return values[i];
  return undefined;
}

/** The newest value taken within `days` before `today` (inclusive); one dated tomorrow is as fresh as today's. */
export function latestWithin<T extends { readonly date: LocalDate }>(values: readonly T[], today: LocalDate, days: number): T | undefined {
  const horizon = lastCountedDay(today);
  // Indexed loops here: the facts' lists are frozen, and iterating a frozen array is slower.
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.date > horizon) continue;
    return daysBetween(v.date, today) <= days ? v : undefined;
  }
  return undefined;
}

/**
 * The results of the same day as `newest` (calcium: total, albumin-corrected and ionised are kept
 * one per kind and day), so a value out of range is not hidden by another kind taken that day.
 */
export function sameDayAs<T extends { readonly date: LocalDate }>(values: readonly T[], newest: T | undefined): readonly T[] {
  if (newest === undefined) return [];
  // Facts' lists are newest first: the day's values sit together, so the walk stops past them.
  const out: T[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.date === newest.date) out.push(v);
    else if (v.date < newest.date) break;
  }
  return out;
}

/** Values that count on `today` (one dated tomorrow included), newest first, at most `limit`. */
export function upTo<T extends { readonly date: LocalDate }>(values: readonly T[], today: LocalDate, limit = Infinity): readonly T[] {
  const horizon = lastCountedDay(today);
  const out: T[] = [];
  for (let i = 0; i < values.length && out.length < limit; i++) if (values[i]!.date <= horizon) out.push(values[i]!);
  return out;
}

/**
 * What a value says of "at or below `limit`" (l. 41 "Tjek, at eGFR > 35", l. 43 "Tjek, at
 * P-25-OH-Vit.D > 50"): true or false when it can tell, undefined when it is a reported bound that
 * cannot (terminology.md l. 1063: parse the comparators). "<V" is below V, so at or below the limit
 * only when V is at most the limit — or, a whole number against a whole-number limit, at most one
 * above it: a lab that writes "<36" reports whole numbers, and below 36 is 35 or less [choice]; "<60"
 * may be 34 or 59. "≤V" likewise when V ≤ limit. ">V" is above the limit when V ≥ limit (">35" fails
 * nothing), "≥V" when V > limit ("≥35" may be exactly 35, which fails "> 35"); lower bounds cannot
 * tell. A value that cannot tell is never read as passing nor as failing the check: the check has no
 * current value (`currentDeciding`), and the card says so (unusable-values.ts).
 */
export function atOrBelowVerdict(m: Measurement, limit: number): boolean | undefined {
  switch (m.comparator) {
    case undefined:
      return m.value <= limit;
    case '<':
      return m.value <= limit || (Number.isInteger(m.value) && Number.isInteger(limit) && m.value - 1 <= limit) ? true : undefined;
    case '<=':
      return m.value <= limit ? true : undefined;
    case '>':
      return m.value >= limit ? false : undefined;
    case '>=':
      return m.value > limit ? false : undefined;
  }
}

/** At or below the limit, as far as the value can tell (`atOrBelowVerdict`): a bound that cannot tell is not. */
export function atOrBelow(m: Measurement, limit: number): boolean {
  return atOrBelowVerdict(m, limit) === true;
}

/**
 * What a value says of "strictly below `limit`" ("eGFR < 30", "25-OH-D < 70"): "<V" and "≤V" are
 * below when every value they allow is (V ≤ limit, V < limit), ">V" and "≥V" are not when V is at
 * least the limit; otherwise undefined, as `atOrBelowVerdict`.
 */
export function belowVerdict(m: Measurement, limit: number): boolean | undefined {
  switch (m.comparator) {
    case undefined:
      return m.value < limit;
    case '<':
      return m.value <= limit ? true : undefined;
    case '<=':
      return m.value < limit ? true : undefined;
    case '>':
    case '>=':
      return m.value >= limit ? false : undefined;
  }
}

/** Strictly below the limit, as far as the value can tell (`belowVerdict`): a bound that cannot tell is not. */
export function below(m: Measurement, limit: number): boolean {
  return belowVerdict(m, limit) === true;
}

/** The value can decide the card's "eGFR > 35" (l. 41). */
export function decidesEgfrCheck(m: Measurement): boolean {
  return atOrBelowVerdict(m, EGFR_LIMIT) !== undefined;
}

/** The value can decide the card's "P-25-OH-Vit.D > 50 nmol/L" (l. 43). */
export function decidesVitaminDCheck(m: Measurement): boolean {
  return atOrBelowVerdict(m, VITAMIN_D_LIMIT) !== undefined;
}

/**
 * The newest value of any age that can decide a check (`decides`): a newer bound that cannot is
 * passed over, so an older value that fails the check still fails it ("<60" after an eGFR of 30
 * does not contradict the 30) [choice: the safer reading, as an old low eGFR or calcium counts].
 */
export function latestDeciding<T extends { readonly date: LocalDate }>(values: readonly T[], today: LocalDate, decides: (v: T) => boolean): T | undefined {
  const horizon = lastCountedDay(today);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v.date <= horizon && decides(v)) return v;
  }
  return undefined;
}

/**
 * The newest value within `days` when it can decide the check; undefined when there is none, or
 * when the newest is a bound that cannot: the check is then not current, as with no value — the
 * card asks for a new one — and an older value is not taken in its place: the newer one ("<60" after
 * 70) may contradict it.
 */
export function currentDeciding<T extends { readonly date: LocalDate }>(values: readonly T[], today: LocalDate, days: number, decides: (v: T) => boolean): T | undefined {
  const v = latestWithin(values, today, days);
  return v !== undefined && decides(v) ? v : undefined;
}

/** The card's calcium limits when the lab gives no range (also drawn by the overview, src/overview). */
export const CALCIUM_LOW_FALLBACK = { total: 2.15, corrected: 2.15, ionised: 1.18 } as const;
export const CALCIUM_HIGH_FALLBACK = { total: 2.51, corrected: 2.51, ionised: 1.32 } as const;

/**
 * rules.md section 1 "Hypocalcaemia": below the lab's reference range on the Observation (or
 * flagged L/LL by the lab); without a range: total/corrected < 2.15 mmol/L, ionised < 1.18 mmol/L.
 * A reported bound decides only when every value it allows is on one side: "<V" is low when V is at
 * most the lower limit, ">V" / "≥V" is not low when V is at least that limit; "<2.40" or ">2.00"
 * cannot tell (undefined) — neither "hypocalcaemia" nor "no hypocalcaemia" (card l. 42) rests on it.
 */
export function lowCalciumVerdict(c: CalciumMeasurement): boolean | undefined {
  if (c.interpretation.includes('L') || c.interpretation.includes('LL')) return true;
  const verdict = belowVerdict(c, c.referenceLow ?? CALCIUM_LOW_FALLBACK[c.kind]);
  // A bound the lab itself flags high (">2.00", H) is not low.
  return verdict === undefined && (c.interpretation.includes('H') || c.interpretation.includes('HH')) ? false : verdict;
}

export function isHypocalcaemia(c: CalciumMeasurement): boolean {
  return lowCalciumVerdict(c) === true;
}

/** The value can decide the card's "Tjek, at der Ikke er hypocalcæmi" (l. 42). */
export function decidesCalciumCheck(c: CalciumMeasurement): boolean {
  return lowCalciumVerdict(c) !== undefined;
}

/**
 * The calcium results of the latest day that can decide the check (any kind of that day, so a
 * normal total calcium does not hide a low ionised one taken with it), whatever its age.
 */
function latestCalciumDay(calcium: readonly CalciumMeasurement[], today: LocalDate, decides: (c: CalciumMeasurement) => boolean): readonly CalciumMeasurement[] {
  return sameDayAs(calcium, latestDeciding(calcium, today, decides));
}

/** The low calcium results of the latest day with a calcium that can tell, whatever its age. */
export function latestLowCalciums(calcium: readonly CalciumMeasurement[], today: LocalDate): readonly CalciumMeasurement[] {
  return latestCalciumDay(calcium, today, decidesCalciumCheck).filter(isHypocalcaemia);
}

/**
 * The low calcium of the latest day with a calcium that can tell, whatever its age. The card's
 * check before every antiresorptive dose (l. 42, 75, 80).
 */
export function latestLowCalcium(calcium: readonly CalciumMeasurement[], today: LocalDate): CalciumMeasurement | undefined {
  return latestCalciumDay(calcium, today, decidesCalciumCheck).find(isHypocalcaemia);
}

/**
 * A calcium of the newest day within `days` that can decide "no hypocalcaemia" (any kind of that
 * day); undefined when that day holds only bounds that cannot ("<2.40"): the check is not current.
 */
export function currentCalcium(calcium: readonly CalciumMeasurement[], today: LocalDate, days: number): CalciumMeasurement | undefined {
  return sameDayAs(calcium, latestWithin(calcium, today, days)).find(decidesCalciumCheck);
}

/** The card's checks before a start that general practice corrects first (l. 42-43), and the values that failed. */
export interface CorrectFirst {
  readonly reasons: readonly ('hypocalcaemia' | 'vitamin-d-low')[];
  /** The low calcium of the latest calcium day, whatever its age. */
  readonly calcium?: CalciumMeasurement;
  /** A current 25-OH-D (within `vitaminDDays`) at or below 50 nmol/L. */
  readonly vitaminD?: Measurement;
}

/** "Tjek, at der Ikke er hypocalcæmi", "Tjek, at P-25-OH-Vit.D > 50 nmol/L": what fails of the two. */
export function correctBeforeStart(labs: { readonly calcium: readonly CalciumMeasurement[]; readonly vitaminD: readonly Measurement[] }, today: LocalDate, vitaminDDays: number): CorrectFirst {
  const calcium = latestLowCalcium(labs.calcium, today);
  const current = currentDeciding(labs.vitaminD, today, vitaminDDays, decidesVitaminDCheck);
  const vitaminD = current !== undefined && atOrBelow(current, VITAMIN_D_LIMIT) ? current : undefined;
  return {
    reasons: [...(calcium === undefined ? [] : ['hypocalcaemia' as const]), ...(vitaminD === undefined ? [] : ['vitamin-d-low' as const])],
    ...(calcium === undefined ? {} : { calcium }),
    ...(vitaminD === undefined ? {} : { vitaminD }),
  };
}

/**
 * Above the lab's range (or flagged H/HH); without one: total/corrected > 2.51, ionised > 1.32.
 * ">V" is high when V is at least the upper limit (">2.51": the lab could not say how far above, as
 * high as a plain 2.52), "≥V" when V is above it; "<V" / "≤V" is not high when V is at most the
 * limit; ">2.40" or "<2.60" cannot tell (undefined).
 */
export function highCalciumVerdict(c: CalciumMeasurement): boolean | undefined {
  if (c.interpretation.includes('H') || c.interpretation.includes('HH')) return true;
  const verdict = aboveLimit(c, c.referenceHigh ?? CALCIUM_HIGH_FALLBACK[c.kind]);
  // A bound the lab itself flags low ("<2.60", L) is not high.
  return verdict === undefined && (c.interpretation.includes('L') || c.interpretation.includes('LL')) ? false : verdict;
}

/** Above the upper limit: ">2.51" is (the lab could not say how far above: as high as a plain 2.52). */
function aboveLimit(c: CalciumMeasurement, high: number): boolean | undefined {
  switch (c.comparator) {
    case undefined:
      return c.value > high;
    case '>':
      return c.value >= high ? true : undefined;
    case '>=':
      return c.value > high ? true : undefined;
    case '<':
    case '<=':
      return c.value <= high ? false : undefined;
  }
}

export function isHypercalcaemia(c: CalciumMeasurement): boolean {
  return highCalciumVerdict(c) === true;
}

const decidesHigh = (c: CalciumMeasurement): boolean => highCalciumVerdict(c) !== undefined;

/** The high calcium results of the latest day with a calcium that can tell (any kind of that day), whatever its age. */
export function latestHighCalciums(calcium: readonly CalciumMeasurement[], today: LocalDate): readonly CalciumMeasurement[] {
  return latestCalciumDay(calcium, today, decidesHigh).filter(isHypercalcaemia);
}

/** The high calcium of the latest day with a calcium that can tell (any kind of that day), whatever its age. */
export function latestHighCalcium(calcium: readonly CalciumMeasurement[], today: LocalDate): CalciumMeasurement | undefined {
  return latestCalciumDay(calcium, today, decidesHigh).find(isHypercalcaemia);
}
