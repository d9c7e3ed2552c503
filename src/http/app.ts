/**
 * The express application factory: `createApp(config, deps)` wires the middleware chain and
 * routes and never listens (src/main.ts does; tests drive the app with supertest).
 *
 * Chain: request id + logger → helmet → CORS (answers every preflight) → declared body size
 * (413 on any route) → /healthz → authenticate (JWT when CDS_TRUSTED_ISSUERS is set) → JSON body
 * (CDS_BODY_LIMIT) → discovery, feedback, hooks → 404 → the one error handler.
 */
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { buildDiscovery, discoverySchema, prefetchTemplates } from '../cds-hooks/discovery.js';
import type { Config } from '../config.js';
import type { FeedbackStore } from '../feedback/store.js';
import type { Engine } from '../pipeline.js';
import type { JwtVerifier } from './auth/jwt-verifier.js';
import { authenticate } from './authenticate.js';
import { bodyLimit } from './body-limit.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { requestContext } from './request-context.js';
import { discoveryRoutes } from './routes/discovery.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { hookRoutes } from './routes/hooks.js';

export interface AppDeps {
  readonly engine: Engine;
  readonly feedbackStore: FeedbackStore;
  /** "Now" of each request (tests pin it); default the system clock. */
  readonly clock?: () => Date;
  /** Default: a silent logger. */
  readonly logger?: Logger;
  /** /healthz answers 503 once this returns true (set by main.ts on SIGTERM). */
  readonly isShuttingDown?: () => boolean;
  /** Default: built from CDS_TRUSTED_ISSUERS (tests inject one with short JWKS cache times). */
  readonly jwtVerifier?: JwtVerifier;
}

/** Content types parsed as JSON; anything else leaves req.body undefined → 400. */
const JSON_TYPES = ['application/json', 'application/fhir+json', '+json'];

export function createApp(config: Config, deps: AppDeps): Express {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const clock = deps.clock ?? (() => new Date());
  // Built and checked once: a bad code list fails here, at start, not per request.
  const discovery = discoverySchema.parse(buildDiscovery(deps.engine.observationCodes));
  const templates = prefetchTemplates(deps.engine.observationCodes);

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(requestContext(logger));
  app.use(
    helmet({
      // A JSON API called cross-origin by browser clients (the CDS Hooks sandbox).
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // Helmet's default CSP (default-src 'self'; scripts only from own files) suits a later
      // static preview page with its own script files. No upgrade-insecure-requests: the service
      // is run over plain http on localhost in development (TLS ends at a proxy in production).
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(
    cors({
      origin: config.corsOrigins === '*' ? '*' : [...config.corsOrigins],
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    }),
  );
  app.use(bodyLimit(config.bodyLimitBytes));
  app.use(healthRoutes(deps.isShuttingDown ?? (() => false)));
  app.use('/cds-services', authenticate(config, logger, deps.jwtVerifier));
  app.use('/cds-services', express.json({ limit: config.bodyLimitBytes, type: JSON_TYPES }));
  app.use(discoveryRoutes(discovery));
  app.use(feedbackRoutes(deps.feedbackStore, clock));
  app.use(hookRoutes({ config, engine: deps.engine, templates, clock }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
