/**
 * Newest-first order of dated items (facts/dated.ts): a list that arrives in order, or in reverse
 * order, is kept or reversed without sorting — the answer must be the stable sort's in every case,
 * same-day items and items of one Observation (equal keys) included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newestFirst, onePerDay, SortKey } from '../../src/facts/dated.js';
import { instantOf } from '../../src/facts/values.js';

interface Item {
  readonly ref: string;
  readonly date: string;
}

const RAWS = ['2024-05-01', '2024-05-01T08:30:00+01:00', '2024-05-01T10:30:00+02:00', '2024-04-30T23:30:00Z', '2023-01-01T00:00:00Z', '2025-12-01T12:00:00+01:00'];
const entry = fc.record({ raw: fc.constantFrom(...RAWS), order: fc.integer({ min: 0, max: 6 }), issued: fc.option(fc.constantFrom(...RAWS), { nil: undefined }) });

function keys(entries: readonly { raw: string; order: number; issued: string | undefined }[]): SortKey<Item>[] {
  return entries.map((e, i) => {
    const date = e.raw.slice(0, 10);
    return new SortKey<Item>({ ref: `Observation/${i}`, date }, { date, raw: e.raw }, e.order, e.issued);
  });
}

/** The order newestFirst promises, by a plain stable sort. */
function reference(items: readonly SortKey<Item>[]): Item[] {
  return [...items]
    .sort((a, b) => (a.date === b.date ? instantOf(b.raw) - instantOf(a.raw) || a.order - b.order : a.date < b.date ? 1 : -1))
    .map((k) => k.item);
}

describe('newestFirst', () => {
  it('is the stable sort by date, time of day and input order, for any list', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        expect(newestFirst(keys(entries))).toEqual(reference(keys(entries)));
      }),
    );
  });

  it('keeps a list in order and reverses one in reverse order, equal keys included', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        const sorted = reference(keys(entries)).map((item) => keys(entries)[Number(item.ref.split('/')[1])] as SortKey<Item>);
        expect(newestFirst(sorted.map((k) => new SortKey(k.item, { date: k.date, raw: k.raw }, k.order, k.issued)))).toEqual(sorted.map((k) => k.item));
        const reversed = [...sorted].reverse();
        expect(newestFirst(reversed)).toEqual(reference(reversed));
      }),
    );
  });

  it('onePerDay sees the same neighbours whichever way the list arrived', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        const once = onePerDay(keys(entries));
        expect(onePerDay(keys(entries).reverse()).map((i) => i.date)).toEqual(once.map((i) => i.date));
      }),
    );
  });
});
