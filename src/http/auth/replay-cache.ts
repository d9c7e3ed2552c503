/**
 * The `jti` replay cache (CDS Hooks best practices, "JWT": "keep seen jtis until they expire").
 * Keys are `iss` + `jti` of tokens that passed every other check; each is kept until its token
 * can no longer be accepted (`exp` plus the clock skew), then swept.
 *
 * Bounded: at `maxEntries` live entries the oldest entry is evicted to make room. Refusing every
 * new token instead would let anyone who can mint valid tokens (or a burst of real traffic) lock
 * every EHR out until tokens expire (issue 13, finding 9); eviction only reopens a replay window
 * for the oldest token, whose `exp` is the nearest. Sweeps run every `SWEEP_EVERY` insertions, and
 * when full at most once a second, so a flood cannot make every call O(n); eviction is O(1)
 * (a Map iterates in insertion order).
 */

const SWEEP_EVERY = 1024;
const FULL_SWEEP_INTERVAL_MS = 1000;

export type Remembered = 'new' | 'replay';

export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private insertsSinceSweep = 0;
  private lastFullSweep = Number.NEGATIVE_INFINITY;
  private evictedCount = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records `key` until `expiresAtMs`; "replay" when it is already recorded and not expired. */
  remember(key: string, expiresAtMs: number): Remembered {
    const now = this.now();
    const known = this.seen.get(key);
    if (known !== undefined && known > now) return 'replay';
    if (known !== undefined) this.seen.delete(key);

    this.insertsSinceSweep += 1;
    if (this.insertsSinceSweep >= SWEEP_EVERY) this.sweep(now);
    if (this.seen.size >= this.maxEntries && now - this.lastFullSweep >= FULL_SWEEP_INTERVAL_MS) {
      this.lastFullSweep = now;
      this.sweep(now);
    }
    while (this.seen.size >= this.maxEntries) {
      const oldest = this.seen.keys().next();
      if (oldest.done === true) break;
      this.seen.delete(oldest.value);
      this.evictedCount += 1;
    }
    this.seen.set(key, expiresAtMs);
    return 'new';
  }

  get size(): number {
    return this.seen.size;
  }

  /** Live entries evicted to make room since start. */
  get evicted(): number {
    return this.evictedCount;
  }

  private sweep(now: number): void {
    this.insertsSinceSweep = 0;
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt <= now) this.seen.delete(key);
    }
  }
}
