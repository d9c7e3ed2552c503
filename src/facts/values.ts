/**
 * Observation values: the number, its comparator and unit (valueQuantity, valueInteger, or a
 * valueString such as "> 90", "=<35" or "<0,5 µg/L"), the reference range and interpretation codes,
 * and the date the value refers to.
 */
// Not through terminology/index.js: that also brings the file loader, and the overview app bundles the facts stage for the browser.
import type { Measure } from '../terminology/schema.js';
import { toCanonical } from '../terminology/units.js';
import { danishClockInstant, parseFhirDate, type LocalDate } from '../time/local-date.js';
import { codings, conceptText, conceptWords, cutText, get, getObject, getStr, lookup, num, objects, parseNumber, str } from './accessors.js';
import type { Comparator, InterpretationCode, Sex } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';

/**
 * A number as sent, with its comparator and unit (UCUM `code` + `system`, human `unit`). `readValue`
 * gives every field, undefined when not sent: one shape of object whatever was sent.
 */
export interface RawValue {
  readonly value: number;
  readonly comparator?: Comparator;
  readonly code?: string;
  readonly system?: string;
  readonly unit?: string;
}

// "=<" and "=>" are the legacy spellings of ≤ and ≥; "⩽" "⩾" the slanted signs a word processor sets.
const COMPARATORS: Readonly<Record<string, Comparator>> = { '<': '<', '<=': '<=', '=<': '<=', '>': '>', '>=': '>=', '=>': '>=', '≤': '<=', '≥': '>=', '⩽': '<=', '⩾': '>=' };

/**
 * The start of a trimmed valueString: comparator and number; the rest is the unit. A lone "=" is
 * no comparator ("=30" is 30).
 */
const VALUE_STRING_RE = /^(<=|>=|=<|=>|<|>|≤|≥|⩽|⩾|=)?\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))/;

const TYPOGRAPHIC_MINUS_RE = /^((?:<=|>=|=<|=>|<|>|≤|≥|⩽|⩾|=)?\s*)[\u2212\u2013]/;

/**
 * "ca. 30", "approx. 30", "~30": an approximate value is still the value [choice] — every result is
 * a measurement with its error, and a lab writing "ca." says no more than that; it is no bound.
 */
const APPROXIMATE_RE = /^(?:ca\.?|cirka|approx\.?|approximately|~|≈)\s*(?=[+\-\u2212\u2013\d.,])/i;

/** A minus set apart from its number ("- 2,6"): a sign only where the value may be negative. */
const SPACED_MINUS_RE = /^((?:<=|>=|=<|=>|<|>|≤|≥|⩽|⩾|=)?\s*)-\s+(?=[\d.,])/;

const NUMBER_RE = /\d+(?:[.,]\d+)?/g;

/**
 * How a valueString of one kind of result may be written beyond "<comparator><number> <unit>"
 * (a DXA score: dxa.ts). Labs get neither: a word before a lab's number is named, not guessed.
 */
export interface ValueReading {
  /** The words a result of this kind may open with ("T-score: −2,6"), read only when the text holds one number. */
  readonly label?: RegExp;
  /** The value may be negative: a minus set apart from its number ("- 2,6") is its sign. */
  readonly signed?: boolean;
}

/** The numeric value of an Observation (or of one of its components). */
export function readValue(element: JsonObject, reading?: ValueReading): RawValue | undefined {
  const q = element.valueQuantity;
  if (isRecord(q)) {
    const value = num(q.value);
    if (value === undefined) return undefined;
    const comparator = q.comparator === undefined ? undefined : lookup(COMPARATORS, str(q.comparator));
    const code = typeof q.code === 'number' ? String(q.code) : str(q.code);
    return { value, comparator, code, system: str(q.system), unit: str(q.unit) };
  }
  const integer = num(element.valueInteger) ?? num(element.valueDecimal);
  if (integer !== undefined) return { value: integer, comparator: undefined, code: undefined, system: undefined, unit: undefined };
  const text = str(element.valueString);
  return text === undefined ? undefined : readValueString(cutText(text).trim(), reading);
}

