/**
 * Issue 13, findings 5 and 6 (the parts that are not storage): per-caller rate limits (429 with
 * Retry-After and an OperationOutcome; issuer + tenant when authenticated, else the client
 * address, forwarded only through named proxies; a Store seam for a shared counter), a limit on
 * calls in flight (503 with Retry-After), server time limits, an honest body limit, and bounded
 * feedback (fields and items).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Store } from 'express-rate-limit';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, testConfig, type Config } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import type { JwtVerifier } from '../../src/http/auth/jwt-verifier.js';
import { createHttpServer } from '../../src/http/server.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { ConfigError } from '../../src/shared/config-error.js';
import { fakeEngine, makeApp, PINNED_NOW } from '../helpers/app.js';
import { NULL_PREFETCH, patient, patientViewRequest, searchset } from '../helpers/fhir.js';
import { expectOperationOutcome } from '../helpers/response.js';

const PV = '/cds-services/osteoporosis-patient-view';
const FEEDBACK = `${PV}/feedback`;
const ISS = 'https://ehr.example.org';

/** Accepts `Bearer <tenant>` as a token of ISS for that tenant (the JWT checks have their own tests). */
const tenantVerifier: JwtVerifier = { verify: (token) => Promise.resolve({ ok: true, facts: { iss: ISS, tenant: token } }) };

function appWith(config: Partial<Config>, extra: { rateLimitStore?: Store; jwtVerifier?: JwtVerifier } = {}) {
  return createApp(testConfig(config), {
    engine: fakeEngine(),
    store: openSqliteStore(':memory:'),
    clock: () => PINNED_NOW,
    ...extra,
  });
}

