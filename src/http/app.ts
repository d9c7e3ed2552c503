/**
 * The express application factory: `createApp(config, deps)` wires the middleware chain and
 * routes and never listens (src/main.ts does; tests drive the app with supertest).
 *
 * Chain: request id + logger → trace + request metrics → helmet → CORS (answers every preflight)
 * → declared body size (413 on any route) → the CDS Hooks routes under /cds-services, first
 * because they carry the load (no public route serves a path under it, so the order changes no
 * answer): authenticate (JWT when CDS_TRUSTED_ISSUERS is set) → per-caller rate limit
 * (CDS_RATE_LIMIT_PER_MIN) → calls in flight (CDS_MAX_CONCURRENT_CALLS) → JSON body
 * (CDS_BODY_LIMIT; depth, string lengths and caps read from the bytes first) → hooks (each hook
 * call audited; issued cards handed to the statistics recorder; calls with many draft orders or
 * very long free text evaluated in the worker pool when one is given), discovery, feedback → the
 * public routes: /healthz → /livez, /readyz, /version, /metrics → preview page and its fixture list
 * (CDS_PREVIEW) → the guideline pages → the overview app /app/ → /stats (CDS_ADMIN_TOKEN)
 * → 404 → the one error handler.
 */
import { shownTopics } from '../cds-hooks/response.js';
import { randomUUID } from 'node:crypto';
import cors from 'cors';
import express, { type Express } from 'express';
import type { Store as RateLimitStore } from 'express-rate-limit';
import helmet from 'helmet';
import { pino, type Logger } from 'pino';
import { buildDiscovery, discoverySchema, prefetchTemplates } from '../cds-hooks/discovery.js';
import type { Config } from '../config.js';
import { observedFetch } from '../observability/fhir-fetch.js';
import { createMetrics, secondsSince, type Metrics } from '../observability/metrics.js';
import { countStoreErrors } from '../observability/store-errors.js';
import { timedEngine } from '../observability/timed-engine.js';
import type { Tracing } from '../observability/spans.js';
import { w3cTracing } from '../observability/tracing.js';
import { packagePath } from '../package-root.js';
import { guardedDispatcher, type Resolver } from '../prefetch/address-guard.js';
import type { Engine } from '../cds-hooks/evaluator.js';
import { createSeenStore, type SeenStore } from './overview/seen-store.js';
import { OFFLOAD_MIN_DRAFTS, OFFLOAD_MIN_STRING_BYTES, type EvaluationPool, type OffloadedAnswer, type OffloadedInput } from './evaluation-pool.js';
import { OVERVIEW_CALL, overviewRoutes } from './overview/routes.js';
import { createBatchWriter, type BatchWriter } from '../store/batch-writer.js';
import type { AuditEntry, IssuedCard, Store } from '../store/store.js';
import { auditHookCalls } from './audit.js';
import { previewNow } from './preview/clock.js';
import { loadPreviewFixtures } from './preview/fixtures.js';
import { previewRoutes } from './preview/routes.js';
import { versionsOf } from '../versions.js';
import { createJwtVerifier, type JwtVerifier } from './auth/jwt-verifier.js';
import type { TrustedKeys } from './auth/trusted-keys.js';
import { authenticate } from './authenticate.js';
import { bodyLimit } from './body-limit.js';
import { concurrencyLimit } from './concurrency.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { createLifecycle, isShuttingDown, type Lifecycle } from './lifecycle.js';
import { jsonDepthLimit, requestTimeout } from './limits.js';
import { jsonBody } from './json-body.js';
import { offloadPolicy, type OffloadPolicy } from './offload-policy.js';
import { storeCaller } from './locals.js';
import { observe } from './observe.js';
import { perCallerRateLimit } from './rate-limit.js';
import { SharedRateLimitStore } from './rate-limit-store.js';
import { requestContext } from './request-context.js';
import { discoveryRoutes } from './routes/discovery.js';
import { feedbackRoutes } from './routes/feedback.js';
import { healthRoutes } from './routes/health.js';
import { hookRoutes, type HookRouteDeps } from './routes/hooks.js';
import { findService } from '../contract/services.js';
import { operationsRoutes } from './routes/operations.js';
import { guidelineRoutes } from './routes/guideline.js';
import { statsRoutes } from './routes/stats.js';

