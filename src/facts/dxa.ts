/**
 * DXA results and scans. Reading: a T-score, Z-score or BMD result coded by a bound concept (site
 * from the concept, a clear `bodySite` overriding it), or coded only by text ("T-score columna",
 * as Danish DXA often arrives); T- and Z-scores are unitless whatever unit is sent, BMD is
 * converted to g/cm² (rules.md section 1).
 *
 * Grouping: the DXA results of one day form one examination (`DxaScan`), newest first. A study
 * recorded as such (report Observation LOINC 38268-9) is an examination of its day even without
 * results: the scan was done, so follow-up DXA is not due again (its T-scores are then unknown).
 * A result whose number cannot be read ("T-score L1-L4 -2,6") is named as not used
 * (rules/unusable-values.ts) but is no scan: a scan known only by it would be the "latest DXA" with no
 * T-score, and the pause was then judged on an older hip, bone protection on "not below −1.0".
 * A Procedure (SNOMED CT 312681000) is not read: no prefetch key of the contract fetches Procedures.
 * The performer is the first result's performer with a reference or display (so follow-up can refer
 * to the same department, card page 2); `significantDecrease` = interpretation `D` on any result
 * (rules.md section 1, "Significant BMD fall").
 */
import type { CodingMatch } from '../terminology/index.js';
import type { LocalDate } from '../time/local-date.js';
import { codings, conceptWords, cutText, getStr, objects, type Coding } from './accessors.js';
import { dxaSiteFromText } from './body-sites.js';
import type { ScoreKind } from './concepts.js';
import type { DxaResult, DxaStudy, ObservationFacts, UnusableConcept } from './observation-facts.js';
import { sourceCode } from './source-codes.js';
import type { DxaScan, DxaScore, DxaSite, Performer, Ref } from './types.js';
import { canonicalValue, instantOf, interpretationCodes, readValue, shownUnit, unreadableText, type RawValue, type ValueReading, type WhenObserved } from './values.js';
import type { JsonObject } from '../shared/json.js';

const T_SCORE_TEXT = /\bt[- ]?score|\bt[- ]?værdi/;
const Z_SCORE_TEXT = /\bz[- ]?score|\bz[- ]?værdi/;

/**
 * A T- or Z-score written with its name ("T-score -2,6", "T: -2.6", "T-score: −2,6" — Danish DXA
 * arrives as report text) is read when the text holds that one number; a minus set apart from it
 * ("- 2,6") is its sign, as a score is mostly negative. The name of the other score is not read.
 */
const SCORE_READING: Readonly<Record<ScoreKind, ValueReading | undefined>> = {
  't-score': { label: /^t(?:[- ]?(?:score|værdi|vaerdi))?\s*(?:[:=]\s*)?/i, signed: true },
  'z-score': { label: /^z(?:[- ]?(?:score|værdi|vaerdi))?\s*(?:[:=]\s*)?/i, signed: true },
  bmd: undefined,
};

export function readDxa(
  score: ScoreKind,
  site: DxaSite,
  element: JsonObject,
  match: CodingMatch | undefined,
  coding: Coding | undefined,
  ref: Ref,
  when: WhenObserved | undefined,
  performer: Performer | undefined,
  issued: string | undefined,
  out: ObservationFacts,
  fallbackText?: string,
): void {
  const concept: UnusableConcept = score;
  const raw: RawValue | undefined = readValue(element, SCORE_READING[score]);
  if (raw === undefined) {
    const text = unreadableText(element);
    if (text !== undefined && when !== undefined) {
      out.unusable.push({ concept, reason: 'unreadable', text, ref, date: when.date });
      return;
    }
    out.unusable.push({ concept, reason: text === undefined ? 'no-value' : 'no-date', ref, ...(when === undefined ? {} : { date: when.date }) });
    return;
  }
  if (when === undefined) {
    out.unusable.push({ concept, reason: 'no-date', ref });
    return;
  }
  // T- and Z-scores are unitless, whatever unit (or none) is sent (rules.md section 1). BMD is converted to g/cm².
  const value = score === 'bmd' ? canonicalValue('bmd', raw, match?.binding.impliedUnit) : raw.value;
  if (value === undefined) {
    const unit = shownUnit(raw);
    out.unusable.push({ concept, reason: 'unknown-unit', ref, date: when.date, ...(unit === undefined ? {} : { unit }) });
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
    ...(issued === undefined ? {} : { issued }),
  });
}

