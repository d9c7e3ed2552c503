/**
 * Tracing of one request and the FHIR fetches it makes.
 *
 * Off (the default, OTEL_EXPORTER_OTLP_ENDPOINT unset): a request's W3C `traceparent` is passed
 * on to its FHIR fetches (same trace id, a new span id), nothing is recorded, and no OpenTelemetry
 * code is loaded. On: `startTracing` imports the OpenTelemetry SDK lazily (`otel.ts`) and exports
 * one server span per request and one client span per FHIR fetch to the OTLP endpoint. Span
 * attributes hold route names, service ids, status codes and the FHIR server's host — never
 * patient ids, query strings or tokens.
 */
import type { Logger } from 'pino';
import type { OutgoingSpan, Tracing } from './spans.js';
import { childTraceparent, parseTraceparent } from './trace-context.js';

const noSpan = (traceparent: string | undefined): OutgoingSpan => ({ traceparent, end: () => undefined });

/** Pass-through only: the incoming trace goes on to FHIR fetches; nothing is recorded. */
export const w3cTracing: Tracing = {
  startRequest(_method, headers) {
    const parent = parseTraceparent(headers.traceparent);
    return {
      outgoing: () => noSpan(parent === undefined ? undefined : childTraceparent(parent)),
      end: () => undefined,
    };
  },
  shutdown: () => Promise.resolve(),
};

export interface TracingOptions {
  /** OTEL_EXPORTER_OTLP_ENDPOINT; undefined = tracing off. */
  readonly otlpEndpoint: string | undefined;
  readonly serviceVersion: string;
  readonly logger?: Logger;
}

/** The tracing of the process: OpenTelemetry when an OTLP endpoint is configured, else {@link w3cTracing}. */
export async function startTracing(options: TracingOptions): Promise<Tracing> {
  if (options.otlpEndpoint === undefined) return w3cTracing;
  const { startOpenTelemetry } = await import('./otel.js');
  const tracing = startOpenTelemetry(options.otlpEndpoint, options.serviceVersion);
  options.logger?.info({ otlpHost: new URL(options.otlpEndpoint).host }, 'OpenTelemetry tracing on');
  return tracing;
}
