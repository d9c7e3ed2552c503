/**
 * Tolerant reading of untrusted FHIR JSON. Every accessor checks the type of what it reads and
 * returns `undefined` (or an empty list) for anything unexpected, so no shape of input can make the
 * facts stage throw: a `category` object where an array belongs, a number sent as a string, `null`.
 */
import { isRecord, type JsonObject } from '../shared/json.js';

const NONE: readonly unknown[] = Object.freeze([]);

/** `{ date }` when there is one, else nothing (optional fields are left out, never undefined). */
export function withDate<D extends string>(date: D | undefined): { date?: D } {
  return date === undefined ? {} : { date };
}

/** Doses and strengths to 4 decimals, so 0.75 mg × 6.67 compares as the card's numbers do. */
export function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}

/**
 * A table entry by a key that comes from the data: own properties only, so "constructor" or
 * "__proto__" in a resource never reaches `Object.prototype`.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** `o[key]` when `o` is an object. */
export function get(o: unknown, key: string): unknown {
  return isRecord(o) ? o[key] : undefined;
}

/** The object at `o[key]`, if it is one. */
export function getObject(o: unknown, key: string): JsonObject | undefined {
  const v = get(o, key);
  return isRecord(v) ? v : undefined;
}

/** A list: an array as it is, a single value as a one-element list, nothing as empty. */
export function list(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return NONE;
  return [value];
}

const NO_OBJECTS: readonly JsonObject[] = Object.freeze([]);

/** The objects of `o[key]`, accepting an object where an array belongs. */
export function objects(o: unknown, key: string): readonly JsonObject[] {
  const v = get(o, key);
  if (isRecord(v)) return [v];
  if (!Array.isArray(v) || v.length === 0) return NO_OBJECTS;
  // The usual list holds objects only: read-only, it can be handed out as it is.
  let i = 0;
  while (i < v.length && isRecord(v[i])) i++;
  if (i === v.length) return v as JsonObject[];
  const out: JsonObject[] = v.slice(0, i) as JsonObject[];
  for (; i < v.length; i++) {
    const item: unknown = v[i];
    if (isRecord(item)) out.push(item);
  }
  return out;
}

/** A non-empty trimmed string. */
/**
 * Free text is read up to this many characters [choice]: the words the facts stage looks for sit
 * at the start of a name or note, and every pattern then runs on a bounded text however long the
 * record's text is.
 */
export const FREE_TEXT_LIMIT = 1000;

/** Free text cut to FREE_TEXT_LIMIT before any pattern is matched against it. */
export function cutText(text: string): string {
  return text.length > FREE_TEXT_LIMIT ? text.slice(0, FREE_TEXT_LIMIT) : text;
}

export function str(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first > 32 && last > 32) return value; // nothing to trim (the common case)
  const t = value.trim();
  return t === '' ? undefined : t;
}

export function getStr(o: unknown, key: string): string | undefined {
  return str(get(o, key));
}

/** A finite number; also a numeric string ("5", "2,45" with a Danish decimal comma). */
export function num(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseNumber(value);
  return undefined;
}

