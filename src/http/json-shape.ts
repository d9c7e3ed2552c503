/**
 * The shape of a JSON body read from its bytes, before `JSON.parse`: how deep it nests, its
 * longest string, and how many elements the arrays near the top hold (the prefetch Bundles'
 * `entry`, the draft orders). `JSON.parse` cannot be interrupted: a body nested
 * 50,000 deep held the event loop for 30–70 ms in it, and 8,920 draft orders (3.7 MB) for 20–40 ms
 * plus a walk of the parsed tree, only to be refused afterwards. Read from the bytes as they
 * arrive (`ShapeScanner`), those refusals cost the bytes up to the one that shows them.
 *
 * Tolerant of broken JSON: it never throws and never reads past the buffer; `JSON.parse` then says
 * what is wrong. UTF-8 only (the caller parses other charsets as before).
 */

import { ESCAPED_AT_END, findClose, keyText, literalValue, OPEN } from './json-literals.js';

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
  /**
   * More objects and arrays in the whole body than this: `too-many-values`. `JSON.parse` of a
   * million empty arrays (3 MB) holds the event loop for 0.3–0.6 s, all of it allocation and
   * collection; a FHIR record has one every 40–50 bytes.
   */
  readonly maxContainers?: number;
  /** Arrays down to this depth have their element count reported (the root object is depth 1). */
  readonly countDepth: number;
  /**
   * The most elements an array at this path may hold (a cap); past it the pass stops at once
   * with `too-many`. Asked once per counted array, when it passes `minCap` elements.
   */
  readonly cap?: (path: string) => number | undefined;
  /** The smallest cap `cap` returns: arrays are not asked about below it. */
  readonly minCap?: number;
  /**
   * Also note where each object that is an element of a counted array begins and ends (`pieces`
   * of the shape; outermost ones only): the prefetch Bundles' entries, the draft orders, which
   * json-pieces.ts parses one by one.
   */
  readonly recordPieces?: boolean;
  /** Keys of the root object whose string values are kept (`strings` of the shape): the hook route names a call by them before it is parsed. */
  readonly keepStrings?: readonly string[];
}

export type JsonShape =
  | { readonly kind: 'too-deep' }
  | { readonly kind: 'too-many-values'; readonly max: number }
  /** An array past its cap: `count` is as far as the pass read (more than `cap`). */
  | { readonly kind: 'too-many'; readonly path: string; readonly count: number; readonly cap: number }
  /**
   * `arrays`: element count by path (`prefetch.observations.entry`) of the arrays down to
   * `countDepth` that are reached through object keys only. An array inside an array is not named:
   * a body of a million `[]` elements (9 MB, 9 KB gzipped) held the event loop for seconds building
   * a path and a map entry for each.
   */
  | {
      readonly kind: 'ok';
      readonly arrays: ReadonlyMap<string, number>;
      /** Bytes of the longest string literal as written (escapes included; an upper bound of its characters). */
      readonly longestStringBytes: number;
      /**
       * With `recordPieces`: offsets of the pieces, as pairs (first byte, byte after the last), in
       * order. None when a number, `true`, `false` or `null` (or any other bare token) is an array
       * element outside the pieces: json-pieces.ts puts a number in each piece's place, and a
       * number of the body's own there could take a piece's place (a duplicate key dropping a
       * marker) or a stray `-` or `.0` merge with one into a number (broken JSON read as valid).
       */
      readonly pieces?: readonly number[];
      /** With `keepStrings`: the string values of those keys of the root object (the last one of a key given twice, as `JSON.parse`). */
      readonly strings?: ReadonlyMap<string, string>;
    };

/** Keys of the root object with escapes that are decoded to see whether they are one of `keepStrings`, at most. */
const MAX_ESCAPED_KEYS = 16;

/**
 * A key longer than this (bytes as written) is `…` in a path: no path the service looks up has
 * one, and decoding a megabyte key again at every array that closed under it made the pass
 * quadratic (a 1 MB key over 2,000 arrays: 16 s on the event loop).
 */
const MAX_PATH_KEY_BYTES = 256;

/** A string literal still open at the end of the bytes read so far. */
interface OpenString {
  /** Offset of its opening quote in the whole body. */
  readonly start: number;
  /** Whether it is a key (else a value). */
  readonly key: boolean;
  /** The first byte of the next chunk is escaped (the last one read was a backslash). */
  escaped: boolean;
}

