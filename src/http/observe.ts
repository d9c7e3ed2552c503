/**
 * Second middleware of the chain: the request's trace (its W3C `traceparent`, and an OpenTelemetry
 * span when tracing is on) in `res.locals.trace`, and when the response finishes one observation
 * of `osteo_cds_http_request_duration_seconds` and the end of the span. Labels come from a fixed
 * list of route families and the service id a route recognised (`res.locals.logFields.serviceId`),
 * never from the raw path, so unknown paths cannot grow the label set.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { secondsSince, type Metrics, type RouteName } from '../observability/metrics.js';
import type { Tracing } from '../observability/spans.js';
import './locals.js';

const FIXED: Readonly<Record<string, RouteName>> = {
  '/cds-services': 'discovery',
  '/healthz': 'healthz',
  '/livez': 'livez',
  '/readyz': 'readyz',
  '/metrics': 'metrics',
  '/version': 'version',
  '/stats': 'stats',
};

/** The route family of a path, and the route template for span names. */
export function routeOf(path: string): { readonly name: RouteName; readonly template: string } {
  const fixed = FIXED[path];
  if (fixed !== undefined) return { name: fixed, template: path };
  if (/^\/cds-services\/[^/]+\/feedback$/.test(path)) return { name: 'feedback', template: '/cds-services/{id}/feedback' };
  if (/^\/cds-services\/[^/]+$/.test(path)) return { name: 'hook', template: '/cds-services/{id}' };
  if (path.startsWith('/guideline/')) return { name: 'guideline', template: '/guideline/{topic}' };
  if (path === '/app' || path.startsWith('/app/')) return { name: 'app', template: '/app' };
  if (path === '/' || path.startsWith('/preview/') || /^\/[\w-]+\.(?:html|js|css|png|svg|ico)$/.test(path)) return { name: 'preview', template: '/' };
  return { name: 'other', template: 'other' };
}

export function observe(metrics: Metrics, tracing: Tracing): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const trace = tracing.startRequest(req.method, { traceparent: req.get('traceparent'), tracestate: req.get('tracestate') });
    res.locals.trace = trace;
    res.on('finish', () => {
      const route = routeOf(req.path);
      const service = res.locals.logFields.serviceId;
      metrics.requestFinished(route.name, service ?? 'none', res.statusCode, secondsSince(started));
      trace.end(route.template, res.statusCode, service);
    });
    next();
  };
}
