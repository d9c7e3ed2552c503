/**
 * The authentication slot (CDS Hooks 2.0 "Trusting CDS Clients"): it sits in front of discovery,
 * service and feedback calls. JWT verification (CDS_TRUSTED_ISSUERS, jose) is a later issue.
 *
 * - CDS_TRUSTED_ISSUERS unset: calls pass unauthenticated and a warning is logged at start (the
 *   contract's development mode).
 * - CDS_TRUSTED_ISSUERS set: until verification exists, every call gets 401 (fail closed), so a
 *   deployment that asks for authentication never runs without it.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { unauthorized } from './errors.js';

export function authenticate(config: Config, logger: Logger): RequestHandler {
  if (config.trustedIssuers === undefined) {
    logger.warn('CDS_TRUSTED_ISSUERS is not set: discovery, service and feedback calls are accepted without a JWT (development mode)');
    return (_req: Request, _res: Response, next: NextFunction): void => next();
  }
  logger.error('CDS_TRUSTED_ISSUERS is set but JWT verification is not implemented yet: every call is refused with 401');
  return (_req: Request, _res: Response, next: NextFunction): void => next(unauthorized());
}