function readValueString(text: string, reading: ValueReading | undefined): RawValue | undefined {
  let rest = text;
  const label = reading?.label?.exec(rest)?.[0];
  if (label !== undefined && label !== '') {
    // "T-score -2,6" names its number; "T-score L1-L4 -2,6" or "T -2,6 / -1,9" leaves it open.
    if (numberCount(rest) !== 1) return undefined;
    rest = rest.slice(label.length);
  }
  const approximate = APPROXIMATE_RE.exec(rest)?.[0];
  if (approximate !== undefined) rest = rest.slice(approximate.length);
  // A typographic minus or en dash ("−2,9", "–2,9" from a word processor) is a minus sign.
  rest = rest.replace(TYPOGRAPHIC_MINUS_RE, '$1-');
  if (reading?.signed === true) rest = rest.replace(SPACED_MINUS_RE, '$1-');
  const m = VALUE_STRING_RE.exec(rest);
  if (m === null) return undefined;
  const value = parseNumber(m[2] ?? '');
  if (value === undefined) return undefined;
  const comparator = lookup(COMPARATORS, m[1]);
  const unit = str(rest.slice(m[0].length));
  return { value, comparator, code: undefined, system: undefined, unit };
}

function numberCount(text: string): number {
  let n = 0;
  NUMBER_RE.lastIndex = 0;
  while (NUMBER_RE.exec(text) !== null) n++;
  return n;
}

/** Longer than this, an unreadable text is shown cut (the card quotes it so the GP can find it). */
const SHOWN_TEXT_MAX = 40;

/**
 * A valueString holding a number that `readValue` could not read ("eGFR 30", "- 30" for a lab):
 * the result is there, so it is named as not used, never dropped without a word. A text with no
 * digit ("Se kommentar", "Annulleret") is no result.
 */
export function unreadableText(element: JsonObject): string | undefined {
  const text = str(element.valueString);
  if (text === undefined) return undefined;
  const shown = cutText(text).trim();
  if (!/\d/.test(shown)) return undefined;
  return shown.length > SHOWN_TEXT_MAX ? `${shown.slice(0, SHOWN_TEXT_MAX - 1)}…` : shown;
}

/** The unit as sent, for an "unknown unit" report. */
export function shownUnit(raw: RawValue): string | undefined {
  return raw.unit ?? raw.code;
}

/** Converts a raw value to the canonical unit of a measure; undefined when the unit is unknown. */
export function canonicalValue(measure: Measure, raw: RawValue, impliedUnit?: string): number | undefined {
  return toCanonical(measure, raw.value, raw, impliedUnit);
}

/** A dated Observation: the Danish calendar date, and the dateTime as sent (for same-day order). */
export interface WhenObserved {
  readonly date: LocalDate;
  readonly raw: string;
}

/** effectiveDateTime / effectivePeriod.start / effectiveInstant, else `issued`. */
export function observationDate(obs: JsonObject): WhenObserved | undefined {
  return (
    dated(obs.effectiveDateTime) ??
    dated(get(obs.effectivePeriod, 'start')) ??
    dated(obs.effectiveInstant) ??
    dated(get(obs.effectivePeriod, 'end')) ??
    dated(obs.issued)
  );
}

function dated(raw: unknown): WhenObserved | undefined {
  if (typeof raw !== 'string') return undefined;
  const date = parseFhirDate(raw);
  return date === undefined ? undefined : { date, raw };
}

/** The instant of a dateTime, for ordering results of one day (0 when it has no time). */
export function instantOf(raw: string | undefined): number {
  if (raw === undefined || raw.length <= 10) return 0;
  const t = raw.charCodeAt(10) === 84 && !hasZone(raw) ? danishClockInstant(raw) : Date.parse(raw);
  return Number.isNaN(t) ? 0 : t;
}

/** Ends in `Z` or `±hh:mm`. */
function hasZone(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  if (last === 90) return true;
  const sign = raw.charCodeAt(raw.length - 6);
  return (sign === 43 || sign === 45) && raw.charCodeAt(raw.length - 3) === 58;
}

const INTERPRETATIONS: ReadonlySet<string> = new Set<InterpretationCode>(['L', 'LL', 'H', 'HH', 'D', 'U', 'N', 'A']);

const NO_INTERPRETATION: readonly InterpretationCode[] = Object.freeze([]);

/** HL7 v3 interpretation codes we act on (`interpretation[].coding[].code`). */
export function interpretationCodes(element: JsonObject): readonly InterpretationCode[] {
  if (element.interpretation === undefined) return NO_INTERPRETATION;
  const out: InterpretationCode[] = [];
  for (const c of codings(element.interpretation)) {
    const code = c.code?.toUpperCase();
    if (code !== undefined && isInterpretation(code) && !out.includes(code)) out.push(code);
  }
  return out;
}

function isInterpretation(code: string): code is InterpretationCode {
  return INTERPRETATIONS.has(code);
}

