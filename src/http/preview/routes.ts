/**
 * The card preview page and its pick list (public: no patient data, only the synthetic fixture
 * patients of `fixtures/`). The page itself (`public/`) calls the real CDS Hooks endpoints.
 *
 * - `GET /` and the files of `public/` (index.html, preview.js, preview.css, stats.html, stats.js)
 * - `GET /vendor/markdown-it.mjs` — the CommonMark parser the page renders card details with,
 *   served from the installed package (CSP 'self': no CDN)
 * - `GET /preview/fixtures` — the scenarios (name, description, service, hook, now, expected
 *   topics) and what the page needs to know about the service (is the preview clock on, does it
 *   require a JWT, its default language)
 * - `GET /preview/fixtures/:name` — one scenario's CDS Hooks request
 *
 * Turned off with CDS_PREVIEW=off.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { Router, type Request, type Response } from 'express';
import type { Config } from '../../config.js';
import { notFound } from '../errors.js';
import type { PreviewFixture } from './fixtures.js';

export interface PreviewDeps {
  readonly config: Config;
  readonly fixtures: readonly PreviewFixture[];
  readonly publicDir: string;
}

/** markdown-it's self-contained browser build (an ES module with no imports). */
const MARKDOWN_IT = join(dirname(createRequire(import.meta.url).resolve('markdown-it/package.json')), 'dist', 'browser', 'markdown-it.esm.min.mjs');

export function previewRoutes(deps: PreviewDeps): Router {
  const router = Router();
  const byName = new Map(deps.fixtures.map((f) => [f.name, f]));
  const list = {
    clock: deps.config.previewClock,
    authRequired: deps.config.trustedIssuers !== undefined,
    language: deps.config.language,
    stats: deps.config.adminToken !== undefined,
    fixtures: deps.fixtures.map(({ request: _request, ...rest }) => rest),
  };
  router.get('/preview/fixtures', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(list);
  });
  router.get('/preview/fixtures/:name', (req: Request<{ name: string }>, res: Response) => {
    const fixture = byName.get(req.params.name);
    if (fixture === undefined) throw notFound('Unknown fixture; see GET /preview/fixtures.');
    res.setHeader('Cache-Control', 'no-store');
    res.json(fixture.request);
  });
  router.get('/vendor/markdown-it.mjs', (_req: Request, res: Response) => {
    res.type('text/javascript');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.sendFile(MARKDOWN_IT);
  });
  router.use(express.static(deps.publicDir, { index: 'index.html', redirect: false, dotfiles: 'ignore', fallthrough: true }));
  return router;
}
