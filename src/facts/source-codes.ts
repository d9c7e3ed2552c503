/**
 * The source code a measurement carries (`SourceCode`): the coding the value was recognised by, or
 * a text marker for a result coded only by text.
 */
import { codings, str, type Coding } from './accessors.js';
import { isRecord } from '../shared/json.js';
import type { SourceCode } from './types.js';

/**
 * Source codes repeat on every result of a lab: one frozen object per system and code, looked up
 * without building a key string (this was a tenth of the stage). The display kept is the first
 * one seen for the code — it only labels the code.
 */
const SOURCE_CODES = new Map<string, Map<string, SourceCode>>();
const SOURCE_CODES_LIMIT = 5000;
let sourceCodeCount = 0;
/** Counts the emptyings of SOURCE_CODES: a source code kept by a caller is current while this is unchanged. */
let generation = 0;

export function sourceCodeGeneration(): number {
  return generation;
}

export function sourceCode(coding: Coding | undefined, fallbackText?: string): SourceCode {
  if (coding?.system !== undefined && coding.code !== undefined) {
    let bySystem = SOURCE_CODES.get(coding.system);
    const known = bySystem?.get(coding.code);
    if (known !== undefined) return known;
    const out: { system: string; code: string; display?: string } = { system: coding.system, code: coding.code };
    if (coding.display !== undefined) out.display = coding.display;
    if (sourceCodeCount >= SOURCE_CODES_LIMIT) {
      SOURCE_CODES.clear();
      sourceCodeCount = 0;
      generation += 1;
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

/**
 * `sourceCode` of the first coding read from a raw Coding as sent: a code seen before is found from
 * the raw `system` and `code` without building a `Coding` first (labs repeat a dozen codes).
 */
export function sourceCodeOf(raw: unknown): SourceCode {
  if (isRecord(raw) && raw.coding === undefined) {
    const system = str(raw.system);
    const code = typeof raw.code === 'number' ? String(raw.code) : str(raw.code);
    if (system !== undefined && code !== undefined) {
      const known = SOURCE_CODES.get(system)?.get(code);
      if (known !== undefined) return known;
    }
  }
  return sourceCode(codings(raw)[0]);
}
