/**
 * GET /stats — feedback statistics for a site: per card topic, how many cards were shown and how
 * many GPs accepted or overrode, with the override reasons (feedback joined to the issued cards by
 * card uuid; a card counts once per outcome however often its feedback arrives). No patient data:
 * only topics, counts and reason codes.
 *
 * Guarded by CDS_ADMIN_TOKEN (`Authorization: Bearer <token>`, compared in constant time):
 * - unset → the route does not exist (404), as the contract says ("unset = /stats off");
 * - missing or wrong token → 401 with `WWW-Authenticate: Bearer` and no detail.
 * It is not a CDS Hooks endpoint, so CDS_TRUSTED_ISSUERS (EHR JWTs) does not apply to it.
 * `?since=YYYY-MM-DD` counts only cards issued from that day (UTC) on; `?tenant=` (and `?issuer=`)
 * one caller's cards — a tenant's statistics. Feedback counts only for cards issued to the same
 * issuer and tenant that gave it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { BatchWriter } from '../../store/batch-writer.js';
import type { IssuedCard, StatsFilter, Store } from '../../store/store.js';
import type { Engine } from '../../cds-hooks/evaluator.js';
import { badRequest, methodNotAllowed, unauthorized } from '../errors.js';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time comparison of the bearer token with the admin token (hashes: equal lengths). */
export function bearerMatches(authorization: string | undefined, adminToken: string): boolean {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  const given = match?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(adminToken)) && given !== '';
}

/** `?issuer=` / `?tenant=`: one value of at most 200 characters (as the JWT claims are kept). */
function callerParam(req: Request, name: 'issuer' | 'tenant'): string | undefined {
  const value: unknown = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 200) throw badRequest(`${name} must be given once, at most 200 characters`, name);
  return value;
}

export interface StatsDeps {
  readonly adminToken: string | undefined;
  readonly store: Pick<Store, 'stats'>;
  /** Written out before counting, so the cards just issued count. */
  readonly recorder: BatchWriter<IssuedCard>;
  readonly clock: () => Date;
  /** Names each topic in the answer (the engine's card titles; http knows no card texts). */
  readonly topicTitle: Engine['topicTitle'];
}

export function statsRoutes(deps: StatsDeps): Router {
  const router = Router();
  const adminToken = deps.adminToken;
  if (adminToken === undefined) return router;
  router.use('/stats', (req: Request, _res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    if (!bearerMatches(req.get('authorization'), adminToken)) throw unauthorized();
    next();
  });
  router.get('/stats', async (req: Request, res: Response) => {
    const since = typeof req.query.since === 'string' ? req.query.since : undefined;
    if (since !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(since) && !Number.isNaN(Date.parse(`${since}T00:00:00Z`)))) {
      throw badRequest('since must be a date, YYYY-MM-DD', 'since');
    }
    const issuer = callerParam(req, 'issuer');
    const tenant = callerParam(req, 'tenant');
    const filter: StatsFilter = {
      ...(since === undefined ? {} : { since: `${since}T00:00:00.000Z` }),
      ...(issuer === undefined ? {} : { issuer }),
      ...(tenant === undefined ? {} : { tenant }),
    };
    await deps.recorder.flush();
    const stats = await deps.store.stats(filter);
    const topics = stats.topics.map((t) => {
      const title = deps.topicTitle(t.topic);
      return { ...t, ...(title === undefined ? {} : { title }) };
    });
    const sum = (key: 'shown' | 'accepted' | 'overridden'): number => stats.topics.reduce((n, t) => n + t[key], 0);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      generatedAt: deps.clock().toISOString(),
      ...(since === undefined ? {} : { since }),
      ...(issuer === undefined ? {} : { issuer }),
      ...(tenant === undefined ? {} : { tenant }),
      ...(stats.firstIssuedAt === undefined ? {} : { firstIssuedAt: stats.firstIssuedAt }),
      totals: { shown: sum('shown'), accepted: sum('accepted'), overridden: sum('overridden') },
      topics,
      unmatchedFeedbackCards: stats.unmatchedFeedbackCards,
      droppedSinceStart: deps.recorder.dropped,
    });
  });
  router.all('/stats', () => {
    throw methodNotAllowed(['GET']);
  });
  return router;
}
