/**
 * The evaluation worker's thread runs behind the event loop (src/http/thread-priority.ts): nice
 * +10 for that thread alone, on Linux; the process and its main thread keep their priority.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { currentThreadId, lowerThisThreadPriority, WORKER_NICE_STEPS } from '../../src/http/thread-priority.js';
import { makeRealApp } from '../helpers/engine.js';
import { testPool } from '../helpers/evaluation-pool.js';

const LINUX = process.platform === 'linux';
const MODULE = new URL('../../src/http/thread-priority.ts', import.meta.url).href;

/** Nice values of this process's threads, from /proc (field 19 of each thread's stat). */
function threadNices(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

interface Report {
  readonly tid: number | undefined;
  readonly lowered: boolean;
  readonly threadNiceAfter: number | undefined;
}

/** Runs lowerThisThreadPriority in a worker thread of its own and reports what it did. */
function inWorker(): Promise<Report> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const { getPriority } = require('node:os');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(MODULE)}); }).then((m) => {
      const tid = m.currentThreadId();
      const lowered = m.lowerThisThreadPriority();
      parentPort.postMessage({ tid, lowered, threadNiceAfter: tid === undefined ? undefined : getPriority(tid) });
    });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (report: Report) => {
      // Gone before the next test counts the process's threads.
      void worker.terminate().then(() => resolve(report), reject);
    });
    worker.once('error', reject);
  });
}

describe('the evaluation worker thread priority', () => {
  it('lowers the calling worker thread by 10 nice steps and leaves the process as it was', async () => {
    const processNice = getPriority(process.pid);
    const report = await inWorker();
    expect(report.lowered).toBe(LINUX);
    if (LINUX) {
      expect(report.tid).not.toBe(process.pid);
      expect(report.threadNiceAfter).toBe(Math.min(19, processNice + WORKER_NICE_STEPS));
    }
    expect(getPriority(process.pid)).toBe(processNice);
  });

  it('never changes the priority of a main thread (its id is the process id)', () => {
    const before = getPriority(process.pid);
    if (currentThreadId() === process.pid || !LINUX) expect(lowerThisThreadPriority()).toBe(false);
    else expect(currentThreadId()).toBeGreaterThan(0); // vitest ran this file in a worker thread: the first test covers it
    expect(getPriority(process.pid)).toBe(before);
  });

  describe.runIf(LINUX)('the service (Linux: /proc shows each thread)', () => {
    let pool: ReturnType<typeof testPool> | undefined;
    afterAll(() => pool?.close());

    it('evaluates the calls that cost most in a thread 10 nice steps behind the event loop', async () => {
      const base = getPriority(process.pid);
      const before = threadNices().filter((n) => n === base + WORKER_NICE_STEPS).length;
      pool = testPool();
      const { app } = makeRealApp({ evaluationPool: pool });
      const body = JSON.parse(readFileSync(new URL('../../fixtures/rx-order-sign-alendronate-egfr-low-danish/request.json', import.meta.url), 'utf8'));
      const entry = body.context.draftOrders.entry[0];
      body.context.draftOrders.entry = Array.from({ length: 10 }, (_, i) => ({ ...entry, resource: { ...entry.resource, id: `draft-${i}` } }));
      const res = await request(app).post('/cds-services/osteoporosis-order-sign').send(body);
      expect(res.status).toBe(200);
      expect(threadNices().filter((n) => n === base + WORKER_NICE_STEPS).length).toBe(before + 1);
    });
  });
});