export interface Range {
  readonly low?: number;
  readonly high?: number;
}

const PREMENOPAUSAL_RE = /pr(?:e|æ)-?menopaus/;

const NO_RANGE: Range = Object.freeze({});

/**
 * The lab's reference range for this patient, converted: one for the patient's sex (`appliesTo`
 * female or male: "Kvinder 2,20–2,55"), else the general one (no `appliesTo`). Not the one for
 * premenopausal women (the bone markers' mean), nor one for another group the service cannot
 * place the patient in (an age band, the other sex): the card's default limits apply then. A
 * range for women had been passed over as well, and a calcium of 2.18 below it was no hypocalcaemia.
 */
export function referenceRange(element: JsonObject, measure: Measure, raw: RawValue, impliedUnit?: string, sex?: Sex): Range {
  if (element.referenceRange === undefined) return NO_RANGE;
  let general: Range | undefined;
  for (const range of objects(element, 'referenceRange')) {
    if (isPremenopausalRange(range)) continue;
    const type = codings(range.type)[0]?.code;
    if (type !== undefined && type !== 'normal') continue;
    const forWhom = objects(range, 'appliesTo').length === 0 ? 'all' : rangeSex(range);
    if (forWhom === undefined || (forWhom !== 'all' && forWhom !== sex)) continue;
    const read = readRange(range, measure, raw, impliedUnit);
    if (read === undefined) continue;
    if (forWhom === sex) return read;
    general ??= read;
  }
  return general ?? NO_RANGE;
}

function readRange(range: JsonObject, measure: Measure, raw: RawValue, impliedUnit?: string): Range | undefined {
  const converted = convertRange(range, measure, raw, impliedUnit);
  if (converted.low !== undefined || converted.high !== undefined) return converted;
  return textRange(range, measure, raw, impliedUnit);
}

/** A concept's text or display that is a sex and nothing more ("Kvinder", "Female"): not "Gravide kvinder", "Kvinder 18-49 år". Not "men" or "man": Danish words ("but", "one"). */
const FEMALE_WORDS = /^(?:female|females|women|woman|kvinder|kvinde|kvindelig|kvindekøn)$/;
const MALE_WORDS = /^(?:male|males|mænd|mand|mandlig|mandekøn)$/;

/**
 * The sex a range is for, when it is for a sex and nothing else: every `appliesTo` concept a sex
 * by its administrative-gender code or by words that say only that, the same sex throughout, and
 * no `age` band; else undefined (a range for pregnant women or an age band is not the patient's).
 */
function rangeSex(range: JsonObject): 'female' | 'male' | undefined {
  if (range.age !== undefined) return undefined;
  let out: 'female' | 'male' | undefined;
  for (const concept of objects(range, 'appliesTo')) {
    const sex = conceptSex(concept);
    if (sex === undefined || (out !== undefined && out !== sex)) return undefined;
    out = sex;
  }
  return out;
}

/** Sex codes: administrative-gender (female, male), v2/v3 (F, M), and SNOMED CT Female/Male (FHIR's `referencerange-appliesto` value set). */
const FEMALE_CODES: ReadonlySet<string> = new Set(['female', 'f', '248152002']);
const MALE_CODES: ReadonlySet<string> = new Set(['male', 'm', '248153007']);

function wordsSex(text: string | undefined): 'female' | 'male' | 'other' | undefined {
  if (text === undefined) return undefined;
  // A SNOMED CT term's semantic tag ("Female (finding)") says nothing more; any other bracket
  // ("Kvinder (gravide)", "Female (child)") says who among them, and the range is not hers.
  const words = text.trim().toLowerCase().replace(/ ?\((?:finding|qualifier value)\)$/, '');
  return FEMALE_WORDS.test(words) ? 'female' : MALE_WORDS.test(words) ? 'male' : 'other';
}

function conceptSex(concept: JsonObject): 'female' | 'male' | undefined {
  const found = new Set<'female' | 'male' | 'other'>();
  for (const c of codings(concept)) {
    const code = c.code?.toLowerCase();
    const display = wordsSex(c.display);
    // A code the service does not know says what its display says; a display saying more ("Female (pregnant)") is more.
    if (code !== undefined) found.add(FEMALE_CODES.has(code) ? 'female' : MALE_CODES.has(code) ? 'male' : (display ?? 'other'));
    if (display !== undefined) found.add(display);
  }
  const text = wordsSex(conceptText(concept));
  if (text !== undefined) found.add(text);
  if (found.size !== 1 || found.has('other')) return undefined;
  return found.has('female') ? 'female' : 'male';
}

