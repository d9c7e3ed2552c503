/**
 * Units: from what a lab sends (a UCUM code, or a human unit string such as "mikromol/L" or
 * "mL/min/1,73 m²") to the canonical unit of each measure, with exact factors
 * (docs/terminology.md section 8; rules.md section 1 "Units are normalised before comparison").
 *
 * A unit we do not recognise for the measure is never guessed: the caller gets `undefined` and
 * reports the value as unusable ('unknown-unit'). Matching is on whole normalised unit strings,
 * never on substrings (style.md "Things to avoid" 5).
 */
import type { Measure } from './schema.js';

export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** Canonical unit of each measure: the unit every fact of that measure is stated in. */
export const CANONICAL_UNIT: Readonly<Record<Measure, string>> = {
  egfr: 'mL/min/{1.73_m2}',
  creatinine: 'umol/L',
  calcium: 'mmol/L',
  'vitamin-d': 'nmol/L',
  albumin: 'g/L',
  p1np: 'ug/L',
  ctx: 'ug/L',
  height: 'cm',
  weight: 'kg',
  bmi: 'kg/m2',
  bmd: 'g/cm2',
  score: '1',
  alcohol: '{units}/d',
  count: '1',
};

/** Normalised unit tokens. */
type UnitToken =
  | 'nmol/L'
  | 'ng/mL'
  | 'ug/L'
  | 'ng/L'
  | 'pg/mL'
  | 'mg/dL'
  | 'mg/L'
  | 'mmol/L'
  | 'umol/L'
  | 'meq/L'
  | 'g/L'
  | 'g/dL'
  | 'mL/min/1.73m2'
  | 'mL/min'
  | 'cm'
  | 'm'
  | 'mm'
  | 'in'
  | 'ft'
  | 'kg'
  | 'g'
  | 'lb'
  | 'kg/m2'
  | 'g/cm2'
  | 'mg/cm2'
  | '1'
  | '{drinks}/d'
  | '{drinks}/wk'
  | '{units}/d'
  | '{units}/wk'
  | 'g/d'
  | 'g/wk';

/** Lower-cased, de-spaced spellings → token. Built from the list below. */
const SPELLINGS = new Map<string, UnitToken>();
function spell(token: UnitToken, ...spellings: string[]): void {
  for (const s of spellings) SPELLINGS.set(s, token);
}
spell('nmol/L', 'nmol/l');
spell('ng/mL', 'ng/ml');
spell('ug/L', 'ug/l', 'mcg/l');
spell('ng/L', 'ng/l');
spell('pg/mL', 'pg/ml');
spell('mg/dL', 'mg/dl', 'mg/100ml');
spell('mg/L', 'mg/l');
spell('mmol/L', 'mmol/l', 'mm/l');
spell('umol/L', 'umol/l');
spell('meq/L', 'meq/l');
spell('g/L', 'g/l');
spell('g/dL', 'g/dl', 'g/100ml');
spell('mL/min', 'ml/min');
spell('cm', 'cm', 'centimeter', 'centimetre', 'centimeters', 'centimetres');
spell('m', 'm', 'meter', 'metre', 'meters', 'metres');
spell('mm', 'mm');
spell('in', 'in', 'ini', 'inus', 'inch', 'inches');
spell('ft', 'ft', 'fti', 'feet', 'foot');
spell('kg', 'kg', 'kilogram', 'kilograms');
spell('g', 'g', 'gram', 'grams');
spell('lb', 'lb', 'lbs', 'lbav', 'pound', 'pounds');
spell('kg/m2', 'kg/m2', 'kg/msq', 'kg/sqm');
spell('g/cm2', 'g/cm2', 'g/sqcm');
spell('mg/cm2', 'mg/cm2');
spell('1', '1', '', 't-score', 'tscore', 'z-score', 'zscore', 'sd', 'score', '#', 'count', 'falls');
spell('{drinks}/d', 'drinks/d', 'drink/d', '/d', 'drinks/day', 'drink/day', '1/d', 'drinksperday');
spell('{drinks}/wk', 'drinks/wk', 'drink/wk', '/wk', 'drinks/week', 'drink/week', '1/wk', '/week', 'drinksperweek');
spell('{units}/d', 'units/d', 'unit/d', 'units/day', 'genstande/dag', 'genstand/dag', 'genstande/d', 'genstande/døgn');
spell('{units}/wk', 'units/wk', 'unit/wk', 'units/week', 'genstande/uge', 'genstand/uge', 'genstande/wk', 'genstande/week');
// Grams of alcohol (ethanol) a day or a week, as a questionnaire may record them.
spell('g/d', 'g/d', 'g/day', 'gram/d', 'gram/day', 'grams/day', 'g/dag', 'gram/dag', 'g/døgn');
spell('g/wk', 'g/wk', 'g/week', 'gram/wk', 'gram/week', 'grams/week', 'g/uge', 'gram/uge');

