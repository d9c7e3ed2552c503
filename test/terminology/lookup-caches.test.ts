/**
 * The look-up caches of a terminology (terminology/bounded-cache.ts): each (system, code) and each
 * (kind, text) is matched once — the cached answer must be the uncached one, for distinct codes,
 * systems and terminologies alike, and the caches stay bounded whatever the requests send.
 */
import { describe, expect, it } from 'vitest';
import bindings from '../../src/terminology/bindings.json' with { type: 'json' };
import { BoundedCache } from '../../src/terminology/bounded-cache.js';
import { buildTerminology, loadTerminology } from '../../src/terminology/index.js';
import { SYS } from '../helpers/facts-systems.js';

describe('BoundedCache', () => {
  it('keeps a value per pair of keys', () => {
    const cache = new BoundedCache<number>();
    cache.set('a', 'x', 1);
    cache.set('a', 'y', 2);
    cache.set('b', 'x', 3);
    expect([cache.get('a', 'x'), cache.get('a', 'y'), cache.get('b', 'x'), cache.get('b', 'y')]).toEqual([1, 2, 3, undefined]);
    expect(cache.size).toBe(3);
    cache.set('a', 'x', 4);
    expect(cache.get('a', 'x')).toBe(4);
    expect(cache.size).toBe(3);
  });

  it('never holds more than its bound: full, it empties and fills again', () => {
    const cache = new BoundedCache<number>(10);
    for (let i = 0; i < 95; i++) {
      cache.set(`s${i % 3}`, `c${i}`, i);
      expect(cache.size).toBeLessThanOrEqual(10);
      expect(cache.get(`s${i % 3}`, `c${i}`)).toBe(i);
    }
    expect(cache.get('s0', 'c0')).toBeUndefined();
  });

  it('does not keep over-long keys', () => {
    const cache = new BoundedCache<number>(10, 8);
    cache.set('system', 'x'.repeat(9), 1);
    cache.set('s'.repeat(9), 'code', 2);
    cache.set('system', 'code', 3);
    expect([cache.get('system', 'x'.repeat(9)), cache.get('s'.repeat(9), 'code'), cache.get('system', 'code')]).toEqual([undefined, undefined, 3]);
    expect(cache.size).toBe(1);
  });
});

describe("a terminology's matches, cached", () => {
  const concepts = (matches: readonly { concept: string }[]): string[] => matches.map((m) => m.concept);

  it('answer every call as the first one, for distinct codes and systems', () => {
    const t = loadTerminology();
    const calls: [string, string][] = [
      [SYS.sks, 'DM810'],
      [SYS.sks, 'DS720A'],
      [SYS.sks, 'DM80.0'],
      [SYS.sksRoot, 'DM810'],
      [SYS.npuOid, 'NPU10267'],
      [SYS.npuOid, 'DNK35302'],
      [SYS.npuUrl, 'NPU10267'],
      ['http://example.org/unknown', 'DM810'],
    ];
    const first = calls.map(([system, code]) => concepts(t.matchCoding(system, code)));
    const again = calls.map(([system, code]) => concepts(t.matchCoding(system, code)));
    expect(again).toEqual(first);
    expect(first.slice(0, 7).every((c) => c.length > 0)).toBe(true);
    expect(first[0]).not.toEqual(first[1]);
    expect(first[4]).not.toEqual(first[5]);
    expect(first[7]).toEqual([]);
  });

  it('are frozen: no caller can change what the next request gets', () => {
    const t = loadTerminology();
    const matches = t.matchCoding(SYS.sks, 'DM80.0');
    expect(Object.isFrozen(matches)).toBe(true);
    const names = t.matchNames('medication', 'prednisolon 5 mg');
    expect(names.length).toBeGreaterThan(0);
    expect(Object.isFrozen(names)).toBe(true);
    expect(names.every((n) => Object.isFrozen(n))).toBe(true);
  });

  it('are kept per terminology: a site binding of one is not in the other', () => {
    const plain = buildTerminology(bindings);
    const site = buildTerminology(bindings, {
      concepts: {
        osteoporosis: { codings: [{ system: 'http://example.org/local', code: 'OP1', match: 'exact' }], names: ['knogleskørhedsdiagnose'] },
      },
    });
    for (let i = 0; i < 2; i++) {
      expect(concepts(plain.matchCoding('http://example.org/local', 'OP1'))).toEqual([]);
      expect(concepts(site.matchCoding('http://example.org/local', 'OP1'))).toEqual(['osteoporosis']);
      expect(concepts(plain.matchNames('condition', 'knogleskørhedsdiagnose'))).not.toContain('osteoporosis');
      expect(concepts(site.matchNames('condition', 'knogleskørhedsdiagnose'))).toContain('osteoporosis');
    }
  });

  it('name matches depend on the text and the kind only', () => {
    const t = loadTerminology();
    const a = t.matchNames('medication', 'alendronat 70 mg');
    const b = t.matchNames('medication', 'prednisolon 5 mg');
    expect(concepts(a)).not.toEqual(concepts(b));
    expect(concepts(t.matchNames('medication', 'alendronat 70 mg'))).toEqual(concepts(a));
    expect(t.matchNames('condition', 'alendronat 70 mg')).toEqual([]);
  });
});
