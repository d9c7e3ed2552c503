/**
 * Counting fractures (rules.md section 1, "Counting fractures" (v2)):
 * - fractures of different sites count separately, even on the same day;
 * - spine: different vertebrae or regions are different fractures; when one of two records names
 *   no vertebra they cannot be told apart and count as one [choice: the usual reason is the same
 *   fracture coded twice, e.g. an S-code and an M80 code];
 * - the same site recorded again within 14 days [choice] is the same fracture (the window is
 *   counted from the first record of it, so a chain of records does not stretch it);
 * - a record of multiple vertebral fractures (`count` 2) counts as two;
 * - a later-encounter record (ICD-10-CM 7th character D, G, K, P, S: `followUp`) of a site recorded
 *   before it is that fracture, however long after [choice: ICD-10-CM codes a new fracture as an
 *   initial encounter; counted twice, a hip fracture followed up a year later on treatment would
 *   read as a fracture on treatment] (`withoutFollowUps`);
 * - undated records are never merged (nothing shows they are the same).
 */
import { daysBetween } from '../time/local-date.js';
import type { Fracture } from './types.js';
import { regionOf } from './vertebrae.js';

/** "The same site recorded twice within 14 days is one fracture" [choice]. */
export const SAME_FRACTURE_DAYS = 14;

function sameVertebra(a: Fracture, b: Fracture): boolean {
  if (a.vertebra === undefined || b.vertebra === undefined) return true;
  if (regionOf(a.vertebra) !== regionOf(b.vertebra)) return false;
  const named = (v: string): boolean => /\d/.test(v);
  return !(named(a.vertebra) && named(b.vertebra) && a.vertebra !== b.vertebra);
}

/** Low-energy evidence wins over high-energy evidence, which wins over none (facts/fractures.ts). */
export const MECHANISM_RANK = { 'low-energy': 2, 'high-energy': 1, unknown: 0 } as const;

/**
 * The records without the later-encounter ones (`followUp`) of a fracture recorded on or before
 * their date: the earlier record stands for both and takes the follow-up's mechanism when that
 * says more. A follow-up with nothing before it (the fracture was first recorded elsewhere) stays.
 */
export function withoutFollowUps(fractures: readonly Fracture[]): Fracture[] {
  const byDate = [...fractures].sort((a, b) => ((a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0));
  const kept: Fracture[] = [];
  for (const f of byDate) {
    const at = f.followUp === true && f.date !== undefined ? kept.findIndex((k) => continuedBy(k, f)) : -1;
    const earlier = kept[at];
    if (earlier === undefined) kept.push(f);
    else if (MECHANISM_RANK[f.mechanism] > MECHANISM_RANK[earlier.mechanism]) kept[at] = { ...earlier, mechanism: f.mechanism };
  }
  return kept;
}

function continuedBy(earlier: Fracture, followUp: Fracture): boolean {
  if (earlier.site !== followUp.site || earlier.date === undefined || followUp.date === undefined || earlier.date > followUp.date) return false;
  return earlier.site !== 'spine' || sameVertebra(earlier, followUp);
}

/** Whether two records stand for the same fracture. */
export function sameFracture(a: Fracture, b: Fracture): boolean {
  if (a.site !== b.site || a.date === undefined || b.date === undefined) return false;
  if (Math.abs(daysBetween(a.date, b.date)) > SAME_FRACTURE_DAYS) return false;
  return a.site !== 'spine' || sameVertebra(a, b);
}

export interface FractureGroup<T> {
  /** The first item of the group in the order given (e.g. a definite before a possible one). */
  readonly first: T;
  readonly items: readonly T[];
  /** Fractures the group counts for: the largest `count` of its records. */
  readonly count: number;
}

/**
 * Groups items (each carrying a fracture) into distinct fractures. A record joins the earliest
 * group whose first-dated record is the same fracture; the order given decides each group's `first`.
 */
export function fractureGroups<T>(items: readonly T[], fractureOf: (item: T) => Fracture): FractureGroup<T>[] {
  const byDate = [...items].sort((x, y) => {
    const a = fractureOf(x).date ?? '9999';
    const b = fractureOf(y).date ?? '9999';
    return a === b ? 0 : a < b ? -1 : 1;
  });
  const groups: { anchor: Fracture; members: T[] }[] = [];
  for (const item of byDate) {
    const f = fractureOf(item);
    const group = groups.find((g) => sameFracture(g.anchor, f));
    if (group === undefined) groups.push({ anchor: f, members: [item] });
    else group.members.push(item);
  }
  const position = new Map<T, number>(items.map((item, i) => [item, i]));
  return groups
    .map((g) => {
      const members = [...g.members].sort((x, y) => (position.get(x) ?? 0) - (position.get(y) ?? 0));
      const first = members[0] as T;
      return { first, items: members, count: Math.max(...members.map((m) => fractureOf(m).count ?? 1)) };
    })
    .sort((x, y) => (position.get(x.first) ?? 0) - (position.get(y.first) ?? 0));
}

/** How many distinct fractures the records stand for. */
export function countFractures(fractures: readonly Fracture[]): number {
  return fractureGroups(fractures, (f) => f).reduce((n, g) => n + g.count, 0);
}
