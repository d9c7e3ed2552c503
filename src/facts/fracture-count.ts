/**
 * Counting fractures (rules.md section 1, "Counting fractures" (v2)):
 * - fractures of different sites count separately, even on the same day;
 * - spine: different vertebrae or regions are different fractures; when one of two records names
 *   no vertebra they cannot be told apart and count as one [choice: the usual reason is the same
 *   fracture coded twice, e.g. an S-code and an M80 code]. A record joins a fracture only when it
 *   cannot be told apart from any of its records: one record without a level beside a thoracic
 *   and a lumbar one is one of the two, never makes them one (whatever the order they come in);
 * - the same site recorded again within 14 days [choice] is the same fracture (the window is
 *   counted from the first record of it, so a chain of records does not stretch it);
 * - a record of multiple vertebral fractures (`count` 2) counts as two;
 * - a later-encounter record (ICD-10-CM 7th character D, G, K, P, S: `followUp`) is the fracture
 *   of the latest earlier record of the same site — the same side when both name one (ICD-10-CM
 *   6th character: right and left are two hips; an unnamed side may be either), however long
 *   before [choice: ICD-10-CM codes a new fracture as an initial encounter; counted twice, a hip
 *   fracture followed up on treatment, or its sequela years later, would read as a new fracture.
 *   The side is what tells a second fracture: a left hip recorded only as "subsequent encounter"
 *   six years after a right one is one]. A follow-up with no such record stands as its own
 *   fracture, dated by its onset/recordedDate (`withoutFollowUps`);
 * - undated records are never merged (nothing shows they are the same).
 */
import { dayNumber, daysBetween } from '../time/local-date.js';
import type { Fracture } from './types.js';
import { regionOf } from './vertebrae.js';

/** "The same site recorded twice within 14 days is one fracture" [choice]. */
export const SAME_FRACTURE_DAYS = 14;


/** A vertebra by its level ("L1"), not only its region ("thoracic"). */
const named = (v: string): boolean => /\d/.test(v);

function sameVertebra(a: Fracture, b: Fracture): boolean {
  if (a.vertebra === undefined || b.vertebra === undefined) return true;
  if (regionOf(a.vertebra) !== regionOf(b.vertebra)) return false;
  return !(named(a.vertebra) && named(b.vertebra) && a.vertebra !== b.vertebra);
}

/** Low-energy evidence wins over high-energy evidence, which wins over none (facts/fractures.ts). */
export const MECHANISM_RANK = { 'low-energy': 2, 'high-energy': 1, unknown: 0 } as const;

/**
 * The records without the later-encounter ones (`followUp`) of a fracture recorded before them
 * (same site and side): the earlier record stands for both and takes the
 * follow-up's mechanism when that says more. A follow-up with no such record (the fracture was
 * first recorded elsewhere, or long ago) stays.
 */
export function withoutFollowUps(fractures: readonly Fracture[]): Fracture[] {
  const byDate = [...fractures].sort((a, b) => ((a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0));
  const kept: Fracture[] = [];
  const latest = new LatestOf();
  for (const f of byDate) {
    // Dated records come in date order, so every dated one kept so far is on or before this one,
    // and the latest candidate is the only one that can be within the window.
    const at = f.followUp === true && f.date !== undefined ? latest.continuing(f) : undefined;
    const earlier = at === undefined ? undefined : kept[at];
    const joins = earlier?.date !== undefined && f.date !== undefined;
    if (at === undefined || earlier === undefined || !joins) {
      if (f.date !== undefined) latest.note(f, kept.length);
      kept.push(f);
    } else if (MECHANISM_RANK[f.mechanism] > MECHANISM_RANK[earlier.mechanism]) kept[at] = { ...earlier, mechanism: f.mechanism };
  }
  return kept;
}

/**
 * The latest kept record (its index) a follow-up may continue: same site; a side not contradicting
 * its own; for the spine a vertebra `sameVertebra` cannot tell apart — looked up by key, not by a
 * scan of every record kept (thousands of records made that a square). Records are noted in date
 * order, so the highest index is the latest.
 */
class LatestOf {
  /** Any record of the site, whatever its side. */
  private readonly bySite = new Map<string, number>();
  /** Records of the site naming this side (`site|right`), and naming none (`site|`). */
  private readonly bySiteSide = new Map<string, number>();
  private spineUnnamed: number | undefined;
  private readonly spineByRegion = new Map<string, number>();
  private readonly spineRegionOnly = new Map<string, number>();
  private readonly spineByVertebra = new Map<string, number>();

  note(f: Fracture, index: number): void {
    this.bySite.set(f.site, index);
    this.bySiteSide.set(`${f.site}|${f.side ?? ''}`, index);
    if (f.site !== 'spine') return;
    if (f.vertebra === undefined) {
      this.spineUnnamed = index;
      return;
    }
    const region = regionOf(f.vertebra);
    this.spineByRegion.set(region, index);
    if (named(f.vertebra)) this.spineByVertebra.set(f.vertebra, index);
    else this.spineRegionOnly.set(region, index);
  }

  continuing(f: Fracture): number | undefined {
    if (f.site !== 'spine') {
      if (f.side === undefined) return this.bySite.get(f.site);
      return latestOf([this.bySiteSide.get(`${f.site}|${f.side}`), this.bySiteSide.get(`${f.site}|`)]);
    }
    if (f.vertebra === undefined) return this.bySite.get(f.site);
    const region = regionOf(f.vertebra);
    return latestOf(named(f.vertebra) ? [this.spineUnnamed, this.spineRegionOnly.get(region), this.spineByVertebra.get(f.vertebra)] : [this.spineUnnamed, this.spineByRegion.get(region)]);
  }
}

function latestOf(candidates: readonly (number | undefined)[]): number | undefined {
  let out: number | undefined;
  for (const c of candidates) if (c !== undefined && (out === undefined || c > out)) out = c;
  return out;
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
 * group within 14 days of its first-dated record whose records are all the same site (for the
 * spine: none a vertebra it can be told apart from); the order given decides each group's `first`.
 */
export function fractureGroups<T>(items: readonly T[], fractureOf: (item: T) => Fracture): FractureGroup<T>[] {
  const byDate = [...items].sort((x, y) => {
    const a = fractureOf(x).date ?? '9999';
    const b = fractureOf(y).date ?? '9999';
    return a === b ? 0 : a < b ? -1 : 1;
  });
  // Groups are made in date order, so only those anchored in the last 14 days can take a record:
  // the search starts past the older ones (a scan of every group made the count a square).
  const groups: { anchor: Fracture; day: number | undefined; members: T[]; fractures: Fracture[] }[] = [];
  let from = 0;
  for (const item of byDate) {
    const f = fractureOf(item);
    const day = f.date === undefined ? undefined : dayNumber(f.date);
    let group: (typeof groups)[number] | undefined;
    if (day !== undefined) {
      while (from < groups.length && (groups[from]!.day ?? Infinity) < day - SAME_FRACTURE_DAYS) from += 1;
      for (let i = from; i < groups.length && group === undefined; i++) {
        const g = groups[i]!;
        if (g.day !== undefined && g.anchor.site === f.site && (f.site !== 'spine' || g.fractures.every((m) => sameVertebra(m, f)))) group = g;
      }
    }
    if (group === undefined) groups.push({ anchor: f, day, members: [item], fractures: [f] });
    else {
      group.members.push(item);
      group.fractures.push(f);
    }
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
