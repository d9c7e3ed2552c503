/**
 * Dosage → daily dose in mg (and in product units: tablets, injections), and supply durations.
 *
 * A dose is read from `doseAndRate[].doseQuantity` (R4), `doseQuantity` (STU3 and DSTU2) or `dose`
 * (MedicationAdministration; DSTU2 `quantity`, DSTU2 MedicationStatement `quantityQuantity`); mg/g/µg convert directly, count units (tablet, {tbl}, stk, …, or no
 * unit [choice: Synthea sends none]) are multiplied by the product's strength, mL by its strength
 * per mL. Frequency comes from `timing.repeat` (frequency / period periodUnit — DSTU2 `periodUnits`,
 * see `periodUnitOf`), a timing code
 * (BID, TID, …) or the repeat's weekdays and times of day. A line with none of these is read from
 * its text (dosage-text.ts, dosage-amount.ts: "2 tabletter dagligt", "Take 7.5 mg by mouth once
 * daily"), the last resort. Nothing is invented: an unknown part gives an unknown dose.
 */
import { addDays, addMonths, daysBetween, parseFhirDate, type LocalDate } from '../time/local-date.js';
import { get, getNum, getObject, getStr, lookup, objects, round4, str } from './accessors.js';
import { boundsDurationOf, frequencyPerDay, perDayFromLists } from './timing.js';
import { amountsFromText } from './dosage-amount.js';
import { perDayFromText } from './dosage-text.js';
import type { JsonObject } from '../shared/json.js';
import type { DrugClass } from './types.js';
import { MAX_UNIT_CHARS } from '../terminology/units.js';

export interface Strength {
  readonly mg?: number;
  readonly perMl?: number;
}

export interface DailyDose {
  readonly mg?: number;
  /** Product units per day (tablets, injections), for quantity-based supply. */
  readonly units?: number;
}

const MASS: Readonly<Record<string, number>> = { mg: 1, g: 1000, ug: 0.001, mcg: 0.001, mikrog: 0.001, microgram: 0.001 };
const COUNT = new Set([
  '',
  '1',
  'tab',
  'tabs',
  'tablet',
  'tablets',
  'tablet(s)',
  'tabl',
  'tablett',
  'tabletter',
  'tbl',
  'pill',
  'pills',
  'cap',
  'caps',
  'capsule',
  'capsules',
  'kapsel',
  'kapsler',
  'kaps',
  'stk',
  'st',
  'piece',
  'each',
  'ea',
  'dose',
  'doses',
  'dosis',
  'brusetablet',
  'brusetabletter',
  'injection',
  'injektion',
  'inj',
  'syringe',
  'sprøjte',
  // A vial of zoledronic acid or denosumab is one dose (drafts.ts `scheduleStrength`).
  'vial',
  'vials',
  'hætteglas',
  'pen',
  'sachet',
  'brev',
  'count',
  '#',
]);

function unitKey(raw: string): string {
  // No unit we read is this long: not lower-cased and scanned whole, and a key of none (not '', a count).
  if (raw.length > MAX_UNIT_CHARS) return NO_UNIT;
  if (isPlainUnit(raw)) return raw; // "mg", "tablet": nothing to lower-case, replace or remove
  return raw
    .toLowerCase()
    .replace(/[µμ]/g, 'u')
    .replace(/[{}[\]\s]/g, '');
}

