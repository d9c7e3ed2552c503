/**
 * Issue 13, finding 9: a path the service does not serve may hold a name or a CPR number (a
 * mistyped or probing URL); it is logged with its unknown segments redacted, never verbatim.
 */
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { JwtVerifier } from '../../src/http/auth/jwt-verifier.js';
import { loggablePath } from '../../src/http/request-context.js';
import { createLogger } from '../../src/logger.js';
import { makeApp } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

const refuseAll: JwtVerifier = { verify: () => Promise.resolve({ ok: false, reason: 'signature', facts: {} }) };

describe('logged paths', () => {
  it('unknown paths (404), and refused calls to unknown services (401), keep only the known segments', async () => {
    const { logger, lines } = capture();
    const { app } = makeApp({ logger });
    await request(app).get('/patients/Jens%20Hansen/0101801234').expect(404);
    await request(app).post('/cds-services/Jens-Hansen-0101801234').send(patientViewRequest()).expect(404);
    const authed = makeApp({ logger, config: { trustedIssuers: { 'https://ehr.example.org': { jwks: '/unused.json' } } }, jwtVerifier: refuseAll });
    await request(authed.app).get('/cds-services/0101801234/feedback').expect(401);
    const all = JSON.stringify(lines);
    expect(all).not.toContain('Jens');
    expect(all).not.toContain('0101801234');
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.path)).toEqual([
      '/:redacted/:redacted/:redacted',
      '/cds-services/:redacted',
      '/cds-services/:redacted/feedback',
    ]);
  });

  it('a CORS preflight, answered 204 on any path, keeps only the known segments', async () => {
    const { logger, lines } = capture();
    const { app } = makeApp({ logger });
    await request(app).options('/cds-services/0101801234').set('Origin', 'https://ehr.example.org').set('Access-Control-Request-Method', 'POST').expect(204);
    await request(app).options('/cds-services/osteoporosis-patient-view').set('Origin', 'https://ehr.example.org').set('Access-Control-Request-Method', 'POST').expect(204);
    expect(JSON.stringify(lines)).not.toContain('0101801234');
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.path)).toEqual(['/cds-services/:redacted', '/cds-services/osteoporosis-patient-view']);
  });

  it('paths the service serves are logged as they are', async () => {
    const { logger, lines } = capture();
    const { app } = makeApp({ logger });
    await request(app).post('/cds-services/osteoporosis-patient-view').send(patientViewRequest()).expect(200);
    await request(app).get('/healthz').expect(200);
    expect(lines.filter((l) => l.msg === 'request completed').map((l) => l.path)).toEqual(['/cds-services/osteoporosis-patient-view', '/healthz']);
    // A known service with a bad body (400) keeps its id.
    expect(loggablePath('/cds-services/osteoporosis-patient-view', 400)).toBe('/cds-services/osteoporosis-patient-view');
  });
});