/** Danish DXA results often arrive coded only by text or a local code: "T-score columna". */
export function readUncodedDxa(
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
  readDxa(score, site, element, undefined, first, ref, when, performer, getStr(obs, 'issued'), out, getStr(element.code, 'text') ?? first?.display);
}

/** bodySite of the element (component) or of its Observation. */
export function siteWords(element: JsonObject, obs: JsonObject): string {
  const own = conceptWords(element.bodySite);
  return own !== '' ? own : conceptWords(obs.bodySite);
}

/** The first performer with a reference or display (the DXA department). */
export function performerOf(obs: JsonObject): Performer | undefined {
  if (obs.performer === undefined) return undefined;
  for (const p of objects(obs, 'performer')) {
    const reference = getStr(p, 'reference');
    const display = getStr(p, 'display');
    if (reference !== undefined || display !== undefined) {
      // Built, not spread together: a literal opening with a spread costs microseconds in V8 11 (Node 20).
      const performer: { reference?: string; display?: string } = {};
      if (reference !== undefined) performer.reference = reference;
      // Shown on cards and in the overview: a display of megabytes is cut as free text is.
      if (display !== undefined) performer.display = cutText(display);
      return performer;
    }
  }
  return undefined;
}

/**
 * rules.md section 1, same-day duplicates: a result of the same score and site, the same day, issued
 * later (a corrected or amended report) replaces this one. Results without a later-issued copy all
 * stay (the diagnosis reads the lowest): those issued last (or with no issue time) per score and
 * site are kept — found in one pass, not by comparing every result of the day with every other.
 */
function latestIssued(day: readonly DxaResult[]): Set<DxaResult> {
  const latest = new Map<string, number>();
  const instants = day.map((r) => instantOf(r.issued));
  day.forEach((r, i) => {
    const key = `${r.score}|${r.site}`;
    const previous = latest.get(key);
    if (previous === undefined || instants[i]! > previous) latest.set(key, instants[i]!);
  });
  const kept = new Set<DxaResult>();
  day.forEach((r, i) => {
    if (instants[i]! >= (latest.get(`${r.score}|${r.site}`) ?? 0)) kept.add(r);
  });
  return kept;
}

export function groupScans(results: readonly DxaResult[], studies: readonly DxaStudy[] = []): DxaScan[] {
  const byDate = new Map<LocalDate, DxaResult[]>();
  for (const r of results) {
    const list = byDate.get(r.date);
    if (list === undefined) byDate.set(r.date, [r]);
    else list.push(r);
  }
  // A study with no results of its day is a scan still: done, values not on record.
  const studiesByDate = new Map<LocalDate, DxaStudy[]>();
  for (const s of studies) {
    if (!byDate.has(s.date)) byDate.set(s.date, []);
    const list = studiesByDate.get(s.date);
    if (list === undefined) studiesByDate.set(s.date, [s]);
    else list.push(s);
  }
  const dates = [...byDate.keys()].sort().reverse();
  return dates.map((date) => {
    const day = byDate.get(date) ?? [];
    const refs = new Set<Ref>();
    let performer: Performer | undefined;
    for (const r of day) {
      refs.add(r.ref);
      performer ??= r.performer;
    }
    for (const s of studiesByDate.get(date) ?? []) {
      refs.add(s.ref);
      performer ??= s.performer;
    }
    const kept = day.length > 1 ? latestIssued(day) : undefined;
    const of = (kind: DxaResult['score']): DxaScore[] =>
      day.filter((r) => r.score === kind && (kept === undefined || kept.has(r))).map((r) => ({ site: r.site, value: r.value, date: r.date, ref: r.ref, code: r.code, significantDecrease: r.significantDecrease }));
    const tScores = of('t-score');
    const zScores = of('z-score');
    const bmd = of('bmd');
    const significantDecrease = day.some((r) => r.significantDecrease);
    return performer === undefined
      ? { date, tScores, zScores, bmd, refs: [...refs], significantDecrease }
      : { date, performer, tScores, zScores, bmd, refs: [...refs], significantDecrease };
  });
}
