/** The batch writer that records issued cards and audit entries off the request path. */
import { describe, expect, it } from 'vitest';
import { createBatchWriter } from '../../src/store/batch-writer.js';

describe('the batch writer', () => {
  it('queues without writing, and writes one batch on flush', async () => {
    const written: number[][] = [];
    const writer = createBatchWriter<number>((b) => Promise.resolve(written.push([...b])), { what: 'numbers', flushMs: 60_000 });
    writer.add([1, 2]);
    writer.add([3]);
    expect(written).toEqual([]);
    await writer.flush();
    expect(written).toEqual([[1, 2, 3]]);
    await writer.close();
  });

  it('writes on its own after the timer, and at once (next tick) when a batch is full', async () => {
    const written: number[] = [];
    const writer = createBatchWriter<number>((b) => Promise.resolve(written.push(b.length)), { what: 'numbers', flushMs: 20, batchSize: 5 });
    writer.add([1, 2]);
    await new Promise((r) => setTimeout(r, 60));
    expect(written).toEqual([2]);
    writer.add([1, 2, 3, 4, 5]);
    await new Promise((r) => setImmediate(r));
    await writer.flush();
    expect(written).toEqual([2, 5]);
    await writer.close();
  });

  it('writes a long queue one batch per turn of the event loop, so other work runs between them; flush writes all that waits', async () => {
    const written: number[] = [];
    const turns: string[] = [];
    const writer = createBatchWriter<number>(
      (b) => {
        written.push(b.length);
        turns.push('batch');
        return Promise.resolve();
      },
      { what: 'numbers', flushMs: 60_000, batchSize: 4 },
    );
    writer.add(Array.from({ length: 10 }, (_, i) => i));
    setImmediate(() => turns.push('other'));
    for (let i = 0; i < 4; i++) await new Promise((r) => setImmediate(r));
    expect(written).toEqual([4, 4, 2]);
    expect(turns.indexOf('other')).toBeGreaterThan(0);
    expect(turns.indexOf('other')).toBeLessThan(turns.length - 1);
    writer.add(Array.from({ length: 9 }, (_, i) => i));
    await writer.flush();
    expect(written).toEqual([4, 4, 2, 4, 4, 1]);
    await writer.close();
  });

  it('flush waits for a write already under way', async () => {
    let release = (): void => undefined;
    let started = (): void => undefined;
    const writing = new Promise<void>((resolve) => (started = resolve));
    const written: number[] = [];
    const writer = createBatchWriter<number>(
      (b) =>
        new Promise<void>((resolve) => {
          started();
          release = () => {
            written.push(...b);
            resolve();
          };
        }),
      { what: 'numbers', flushMs: 60_000 },
    );
    writer.add([1]);
    const first = writer.flush();
    await writing;
    let secondDone = false;
    const second = writer.flush().then(() => (secondDone = true)); // nothing queued, but the first write has not ended
    await new Promise((r) => setImmediate(r));
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    expect(written).toEqual([1]);
  });

  it('is bounded: past maxQueue rows are dropped and counted, and a failing write never throws', async () => {
    const writer = createBatchWriter<number>(
      () => Promise.reject(new Error('disk full')),
      { what: 'numbers', maxQueue: 3, flushMs: 60_000 },
    );
    writer.add([1, 2, 3, 4, 5]);
    expect(writer.dropped).toBe(2);
    await expect(writer.flush()).resolves.toBeUndefined();
    expect(writer.dropped).toBe(5);
    await writer.close();
  });

  it('flushes on close and ignores rows after it', async () => {
    let count = 0;
    const writer = createBatchWriter<number>((b) => Promise.resolve((count += b.length)), { what: 'numbers', flushMs: 60_000 });
    writer.add([1, 2]);
    await writer.close();
    writer.add([3, 4]);
    await writer.flush();
    expect(count).toBe(2);
  });
});