/** One pass over a whole body: a `ShapeScanner` fed it as one chunk. */
export function jsonShape(body: Buffer, limits: ShapeLimits): JsonShape {
  const scanner = new ShapeScanner(limits);
  return scanner.feed(body) ?? scanner.end();
}

/**
 * The pass over a body's bytes, chunk by chunk as they arrive. A refusal is known as soon as the
 * bytes read show it — the level past `maxDepth`, the element past a cap — so the rest of the body
 * need not be buffered or read. A string of any length is no refusal (contract v2 "Limits": free
 * text of any length up to the body limit is answered); its length in bytes is noted. Keys are kept as offsets and decoded only where a path is named; the chunks
 * are kept (not copied) until the end, since a key or a long string may span several.
 */
export class ShapeScanner {
  private readonly limits: ShapeLimits;
  private readonly minCap: number;
  private readonly chunks: Buffer[] = [];
  /** Offset in the whole body of each chunk's first byte. */
  private readonly chunkStarts: number[] = [];
  private read = 0;
  private refusal: JsonShape | undefined;
  // Per nesting level (index = depth): array or object; the key being read (objects: offsets of
  // its quotes, -1 none); commas seen and whether any element started (arrays); the cap of the
  // array there, once asked (Infinity: none, or not asked yet).
  private readonly isArray: boolean[] = [false];
  private readonly keyStart: number[] = [-1];
  private readonly keyEnd: number[] = [-1];
  private readonly commas: number[] = [0];
  private readonly nonEmpty: boolean[] = [false];
  private readonly caps: number[] = [Number.POSITIVE_INFINITY];
  private readonly asked: boolean[] = [false];
  /** Whether an array encloses the level: then it has no path of keys and is neither counted nor capped. */
  private readonly inArray: boolean[] = [false];
  private readonly arrays = new Map<string, number>();
  private depth = 0;
  private containers = 0;
  private readonly maxContainers: number;
  private expectKey = false;
  private longest = 0;
  private open: OpenString | undefined;
  private readonly pieces: number[] | undefined;
  private readonly strings: Map<string, string> | undefined;
  /** The `keepStrings` key of the root object whose value is being read. */
  private keptKey: string | undefined;
  /** Keys of the root object with escapes decoded so far (`keepable`). */
  private escapedKeys = 0;
  /** The level of the object being read as a piece (-1: none), and the offset of its `{`. */
  private pieceLevel = -1;
  private pieceStart = 0;
  /** A bare token (number, literal, stray byte) was an array element outside the pieces: no pieces then. */
  private bareInRest = false;

  constructor(limits: ShapeLimits) {
    this.limits = limits;
    this.maxContainers = limits.maxContainers ?? Number.POSITIVE_INFINITY;
    this.minCap = limits.cap === undefined ? Number.POSITIVE_INFINITY : (limits.minCap ?? 0);
    this.pieces = limits.recordPieces === true ? [] : undefined;
    this.strings = limits.keepStrings === undefined ? undefined : new Map();
  }

  /** Reads the next chunk: a refusal (final: later chunks are not read), else undefined. */
  feed(chunk: Buffer): JsonShape | undefined {
    if (this.refusal !== undefined) return this.refusal;
    const base = this.read;
    this.chunks.push(chunk);
    this.chunkStarts.push(base);
    this.read += chunk.length;
    const refusal = this.scan(chunk, base);
    if (refusal !== undefined) {
      this.refusal = refusal;
      this.release();
    }
    return refusal;
  }

  /** After the last chunk: the refusal, or the shape. A string still open ends the pass (`JSON.parse` says what is wrong). */
  end(): JsonShape {
    this.release();
    if (this.refusal !== undefined) return this.refusal;
    return {
      kind: 'ok',
      arrays: this.arrays,
      longestStringBytes: this.longest,
      ...(this.pieces === undefined || this.bareInRest ? {} : { pieces: this.pieces }),
      ...(this.strings === undefined ? {} : { strings: this.strings }),
    };
  }

  private release(): void {
    this.chunks.length = 0;
    this.chunkStarts.length = 0;
  }

