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
 * "Tjek, at eGFR > 35": true when the value is, or may be, at or below the limit. A reported ">90"
 * never is; a reported "<40" may be (the check "> 35" cannot be confirmed from it) [choice: the
 * safer reading, as ">30" counts as possibly ≤ 35]. A reported "≥35" includes exactly 35, which
 * fails "> 35": ">=" V may be at or below the limit when V ≤ limit (">" V only when V < limit).
 */
export function atOrBelow(m: Measurement, limit: number): boolean {
  if (m.comparator === '<' || m.comparator === '<=') return true;
  if (m.comparator === '>') return m.value < limit;
  if (m.comparator === '>=') return m.value <= limit;
  return m.value <= limit;
}

/**
 * Strictly below the limit ("eGFR < 30"), or may be (a reported "<V"). ">V" and "≥V" may be below
 * only when V < limit: "≥30" is not below 30, so they read as the plain number.
 */
export function below(m: Measurement, limit: number): boolean {
  if (m.comparator === '<' || m.comparator === '<=') return true;
  return m.value < limit;
}

/** The card's calcium limits when the lab gives no range (also drawn by the overview, src/overview). */
export const CALCIUM_LOW_FALLBACK = { total: 2.15, corrected: 2.15, ionised: 1.18 } as const;
export const CALCIUM_HIGH_FALLBACK = { total: 2.51, corrected: 2.51, ionised: 1.32 } as const;

/**
 * rules.md section 1 "Hypocalcaemia": below the lab's reference range on the Observation (or
 * flagged L/LL by the lab); without a range: total/corrected < 2.15 mmol/L, ionised < 1.18 mmol/L.
 */
export function isHypocalcaemia(c: CalciumMeasurement): boolean {
  if (c.interpretation.includes('L') || c.interpretation.includes('LL')) return true;
  if (c.comparator === '>' || c.comparator === '>=') return false;
  // A reported "<V" may be low whatever V: "no hypocalcaemia" (card l. 42) cannot be confirmed from it.
  if (c.comparator === '<' || c.comparator === '<=') return true;
  const low = c.referenceLow ?? CALCIUM_LOW_FALLBACK[c.kind];
  return c.value < low;
}

/**
 * The low calcium of the latest day with a calcium, whatever its age: any kind of that day, so a
 * normal total calcium does not hide a low ionised one taken with it. The card's check before
 * every antiresorptive dose (l. 42, 75, 80).
 */
export function latestLowCalcium(calcium: readonly CalciumMeasurement[], today: LocalDate): CalciumMeasurement | undefined {
  return sameDayAs(calcium, latest(calcium, today)).find(isHypocalcaemia);
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
  const current = latestWithin(labs.vitaminD, today, vitaminDDays);
  const vitaminD = current !== undefined && atOrBelow(current, VITAMIN_D_LIMIT) ? current : undefined;
  return {
    reasons: [...(calcium === undefined ? [] : ['hypocalcaemia' as const]), ...(vitaminD === undefined ? [] : ['vitamin-d-low' as const])],
    ...(calcium === undefined ? {} : { calcium }),
    ...(vitaminD === undefined ? {} : { vitaminD }),
  };
}

/** Above the lab's range (or flagged H/HH); without one: total/corrected > 2.51, ionised > 1.32. */
export function isHypercalcaemia(c: CalciumMeasurement): boolean {
  if (c.interpretation.includes('H') || c.interpretation.includes('HH')) return true;
  if (c.comparator === '<' || c.comparator === '<=') return false;
  const high = c.referenceHigh ?? CALCIUM_HIGH_FALLBACK[c.kind];
  // ">2.51" is above 2.51 (the lab could not say how far): as high as a plain 2.52.
  return c.comparator === '>' ? c.value >= high : c.value > high;
}

/** The high calcium of the latest day with a calcium (any kind of that day), whatever its age. */
export function latestHighCalcium(calcium: readonly CalciumMeasurement[], today: LocalDate): CalciumMeasurement | undefined {
  return sameDayAs(calcium, latest(calcium, today)).find(isHypercalcaemia);
}
