/**
 * Per-caller rate limits (service contract, "Version 2 additions", Limits): at most
 * CDS_RATE_LIMIT_PER_MIN calls a minute per caller on the CDS Hooks routes, 429 with
 * `Retry-After` and an OperationOutcome past it; `0` turns the limit off.
 *
 * The caller is the verified JWT's issuer + tenant when there is one (one EHR installation,
 * whatever address its calls come from), else the client address: the socket's, or the
 * forwarded one only when CDS_TRUST_PROXY names the proxies (express `trust proxy`). IPv6
 * addresses count per /56, as one household or site holds a whole prefix.
 *
 * The counters live in an express-rate-limit `Store`: in memory by default (one replica); a
 * shared store (PostgreSQL) makes several replicas count together. A store that fails lets the
 * call through (logged): the limit protects the service, an outage of its store must not stop it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import { tooManyRequests } from './errors.js';
import './locals.js';

export interface RateLimitOptions {
  /** Calls per minute per caller; 0 = no limit. */
  readonly perMinute: number;
  /** Default: express-rate-limit's in-memory store. */
  readonly store?: Store;
  /** Called for each refused call (the refusal counter of /metrics). */
  readonly onRefused?: () => void;
  readonly logger: Logger;
}

/** The counter key of a call: issuer + tenant when authenticated, else the client address. */
export function callerKey(req: Request, res: Response): string {
  const caller = res.locals.caller;
  if (caller !== undefined) return `iss:${caller.issuer}\u0000tenant:${caller.tenant ?? ''}`;
  return `addr:${ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown')}`;
}

/** The limiter; undefined when the limit is off (`perMinute` 0): the app mounts no layer for it. */
export function perCallerRateLimit(options: RateLimitOptions): RequestHandler | undefined {
  if (options.perMinute === 0) return undefined;
  return rateLimit({
    windowMs: 60_000,
    limit: options.perMinute,
    // RateLimit-Policy / RateLimit headers, and Retry-After on a refusal (set before the handler runs).
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: callerKey,
    ...(options.store === undefined ? {} : { store: options.store }),
    passOnStoreError: true,
    logger: {
      warn: (error: unknown, message?: string) => options.logger.warn({ errorName: error instanceof Error ? error.name : typeof error }, message ?? 'rate limiter warning'),
      error: (error: unknown, message?: string) => options.logger.error({ errorName: error instanceof Error ? error.name : typeof error }, message ?? 'rate limiter error'),
    },
    // The library's checks of its own set-up would write to the console; its set-up is fixed here.
    validate: { xForwardedForHeader: false },
    handler: (_req: Request, res: Response, next: NextFunction): void => {
      options.onRefused?.();
      const retryAfter = res.getHeader('retry-after');
      next(tooManyRequests(typeof retryAfter === 'string' || typeof retryAfter === 'number' ? String(retryAfter) : '60'));
    },
  });
}
