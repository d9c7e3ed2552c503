/**
 * The store's rate-limit counters as an express-rate-limit `Store` (src/http/app.ts uses
 * it when the store is PostgreSQL, CDS_DATABASE_URL), so every replica counts a caller's calls in one window: an
 * atomic `hit` per call in PostgreSQL, a fixed window of the limiter's `windowMs`.
 *
 * Keys are hashed: the limiter's keys hold the issuer and tenant (any length, and a NUL that
 * PostgreSQL text cannot hold); a sha-256 is short and safe in an index.
 */
import { createHash } from 'node:crypto';
import type { ClientRateLimitInfo, Options, Store as RateLimitStore } from 'express-rate-limit';
import type { Store } from '../store/store.js';

const hashed = (key: string): string => `rate:${createHash('sha256').update(key, 'utf8').digest('hex')}`;

export class SharedRateLimitStore implements RateLimitStore {
  /** Counts are shared between processes: the limiter must not assume they are its own. */
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(private readonly store: Pick<Store, 'hit' | 'unhit' | 'resetKey'>) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const { count, resetTime } = await this.store.hit(hashed(key), this.windowMs);
    return { totalHits: count, resetTime };
  }

  decrement(key: string): Promise<void> {
    return this.store.unhit(hashed(key));
  }

  resetKey(key: string): Promise<void> {
    return this.store.resetKey(hashed(key));
  }
}
