/**
 * A JSON body parsed in pieces (src/http/json-pieces.ts) is `JSON.parse` of the whole body, with
 * body-parser's rules: for any JSON, with the piece boundaries json-shape.ts notes while the body
 * arrives in chunks; an invalid body throws; where the pieces do not fit (duplicate keys) the body
 * is parsed whole, never put together wrongly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShapeScanner, type ShapeLimits } from '../../src/http/json-shape.js';
import { parseInPieces, parseJsonBody, PIECES_MIN_BYTES } from '../../src/http/json-pieces.js';

const LIMITS: ShapeLimits = { maxDepth: 100, countDepth: 4, recordPieces: true };

/** The pieces json-shape.ts notes for `body` fed in chunks of `chunk` bytes. */
function piecesOf(body: Buffer, chunk = 65_536): readonly number[] {
  const scanner = new ShapeScanner(LIMITS);
  for (let at = 0; at < body.length; at += chunk) scanner.feed(body.subarray(at, at + chunk));
  const shape = scanner.end();
  return shape.kind === 'ok' ? (shape.pieces ?? []) : [];
}

/** `parseJsonBody` of the text's bytes, with the pieces the scan notes, gives what `JSON.parse` gives, or throws a SyntaxError as it does. */
function expectAsJsonParse(text: string): void {
  const body = Buffer.from(text, 'utf8');
  let expected: unknown;
  try {
    expected = JSON.parse(text);
  } catch {
    expect(() => parseJsonBody(body, piecesOf(body))).toThrow(SyntaxError);
    return;
  }
  expect(parseJsonBody(body, piecesOf(body))).toStrictEqual(expected);
}

/** A CDS Hooks call's layout: Bundles whose entries are the pieces, large enough to be parsed in pieces. */
function call(entries: readonly unknown[], extra: Record<string, unknown> = {}): string {
  const bundle = { resourceType: 'Bundle', entry: entries };
  const body = { hook: 'patient-view', context: { patientId: 'p1', draftOrders: { resourceType: 'Bundle', entry: entries.slice(0, 2) } }, prefetch: { observations: bundle, conditions: bundle }, ...extra };
  const size = Buffer.byteLength(JSON.stringify(body));
  // Entries again, in a Bundle of their own, until the body is large enough.
  const copies = Math.ceil(PIECES_MIN_BYTES / size);
  const more = { resourceType: 'Bundle', entry: Array.from({ length: copies }, () => entries).flat() };
  return JSON.stringify({ ...body, prefetch: { ...body.prefetch, more } });
}

const resource = fc.record({
  resourceType: fc.constantFrom('Observation', 'Condition', 'MedicationStatement'),
  id: fc.string(),
  // Danish text and escapes, nested arrays of objects (not pieces themselves: only the outermost are).
  note: fc.constantFrom('Knoglemineralmåling — T-score', 'P—Calcium(II); stofk.', 'a "quoted" \\ back\u2028slash', '😀 ø æ å', '{[}]'),
  value: fc.jsonValue({ maxDepth: 4 }),
  component: fc.array(fc.record({ code: fc.string(), value: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 3 }),
});

/** Whether a number, boolean or null is an array element anywhere in `value` (outside a piece, json-shape.ts then gives no pieces). */
function holdsBare(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => typeof v !== 'object' || v === null ? typeof v !== 'string' : holdsBare(v));
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsBare);
}

