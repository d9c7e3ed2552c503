/**
 * A read-only FHIR R4 server over the fixture patients (`npm run fhir-fixtures`), so the CDS
 * Hooks sandbox — run locally or the hosted one — can load our patients and our service can
 * fetch from it. It does what the sandbox needs (docs/cds-hooks.md §§13–17) and no more:
 *
 * | request | answer |
 * |---|---|
 * | `GET /metadata` | CapabilityStatement, `fhirVersion` 4.0.1 (the sandbox then builds R4 drafts) |
 * | `GET /Patient`, `GET /Patient?_id=` | searchset of the patients |
 * | `GET /{type}/{id}` | the resource, or 404 OperationOutcome |
 * | `GET /{type}?patient=…&code=a,b`, `POST /{type}/_search` (form body), `POST /{type}?…` | searchset with `total`; `patient`/`subject` as `id` or `Patient/id`; `code` a comma list of `code` or `system\|code`; `_sort=-date`/`date` on the clinical date; other parameters ignored |
 * | anything else that writes | 405 |
 *
 * CORS on every answer (`Access-Control-Allow-Origin: *`). Served at `/` and at `/fhir` (the
 * fixtures' own `fhirServer` is `http://localhost:8080/fhir`).
 */
import cors from 'cors';
import express, { Router, type Express, type NextFunction, type Request, type Response } from 'express';
import type { FixtureData } from './store.js';
import { isRecord, type UntrustedResource } from '../shared/json.js';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

function outcome(res: Response, status: number, code: string, diagnostics: string): void {
  res.status(status).type(FHIR_JSON).send(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] }));
}

function send(res: Response, body: unknown): void {
  res.status(200).type(FHIR_JSON).send(JSON.stringify(body));
}

/** Search parameters from the query string and (for POST) a form body; repeated names joined with commas. */
function searchParams(req: Request): Map<string, string> {
  const params = new Map<string, string>();
  const add = (name: string, value: unknown): void => {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (values.length === 0) return;
    const previous = params.get(name);
    params.set(name, [...(previous === undefined ? [] : [previous]), ...values].join(','));
  };
  for (const [name, value] of Object.entries(req.query)) add(name, value);
  if (isRecord(req.body)) for (const [name, value] of Object.entries(req.body)) add(name, value);
  return params;
}

