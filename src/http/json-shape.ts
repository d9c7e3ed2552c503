/**
 * The shape of a JSON body read from its bytes, before `JSON.parse`: how deep it nests, whether a
 * string in it is longer than allowed, and how many elements the arrays near the top hold (the
 * prefetch Bundles' `entry`, the draft orders). `JSON.parse` cannot be interrupted: a body nested
 * 50,000 deep held the event loop for 30–70 ms in it, and 8,920 draft orders (3.7 MB) for 20–40 ms
 * plus a walk of the parsed tree, only to be refused afterwards. Read from the bytes, those
 * refusals cost one pass over the bytes.
 *
 * Tolerant of broken JSON: it never throws and never reads past the buffer; `JSON.parse` then says
 * what is wrong. UTF-8 only (the caller parses other charsets as before).
 */

import { isAscii } from 'node:buffer';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;

export interface ShapeLimits {
  /** Objects and arrays nested deeper than this: `too-deep`. */
  readonly maxDepth: number;
  /** A string (key or value) of more characters (Unicode code points) than this: `long-string`. */
  readonly maxStringChars: number;
  /** Arrays down to this depth have their element count reported (the root object is depth 1). */
  readonly countDepth: number;
  /**
   * The most elements an array at this path may hold (a cap); past it the pass stops at once
   * with `too-many`. Asked once per counted array, when it passes `minCap` elements.
   */
  readonly cap?: (path: string) => number | undefined;
  /** The smallest cap `cap` returns: arrays are not asked about below it. */
  readonly minCap?: number;
}

export type JsonShape =
  | { readonly kind: 'too-deep' }
  | { readonly kind: 'long-string'; readonly chars: number; readonly path: string }
  /** An array past its cap: `count` is as far as the pass read (more than `cap`). */
  | { readonly kind: 'too-many'; readonly path: string; readonly count: number; readonly cap: number }
  /** `arrays`: element count by path (`prefetch.observations.entry`; `[]` for an array element) of the arrays down to `countDepth`. */
  | {
      readonly kind: 'ok';
      readonly arrays: ReadonlyMap<string, number>;
      /** Bytes of the longest string literal as written (escapes included; an upper bound of its characters). */
      readonly longestStringBytes: number;
    };

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Code points of a string (a surrogate pair is one character). */
function codePoints(s: string): number {
  return s.length - (s.match(SURROGATE_PAIR)?.length ?? 0);
}

/** The first quote from `from` on that no odd run of backslashes escapes; the body's length if none. */
function closingQuote(body: Buffer, from: number): number {
  let end = body.indexOf(QUOTE, from);
  while (end >= 0) {
    let backslashes = 0;
    for (let b = end - 1; body[b] === BACKSLASH; b--) backslashes += 1;
    if (backslashes % 2 === 0) return end;
    end = body.indexOf(QUOTE, end + 1);
  }
  return body.length;
}

/** The text of the key literal at `[start, end]` (both quotes), its escapes decoded. */
function keyText(body: Buffer, start: number, end: number): string {
  const raw = body.toString('utf8', start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return String(JSON.parse(body.toString('utf8', start, end + 1)));
  } catch {
    return raw;
  }
}

/** The characters of the JSON string literal at `[start, end]` (both quotes), or 0 if it is not valid JSON. */
function literalChars(body: Buffer, start: number, end: number): number {
  // Without escapes, no decoding: ASCII is a character a byte; else every byte that does not
  // continue a UTF-8 sequence (10xxxxxx) starts a code point.
  const backslash = body.indexOf(BACKSLASH, start + 1);
  if (backslash < 0 || backslash >= end) {
    if (isAscii(body.subarray(start + 1, end))) return end - start - 1;
    let chars = 0;
    for (let i = start + 1; i < end; i++) if (((body[i] as number) & 0xc0) !== 0x80) chars += 1;
    return chars;
  }
  try {
    const value: unknown = JSON.parse(body.toString('utf8', start, end + 1));
    return typeof value === 'string' ? codePoints(value) : 0;
  } catch {
    return 0;
  }
}

/**
 * One pass over `body`. `keyDepth` is how deep keys are decoded (they name the counted arrays and
 * a long string's path); the first pass decodes them only where arrays are counted, and a long
 * string is named by a second pass that decodes them all.
 */
export function jsonShape(body: Buffer, limits: ShapeLimits): JsonShape {
  const first = scan(body, limits, limits.countDepth - 1);
  if (first.kind !== 'long-string') return first;
  return scan(body, limits, Number.POSITIVE_INFINITY);
}

