/**
 * Labs and vitals: a value in the canonical unit of its measure with its date, reference range,
 * interpretation and source code — or an `unusable` entry saying why not (no value, no date, a unit
 * we cannot convert). Labs are filed by family with the keys `onePerDay` needs.
 */
// Not through terminology/index.js (see values.ts): the facts stage is bundled for the browser too.
import type { Measure } from '../terminology/schema.js';
import type { CodingMatch } from '../terminology/terminology.js';
import { CANONICAL_UNIT } from '../terminology/units.js';
import { getStr } from './accessors.js';
import type { ObservationFacts, UnusableConcept } from './observation-facts.js';
import { sourceCodeOf } from './source-codes.js';
import type { Sorted } from './dated.js';
import type { BoneMarkerMeasurement, CalciumKind, CalciumMeasurement, LabKind, Measurement, Ref } from './types.js';
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
  coding: object,
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
    code: sourceCodeOf(coding),
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
  coding: object,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  order: number,
): void {
  const measurement = readMeasurement(lab, lab, element, match, coding, ref, when, out);
  if (measurement === undefined || when === undefined) return;
  // The family's fields are added to the measurement itself (it is not shared yet): no copies.
  const issued = getStr(obs, 'issued');
  switch (lab) {
    case 'calcium-total':
    case 'calcium-corrected':
    case 'calcium-ionised': {
      const item: CalciumMeasurement = Object.assign(measurement, { kind: CALCIUM_KIND[lab] });
      out.labs.calcium.push(sortKeys(item, when, order, issued));
      return;
    }
    case 'p1np':
    case 'ctx': {
      const raw = readValue(element);
      const mean = raw === undefined ? undefined : premenopausalMean(element, LAB_MEASURE[lab], raw, match.binding.impliedUnit);
      const item: { -readonly [K in keyof BoneMarkerMeasurement]: BoneMarkerMeasurement[K] } = Object.assign(measurement, { marker: lab });
      if (mean !== undefined) item.premenopausalMean = mean;
      out.labs.boneMarkers.push(sortKeys(item, when, order, issued));
      return;
    }
    case 'egfr':
    case 'creatinine':
    case 'albumin':
      out.labs[lab].push(sortKeys(measurement, when, order, issued));
      return;
    case 'vitamin-d':
      out.labs.vitaminD.push(sortKeys(measurement, when, order, issued));
      return;
  }
}

function sortKeys<T>(item: T, when: WhenObserved, order: number, issued: string | undefined): Sorted<T>[number] {
  const entry: Sorted<T>[number] = { item, date: when.date, raw: when.raw, order };
  if (issued !== undefined) entry.issued = issued;
  return entry;
}

/** A vital sign (height, weight, BMI), filed with its sort keys. */
export function readVital(
  vital: 'height' | 'weight' | 'bmi',
  element: JsonObject,
  match: CodingMatch,
  coding: object,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  order: number,
): void {
  const measurement = readMeasurement(vital, vital, element, match, coding, ref, when, out);
  if (measurement !== undefined && when !== undefined) out.vitals[vital].push(sortKeys(measurement, when, order, undefined));
}
