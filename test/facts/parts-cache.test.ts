import { describe, expect, it } from 'vitest';
import { type KeyPart, type KeySink, PartsCache } from '../../src/facts/parts-cache.js';

/** A source is its list of parts. */
const walk = (source: readonly KeyPart[], sink: KeySink): void => {
  for (const part of source) sink.put(part);
};

function cache(limits = { maxEntries: 100, maxPerLead: 8, maxChars: 50 }): PartsCache<readonly KeyPart[], string> {
  return new PartsCache(walk, limits);
}

describe('PartsCache', () => {
  it('finds a value by equal parts, not by the same object', () => {
    const c = cache();
    c.set('M05BA04', ['Alendronat', 1, 'http://www.whocc.no/atc', 'M05BA04', undefined], 'alendronate');
    expect(c.get('M05BA04', ['Alendronat', 1, 'http://www.whocc.no/atc', 'M05BA04', undefined])).toBe('alendronate');
  });

  it('misses on any differing part: value, type, absence, or one part more or fewer', () => {
    const c = cache();
    c.set('x', ['a', 1, true, undefined], 'v');
    expect(c.get('x', ['a', 1, true, undefined])).toBe('v');
    expect(c.get('x', ['b', 1, true, undefined])).toBeUndefined();
    expect(c.get('x', ['a', '1', true, undefined])).toBeUndefined();
    expect(c.get('x', ['a', 1, false, undefined])).toBeUndefined();
    expect(c.get('x', ['a', 1, true, ''])).toBeUndefined();
    expect(c.get('x', ['a', 1, true])).toBeUndefined();
    expect(c.get('x', ['a', 1, true, undefined, undefined])).toBeUndefined();
    expect(c.get('y', ['a', 1, true, undefined])).toBeUndefined();
  });

  it('keeps several values under one lead', () => {
    const c = cache();
    c.set('H02AB06', ['tablet'], 'oral');
    c.set('H02AB06', ['inhalation'], 'inhaled');
    expect(c.get('H02AB06', ['tablet'])).toBe('oral');
    expect(c.get('H02AB06', ['inhalation'])).toBe('inhaled');
  });

  it('is bounded: cleared when full, oldest out of a full bucket, long texts not kept', () => {
    const c = cache({ maxEntries: 3, maxPerLead: 2, maxChars: 10 });
    c.set('a', ['1'], 'one');
    c.set('a', ['2'], 'two');
    c.set('a', ['3'], 'three');
    expect(c.get('a', ['1'])).toBeUndefined();
    expect(c.get('a', ['3'])).toBe('three');
    expect(c.size).toBe(2);
    c.set('b', ['4'], 'four');
    c.set('c', ['5'], 'five');
    expect(c.size).toBe(1);
    expect(c.get('c', ['5'])).toBe('five');
    c.set('d', ['0123456789x'], 'long');
    expect(c.get('d', ['0123456789x'])).toBeUndefined();
    expect(c.size).toBe(1);
  });
});