function scan(body: Buffer, limits: ShapeLimits, keyDepth: number): JsonShape {
  // Per nesting level (index = depth): array or object, the key being read (objects), commas seen
  // and whether any element started (arrays).
  const minCap = limits.cap === undefined ? Number.POSITIVE_INFINITY : (limits.minCap ?? 0);
  // Per level: the cap of the array there, once asked (Infinity: none, or not asked yet).
  const caps: number[] = [Number.POSITIVE_INFINITY];
  const asked: boolean[] = [false];
  const isArray: boolean[] = [false];
  const keys: (string | undefined)[] = [undefined];
  const commas: number[] = [0];
  const nonEmpty: boolean[] = [false];
  const arrays = new Map<string, number>();
  let depth = 0;
  let expectKey = false;
  // A string longer than this many bytes may be too long; shorter ones cannot be (one code point is at least one byte).
  const maxStringBytes = limits.maxStringChars;
  let longest = 0;

  const pathTo = (level: number): string => {
    const parts: string[] = [];
    for (let l = 1; l < level; l++) parts.push(isArray[l] === true ? `[${commas[l] ?? 0}]` : `.${keys[l] ?? '?'}`);
    return parts.join('').replace(/^\./, '');
  };
  const open = (array: boolean): boolean => {
    if (isArray[depth] === true) nonEmpty[depth] = true;
    depth += 1;
    if (depth > limits.maxDepth) return false;
    isArray[depth] = array;
    keys[depth] = undefined;
    commas[depth] = 0;
    nonEmpty[depth] = false;
    caps[depth] = Number.POSITIVE_INFINITY;
    asked[depth] = false;
    expectKey = !array;
    return true;
  };

  const n = body.length;
  for (let i = 0; i < n; i++) {
    const c = body[i] as number;
    if (c === QUOTE) {
      // The closing quote (a backslash escapes the byte after it). Most strings are short: a loop
      // here is cheaper than a native search per string; past 64 bytes, Buffer.indexOf runs.
      let end = i + 1;
      const shortEnd = Math.min(n, i + 65);
      while (end < shortEnd) {
        const b = body[end] as number;
        if (b === QUOTE) break;
        end += b === BACKSLASH ? 2 : 1;
      }
      if (end >= shortEnd && end < n && body[end] !== QUOTE) end = closingQuote(body, end);
      if (end >= n) break; // unterminated: JSON.parse will say so
      if (end - i - 1 > longest) longest = end - i - 1;
      if (end - i - 1 > maxStringBytes) {
        const chars = literalChars(body, i, end);
        // A value is named by its path; a key by the path of the object that holds it.
        if (chars > limits.maxStringChars) return { kind: 'long-string', chars, path: expectKey ? `${pathTo(depth)} (a key)` : pathTo(depth + 1) };
      }
      if (expectKey) {
        if (depth <= keyDepth) keys[depth] = keyText(body, i, end);
      } else if (isArray[depth] === true) {
        nonEmpty[depth] = true;
      }
      i = end;
      continue;
    }
    switch (c) {
      case OPEN_OBJECT:
        if (!open(false)) return { kind: 'too-deep' };
        break;
      case OPEN_ARRAY:
        if (!open(true)) return { kind: 'too-deep' };
        break;
      case CLOSE_ARRAY:
        if (depth > 0 && depth <= limits.countDepth && isArray[depth] === true) {
          arrays.set(pathTo(depth), nonEmpty[depth] === true ? (commas[depth] ?? 0) + 1 : 0);
        }
        depth = Math.max(0, depth - 1);
        expectKey = false;
        break;
      case CLOSE_OBJECT:
        depth = Math.max(0, depth - 1);
        expectKey = false;
        break;
      case COMMA: {
        const elements = (commas[depth] ?? 0) + 1;
        commas[depth] = elements;
        // `elements + 1` elements have started once this comma is read.
        if (elements + 1 > minCap && depth <= limits.countDepth && isArray[depth] === true) {
          if (asked[depth] !== true) {
            asked[depth] = true;
            caps[depth] = limits.cap?.(pathTo(depth)) ?? Number.POSITIVE_INFINITY;
          }
          const cap = caps[depth] ?? Number.POSITIVE_INFINITY;
          if (elements + 1 > cap) return { kind: 'too-many', path: pathTo(depth), count: elements + 1, cap };
        }
        expectKey = isArray[depth] === false && depth > 0;
        break;
      }
      case COLON:
        expectKey = false;
        break;
      default:
        // A number, true, false or null starting as an array element (whitespace is ≤ 0x20).
        if (c > SPACE && isArray[depth] === true) nonEmpty[depth] = true;
    }
  }
  return { kind: 'ok', arrays, longestStringBytes: longest };
}
