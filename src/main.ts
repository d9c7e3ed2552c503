/**
 * Entry point: load and check the configuration, site files, terminology and JWKS files in one step
 * (src/startup.ts: every problem reported, then exit 1), open the feedback store, listen on
 * HOST:PORT, and shut down gracefully: on SIGTERM `/readyz` answers 503 for CDS_DRAIN_MS while requests are still served (so load
 * balancers stop sending), then the listener closes, running requests get CDS_SHUTDOWN_GRACE_MS
 * to finish, and the database is closed. SIGINT (Ctrl-C) and a second signal skip the drain.
 * Uses only APIs present in Node 20.19 and the current LTS.
 */
import { createServer } from 'node:http';
import type { Config } from './config.js';
import { dataFolderProblem } from './feedback/data-folder.js';
import { createIssuedCardRecorder } from './feedback/issued-recorder.js';
import { openSqliteFeedbackStore } from './feedback/sqlite-store.js';
import type { FeedbackStore } from './feedback/store.js';
import { createApp } from './http/app.js';
import { createLifecycle } from './http/lifecycle.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { countStoreErrors } from './observability/store-errors.js';
import { startTracing } from './observability/tracing.js';
import { ConfigError } from './shared/config-error.js';
import { assembleService, type Service } from './startup.js';
import { serviceVersion } from './versions.js';

/** The configuration and the engine (src/startup.ts); any problem → logged, every one of them, exit 1. */
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

/** The embedded store, or one line saying why it cannot be opened (then exit 1, no stack trace). */
function openStore(config: Config, logger: Logger): FeedbackStore {
  if (config.databaseUrl !== undefined) {
    // Accepted by the schema so deployments can be written against it; refused loudly, never ignored.
    logger.fatal('CDS_DATABASE_URL is set, but this build keeps its store in SQLite only (CDS_FEEDBACK_DB); unset it; not starting');
    process.exit(1);
  }
  const problem = dataFolderProblem(config.feedbackDb);
  if (problem !== undefined) {
    logger.fatal(`${problem}; not starting`);
    process.exit(1);
  }
  try {
    return openSqliteFeedbackStore(config.feedbackDb);
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : 'unknown error';
    logger.fatal(`the feedback database cannot be opened (${message}); not starting`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const { config, engine, jwtVerifier } = assemble();
  const logger = createLogger(config.logLevel);
  const versions = { service: serviceVersion(), rules: engine.rulesVersion };
  const metrics = createMetrics({ processMetrics: true, versions });
  const feedbackStore = countStoreErrors(openStore(config, logger), metrics.storeError);
  const issuedCards = createIssuedCardRecorder(feedbackStore, { logger });
  const lifecycle = createLifecycle('starting');
  const tracing = await startTracing({ otlpEndpoint: config.otlpEndpoint, serviceVersion: versions.service, logger });
  const closeStore = (): void => {
    issuedCards.close();
    feedbackStore.close();
  };
  const app = createApp(config, { engine, feedbackStore, issuedCards, logger, lifecycle, metrics, tracing, ...(jwtVerifier === undefined ? {} : { jwtVerifier }) });

  const server = createServer(app);
  server.on('error', (err) => {
    logger.fatal({ errorName: err.name, code: 'code' in err ? err.code : undefined }, 'server error; exiting');
    closeStore();
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    lifecycle.ready();
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
      closeStore();
      void tracing.shutdown().finally(() => {
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
    closeStore();
    process.exit(1);
  });
}

void main();
