/**
 * A server for the benchmark, in its own process so the load generator does not share its CPU,
 * run by plain `node` on the built code (`npm run bench` builds first): what `npm start` ships,
 * with no TypeScript loader in the way, for the floor and the service alike.
 *
 * - `floor`: a bare express endpoint that parses the same JSON body and answers {"cards":[]}, on
 *   Node's own `createServer`;
 * - `service`: the real osteo-cds app (real engine, SQLite store in memory, silent logs, the
 *   evaluation worker pool) on the service's own HTTP server (`createHttpServer`: its timeouts),
 *   as in production;
 * - `protocol`: the same app and server with an engine that answers every call with no cards:
 *   what the protocol layer alone (middleware, body, validation, prefetch, answer) costs a call.
 *
 * Prints `ready <port>` once listening.
 */
import { createServer } from 'node:http';
import process from 'node:process';
import { Worker } from 'node:worker_threads';
import { setTimeout } from 'node:timers';
import { URL } from 'node:url';
import express from 'express';

const dist = new URL('../dist/src/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { testConfig } = await load('config.js');

const mode = process.argv[2];
// The contract: benchmarks run with the embedded defaults and CDS_RATE_LIMIT_PER_MIN=0 (bench/run.ts
// also runs the service with CDS_CALL_WORKER=off, and a probe may shorten CDS_REQUEST_TIMEOUT_MS).
const config = testConfig({
  rateLimitPerMin: 0,
  callWorker: process.env.CDS_CALL_WORKER !== 'off',
  ...(process.env.CDS_REQUEST_TIMEOUT_MS === undefined ? {} : { requestTimeoutMs: Number(process.env.CDS_REQUEST_TIMEOUT_MS) }),
});

function floorApp() {
  const app = express();
  app.use(express.json({ limit: config.bodyLimitBytes }));
  app.post('/cds-services/:id', (_req, res) => {
    res.json({ cards: [] });
  });
  return createServer(app);
}

let warm = () => undefined;
const NOW = new Date('2026-11-26T10:00:00+01:00');

async function serviceApp(protocolOnly) {
  const [{ createEngine }, { openSqliteStore }, { createApp }, { createHttpServer }, { createCallPool, createEvaluationPool }] = await Promise.all([
    load('engine.js'),
    load('store/sqlite-store.js'),
    load('http/app.js'),
    load('http/server.js'),
    load('http/evaluation-pool.js'),
  ]);
  // As main.ts: calls with many draft orders are evaluated in a worker thread behind the event
  // loop, the others answered whole in one beside it (not in `protocol` mode: its engine is here).
  const file = new URL('evaluation-worker.js', dist);
  const evaluationPool = createEvaluationPool({ spawn: () => new Worker(file, { workerData: { env: process.env, priority: 'low' } }), hardLimitMs: config.requestTimeoutMs });
  // CDS_CALL_WORKER=off: the service as it was before the call worker, to compare with.
  const callPool =
    protocolOnly || !config.callWorker
      ? undefined
      : createCallPool(file, process.env, config.requestTimeoutMs);
  const engine = createEngine();
  const app = createApp(config, {
    engine: protocolOnly ? { ...engine, evaluate: () => ({ cards: [] }) } : engine,
    store: openSqliteStore(':memory:'),
    // One Date: parsing its string on every call was counted against the service (whose clock makes a Date, parsing nothing).
    clock: () => NOW,
    evaluationPool,
    ...(callPool === undefined ? {} : { callPool }),
  });
  warm = () => {
    evaluationPool.warm();
    callPool?.warm();
  };
  return createHttpServer(app, config);
}

const server = mode === 'floor' ? floorApp() : await serviceApp(mode === 'protocol');
server.listen(0, '127.0.0.1', () => {
  // As main.ts: the evaluation worker boots a second after listening.
  if (mode !== 'floor') setTimeout(() => warm(), 1000).unref();
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`ready ${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
