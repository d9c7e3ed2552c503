/**
 * A stand-in EHR for the overview app's EHR launch in the browser tests: a SMART authorization
 * server (`.well-known/smart-configuration`, `/authorize` that hands back a code for the one
 * launch it knows, `/token` that gives a token and the launch's patient) in front of the fixture
 * FHIR server, which answers only with that token. Test code: no real security.
 */
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

export const LAUNCH = 'launch-4711';
export const ACCESS_TOKEN = 'token-from-the-ehr';

export interface SmartEhr {
  readonly app: Express;
  /** Every FHIR request's Authorization header, as received. */
  readonly authorizations: string[];
  /** The authorize requests' query (client_id, scope, launch, aud …). */
  readonly authorizeQueries: Record<string, unknown>[];
}

export function smartEhr(fhir: Express, patientId: string, origin: () => string): SmartEhr {
  const authorizations: string[] = [];
  const authorizeQueries: Record<string, unknown>[] = [];
  const app = express();
  app.use(cors({ origin: '*', allowedHeaders: ['Accept', 'Authorization', 'Content-Type'] }));
  app.get('/fhir/.well-known/smart-configuration', (_req: Request, res: Response) => {
    res.json({
      authorization_endpoint: `${origin()}/auth/authorize`,
      token_endpoint: `${origin()}/auth/token`,
      capabilities: ['launch-ehr', 'client-public', 'context-ehr-patient'],
      code_challenge_methods_supported: ['S256'],
    });
  });
  app.get('/auth/authorize', (req: Request, res: Response) => {
    authorizeQueries.push({ ...req.query });
    const { redirect_uri: redirect, state, launch } = req.query;
    if (typeof redirect !== 'string' || typeof state !== 'string' || launch !== LAUNCH) {
      res.status(400).send('unknown launch');
      return;
    }
    res.redirect(`${redirect}${redirect.includes('?') ? '&' : '?'}code=code-1&state=${encodeURIComponent(state)}`);
  });
  app.post('/auth/token', express.urlencoded({ extended: false }), (req: Request, res: Response) => {
    const body = req.body as Record<string, string>;
    if (body.code !== 'code-1' || body.grant_type !== 'authorization_code') {
      res.status(400).json({ error: 'invalid_grant' });
      return;
    }
    res.json({ access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 3600, scope: 'launch patient/*.read', patient: patientId });
  });
  app.use('/fhir', (req: Request, res: Response, next: NextFunction) => {
    authorizations.push(req.get('authorization') ?? '');
    if (req.get('authorization') !== `Bearer ${ACCESS_TOKEN}`) {
      res.status(401).json({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login' }] });
      return;
    }
    next();
  });
  app.use(fhir);
  return { app, authorizations, authorizeQueries };
}