export interface AppDeps {
  readonly engine: Engine;
  /** Feedback, issued cards, the JWT replay cache (src/store/). */
  readonly store: Store;
  /** "Now" of each request (tests pin it); default the system clock. */
  readonly clock?: () => Date;
  /** Default: a silent logger. */
  readonly logger?: Logger;
  /** Starting, ready, draining, stopping (main.ts moves it on); default: ready. */
  readonly lifecycle?: Lifecycle;
  /** Default: a registry of this app's own (main.ts passes one with the process metrics). */
  readonly metrics?: Metrics;
  /** Default: W3C traceparent passed on to FHIR fetches, nothing recorded (OpenTelemetry off). */
  readonly tracing?: Tracing;
  /**
   * The key sets of CDS_TRUSTED_ISSUERS as start-up read and checked them (src/startup.ts); needed
   * when CDS_TRUSTED_ISSUERS is set, unless `jwtVerifier` is given. The app reads no JWKS file.
   */
  readonly trustedKeys?: TrustedKeys;
  /** Default: built from `trustedKeys` (tests inject one with short JWKS cache times). */
  readonly jwtVerifier?: JwtVerifier;
  /** Records issued cards for /stats (main.ts passes one it flushes on shutdown); default: a new one on `store`. */
  readonly issuedCards?: BatchWriter<IssuedCard>;
  /** Writes the audit log (main.ts passes one it flushes on shutdown); default: a new one on `store`. */
  readonly auditLog?: BatchWriter<AuditEntry>;
  /**
   * DNS resolution of FHIR-server names checked by the address guard (with CDS_TRUSTED_ISSUERS
   * set); default the system resolver. Tests map names to addresses with it.
   */
  readonly fhirResolver?: Resolver;
  /**
   * Where the per-caller rate-limit counters live (express-rate-limit's `Store`); default: the
   * PostgreSQL store's counters when the store is PostgreSQL (replicas count together), else in
   * memory, per process.
   */
  readonly rateLimitStore?: RateLimitStore;
  /** The preview page's files and fixture patients; default the package's `public/` and `fixtures/`. */
  readonly previewDirs?: { readonly publicDir: string; readonly fixturesDir: string };
  /** The built overview app (scripts/build-app.mjs); default the package's `dist/app`. */
  readonly appDir?: string;
  /** The overviews the cards' `absolute` links show; default a new in-memory store. */
  readonly seenStore?: SeenStore;
  /**
   * Worker threads that evaluate the calls with many draft orders (evaluation-pool.ts; main.ts
   * starts one); default none: every call is evaluated on the event loop.
   */
  readonly evaluationPool?: EvaluationPool;
  /**
   * A worker thread that answers the other hook calls whole, from their body's bytes
   * (call-in-worker.ts; main.ts starts one, at normal priority): the event loop then only reads
   * requests and writes answers. Default none: those calls are parsed and evaluated on the event loop.
   */
  readonly callPool?: EvaluationPool;
  /** When calls go to `callPool` (default: offload-policy.ts on the event loop's load). */
  readonly offloadPolicy?: OffloadPolicy;
}

/** Calls from the preview page carry this header and are left out of the statistics. */
export const PREVIEW_CALL_HEADER = 'x-osteo-preview';

/** Content types parsed as JSON; anything else leaves req.body undefined → 400. */
const JSON_TYPES = ['application/json', 'application/fhir+json', '+json'];

