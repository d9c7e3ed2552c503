/**
 * The overviews the cards' `absolute` links show (/app/seen.html?id=…), kept in memory for a short
 * time under a random id: long enough for the GP to click the link while the patient is in front
 * of them, short enough that patient data does not pile up. In memory only, on purpose — nothing
 * of it is written to disk; with several replicas a link works on the replica that answered the
 * call (sticky sessions), else it says the overview is no longer kept.
 *
 * Bounded by count and by bytes: past `maxEntries` snapshots or `maxBytes` of them the oldest go
 * first, so a burst of calls about large records cannot take the process past its memory limit
 * (the Kubernetes base allows 512 MiB; one snapshot of a record with 2,000 Observations is about
 * 130 KB, and 5,000 of them as objects took the benchmark server from 300 to 840 MB).
 *
 * Each snapshot is kept as its JSON string: what `GET /app/seen/{id}` sends as it is, one flat
 * object whose contents the garbage collector never walks (thousands of snapshot object graphs in
 * the old generation made every major collection slower), counted by its UTF-8 bytes. Not encoded
 * into a Buffer: the text has non-Latin-1 characters (− and –), and encoding it cost six times
 * what counting its bytes does (Node 20, 10 KB: 0.042 against 0.007 ms) on every call, while a
 * snapshot is sent — and encoded — only when its link is clicked. The snapshot (given as what makes it: the overview model is computed then)
 * and its JSON are made after the hook's answer (`setImmediate`), not while the call waits for
 * its cards; a snapshot that cannot be made is not kept (its link says so) and `onError` is told.
 */
import type { OverviewSnapshot } from '../../cds-hooks/evaluator.js';

export const SEEN_TTL_MS = 8 * 60 * 60 * 1000;
export const SEEN_MAX_ENTRIES = 5000;
export const SEEN_MAX_BYTES = 32 * 1024 * 1024;

export interface SeenLimits {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** A snapshot, or what makes it (called once, after the answer has been sent). */
export type SnapshotSource = OverviewSnapshot | (() => OverviewSnapshot);

export interface SeenStore {
  keep(id: string, snapshot: SnapshotSource): void;
  /** A snapshot already as JSON (a call evaluated in a worker thread, src/http/evaluation-pool.ts). */
  keepJson(id: string, json: string): void;
  /** The snapshot's JSON, or undefined once it is no longer kept. */
  get(id: string): string | undefined;
  /** How many snapshots and bytes are kept now. */
  usage(): { readonly entries: number; readonly bytes: number };
}

const DEFAULT_LIMITS: SeenLimits = { ttlMs: SEEN_TTL_MS, maxEntries: SEEN_MAX_ENTRIES, maxBytes: SEEN_MAX_BYTES };

export function createSeenStore(clock: () => Date, limits: Partial<SeenLimits> = {}, onError: (err: unknown) => void = () => undefined): SeenStore {
  const { ttlMs, maxEntries, maxBytes } = { ...DEFAULT_LIMITS, ...limits };
  // Map keeps insertion order: the first entry is the oldest.
  const entries = new Map<string, { readonly at: number; readonly json: string; readonly bytes: number }>();
  // Snapshots handed over but not yet serialised (until the next turn of the event loop). A new
  // array per turn, not a long-lived Map emptied with clear(): measured on Node 20, that kept each
  // snapshot's facts and request body alive through minor collections until a major one (five
  // times the bytes promoted to the old generation per call).
  let pending: { readonly id: string; readonly at: number; readonly snapshot: SnapshotSource }[] = [];
  let bytes = 0;
  let flushScheduled = false;

  const evict = (now: number): void => {
    for (const [id, entry] of entries) {
      if (now - entry.at <= ttlMs && entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(id);
      bytes -= entry.bytes;
    }
  };
  const store = (id: string, at: number, json: string): void => {
    const size = Buffer.byteLength(json);
    // One snapshot over the whole budget is not kept at all (its link says so) rather than emptying the store.
    if (size > maxBytes) return;
    const earlier = entries.get(id);
    if (earlier !== undefined) bytes -= earlier.bytes;
    entries.set(id, { at, json, bytes: size });
    bytes += size;
  };
  const flush = (): void => {
    flushScheduled = false;
    const batch = pending;
    pending = [];
    for (const { id, at, snapshot } of batch) {
      let text: string;
      try {
        text = JSON.stringify(typeof snapshot === 'function' ? snapshot() : snapshot);
      } catch (err) {
        onError(err);
        continue;
      }
      store(id, at, text);
    }
    evict(clock().getTime());
  };

  return {
    keep(id, snapshot) {
      pending.push({ id, at: clock().getTime(), snapshot });
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    keepJson(id, json) {
      const now = clock().getTime();
      store(id, now, json);
      evict(now);
    },
    get(id) {
      if (pending.length > 0) flush();
      const now = clock().getTime();
      evict(now);
      const entry = entries.get(id);
      return entry === undefined || now - entry.at > ttlMs ? undefined : entry.json;
    },
    usage() {
      if (pending.length > 0) flush();
      return { entries: entries.size, bytes };
    },
  };
}