describe('per-caller rate limits (CDS_RATE_LIMIT_PER_MIN)', () => {
  it('past the limit: 429 with Retry-After and an OperationOutcome; other routes of the service stay open', async () => {
    const app = appWith({ rateLimitPerMin: 2 });
    await request(app).get('/cds-services').expect(200);
    await request(app).post(PV).send(patientViewRequest()).expect(200);
    const refused = await request(app).get('/cds-services').expect(429);
    expectOperationOutcome(refused.body);
    expect(refused.body.issue[0].code).toBe('throttled');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    await request(app).get('/healthz').expect(200);
  });

  it('counts per issuer + tenant when authenticated, whatever the address', async () => {
    const app = appWith({ rateLimitPerMin: 1, trustedIssuers: { [ISS]: { jwks: '/unused.json' } } }, { jwtVerifier: tenantVerifier });
    await request(app).get('/cds-services').set('authorization', 'Bearer clinic-a').expect(200);
    await request(app).get('/cds-services').set('authorization', 'Bearer clinic-b').expect(200);
    await request(app).get('/cds-services').set('authorization', 'Bearer clinic-a').expect(429);
  });

  it('counts per client address otherwise; X-Forwarded-For only from proxies CDS_TRUST_PROXY names', async () => {
    const direct = appWith({ rateLimitPerMin: 1 });
    await request(direct).get('/cds-services').set('x-forwarded-for', '203.0.113.1').expect(200);
    // Not behind a named proxy: the header is the client's own claim and changes nothing.
    await request(direct).get('/cds-services').set('x-forwarded-for', '203.0.113.2').expect(429);

    const proxied = appWith({ rateLimitPerMin: 1, trustProxy: ['loopback'] });
    await request(proxied).get('/cds-services').set('x-forwarded-for', '203.0.113.1').expect(200);
    await request(proxied).get('/cds-services').set('x-forwarded-for', '203.0.113.2').expect(200);
    await request(proxied).get('/cds-services').set('x-forwarded-for', '203.0.113.1').expect(429);
  });

  it('0 turns it off', async () => {
    const app = appWith({ rateLimitPerMin: 0 });
    for (let i = 0; i < 20; i++) await request(app).get('/cds-services').expect(200);
  });

  it('the default is 600 a minute', () => {
    expect(loadConfig({}).rateLimitPerMin).toBe(600);
  });

  it('counts in the Store it is given (the seam for a counter shared by replicas)', async () => {
    const keys: string[] = [];
    let hits = 0;
    const store: Store = {
      increment: (key) => {
        keys.push(key);
        hits += 1;
        return Promise.resolve({ totalHits: hits, resetTime: new Date(Date.now() + 30_000) });
      },
      decrement: () => Promise.resolve(),
      resetKey: () => Promise.resolve(),
    };
    const app = appWith({ rateLimitPerMin: 1, trustedIssuers: { [ISS]: { jwks: '/unused.json' } } }, { rateLimitStore: store, jwtVerifier: tenantVerifier });
    await request(app).get('/cds-services').set('authorization', 'Bearer clinic-a').expect(200);
    const refused = await request(app).get('/cds-services').set('authorization', 'Bearer clinic-a').expect(429);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(30);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toContain(ISS);
    expect(keys[0]).toContain('clinic-a');
  });

  it('CDS_TRUST_PROXY names proxies: addresses, subnets or named ranges, never true or a hop count', () => {
    expect(loadConfig({ CDS_TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8,192.0.2.7' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
    expect(loadConfig({}).trustProxy).toBeUndefined();
    for (const bad of ['true', '1', '10.0.0.0/33', 'proxy.example.org']) expect(() => loadConfig({ CDS_TRUST_PROXY: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ CDS_RATE_LIMIT_PER_MIN: '-1' })).toThrow(ConfigError);
  });
});

describe('calls in flight (CDS_MAX_CONCURRENT_CALLS)', () => {
  let fhir: Server;
  let fhirBase: string;
  const held: ServerResponse[] = [];
  beforeAll(async () => {
    // A FHIR server that answers only when the test releases it.
    fhir = createServer((_req, res) => held.push(res));
    await new Promise<void>((resolve) => fhir.listen(0, '127.0.0.1', resolve));
    fhirBase = `http://127.0.0.1:${(fhir.address() as AddressInfo).port}/fhir`;
  });
  afterAll(async () => {
    fhir.closeAllConnections();
    await new Promise((resolve) => fhir.close(resolve));
  });

  it('past the limit: 503 with Retry-After at once; admitted calls finish; the slot is freed afterwards', async () => {
    const { app } = makeApp({ config: { maxConcurrentCalls: 2 } });
    const { conditions: _fetched, ...prefetch } = { patient: patient(), ...NULL_PREFETCH };
    const body = (): Record<string, unknown> => patientViewRequest({ fhirServer: fhirBase, prefetch });
    const first = request(app).post(PV).send(body()).then((r) => r);
    const second = request(app).post(PV).send(body()).then((r) => r);
    await vi.waitFor(() => expect(held).toHaveLength(2), { timeout: 10_000 });

    const refused = await request(app).post(PV).send(body()).expect(503);
    expectOperationOutcome(refused.body);
    expect(refused.headers['retry-after']).toBe('1');
    const feedback = await request(app).post(FEEDBACK).send({ feedback: [] });
    expect(feedback.status).toBe(503);
    await request(app).get('/healthz').expect(200);
    await request(app).get('/cds-services').expect(200);

    for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(searchset([])));
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    const again = request(app).post(PV).send(body()).then((r) => r);
    await vi.waitFor(() => expect(held).toHaveLength(1), { timeout: 10_000 });
    for (const res of held.splice(0)) res.writeHead(200, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(searchset([])));
    expect((await again).status).toBe(200);
  }, 30_000);

  it('the default is 64', () => {
    expect(loadConfig({}).maxConcurrentCalls).toBe(64);
  });
});

describe('server time limits', () => {
  it('the request (headers and body) must arrive within CDS_REQUEST_TIMEOUT_MS, headers within 10 s', () => {
    const server = createHttpServer(() => undefined, loadConfig({}));
    expect(server.requestTimeout).toBe(10_000);
    expect(server.headersTimeout).toBe(10_000);
    const short = createHttpServer(() => undefined, { requestTimeoutMs: 3000 });
    expect(short.requestTimeout).toBe(3000);
    expect(short.headersTimeout).toBe(3000);
    const long = createHttpServer(() => undefined, { requestTimeoutMs: 60_000 });
    expect(long.headersTimeout).toBe(10_000);
  });

  it('a client that trickles its request (slowloris) is answered 408 and cut off', async () => {
    const { app } = makeApp();
    const server = createHttpServer(app, { requestTimeoutMs: 300 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`POST ${PV} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"hook":`);
    // Liveness bound, not a timing: Node checks the limits every 300 ms here.
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    server.close();
  }, 20_000);
});

describe('the body limit holds however the body comes', () => {
  const config = { bodyLimitBytes: 64 * 1024 };

  /** POSTs bytes as they are (supertest would re-encode them) to a listening app. */
  async function postRaw(body: RequestInit['body'], headers: Record<string, string>): Promise<number> {
    const { app } = makeApp({ config });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const init: RequestInit & { duplex: 'half' } = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' };
      const res = await fetch(`http://127.0.0.1:${port}${PV}`, init);
      await res.body?.cancel();
      return res.status;
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }

  it('a chunked body (no Content-Length) over CDS_BODY_LIMIT → 413', async () => {
    const big = JSON.stringify({ ...patientViewRequest(), padding: 'x'.repeat(200 * 1024) });
    expect(await postRaw(new Blob([big]).stream(), {})).toBe(413);
  });

  it('a compressed body is measured inflated: a small gzip of a body over CDS_BODY_LIMIT → 413', async () => {
    const small = gzipSync(JSON.stringify(patientViewRequest()));
    expect(await postRaw(small, { 'content-encoding': 'gzip' })).toBe(200);
    const zipped = gzipSync(JSON.stringify({ ...patientViewRequest(), padding: ' '.repeat(1024 * 1024) }));
    expect(zipped.length).toBeLessThan(config.bodyLimitBytes);
    expect(await postRaw(zipped, { 'content-encoding': 'gzip' })).toBe(413);
  });
});

describe('bounded feedback', () => {
  const item = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
    card: randomUUID(),
    outcome: 'overridden',
    overrideReason: { reason: { code: 'patient-declined' }, userComment: 'ok' },
    outcomeTimestamp: '2025-06-01T10:00:00Z',
    ...overrides,
  });

  it('at most 100 items per call, userComment at most 1,000 characters: more → 400 naming the field', async () => {
    const { app } = makeApp();
    await request(app).post(FEEDBACK).send({ feedback: Array.from({ length: 100 }, () => item()) }).expect(200);
    const many = await request(app).post(FEEDBACK).send({ feedback: Array.from({ length: 101 }, () => item()) }).expect(400);
    expectOperationOutcome(many.body, 'feedback');
    await request(app).post(FEEDBACK).send({ feedback: [item({ overrideReason: { userComment: 'x'.repeat(1000) } })] }).expect(200);
    const long = await request(app).post(FEEDBACK).send({ feedback: [item({ overrideReason: { userComment: 'x'.repeat(1001) } })] }).expect(400);
    expectOperationOutcome(long.body, 'feedback[0].overrideReason.userComment');
  });

  it('the other fields are bounded too', async () => {
    const { app } = makeApp();
    const cases: [Record<string, unknown>, string][] = [
      [{ overrideReason: { reason: { code: 'c'.repeat(201) } } }, 'feedback[0].overrideReason.reason.code'],
      [{ overrideReason: { reason: { code: 'c', system: `urn:${'s'.repeat(1000)}` } } }, 'feedback[0].overrideReason.reason.system'],
      [{ overrideReason: { reason: { code: 'c', display: 'd'.repeat(1001) } } }, 'feedback[0].overrideReason.reason.display'],
      [{ outcome: 'accepted', overrideReason: undefined, acceptedSuggestions: [{ id: 'i'.repeat(201) }] }, 'feedback[0].acceptedSuggestions[0].id'],
      [{ outcome: 'accepted', overrideReason: undefined, acceptedSuggestions: Array.from({ length: 101 }, (_, i) => ({ id: `s${i}` })) }, 'feedback[0].acceptedSuggestions'],
      [{ outcomeTimestamp: `2025-06-01T10:00:00.${'1'.repeat(100)}Z` }, 'feedback[0].outcomeTimestamp'],
    ];
    for (const [overrides, field] of cases) {
      const res = await request(app).post(FEEDBACK).send({ feedback: [item(overrides)] });
      expect(res.status, field).toBe(400);
      expectOperationOutcome(res.body, field);
    }
  });
});
