/**
 * The `jti` replay cache (CDS Hooks best practices, "JWT": "keep seen jtis until they expire").
 * Keys are `iss` + `jti` of tokens that passed every other check; each is kept until its token
 * can no longer be accepted (`exp` plus the clock skew), then swept.
 *
 * Bounded: at `maxEntries` live entries a new token is refused ("full") rather than an old entry
 * evicted, since eviction would let that token be replayed. Sweeps run every `SWEEP_EVERY`
 * insertions, and when full at most once a second, so a flood cannot make every call O(n).
 */

const SWEEP_EVERY = 1024;
const FULL_SWEEP_INTERVAL_MS = 1000;

export type Remembered = 'new' | 'replay' | 'full';

export class ReplayCache {
  private readonly seen = new Map<string, number>();
  private insertsSinceSweep = 0;
  private lastFullSweep = Number.NEGATIVE_INFINITY;

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
    if (this.seen.size >= this.maxEntries) {
      if (now - this.lastFullSweep < FULL_SWEEP_INTERVAL_MS) return 'full';
      this.lastFullSweep = now;
      this.sweep(now);
      if (this.seen.size >= this.maxEntries) return 'full';
    }
    this.seen.set(key, expiresAtMs);
    return 'new';
  }

  get size(): number {
    return this.seen.size;
  }

  private sweep(now: number): void {
    this.insertsSinceSweep = 0;
    for (const [key, expiresAt] of this.seen) {
      if (expiresAt <= now) this.seen.delete(key);
    }
  }
}
