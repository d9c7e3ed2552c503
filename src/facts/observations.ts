/**
 * Observations → labs, vitals, DXA results and lifestyle findings, in canonical units, each with its
 * date and reference. A value that cannot be used (unknown unit, no value, no date) is reported in
 * `unusable`, never guessed (rules.md section 1, "A value in an unknown unit is not used").
 */
// Not through terminology/index.js (see values.ts): the facts stage is bundled for the browser too.
import type { Measure } from '../terminology/schema.js';
import type { CodingMatch, Terminology } from '../terminology/terminology.js';
import { CANONICAL_UNIT } from '../terminology/units.js';
import type { LocalDate } from '../time/local-date.js';
import { codings, conceptWords, get, getStr, lookup, objects, type Coding } from './accessors.js';
import { dxaSiteFromText } from './body-sites.js';
import { DXA_CONCEPTS, LAB_CONCEPTS, LIFESTYLE, VITAL_CONCEPTS, type ScoreKind } from './concepts.js';
import type { Entry } from './context.js';
import type {
  BoneMarkerMeasurement,
  CalciumKind,
  CalciumMeasurement,
  DxaScore,
  DxaSite,
  LabKind,
  Measurement,
  Performer,
  Ref,
  SourceCode,
  UnusableValue,
} from './types.js';
import {
  canonicalValue,
  instantOf,
  interpretationCodes,
  observationDate,
  premenopausalMean,
  readValue,
  referenceRange,
  shownUnit,
  type RawValue,
  type WhenObserved,
} from './values.js';
import type { JsonObject } from '../shared/json.js';

/** A DXA result before grouping into scans. */
export interface DxaResult extends DxaScore {
  readonly score: ScoreKind;
  readonly performer?: Performer;
}

export interface Dated<T> {
  readonly value: T;
  readonly date?: LocalDate;
  /** The dateTime as sent, for the order within a day. */
  readonly raw?: string;
  readonly ref: Ref;
}

export interface ObservationFacts {
  readonly labs: {
    readonly egfr: Sorted<Measurement>;
    readonly creatinine: Sorted<Measurement>;
    readonly vitaminD: Sorted<Measurement>;
    readonly albumin: Sorted<Measurement>;
    readonly calcium: Sorted<CalciumMeasurement>;
    readonly boneMarkers: Sorted<BoneMarkerMeasurement>;
  };
  readonly vitals: Readonly<Record<'height' | 'weight' | 'bmi', Sorted<Measurement>>>;
  readonly unusable: UnusableValue[];
  readonly dxa: DxaResult[];
  /** Smoking statuses: current or not. */
  readonly smoking: Dated<boolean>[];
  /** Alcohol intake in units (12 g) per day. */
  readonly alcohol: Dated<number>[];
  /** Falls screening answers: falls reported or not. */
  readonly falls: Dated<boolean>[];
  /** Menopause recorded as an Observation (code or value). */
  readonly menopause: Dated<true>[];
}

/** Items with their sort keys, sorted once at the end (`issued`: the Observation's, for same-day duplicates). */
export type Sorted<T> = { item: T; date: LocalDate; raw: string; order: number; instant?: number; issued?: string }[];

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

const T_SCORE_TEXT = /\bt[- ]?score|\bt[- ]?værdi/;
const Z_SCORE_TEXT = /\bz[- ]?score|\bz[- ]?værdi/;
const YES_TEXT = /^(?:yes|ja|true)$/;
const CURRENT_SMOKER_TEXT = /ryger dagligt|dagligryger|daglig ryger|current (?:every day |some day )?smoker|smokes (?:tobacco )?daily|\bryger\b|\bsmoker\b/;
const NOT_CURRENT_SMOKER_TEXT =
  /ikke[- ]?ryger|tidligere ryger|eks[- ]?ryger|ex[- ]?ryger|aldrig røget|har aldrig røget|never smoke|never smoked|ex[- ]?smoker|former smoker|non[- ]?smoker|ikke-ryger|quit smoking|stopped smoking|holdt op med at ryge/;

export function emptyObservationFacts(): ObservationFacts {
  return {
    labs: { egfr: [], creatinine: [], vitaminD: [], albumin: [], calcium: [], boneMarkers: [] },
    vitals: { height: [], weight: [], bmi: [] },
    unusable: [],
    dxa: [],
    smoking: [],
    alcohol: [],
    falls: [],
    menopause: [],
  };
}

/** Reads one Observation (and its components) into `out`. */
export function readObservation(entry: Entry, t: Terminology, out: ObservationFacts, order: number): void {
  const obs = entry.resource;
  const when = observationDate(obs);
  const performer = performerOf(obs);
  readElement(obs, obs, entry.ref, when, performer, t, out, order);
  if (obs.component === undefined) return;
  for (const component of objects(obs, 'component')) readElement(component, obs, entry.ref, when, performer, t, out, order);
}

