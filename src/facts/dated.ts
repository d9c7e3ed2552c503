/**
 * Dated items and their order: the sort keys each family keeps while reading, newest-first
 * sorting, the one-per-day rule for lab results, and "the latest" of an unsorted list.
 */
import type { LocalDate } from '../time/local-date.js';
import type { Ref } from './types.js';
import { instantOf, type WhenObserved } from './values.js';

export interface Dated<T> {
  readonly value: T;
  readonly date?: LocalDate;
  /** The dateTime as sent, for the order within a day. */
  readonly raw?: string;
  readonly ref: Ref;
}

/** An item with its sort keys (`issued`: the Observation's, for same-day duplicates). */
export class SortKey<T> {
  readonly item: T;
  readonly date: LocalDate;
  /** The dateTime as sent; its instant is read when two items of one day are compared. */
  readonly raw: string;
  /** The resource's position in the input. */
  readonly order: number;
  readonly issued: string | undefined;
  /** Of two results of one day, the lower rank is read (terminology `sameDayRank`; 0: none). */
  readonly rank: number;
  instant: number | undefined = undefined;

  constructor(item: T, when: WhenObserved, order: number, issued: string | undefined, rank = 0) {
    this.item = item;
    this.date = when.date;
    this.raw = when.raw;
    this.order = order;
    this.issued = issued;
    this.rank = rank;
  }
}

/** Items with their sort keys, sorted once at the end. */
export type Sorted<T> = SortKey<T>[];

export function pushDated<T>(list: Dated<T>[], value: T, ref: Ref, when: WhenObserved | undefined): void {
  list.push({ value, ref, ...(when === undefined ? {} : { date: when.date, raw: when.raw }) });
}

/** Sorts newest first (by date, then time of day, then input order) and drops the sort keys. */
export function newestFirst<T>(items: Sorted<T>): T[] {
  sortNewestFirst(items);
  // A loop, not `map`: the array `map` makes has a different map (elements kind) optimised and
  // not, and buildFacts, reading it, deoptimised on every call once it was hot.
  const out: T[] = [];
  for (const i of items) out.push(i.item);
  return out;
}

/**
 * Newest first (by date, then time of day, then input order). Feeds mostly arrive in date order,
 * newest or oldest first: one pass over neighbours tells, and such a list is kept or reversed
 * without sorting. (The comparison is a total preorder: a list whose neighbours are all in order
 * or equal is what the stable sort would give, and one whose neighbours are all strictly out of
 * order is that list reversed.)
 */
function sortNewestFirst<T>(items: Sorted<T>): void {
  let inOrder = true;
  let reversed = true;
  for (let i = 1; i < items.length && (inOrder || reversed); i++) {
    if (newerFirst(items[i - 1] as SortKey<T>, items[i] as SortKey<T>) > 0) inOrder = false;
    else reversed = false;
  }
  if (inOrder) return;
  if (reversed) items.reverse();
  else items.sort(newerFirst);
}

function newerFirst<T>(a: SortKey<T>, b: SortKey<T>): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return instant(b) - instant(a) || a.order - b.order;
}

function instant<T>(s: SortKey<T>): number {
  return (s.instant ??= instantOf(s.raw));
}

/**
 * rules.md section 1 (v2), same-day duplicates: results of one concept (`kindOf` splits a family,
 * e.g. total and ionised calcium) on one calendar day are one measurement — the later-issued one,
 * else the later id [choice]. So a copy is never a re-check, a baseline and a follow-up, or a
 * "fall" from itself. Returned newest first.
 *
 * Results of different codes on one day are no copies: the code of the lower rank is read
 * (terminology `sameDayRank`: a 25-OH-D3 fraction gives way to the total, MDRD to CKD-EPI, an eGFR
 * "among blacks" to the unadjusted one), so one day's value is the same estimate from day to day.
 *
 * Sorted first, so the results of one day are neighbours: a day with one result (the usual case)
 * keeps it, and only a day with several needs choosing — no map over every date.
 */
export function onePerDay<T extends { readonly ref: Ref }>(items: Sorted<T>, kindOf?: (item: T) => string): T[] {
  sortNewestFirst(items);
  const out: T[] = [];
  let i = 0;
  while (i < items.length) {
    const first = items[i];
    let j = i + 1;
    while (j < items.length && items[j]?.date === first?.date) j++;
    if (j === i + 1 && first !== undefined) out.push(first.item);
    else for (const entry of keptOfDay(items.slice(i, j), kindOf)) out.push(entry.item);
    i = j;
  }
  return out;
}

/**
 * The kept result of each kind among one day's results, newest first. The results are weighed in
 * input order — by `order`, the resource's position; the stable sort keeps the components of one
 * Observation in theirs — so the earlier of two equal copies stays, and kinds first seen first
 * come first among results that sort alike.
 */
function keptOfDay<T extends { readonly ref: Ref }>(day: Sorted<T>, kindOf?: (item: T) => string): Sorted<T> {
  const kept = new Map<string, Sorted<T>[number]>();
  for (const entry of day.sort((a, b) => a.order - b.order)) {
    const key = kindOf === undefined ? '' : kindOf(entry.item);
    const seen = kept.get(key);
    if (seen === undefined || keptOver(entry, seen)) kept.set(key, entry);
  }
  const winners = [...kept.values()];
  sortNewestFirst(winners);
  return winners;
}

/** Of two results of one day: `a` over `b`? The lower rank, then the later copy. */
function keptOver<T extends { readonly ref: Ref }>(a: Sorted<T>[number], b: Sorted<T>[number]): boolean {
  return a.rank !== b.rank ? a.rank < b.rank : laterCopy(a, b);
}

function laterCopy<T extends { readonly ref: Ref }>(a: Sorted<T>[number], b: Sorted<T>[number]): boolean {
  const ia = instantOf(a.issued);
  const ib = instantOf(b.issued);
  if (ia !== ib) return ia > ib;
  return a.item.ref.localeCompare(b.item.ref, 'en', { numeric: true }) > 0;
}

/** The latest dated item of an unsorted list (undated items only when nothing is dated); rules' `latest` takes the head of a newest-first list. */
export function latestOfUnsorted<T>(items: readonly Dated<T>[]): Dated<T> | undefined {
  let best: Dated<T> | undefined;
  for (const item of items) {
    if (best === undefined) best = item;
    else if (item.date !== undefined && (best.date === undefined || item.date > best.date || (item.date === best.date && instantOf(item.raw) > instantOf(best.raw)))) best = item;
  }
  return best;
}
