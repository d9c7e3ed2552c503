import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';

const PATHS = ['/cds-services', '/cds-services/osteoporosis-patient-view', '/cds-services/osteoporosis-order-sign/feedback'];

describe('CORS (the sandbox calls from a browser)', () => {
  it.each(PATHS)('answers the preflight on %s with Authorization, Content-Type and the trace context allowed', async (path) => {
    const res = await request(makeApp().app)
      .options(path)
      .set('Origin', 'https://sandbox.cds-hooks.org')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type,traceparent')
      .expect(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET,POST,OPTIONS');
    // The contract (v2): W3C `traceparent` accepted — from a browser too.
    expect(res.headers['access-control-allow-headers']).toBe('Authorization,Content-Type,traceparent,tracestate,x-request-id');
  });

  it('puts Access-Control-Allow-Origin on answers, errors included', async () => {
    const { app } = makeApp();
    const ok = await request(app).get('/cds-services').set('Origin', 'https://sandbox.cds-hooks.org').expect(200);
    expect(ok.headers['access-control-allow-origin']).toBe('*');
    const posted = await request(app).post('/cds-services/osteoporosis-patient-view').set('Origin', 'https://x.example').send(patientViewRequest()).expect(200);
    expect(posted.headers['access-control-allow-origin']).toBe('*');
    const missing = await request(app).post('/cds-services/nope').set('Origin', 'https://x.example').send({}).expect(404);
    expect(missing.headers['access-control-allow-origin']).toBe('*');
    expect(missing.headers['access-control-expose-headers']).toBe('x-request-id');
  });

  it('narrows to CDS_CORS_ORIGINS when configured', async () => {
    const { app } = makeApp({ config: { corsOrigins: ['https://ehr.example.org'] } });
    const allowed = await request(app).options('/cds-services').set('Origin', 'https://ehr.example.org').set('Access-Control-Request-Method', 'GET').expect(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://ehr.example.org');
    const other = await request(app).options('/cds-services').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('with a narrowed list, answers (not only preflights) echo an allowed origin and give others no ACAO', async () => {
    const { app } = makeApp({ config: { corsOrigins: ['https://ehr.example.org', 'http://localhost:8080'] } });
    const allowed = await request(app).post('/cds-services/osteoporosis-patient-view').set('Origin', 'http://localhost:8080').send(patientViewRequest()).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:8080');
    expect(allowed.headers.vary).toMatch(/Origin/);
    const other = await request(app).get('/cds-services').set('Origin', 'https://evil.example').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('puts CORS headers on a 401, so a browser client can read that it was refused', async () => {
    const { app } = makeApp({ config: { trustedIssuers: { 'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json' } } } });
    const res = await request(app).get('/cds-services').set('Origin', 'https://sandbox.cds-hooks.org').expect(401);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });
});
