/**
 * CDS_RETENTION_DAYS: issued cards, audit entries and feedback older than that many days are
 * deleted — once at start, then every `intervalMs` (default 10 minutes), together with expired
 * JWT replay keys and rate-limit windows. The timer never keeps the process alive; a prune that
 * fails is logged and tried again at the next tick. With several replicas each prunes: the
 * deletes are idempotent, so that costs a little work and no harm.
 */
import type { Logger } from 'pino';
import type { Store } from './store.js';

const DAY_MS = 86_400_000;

export interface RetentionOptions {
  readonly days: number;
  readonly clock?: () => Date;
  readonly intervalMs?: number;
  readonly logger?: Logger;
}

export interface Retention {
  /** Stops the timer; resolves when a prune under way has ended (before the store closes). */
  stop(): Promise<void>;
}

export function startRetention(store: Pick<Store, 'prune'>, options: RetentionOptions): Retention {
  const clock = options.clock ?? (() => new Date());
  const run = async (): Promise<void> => {
    const retainFrom = new Date(clock().getTime() - options.days * DAY_MS);
    try {
      const pruned = await store.prune(retainFrom);
      if (Object.values(pruned).some((n) => n > 0)) options.logger?.info({ retentionDays: options.days, pruned }, 'retention: old rows deleted');
    } catch (err) {
      options.logger?.error({ errorName: err instanceof Error ? err.name : 'unknown' }, 'retention: pruning failed; tried again later');
    }
  };
  let running = run();
  const timer = setInterval(() => {
    running = running.then(run);
  }, options.intervalMs ?? 10 * 60_000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