function codings(resource: UntrustedResource): { system?: string; code?: string }[] {
  const concept = resource.code ?? resource.medicationCodeableConcept;
  if (!isRecord(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.filter(isRecord).map((c) => ({
    ...(typeof c.system === 'string' ? { system: c.system } : {}),
    ...(typeof c.code === 'string' ? { code: c.code } : {}),
  }));
}

/** FHIR token search: `code`, `system|code`, `|code` (no system); any of a comma list. */
function matchesToken(resource: UntrustedResource, list: string): boolean {
  const tokens = list.split(',').map((t) => t.trim()).filter((t) => t !== '');
  const cs = codings(resource);
  return tokens.some((token) => {
    const bar = token.indexOf('|');
    if (bar < 0) return cs.some((c) => c.code === token);
    const system = token.slice(0, bar);
    const code = token.slice(bar + 1);
    return cs.some((c) => c.code === code && (system === '' ? c.system === undefined : c.system === system));
  });
}

const DATE_FIELDS = ['effectiveDateTime', 'effectiveInstant', 'issued', 'onsetDateTime', 'recordedDate', 'authoredOn', 'dateAsserted', 'effectivePeriod', 'occurrenceDateTime', 'date'];

function clinicalDate(resource: UntrustedResource): string {
  for (const field of DATE_FIELDS) {
    const value = resource[field];
    if (typeof value === 'string') return value;
    if (isRecord(value) && typeof value.start === 'string') return value.start;
  }
  return '';
}

function patientOf(value: string): string {
  return value.replace(/^.*Patient\//, '');
}

export function createFixtureFhirApp(data: FixtureData): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(cors({ origin: '*', methods: ['GET', 'POST', 'OPTIONS'], allowedHeaders: ['Accept', 'Authorization', 'Content-Type', 'Prefer'], maxAge: 600 }));
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));

  const router = Router();
  const base = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}${req.baseUrl}`;
  const bundle = (req: Request, matches: readonly UntrustedResource[], included: readonly UntrustedResource[] = []): object => ({
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: `${base(req)}${req.path}` }],
    entry: [
      ...matches.map((resource) => ({ fullUrl: `${base(req)}/${resource.resourceType}/${String(resource.id)}`, resource, search: { mode: 'match' } })),
      ...included.map((resource) => ({ fullUrl: `${base(req)}/${resource.resourceType}/${String(resource.id)}`, resource, search: { mode: 'include' } })),
    ],
  });

  router.get('/metadata', (_req: Request, res: Response) => {
    const types = new Set(['Patient']);
    for (const p of data.patients.values()) for (const r of p.resources) types.add(r.resourceType);
    send(res, {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-11-26',
      publisher: 'osteo-cds fixture patients (synthetic)',
      kind: 'instance',
      software: { name: 'osteo-cds fhir-fixtures' },
      fhirVersion: '4.0.1',
      format: ['json'],
      rest: [
        {
          mode: 'server',
          resource: [...types].sort().map((type) => ({
            type,
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            searchParam: type === 'Patient' ? [{ name: '_id', type: 'token' }] : [{ name: 'patient', type: 'reference' }, { name: 'code', type: 'token' }],
          })),
        },
      ],
    });
  });

  const search = (req: Request<{ type: string }>, res: Response): void => {
    const type = req.params.type;
    if (!TYPE.test(type)) return outcome(res, 404, 'not-supported', `Unknown resource type`);
    const params = searchParams(req);
    if (type === 'Patient') {
      const ids = params.get('_id')?.split(',');
      const patients = [...data.patients.values()].map((p) => p.patient).filter((p) => ids === undefined || ids.includes(String(p.id)));
      return send(res, bundle(req, patients));
    }
    const who = params.get('patient') ?? params.get('subject');
    const records = who === undefined ? [...data.patients.values()] : who.split(',').flatMap((w) => data.patients.get(patientOf(w)) ?? []);
    let matches = records.flatMap((r) => r.resources.filter((x) => x.resourceType === type));
    const code = params.get('code');
    if (code !== undefined) matches = matches.filter((r) => matchesToken(r, code));
    const sort = params.get('_sort');
    if (sort === '-date' || sort === 'date') {
      matches = [...matches].sort((a, b) => clinicalDate(a).localeCompare(clinicalDate(b)) * (sort === '-date' ? -1 : 1));
    }
    const included = type === 'MedicationRequest' || type === 'MedicationStatement' || type === 'MedicationAdministration' ? records.flatMap((r) => r.included) : [];
    send(res, bundle(req, matches, included));
  };

  router.get('/:type', search);
  router.post('/:type/_search', search);
  router.post('/:type', search);
  router.get('/:type/:id', (req: Request<{ type: string; id: string }>, res: Response) => {
    const { type, id } = req.params;
    if (type === 'Patient') {
      const patient = data.patients.get(id);
      return patient === undefined ? outcome(res, 404, 'not-found', `Patient/${id} is not a fixture patient`) : send(res, patient.patient);
    }
    for (const p of data.patients.values()) {
      const found = [...p.resources, ...p.included].find((r) => r.resourceType === type && r.id === id);
      if (found !== undefined) return send(res, found);
    }
    outcome(res, 404, 'not-found', `${type}/${id} not found`);
  });
  router.all('/{*rest}', (_req: Request, res: Response) => {
    res.setHeader('Allow', 'GET, POST');
    outcome(res, 405, 'not-supported', 'This FHIR server is read-only (fixture patients)');
  });

  app.use('/fhir', router);
  app.use('/', router);
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = isRecord(err) && typeof err.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    outcome(res, status, status === 500 ? 'exception' : 'invalid', status === 500 ? 'Internal error' : 'Bad request');
  });
  return app;
}
