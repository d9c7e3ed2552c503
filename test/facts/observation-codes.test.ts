/**
 * The per-request readings of Observation codes (facts/observation-codes.ts): what a reading keeps
 * between elements — its match and family, the source code, the unit factor — must be what the
 * uncached look-ups give, call after call, however the calls are mixed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObservationCodes } from '../../src/facts/observation-codes.js';
import { sourceCode, sourceCodeOf } from '../../src/facts/source-codes.js';
import { loadTerminology, toCanonical, UCUM_SYSTEM } from '../../src/terminology/index.js';
import { SYS } from '../helpers/facts-systems.js';

const t = loadTerminology();

describe('ObservationCodes', () => {
  it('gives one reading per (system, code), with the first observation match and its family', () => {
    const codes = new ObservationCodes(t);
    const vitD = codes.reading(SYS.npuOid, 'NPU10267');
    expect(codes.reading(SYS.npuOid, 'NPU10267')).toBe(vitD);
    expect(vitD.match?.concept).toBe('vitamin-d');
    expect([vitD.lab, vitD.vital, vitD.dxa, vitD.measure]).toEqual(['vitamin-d', undefined, undefined, 'vitamin-d']);

    // The same code under other systems: a reading each, none mixed up with another.
    const viaUrl = codes.reading(SYS.npuUrl, 'NPU10267');
    const unknown = codes.reading('http://example.org/local', 'NPU10267');
    expect(viaUrl).not.toBe(vitD);
    expect(viaUrl.match?.concept).toBe('vitamin-d');
    expect(unknown.match).toBeUndefined();
    expect(codes.reading(SYS.npuOid, 'NPU10267')).toBe(vitD);
    expect(codes.reading('http://example.org/local', 'NPU10267')).toBe(unknown);

    const height = codes.reading(SYS.loinc, '8302-2');
    expect([height.lab, height.vital, height.measure]).toEqual([undefined, 'height', 'height']);
    const dxa = codes.reading(SYS.loinc, '38267-1');
    expect(dxa.dxa).toEqual({ score: 't-score', site: 'lumbar-spine' });
  });

  it('converts as toCanonical does, whatever units follow one another', () => {
    const units = fc.record(
      {
        code: fc.constantFrom('ng/mL', 'nmol/L', 'ug/L', 'mg/dL', 'furlongs', ' nmol/L'),
        system: fc.constantFrom(UCUM_SYSTEM, 'urn:oid:1.2.208.176.2.1', 'http://example.org'),
        unit: fc.constantFrom('nmol/l', 'µg/L', 'ng/ml', 'x'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), units), { maxLength: 12 }), (values) => {
        const reading = new ObservationCodes(t).reading(SYS.npuOid, 'NPU10267');
        for (const [value, u] of values) {
          const raw = { value, code: u.code, system: u.system, unit: u.unit };
          expect(reading.canonical('vitamin-d', raw)).toBe(toCanonical('vitamin-d', value, raw, reading.match?.binding.impliedUnit));
        }
      }),
    );
  });

  it('gives the source-code table’s entry, also after the table was emptied', () => {
    const codes = new ObservationCodes(t);
    const reading = codes.reading(SYS.npuOid, 'NPU10267');
    const coding = { system: SYS.npuOid, code: 'NPU10267', display: 'P—25-Hydroxy-vitamin D' };
    const first = reading.sourceCodeOf(coding);
    expect(first).toEqual(sourceCodeOf(coding));
    expect(reading.sourceCodeOf({ ...coding, display: 'another label' })).toBe(first);

    // Fill the table past its bound: it is emptied, and the code's entry is made again.
    for (let i = 0; i < 5001; i++) sourceCode({ system: 'http://example.org/filler', code: `c${i}` });
    const relabelled = { ...coding, display: 'after the emptying' };
    expect(reading.sourceCodeOf(relabelled)).toEqual(sourceCodeOf(relabelled));
    expect(reading.sourceCodeOf(relabelled).display).toBe('after the emptying');
  });

  it('keeps nothing for a coding whose source code is not the table’s (blank system, nested coding)', () => {
    const codes = new ObservationCodes(t);
    const blank = codes.reading(' ', 'NPU10267');
    for (const display of ['a', 'b']) {
      const coding = { system: ' ', code: 'NPU10267', display };
      expect(blank.sourceCodeOf(coding)).toEqual(sourceCodeOf(coding));
      expect(blank.sourceCodeOf(coding)).not.toBe(blank.sourceCodeOf(coding));
    }
    const reading = codes.reading(SYS.npuOid, 'NPU10267');
    const nested = { system: SYS.npuOid, code: 'NPU10267', coding: [{ system: SYS.loinc, code: '1989-3' }] };
    expect(reading.sourceCodeOf(nested)).toEqual(sourceCodeOf(nested));
  });
});
