/**
 * A server for the benchmark, in its own process so the load generator does not share its CPU:
 * `floor` is a bare express endpoint that parses the same JSON body and answers {"cards":[]};
 * `service` is the real osteo-cds app (real engine, in-memory feedback store, silent logs).
 * Prints `ready <port>` once listening.
 */
import { createServer } from 'node:http';
import express from 'express';
import { testConfig } from '../src/config.js';
import { createEngine } from '../src/engine.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { createApp } from '../src/http/app.js';

const mode = process.argv[2];
// The contract: benchmarks run with the embedded defaults and CDS_RATE_LIMIT_PER_MIN=0.
const config = testConfig({ rateLimitPerMin: 0 });

function floorApp(): express.Express {
  const app = express();
  app.use(express.json({ limit: config.bodyLimitBytes }));
  app.post('/cds-services/:id', (_req, res) => {
    res.json({ cards: [] });
  });
  return app;
}

const app =
  mode === 'floor'
    ? floorApp()
    : createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date('2026-11-26T10:00:00+01:00') });

const server = createServer(app);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`ready ${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
