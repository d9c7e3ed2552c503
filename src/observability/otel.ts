/**
 * OpenTelemetry tracing, loaded only when OTEL_EXPORTER_OTLP_ENDPOINT is set (tracing.ts imports
 * this module lazily): a tracer provider of its own (no global registration, no
 * auto-instrumentation), a batch exporter to `<endpoint>/v1/traces` (OTLP/HTTP JSON), one server
 * span per request continuing the caller's `traceparent`, and one client span per FHIR fetch whose
 * context is what the fetch sends as `traceparent`. Attributes: method, route template, status,
 * service id, FHIR server host and fetch outcome — no patient data, paths with ids or queries.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { OutgoingSpan, RequestTrace, Tracing } from './spans.js';

type Carrier = Record<string, string | undefined>;
const getter: TextMapGetter<Carrier> = { keys: (c) => Object.keys(c), get: (c, key) => c[key] };
const setter: TextMapSetter<Carrier> = {
  set: (c, key, value) => {
    c[key] = value;
  },
};

/** At shutdown, buffered spans get this long to leave; an unreachable collector never holds the exit up. */
const SHUTDOWN_TIMEOUT_MS = 3000;

export function startOpenTelemetry(endpoint: string, serviceVersion: string): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'osteo-cds', 'service.version': serviceVersion }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }))],
  });
  const tracer = provider.getTracer('osteo-cds', serviceVersion);
  const propagator = new W3CTraceContextPropagator();

  const outgoing = (parent: Context, host: string): OutgoingSpan => {
    const span = tracer.startSpan('GET FHIR', { kind: SpanKind.CLIENT, attributes: { 'server.address': host, 'http.request.method': 'GET' } }, parent);
    const carrier: Carrier = {};
    propagator.inject(trace.setSpan(parent, span), carrier, setter);
    return {
      traceparent: carrier.traceparent,
      end: (outcome, status) => {
        span.setAttribute('osteo_cds.fhir.outcome', outcome);
        if (status !== undefined) span.setAttribute('http.response.status_code', status);
        if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  };

  return {
    startRequest(method, headers): RequestTrace {
      const incoming = propagator.extract(ROOT_CONTEXT, { traceparent: headers.traceparent, tracestate: headers.tracestate }, getter);
      const span: Span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': method } }, incoming);
      const context = trace.setSpan(incoming, span);
      return {
        outgoing: (host) => outgoing(context, host),
        end: (route, status, service) => {
          span.updateName(`${method} ${route}`);
          span.setAttribute('http.route', route);
          span.setAttribute('http.response.status_code', status);
          if (service !== undefined) span.setAttribute('osteo_cds.service', service);
          if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
          span.end();
        },
      };
    },
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        provider.shutdown().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, SHUTDOWN_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}
