/**
 * Entry point: load and check the configuration, site files, terminology and JWKS files in one step
 * (src/startup.ts: every problem reported, then exit 1), open the store (PostgreSQL or SQLite,
 * migrated), listen on HOST:PORT, and shut down gracefully: on SIGTERM `/readyz` answers 503 for
 * CDS_DRAIN_MS while requests are still served (so load
 * balancers stop sending), then the listener closes, running requests get CDS_SHUTDOWN_GRACE_MS
 * to finish, and the database is closed. SIGINT (Ctrl-C) and a second signal skip the drain.
 * Uses only APIs present in Node 20.19 and the current LTS.
 */
import type { Config } from './config.js';
import { Worker } from 'node:worker_threads';
import { createApp } from './http/app.js';
import { createCallPool, createEvaluationPool } from './http/evaluation-pool.js';
import { createLifecycle } from './http/lifecycle.js';
import { createHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { countStoreErrors } from './observability/store-errors.js';
import { startTracing } from './observability/tracing.js';
import { ConfigError } from './shared/config-error.js';
import { assembleService, type Service } from './startup.js';
import { createBatchWriter } from './store/batch-writer.js';
import { openConfiguredStore, StoreOpenError } from './store/open-store.js';
import { startRetention } from './store/retention.js';
import type { AuditEntry, IssuedCard, Store } from './store/store.js';
import { serviceVersion } from './versions.js';

/** The configuration, the engine and the trusted issuers' keys (src/startup.ts); any problem → logged, every one of them, exit 1. */
function assemble(): Service {
  try {
    return assembleService(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      createLogger('info').fatal({ problems: err.problems }, 'invalid configuration; not starting');
      process.exit(1);
    }
    throw err;
  }
}

/** PostgreSQL (CDS_DATABASE_URL) or SQLite (CDS_FEEDBACK_DB), migrated; or one line saying why not (then exit 1, no stack trace). */
async function openStore(config: Config, logger: Logger): Promise<Store> {
  try {
    const store = await openConfiguredStore(config, {
      onIdleError: (err) => logger.warn({ errorName: err.name }, 'a database connection failed; it is replaced'),
    });
    logger.info({ store: store.kind }, 'store open');
    return store;
  } catch (err) {
    if (!(err instanceof StoreOpenError)) throw err;
    logger.fatal(`${err.message}; not starting`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const { config, engine, trustedKeys } = assemble();
  const logger = createLogger(config.logLevel);
  const versions = { service: serviceVersion(), rules: engine.rulesVersion };
  const metrics = createMetrics({ processMetrics: true, versions });
  const store = countStoreErrors(await openStore(config, logger), metrics.storeError);
  const issuedCards = createBatchWriter<IssuedCard>((batch) => store.recordIssued(batch), { what: 'issued cards', logger });
  const auditLog = createBatchWriter<AuditEntry>((batch) => store.recordAudit(batch), { what: 'audit entries', logger });
  const retention = startRetention(store, { days: config.retentionDays, logger });
  const lifecycle = createLifecycle('starting');
  const tracing = await startTracing({ otlpEndpoint: config.otlpEndpoint, serviceVersion: versions.service, logger });
  // What waits is written before the store closes; a failure is logged by the writer.
  const closeStore = (): Promise<void> =>
    Promise.all([issuedCards.close(), auditLog.close(), retention.stop()])
      .then(() => store.close())
      .catch((err: unknown) => logger.error({ errorName: err instanceof Error ? err.name : 'unknown' }, 'could not close the store'));
  /** Exit `code` once the store is closed, or after a second if closing hangs (a dead database). */
  const exitClosing = (code: number): void => {
    setTimeout(() => process.exit(code), 1000).unref();
    void closeStore().finally(() => process.exit(code));
  };
  // Calls with many draft orders are evaluated in a worker thread behind the event loop, every
  // other call answered whole in one beside it; both build their engine from the same environment.
  const file = new URL('./evaluation-worker.js', import.meta.url);
  const evaluationPool = createEvaluationPool({ spawn: () => new Worker(file, { workerData: { env: process.env, priority: 'low' } }), hardLimitMs: config.requestTimeoutMs });
  const callPool = config.callWorker ? createCallPool(file, process.env, config.requestTimeoutMs) : undefined;
  const app = createApp(config, { engine, store, issuedCards, auditLog, logger, lifecycle, metrics, tracing, evaluationPool, ...(callPool === undefined ? {} : { callPool }), ...(trustedKeys === undefined ? {} : { trustedKeys }) });

  const server = createHttpServer(app, config);
  server.on('error', (err) => {
    logger.fatal({ errorName: err.name, code: 'code' in err ? err.code : undefined }, 'server error; exiting');
    exitClosing(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    lifecycle.ready();
    // The evaluation worker boots (its own engine: about half a second of CPU) once start-up is over.
    setTimeout(() => {
      evaluationPool.warm();
      callPool?.warm();
    }, 1000).unref();
    logger.info({ host: config.host, port, language: config.language, version: versions.service, rulesVersion: versions.rules }, 'osteo-cds listening');
    if (config.preview) logger.info(`card preview page: http://localhost:${port}/`);
    if (config.previewClock) logger.warn('CDS_PREVIEW_CLOCK is on: hook calls may set "now" with X-Osteo-Now (development only)');
  });

  let drainTimer: NodeJS.Timeout | undefined;
  const close = (): void => {
    clearTimeout(drainTimer);
    if (lifecycle.state === 'stopping') return;
    lifecycle.stop();
    const force = setTimeout(() => {
      logger.warn('requests still running after the grace period; closing connections');
      server.closeAllConnections();
    }, config.shutdownGraceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      void closeStore()
        .then(() => tracing.shutdown())
        .finally(() => {
          logger.info('stopped');
          process.exit(0);
        });
    });
    server.closeIdleConnections();
  };
  const shutdown = (signal: NodeJS.Signals): void => {
    if (lifecycle.state === 'draining') {
      logger.info({ signal }, 'second signal while draining; closing now');
      close();
      return;
    }
    if (lifecycle.state === 'stopping') return;
    if (signal !== 'SIGTERM' || config.drainMs === 0) {
      logger.info({ signal }, 'shutting down');
      close();
      return;
    }
    lifecycle.drain();
    logger.info({ signal, drainMs: config.drainMs }, 'draining: /readyz answers 503, requests still served');
    drainTimer = setTimeout(() => {
      logger.info('drain over; shutting down');
      close();
    }, config.drainMs);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('uncaughtException', (err) => {
    logger.fatal({ errorName: err.name, stack: err.stack?.split('\n').slice(1, 12).join('\n') }, 'uncaught exception; exiting');
    exitClosing(1);
  });
}

void main();
