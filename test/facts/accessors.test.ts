/** Tolerant readers of FHIR JSON (facts/accessors.ts) that take a shortcut: the shortcut's answer is the plain one. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCase } from '../../src/facts/accessors.js';

describe('lowerCase', () => {
  it('is toLowerCase, returning a lower-case string as it is', () => {
    for (const s of ['final', 'Final', 'ENTERED-IN-ERROR', 'not-taken', 'ÆNDRET', 'İstanbul', 'ß', '', 'a1-b.c']) expect(lowerCase(s)).toBe(s.toLowerCase());
    const plain = 'entered-in-error';
    expect(lowerCase(plain)).toBe(plain);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(lowerCase(s)).toBe(s.toLowerCase());
      }),
    );
  });
});
