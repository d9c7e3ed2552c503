/**
 * First middleware of the chain: a request id on every request (taken from `x-request-id` or the
 * W3C `traceparent` trace id when they look sane, else a fresh UUID), echoed in the
 * `x-request-id` response header, a pino child logger carrying it, and one log line when the
 * response finishes: method, route path, status, duration and what the route added (service id,
 * card count, topic codes, unavailable prefetch keys). No patient ids, bodies or tokens.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
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

export function requestContext(logger: Logger): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(req);
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.locals.logFields = {};
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
      const line = {
        method: req.method,
        // The path holds service ids only; query strings are never logged.
        path: req.path.slice(0, 200),
        status: res.statusCode,
        durationMs,
        ...res.locals.logFields,
      };
      if (res.statusCode >= 500) res.locals.log.error(line, 'request failed');
      else res.locals.log.info(line, 'request completed');
    });
    next();
  };
}
