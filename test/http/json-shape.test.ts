/**
 * The shape of a JSON body read from its bytes (src/http/json-shape.ts): it must agree with the
 * parsed tree on nesting depth, string lengths and array sizes for any JSON, and never throw on
 * broken JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonShape, ShapeScanner, type JsonShape, type ShapeLimits } from '../../src/http/json-shape.js';
import { nestedDeeperThan } from '../../src/http/limits.js';

const LIMITS: ShapeLimits = { maxDepth: 100, countDepth: 4 };
const shape = (text: string, limits: Partial<ShapeLimits> = {}) => jsonShape(Buffer.from(text, 'utf8'), { ...LIMITS, ...limits });

/** Bytes of the longest string literal (key or value) as JSON.stringify writes it, quotes excluded. */
function longestLiteral(text: string): number {
  const value: unknown = JSON.parse(text);
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : typeof v !== 'object' || v === null ? [] : Array.isArray(v) ? v.flatMap(strings) : Object.entries(v).flatMap(([k, x]) => [k, ...strings(x)]);
  return Math.max(0, ...strings(value).map((s) => Buffer.byteLength(JSON.stringify(s)) - 2));
}

/** Element counts of the arrays down to `countDepth` reached through object keys only, by the path jsonShape reports (`.k`, no leading dot). */
function arraysOf(value: unknown, countDepth: number, parts: string[] = [], out = new Map<string, number>()): Map<string, number> {
  if (typeof value !== 'object' || value === null || parts.length >= countDepth) return out;
  if (Array.isArray(value)) {
    out.set(parts.join('').replace(/^\./, ''), value.length);
  } else {
    for (const [k, v] of Object.entries(value)) arraysOf(v, countDepth, [...parts, `.${k}`], out);
  }
  return out;
}

