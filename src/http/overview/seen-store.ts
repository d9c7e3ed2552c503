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
 * Each snapshot is kept as its JSON in a Buffer of UTF-16 code units, outside the JavaScript heap,
 * counted by those bytes (what it takes in memory) and decoded when its link is clicked. Not as a
 * string: kept strings outlived the young generation, so every call's snapshot was copied by two
 * scavenges and then grew the old generation, and the service spent a fifth of its time at 10
 * Observations on that (Node 20, benchmark server: 1.48 against 1.16 ms of CPU per call with the
 * snapshot made and dropped; scavenges 1.7 against 0.9 s per 10 s of load). Not UTF-8: the text has
 * characters outside Latin-1 (− and –), and encoding such a string as UTF-8 cost six times what
 * copying its code units does (10 KB: 0.042 against 0.007 ms). A snapshot made in a worker thread
 * comes already encoded (`encodeSnapshot`), its bytes handed over rather than copied: as a string
 * the event loop copied it once out of the message and again into its Buffer. The snapshot (given as what makes it: the overview model is computed then)
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
  /** A snapshot already encoded by `encodeSnapshot` (a call evaluated in a worker thread, src/http/evaluation-pool.ts). */
  keepEncoded(id: string, bytes: Uint8Array): void;
  /** The snapshot's JSON, or undefined once it is no longer kept. */
  get(id: string): string | undefined;
  /** How many snapshots and bytes are kept now. */
  usage(): { readonly entries: number; readonly bytes: number };
}

/** Each character of the JSON is kept as one UTF-16 code unit. */
const UTF16_BYTES = 2;

/**
 * A snapshot's JSON as the store keeps it (UTF-16 code units), in an ArrayBuffer of its own (not
 * a slice of Buffer's shared pool), so that a worker thread can hand it over with its message.
 */
export function encodeSnapshot(json: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(json.length * UTF16_BYTES);
  bytes.write(json, 'utf16le');
  return bytes;
}

const DEFAULT_LIMITS: SeenLimits = { ttlMs: SEEN_TTL_MS, maxEntries: SEEN_MAX_ENTRIES, maxBytes: SEEN_MAX_BYTES };

export function createSeenStore(clock: () => Date, limits: Partial<SeenLimits> = {}, onError: (err: unknown) => void = () => undefined): SeenStore {
  const { ttlMs, maxEntries, maxBytes } = { ...DEFAULT_LIMITS, ...limits };
  // Map keeps insertion order: the first entry is the oldest.
  const entries = new Map<string, { readonly at: number; readonly json: Buffer }>();
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
      bytes -= entry.json.length;
    }
  };
  const store = (id: string, at: number, encoded: Uint8Array): void => {
    // One snapshot over the whole budget is not kept at all (its link says so) rather than emptying the store.
    if (encoded.byteLength > maxBytes) return;
    // A Buffer over the same bytes (a worker's arrive as a plain Uint8Array): no copy.
    const json = Buffer.from(encoded.buffer, encoded.byteOffset, encoded.byteLength);
    const earlier = entries.get(id);
    if (earlier !== undefined) bytes -= earlier.json.length;
    entries.set(id, { at, json });
    bytes += json.length;
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
      // Not encoded first to be refused after: a text over the budget is never copied.
      if (text.length * UTF16_BYTES <= maxBytes) store(id, at, encodeSnapshot(text));
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
    keepEncoded(id, bytes) {
      const now = clock().getTime();
      store(id, now, bytes);
      evict(now);
    },
    get(id) {
      if (pending.length > 0) flush();
      const now = clock().getTime();
      evict(now);
      const entry = entries.get(id);
      return entry === undefined || now - entry.at > ttlMs ? undefined : entry.json.toString('utf16le');
    },
    usage() {
      if (pending.length > 0) flush();
      return { entries: entries.size, bytes };
    },
  };
}
