/**
 * First middleware of the chain: a request id on every request (taken from `x-request-id` or the
 * W3C `traceparent` trace id when they look sane, else a fresh UUID), echoed in the
 * `x-request-id` response header, a pino child logger carrying it, and one log line when the
 * response finishes: method, path (unknown parts of a refused path redacted), status, duration and
 * what the route added (service id, card count, topic codes, unavailable prefetch keys). No
 * patient ids, bodies or tokens.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { SERVICES } from '../contract/services.js';
import { TOPICS } from '../contract/topics.js';
import './locals.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

export function requestIdFrom(req: Request): string {
  const given = req.get('x-request-id');
  if (given !== undefined && REQUEST_ID.test(given)) return given;
  const trace = TRACEPARENT.exec(req.get('traceparent') ?? '');
  if (trace?.[1] !== undefined && !/^0+$/.test(trace[1])) return trace[1];
  return randomUUID();
}

/** Path segments the service's own routes and files use: logged as they are. */
const KNOWN_SEGMENTS = new Set([
  'cds-services', 'feedback', 'healthz', 'livez', 'readyz', 'version', 'metrics', 'stats', 'preview', 'fixtures', 'guideline', 'app',
  ...SERVICES.map((s) => s.id),
  ...TOPICS,
]);

/**
 * The path as it may be logged. An answered path (status < 400) is one the service serves (a
 * route, a file that exists) — except a CORS preflight, which is answered 204 on any path. Any
 * other path may have been typed by anyone, and may hold a name or a CPR number: only its known
 * segments are kept, the others replaced by `:redacted`.
 */
export function loggablePath(path: string, status: number, method = 'GET'): string {
  if (status < 400 && method !== 'OPTIONS') return path.slice(0, 200);
  const segments = path.split('/').slice(1, 13);
  return `/${segments.map((s) => (s === '' || KNOWN_SEGMENTS.has(s) ? s : ':redacted')).join('/')}`.slice(0, 200);
}

export function requestContext(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req);
    res.locals.requestId = requestId;
    const log = logger.child({ requestId });
    res.locals.log = log;
    res.locals.logFields = {};
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const failed = res.statusCode >= 500;
      // The line is built only when its level is on.
      if (!log.isLevelEnabled(failed ? 'error' : 'info')) return;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = {
        method: req.method,
        // Query strings are never logged; a path only as far as it names what the service serves.
        path: loggablePath(req.path, res.statusCode, req.method),
        status: res.statusCode,
        durationMs,
        ...res.locals.logFields,
      };
      if (failed) log.error(line, 'request failed');
      else log.info(line, 'request completed');
    });
    next();
  };
}