describe('jsonShape', () => {
  it('counts the arrays near the top by path, and nothing deeper', () => {
    const result = shape('{"context":{"draftOrders":{"entry":[{},{"a":[1,2]},"x",3]}},"prefetch":{"obs":{"entry":[]}}}');
    expect(result).toEqual({
      kind: 'ok',
      arrays: new Map([
        ['context.draftOrders.entry', 4],
        ['prefetch.obs.entry', 0],
      ]),
      longestStringBytes: 'draftOrders'.length,
    });
  });

  it('names no array inside an array: it has no path of keys, and a million of them once cost seconds', () => {
    expect(shape('{"x":[[],[1],[[]]],"y":{"z":[]}}')).toEqual({ kind: 'ok', arrays: new Map([['x', 3], ['y.z', 0]]), longestStringBytes: 1 });
    const million = Buffer.from(`{"x":[${Array.from({ length: 1_000_000 }, () => '[]').join(',')}]}`);
    const result = jsonShape(million, { ...LIMITS, countDepth: 4 });
    expect(result).toEqual({ kind: 'ok', arrays: new Map([['x', 1_000_000]]), longestStringBytes: 1 });
  });

  it('stops at the first element past an array\'s cap, asking for caps only past minCap', () => {
    const asked: string[] = [];
    const cap = (path: string): number | undefined => {
      asked.push(path);
      return path === 'context.draftOrders.entry' ? 3 : undefined;
    };
    const drafts = (n: number): string => `{"prefetch":{"obs":{"entry":[${'1,'.repeat(9)}1]}},"context":{"draftOrders":{"entry":[${'{},'.repeat(n - 1)}{}]}}}`;
    expect(shape(drafts(3), { cap, minCap: 3 }).kind).toBe('ok');
    expect(shape(`${drafts(1000).slice(0, -3)}`, { cap, minCap: 3 })).toEqual({ kind: 'too-many', path: 'context.draftOrders.entry', count: 4, cap: 3 });
    // Asked once per array that grew past minCap (three drafts did not).
    expect(asked).toEqual(['prefetch.obs.entry', 'prefetch.obs.entry', 'context.draftOrders.entry']);
  });

  it('refuses more objects and arrays than maxContainers, counting both, at the one past it', () => {
    expect(shape('{"a":[{},[]]}', { maxContainers: 4 }).kind).toBe('ok');
    expect(shape('{"a":[{},[],{}]}', { maxContainers: 4 })).toEqual({ kind: 'too-many-values', max: 4 });
    expect(shape('{"a":"[{}]","b":[1,2,3]}', { maxContainers: 2 }).kind).toBe('ok');
  });

  it('refuses nesting past maxDepth, however deep, without recursion', () => {
    expect(shape(`${'['.repeat(100)}${']'.repeat(100)}`).kind).toBe('ok');
    expect(shape(`${'['.repeat(101)}${']'.repeat(101)}`).kind).toBe('too-deep');
    expect(shape(`{"a":${'['.repeat(1_000_000)}`).kind).toBe('too-deep');
  });

  it('notes no pieces when a number, literal or stray byte is an array element outside them (their markers are numbers), and keeps them for one inside a piece', () => {
    const pieces = (text: string) => {
      const result = shape(text, { recordPieces: true });
      return result.kind === 'ok' ? result.pieces : undefined;
    };
    expect(pieces('{"a":{"entry":[{"v":[1,true,null]},{"w":2}]}}')).toEqual([15, 34, 35, 42]);
    for (const text of ['{"a":{"entry":[{"v":1},0]}}', '{"a":{"entry":[{"v":1}]},"b":[[null]]}', '{"a":{"entry":[-{"v":1}]}}', '{"a":{"entry":[{"v":1}.0]}}', '{"p":{"name":[{"given":["A"]}]},"n":[true]}']) {
      expect(pieces(text)).toBeUndefined();
    }
  });

  it('reads brackets, quotes and backslashes inside strings as text', () => {
    expect(shape(`{"a":"${'[{'.repeat(200)}","b":"\\\\","c":"\\"]]]"}`).kind).toBe('ok');
    expect(shape('{"a":"x\\\\"}')).toEqual({ kind: 'ok', arrays: new Map(), longestStringBytes: 3 });
  });

  it('never throws on broken JSON (JSON.parse reports it afterwards)', () => {
    for (const text of ['', '{', '}', ']]]', '{"a":"unterminated', '"\\', '[1,,2', '{"a"::}', 'null', '\u0000\uffff']) {
      expect(() => shape(text)).not.toThrow();
    }
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => void jsonShape(Buffer.from(bytes), LIMITS)));
  });

  it('agrees with the parsed tree on depth, string length and array sizes for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 1, max: 8 }), fc.boolean(), (value, maxDepth, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        const parsed: unknown = JSON.parse(text);
        const result = shape(text, { maxDepth });
        if (nestedDeeperThan(parsed, maxDepth)) expect(result.kind).toBe('too-deep');
        else expect(result).toEqual({ kind: 'ok', arrays: arraysOf(parsed, LIMITS.countDepth), longestStringBytes: longestLiteral(text) });
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  describe('read chunk by chunk (ShapeScanner, as the body arrives)', () => {
    /** The body cut at `cuts` (byte offsets, any order), fed chunk by chunk: the first refusal, else the end. */
    const inChunks = (bytes: Buffer, cuts: readonly number[], limits: ShapeLimits): { shape: JsonShape; fed: number } => {
      const at = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
      const scanner = new ShapeScanner(limits);
      let from = 0;
      for (const to of [...at, bytes.length]) {
        if (to <= from) continue;
        const refusal = scanner.feed(bytes.subarray(from, to));
        if (refusal !== undefined) return { shape: refusal, fed: to };
        from = to;
      }
      return { shape: scanner.end(), fed: bytes.length };
    };
    it('agrees with the one-pass result however the body is cut, escapes and multi-byte characters across cuts included', () => {
      const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('\\', '\\"', '"', '\\\\', 'æø', '😀'), fc.string({ unit: 'binary', maxLength: 20 }));
      fc.assert(
        fc.property(
          fc.jsonValue({ maxDepth: 8, stringUnit: fc.oneof(fc.constantFrom('\\', '"', '😀', 'æ'), fc.string({ unit: 'binary', maxLength: 1 })).map(String) }),
          fc.array(fc.nat(), { maxLength: 12 }),
          fc.integer({ min: 1, max: 8 }),
          text,
          (value, cuts, maxDepth, extra) => {
            const bytes = Buffer.from(JSON.stringify({ value, extra, list: [value, extra] }), 'utf8');
            const limits: ShapeLimits = { ...LIMITS, maxDepth, cap: (p) => (p === 'list' ? 1 : undefined), minCap: 1 };
            const whole = jsonShape(bytes, limits);
            expect(inChunks(bytes, cuts.map((c) => c % bytes.length), limits).shape).toEqual(whole);
            // Byte by byte: every boundary at once.
            expect(inChunks(bytes, [...bytes.keys()], limits).shape).toEqual(whole);
          },
        ),
        { numRuns: 300, seed: 18 },
      );
    });

    it('passes over string contents four bytes at a time: a quote or a backslash at any offset of a word stops it, however the body is cut', () => {
      fc.assert(
        fc.property(
          fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '/', '\\', '"', 'æ', '—', '\u0001'), maxLength: 80 }), { maxLength: 8 }),
          // Leading spaces: each string starts at every offset of a word.
          fc.nat({ max: 7 }),
          fc.array(fc.nat(), { maxLength: 6 }),
          (strings, pad, cuts) => {
            const text = `${' '.repeat(pad)}{"s":${JSON.stringify(strings)},"k":[${strings.map((s) => JSON.stringify({ [s]: s })).join(',')}]}`;
            const bytes = Buffer.from(text, 'utf8');
            const expected = { kind: 'ok', arrays: arraysOf(JSON.parse(text), LIMITS.countDepth), longestStringBytes: longestLiteral(text) };
            expect(jsonShape(bytes, LIMITS)).toEqual(expected);
            expect(inChunks(bytes, cuts.map((c) => c % bytes.length), LIMITS).shape).toEqual(expected);
          },
        ),
        { numRuns: 400, seed: 18 },
      );
    });

    it('reads an empty chunk as nothing, also between a backslash ending one chunk and the byte it escapes', () => {
      const bytes = Buffer.from('{"a":{"entry":["\\"{}", 0]}}');
      const cut = bytes.indexOf('\\') + 1;
      const scanner = new ShapeScanner({ ...LIMITS, recordPieces: true });
      for (const chunk of [bytes.subarray(0, cut), Buffer.alloc(0), bytes.subarray(cut)]) expect(scanner.feed(chunk)).toBeUndefined();
      expect(scanner.end()).toEqual(jsonShape(bytes, { ...LIMITS, recordPieces: true }));
    });

    it('keeps the string values of the named keys of the root object as JSON.parse reads them, however the body is cut', () => {
      const keys = fc.constantFrom('hookInstance', 'fhirServer', 'hook', 'hook\u0049nstance');
      const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('\\', '"', 'æø', '😀', 7, null), fc.jsonValue({ maxDepth: 2 }));
      fc.assert(
        fc.property(fc.array(fc.tuple(keys, value), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 8 }), (pairs, cuts) => {
          // Written by hand: a key may come twice (JSON.parse keeps the last), nested ones must not count.
          const text = `{${pairs.map(([k, v]) => `${JSON.stringify(k).replace('hookInstance', 'hook\\u0049nstance')}:${JSON.stringify({ hookInstance: v }).slice(16, -1)}`).join(',')},"nested":{"hookInstance":"inner"}}`.replace('{,', '{');
          const parsed = JSON.parse(text) as Record<string, unknown>;
          const expected = new Map(['hookInstance', 'fhirServer'].flatMap((k) => (typeof parsed[k] === 'string' ? [[k, parsed[k]] as const] : [])));
          const bytes = Buffer.from(text, 'utf8');
          const limits: ShapeLimits = { ...LIMITS, keepStrings: ['hookInstance', 'fhirServer'] };
          for (const at of [[], cuts.map((c) => c % bytes.length), [...bytes.keys()]]) {
            const result = inChunks(bytes, at, limits).shape;
            expect(result.kind === 'ok' ? result.strings : undefined).toEqual(expected);
          }
        }),
        { numRuns: 300, seed: 18 },
      );
    });

    it('decodes only the first 16 root keys with escapes, so a root object of many keys keeps the pass fast', () => {
      const limits: ShapeLimits = { ...LIMITS, keepStrings: ['hookInstance'] };
      const junk = (n: number): string => Array.from({ length: n }, (_, i) => `"\\u0068xxxxxxxx${i}":0`).join(',');
      const kept = (text: string): unknown => {
        const result = jsonShape(Buffer.from(text), limits);
        return result.kind === 'ok' ? result.strings?.get('hookInstance') : 'refused';
      };
      expect(kept(`{${junk(15)},"hook\\u0049nstance":"a"}`)).toBe('a');
      expect(kept(`{${junk(16)},"hook\\u0049nstance":"a"}`)).toBeUndefined();
      // Unescaped keys are told by their bytes, however many came before.
      expect(kept(`{${junk(1000)},"hookInstance":"b"}`)).toBe('b');
    });

    it('refuses as soon as the bytes read show it, before the rest arrives', () => {
      const deep = Buffer.from(`{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
      expect(inChunks(deep, [64, 128, 256], LIMITS)).toEqual({ shape: { kind: 'too-deep' }, fed: 128 });
      const drafts = Buffer.from(`{"context":{"draftOrders":{"entry":[${Array.from({ length: 8920 }, (_, i) => `{"resource":{"id":"d${i}"}}`).join(',')}]}}}`);
      const cap = (p: string): number | undefined => (p === 'context.draftOrders.entry' ? 100 : undefined);
      const refused = inChunks(drafts, Array.from({ length: 60 }, (_, i) => (i + 1) * 65_536), { ...LIMITS, cap, minCap: 100 });
      expect(refused).toEqual({ shape: { kind: 'too-many', path: 'context.draftOrders.entry', count: 101, cap: 100 }, fed: 65_536 });
    });

    it('names a key of more than 256 bytes "…" in paths, so arrays under a megabyte key are not each a megabyte to decode', () => {
      const key = 'k'.repeat(1_000_000);
      const body = Buffer.from(`{"${key}":{"list":[${Array.from({ length: 2000 }, () => '[]').join(',')}]}}`);
      const shape = inChunks(body, Array.from({ length: 20 }, (_, i) => (i + 1) * 65_536), LIMITS).shape;
      expect(shape).toMatchObject({ kind: 'ok', arrays: new Map([['….list', 2000]]) });
      const short = jsonShape(Buffer.from(`{"${'k'.repeat(256)}":[1]}`), LIMITS);
      expect(short).toMatchObject({ kind: 'ok', arrays: new Map([['k'.repeat(256), 1]]) });
    });

    it('reads a string of any length to its end, across chunks, and notes its bytes (free text is no refusal: contract v2 "Limits")', () => {
      const spaces = Buffer.from(`{"prefetch":{"obs":{"entry":[{"resource":{"referenceRange":[{"text":"x${' '.repeat(2_000_000)}"}]}}]}}}`);
      const long = inChunks(spaces, Array.from({ length: 40 }, (_, i) => (i + 1) * 65_536), LIMITS);
      expect(long.fed).toBe(spaces.length);
      expect(long.shape).toMatchObject({ kind: 'ok', longestStringBytes: 2_000_001, arrays: new Map([['prefetch.obs.entry', 1]]) });
      // 6 bytes a character: its bytes as written, escapes included.
      const escaped = Buffer.from(`{"a":"${'\\u00e6'.repeat(1_000_000)}"}`);
      expect(inChunks(escaped, Array.from({ length: 100 }, (_, i) => (i + 1) * 65_536), LIMITS).shape).toMatchObject({ kind: 'ok', longestStringBytes: 6_000_000 });
    });
  });
});