const EGFR_RE = /^ml\/min\/1\.73(?:m2|sqm|m)?$/;

/** Lower-case, de-space and spell out a unit string; exported for tests. */
export function unitKey(raw: string): string {
  return raw
    .normalize('NFC')
    .toLowerCase()
    .replace(/[µμ]/g, 'u')
    .replace(/mikro/g, 'u')
    .replace(/micro/g, 'u')
    .replace(/mcmol/g, 'umol')
    .replace(/mcg/g, 'ug')
    .replace(/nano/g, 'n')
    .replace(/milli/g, 'm')
    .replace(/litre|liter/g, 'l')
    .replace(/²/g, '2')
    .replace(/\^2/g, '2')
    .replace(/,/g, '.')
    .replace(/\sper\s/g, '/')
    .replace(/[\s{}[\]_*]/g, '');
}

/** Unit strings repeat in every lab feed: their tokens are remembered (bounded). */
const TOKEN_CACHE = new Map<string, UnitToken | null>();
const TOKEN_CACHE_LIMIT = 2000;

/** A unit string longer than this is none we read (the longest spelling is under 30): not normalised, not remembered. */
export const MAX_UNIT_CHARS = 100;

function tokenOf(raw: string): UnitToken | undefined {
  if (raw.length > MAX_UNIT_CHARS) return undefined;
  const cached = TOKEN_CACHE.get(raw);
  if (cached !== undefined) return cached ?? undefined;
  const key = unitKey(raw);
  const token = SPELLINGS.get(key) ?? (EGFR_RE.test(key) ? 'mL/min/1.73m2' : undefined);
  if (TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT) TOKEN_CACHE.clear();
  TOKEN_CACHE.set(raw, token ?? null);
  return token;
}

/** Factors to the canonical unit, per measure. `score` and `count` accept any unit. */
const FACTORS: Readonly<Record<Measure, ReadonlyMap<UnitToken, number>>> = {
  egfr: new Map<UnitToken, number>([
    ['mL/min/1.73m2', 1],
    // eGFR is by definition per 1.73 m²; Danish reports often print plain "mL/min" [choice].
    ['mL/min', 1],
  ]),
  creatinine: new Map<UnitToken, number>([
    ['umol/L', 1],
    ['mg/dL', 88.42],
    ['mmol/L', 1000],
  ]),
  calcium: new Map<UnitToken, number>([
    ['mmol/L', 1],
    ['mg/dL', 0.2495],
    ['meq/L', 0.5],
  ]),
  'vitamin-d': new Map<UnitToken, number>([
    ['nmol/L', 1],
    ['ng/mL', 2.496],
    ['ug/L', 2.496],
  ]),
  albumin: new Map<UnitToken, number>([
    ['g/L', 1],
    ['g/dL', 10],
  ]),
  p1np: new Map<UnitToken, number>([
    ['ug/L', 1],
    ['ng/mL', 1],
    ['ng/L', 0.001],
    // pg/mL = ng/L, as for CTX (terminology.md section 8).
    ['pg/mL', 0.001],
  ]),
  ctx: new Map<UnitToken, number>([
    ['ug/L', 1],
    ['ng/mL', 1],
    ['ng/L', 0.001],
    ['pg/mL', 0.001],
  ]),
  height: new Map<UnitToken, number>([
    ['cm', 1],
    ['m', 100],
    ['mm', 0.1],
    ['in', 2.54],
    ['ft', 30.48],
  ]),
  weight: new Map<UnitToken, number>([
    ['kg', 1],
    ['g', 0.001],
    ['lb', 0.45359237],
  ]),
  bmi: new Map<UnitToken, number>([['kg/m2', 1]]),
  bmd: new Map<UnitToken, number>([
    ['g/cm2', 1],
    ['mg/cm2', 0.001],
  ]),
  score: new Map<UnitToken, number>(),
  count: new Map<UnitToken, number>(),
  // Units of 12 g alcohol per day: a US drink is ~14 g (docs/terminology.md section 3).
  alcohol: new Map<UnitToken, number>([
    ['{units}/d', 1],
    ['{units}/wk', 1 / 7],
    ['{drinks}/d', 14 / 12],
    ['{drinks}/wk', 14 / 12 / 7],
    ['g/d', 1 / 12],
    ['g/wk', 1 / 12 / 7],
  ]),
};

