/** The jti replay cache: a jti is refused until its token expires; the cache never grows unbounded. */
import { describe, expect, it } from 'vitest';
import { ReplayCache } from '../../../src/http/auth/replay-cache.js';

describe('ReplayCache', () => {
  it('refuses a key seen before until its expiry, then accepts it again', () => {
    let now = 1_000;
    const cache = new ReplayCache(10, () => now);
    expect(cache.remember('iss\u0000a', 5_000)).toBe('new');
    expect(cache.remember('iss\u0000a', 5_000)).toBe('replay');
    expect(cache.remember('iss\u0000b', 5_000)).toBe('new');
    now = 5_000; // exp reached: the token itself can no longer pass, and the entry is gone
    expect(cache.remember('iss\u0000a', 9_000)).toBe('new');
  });

  it('when full of live entries evicts the oldest, never refusing new ones (a full cache must not lock every EHR out)', () => {
    const now = 0;
    const cache = new ReplayCache(3, () => now);
    for (const k of ['a', 'b', 'c']) expect(cache.remember(k, 10_000)).toBe('new');
    expect(cache.remember('d', 10_000)).toBe('new');
    expect(cache.size).toBe(3);
    expect(cache.evicted).toBe(1);
    // The newer ones are still refused as replays; the evicted oldest is the price of staying open.
    expect(cache.remember('d', 10_000)).toBe('replay');
    expect(cache.remember('c', 10_000)).toBe('replay');
    for (let i = 0; i < 1000; i++) expect(cache.remember(`flood-${i}`, 10_000)).toBe('new');
    expect(cache.size).toBe(3);
  });

  it('sweeps expired entries when full, at most once a second', () => {
    let now = 0;
    const cache = new ReplayCache(3, () => now);
    cache.remember('a', 100);
    cache.remember('b', 100);
    cache.remember('c', 10_000);
    now = 200;
    expect(cache.remember('d', 10_000)).toBe('new'); // a and b swept
    expect(cache.size).toBe(2);
    cache.remember('e', 300);
    now = 400; // e expired, but the last full sweep was under a second ago: the oldest (c) makes room
    expect(cache.remember('f', 10_000)).toBe('new');
    expect(cache.evicted).toBe(1);
    expect(cache.remember('d', 10_000)).toBe('replay');
  });

  it('sweeps expired entries periodically, so steady traffic keeps it small', () => {
    let now = 0;
    const cache = new ReplayCache(1_000_000, () => now);
    for (let i = 0; i < 10_000; i += 1) {
      now = i * 10;
      cache.remember(`jti-${i}`, now + 300);
    }
    expect(cache.size).toBeLessThan(1100);
  });
});
