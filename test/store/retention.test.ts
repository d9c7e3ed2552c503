/** CDS_RETENTION_DAYS: pruning at start and on a timer that never keeps the process alive. */
import { describe, expect, it, vi } from 'vitest';
import { startRetention } from '../../src/store/retention.js';
import type { PruneResult } from '../../src/store/store.js';

const NOTHING: PruneResult = { issuedCards: 0, auditEntries: 0, feedback: 0, replayKeys: 0, rateLimitKeys: 0 };

describe('retention', () => {
  it('prunes at start with the cut-off CDS_RETENTION_DAYS before now, then on every tick', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const cutOffs: string[] = [];
      const store = { prune: (from: Date) => (cutOffs.push(from.toISOString()), Promise.resolve(NOTHING)) };
      const retention = startRetention(store, { days: 400, clock: () => new Date('2026-12-02T10:00:00.000Z'), intervalMs: 60_000 });
      expect(cutOffs).toEqual(['2025-10-28T10:00:00.000Z']);
      await vi.advanceTimersByTimeAsync(120_000);
      expect(cutOffs).toHaveLength(3);
      await retention.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(cutOffs).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failing prune is logged, never thrown, and tried again at the next tick', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const errors: unknown[] = [];
      let calls = 0;
      const store = { prune: () => (calls += 1, Promise.reject(new Error('database down'))) };
      const logger = { error: (fields: unknown) => errors.push(fields), info: () => undefined };
      const retention = startRetention(store, { days: 1, intervalMs: 1000, logger: logger as never });
      await vi.advanceTimersByTimeAsync(1000);
      await retention.stop();
      expect(calls).toBe(2);
      expect(errors).toEqual([{ errorName: 'Error' }, { errorName: 'Error' }]);
    } finally {
      vi.useRealTimers();
    }
  });
});