export function createApp(config: Config, deps: AppDeps): Express {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const clock = deps.clock ?? (() => new Date());
  // Built and checked once: a bad code list fails here, at start, not per request.
  const versions = versionsOf(deps.engine);
  const discovery = discoverySchema.parse(buildDiscovery(deps.engine.observationCodes, versions));
  const templates = prefetchTemplates(deps.engine.observationCodes);
  const metrics = deps.metrics ?? createMetrics({ versions });
  const lifecycle = deps.lifecycle ?? createLifecycle('ready');
  const store = countStoreErrors(deps.store, metrics.storeError);
  const engine = timedEngine(deps.engine, metrics);
  const issuedCards = deps.issuedCards ?? createBatchWriter<IssuedCard>((batch) => store.recordIssued(batch), { what: 'issued cards', logger });
  const auditLog = deps.auditLog ?? createBatchWriter<AuditEntry>((batch) => store.recordAudit(batch), { what: 'audit entries', logger });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // The forwarded client address is believed only from the proxies CDS_TRUST_PROXY names.
  if (config.trustProxy !== undefined) app.set('trust proxy', [...config.trustProxy]);

  app.use(requestContext(logger));
  app.use(observe(metrics, deps.tracing ?? w3cTracing));
  app.use(requestTimeout(config.requestTimeoutMs));
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
      // The W3C trace context the service reads (observe.ts) and the request id it takes over
      // (request-context.ts): a browser client that sends them is not turned away at the preflight.
      allowedHeaders: ['Authorization', 'Content-Type', 'traceparent', 'tracestate', 'x-request-id'],
      exposedHeaders: ['x-request-id'],
      maxAge: 600,
    }),
  );
  app.use(bodyLimit(config.bodyLimitBytes));
  // A snapshot that cannot be made costs its link only (the answer has gone out); the name only: a message may quote input.
  const seen = deps.seenStore ?? createSeenStore(clock, {}, (err) => logger.error({ errorName: err instanceof Error ? err.name : typeof err }, 'overview snapshot not kept'));
  // The CDS Hooks routes first: a hook call walks none of the public routers below (none of them
  // serves a path under /cds-services; what these leave unanswered still goes on to them).
  // Without CDS_TRUSTED_ISSUERS (development) there is nothing to check, and no layer.
  const authenticated = authenticate(config, logger, jwtVerifier(config, deps, store));
  if (authenticated !== undefined) app.use('/cds-services', authenticated);
  // After authentication (the caller is known), before any body is read; no layer when the limit is off.
  const limited = perCallerRateLimit({ perMinute: config.rateLimitPerMin, logger, onRefused: metrics.rateLimitRefused, ...rateLimitCounters(deps.rateLimitStore, store) });
  if (limited !== undefined) app.use('/cds-services', limited);
  // Every call to a service the caller may make is audited, also one refused for its body (413,
  // 400) or for the calls in flight (503): a probe with oversized or broken bodies leaves a trail.
  app.post('/cds-services/:id', auditHookCalls(auditLog, clock));
  const inFlight = concurrencyLimit(config.maxConcurrentCalls);
  app.post('/cds-services/*service', inFlight);
  const callPool = deps.callPool;
  // A hook call's body is left as bytes for the call worker to parse (its path is /{service id}).
  app.use('/cds-services', jsonBody(config, JSON_TYPES, (req) => callPool !== undefined && req.method === 'POST' && findService(req.path.slice(1)) !== undefined));
  app.use('/cds-services', jsonDepthLimit());
  // The hook calls (/cds-services/{id}) before discovery (/cds-services) and feedback
  // (/cds-services/{id}/feedback): the three match disjoint paths, so the order changes no answer.
  app.use(
    hookRoutes({
      config,
      engine,
      templates,
      clock,
      ...(config.previewClock ? { requestNow: previewNow } : {}),
      fetchFor: (res) => observedFetch(res.locals.trace, metrics),
      overviewLinks: (req) => {
        // The overview app's own call for its cards needs no links back to itself.
        if (req.get(PREVIEW_CALL_HEADER) === OVERVIEW_CALL) return undefined;
        const seenId = randomUUID();
        return { seenId, keep: (snapshot) => seen.keep(seenId, snapshot), keepEncoded: (bytes) => seen.keepEncoded(seenId, bytes) };
      },
      ...(deps.evaluationPool === undefined ? {} : { offload: { minDrafts: OFFLOAD_MIN_DRAFTS, minStringBytes: OFFLOAD_MIN_STRING_BYTES, evaluate: timedPool(deps.evaluationPool, metrics) } }),
      ...(callPool === undefined ? {} : { callWorker: { answer: timedCalls(callPool, metrics), policy: deps.offloadPolicy ?? offloadPolicy() } }),
      // Without CDS_TRUSTED_ISSUERS (development) any server is allowed, so nothing is guarded.
      ...(config.trustedIssuers === undefined ? {} : { guardedDispatcher: guardedDispatcher(deps.fhirResolver) }),
      onCards: (serviceId, cards, req, res) => {
        // A folded card counts once for each topic it shows, as in /stats.
        metrics.cardsIssued(serviceId, cards.flatMap((c) => shownTopics(c).map((topic) => ({ indicator: c.indicator, topic }))));
        if (req.get(PREVIEW_CALL_HEADER) !== undefined) return;
        const { issuer, tenant } = storeCaller(res);
        const issuedAt = clock().toISOString();
        // Only what joins feedback to a topic: no patient data.
        issuedCards.add(
          cards.map((c) => {
            const topics = shownTopics(c);
            return { uuid: c.uuid, serviceId, issuer, tenant, topic: c.source.topic?.code ?? 'unknown', ...(topics.length > 1 ? { topics } : {}), indicator: c.indicator, issuedAt };
          }),
        );
      },
    }),
  );
  app.use(discoveryRoutes(discovery));
  app.use(feedbackRoutes(store, clock));
  app.use(healthRoutes(() => isShuttingDown(lifecycle)));
  app.use(operationsRoutes({ lifecycle, pingStore: () => store.ping(), versions, metrics, metricsToken: config.metricsToken }));
  if (config.preview) {
    // Public (no authentication): the page and the synthetic fixture patients only.
    const dirs = deps.previewDirs ?? { publicDir: packagePath('public'), fixturesDir: packagePath('fixtures') };
    const { fixtures, problems } = loadPreviewFixtures(dirs.fixturesDir);
    if (problems.length > 0) logger.warn({ problems }, 'fixtures left out of the preview page');
    app.use(previewRoutes({ config, fixtures, publicDir: dirs.publicDir }));
  }
  // Public like the guideline itself: the page each card's "Læs mere" link opens.
  app.use(guidelineRoutes({ engine: deps.engine, language: config.language }));
  app.use(
    overviewRoutes({ config, appDir: deps.appDir ?? packagePath('dist', 'app'), templates, siteTerminology: deps.engine.siteTerminology, guidelineSettings: deps.engine.guidelineSettings, seen }),
  );
  app.use(statsRoutes({ adminToken: config.adminToken, store, recorder: issuedCards, clock, topicTitle: (topic) => deps.engine.topicTitle(topic) }));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/** The token check when CDS_TRUSTED_ISSUERS is set: the given one, else one on the keys start-up checked (jtis kept in the store). */
