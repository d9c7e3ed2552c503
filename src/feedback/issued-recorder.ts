/**
 * Records the cards the service issues, off the request's critical path: the hook route hands
 * the rendered cards over (an O(cards) push onto a queue) and the queue is written to the store
 * in one transaction per batch — on a short timer, or at once when a batch is full. The queue is
 * bounded: past `maxQueue` waiting cards, new ones are dropped and counted (statistics are not
 * worth slowing or starving the service for). `flush()` writes what waits (GET /stats calls it
 * first); `close()` flushes for the last time (shutdown).
 *
 * Only the card's uuid, service, topic, indicator and the time are kept: no patient data.
 */
import type { Logger } from 'pino';
import type { Card } from '../cds-hooks/response.js';
import type { FeedbackStore, IssuedCard } from './store.js';

export interface IssuedCardRecorder {
  /** Queues the cards of one response; never throws. */
  record(serviceId: string, cards: readonly Card[], issuedAt: Date): void;
  /** Writes every queued card now. */
  flush(): void;
  /** Flushes and stops recording (later cards are ignored). */
  close(): void;
  /** Cards dropped because the queue was full, since start. */
  readonly dropped: number;
}

export interface RecorderOptions {
  /** Most cards waiting to be written (default 10 000). */
  readonly maxQueue?: number;
  /** A batch this large is written at once (default 500). */
  readonly batchSize?: number;
  /** Otherwise queued cards are written this long after the first of them (default 200 ms). */
  readonly flushMs?: number;
  readonly logger?: Logger;
}

export function createIssuedCardRecorder(store: Pick<FeedbackStore, 'recordIssued'>, options: RecorderOptions = {}): IssuedCardRecorder {
  const maxQueue = options.maxQueue ?? 10_000;
  const batchSize = options.batchSize ?? 500;
  const flushMs = options.flushMs ?? 200;
  let queue: IssuedCard[] = [];
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let dropped = 0;
  let closed = false;

  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    if (immediate !== undefined) clearImmediate(immediate);
    timer = undefined;
    immediate = undefined;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      store.recordIssued(batch);
    } catch (err) {
      // Statistics only: log the failure (no card contents) and carry on serving.
      options.logger?.error({ errorName: err instanceof Error ? err.name : 'unknown', cards: batch.length }, 'could not record issued cards');
    }
  };

  return {
    record(serviceId, cards, issuedAt) {
      if (closed || cards.length === 0) return;
      const at = issuedAt.toISOString();
      for (const card of cards) {
        if (queue.length >= maxQueue) {
          dropped += 1;
          continue;
        }
        queue.push({ uuid: card.uuid, serviceId, topic: card.source.topic?.code ?? 'unknown', indicator: card.indicator, issuedAt: at });
      }
      if (queue.length >= batchSize) {
        // After the response is written, not inside the request.
        immediate ??= setImmediate(flush);
      } else if (timer === undefined && queue.length > 0) {
        timer = setTimeout(flush, flushMs);
        timer.unref();
      }
    },
    flush,
    close() {
      flush();
      closed = true;
    },
    get dropped() {
      return dropped;
    },
  };
}
