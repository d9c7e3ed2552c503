/**
 * Counting fractures (rules.md section 1, "Counting fractures" (v2)):
 * - fractures of different sites count separately, even on the same day;
 * - spine: different vertebrae or regions are different fractures; when one of two records names
 *   no vertebra they cannot be told apart and count as one [choice: the usual reason is the same
 *   fracture coded twice, e.g. an S-code and an M80 code]. A record joins a fracture only when it
 *   cannot be told apart from any of its records, and a record naming no vertebra (or no side)
 *   neither joins nor anchors two that do (`fractureGroups`): beside a thoracic and a lumbar one it
 *   is one of the two, whatever the order they come in; right and left are two fractures of a limb;
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

/** The levels a vertebra names: `T11-T12` (an ICD-10-CM pair) is T11 and T12. */
const levels = (v: string): readonly string[] => v.split('-');

function sameVertebra(a: Fracture, b: Fracture): boolean {
  if (a.vertebra === undefined || b.vertebra === undefined) return true;
  if (regionOf(a.vertebra) !== regionOf(b.vertebra)) return false;
  if (!named(a.vertebra) || !named(b.vertebra)) return true;
  // T12 lies in T11-T12: the two records cannot be told apart.
  const other = levels(b.vertebra);
  return levels(a.vertebra).some((l) => other.includes(l));
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
      continue;
    }
    let merged = MECHANISM_RANK[f.mechanism] > MECHANISM_RANK[earlier.mechanism] ? { ...earlier, mechanism: f.mechanism } : earlier;
    // The follow-up tells which fracture the earlier record was: an M80.08 continued by an L1 follow-up
    // is the L1 fracture (else, naming none, it read as one with a thoracic fracture beside it).
    if (earlier.site === 'spine' && earlier.vertebra === undefined && f.vertebra !== undefined) merged = { ...merged, vertebra: f.vertebra };
    if (earlier.site !== 'spine' && earlier.side === undefined && f.side !== undefined) merged = { ...merged, side: f.side };
    if (merged === earlier) continue;
    kept[at] = merged;
    latest.renamed(merged, at);
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
    // The latest is kept: a record renamed after later ones were noted (`renamed`) does not displace them.
    const set = (map: Map<string, number>, key: string): void => {
      if ((map.get(key) ?? -1) < index) map.set(key, index);
    };
    set(this.bySite, f.site);
    set(this.bySiteSide, `${f.site}|${f.side ?? ''}`);
    if (f.site !== 'spine') return;
    if (f.vertebra === undefined) {
      this.spineUnnamed = index;
      return;
    }
    const region = regionOf(f.vertebra);
    set(this.spineByRegion, region);
    // A pair (T11-T12) under each of its levels too: a follow-up naming T12 continues it.
    if (named(f.vertebra)) for (const key of [f.vertebra, ...levels(f.vertebra)]) set(this.spineByVertebra, key);
    else set(this.spineRegionOnly, region);
  }

  /** The record at `index` now names its vertebra or side (a follow-up told it): found under that, no longer as naming none. */
  renamed(f: Fracture, index: number): void {
    if (this.spineUnnamed === index) this.spineUnnamed = undefined;
    if (this.bySiteSide.get(`${f.site}|`) === index) this.bySiteSide.delete(`${f.site}|`);
    this.note(f, index);
  }

  continuing(f: Fracture): number | undefined {
    if (f.site !== 'spine') {
      if (f.side === undefined) return this.bySite.get(f.site);
      return latestOf([this.bySiteSide.get(`${f.site}|${f.side}`), this.bySiteSide.get(`${f.site}|`)]);
    }
    if (f.vertebra === undefined) return this.bySite.get(f.site);
    const region = regionOf(f.vertebra);
    if (!named(f.vertebra)) return latestOf([this.spineUnnamed, this.spineByRegion.get(region)]);
    return latestOf([this.spineUnnamed, this.spineRegionOnly.get(region), ...[f.vertebra, ...levels(f.vertebra)].map((key) => this.spineByVertebra.get(key))]);
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
 * Whether two records of one site cannot be told apart: the same vertebra (spine), the same side (a
 * limb). The pelvis is one ring: its right and left pubic rami broken in one fall are one fracture [choice].
 */
function alike(a: Fracture, b: Fracture): boolean {
  if (a.site === 'spine') return sameVertebra(a, b);
  if (a.site === 'pelvis') return true;
  return a.side === undefined || b.side === undefined || a.side === b.side;
}

/** The record names which of its site's fractures it is: a vertebra or region, a side. */
function specific(f: Fracture): boolean {
  return f.site === 'spine' ? f.vertebra !== undefined : f.side !== undefined;
}

interface Group<T> {
  readonly day: number | undefined;
  readonly site: Fracture['site'];
  readonly members: T[];
  /** The fractures of the members the first pass gave it (those the second adds name nothing to tell apart). */
  readonly fractures: Fracture[];
}

/**
 * Groups items (each carrying a fracture) into distinct fractures; the order given decides each
 * group's `first`. Two passes, so that neither the order of the records nor one that names no
 * vertebra or side decides the count:
 * 1. records naming their vertebra (region or level) or side, in date order: each joins the earliest
 *    group of its site that none of whose records it can be told apart from (`alike`), within 14
 *    days of the group's first record;
 * 2. the others (an M80.08 beside the S-codes, a hip with no side): each joins the earliest such
 *    group of its site begun within 14 days of it (before or after), else makes or joins one of
 *    its own kind as in 1.
 * An unnamed spine record beside a thoracic and a lumbar one is then one of the two, and one dated
 * a few days before two records of T12 eleven days apart does not stretch T12 into two fractures.
 */
export function fractureGroups<T>(items: readonly T[], fractureOf: (item: T) => Fracture): FractureGroup<T>[] {
  const dayOf = (f: Fracture): number | undefined => (f.date === undefined ? undefined : dayNumber(f.date));
  const byDate = [...items].sort((x, y) => {
    const a = fractureOf(x).date ?? '9999';
    const b = fractureOf(y).date ?? '9999';
    return a === b ? 0 : a < b ? -1 : 1;
  });
  const named: Group<T>[] = [];
  const unnamed: Group<T>[] = [];
  const join = (groups: Group<T>[], item: T, f: Fracture, day: number | undefined, from: number, fits: (g: Group<T>) => boolean): number => {
    let start = from;
    // Groups are made in date order, so only those begun in the last 14 days can take a record:
    // the search starts past the older ones (a scan of every group made the count a square).
    if (day !== undefined) while (start < groups.length && (groups[start]!.day ?? Infinity) < day - SAME_FRACTURE_DAYS) start += 1;
    let group: Group<T> | undefined;
    for (let i = start; day !== undefined && i < groups.length && group === undefined; i++) {
      const g = groups[i]!;
      if (g.day !== undefined && g.site === f.site && fits(g)) group = g;
    }
    if (group === undefined) groups.push({ day, site: f.site, members: [item], fractures: [f] });
    else {
      group.members.push(item);
      group.fractures.push(f);
    }
    return start;
  };
  let fromNamed = 0;
  let fromUnnamed = 0;
  const later: { item: T; f: Fracture; day: number | undefined }[] = [];
  for (const item of byDate) {
    const f = fractureOf(item);
    const day = dayOf(f);
    if (!specific(f)) later.push({ item, f, day });
    else fromNamed = join(named, item, f, day, fromNamed, (g) => g.fractures.every((m) => alike(m, f)));
  }
  let nearFrom = 0;
  for (const { item, f, day } of later) {
    // In date order too: the groups begun more than 14 days before it are passed for good, and the
    // search ends at the first begun more than 14 days after it.
    let near: Group<T> | undefined;
    if (day !== undefined) {
      while (nearFrom < named.length && (named[nearFrom]!.day ?? Infinity) < day - SAME_FRACTURE_DAYS) nearFrom += 1;
      for (let i = nearFrom; i < named.length && near === undefined; i++) {
        const g = named[i]!;
        if (g.day === undefined || g.day > day + SAME_FRACTURE_DAYS) break;
        if (g.site === f.site) near = g;
      }
    }
    if (near !== undefined) near.members.push(item);
    else fromUnnamed = join(unnamed, item, f, day, fromUnnamed, () => true);
  }
  const position = new Map<T, number>(items.map((item, i) => [item, i]));
  return [...named, ...unnamed]
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
