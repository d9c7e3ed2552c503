/** GET /healthz — 200 `{"status":"ok"}` while serving; 503 once shutdown has begun. */
import { Router, type Request, type Response } from 'express';

export function healthRoutes(isShuttingDown: () => boolean): Router {
  const router = Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    if (isShuttingDown()) res.status(503).json({ status: 'shutting-down' });
    else res.json({ status: 'ok' });
  });
  return router;
}
