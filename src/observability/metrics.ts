/**
 * Prometheus metrics (prom-client), one registry per app so tests never share counters.
 *
 * Labels are few and bounded, and never about a patient: route names from a fixed list, the four
 * service ids, status codes, card topics and indicators (the rule catalogue), FHIR fetch outcome
 * classes, and store method names. No paths, ids, issuers, tenants or URLs.
 *
 * Hooks for other parts of the service: `rateLimitRefused()` (the rate limiter calls it for each
 * 429) and `storeError(operation)` (called by `countStoreErrors`, which wraps a store).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The route families a request belongs to (the `route` label). */
export const ROUTES = [
  'hook',
  'feedback',
  'discovery',
  'healthz',
  'livez',
  'readyz',
  'metrics',
  'version',
  'stats',
  'guideline',
  'app',
  'preview',
  'other',
] as const;
export type RouteName = (typeof ROUTES)[number];

/** What became of one GET to a FHIR server. */
export const FHIR_FETCH_OUTCOMES = ['ok', 'http-4xx', 'http-5xx', 'http-other', 'timeout', 'network-error'] as const;
export type FhirFetchOutcome = (typeof FHIR_FETCH_OUTCOMES)[number];

export interface Metrics {
  readonly registry: Registry;
  /** One finished HTTP request. `service` is a service id, or `none` outside the CDS services. */
  readonly requestFinished: (route: RouteName, service: string, status: number, seconds: number) => void;
  /** The cards of one hook answer, one entry per topic shown (a folded card gives one per topic). */
  readonly cardsIssued: (service: string, cards: readonly { readonly indicator: string; readonly topic: string }[]) => void;
  readonly fhirFetched: (outcome: FhirFetchOutcome, seconds: number) => void;
  /** Facts + rules + cards of one hook call, by rule set (`patient-view` or `prescribing`). */
  readonly evaluated: (ruleSet: string, seconds: number) => void;
  /** A request refused by a rate limit (429). */
  readonly rateLimitRefused: () => void;
  /** A store call that failed; `operation` is the store method's name. */
  readonly storeError: (operation: string) => void;
}

export interface MetricsOptions {
  /** The process metrics (CPU, memory, event loop, GC) of prom-client; main.ts turns them on. */
  readonly processMetrics?: boolean;
  /** Labels of `osteo_cds_build_info`. */
  readonly versions?: { readonly service: string; readonly rules: string };
}

const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const EVALUATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics === true) collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'osteo_cds_http_request_duration_seconds',
    help: 'HTTP request duration by route family, CDS service id and status code',
    labelNames: ['route', 'service', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const cards = new Counter({
    name: 'osteo_cds_cards_total',
    help: 'Cards issued, by CDS service, card topic and indicator; a folded card counts once for each topic it shows',
    labelNames: ['service', 'topic', 'indicator'] as const,
    registers,
  });
  const fhirFetches = new Counter({
    name: 'osteo_cds_fhir_fetches_total',
    help: 'GET requests to FHIR servers (missing prefetch), by outcome',
    labelNames: ['outcome'] as const,
    registers,
  });
  const fhirFetchDuration = new Histogram({
    name: 'osteo_cds_fhir_fetch_duration_seconds',
    help: 'Duration of GET requests to FHIR servers, by outcome',
    labelNames: ['outcome'] as const,
    buckets: REQUEST_BUCKETS,
    registers,
  });
  const evaluation = new Histogram({
    name: 'osteo_cds_evaluation_duration_seconds',
    help: 'Guideline evaluation time (facts, rules, cards) of one hook call, by rule set',
    labelNames: ['rule_set'] as const,
    buckets: EVALUATION_BUCKETS,
    registers,
  });
  const rateLimitRefusals = new Counter({
    name: 'osteo_cds_rate_limit_refusals_total',
    help: 'Requests refused by a rate limit (429)',
    registers,
  });
  const storeErrors = new Counter({
    name: 'osteo_cds_store_errors_total',
    help: 'Failed store calls, by store operation',
    labelNames: ['operation'] as const,
    registers,
  });
  // Zero series up front: a counter that has never moved is still scraped, so alerts see 0.
  rateLimitRefusals.inc(0);
  for (const outcome of FHIR_FETCH_OUTCOMES) fhirFetches.inc({ outcome }, 0);
  if (options.versions !== undefined) {
    new Gauge({
      name: 'osteo_cds_build_info',
      help: 'The service and rules versions of this process (always 1)',
      labelNames: ['service_version', 'rules_version'] as const,
      registers,
    }).set({ service_version: options.versions.service, rules_version: options.versions.rules }, 1);
  }

  return {
    registry,
    requestFinished: (route, service, status, seconds) => requestDuration.observe({ route, service, status: String(status) }, seconds),
    cardsIssued: (service, issued) => {
      for (const card of issued) cards.inc({ service, topic: card.topic, indicator: card.indicator });
    },
    fhirFetched: (outcome, seconds) => {
      fhirFetches.inc({ outcome });
      fhirFetchDuration.observe({ outcome }, seconds);
    },
    evaluated: (ruleSet, seconds) => evaluation.observe({ rule_set: ruleSet }, seconds),
    rateLimitRefused: () => rateLimitRefusals.inc(),
    storeError: (operation) => storeErrors.inc({ operation }),
  };
}

/** Seconds since `started` (a `process.hrtime.bigint()` reading). */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}
