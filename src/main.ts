/**
 * Entry point: load and check the configuration (every invalid variable reported, then exit 1),
 * build the engine and the feedback store, listen on HOST:PORT, and shut down gracefully on
 * SIGTERM/SIGINT (stop accepting, let running requests finish, close the database).
 * Uses only APIs present in Node 20.19 and the current LTS.
 */
import { createServer } from 'node:http';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createEngine } from './engine.js';
import { openSqliteFeedbackStore } from './feedback/sqlite-store.js';
import { createApp } from './http/app.js';
import { createLogger } from './logger.js';

/** How long running requests get to finish after SIGTERM before connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      createLogger('info').fatal({ problems: err.problems }, 'invalid configuration; not starting');
      process.exit(1);
    }
    throw err;
  }
}

function main(): void {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const engine = createEngine(config);
  const feedbackStore = openSqliteFeedbackStore(config.feedbackDb);
  let shuttingDown = false;
  let app: ReturnType<typeof createApp>;
  try {
    app = createApp(config, { engine, feedbackStore, logger, isShuttingDown: () => shuttingDown });
  } catch (err) {
    // A JWKS file named in CDS_TRUSTED_ISSUERS that cannot be read or is no public key set.
    if (err instanceof ConfigError) {
      logger.fatal({ problems: err.problems }, 'invalid configuration; not starting');
      feedbackStore.close();
      process.exit(1);
    }
    throw err;
  }

  const server = createServer(app);
  server.on('error', (err) => {
    logger.fatal({ errorName: err.name, code: 'code' in err ? err.code : undefined }, 'server error; exiting');
    feedbackStore.close();
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.port;
    logger.info({ host: config.host, port, language: config.language }, 'osteo-cds listening');
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
      feedbackStore.close();
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  process.on('uncaughtException', (err) => {
    logger.fatal({ errorName: err.name, stack: err.stack?.split('\n').slice(1, 12).join('\n') }, 'uncaught exception; exiting');
    feedbackStore.close();
    process.exit(1);
  });
}

main();
