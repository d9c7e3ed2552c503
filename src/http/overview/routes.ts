/**
 * The bone-health overview app at /app/ (issue #17; public like the preview page, no JWT — the
 * app reads the record with its own SMART token, and the snapshot ids are random):
 *
 * - `GET /app/` and the built files of the app (`dist/app`: launch.html, index.html, seen.html,
 *   the bundles, the CSS), under a CSP of their own: scripts from 'self' only as everywhere, but
 *   `connect-src` open to the FHIR server the EHR names (https; also http without
 *   CDS_TRUSTED_ISSUERS, for development against a local server) and framing allowed (EHRs embed
 *   SMART apps in an iframe).
 * - `GET /app/config.json` — the discovery prefetch templates, the site's terminology additions and
 *   guideline settings, whether hook calls need a JWT, the language, the preview clock, the SMART client id and scope.
 * - `GET /app/seen/:id` — a card's overview snapshot as JSON (404 once it is no longer kept).
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Config } from '../../config.js';
import type { PrefetchKey } from '../../contract/prefetch-keys.js';
import { notFound } from '../errors.js';
import type { SeenStore } from './seen-store.js';

/** The client id the EHR registers the app under (launch.html?clientId= overrides it). */
export const APP_CLIENT_ID = 'osteo-cds-overview';
/** Read access to the patient's record (SMART v1 scopes, which v2 servers also accept). */
export const APP_SCOPE = 'launch launch/patient openid fhirUser patient/*.read';
/** The overview app marks its own patient-view call with `X-Osteo-Preview: overview`: out of the statistics, no app links. */
export const OVERVIEW_CALL = 'overview';
const PATIENT_VIEW_SERVICE = 'osteoporosis-patient-view';
const ID = /^[A-Za-z0-9-]{8,64}$/;

export interface OverviewRouteDeps {
  readonly config: Config;
  readonly appDir: string;
  readonly templates: Readonly<Record<PrefetchKey, string>>;
  readonly siteTerminology: unknown;
  readonly guidelineSettings: unknown;
  readonly seen: SeenStore;
}

/**
 * With CDS_TRUSTED_ISSUERS: FHIR servers over https, and the loopback http servers an issuer's
 * `fhirServers` names (the only http ones it may name). Without: any, for development.
 */
function fhirSources(config: Pick<Config, 'trustedIssuers'>): string {
  if (config.trustedIssuers === undefined) return 'https: http:';
  const loopback = Object.values(config.trustedIssuers)
    .flatMap((issuer) => issuer.fhirServers ?? [])
    .filter((prefix) => prefix.startsWith('http:'))
    .map((prefix) => new URL(prefix).origin);
  return ['https:', ...new Set(loopback)].join(' ');
}

export function appContentSecurityPolicy(config: Pick<Config, 'trustedIssuers'>): string {
  const production = config.trustedIssuers !== undefined;
  return [
    "default-src 'self'",
    "script-src 'self'",
    `connect-src 'self' ${fhirSources(config)}`,
    "img-src 'self' data:",
    // Observable Plot writes a <style> element and style attributes into each SVG.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${production ? "'self' https:" : '*'}`,
  ].join('; ');
}

export function overviewRoutes(deps: OverviewRouteDeps): Router {
  const router = Router();
  const csp = appContentSecurityPolicy(deps.config);
  const appConfig = {
    service: PATIENT_VIEW_SERVICE,
    templates: deps.templates,
    ...(deps.siteTerminology === undefined ? {} : { siteTerminology: deps.siteTerminology }),
    ...(deps.guidelineSettings === undefined ? {} : { settings: deps.guidelineSettings }),
    authRequired: deps.config.trustedIssuers !== undefined,
    language: deps.config.language,
    previewClock: deps.config.previewClock,
    clientId: APP_CLIENT_ID,
    scope: APP_SCOPE,
  };
  router.use('/app', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', csp);
    res.removeHeader('X-Frame-Options');
    next();
  });
  // Routing is not strict: `/app/` matches here too and goes on to the files.
  router.get('/app', (req: Request, res: Response, next: NextFunction) => (req.path.endsWith('/') ? next() : res.redirect(301, 'app/')));
  router.get('/app/config.json', (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(appConfig);
  });
  router.get('/app/seen/:id', (req: Request<{ id: string }>, res: Response) => {
    const snapshot = ID.test(req.params.id) ? deps.seen.get(req.params.id) : undefined;
    if (snapshot === undefined) throw notFound('This overview is no longer kept.');
    res.setHeader('Cache-Control', 'no-store');
    // Kept as JSON already (seen-store.ts): sent as it is.
    res.type('json').send(snapshot);
  });
  router.use('/app', express.static(deps.appDir, { index: 'launch.html', redirect: false, dotfiles: 'ignore', fallthrough: true }));
  return router;
}
