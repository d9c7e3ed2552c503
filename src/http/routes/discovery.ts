/** GET /cds-services — the discovery document ({@link https://cds-hooks.hl7.org/2.0/#discovery}). */
import { Router, type Request, type Response } from 'express';
import type { Discovery } from '../../cds-hooks/discovery.js';
import { methodNotAllowed } from '../errors.js';

export function discoveryRoutes(discovery: Discovery): Router {
  const router = Router();
  router.get('/cds-services', (_req: Request, res: Response) => {
    res.json(discovery);
  });
  router.all('/cds-services', () => {
    throw methodNotAllowed(['GET']);
  });
  return router;
}
