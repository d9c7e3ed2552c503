/**
 * What tracing looks like to the rest of the service: a trace per request, a span per outgoing
 * call. In a file of their own so that the lazily loaded OpenTelemetry implementation (otel.ts)
 * and the module that loads it (tracing.ts) both depend on these types, not on each other.
 */
export interface OutgoingSpan {
  /** The `traceparent` header to send, when the request is part of a trace. */
  readonly traceparent: string | undefined;
  end(outcome: string, status?: number): void;
}

export interface RequestTrace {
  /** A span for one outgoing call (a FHIR fetch) to `host`. */
  outgoing(host: string): OutgoingSpan;
  /** `route` is the route template (no ids), e.g. `/cds-services/{id}`. */
  end(route: string, status: number, service: string | undefined): void;
}

export interface Tracing {
  startRequest(method: string, headers: { readonly traceparent?: string; readonly tracestate?: string }): RequestTrace;
  /** Sends what is buffered and stops (at shutdown). */
  shutdown(): Promise<void>;
}