describe('parseJsonBody', () => {
  it('gives JSON.parse of the whole body for any call, in pieces, whatever the chunks', () => {
    fc.assert(
      fc.property(fc.array(resource, { minLength: 1, maxLength: 40 }), fc.jsonValue({ maxDepth: 3 }), fc.integer({ min: 1, max: 70_000 }), (entries, extra, chunk) => {
        const text = call(entries, { extra });
        const body = Buffer.from(text, 'utf8');
        const pieces = piecesOf(body, chunk);
        const expected: unknown = JSON.parse(text);
        // With no number or literal as an array element in `extra` there are pieces (with one outside
        // a piece there are none: the markers are numbers).
        if (!holdsBare(extra)) expect(pieces.length).toBeGreaterThan(0);
        // Pieces, when given, are used (not the whole-body fallback) and put together as JSON.parse would.
        if (pieces.length > 0) expect(parseInPieces(body, 0, pieces)).toStrictEqual(expected);
        expect(parseJsonBody(body, pieces)).toStrictEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('throws for a body JSON.parse refuses, and parses the same bodies it accepts, pieces or not', () => {
    const text = call([{ resourceType: 'Observation', id: 'o1', valueQuantity: { value: 1 } }, { resourceType: 'Observation', id: 'o2' }]);
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.constantFrom('', ',', '}', ']', '{', '"', 'x', ':', ' '), (at, insert) => {
        expectAsJsonParse(text.slice(0, at) + insert + text.slice(at + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('a duplicate key drops what JSON.parse drops: the pieces that do not fit are parsed whole', () => {
    const first = call([{ resourceType: 'Observation', id: 'dropped' }]);
    const text = `${first.slice(0, -1)},"prefetch":{"observations":{"resourceType":"Bundle","entry":[{"id":"kept"}]}}}`;
    const body = Buffer.from(text);
    expect(parseInPieces(body, 0, piecesOf(body))).toBeUndefined();
    expect(parseJsonBody(body, piecesOf(body))).toStrictEqual(JSON.parse(text));
  });

  it("never lets a number of the body's own take a piece's place, nor a stray byte merge with a marker (the markers are numbers)", () => {
    const obs = '{"resourceType":"Observation","id":"o1"}';
    const pad = 'x'.repeat(PIECES_MIN_BYTES);
    const bodies = [
      // Valid JSON: a duplicate key drops the Bundle holding the piece, and the one kept holds a number.
      `{"prefetch":{"obs":{"resourceType":"Bundle","entry":[${obs}]},"obs":{"resourceType":"Bundle","entry":[0]}},"pad":"${pad}"}`,
      `{"prefetch":{"obs":{"entry":[${obs}]},"obs":{"entry":[-0]}},"pad":"${pad}"}`,
      `{"prefetch":{"obs":{"entry":[${obs}]},"obs":{"entry":[1e-400]}},"pad":"${pad}"}`,
      `{"prefetch":{"obs":{"entry":[${obs},0,1,2]}},"extra":[0,true,null],"pad":"${pad}"}`,
      // Broken JSON: a stray byte beside a piece would make a number of its marker.
      `{"prefetch":{"obs":{"entry":[-${obs}]}},"pad":"${pad}"}`,
      `{"prefetch":{"obs":{"entry":[${obs},${obs}e0]}},"pad":"${pad}"}`,
      `{"prefetch":{"obs":{"entry":[${obs}.0]}},"pad":"${pad}"}`,
      // Two pieces with no comma between them: their markers run together.
      `{"prefetch":{"obs":{"entry":[${Array.from({ length: 12 }, () => obs).join(',')}${obs}]}},"pad":"${pad}"}`,
    ];
    for (const text of bodies) expectAsJsonParse(text);
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does', () => {
    const text = call([JSON.parse('{"resourceType":"Observation","__proto__":{"polluted":true}}') as object]);
    const body = Buffer.from(text);
    const parsed = parseJsonBody(body, piecesOf(body)) as { prefetch: { observations: { entry: object[] } } };
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(Object.hasOwn(parsed.prefetch.observations.entry[0] as object, '__proto__')).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('follows body-parser: a byte order mark is dropped, an empty body is {}, only an object or array at the top', () => {
    const text = call([{ resourceType: 'Observation', id: 'o1' }]);
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    expect(parseJsonBody(withBom, piecesOf(withBom))).toStrictEqual(JSON.parse(text));
    expect(parseJsonBody(Buffer.alloc(0))).toStrictEqual({});
    expect(parseJsonBody(Buffer.from(' \n[1]'))).toStrictEqual([1]);
    expect(() => parseJsonBody(Buffer.from('"a string"'))).toThrow(SyntaxError);
    expect(() => parseJsonBody(Buffer.from(' 42'))).toThrow(SyntaxError);
  });
});
