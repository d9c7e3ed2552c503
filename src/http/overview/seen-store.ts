/**
 * The overviews the cards' `absolute` links show (/app/seen.html?id=…), kept in memory for a short
 * time under a random id: long enough for the GP to click the link while the patient is in front
 * of them, short enough that patient data does not pile up. Bounded: past `maxEntries` the oldest
 * goes first. In memory only, on purpose — nothing of it is written to disk; with several
 * replicas a link works on the replica that answered the call (sticky sessions), else it says the
 * overview is no longer kept.
 */
import type { OverviewSnapshot } from '../../cds-hooks/evaluator.js';

export const SEEN_TTL_MS = 8 * 60 * 60 * 1000;
export const SEEN_MAX_ENTRIES = 5000;

export interface SeenStore {
  keep(id: string, snapshot: OverviewSnapshot): void;
  get(id: string): OverviewSnapshot | undefined;
}

export function createSeenStore(clock: () => Date, ttlMs = SEEN_TTL_MS, maxEntries = SEEN_MAX_ENTRIES): SeenStore {
  // Map keeps insertion order: the first entry is the oldest.
  const entries = new Map<string, { readonly at: number; readonly snapshot: OverviewSnapshot }>();
  const expire = (now: number): void => {
    for (const [id, entry] of entries) {
      if (now - entry.at <= ttlMs && entries.size <= maxEntries) break;
      entries.delete(id);
    }
  };
  return {
    keep(id, snapshot) {
      const now = clock().getTime();
      entries.set(id, { at: now, snapshot });
      expire(now);
    },
    get(id) {
      const now = clock().getTime();
      expire(now);
      const entry = entries.get(id);
      return entry === undefined || now - entry.at > ttlMs ? undefined : entry.snapshot;
    },
  };
}
