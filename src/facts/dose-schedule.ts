/**
 * How often a drafted dose is given (rules.md section 4, `rx-dose-interval`): the dose per
 * administration and the days between administrations. Read from the dosage's FHIR Timing —
 * `repeat.frequency` / `period` / `periodUnit` (DSTU2 `periodUnits`; a daily rhythm kept to the
 * `dayOfWeek` listed: "1 per 1 d" on Mondays is weekly, dosage.ts `frequencyPerDay`), else `timing.code` (QD, BID, WK, …), else the count
 * of `repeat.dayOfWeek` (per week) or `timeOfDay` / `when` (per day) — and from the dosage text
 * only as a last resort ("1 tablet dagligt", "once weekly", "hver 6. måned"). Nothing is invented:
 * a schedule the dosage does not state stays unknown, and text naming two different schedules is
 * unknown too.
 */
import type { JsonObject } from '../shared/json.js';
import { administrationsPerDay, doseQuantityOf, firstLines, lineDose, type Strength } from './dosage.js';

export interface DoseSchedule {
  /** mg per administration: the dose quantity, else the units the text names, else one unit of the product's strength [choice]. */
  readonly doseMg?: number;
  /** Days between administrations (1 = daily, 7 = weekly), when the dosage says. */
  readonly intervalDays?: number;
}

/**
 * The schedule of the dosage lines that apply first: administrations of lines given together add
 * up (morning and evening is twice a day), the dose is the largest single dose among them.
 */
export function doseSchedule(lines: readonly JsonObject[], strength: Strength): DoseSchedule {
  const current = firstLines(lines);
  if (current.length === 0) return {};
  let perDay: number | undefined = 0;
  let doseMg: number | undefined;
  for (const line of current) {
    const p = administrationsPerDay(line);
    perDay = perDay === undefined || p === undefined || p <= 0 ? undefined : perDay + p;
    // The dose quantity, else the units the text names ("2 tabletter"), else one unit.
    const mg = lineDose(line, strength)?.mg ?? (doseQuantityOf(line) === undefined ? strength.mg : undefined);
    if (mg !== undefined && (doseMg === undefined || mg > doseMg)) doseMg = mg;
  }
  return {
    ...(doseMg === undefined ? {} : { doseMg }),
    ...(perDay === undefined || perDay <= 0 ? {} : { intervalDays: Math.round((1 / perDay) * 1e4) / 1e4 }),
  };
}