interface Classified {
  readonly match: CodingMatch;
  readonly coding: Coding;
}

/** The first coding of an element's code that matches an observation or answer concept. */
function classify(code: unknown, t: Terminology): Classified | undefined {
  // The hot path of the stage: raw codings are matched first, a Coding is built only for a hit.
  const inner = get(code, 'coding');
  if (Array.isArray(inner)) {
    for (const raw of inner) {
      const match = firstObservationMatch(t.matchCoding(get(raw, 'system'), get(raw, 'code')));
      if (match !== undefined) return { match, coding: codings(raw)[0] ?? {} };
    }
    return undefined;
  }
  for (const coding of codings(code)) {
    const match = firstObservationMatch(t.matchCoding(coding.system, coding.code));
    if (match !== undefined) return { match, coding };
  }
  return undefined;
}

function firstObservationMatch(matches: readonly CodingMatch[]): CodingMatch | undefined {
  for (const match of matches) if (match.kind === 'observation' || match.kind === 'answer' || match.concept === 'menopause') return match;
  return undefined;
}

/**
 * Source codes repeat on every result of a lab: one frozen object per system and code, looked up
 * without building a key string (this was a tenth of the stage). The display kept is the first
 * one seen for the code — it only labels the code.
 */
const SOURCE_CODES = new Map<string, Map<string, SourceCode>>();
const SOURCE_CODES_LIMIT = 5000;
let sourceCodeCount = 0;

function sourceCode(coding: Coding | undefined, fallbackText?: string): SourceCode {
  if (coding?.system !== undefined && coding.code !== undefined) {
    let bySystem = SOURCE_CODES.get(coding.system);
    const known = bySystem?.get(coding.code);
    if (known !== undefined) return known;
    const out: { system: string; code: string; display?: string } = { system: coding.system, code: coding.code };
    if (coding.display !== undefined) out.display = coding.display;
    if (sourceCodeCount >= SOURCE_CODES_LIMIT) {
      SOURCE_CODES.clear();
      sourceCodeCount = 0;
      bySystem = undefined;
    }
    if (bySystem === undefined) {
      bySystem = new Map();
      SOURCE_CODES.set(coding.system, bySystem);
    }
    bySystem.set(coding.code, Object.freeze(out));
    sourceCodeCount += 1;
    return out;
  }
  return { system: coding?.system ?? 'urn:osteo-cds:text', code: coding?.code ?? 'text', ...(fallbackText === undefined ? {} : { display: fallbackText }) };
}

function readElement(
  element: JsonObject,
  obs: JsonObject,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  t: Terminology,
  out: ObservationFacts,
  order: number,
): void {
  const classified = classify(element.code, t);
  if (classified === undefined) {
    readUncodedDxa(element, obs, ref, when, performer, out);
    return;
  }
  const { match, coding } = classified;
  const id = match.concept;
  const lab = lookup(LAB_CONCEPTS, id);
  if (lab !== undefined) {
    readLab(lab, obs, element, match, coding, ref, when, out, order);
    return;
  }
  const vital = lookup(VITAL_CONCEPTS, id);
  if (vital !== undefined) {
    const measurement = readMeasurement(vital, vital, element, match, coding, ref, when, out);
    if (measurement !== undefined && when !== undefined) out.vitals[vital].push({ item: measurement, date: when.date, raw: when.raw, order });
    return;
  }
  const dxa = lookup(DXA_CONCEPTS, id);
  if (dxa !== undefined) {
    const site = dxaSiteFromText(siteWords(element, obs)) ?? dxa.site;
    readDxa(dxa.score, site, element, match, coding, ref, when, performer, out);
    return;
  }
  switch (id) {
    case LIFESTYLE.smokingStatus:
      readSmokingStatus(element, t, ref, when, out);
      return;
    case LIFESTYLE.smokingCurrent:
    case LIFESTYLE.smokingNotCurrent:
      if (element === obs) pushDated(out.smoking, id === LIFESTYLE.smokingCurrent, ref, when);
      return;
    case LIFESTYLE.alcohol:
      readAlcohol(element, match, ref, when, out);
      return;
    case LIFESTYLE.falls:
      readFalls(element, t, ref, when, out);
      return;
    case 'menopause':
      pushDated(out.menopause, true, ref, when);
      return;
    default:
      if (isMenopauseValue(element, t)) pushDated(out.menopause, true, ref, when);
  }
}

