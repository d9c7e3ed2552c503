/**
 * Labs and vitals: a value in the canonical unit of its measure with its date, reference range,
 * interpretation and source code — or an `unusable` entry saying why not (no value, no date, a unit
 * we cannot convert). Labs are filed by family with the keys `onePerDay` needs.
 */
import { CANONICAL_UNIT, type CodingMatch, type Measure } from '../terminology/index.js';
import type { Coding } from './accessors.js';
import { getStr } from './accessors.js';
import type { ObservationFacts, UnusableConcept } from './observation-facts.js';
import { sourceCode } from './source-codes.js';
import type { CalciumKind, LabKind, Measurement, Ref } from './types.js';
import { canonicalValue, interpretationCodes, premenopausalMean, readValue, referenceRange, shownUnit, type WhenObserved } from './values.js';
import type { JsonObject } from '../shared/json.js';

const CALCIUM_KIND: Readonly<Record<'calcium-total' | 'calcium-corrected' | 'calcium-ionised', CalciumKind>> = {
  'calcium-total': 'total',
  'calcium-corrected': 'corrected',
  'calcium-ionised': 'ionised',
};

const LAB_MEASURE: Readonly<Record<LabKind, Measure>> = {
  egfr: 'egfr',
  creatinine: 'creatinine',
  'calcium-total': 'calcium',
  'calcium-corrected': 'calcium',
  'calcium-ionised': 'calcium',
  'vitamin-d': 'vitamin-d',
  p1np: 'p1np',
  ctx: 'ctx',
  albumin: 'albumin',
};

/** A measurement in canonical units, or an `unusable` entry explaining why not. */
export function readMeasurement(
  concept: UnusableConcept,
  measureOf: LabKind | 'height' | 'weight' | 'bmi',
  element: JsonObject,
  match: CodingMatch,
  coding: Coding,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
): Measurement | undefined {
  const measure: Measure = measureOf === 'height' || measureOf === 'weight' || measureOf === 'bmi' ? measureOf : LAB_MEASURE[measureOf];
  const raw = readValue(element);
  if (raw === undefined) {
    out.unusable.push({ concept, reason: 'no-value', ref, ...(when === undefined ? {} : { date: when.date }) });
    return undefined;
  }
  if (when === undefined) {
    const unit = shownUnit(raw);
    out.unusable.push({ concept, reason: 'no-date', ref, ...(unit === undefined ? {} : { unit }) });
    return undefined;
  }
  const implied = match.binding.impliedUnit;
  const value = canonicalValue(measure, raw, implied);
  if (value === undefined) {
    const unit = shownUnit(raw);
    out.unusable.push({ concept, reason: 'unknown-unit', ref, date: when.date, ...(unit === undefined ? {} : { unit }) });
    return undefined;
  }
  const range = referenceRange(element, measure, raw, implied);
  const m: { -readonly [K in keyof Measurement]: Measurement[K] } = {
    value,
    unit: CANONICAL_UNIT[measure],
    date: when.date,
    ref,
    code: sourceCode(coding),
    interpretation: interpretationCodes(element),
  };
  if (raw.comparator !== undefined) m.comparator = raw.comparator;
  if (range.low !== undefined) m.referenceLow = range.low;
  if (range.high !== undefined) m.referenceHigh = range.high;
  return m;
}

export function readLab(
  lab: LabKind,
  obs: JsonObject,
  element: JsonObject,
  match: CodingMatch,
  coding: Coding,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  order: number,
): void {
  const measurement = readMeasurement(lab, lab, element, match, coding, ref, when, out);
  if (measurement === undefined || when === undefined) return;
  const issued = getStr(obs, 'issued');
  const keys = { date: when.date, raw: when.raw, order, ...(issued === undefined ? {} : { issued }) };
  switch (lab) {
    case 'calcium-total':
    case 'calcium-corrected':
    case 'calcium-ionised':
      out.labs.calcium.push({ item: { ...measurement, kind: CALCIUM_KIND[lab] }, ...keys });
      return;
    case 'p1np':
    case 'ctx': {
      const raw = readValue(element);
      const mean = raw === undefined ? undefined : premenopausalMean(element, LAB_MEASURE[lab], raw, match.binding.impliedUnit);
      out.labs.boneMarkers.push({ item: { ...measurement, marker: lab, ...(mean === undefined ? {} : { premenopausalMean: mean }) }, ...keys });
      return;
    }
    case 'egfr':
    case 'creatinine':
    case 'albumin':
      out.labs[lab].push({ item: measurement, ...keys });
      return;
    case 'vitamin-d':
      out.labs.vitaminD.push({ item: measurement, ...keys });
      return;
  }
}

/** A vital sign (height, weight, BMI), filed with its sort keys. */
export function readVital(
  vital: 'height' | 'weight' | 'bmi',
  element: JsonObject,
  match: CodingMatch,
  coding: Coding,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  order: number,
): void {
  const measurement = readMeasurement(vital, vital, element, match, coding, ref, when, out);
  if (measurement !== undefined && when !== undefined) out.vitals[vital].push({ item: measurement, date: when.date, raw: when.raw, order });
}
