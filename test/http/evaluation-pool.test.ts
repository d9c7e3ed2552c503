/**
 * Calls with many draft orders or very long free text are evaluated in a worker thread (src/http/evaluation-pool.ts):
 * the same answer as on the event loop, the same request log, audit and statistics; a worker
 * past its hard limit is replaced (503 for its call); workers that do not start leave the calls
 * to the event loop.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { Worker } from 'node:worker_threads';
import type { CallTask } from '../../src/http/call-in-worker.js';
import { createEvaluationPool, EvaluationTimeout, OFFLOAD_MIN_DRAFTS, OFFLOAD_MIN_STRING_BYTES, TaskDropped } from '../../src/http/evaluation-pool.js';
import { makeRealApp } from '../helpers/engine.js';
import { standInPool, testPool } from '../helpers/evaluation-pool.js';

const ORDER_SIGN = '/cds-services/osteoporosis-order-sign';
type Json = ReturnType<typeof JSON.parse>;

function withDrafts(n: number): Json {
  const body = JSON.parse(readFileSync(new URL('../../fixtures/rx-order-sign-alendronate-egfr-low-danish/request.json', import.meta.url), 'utf8'));
  const entry = body.context.draftOrders.entry[0];
  body.context.draftOrders.entry = Array.from({ length: n }, (_, i) => ({ ...entry, resource: { ...entry.resource, id: `draft-${i}` } }));
  return body;
}

/** Card uuids (and the suggestion uuids in them) and overview-link ids are random, and each supertest app has its own port: compare everything else. */
const withoutUuids = (cards: Card[]): unknown =>
  JSON.parse(
    JSON.stringify(cards, (key, v: unknown) => (key === 'uuid' ? undefined : v))
      .replace(/127\.0\.0\.1:\d+/g, 'host')
      .replace(/seen\.html\?id=[^"]+/g, 'seen.html?id=ID'),
  );

describe('the evaluation pool', () => {
  const pool = testPool();
  afterAll(() => pool.close());

  it(`evaluates a call with ${OFFLOAD_MIN_DRAFTS} or more drafts in the worker: the same cards and metrics as on the event loop`, async () => {
    const inPool = makeRealApp({ evaluationPool: pool });
    const here = makeRealApp();
    const body = withDrafts(OFFLOAD_MIN_DRAFTS);
    const [a, b] = [await request(inPool.app).post(ORDER_SIGN).send(body), await request(here.app).post(ORDER_SIGN).send(body)];
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(a.body.cards.length).toBeGreaterThanOrEqual(OFFLOAD_MIN_DRAFTS);
    expect(withoutUuids(a.body.cards)).toEqual(withoutUuids(b.body.cards));
    const metrics = await request(inPool.app).get('/metrics');
    expect(metrics.text).toMatch(/osteo_cds_evaluation_duration_seconds_count\{rule_set="prescribing"\} 1/);
    expect(metrics.text).toMatch(/osteo_cds_cards_total\{service="osteoporosis-order-sign"/);
  }, 60_000);

  it('stops a task past its hard limit and replaces the worker; the call gets a 503', async () => {
    const hanging = standInPool("require('node:worker_threads').parentPort.on('message', () => { for (;;); });", 300);
    try {
      const input = { ruleSet: 'prescribing', data: { patient: { resourceType: 'Patient' }, resources: [], unavailable: [] }, drafts: [], now: new Date(), language: 'da' } as const;
      await expect(hanging.evaluate(input)).rejects.toBeInstanceOf(EvaluationTimeout);
      // A new worker takes the next task (and is stopped in its turn).
      await expect(hanging.evaluate(input)).rejects.toBeInstanceOf(EvaluationTimeout);
      const { app } = makeRealApp({ evaluationPool: hanging });
      const res = await request(app).post(ORDER_SIGN).send(withDrafts(OFFLOAD_MIN_DRAFTS));
      expect(res.status).toBe(503);
      expect(res.body.resourceType).toBe('OperationOutcome');
    } finally {
      await hanging.close();
    }
  }, 30_000);

  it(`sends only calls with ${OFFLOAD_MIN_DRAFTS}+ drafts or a string of ${OFFLOAD_MIN_STRING_BYTES}+ bytes to the pool`, async () => {
    // A pool that never answers: a call sent to it gets 503, one evaluated here 200.
    const hanging = standInPool("require('node:worker_threads').parentPort.on('message', () => { for (;;); });", 300);
    try {
      const { app } = makeRealApp({ evaluationPool: hanging });
      expect((await request(app).post(ORDER_SIGN).send(withDrafts(OFFLOAD_MIN_DRAFTS - 1))).status).toBe(200);
      const short = withDrafts(1);
      short.context.draftOrders.entry[0].resource.medicationCodeableConcept.text = `alendronat ${'7'.repeat(OFFLOAD_MIN_STRING_BYTES - 20)}`;
      expect((await request(app).post(ORDER_SIGN).send(short)).status).toBe(200);
      const long = withDrafts(1);
      long.context.draftOrders.entry[0].resource.medicationCodeableConcept.text = `alendronat ${'7'.repeat(OFFLOAD_MIN_STRING_BYTES)}`;
      expect((await request(app).post(ORDER_SIGN).send(long)).status).toBe(503);
    } finally {
      await hanging.close();
    }
  }, 30_000);

  it('leaves the calls to the event loop when its workers do not start', async () => {
    const broken = standInPool("throw new Error('no engine here');", 5000);
    try {
      const { app } = makeRealApp({ evaluationPool: broken });
      const res = await request(app).post(ORDER_SIGN).send(withDrafts(OFFLOAD_MIN_DRAFTS));
      expect(res.status).toBe(200);
      expect(res.body.cards.length).toBeGreaterThanOrEqual(OFFLOAD_MIN_DRAFTS);
    } finally {
      await broken.close();
    }
  }, 30_000);

  it('drops a call no longer wanted when its turn comes: the worker never sees it', async () => {
    // Answers each call after 100 ms with the ids of the tasks it was given so far.
    const seen = standInPool(
      "const { parentPort } = require('node:worker_threads'); const ids = []; parentPort.on('message', (t) => { ids.push(t.id); setTimeout(() => parentPort.postMessage({ id: t.id, ok: true, call: { kind: 'on-event-loop', ids } }), 100); });",
      5000,
    );
    try {
      const task = { serviceId: 'osteoporosis-patient-view', bytes: new Uint8Array(), pieces: undefined, issuer: undefined, now: new Date(), language: 'da', baseUrl: undefined, seenId: undefined } satisfies CallTask;
      let secondWanted = true;
      const first = seen.call(task, () => undefined);
      const second = seen.call(task, () => undefined, () => secondWanted);
      const third = seen.call(task, () => undefined, () => true);
      // The second had its answer (a 503) while the first was in the worker.
      secondWanted = false;
      await expect(second).rejects.toBeInstanceOf(TaskDropped);
      const [a, c] = await Promise.all([first, third]);
      expect((a as unknown as { ids: number[] }).ids).toHaveLength(1);
      // The third went straight after the first.
      expect((c as unknown as { ids: number[] }).ids).toEqual([(a as unknown as { ids: number[] }).ids[0], (a as unknown as { ids: number[] }).ids[0] as number + 2]);
    } finally {
      await seen.close();
    }
  }, 30_000);

  it('keeps its workers when one runs out of heap on a call: that is a call too large, not a worker that cannot start', async () => {
    const input = { ruleSet: 'prescribing', data: { patient: { resourceType: 'Patient' }, resources: [], unavailable: [] }, drafts: [], now: new Date(), language: 'da' } as const;
    // Every task exhausts the worker's 16 MB heap; a worker that died before answering otherwise counts as not starting.
    const greedy = createEvaluationPool({
      spawn: () => new Worker("require('node:worker_threads').parentPort.on('message', () => { const keep = []; for (;;) keep.push(new Array(1000).fill(keep.length)); });", { eval: true, resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 } }),
      hardLimitMs: 20_000,
    });
    try {
      for (let i = 0; i < 4; i++) {
        const failure = await greedy.evaluate(input).then(
          () => undefined,
          (err: unknown) => err as Error & { code?: string },
        );
        expect(failure?.code).toBe('ERR_WORKER_OUT_OF_MEMORY');
      }
    } finally {
      await greedy.close();
    }
  }, 60_000);

  it('posts two calls to a worker at once when asked; one waiting in a worker that dies goes to the next worker', async () => {
    const task = { serviceId: 'osteoporosis-patient-view', bytes: new Uint8Array(), pieces: undefined, issuer: undefined, now: new Date(), language: 'da', baseUrl: undefined, seenId: undefined } satisfies CallTask;
    let spawned = 0;
    // The first worker notes both tasks it was posted, then exits; the next one answers each task with its number.
    const pool = createEvaluationPool({
      spawn: () => {
        spawned += 1;
        const code =
          spawned === 1
            ? "const { parentPort } = require('node:worker_threads'); let n = 0; parentPort.on('message', () => { n += 1; if (n === 2) process.exit(3); });"
            : "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (t) => parentPort.postMessage({ id: t.id, ok: true, call: { kind: 'on-event-loop', worker: 2 } }));";
        return new Worker(code, { eval: true });
      },
      hardLimitMs: 5000,
      inWorker: 2,
    });
    try {
      const first = pool.call(task, () => undefined);
      const second = pool.call(task, () => undefined);
      await expect(first).rejects.toThrow(/exited \(3\)/);
      expect(await second).toEqual({ kind: 'on-event-loop', worker: 2 });
      expect(spawned).toBe(2);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
