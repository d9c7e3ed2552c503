/**
 * Writes rows the service records on the side (issued cards, audit entries) off the request's
 * critical path: a route hands rows over (an O(rows) push onto a queue) and the queue is written
 * to the store in one statement per batch, one batch per turn of the event loop — on a short
 * timer, or at once when a batch is full. The
 * queue is bounded: past `maxQueue` waiting rows, new ones are dropped and counted (statistics and
 * the audit trail are not worth slowing or starving the service for; the drop count is on /stats
 * and in the log). `flush()` writes what waits (GET /stats calls it first); `close()` flushes for
 * the last time (shutdown). A write that fails is logged and its rows are dropped.
 */
import type { Logger } from 'pino';

export interface BatchWriter<T> {
  /** Queues rows; never throws, never waits. */
  add(rows: readonly T[]): void;
  /** Writes every queued row now; resolves when the writes begun so far have ended. */
  flush(): Promise<void>;
  /** Flushes and stops taking rows (later ones are ignored). */
  close(): Promise<void>;
  /** Rows dropped (queue full or write failed), since start. */
  readonly dropped: number;
}

export interface BatchWriterOptions {
  /** Names the rows in the log line of a failed write. */
  readonly what: string;
  /** Most rows waiting to be written (default 10 000). */
  readonly maxQueue?: number;
  /** Rows per statement; a queue this long is written at once, one batch per turn of the event loop (default 100). */
  readonly batchSize?: number;
  /** Otherwise queued rows are written this long after the first of them (default 200 ms). */
  readonly flushMs?: number;
  readonly logger?: Logger;
}

export function createBatchWriter<T>(write: (batch: readonly T[]) => Promise<unknown>, options: BatchWriterOptions): BatchWriter<T> {
  const maxQueue = options.maxQueue ?? 10_000;
  const batchSize = options.batchSize ?? 100;
  const flushMs = options.flushMs ?? 200;
  const queue: T[] = [];
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let dropped = 0;
  let closed = false;
  const inFlight = new Set<Promise<void>>();

  /** Writes the first `batchSize` queued rows, in a statement of their own. */
  const writeBatch = (): void => {
    const batch = queue.splice(0, batchSize);
    const done = Promise.resolve()
      .then(() => write(batch))
      .then(
        () => undefined,
        (err: unknown) => {
          dropped += batch.length;
          // Log the failure (no row contents) and carry on serving.
          options.logger?.error({ errorName: err instanceof Error ? err.name : 'unknown', rows: batch.length }, `could not record ${options.what}`);
        },
      )
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  };

  const cancelScheduled = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (immediate !== undefined) clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
  };

  /**
   * On its own, one batch per turn of the event loop: an SQLite write runs on it (about 14 µs a
   * row), and a queue of thousands of rows written at once held it for tens of milliseconds —
   * every other call, /healthz included, waited (issue 18, calls with 100 draft orders).
   */
  const drain = (): void => {
    cancelScheduled();
    if (queue.length > 0) writeBatch();
    if (queue.length > 0) immediate = setImmediate(drain);
  };

  const flush = (): Promise<void> => {
    cancelScheduled();
    while (queue.length > 0) writeBatch();
    return Promise.all(inFlight).then(() => undefined);
  };

  return {
    add(rows) {
      if (closed || rows.length === 0) return;
      for (const row of rows) {
        if (queue.length >= maxQueue) dropped += 1;
        else queue.push(row);
      }
      if (queue.length >= batchSize) {
        // After the response is written, not inside the request.
        immediate ??= setImmediate(drain);
      } else if (timer === undefined && queue.length > 0) {
        timer = setTimeout(drain, flushMs);
        timer.unref();
      }
    },
    flush,
    close() {
      const done = flush();
      closed = true;
      return done;
    },
    get dropped() {
      return dropped;
    },
  };
}
