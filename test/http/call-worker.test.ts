/**
 * The call worker (src/http/call-in-worker.ts): when its policy says so (offload-policy.ts), a hook
 * call is answered whole in a worker thread from its body's bytes. Every fixture patient gets the same
 * answer as on the event loop; errors are the same 400/412 answers; a call whose prefetch needs
 * the FHIR server is answered on the event loop (its fetches there); a worker that fails leaves
 * the call to the event loop; the overview snapshot, the audit log and the statistics are kept as
 * for any call.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import request from 'supertest';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine.js';
import { loadTerminology } from '../../src/terminology/index.js';
import type { Engine } from '../../src/cds-hooks/evaluator.js';
import { answerCall, type CallReply, type CallTask } from '../../src/http/call-in-worker.js';
import { deadlineClock } from '../../src/http/limits.js';
import { prefetchTemplates } from '../../src/cds-hooks/discovery.js';
import { testConfig } from '../../src/config.js';
import { TaskDropped, type EvaluationPool } from '../../src/http/evaluation-pool.js';
import { CALL_WORKER_MAX_BODY_BYTES } from '../../src/http/routes/hooks.js';
import type { OffloadPolicy } from '../../src/http/offload-policy.js';
import { appWith } from '../helpers/app.js';
import { standInPool, testPool } from '../helpers/evaluation-pool.js';

const root = new URL('../../fixtures/', import.meta.url);
const PATIENT_VIEW = '/cds-services/osteoporosis-patient-view';
type Json = ReturnType<typeof JSON.parse>;

/** Card and suggestion uuids and overview-link ids are random, and each app has its own port: everything else must be equal. */
const comparable = (text: string): unknown =>
  JSON.parse(
    text
      .replace(/"uuid":"[^"]*"/g, '"uuid":"U"')
      .replace(/127\.0\.0\.1:\d+/g, 'host')
      .replace(/seen\.html\?id=[^"&]+/g, 'seen.html?id=ID')
      .replace(/"valueString":"[0-9a-f-]{36}"/g, '"valueString":"REQUEST-ID"'),
  );

const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/request.json`, root)))
  .map((d) => d.name)
  .sort();

const pools: { close: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});
afterEach(() => nock.cleanAll());

function callPool(env: Readonly<Record<string, string>> = {}): ReturnType<typeof testPool> {
  const pool = testPool({ env, priority: 'normal' });
  pools.push(pool);
  return pool;
}

/** Every call to the worker. */
const EVERY_CALL: OffloadPolicy = { offload: () => true, handedOver: () => () => undefined };

/** A call pool that answers each call with `call` (a worker's behaviour without a worker). */
function standInCalls(call: EvaluationPool['call']): EvaluationPool {
  return { evaluate: () => Promise.reject(new Error('not used')), call, warm: () => undefined, close: () => Promise.resolve() };
}

/** How the worker replied to each call it was given, in order. */
let replies: CallReply['kind'][] = [];

/** The pool, noting each reply's kind in `replies`. */
function noting(pool: EvaluationPool): EvaluationPool {
  return {
    ...pool,
    async call(task, keep, wanted) {
      const reply = await pool.call(task, keep, wanted);
      replies.push(reply.kind);
      return reply;
    },
  };
}

/** The same app twice at the same "now": one answering every call in the worker, one on the event loop. */
function twins(now: Date, engine: Engine, pool: EvaluationPool): { readonly worker: ReturnType<typeof appWith>; readonly here: ReturnType<typeof appWith> } {
  replies = [];
  return { worker: appWith(engine, { now, callPool: noting(pool), offloadPolicy: EVERY_CALL }), here: appWith(engine, { now }) };
}

describe('the call worker answers as the event loop does', () => {
  const pool = callPool();
  const defaultEngine = createEngine();

  it.each(scenarios)('%s', async (scenario) => {
    const expected = JSON.parse(readFileSync(new URL(`${scenario}/expected.json`, root), 'utf8')) as { service: string; now: string };
    const site = new URL(`${scenario}/terminology-site.json`, root);
    // A scenario with a site's own codes: the worker reads them from the environment, as main.ts's does.
    const withSite = existsSync(site);
    const engine = withSite ? createEngine({ terminology: loadTerminology(fileURLToPath(site)) }) : defaultEngine;
    const { worker, here } = twins(new Date(expected.now), engine, withSite ? callPool({ CDS_TERMINOLOGY: fileURLToPath(site) }) : pool);
    const body = readFileSync(new URL(`${scenario}/request.json`, root), 'utf8');
    const path = `/cds-services/${expected.service}`;
    const [a, b] = [
      await request(worker.app).post(path).set('content-type', 'application/json').send(body),
      await request(here.app).post(path).set('content-type', 'application/json').send(body),
    ];
    expect(a.status, a.text).toBe(200);
    expect(replies).toEqual(['answer']);
    expect(a.status).toBe(b.status);
    expect(a.headers['content-type']).toBe(b.headers['content-type']);
    expect(comparable(a.text)).toEqual(comparable(b.text));
  }, 60_000);
});

function body(scenario: string): Json {
  return JSON.parse(readFileSync(new URL(`${scenario}/request.json`, root), 'utf8'));
}

describe('the call worker', () => {
  const pool = callPool();
  const engine = createEngine();
  const NOW = new Date('2026-11-26T10:00:00+01:00');

  it('refuses what the event loop refuses, with the same answer: invalid JSON, an invalid request, no Patient', async () => {
    const { worker, here } = twins(NOW, engine, pool);
    const noPatient = body('initiation-first-choice-alendronate');
    // No server to ask for it either: the worker refuses it (with a server, the event loop would ask).
    noPatient.prefetch.patient = null;
    delete noPatient.fhirServer;
    delete noPatient.fhirAuthorization;
    const cases: { readonly text: string; readonly status: number }[] = [
      { text: '{"hook": "patient-view", ', status: 400 },
      { text: '42', status: 400 },
      { text: JSON.stringify({ hook: 'patient-view', hookInstance: 7 }), status: 400 },
      { text: JSON.stringify(noPatient), status: 412 },
    ];
    for (const c of cases) {
      const [a, b] = [
        await request(worker.app).post(PATIENT_VIEW).set('content-type', 'application/json').send(c.text),
        await request(here.app).post(PATIENT_VIEW).set('content-type', 'application/json').send(c.text),
      ];
      expect(a.status).toBe(c.status);
      expect(b.status).toBe(c.status);
      expect(comparable(a.text)).toEqual(comparable(b.text));
    }
    expect(replies).toEqual(['invalid-json', 'invalid-json', 'refused', 'refused']);
    // A body that is not JSON is refused before anything names the call: audited without its hookInstance, on either path.
    const audited = async (app: ReturnType<typeof appWith>): Promise<unknown> => (await app.store.listAudit()).map((e) => ({ hookInstance: e.hookInstance, status: e.status })).sort((x, y) => x.status - y.status);
    const expected = [
      { hookInstance: '', status: 400 },
      { hookInstance: '', status: 400 },
      { hookInstance: '', status: 400 },
      { hookInstance: noPatient.hookInstance, status: 412 },
    ];
    await expect.poll(() => audited(here), { timeout: 10_000 }).toEqual(expected);
    await expect.poll(() => audited(worker), { timeout: 10_000 }).toEqual(expected);
  }, 60_000);

  it('leaves a call whose prefetch needs the FHIR server to the event loop, which fetches it', async () => {
    const full = body('initiation-first-choice-alendronate');
    const server = 'https://fhir.example.org/r4';
    const patient = full.prefetch.patient;
    // Everything but the Patient from the server: the worker may not fetch, the event loop does.
    let fetched = 0;
    nock(server)
      .persist()
      .get((uri) => uri.startsWith('/r4/') && !uri.startsWith('/r4/Patient/'))
      .reply(() => {
        fetched += 1;
        return [200, { resourceType: 'Bundle', type: 'searchset', entry: [] }];
      });
    const { worker, here } = twins(NOW, engine, pool);
    const call = { ...full, fhirServer: server, prefetch: { patient } };
    const a = await request(worker.app).post(PATIENT_VIEW).send(call);
    const byWorkerApp = fetched;
    const b = await request(here.app).post(PATIENT_VIEW).send(call);
    expect(replies).toEqual(['on-event-loop']);
    // nock intercepts this thread's fetches only: the worker app's call fetched here, as many as the other.
    expect(byWorkerApp).toBeGreaterThan(0);
    expect(fetched).toBe(2 * byWorkerApp);
    expect(a.status).toBe(200);
    expect(comparable(a.text)).toEqual(comparable(b.text));
  }, 60_000);

  it('keeps the overview snapshot the cards link to, and records the call in the audit log and the statistics', async () => {
    const { worker } = twins(NOW, engine, pool);
    const call = body('follow-up-denosumab-overdue');
    const res = await request(worker.app).post(PATIENT_VIEW).send(call);
    expect(replies).toEqual(['answer']);
    expect(res.status).toBe(200);
    const id = /seen\.html\?id=([^"&]+)/.exec(res.text)?.[1];
    expect(id).toBeDefined();
    // The snapshot follows the answer from the worker: asked for until it is there (within seconds).
    let snapshot: request.Response | undefined;
    for (let i = 0; i < 50 && snapshot?.status !== 200; i++) {
      snapshot = await request(worker.app).get(`/app/seen/${id ?? ''}`);
      if (snapshot.status !== 200) await new Promise((r) => setTimeout(r, 100));
    }
    expect(snapshot?.status).toBe(200);
    expect(snapshot?.body.cards.length).toBeGreaterThan(0);
    const uuids = (res.body.cards as { uuid: string }[]).map((c) => c.uuid);
    // The audit log's batch writer writes it off the request path.
    await expect.poll(async () => (await worker.store.listAudit()).map((e) => ({ hookInstance: e.hookInstance, status: e.status, cards: e.cards.map((c) => c.uuid) })), { timeout: 10_000 }).toEqual([
      { hookInstance: call.hookInstance, status: 200, cards: uuids },
    ]);
    const metrics = await request(worker.app).get('/metrics');
    expect(metrics.text).toMatch(/osteo_cds_evaluation_duration_seconds_count\{rule_set="patient-view"\} 1/);
    expect(metrics.text).toMatch(/osteo_cds_cards_total\{service="osteoporosis-patient-view"/);
  }, 60_000);

  it('answers on the event loop when the worker fails, and when its policy keeps the call here', async () => {
    const crashing = standInPool("require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });", 5_000);
    pools.push(crashing);
    const call = body('initiation-first-choice-alendronate');
    const here = await request(appWith(engine, { now: NOW }).app).post(PATIENT_VIEW).send(call);
    const failed = await request(appWith(engine, { now: NOW, callPool: crashing, offloadPolicy: EVERY_CALL }).app).post(PATIENT_VIEW).send(call);
    expect(failed.status).toBe(200);
    expect(comparable(failed.text)).toEqual(comparable(here.text));
    // Kept here: the worker is never asked (a pool that would hang is never used).
    const hanging = standInPool("require('node:worker_threads').parentPort.on('message', () => { for (;;); });", 60_000);
    pools.push(hanging);
    const idle = await request(appWith(engine, { now: NOW, callPool: hanging, offloadPolicy: { offload: () => false, handedOver: () => () => undefined } }).app).post(PATIENT_VIEW).send(call);
    expect(comparable(idle.text)).toEqual(comparable(here.text));
  }, 60_000);

  it('names a call that had its 503 while it waited for the worker in the audit log, and no longer wants it done', async () => {
    let wantedAfter: (() => boolean) | undefined;
    let drop: (() => void) | undefined;
    // A worker far behind: the call waits in its queue past CDS_REQUEST_TIMEOUT_MS.
    const behind = standInCalls(
      (_task, _keep, wanted) =>
        new Promise((_resolve, reject) => {
          wantedAfter = wanted;
          drop = () => reject(new TaskDropped('dropped'));
        }),
    );
    const app = appWith(engine, { now: NOW, callPool: behind, offloadPolicy: EVERY_CALL, config: { requestTimeoutMs: 100 } });
    const call = { ...body('initiation-first-choice-alendronate'), fhirServer: 'https://fhir.example.org:8443/r4/tenant-7' };
    const res = await request(app.app).post(PATIENT_VIEW).send(call);
    expect(res.status).toBe(503);
    expect(wantedAfter?.()).toBe(false);
    drop?.();
    await expect.poll(async () => (await app.store.listAudit()).map((e) => ({ hookInstance: e.hookInstance, fhirServerHost: e.fhirServerHost, status: e.status })), { timeout: 10_000 }).toEqual([
      { hookInstance: call.hookInstance, fhirServerHost: 'fhir.example.org:8443', status: 503 },
    ]);
  }, 30_000);

  it(`answers a body over ${CALL_WORKER_MAX_BODY_BYTES / 1024 / 1024} MB on the event loop (the worker's heap is smaller)`, async () => {
    let asked = 0;
    const never = standInCalls(() => {
      asked += 1;
      return Promise.reject(new Error('not this call'));
    });
    const call = body('initiation-first-choice-alendronate');
    const text = JSON.stringify(call);
    const padded = `${text.slice(0, -1)}${' '.repeat(CALL_WORKER_MAX_BODY_BYTES)}}`;
    const here = await request(appWith(engine, { now: NOW }).app).post(PATIENT_VIEW).set('content-type', 'application/json').send(text);
    const big = await request(appWith(engine, { now: NOW, callPool: never, offloadPolicy: EVERY_CALL }).app).post(PATIENT_VIEW).set('content-type', 'application/json').send(padded);
    expect(big.status).toBe(200);
    expect(asked).toBe(0);
    expect(comparable(big.text)).toEqual(comparable(here.text));
    // Just under it, the worker is asked (and, failing, leaves the call here).
    const under = `${text.slice(0, -1)}${' '.repeat(CALL_WORKER_MAX_BODY_BYTES - Buffer.byteLength(text))}}`;
    expect((await request(appWith(engine, { now: NOW, callPool: never, offloadPolicy: EVERY_CALL }).app).post(PATIENT_VIEW).set('content-type', 'application/json').send(under)).status).toBe(200);
    expect(asked).toBe(1);
  }, 30_000);

  it('does not start a call whose deadline has passed', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(body('initiation-first-choice-alendronate')));
    const task: CallTask = { serviceId: 'osteoporosis-patient-view', bytes, pieces: undefined, issuer: undefined, now: NOW, language: 'da', baseUrl: undefined, seenId: undefined };
    const deps = { engine, config: testConfig(), templates: prefetchTemplates(engine.observationCodes) };
    const kind = async (t: CallTask): Promise<string> => (await answerCall(t, deps, () => undefined)).kind;
    expect(await kind(task)).toBe('answer');
    expect(await kind({ ...task, deadline: deadlineClock() + 60_000 })).toBe('answer');
    expect(await kind({ ...task, deadline: deadlineClock() - 1 })).toBe('expired');
  });

  it('answers 503 for a call the worker found past its deadline before the budget timer fired', async () => {
    const late = standInCalls(() => Promise.resolve({ kind: 'expired' }));
    const app = appWith(engine, { now: NOW, callPool: late, offloadPolicy: EVERY_CALL });
    const call = body('initiation-first-choice-alendronate');
    const res = await request(app.app).post(PATIENT_VIEW).send(call);
    expect(res.status).toBe(503);
    expect(res.body.resourceType).toBe('OperationOutcome');
    // Named in the audit log as any 503 of a call the worker had not parsed.
    await expect.poll(async () => (await app.store.listAudit()).map((e) => ({ hookInstance: e.hookInstance, status: e.status })), { timeout: 10_000 }).toEqual([{ hookInstance: call.hookInstance, status: 503 }]);
  });
});