function pushDated<T>(list: Dated<T>[], value: T, ref: Ref, when: WhenObserved | undefined): void {
  list.push({ value, ref, ...(when === undefined ? {} : { date: when.date, raw: when.raw }) });
}

function unusable(out: ObservationFacts, u: UnusableValue): void {
  out.unusable.push(u);
}

type UnusableConcept = UnusableValue['concept'];

/** A measurement in canonical units, or an `unusable` entry explaining why not. */
function readMeasurement(
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
    unusable(out, { concept, reason: 'no-value', ref, ...(when === undefined ? {} : { date: when.date }) });
    return undefined;
  }
  if (when === undefined) {
    const unit = shownUnit(raw);
    unusable(out, { concept, reason: 'no-date', ref, ...(unit === undefined ? {} : { unit }) });
    return undefined;
  }
  const implied = match.binding.impliedUnit;
  const value = canonicalValue(measure, raw, implied);
  if (value === undefined) {
    const unit = shownUnit(raw);
    unusable(out, { concept, reason: 'unknown-unit', ref, date: when.date, ...(unit === undefined ? {} : { unit }) });
    return undefined;
  }
  const range = referenceRange(element, measure, raw, implied);
  const m: { -readonly [K in keyof Measurement]: Measurement[K] } = {
    value,
    unit: canonicalUnitOf(measure),
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


function canonicalUnitOf(measure: Measure): string {
  return CANONICAL_UNIT[measure];
}

function readLab(
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

function readDxa(
  score: ScoreKind,
  site: DxaSite,
  element: JsonObject,
  match: CodingMatch | undefined,
  coding: Coding | undefined,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  out: ObservationFacts,
  fallbackText?: string,
): void {
  const concept: UnusableConcept = score;
  const raw: RawValue | undefined = readValue(element);
  if (raw === undefined) {
    unusable(out, { concept, reason: 'no-value', ref, ...(when === undefined ? {} : { date: when.date }) });
    return;
  }
  if (when === undefined) {
    unusable(out, { concept, reason: 'no-date', ref });
    return;
  }
  // T- and Z-scores are unitless, whatever unit (or none) is sent (rules.md section 1). BMD is converted to g/cm².
  const value = score === 'bmd' ? canonicalValue('bmd', raw, match?.binding.impliedUnit) : raw.value;
  if (value === undefined) {
    const unit = shownUnit(raw);
    unusable(out, { concept, reason: 'unknown-unit', ref, date: when.date, ...(unit === undefined ? {} : { unit }) });
    return;
  }
  out.dxa.push({
    score,
    site,
    value,
    date: when.date,
    ref,
    code: sourceCode(coding, fallbackText),
    significantDecrease: interpretationCodes(element).includes('D'),
    ...(performer === undefined ? {} : { performer }),
  });
}

/** Danish DXA results often arrive coded only by text or a local code: "T-score columna". */
function readUncodedDxa(
  element: JsonObject,
  obs: JsonObject,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  out: ObservationFacts,
): void {
  const words = conceptWords(element.code);
  if (words === '') return;
  const score: ScoreKind | undefined = T_SCORE_TEXT.test(words) ? 't-score' : Z_SCORE_TEXT.test(words) ? 'z-score' : undefined;
  if (score === undefined) return;
  const site = dxaSiteFromText(siteWords(element, obs)) ?? dxaSiteFromText(words) ?? 'other';
  const first = codings(element.code)[0];
  readDxa(score, site, element, undefined, first, ref, when, performer, out, getStr(element.code, 'text') ?? first?.display);
}

/** bodySite of the element (component) or of its Observation. */
function siteWords(element: JsonObject, obs: JsonObject): string {
  const own = conceptWords(element.bodySite);
  return own !== '' ? own : conceptWords(obs.bodySite);
}

function performerOf(obs: JsonObject): Performer | undefined {
  if (obs.performer === undefined) return undefined;
  for (const p of objects(obs, 'performer')) {
    const reference = getStr(p, 'reference');
    const display = getStr(p, 'display');
    if (reference !== undefined || display !== undefined) {
      return { ...(reference === undefined ? {} : { reference }), ...(display === undefined ? {} : { display }) };
    }
  }
  return undefined;
}

function answerConcepts(value: unknown, t: Terminology): Set<string> {
  const found = new Set<string>();
  for (const coding of codings(value)) for (const m of t.matchCoding(coding.system, coding.code)) found.add(m.concept);
  return found;
}

function isMenopauseValue(element: JsonObject, t: Terminology): boolean {
  return answerConcepts(element.valueCodeableConcept, t).has('menopause');
}

/** LOINC 72166-2: the answer (SNOMED/LOINC code, or text) says current smoker or not. */
function readSmokingStatus(element: JsonObject, t: Terminology, ref: Ref, when: WhenObserved | undefined, out: ObservationFacts): void {
  const concepts = answerConcepts(element.valueCodeableConcept, t);
  let current: boolean | undefined;
  if (concepts.has(LIFESTYLE.smokingCurrent)) current = true;
  else if (concepts.has(LIFESTYLE.smokingNotCurrent)) current = false;
  else {
    const text = `${conceptWords(element.valueCodeableConcept)} ${getStr(element, 'valueString')?.toLowerCase() ?? ''}`;
    if (NOT_CURRENT_SMOKER_TEXT.test(text)) current = false;
    else if (CURRENT_SMOKER_TEXT.test(text)) current = true;
  }
  if (current !== undefined) pushDated(out.smoking, current, ref, when);
}

/** LOINC 74013-4 drinks per day (US drinks of 14 g), or Danish units per week → units of 12 g per day. */
function readAlcohol(element: JsonObject, match: CodingMatch, ref: Ref, when: WhenObserved | undefined, out: ObservationFacts): void {
  const raw = readValue(element);
  if (raw === undefined) return;
  const value = canonicalValue('alcohol', raw, match.binding.impliedUnit);
  if (value === undefined) {
    const unit = shownUnit(raw);
    unusable(out, { concept: 'alcohol-intake', reason: 'unknown-unit', ref, ...(when === undefined ? {} : { date: when.date }), ...(unit === undefined ? {} : { unit }) });
    return;
  }
  if (when === undefined) {
    unusable(out, { concept: 'alcohol-intake', reason: 'no-date', ref });
    return;
  }
  pushDated(out.alcohol, Math.round(value * 100) / 100, ref, when);
}

/** LOINC 52552-7 falls in the past year: a count > 0, or a yes answer. */
function readFalls(element: JsonObject, t: Terminology, ref: Ref, when: WhenObserved | undefined, out: ObservationFacts): void {
  let reported: boolean | undefined;
  const raw = readValue(element);
  if (raw !== undefined) reported = raw.value > 0;
  else if (typeof element.valueBoolean === 'boolean') reported = element.valueBoolean;
  else if (element.valueCodeableConcept !== undefined) {
    const concepts = answerConcepts(element.valueCodeableConcept, t);
    const words = conceptWords(element.valueCodeableConcept);
    reported = concepts.has(LIFESTYLE.fallsYes) || YES_TEXT.test(words);
  }
  if (reported !== undefined) pushDated(out.falls, reported, ref, when);
}

/** Sorts newest first (by date, then time of day, then input order) and drops the sort keys. */
export function newestFirst<T>(items: Sorted<T>): T[] {
  const instant = (s: Sorted<T>[number]): number => (s.instant ??= instantOf(s.raw));
  items.sort((a, b) => (a.date === b.date ? instant(b) - instant(a) || a.order - b.order : a.date < b.date ? 1 : -1));
  return items.map((i) => i.item);
}

/**
 * rules.md section 1 (v2), same-day duplicates: results of one concept (`kindOf` splits a family,
 * e.g. total and ionised calcium) on one calendar day are one measurement — the later-issued one,
 * else the later id [choice]. So a copy is never a re-check, a baseline and a follow-up, or a
 * "fall" from itself. Returned newest first.
 */
export function onePerDay<T extends { readonly ref: Ref }>(items: Sorted<T>, kindOf: (item: T) => string = () => ''): T[] {
  const kept = new Map<string, Sorted<T>[number]>();
  for (const entry of items) {
    const key = `${entry.date}|${kindOf(entry.item)}`;
    const seen = kept.get(key);
    if (seen === undefined || laterCopy(entry, seen)) kept.set(key, entry);
  }
  return newestFirst([...kept.values()]);
}

function laterCopy<T extends { readonly ref: Ref }>(a: Sorted<T>[number], b: Sorted<T>[number]): boolean {
  const ia = instantOf(a.issued);
  const ib = instantOf(b.issued);
  if (ia !== ib) return ia > ib;
  return a.item.ref.localeCompare(b.item.ref, 'en', { numeric: true }) > 0;
}

/** The latest dated item of an unsorted list (undated items only when nothing is dated); rules' `latest` takes the head of a newest-first list. */
export function latestOfUnsorted<T>(items: readonly Dated<T>[]): Dated<T> | undefined {
  let best: Dated<T> | undefined;
  for (const item of items) {
    if (best === undefined) best = item;
    else if (item.date !== undefined && (best.date === undefined || item.date > best.date || (item.date === best.date && instantOf(item.raw) > instantOf(best.raw)))) best = item;
  }
  return best;
}
