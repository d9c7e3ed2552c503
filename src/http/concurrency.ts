/**
 * At most CDS_MAX_CONCURRENT_CALLS service and feedback calls in flight (their bodies being read,
 * their FHIR data being fetched, their cards being made); past it, 503 with `Retry-After: 1` at
 * once, before the body is read. A burst of slow or large calls then costs a bounded amount of
 * memory (at most that many bodies of CDS_BODY_LIMIT) and leaves the event loop to /healthz and
 * the calls already admitted; the EHR retries, or shows no cards, as CDS Hooks clients do when a
 * service is busy.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { serviceBusy } from './errors.js';

export function concurrencyLimit(max: number): RequestHandler {
  let inFlight = 0;
  return (_req: Request, res: Response, next: NextFunction): void => {
    if (inFlight >= max) {
      res.setHeader('Connection', 'close');
      next(serviceBusy());
      return;
    }
    inFlight += 1;
    // 'close' comes once per response, after 'finish' or on an aborted connection.
    res.once('close', () => {
      inFlight -= 1;
    });
    next();
  };
}