/** Only lower-case ASCII letters and digits. */
function isPlainUnit(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** mg per dose (and units per dose) of one dose quantity. */
export function doseOf(quantity: JsonObject | undefined, strength: Strength): { mg?: number; units?: number } | undefined {
  if (quantity === undefined) return undefined;
  const value = getNum(quantity, 'value');
  if (value === undefined || value < 0) return undefined;
  // The UCUM code first, then the human unit; neither: a count [choice: Synthea sends none].
  const code = getStr(quantity, 'code');
  const unit = getStr(quantity, 'unit');
  if (code === undefined && unit === undefined) return doseIn('', value, strength);
  return (code === undefined ? undefined : doseIn(unitKey(code), value, strength)) ?? (unit === undefined ? undefined : doseIn(unitKey(unit), value, strength));
}

/** The key of a unit string too long to be one (`MAX_UNIT_CHARS`): no mass, count or volume. */
const NO_UNIT = '\u0000';

/** mg and units of `value` in a unit (a `unitKey`); undefined when the unit is none we read. */
function doseIn(key: string, value: number, strength: Strength): { mg?: number; units?: number } | undefined {
  const mass = lookup(MASS, key);
  if (mass !== undefined) {
    const mg = value * mass;
    return strength.mg === undefined ? { mg } : { mg, units: mg / strength.mg };
  }
  if (COUNT.has(key)) return strength.mg === undefined ? { units: value } : { units: value, mg: value * strength.mg };
  if (key === 'ml') return strength.perMl === undefined ? {} : { mg: value * strength.perMl };
  return undefined;
}

/** A dosage line's text: what a prescriber wrote when the structure says nothing. */
function lineText(line: JsonObject): string | undefined {
  return getStr(line, 'text') ?? getStr(line, 'patientInstruction') ?? getStr(get(get(line, 'timing'), 'code'), 'text');
}

/**
 * Administrations per day of a dosage line: `timing.repeat` frequency / period, else a timing
 * code, else the count of `repeat.dayOfWeek` (per week) or `timeOfDay` / `when` (per day), else
 * the line's text (dosage-text.ts), the last resort.
 */
export function administrationsPerDay(line: JsonObject, timesOfDay = true): number | undefined {
  const timing = get(line, 'timing');
  const perDay = frequencyPerDay(timing) ?? perDayFromLists(timing);
  if (perDay !== undefined) return perDay;
  const text = lineText(line);
  return text === undefined ? undefined : perDayFromText(text, timesOfDay);
}

const NOT_DAILY: ReadonlySet<DrugClass> = new Set<DrugClass>(['oral-bisphosphonate', 'denosumab', 'zoledronic-acid']);

/**
 * Whether a text that names only times of the day ("1 tablet om morgenen") is read as daily for a
 * drug of this class when its supply and daily dose are worked out: not for the weekly, monthly
 * and yearly antiresorptives, whose texts often say only when in the day (read as daily, four
 * weekly tablets would be four days' supply and the course over). The draft's dosing check
 * (dose-schedule.ts) still reads such a text as daily: that is the error it exists to catch.
 */
export function timesOfDayMeanDaily(drugClass: DrugClass | undefined): boolean {
  return drugClass === undefined || !NOT_DAILY.has(drugClass);
}

/**
 * The dose of one administration: the dose quantity, else the amount its text names (`textDose`).
 * `rangeAtLow`: a dose range (`doseRange`, "1-2 tabletter") is read at its low end.
 */
export function lineDose(line: JsonObject, strength: Strength, rangeAtLow = false): { readonly mg?: number; readonly units?: number } | undefined {
  const quantity = doseQuantityAt(line, rangeAtLow);
  if (quantity !== undefined) return doseOf(quantity, strength);
  const text = lineText(line);
  return text === undefined ? undefined : textDose(text, strength, rangeAtLow);
}

/** The dose quantity, else with `rangeAtLow` the low end of a `doseRange` (R4 in `doseAndRate`, STU3 and DSTU2 on the line itself). */
function doseQuantityAt(line: JsonObject, rangeAtLow: boolean): JsonObject | undefined {
  const quantity = doseQuantityOf(line);
  if (quantity !== undefined || !rangeAtLow) return quantity;
  for (const dr of objects(line, 'doseAndRate')) {
    const low = getObject(getObject(dr, 'doseRange'), 'low');
    if (low !== undefined) return low;
  }
  return getObject(getObject(line, 'doseRange'), 'low');
}

/**
 * Glucocorticoids (card footnote *: "prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år"):
 * a dose written as a range counts at its low end — the exposure is at least that [choice: read as
 * no dose at all, "1-2 tabletter dagligt" of 10 mg prednisolone counted nothing]. Other drugs keep
 * an unknown dose for a range (nothing is invented).
 */
export function rangeAtLowFor(drugClass: DrugClass | undefined): boolean {
  return drugClass === 'glucocorticoid';
}

/**
 * The dose a text names: units × the strength ("2 tabletter"), mg as written ("Take 7.5 mg"), mL ×
 * the strength per mL ("Take 10 mL" of 15 MG/5ML = 30 mg; no strength per mL, no mg). Where the
 * text names more than one, they must agree ("2 tablets (10 mg)" of 5 mg) — except that a mg equal
 * to the strength beside a count names the tablet ("5 mg tablets: take 2 tablets" = 10 mg), and
 * without a known strength a mg beside a count other than 1 may be either: the mg stays unknown.
 * Disagreeing amounts ("1 tablet (7.5 mg)" of 5 mg tablets) give no dose.
 */
function textDose(text: string, strength: Strength, rangeAtLow: boolean): { readonly mg?: number; readonly units?: number } | undefined {
  const amounts = amountsFromText(text, rangeAtLow);
  if (amounts === undefined) return undefined;
  const { units, ml } = amounts;
  // "2 tabl. à 5 mg": the tablet's strength, written — the dose is units × it, with or without a known product strength.
  let mg = amounts.mgPerUnit !== undefined && units !== undefined && (strength.mg === undefined || strength.mg === amounts.mgPerUnit) ? units * amounts.mgPerUnit : amounts.mg;
  if (amounts.mgPerUnit !== undefined && strength.mg !== undefined && strength.mg !== amounts.mgPerUnit) return undefined;
  if (amounts.mgPerUnit !== undefined && mg !== undefined) return { mg: round4(mg), ...(units === undefined ? {} : { units: round4(units) }) };
  if (mg !== undefined && units !== undefined && units !== 1 && (strength.mg === undefined || mg === strength.mg)) mg = undefined;
  const doses: number[] = [];
  if (units !== undefined && strength.mg !== undefined) doses.push(units * strength.mg);
  if (mg !== undefined) doses.push(mg);
  if (ml !== undefined && strength.perMl !== undefined) doses.push(ml * strength.perMl);
  const first = doses[0];
  if (first === undefined) return units === undefined ? undefined : { units };
  if (doses.some((d) => Math.abs(d - first) > 1e-6 * first)) return undefined;
  const perUnit = units ?? (strength.mg === undefined ? undefined : first / strength.mg);
  return perUnit === undefined ? { mg: round4(first) } : { mg: round4(first), units: round4(perUnit) };
}

/**
 * The dose quantity of a dosage line: R4 doseAndRate, STU3 and DSTU2 doseQuantity on the line,
 * administration dose — and the DSTU2 names, administration `quantity` and statement
 * `quantityQuantity`, which no later version uses on a dosage (so no R4 field is misread).
 */
export function doseQuantityOf(line: JsonObject): JsonObject | undefined {
  for (const dr of objects(line, 'doseAndRate')) {
    const q = getObject(dr, 'doseQuantity');
    if (q !== undefined) return q;
  }
  return getObject(line, 'doseQuantity') ?? getObject(line, 'dose') ?? getObject(line, 'quantity') ?? getObject(line, 'quantityQuantity');
}

/** The dosage lines that apply first: the lowest `sequence` (lines sharing it, or without one, go together). */
export function firstLines(lines: readonly JsonObject[]): readonly JsonObject[] {
  if (lines.length <= 1) return lines;
  const sequences = lines.map((l) => getNum(l, 'sequence'));
  const first = sequences.reduce<number | undefined>((min, s) => (s === undefined ? min : min === undefined || s < min ? s : min), undefined);
  return lines.filter((_, i) => first === undefined || sequences[i] === undefined || sequences[i] === first);
}

/**
 * Daily dose over the dosage lines that apply first (lowest `sequence`; lines sharing it are taken
 * together, e.g. morning and evening). `perAdministration` reads a MedicationAdministration, whose
 * dose is what was given that day.
 */
export function dailyDose(lines: readonly JsonObject[], strength: Strength, perAdministration = false, timesOfDay = true, rangeAtLow = false): DailyDose {
  if (lines.length === 0) return {};
  // One line is one step: no taper to look for (most records).
  if (rangeAtLow && !perAdministration && lines.length > 1) {
    const steps = doseSteps(lines);
    if (steps.length > 1) return taperDose(steps, strength, timesOfDay);
  }
  return linesDose(firstLines(lines), strength, perAdministration, timesOfDay, rangeAtLow);
}

/**
 * The steps of a structured taper: the lines of each `sequence`, or, with no sequence, the lines of
 * each distinct `timing.repeat.bounds*` (lines without bounds go together: morning and evening).
 */
function doseSteps(lines: readonly JsonObject[]): (readonly JsonObject[])[] {
  const steps = new Map<string, JsonObject[]>();
  const anySequence = lines.some((l) => getNum(l, 'sequence') !== undefined);
  for (const line of lines) {
    const repeat = getObject(getObject(line, 'timing'), 'repeat');
    const key = anySequence ? String(getNum(line, 'sequence') ?? '') : JSON.stringify([repeat?.boundsPeriod, boundsDurationOf(repeat), repeat?.boundsRange]);
    const step = steps.get(key);
    if (step === undefined) steps.set(key, [line]);
    else step.push(line);
  }
  return [...steps.values()];
}

/**
 * Glucocorticoids: a structured taper whose every step says how long it lasts counts at its
 * duration-weighted mean — the course's total stays what the steps add up to (30 mg × 8 weeks then
 * 2.5 mg × 4 weeks is 1,750 mg); with a step of open length it counts at its lowest step, the
 * exposure being at least that, as a range counts at its low end (`rangeAtLowFor`) [choice: the
 * first step over the whole course counted a week of 20 mg as 84 days of it, and a false
 * "> 450 mg" started alendronate]. A step whose dose cannot be read is left out; none read, no dose.
 */
function taperDose(steps: readonly (readonly JsonObject[])[], strength: Strength, timesOfDay: boolean): DailyDose {
  let lowest: DailyDose | undefined;
  let mgDays = 0;
  let days = 0;
  let allTimed = true;
  for (const step of steps) {
    const dose = linesDose(step, strength, false, timesOfDay, true);
    if (dose.mg === undefined) {
      allTimed = false;
      continue;
    }
    const length = stepDays(step);
    if (length === undefined) allTimed = false;
    else {
      mgDays += dose.mg * length;
      days += length;
    }
    if (lowest?.mg === undefined || dose.mg < lowest.mg) lowest = dose;
  }
  if (allTimed && days > 0) return { mg: round4(mgDays / days) };
  return lowest ?? {};
}

/**
 * Days a taper written as numbered steps lasts: the steps (FHIR `Dosage.sequence`) are taken one
 * after another, so the course is their lengths added up — each step's `boundsDuration`, counted
 * from the end of the one before. Undefined unless every line has a sequence, there are two steps or
 * more and each has a duration (dated steps end where their `boundsPeriod` says). A prednisolone
 * 40-30-20-10 mg taper of 7 days a step had been planned as 7 days, and 700 mg as 175 mg.
 */
export function sequentialStepsDays(lines: readonly JsonObject[]): number | undefined {
  if (lines.length < 2 || lines.some((l) => getNum(l, 'sequence') === undefined)) return undefined;
  const steps = doseSteps(lines);
  if (steps.length < 2) return undefined;
  let days = 0;
  for (const step of steps) {
    if (getObject(getObject(getObject(step[0], 'timing'), 'repeat'), 'boundsPeriod') !== undefined) return undefined;
    const length = stepDays(step);
    if (length === undefined) return undefined;
    days += length;
  }
  return Math.min(Math.round(days), MAX_DAYS);
}

/** Days a taper step lasts: its `boundsDuration` (DSTU2 `boundsQuantity`), else its `boundsPeriod` (the lines of a step share it). */
function stepDays(step: readonly JsonObject[]): number | undefined {
  const repeat = getObject(getObject(step[0], 'timing'), 'repeat');
  const duration = readDuration(boundsDurationOf(repeat));
  if (duration !== undefined) return duration.value * APPROX_DAYS[duration.unit];
  const period = getObject(repeat, 'boundsPeriod');
  const start = parseFhirDate(getStr(period, 'start'));
  const end = parseFhirDate(getStr(period, 'end'));
  return start !== undefined && end !== undefined && end >= start ? daysBetween(start, end) + 1 : undefined;
}

function linesDose(current: readonly JsonObject[], strength: Strength, perAdministration: boolean, timesOfDay: boolean, rangeAtLow: boolean): DailyDose {
  let mg: number | undefined = 0;
  let units: number | undefined = 0;
  for (const line of current) {
    const dose = perAdministration ? doseOf(doseQuantityAt(line, rangeAtLow), strength) : lineDose(line, strength, rangeAtLow);
    const perDay = perAdministration ? 1 : administrationsPerDay(line, timesOfDay);
    if (dose === undefined || perDay === undefined) return {};
    mg = mg === undefined || dose.mg === undefined ? undefined : mg + dose.mg * perDay;
    units = units === undefined || dose.units === undefined ? undefined : units + dose.units * perDay;
  }
  const out: { mg?: number; units?: number } = {};
  if (mg !== undefined) out.mg = round4(mg);
  if (units !== undefined) out.units = round4(units);
  return out;
}

export type DurationUnit = 'd' | 'wk' | 'mo' | 'a';

const DURATION_UNITS: Readonly<Record<string, DurationUnit>> = {
  d: 'd',
  day: 'd',
  days: 'd',
  dag: 'd',
  dage: 'd',
  døgn: 'd',
  wk: 'wk',
  week: 'wk',
  weeks: 'wk',
  uge: 'wk',
  uger: 'wk',
  mo: 'mo',
  month: 'mo',
  months: 'mo',
  måned: 'mo',
  måneder: 'mo',
  a: 'a',
  yr: 'a',
  year: 'a',
  years: 'a',
  år: 'a',
};

export interface Duration {
  readonly value: number;
  readonly unit: DurationUnit;
}

/** A FHIR Duration (value + code/unit d, wk, mo, a). */
export function readDuration(value: unknown): Duration | undefined {
  const v = getNum(value, 'value');
  if (v === undefined || v <= 0) return undefined;
  const unitRaw = str(get(value, 'code')) ?? str(get(value, 'unit'));
  const unit = lookup(DURATION_UNITS, unitRaw?.toLowerCase());
  if (unit === undefined || v * APPROX_DAYS[unit] > MAX_DAYS) return undefined;
  return { value: v, unit };
}

/** Nothing is planned or supplied for more than 100 years: longer is garbage. */
export const MAX_DAYS = 36_525;
const APPROX_DAYS: Readonly<Record<DurationUnit, number>> = { d: 1, wk: 7, mo: 30.4375, a: 365.25 };

/** numberOfRepeatsAllowed, bounded (a garbage value must not push dates past year 9999). */
export function repeatsAllowed(dispense: unknown): number {
  const n = getNum(dispense, 'numberOfRepeatsAllowed');
  return n === undefined || n < 0 ? 0 : Math.min(Math.floor(n), 100);
}

/** The last day covered by `times` × a duration from `start` (inclusive: 30 days from 1 Jan is 30 Jan). */
export function lastDayOf(start: LocalDate, duration: Duration, times = 1): LocalDate {
  const amount = Math.min(duration.value * times, MAX_DAYS / APPROX_DAYS[duration.unit]);
  switch (duration.unit) {
    case 'd':
      return addDays(start, Math.max(1, Math.round(amount)) - 1);
    case 'wk':
      return addDays(start, Math.max(1, Math.round(amount * 7)) - 1);
    case 'mo':
    case 'a': {
      const months = duration.unit === 'a' ? amount * 12 : amount;
      if (Number.isInteger(months)) return addDays(addMonths(start, months), -1);
      return addDays(start, Math.max(1, Math.round(months * 30.4375)) - 1);
    }
  }
}

/** Days from `start` to an inclusive last day. */
export function inclusiveDays(start: LocalDate, last: LocalDate): number {
  return daysBetween(start, last) + 1;
}

/** Days of supply from a quantity of product units at a daily use of units. */
export function quantityDays(quantity: unknown, unitsPerDay: number | undefined): number | undefined {
  if (unitsPerDay === undefined || unitsPerDay <= 0) return undefined;
  const value = getNum(quantity, 'value');
  if (value === undefined || value <= 0) return undefined;
  const unit = unitKey(getStr(quantity, 'code') ?? getStr(quantity, 'unit') ?? '');
  if (!COUNT.has(unit)) return undefined;
  const days = Math.round(value / unitsPerDay);
  return days >= 1 && days < 36_525 ? days : undefined;
}
