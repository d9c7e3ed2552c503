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

/** Items with their sort keys, sorted once at the end (`issued`: the Observation's, for same-day duplicates). */
export type Sorted<T> = { item: T; date: LocalDate; raw: string; order: number; instant?: number; issued?: string }[];

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

function sortNewestFirst<T>(items: Sorted<T>): void {
  const instant = (s: Sorted<T>[number]): number => (s.instant ??= instantOf(s.raw));
  items.sort((a, b) => (a.date === b.date ? instant(b) - instant(a) || a.order - b.order : a.date < b.date ? 1 : -1));
}

/**
 * rules.md section 1 (v2), same-day duplicates: results of one concept (`kindOf` splits a family,
 * e.g. total and ionised calcium) on one calendar day are one measurement — the later-issued one,
 * else the later id [choice]. So a copy is never a re-check, a baseline and a follow-up, or a
 * "fall" from itself. Returned newest first.
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
    if (seen === undefined || laterCopy(entry, seen)) kept.set(key, entry);
  }
  const winners = [...kept.values()];
  sortNewestFirst(winners);
  return winners;
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