  /** Bytes `[from, to)` of the body read so far: a view when one chunk holds them. */
  private bytes(from: number, to: number): Buffer {
    let i = this.chunkStarts.length - 1;
    while (i > 0 && (this.chunkStarts[i] as number) > from) i--;
    const first = this.chunks[i] as Buffer;
    const offset = this.chunkStarts[i] as number;
    if (to - offset <= first.length) return first.subarray(from - offset, to - offset);
    const parts: Buffer[] = [first.subarray(from - offset)];
    for (let j = i + 1; j < this.chunks.length && (this.chunkStarts[j] as number) < to; j++) {
      const chunk = this.chunks[j] as Buffer;
      parts.push(chunk.subarray(0, to - (this.chunkStarts[j] as number)));
    }
    return Buffer.concat(parts);
  }

  private pathTo(level: number): string {
    const parts: string[] = [];
    for (let l = 1; l < level; l++) {
      const start = this.keyStart[l] ?? -1;
      const end = this.keyEnd[l] ?? start;
      if (this.isArray[l] === true) parts.push(`[${this.commas[l] ?? 0}]`);
      else parts.push(`.${start < 0 ? '?' : end - start - 1 > MAX_PATH_KEY_BYTES ? '…' : keyText(this.bytes(start, end + 1))}`);
    }
    return parts.join('').replace(/^\./, '');
  }

  /** The string literal from `start` to `end` (offsets of its quotes in the whole body) is read. */
  private closed(start: number, end: number, key: boolean): void {
    const length = end - start - 1;
    if (length > this.longest) this.longest = length;
    if (key) {
      this.keyStart[this.depth] = start;
      this.keyEnd[this.depth] = end;
    } else if (this.isArray[this.depth] === true) {
      this.nonEmpty[this.depth] = true;
    } else if (this.depth === 1 && this.strings !== undefined) {
      this.keepString(start, end);
    }
  }

  /** A colon of the root object: when its key is one of `keepStrings`, what it held before goes (`JSON.parse` keeps the last value), and a string value will be kept. */
  private rootKey(): void {
    this.keptKey = undefined;
    const keyStart = this.keyStart[1] ?? -1;
    if (keyStart < 0) return;
    const key = this.keepable(keyStart, this.keyEnd[1] ?? keyStart);
    if (key === undefined) return;
    this.strings?.delete(key);
    this.keptKey = key;
  }

  /**
   * The `keepStrings` key whose literal has its quotes at `start` and `end`, if any. Told without
   * decoding where it can be, so that a root object of a million keys does not make the pass slow:
   * by its length (an escape takes 2 to 6 bytes for a character) and first byte, then, without
   * escapes, by its bytes. Keys with escapes are decoded, the first `MAX_ESCAPED_KEYS` of a body
   * only (an EHR escapes none of its few keys; past that, the values are not kept).
   */
  private keepable(start: number, end: number): string | undefined {
    const length = end - start - 1;
    const keys = this.limits.keepStrings ?? [];
    if (!keys.some((k) => length >= k.length && length <= 6 * k.length)) return undefined;
    const first = this.byteAt(start + 1);
    if (first === BACKSLASH ? this.escapedKeys >= MAX_ESCAPED_KEYS : !keys.some((k) => k.charCodeAt(0) === first)) return undefined;
    const literal = this.bytes(start, end + 1);
    if (literal.indexOf(BACKSLASH) < 0) return keys.find((k) => k.length === length && literal.toString('latin1', 1, end - start) === k);
    if (this.escapedKeys >= MAX_ESCAPED_KEYS) return undefined;
    this.escapedKeys += 1;
    const key = keyText(literal);
    return keys.includes(key) ? key : undefined;
  }

  /** The byte at `offset` of the body read so far. */
  private byteAt(offset: number): number {
    let i = this.chunkStarts.length - 1;
    while (i > 0 && (this.chunkStarts[i] as number) > offset) i--;
    return (this.chunks[i] as Buffer)[offset - (this.chunkStarts[i] as number)] as number;
  }

  /** A string value of the root object (quotes at `start` and `end`): kept when its key is one of `keepStrings`. */
  private keepString(start: number, end: number): void {
    const key = this.keptKey;
    if (key === undefined) return;
    this.keptKey = undefined;
    const value = literalValue(this.bytes(start, end + 1));
    if (value !== undefined) this.strings?.set(key, value);
  }