const TEXT_RANGE_RE = /(?<!\d)(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)\s*([^\s\d;,()][^\s;,()]*)?/;

/**
 * A range the lab gives only as text ("2,20 - 2,55 mmol/L"): rules.md section 1 "below the lab's
 * reference range on the Observation". In the unit the text names, else the value's own; a unit
 * the service does not know leaves the range unread (the card's default limits apply).
 */
function textRange(range: JsonObject, measure: Measure, raw: RawValue, impliedUnit?: string): Range | undefined {
  const m = TEXT_RANGE_RE.exec(cutText(getStr(range, 'text') ?? ''));
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const a = parseNumber(m[1]);
  const b = parseNumber(m[2]);
  if (a === undefined || b === undefined || a > b) return undefined;
  const unit = m[3];
  const inUnit = (value: number): number | undefined => (unit === undefined ? canonicalValue(measure, { ...raw, value }, impliedUnit) : canonicalValue(measure, { value, unit }));
  const low = inUnit(a);
  const high = inUnit(b);
  return low === undefined || high === undefined ? undefined : { low, high };
}

function isPremenopausalRange(range: JsonObject): boolean {
  const text = `${cutText(getStr(range, 'text') ?? '')} ${conceptWords(range.appliesTo)}`.toLowerCase();
  return PREMENOPAUSAL_RE.test(text);
}

function convertRange(range: JsonObject, measure: Measure, raw: RawValue, impliedUnit?: string): Range {
  const low = boundOf(getObject(range, 'low'), measure, raw, impliedUnit);
  const high = boundOf(getObject(range, 'high'), measure, raw, impliedUnit);
  // Built, not spread together: a literal opening with a spread costs microseconds in V8 11 (Node 20).
  const out: { low?: number; high?: number } = {};
  if (low !== undefined) out.low = low;
  if (high !== undefined) out.high = high;
  return out;
}

/** A range bound in its own unit, or (without one) in the unit of the value. */
function boundOf(q: JsonObject | undefined, measure: Measure, raw: RawValue, impliedUnit?: string): number | undefined {
  if (q === undefined) return undefined;
  const value = num(q.value);
  if (value === undefined) return undefined;
  const code = str(q.code);
  const unit = str(q.unit);
  if (code === undefined && unit === undefined) return canonicalValue(measure, { ...raw, value }, impliedUnit);
  return canonicalValue(measure, { value, code, unit });
}

const MEAN_RE = /(?:mean|middelværdi|middel|gennemsnit(?:lig)?|gns\.?)\s*(?:værdi\s*)?(?:[:=]\s*)?(\d+(?:[.,]\d+)?)/;
// Numbers start where a digit run starts: otherwise a long run of digits is tried from every one of its digits.
const INTERVAL_RE = /(?<!\d)(\d+(?:[.,]\d+)?)\s*[-–]\s*(\d+(?:[.,]\d+)?)/;

/**
 * The premenopausal mean a lab states on a bone-marker Observation (rules.md section 1): from a
 * `referenceRange` whose `appliesTo` or `text` names premenopausal women. A mean stated in the text
 * ("middelværdi 35") wins; otherwise the midpoint of the range's low and high (or of an interval
 * written in the text, "præmenopausale kvinder: 20-76") [choice].
 */
export function premenopausalMean(element: JsonObject, measure: Measure, raw: RawValue, impliedUnit?: string): number | undefined {
  for (const range of objects(element, 'referenceRange')) {
    if (!isPremenopausalRange(range)) continue;
    const text = cutText(getStr(range, 'text') ?? '').toLowerCase();
    const stated = MEAN_RE.exec(text);
    const inValueUnit = (v: number): number | undefined => canonicalValue(measure, { ...raw, value: v }, impliedUnit);
    if (stated?.[1] !== undefined) {
      const v = parseNumber(stated[1]);
      if (v !== undefined) return inValueUnit(v);
    }
    const { low, high } = convertRange(range, measure, raw, impliedUnit);
    if (low !== undefined && high !== undefined) return round3((low + high) / 2);
    const interval = INTERVAL_RE.exec(text);
    if (interval?.[1] !== undefined && interval[2] !== undefined) {
      const a = parseNumber(interval[1]);
      const b = parseNumber(interval[2]);
      if (a !== undefined && b !== undefined) {
        const mid = inValueUnit((a + b) / 2);
        if (mid !== undefined) return round3(mid);
      }
    }
  }
  return undefined;
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
