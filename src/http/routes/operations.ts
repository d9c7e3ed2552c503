/**
 * Operations endpoints (docs/service-contract.md "Version 2 additions", Operations); none needs a
 * JWT, none touches patient data:
 * - GET /livez   — 200 while the process can answer at all (restart it when this fails);
 * - GET /readyz  — 200 only when start-up is done and the store answers; 503 while starting,
 *   draining (after SIGTERM, CDS_DRAIN_MS) or when the store does not answer within 2 s;
 * - GET /version — the service, rules and guideline versions;
 * - GET /metrics — Prometheus text format; with CDS_METRICS_TOKEN set it needs
 *   `Authorization: Bearer <token>` (401 otherwise), like /stats.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Metrics } from '../../observability/metrics.js';
import type { Versions } from '../../versions.js';
import { unauthorized } from '../errors.js';
import type { Lifecycle } from '../lifecycle.js';
import { bearerMatches } from './stats.js';

/** A store that does not answer within this long counts as not answering (a probe never hangs). */
export const STORE_PROBE_TIMEOUT_MS = 2000;

export interface OperationsDeps {
  readonly lifecycle: Lifecycle;
  /** Resolves when the store answers; rejects (or throws) when it does not. */
  readonly pingStore: () => void | Promise<void>;
  readonly versions: Versions;
  readonly metrics: Metrics;
  readonly metricsToken: string | undefined;
}

async function storeAnswers(ping: () => void | Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), STORE_PROBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([Promise.resolve().then(ping).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function operationsRoutes(deps: OperationsDeps): Router {
  const router = Router();
  router.use(['/livez', '/readyz', '/version', '/metrics'], (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  router.get('/livez', (_req: Request, res: Response) => {
    res.json({ status: 'alive' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const state = deps.lifecycle.state;
    if (state !== 'ready') {
      res.status(503).json({ status: state });
      return;
    }
    if (!(await storeAnswers(deps.pingStore))) {
      res.status(503).json({ status: 'store-unavailable' });
      return;
    }
    // Draining may have begun while the store was asked.
    if (deps.lifecycle.state !== 'ready') res.status(503).json({ status: deps.lifecycle.state });
    else res.json({ status: 'ready' });
  });
  router.get('/version', (_req: Request, res: Response) => {
    res.json(deps.versions);
  });
  const token = deps.metricsToken;
  router.get('/metrics', async (req: Request, res: Response) => {
    if (token !== undefined && !bearerMatches(req.get('authorization'), token)) throw unauthorized();
    const text = await deps.metrics.registry.metrics();
    res.setHeader('Content-Type', deps.metrics.registry.contentType);
    res.send(text);
  });
  return router;
}
