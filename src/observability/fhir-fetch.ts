/**
 * The `fetch` a hook call's prefetch uses: the global fetch plus, per FHIR GET, the request's
 * `traceparent` passed on (W3C Trace Context), a client span when tracing is on, and the outcome
 * counted in `osteo_cds_fhir_fetches_total` (ok, http-4xx, http-5xx, http-other, timeout,
 * network-error). The URL is never recorded; the span names only the server's host.
 */
import { secondsSince, type FhirFetchOutcome, type Metrics } from './metrics.js';
import type { RequestTrace } from './spans.js';

function outcomeOf(status: number): FhirFetchOutcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status >= 400 && status < 500) return 'http-4xx';
  if (status >= 500 && status < 600) return 'http-5xx';
  return 'http-other';
}

function hostOf(input: string | URL | Request): string {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return URL.canParse(href) ? new URL(href).host : 'unknown';
}

/** `base` is looked up per call (default the global fetch), so test interceptors installed later still apply. */
export function observedFetch(trace: RequestTrace, metrics: Metrics, base: () => typeof fetch = () => globalThis.fetch): typeof fetch {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const span = trace.outgoing(hostOf(input));
    const headers = new Headers(init?.headers);
    if (span.traceparent !== undefined) headers.set('traceparent', span.traceparent);
    const started = process.hrtime.bigint();
    try {
      const response = await base()(input, { ...init, headers });
      const outcome = outcomeOf(response.status);
      metrics.fhirFetched(outcome, secondsSince(started));
      span.end(outcome, response.status);
      return response;
    } catch (err) {
      const outcome: FhirFetchOutcome = init?.signal?.aborted === true ? 'timeout' : 'network-error';
      metrics.fhirFetched(outcome, secondsSince(started));
      span.end(outcome);
      throw err;
    }
  };
}
