/**
 * Labs and vitals: a value in the canonical unit of its measure with its date, reference range,
 * interpretation and source code — or an `unusable` entry saying why not (no value, a number we
 * cannot read, no date, a unit we cannot convert). Labs are filed by family with the keys `onePerDay` needs.
 */
// Not through terminology/index.js (see values.ts): the facts stage is bundled for the browser too.
import type { Measure } from '../terminology/schema.js';
import { CANONICAL_UNIT } from '../terminology/units.js';
import { get, str } from './accessors.js';
import { clockTimeAsTaken } from '../time/local-date.js';
import { LAB_MEASURE, type CodeReading, type VitalKind } from './observation-codes.js';
import type { ObservationFacts, UnusableConcept } from './observation-facts.js';
import { SortKey } from './dated.js';
import type { BoneMarkerMeasurement, CalciumKind, CalciumMeasurement, InterpretationCode, LabKind, Measurement, Ref, ReportedValue, Sex } from './types.js';
import { interpretationCodes, premenopausalMean, readValue, referenceRange, shownUnit, unreadableText, type RawValue, type WhenObserved } from './values.js';
import type { JsonObject } from '../shared/json.js';

const CALCIUM_KIND: Readonly<Record<'calcium-total' | 'calcium-corrected' | 'calcium-ionised', CalciumKind>> = {
  'calcium-total': 'total',
  'calcium-corrected': 'corrected',
  'calcium-ionised': 'ionised',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Body measures a person can have, in canonical units (cm, kg, kg/m²). Outside them the unit the
 * value was read in cannot be the one it was written in — NPU03794 is in metres, and "164" sent
 * with it and no unit is centimetres (terminology.md: check the value against the unit the code
 * implies) — so it is a value in an unknown unit, not 164 m of height loss [choice].
 */
const PLAUSIBLE: Readonly<Partial<Record<Measure, readonly [number, number]>>> = { height: [50, 250], weight: [15, 350], bmi: [8, 80] };

function plausible(measure: Measure, value: number): boolean {
  const bounds = PLAUSIBLE[measure];
  return bounds === undefined || (value >= bounds[0] && value <= bounds[1]);
}

/** Longer than this, a unit is no unit a card can quote (the value still counts, converted). */
const REPORTED_UNIT_MAX = 16;

/**
 * The value as written, when reading it changed the number (mg/dL → mmol/L, ng/mL → nmol/L): a US
 * clinician checks "8.4 mg/dL", not "2.096 mmol/L" alone. The UCUM code (which the conversion
 * recognised) before the free-text unit.
 */
function reportedValue(raw: RawValue, value: number): ReportedValue | undefined {
  if (value === raw.value) return undefined;
  const unit = raw.code ?? raw.unit;
  return unit === undefined || unit.length > REPORTED_UNIT_MAX ? undefined : { value: raw.value, unit };
}

/** The lab's flag on a result without a number: "L" alone still says the calcium is low. */
function flagOf(codes: readonly InterpretationCode[]): 'low' | 'high' | undefined {
  if (codes.includes('L') || codes.includes('LL')) return 'low';
  if (codes.includes('H') || codes.includes('HH')) return 'high';
  return undefined;
}

/**
 * A measurement in canonical units, or an `unusable` entry explaining why not. `coding` is the
 * coding `reading` was found by; the measurement is not shared yet, its family may add to it.
 */
function readMeasurement(
  concept: UnusableConcept,
  measure: Measure,
  element: JsonObject,
  reading: CodeReading,
  coding: object,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  sex?: Sex,
): Mutable<Measurement> | undefined {
  const raw = readValue(element);
  if (raw === undefined) {
    // A number written so we cannot read it ("eGFR 30", "- 30") is a result: named, never passed over for an older one.
    const text = unreadableText(element);
    if (text !== undefined) {
      out.unusable.push(when === undefined ? { concept, reason: 'no-date', ref } : { concept, reason: 'unreadable', text, ref, date: when.date });
      return undefined;
    }
    const flag = flagOf(interpretationCodes(element));
    out.unusable.push({ concept, reason: 'no-value', ref, ...(when === undefined ? {} : { date: when.date }), ...(flag === undefined ? {} : { flag }) });
    return undefined;
  }
  if (when === undefined) {
    const unit = shownUnit(raw);
    out.unusable.push({ concept, reason: 'no-date', ref, ...(unit === undefined ? {} : { unit }) });
    return undefined;
  }
  const value = reading.canonical(measure, raw);
  if (value === undefined || !plausible(measure, value)) {
    const unit = shownUnit(raw);
    out.unusable.push({ concept, reason: 'unknown-unit', ref, date: when.date, ...(unit === undefined ? {} : { unit }) });
    return undefined;
  }
  const range = referenceRange(element, measure, raw, reading.match?.binding.impliedUnit, sex);
  const m: Mutable<Measurement> = {
    value,
    unit: CANONICAL_UNIT[measure],
    date: when.date,
    ref,
    code: reading.sourceCodeOf(coding),
    interpretation: interpretationCodes(element),
  };
  if (raw.comparator !== undefined) m.comparator = raw.comparator;
  const reported = reportedValue(raw, value);
  if (reported !== undefined) m.reported = reported;
  if (range.low !== undefined) m.referenceLow = range.low;
  if (range.high !== undefined) m.referenceHigh = range.high;
  return m;
}

/**
 * Card page 2, l. 145 "CTX skal tages fastende før kl. 10": CTX falls through the day and after a
 * meal, so a sample taken later reads low. A CTX whose sample time (`effective[x]`, not `issued`:
 * when the lab answered) is 10:00 or later on the patient's own clock carries that time — the clock
 * the time is written in when it has a UTC offset of its own (a US "08:00-04:00" is fasting),
 * Danish time when it is written in UTC ('Z'), as written with no zone (`clockTimeAsTaken`); the
 * bone-marker flow does not let it show a response (rules/follow-up/bone-markers.ts). One with no
 * time is fasting.
 */
const CTX_FASTING_BEFORE = '10:00';

function notFastingTime(obs: JsonObject): string | undefined {
  const taken = str(obs.effectiveDateTime) ?? str(get(obs.effectivePeriod, 'start')) ?? str(obs.effectiveInstant);
  const time = taken === undefined ? undefined : clockTimeAsTaken(taken);
  return time !== undefined && time >= CTX_FASTING_BEFORE ? time : undefined;
}

/** A lab result, filed by family with its sort keys (`reading.lab` is `lab`). */
export function readLab(
  lab: LabKind,
  reading: CodeReading,
  obs: JsonObject,
  element: JsonObject,
  coding: object,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  order: number,
  sex: Sex | undefined,
): void {
  const measure = LAB_MEASURE[lab];
  const measurement = readMeasurement(lab, measure, element, reading, coding, ref, when, out, sex);
  if (measurement === undefined || when === undefined) return;
  const issued = str(obs.issued);
  const rank = reading.match?.binding.sameDayRank ?? 0;
  switch (lab) {
    case 'calcium-total':
    case 'calcium-corrected':
    case 'calcium-ionised': {
      const item = measurement as Mutable<CalciumMeasurement>;
      item.kind = CALCIUM_KIND[lab];
      out.labs.calcium.push(new SortKey<CalciumMeasurement>(item, when, order, issued));
      return;
    }
    case 'p1np':
    case 'ctx': {
      const item = measurement as Mutable<BoneMarkerMeasurement>;
      item.marker = lab;
      const late = lab === 'ctx' ? notFastingTime(obs) : undefined;
      if (late !== undefined) item.notFastingAt = late;
      // The value is read again only when there is a range to take a mean from.
      const raw = element.referenceRange === undefined ? undefined : readValue(element);
      const mean = raw === undefined ? undefined : premenopausalMean(element, measure, raw, reading.match?.binding.impliedUnit);
      if (mean !== undefined) item.premenopausalMean = mean;
      out.labs.boneMarkers.push(new SortKey<BoneMarkerMeasurement>(item, when, order, issued));
      return;
    }
    case 'egfr':
    case 'creatinine':
    case 'albumin':
      out.labs[lab].push(new SortKey<Measurement>(measurement, when, order, issued, rank));
      return;
    case 'vitamin-d':
      out.labs.vitaminD.push(new SortKey<Measurement>(measurement, when, order, issued, rank));
      return;
  }
}

/** A vital sign (height, weight, BMI), filed with its sort keys. */
export function readVital(
  vital: VitalKind,
  reading: CodeReading,
  element: JsonObject,
  coding: object,
  ref: Ref,
  when: WhenObserved | undefined,
  out: ObservationFacts,
  order: number,
): void {
  const measurement = readMeasurement(vital, vital, element, reading, coding, ref, when, out);
  if (measurement !== undefined && when !== undefined) out.vitals[vital].push(new SortKey<Measurement>(measurement, when, order, undefined));
}