function jwtVerifier(config: Config, deps: AppDeps, store: Store): JwtVerifier | undefined {
  if (config.trustedIssuers === undefined) return undefined;
  if (deps.jwtVerifier !== undefined) return deps.jwtVerifier;
  // A wiring fault, not a site's: start-up (assembleService) reads the keys with every other file.
  if (deps.trustedKeys === undefined) throw new Error('CDS_TRUSTED_ISSUERS is set but the app was given no checked keys (assembleService reads them)');
  return createJwtVerifier(config, deps.trustedKeys, store);
}

/** The pool's evaluations timed into `osteo_cds_evaluation_duration_seconds` like the engine's (queueing and the copy to the worker included). */
function timedPool(pool: EvaluationPool, metrics: Metrics): (input: OffloadedInput) => Promise<OffloadedAnswer> {
  return async (input) => {
    const started = process.hrtime.bigint();
    try {
      return await pool.evaluate(input);
    } finally {
      metrics.evaluated(input.ruleSet, secondsSince(started));
    }
  };
}

/** The calls answered in the call worker timed into `osteo_cds_evaluation_duration_seconds` (their parse, validation and prefetch included). */
function timedCalls(pool: EvaluationPool, metrics: Metrics): NonNullable<HookRouteDeps['callWorker']>['answer'] {
  return async (task, keepSnapshot, wanted) => {
    const started = process.hrtime.bigint();
    const reply = await pool.call(task, keepSnapshot, wanted);
    const ruleSet = findService(task.serviceId)?.ruleSet;
    if (reply.kind === 'answer' && ruleSet !== undefined) metrics.evaluated(ruleSet, secondsSince(started));
    return reply;
  };
}

/** Rate-limit counters: the caller's, else the shared store's when replicas share one (PostgreSQL), else the limiter's own memory. */
function rateLimitCounters(given: RateLimitStore | undefined, store: Store): { store?: RateLimitStore } {
  if (given !== undefined) return { store: given };
  return store.kind === 'postgres' ? { store: new SharedRateLimitStore(store) } : {};
}