  private openLevel(array: boolean): JsonShape | undefined {
    const depth = this.depth;
    if (this.isArray[depth] === true) this.nonEmpty[depth] = true;
    const inner = depth + 1;
    this.depth = inner;
    if (inner > this.limits.maxDepth) return { kind: 'too-deep' };
    this.containers += 1;
    if (this.containers > this.maxContainers) return { kind: 'too-many-values', max: this.maxContainers };
    this.isArray[inner] = array;
    this.keyStart[inner] = -1;
    this.commas[inner] = 0;
    this.nonEmpty[inner] = false;
    this.caps[inner] = Number.POSITIVE_INFINITY;
    this.asked[inner] = false;
    this.inArray[inner] = this.inArray[depth] === true || this.isArray[depth] === true;
    this.expectKey = !array;
    return undefined;
  }

  /** One chunk, whose first byte is at `base` in the whole body. */
  private scan(body: Buffer, base: number): JsonShape | undefined {
    const n = body.length;
    // An empty chunk changes nothing (read as one, it dropped the escape of a string's last byte).
    if (n === 0) return undefined;
    let i = 0;
    const words = new DataView(body.buffer, body.byteOffset, n);
    const open = this.open;
    if (open !== undefined) {
      // A string that began in an earlier chunk.
      const from = open.escaped ? 1 : 0;
      const end = from >= n ? OPEN : findClose(body, from, words);
      if (end < 0) {
        open.escaped = end === ESCAPED_AT_END;
        return undefined;
      }
      this.open = undefined;
      this.closed(open.start, base + end, open.key);
      i = end + 1;
    }
    const limits = this.limits;
    const isArray = this.isArray;
    const commas = this.commas;
    for (; i < n; i++) {
      const c = body[i] as number;
      if (c === QUOTE) {
        const end = findClose(body, i + 1, words);
        if (end < 0) {
          this.open = { start: base + i, key: this.expectKey, escaped: end === ESCAPED_AT_END };
          return undefined;
        }
        this.closed(base + i, base + end, this.expectKey);
        i = end;
        continue;
      }
      switch (c) {
        case OPEN_OBJECT: {
          const depth = this.depth;
          if (this.pieces !== undefined && this.pieceLevel < 0 && depth > 0 && depth <= limits.countDepth && isArray[depth] === true) {
            this.pieceLevel = depth + 1;
            this.pieceStart = base + i;
          }
          const refusal = this.openLevel(false);
          if (refusal !== undefined) return refusal;
          break;
        }
        case OPEN_ARRAY: {
          const refusal = this.openLevel(true);
          if (refusal !== undefined) return refusal;
          break;
        }
        case CLOSE_ARRAY: {
          const depth = this.depth;
          if (depth > 0 && depth <= limits.countDepth && isArray[depth] === true && this.inArray[depth] !== true) {
            this.arrays.set(this.pathTo(depth), this.nonEmpty[depth] === true ? (commas[depth] ?? 0) + 1 : 0);
          }
          this.depth = Math.max(0, depth - 1);
          this.expectKey = false;
          break;
        }
        case CLOSE_OBJECT:
          if (this.depth === this.pieceLevel) {
            // (Broken JSON may close it with the wrong bracket: json-pieces.ts then parses the body whole.)
            this.pieces?.push(this.pieceStart, base + i + 1);
            this.pieceLevel = -1;
          }
          this.depth = Math.max(0, this.depth - 1);
          this.expectKey = false;
          break;
        case COMMA: {
          const depth = this.depth;
          const elements = (commas[depth] ?? 0) + 1;
          commas[depth] = elements;
          // `elements + 1` elements have started once this comma is read.
          if (elements + 1 > this.minCap && depth <= limits.countDepth && isArray[depth] === true && this.inArray[depth] !== true) {
            if (this.asked[depth] !== true) {
              this.asked[depth] = true;
              this.caps[depth] = limits.cap?.(this.pathTo(depth)) ?? Number.POSITIVE_INFINITY;
            }
            const cap = this.caps[depth] ?? Number.POSITIVE_INFINITY;
            if (elements + 1 > cap) return { kind: 'too-many', path: this.pathTo(depth), count: elements + 1, cap };
          }
          this.expectKey = isArray[depth] === false && depth > 0;
          break;
        }
        case COLON:
          this.expectKey = false;
          if (this.depth === 1 && this.strings !== undefined) this.rootKey();
          break;
        default:
          // A number, true, false or null starting as an array element (whitespace is ≤ 0x20).
          if (c > SPACE && isArray[this.depth] === true) {
            this.nonEmpty[this.depth] = true;
            if (this.pieceLevel < 0) this.bareInRest = true;
          }
      }
    }
    return undefined;
  }
}
