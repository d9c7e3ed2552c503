/**
 * A JSON body parsed in pieces: each prefetch entry and draft order on its own, then the rest of
 * the body with a marker where each of them was, the markers then replaced by the entries. The
 * result is what `JSON.parse` of the whole body gives, with body-parser's rules for a JSON body
 * (a leading byte order mark dropped, an empty body `{}`, only an object or array at the top).
 *
 * Why: V8 allocates a string of 128 KB or more (64 K characters once one of them is not Latin-1:
 * every Danish record) in its large-object space, and that costs 30–40 times more per byte than
 * a smaller string (Node 20, measured: 0.13 ns a byte up to 64 KB, 4–5 ns from 128 KB). A 300 KB
 * record decoded whole and parsed took 3.6–4.3 ms, its pieces 1.6 ms; 1.2 MB 12–15 ms against 6.
 *
 * The marker of the k-th piece is the number k. The body's own numbers cannot be taken for one:
 * json-shape.ts notes no pieces for a body with a number, literal or stray byte as an array
 * element outside them (FHIR has hardly any), so the markers are the rest's only bare array
 * elements — a marker a duplicate key drops leaves a piece unplaced, and markers run together
 * (pieces with no comma between them) place fewer than all: either way the body is parsed whole.
 * (A random string per piece, 50 bytes, had made the rest 30 KB at 500 Observations, and reading
 * the markers back cost an eighth of the parse: issue 18.)
 *
 * The piece boundaries come from json-shape.ts (`recordPieces`), which tolerates broken JSON;
 * whatever does not fit — a piece or the rest that does not parse, a marker not found exactly
 * where its piece was (a duplicate key drops it) — is parsed whole instead, so an invalid body
 * throws `JSON.parse`'s own error and a valid one always gives `JSON.parse`'s value.
 */

/** Below this many bytes the body is parsed whole: no string of it reaches the large-object space. */
export const PIECES_MIN_BYTES = 32 * 1024;

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const COMMA = 0x2c;
/** JSON whitespace, then an object or an array. */
const STRICT_START = /^[ \t\n\r]*[{[]/;

/** A body read as UTF-8 bytes and not parsed yet: its bytes and where its pieces are. */
export interface RawBody {
  readonly bytes: Buffer;
  readonly pieces: readonly number[] | undefined;
}

/** `pieces`: offsets as json-shape.ts notes them, pairs of (first byte, byte after the last), in order. */
export function parseJsonBody(body: Buffer, pieces: readonly number[] = []): unknown {
  // As iconv-lite decodes for body-parser: a leading byte order mark is not part of the text.
  const from = body.subarray(0, 3).equals(BOM) ? 3 : 0;
  if (pieces.length === 0 || body.length < PIECES_MIN_BYTES) return parseWhole(body, from);
  return parseInPieces(body, from, pieces) ?? parseWhole(body, from);
}

/** body-parser's `strict` JSON: the text, if not empty, must begin with `{` or `[`. */
function parseWhole(body: Buffer, from: number): unknown {
  const text = body.toString('utf8', from);
  if (text.length === 0) return {};
  if (!STRICT_START.test(text)) throw new SyntaxError('A JSON body must be an object or an array.');
  return JSON.parse(text);
}

/** The pieces and the rest, or undefined when anything does not fit (then the body is parsed whole). */
export function parseInPieces(body: Buffer, from: number, pieces: readonly number[]): unknown {
  const values: unknown[] = [];
  const rest: string[] = [];
  let at = from;
  try {
    for (let k = 0; k < pieces.length; k += 2) {
      const start = pieces[k] as number;
      const end = pieces[k + 1] as number;
      if (start < at || end > body.length) return undefined;
      // Between two entries there is mostly a comma alone: no decoding for it.
      rest.push(start === at + 1 && body[at] === COMMA ? ',' : body.toString('utf8', at, start), String(values.length));
      values.push(JSON.parse(body.toString('utf8', start, end)));
      at = end;
    }
    rest.push(body.toString('utf8', at));
    const skeleton = rest.join('');
    if (!STRICT_START.test(skeleton)) return undefined;
    const root: unknown = JSON.parse(skeleton);
    const placed = new Array<boolean>(values.length).fill(false);
    return place(root, values, placed) === values.length ? root : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces each marker that is an array element by its piece; returns how many were placed (a
 * piece placed twice counts as none of it: that body is parsed whole). The parsed rest of the body
 * is small — its entries are markers — and nested no deeper than json-shape.ts allowed.
 */
function place(node: unknown, values: readonly unknown[], placed: boolean[]): number {
  if (typeof node !== 'object' || node === null) return 0;
  let count = 0;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (typeof item === 'number') {
        if (!Number.isInteger(item) || item < 0 || item >= values.length) continue;
        if (placed[item] === true) return Number.NaN;
        placed[item] = true;
        node[i] = values[item];
        count += 1;
      } else {
        count += place(item, values, placed);
      }
    }
    return count;
  }
  for (const value of Object.values(node)) count += place(value, values, placed);
  return count;
}
