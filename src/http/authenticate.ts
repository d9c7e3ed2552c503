/**
 * Authentication of discovery, service and feedback calls (CDS Hooks 2.0 "Trusting CDS Clients").
 *
 * - CDS_TRUSTED_ISSUERS unset: calls pass unauthenticated and a warning is logged at start (the
 *   contract's development mode).
 * - CDS_TRUSTED_ISSUERS set: every call needs `Authorization: Bearer <JWT>` that the verifier
 *   (`auth/jwt-verifier.ts`) accepts for the exact URL called; otherwise 401 with no detail and
 *   `WWW-Authenticate: Bearer`. The reason is logged at debug with iss/kid/jti only — never the
 *   token.
 *
 * The `aud` the token must carry is the URL called: `<base><path>` for each CDS_PUBLIC_URL base
 * (behind a proxy, and for clients that call both localhost and 127.0.0.1), else the request's
 * own scheme, Host header and path. The query string is not part of it. Without CDS_PUBLIC_URL
 * the Host header decides, so production deployments should set it (a warning says so at start).
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { JwtVerifier } from './auth/jwt-verifier.js';
import { unauthorized } from './errors.js';
import './locals.js';

const BEARER = /^Bearer +(\S+)$/i;

/** The URLs a token for this call may name as `aud`. */
export function audienceCandidates(req: Request, publicUrls: readonly string[] | undefined): string[] {
  const path = req.originalUrl.split('?')[0] ?? '';
  if (publicUrls !== undefined) return publicUrls.map((base) => `${base}${path}`);
  const host = req.get('host');
  return host === undefined || host === '' ? [] : [`${req.protocol}://${host}${path}`];
}

/**
 * `jwt` checks the tokens (built by the app from the keys start-up checked); undefined exactly when
 * CDS_TRUSTED_ISSUERS is unset. A verified call's issuer, tenant and jti go to `res.locals` (the
 * caller its cards and feedback belong to, and the audit log). Undefined when there is nothing
 * to check (development mode): calls pass, and the app mounts no layer for it.
 */
export function authenticate(config: Config, logger: Logger, jwt: JwtVerifier | undefined): RequestHandler | undefined {
  if (config.trustedIssuers === undefined || jwt === undefined) {
    logger.warn('CDS_TRUSTED_ISSUERS is not set: discovery, service and feedback calls are accepted without a JWT (development mode)');
    return undefined;
  }
  logger.info({ issuers: Object.keys(config.trustedIssuers), algorithms: config.jwtAlgorithms }, 'JWT authentication on');
  if (config.publicUrls === undefined) {
    logger.warn('CDS_PUBLIC_URL is not set: the JWT aud is checked against the URL built from the request Host header; set it in production');
  }

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    const verdict =
      match?.[1] === undefined
        ? ({ ok: false, reason: req.get('authorization') === undefined ? 'missing' : 'malformed', facts: {} } as const)
        : await jwt.verify(match[1], audienceCandidates(req, config.publicUrls));
    if (!verdict.ok) {
      res.locals.log.debug({ authFailure: verdict.reason, ...verdict.facts }, 'authentication failed');
      next(unauthorized());
      return;
    }
    if (verdict.facts.iss !== undefined) {
      res.locals.logFields.issuer = verdict.facts.iss;
      res.locals.caller = { issuer: verdict.facts.iss, ...(verdict.facts.tenant === undefined ? {} : { tenant: verdict.facts.tenant }) };
      res.locals.jti = verdict.facts.jti ?? '';
    }
    next();
  };
}
