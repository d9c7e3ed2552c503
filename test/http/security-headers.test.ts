/**
 * Security headers (helmet) on every answer — success, error, preflight, health — and the body
 * size limit (CDS_BODY_LIMIT → 413) on every route that can receive a body, declared or chunked.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';
import { expectOperationOutcome } from '../helpers/response.js';

const PV = '/cds-services/osteoporosis-patient-view';
const FEEDBACK = '/cds-services/osteoporosis-order-sign/feedback';

function expectSecurityHeaders(headers: Record<string, string | undefined>): void {
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-resource-policy']).toBe('cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
}

describe('security headers on every route and status', () => {
  const { app } = makeApp({ config: { bodyLimitBytes: 4096 } });
  const feedback = { feedback: [{ card: randomUUID(), outcome: 'overridden', outcomeTimestamp: '2025-06-01T10:00:00Z' }] };

  it.each([
    ['discovery', () => request(app).get('/cds-services'), 200],
    ['a hook', () => request(app).post(PV).send(patientViewRequest()), 200],
    ['feedback', () => request(app).post(FEEDBACK).send(feedback), 200],
    ['/healthz', () => request(app).get('/healthz'), 200],
    ['an unknown path (404)', () => request(app).get('/nope'), 404],
    ['a 400', () => request(app).post(PV).send({}), 400],
    ['a 405', () => request(app).put('/cds-services'), 405],
    ['a 413', () => request(app).post(PV).send({ pad: 'x'.repeat(5000) }), 413],
    ['a CORS preflight', () => request(app).options(PV).set('Origin', 'https://x.example').set('Access-Control-Request-Method', 'POST'), 204],
  ] as const)('%s', async (_name, call, status) => {
    const res = await call();
    expect(res.status).toBe(status);
    expectSecurityHeaders(res.headers);
  });

  it('on a 401 when authentication is on', async () => {
    const res = await request(makeApp({ config: { trustedIssuers: { 'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json' } } } }).app).get('/cds-services');
    expect(res.status).toBe(401);
    expectSecurityHeaders(res.headers);
  });
});

describe('body size limit (CDS_BODY_LIMIT)', () => {
  const LIMIT = 4096;
  const { app } = makeApp({ config: { bodyLimitBytes: LIMIT } });
  const big = (n: number) => ({ ...patientViewRequest(), extension: { pad: 'x'.repeat(n) } });

  it.each([PV, '/cds-services/osteoporosis-order-select', FEEDBACK])('413 with an OperationOutcome on %s', async (path) => {
    const res = await request(app).post(path).send(big(LIMIT));
    expect(res.status).toBe(413);
    expectOperationOutcome(res.body);
    expect(res.body.issue[0].code).toBe('too-long');
  });

  it('a body just under the limit is read', async () => {
    const body = big(0);
    const pad = LIMIT - Buffer.byteLength(JSON.stringify(body)) - 100;
    await request(app).post(PV).send(big(pad)).expect(200);
  });

  it('413 on any route, whatever the content type, when Content-Length declares too much', async () => {
    for (const [method, path] of [
      ['post', '/healthz'],
      ['post', '/nope'],
      ['post', '/cds-services'],
    ] as const) {
      const res = await request(app)[method](path).set('Content-Type', 'text/plain').send('y'.repeat(LIMIT + 1));
      expect(res.status).toBe(413);
      expectOperationOutcome(res.body);
    }
  });

  describe('chunked bodies (no Content-Length) are cut off while being read', () => {
    let server: Server;
    let port: number;
    beforeAll(async () => {
      server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => {
      server.close();
    });

    it.each([PV, FEEDBACK])('413 on %s', async (path) => {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write('{"pad": "');
        for (let i = 0; i < 4; i += 1) req.write('z'.repeat(2048));
        req.end('"}');
      });
      expect(status).toBe(413);
    });
  });
});
