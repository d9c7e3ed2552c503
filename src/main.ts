/**
 * Entry point: load and check the configuration, site files and terminology in one step (every
 * problem reported, then exit 1), build the engine and the feedback store, listen on HOST:PORT, and shut down gracefully on
 * SIGTERM/SIGINT (stop accepting, let running requests finish, close the database).
 * Uses only APIs present in Node 20.19 and the current LTS.
 */
import { createServer } from 'node:http';
import { loadConfig, type Config } from './config.js';
import { createIssuedCardRecorder } from './feedback/issued-recorder.js';
import { openSqliteFeedbackStore } from './feedback/sqlite-store.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';
import type { Engine } from './cds-hooks/evaluator.js';
import { createSiteEngine } from './settings/site-config.js';
import { ConfigError } from './shared/config-error.js';

/** How long running requests get to finish after SIGTERM before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Start-up in one place: the environment, then CDS_SITE_CONFIG and CDS_TERMINOLOGY into the engine.
 * Any of them invalid → one ConfigError listing every problem, logged, exit 1.
 */
function assemble(): { config: Config; engine: Engine } {
  try {
    const config = loadConfig(process.env);
    return { config, engine: createSiteEngine(config) };
  } catch (err) {
    if (err instanceof ConfigError) {
      createLogger('info').fatal({ problems: err.problems }, `${err.message.split(':')[0]?.toLowerCase() ?? 'invalid configuration'}; not starting`);
      process.exit(1);
    }
    throw err;
  }
}

function main(): void {
  const { config, engine } = assemble();
  const logger = createLogger(config.logLevel);
  const feedbackStore = openSqliteFeedbackStore(config.feedbackDb);
  const issuedCards = createIssuedCardRecorder(feedbackStore, { logger });
  let shuttingDown = false;
  const closeStore = (): void => {
    issuedCards.close();
    feedbackStore.close();
  };
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, { engine, feedbackStore, issuedCards, logger, isShuttingDown: () => shuttingDown });
  } catch (err) {
    // A JWKS file named in CDS_TRUSTED_ISSUERS that cannot be read or is no public key set.
    if (err instanceof ConfigError) {
      logger.fatal({ problems: err.problems }, 'invalid configuration; not starting');
      closeStore();
      process.exit(1);
    }
    throw err;
  }

  const server = createServer(app);
  server.on('error', (err) => {
    logger.fatal({ errorName: err.name, code: 'code' in err ? err.code : undefined }, 'server error; exiting');
    closeStore();
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    logger.info({ host: config.host, port, language: config.language }, 'osteo-cds listening');
    if (config.preview) logger.info(`card preview page: http://localhost:${port}/`);
    if (config.previewClock) logger.warn('CDS_PREVIEW_CLOCK is on: hook calls may set "now" with X-Osteo-Now (development only)');
  });

  const shutdown = (signal: NodeJS.Signals): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.warn('requests still running after the grace period; closing connections');
      server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      closeStore();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('uncaughtException', (err) => {
    logger.fatal({ errorName: err.name, stack: err.stack?.split('\n').slice(1, 12).join('\n') }, 'uncaught exception; exiting');
    closeStore();
    process.exit(1);
  });
}

main();
