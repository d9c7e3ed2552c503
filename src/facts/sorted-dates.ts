/**
 * Lists sorted by date, as the course builder reads them (courses.ts): sorting records that
 * nearly always come in order, and finding where a date falls by binary search.
 */
import type { LocalDate } from '../time/local-date.js';

/**
 * Sorts by a date, oldest first and stably — as a sort with a comparator would, without a
 * comparator call per pair in the usual cases: the records come newest first (build-facts.ts sorts
 * them), so a list is in strictly falling order (then reversed) or already in order (then left).
 */
export function sortOldestFirst<T>(items: T[], dateOf: (item: T) => LocalDate): T[] {
  let rising = true;
  let falling = true;
  let previous: LocalDate | undefined;
  for (const item of items) {
    const date = dateOf(item);
    if (previous !== undefined) {
      if (date < previous) rising = false;
      else falling = false;
      if (!rising && !falling) break;
    }
    previous = date;
  }
  if (rising) return items;
  if (falling) return items.reverse();
  return items.sort((a, b) => {
    const da = dateOf(a);
    const db = dateOf(b);
    return da === db ? 0 : da < db ? -1 : 1;
  });
}

/** Index of the first event strictly after `date` (events sorted by date). */
export function firstAfter(sorted: readonly { readonly date: LocalDate }[], date: LocalDate): number {
  return firstNot(sorted, (d) => d <= date);
}

/** Index of the first item dated on or after `date` in a list sorted by date. */
export function firstOnOrAfter(sorted: readonly { readonly date: LocalDate }[], date: LocalDate): number {
  return firstNot(sorted, (d) => d < date);
}

/** Binary search: the index of the first item whose date `before` does not hold for (it holds for a prefix of the list). */
function firstNot(sorted: readonly { readonly date: LocalDate }[], before: (date: LocalDate) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const item = sorted[mid];
    if (item !== undefined && before(item.date)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