/** Measures whose values are used whatever their unit (rules.md: T-scores are unitless). */
export function isUnitless(measure: Measure): boolean {
  return measure === 'score' || measure === 'count';
}

/**
 * The factor from a unit string to the canonical unit of `measure`, or undefined when the unit is
 * not one we know for that measure. Unitless measures take any unit (factor 1).
 */
export function conversionFactor(measure: Measure, unit: string): number | undefined {
  if (isUnitless(measure)) return 1;
  const token = tokenOf(unit);
  return token === undefined ? undefined : FACTORS[measure].get(token);
}

/** The unit of a FHIR Quantity: its UCUM code when the system is UCUM (or absent), else `unit`. */
export interface QuantityUnit {
  /** The unit string to convert from (UCUM code or human unit), when there is one. */
  readonly unit?: string;
  /** Both spellings, for the "unknown unit" message. */
  readonly shown?: string;
}

/**
 * Converts a value from the unit of a Quantity to the canonical unit of a measure. Tries the UCUM
 * code first and then the human `unit` string; `impliedUnit` (from the code binding) stands in only
 * when the quantity carries no unit at all.
 * @returns the converted value, or `undefined` when the unit is unknown (or missing and not implied).
 */
export function toCanonical(
  measure: Measure,
  value: number,
  units: { readonly code?: string; readonly system?: string; readonly unit?: string },
  impliedUnit?: string,
): number | undefined {
  return applyFactor(value, unitFactor(measure, units, impliedUnit));
}

/**
 * The factor `toCanonical` multiplies by (1 for a unitless measure), or `undefined` for an unknown
 * unit: a function of the measure, the quantity's unit fields and the implied unit alone, so a
 * caller reading many values in one unit can keep it.
 */
export function unitFactor(
  measure: Measure,
  units: { readonly code?: string; readonly system?: string; readonly unit?: string },
  impliedUnit?: string,
): number | undefined {
  if (isUnitless(measure)) return 1;
  // The UCUM code, then the human unit; the implied unit only when the quantity carries neither.
  const ucum = units.code !== undefined && (units.system === undefined || units.system === UCUM_SYSTEM) ? units.code : undefined;
  let factor = ucum === undefined ? undefined : conversionFactor(measure, ucum);
  if (factor === undefined && units.unit !== undefined) factor = conversionFactor(measure, units.unit);
  if (factor === undefined && ucum === undefined && units.unit === undefined && impliedUnit !== undefined) factor = conversionFactor(measure, impliedUnit);
  return factor;
}

/** A value times a `unitFactor` (undefined for an unknown unit). */
export function applyFactor(value: number, factor: number | undefined): number | undefined {
  if (factor === undefined) return undefined;
  return factor === 1 ? value : roundFloat(value * factor);
}

/** Removes binary floating-point noise (50 × 2.496 = 124.80000000000001 → 124.8). */
export function roundFloat(value: number): number {
  return Number(value.toPrecision(12));
}

/** Whether an implied unit in a binding is convertible for the measure (checked at load). */
export function isKnownUnit(measure: Measure, unit: string): boolean {
  return conversionFactor(measure, unit) !== undefined;
}