const NUMBER_RE = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal string strictly (no trailing text); a comma is a decimal separator. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (!NUMBER_RE.test(t)) return undefined;
  const n = Number(t.replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

export function getNum(o: unknown, key: string): number | undefined {
  return num(get(o, key));
}

export function getBool(o: unknown, key: string): boolean | undefined {
  const v = get(o, key);
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** A coding as far as it can be read. */
export interface Coding {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

/**
 * The codings of a CodeableConcept (or of a bare Coding, or a list of either). Walked with index
 * loops and no one-element list for the usual single concept: this runs for every coded resource.
 */
export function codings(concept: unknown): readonly Coding[] {
  let out: Coding[] | undefined;
  if (Array.isArray(concept)) {
    for (let i = 0; i < concept.length; i++) out = conceptCodings(out, concept[i]);
  } else {
    out = conceptCodings(out, concept);
  }
  return out ?? NO_CODINGS;
}

const NO_CODINGS: readonly Coding[] = Object.freeze([]);

/** Adds the codings of one concept; the list is made with its first coding (one is the usual count). */
function conceptCodings(out: Coding[] | undefined, cc: unknown): Coding[] | undefined {
  if (!isRecord(cc)) return out;
  const inner = cc.coding;
  if (inner === undefined && (cc.code !== undefined || cc.system !== undefined)) {
    return pushCoding(out, cc); // a bare Coding where a CodeableConcept belongs
  }
  if (Array.isArray(inner)) {
    for (let i = 0; i < inner.length; i++) {
      const c: unknown = inner[i];
      if (isRecord(c)) out = pushCoding(out, c);
    }
    return out;
  }
  return isRecord(inner) ? pushCoding(out, inner) : out; // a single Coding where a list belongs
}

function pushCoding(out: Coding[] | undefined, c: JsonObject): Coding[] | undefined {
  const system = str(c.system);
  const code = typeof c.code === 'number' ? String(c.code) : str(c.code);
  const displayText = str(c.display);
  const display = displayText === undefined ? undefined : cutText(displayText);
  if (system === undefined && code === undefined && display === undefined) return out;
  const coding: { system?: string; code?: string; display?: string } = {};
  if (system !== undefined) coding.system = system;
  if (code !== undefined) coding.code = code;
  if (display !== undefined) coding.display = display;
  if (out === undefined) return [coding];
  out.push(coding);
  return out;
}

/** `text` of a CodeableConcept (first one when a list was sent). */
export function conceptText(concept: unknown): string | undefined {
  if (!Array.isArray(concept)) {
    const t = getStr(concept, 'text');
    return t === undefined ? undefined : cutText(t);
  }
  for (let i = 0; i < concept.length; i++) {
    const t = getStr(concept[i], 'text');
    if (t !== undefined) return cutText(t);
  }
  return undefined;
}

/** All human text of a CodeableConcept: its text and the displays of its codings, lower-cased. */
export function conceptWords(concept: unknown): string {
  // Joined as it goes (one part is the usual count): no list of parts per concept.
  let words = conceptText(concept);
  const list = codings(concept);
  for (let i = 0; i < list.length; i++) {
    const display = list[i]?.display;
    if (display !== undefined) words = words === undefined ? display : `${words} | ${display}`;
  }
  return words === undefined ? '' : words.toLowerCase();
}

/** Codes of a CodeableConcept (any system), upper-cased. */
export function codesOf(concept: unknown): readonly string[] {
  const out: string[] = [];
  for (const c of codings(concept)) if (c.code !== undefined) out.push(c.code.toUpperCase());
  return out;
}

/** A status-like value: a plain code, or the first code of a CodeableConcept (R4 clinicalStatus). */
export function statusCode(value: unknown): string | undefined {
  const plain = str(value);
  if (plain !== undefined) return lowerCase(plain);
  for (const c of codings(value)) if (c.code !== undefined) return lowerCase(c.code);
  const text = conceptText(value);
  return text === undefined ? undefined : lowerCase(text);
}

/** `s.toLowerCase()`, without a new string for one that has no capital letter (statuses are sent lower-case). */
export function lowerCase(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return s.toLowerCase();
  }
  return s;
}

/** `reference` of a Reference. */
export function reference(value: unknown): string | undefined {
  return getStr(value, 'reference');
}

/** The text of `note[]` entries, lower-cased and joined. */
export function noteText(resource: unknown): string {
  const parts: string[] = [];
  for (const n of objects(resource, 'note')) {
    const t = getStr(n, 'text');
    if (t !== undefined) parts.push(cutText(t));
  }
  return parts.join(' | ').toLowerCase();
}

/** Extensions of an element (object-or-array tolerant). */
export function extensions(element: unknown): readonly JsonObject[] {
  return objects(element, 'extension');
}

/** A resource id that can appear in a reference: `[A-Za-z0-9\-.]{1,64}` (checked by hand: once per resource). */
export function resourceId(resource: unknown): string | undefined {
  return fhirId(get(resource, 'id'));
}

/** `resourceId` of a resource's `id` value, read by the caller. */
export function fhirId(id: unknown): string | undefined {
  const s = typeof id === 'number' ? String(id) : str(id);
  return s !== undefined && isFhirId(s) ? s : undefined;
}

function isFhirId(s: string): boolean {
  if (s.length > 64) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // 0-9, A-Z, a-z, '-', '.'
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46)) return false;
  }
  return s.length > 0;
}

/** `Type/id` at the end of a reference: relative, an absolute URL, with or without `/_history/<version>`. */
const TYPED_REFERENCE = /(?:^|\/)([A-Za-z]+)\/([^/]+)(?:\/_history\/[^/]*)?$/;

/** The id a reference names for a resource of `type` (`Patient/7`, `https://x/fhir/Patient/7/_history/2`), if it names one. */
export function referencedId(reference: string, type: string): string | undefined {
  const m = TYPED_REFERENCE.exec(reference);
  return m?.[1] === type ? m[2] : undefined;
}
