/**
 * JWT authentication (CDS Hooks 2.0 "Trusting CDS Clients", best practices "JWT"): with
 * CDS_TRUSTED_ISSUERS set, discovery, service and feedback calls need a valid client JWT for the
 * exact URL called; every failure is a bare 401. Keys are made here with jose; the remote JWK Set
 * is served over loopback HTTP, the sandbox-style issuer's from a file.
 */
import { createPublicKey, randomUUID, type JsonWebKey } from 'node:crypto';
import { Writable } from 'node:stream';
import { SignJWT, UnsecuredJWT } from 'jose';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, type TrustedIssuer } from '../../src/config.js';
import { createJwtVerifier, type AuthFailure, type JwtVerifierOptions } from '../../src/http/auth/jwt-verifier.js';
import { createLogger } from '../../src/logger.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { makeApp } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';
import { checkedKeys, jwks, makeKey, nowS, signToken, startJwksServer, writeJwksFile, type JwksServer, type TestKey } from '../helpers/jwt.js';
import { expectOperationOutcome, expectValidResponse } from '../helpers/response.js';
import { ConfigError } from '../../src/shared/config-error.js';
import { assembleService } from '../../src/startup.js';
import { createApp } from '../../src/http/app.js';
import { testConfig } from '../../src/config.js';
import { rmSync } from 'node:fs';
import type { TrustedKeys } from '../../src/http/auth/trusted-keys.js';

const EHR = 'https://ehr.example.org';
const SANDBOX = 'https://sandbox.cds-hooks.org';
const SANDBOX_JKU = 'https://sandbox.cds-hooks.org/.well-known/jwks.json';
const TENANTED = 'https://region.example.org';

/** supertest listens on a random port: every call sets this Host, so `aud` is predictable. */
const HOST = 'localhost:3000';
const BASE = `http://${HOST}`;
const DISCOVERY = '/cds-services';
const PV = '/cds-services/osteoporosis-patient-view';
const FEEDBACK = '/cds-services/osteoporosis-patient-view/feedback';

let es: TestKey;
let rs: TestKey;
let rotated: TestKey;
let sandbox: TestKey;
let stranger: TestKey;
let remote: JwksServer;
let sandboxFile: string;

beforeAll(async () => {
  [es, rs, rotated, sandbox, stranger] = await Promise.all([
    makeKey('ES384', 'ehr-es-1'),
    makeKey('RS384', 'ehr-rs-1'),
    makeKey('ES384', 'ehr-es-2'),
    makeKey('ES384', '44823f3d-0b01-4a6c-a80e-b9d3e8a7226f'),
    makeKey('ES384', 'ehr-es-1'), // same kid as `es`, another key: a forgery
  ]);
  remote = await startJwksServer(jwks(es, rs));
  sandboxFile = writeJwksFile(jwks(sandbox), 'sandbox-jwks.json');
});
afterAll(async () => {
  await remote.close();
});

function issuers(): Record<string, TrustedIssuer> {
  return {
    [EHR]: { jwks: remote.url },
    [SANDBOX]: { jwks: sandboxFile, jku: SANDBOX_JKU },
    [TENANTED]: { jwks: remote.url, tenants: ['clinic-a'] },
  };
}

/** Debug log lines of every app built here: each 401 is checked for the reason it was refused. */
const logLines: string[] = [];
const debugLogger = createLogger(
  'debug',
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  }),
);

/** The issuers' keys as start-up checks them. */
const keysOf = (trustedIssuers: Config['trustedIssuers']): TrustedKeys => checkedKeys({ trustedIssuers }).trustedKeys ?? new Map();

function authedApp(config: Partial<Config> = {}, verifierOptions?: JwtVerifierOptions, logger = debugLogger) {
  const full = { trustedIssuers: issuers(), ...config };
  return makeApp({
    config: full,
    logger,
    ...(verifierOptions === undefined
      ? {}
      : { jwtVerifier: createJwtVerifier({ jwtAlgorithms: ['ES384', 'RS384'], jwtClockSkewS: 60 }, keysOf(full.trustedIssuers), openSqliteStore(':memory:'), verifierOptions) }),
  }).app;
}

/** A token with any header and claims and a signature of garbage (for the checks before the signature). */
function craftedToken(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part(header)}.${part({ iat: nowS(), exp: nowS() + 300, jti: randomUUID(), ...claims })}.${Buffer.from('not a signature').toString('base64url')}`;
}

const feedbackBody = () => ({
  feedback: [{ card: randomUUID(), outcome: 'overridden', outcomeTimestamp: '2025-06-01T10:00:00Z' }],
});

/** POST a patient-view with the given Authorization header value (undefined: none). */
function callService(app: ReturnType<typeof authedApp>, authorization: string | undefined, path = PV, host = HOST) {
  const req = request(app).post(path).set('Host', host);
  if (authorization !== undefined) req.set('Authorization', authorization);
  return req.send(patientViewRequest());
}

/** A bare 401 (no detail), refused for `reason` (read from the debug log line of that request). */
async function expect401(response: Promise<request.Response> | request.Test, reason: AuthFailure): Promise<void> {
  const res = await response;
  expect(res.status).toBe(401);
  expect(res.headers['www-authenticate']).toBe('Bearer');
  expectOperationOutcome(res.body);
  expect(res.body.issue).toEqual([{ severity: 'error', code: 'login' }]);
  const requestId = res.headers['x-request-id'];
  const logged = logLines.map((l) => JSON.parse(l)).find((l) => l.requestId === requestId && l.msg === 'authentication failed');
  expect(logged?.authFailure).toBe(reason);
}

describe('valid client JWTs', () => {
  it('let in discovery, service and feedback calls, each with aud = the URL called (ES384)', async () => {
    const app = authedApp();
    const discovery = await request(app).get(DISCOVERY).set('Host', HOST).set('Authorization', `Bearer ${await signToken(es, EHR, `${BASE}${DISCOVERY}`)}`);
    expect(discovery.status).toBe(200);
    expect(discovery.body.services).toHaveLength(4);

    const service = await callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`);
    expect(service.status).toBe(200);
    expectValidResponse(service.body);

    const feedback = await request(app)
      .post(FEEDBACK)
      .set('Host', HOST)
      .set('Authorization', `Bearer ${await signToken(es, EHR, `${BASE}${FEEDBACK}`)}`)
      .send(feedbackBody());
    expect(feedback.status).toBe(200);
  });

  it('accepts RS384, an aud array holding the URL, and the scheme word in any case', async () => {
    const app = authedApp();
    expect((await callService(app, `bearer ${await signToken(rs, EHR, ['https://other.example/x', `${BASE}${PV}`])}`)).status).toBe(200);
  });

  it('accepts a sandbox-style token (kid + jku header, iss https://sandbox.cds-hooks.org) against the configured local JWK Set file', async () => {
    const app = authedApp();
    const token = await signToken(sandbox, SANDBOX, `${BASE}${PV}`, { header: { jku: SANDBOX_JKU } });
    expect((await callService(app, `Bearer ${token}`)).status).toBe(200);
  });

  it('accepts a token a little past exp, nbf or iat within CDS_JWT_CLOCK_SKEW_S (60 s)', async () => {
    const app = authedApp();
    const now = nowS();
    const token = await signToken(es, EHR, `${BASE}${PV}`, { claims: { iat: now + 30, nbf: now + 30, exp: now - 30 + 300 } });
    expect((await callService(app, `Bearer ${token}`)).status).toBe(200);
    const late = await signToken(es, EHR, `${BASE}${PV}`, { claims: { iat: now - 200, exp: now - 30 } });
    expect((await callService(app, `Bearer ${late}`)).status).toBe(200);
  });

  it('keeps /healthz and CORS preflights open', async () => {
    const app = authedApp();
    await request(app).get('/healthz').expect(200, { status: 'ok' });
    const preflight = await request(app)
      .options(PV)
      .set('Origin', 'https://sandbox.cds-hooks.org')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization,content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toBe('Authorization,Content-Type,traceparent,tracestate,x-request-id');
  });
});

describe('refused with a bare 401', () => {
  it('no Authorization header, on discovery, service, feedback and unknown paths alike', async () => {
    const app = authedApp();
    await expect401(request(app).get(DISCOVERY).set('Host', HOST), 'missing');
    await expect401(callService(app, undefined), 'missing');
    await expect401(request(app).post(FEEDBACK).set('Host', HOST).send(feedbackBody()), 'missing');
    await expect401(request(app).post('/cds-services/unknown').set('Host', HOST).send({}), 'missing');
  });

  it.each([
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['Bearer alone', 'Bearer'],
    ['not a JWT', 'Bearer abc'],
    ['three parts of garbage', 'Bearer a.b.c'],
    ['a JWE-shaped token', 'Bearer a.b.c.d.e'],
    ['two tokens', 'Bearer a.b.c x.y.z'],
  ])('a malformed header: %s', async (_name, header) => {
    await expect401(callService(authedApp(), header), 'malformed');
  });

  it('HS256 signed with the issuer public key as the HMAC secret (algorithm confusion)', async () => {
    // The PEM of the issuer's public key, as a server that passes "the key" to a generic verify would use it.
    const pem = createPublicKey({ key: es.publicJwk as JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    const secret = new TextEncoder().encode(pem);
    const forged = await new SignJWT({ iss: EHR, aud: `${BASE}${PV}`, iat: nowS(), exp: nowS() + 300, jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: es.kid })
      .sign(secret);
    await expect401(callService(authedApp(), `Bearer ${forged}`), 'algorithm');
    const jwkSecret = new TextEncoder().encode(JSON.stringify(es.publicJwk));
    const forged2 = await new SignJWT({ iss: EHR, aud: `${BASE}${PV}`, iat: nowS(), exp: nowS() + 300, jti: randomUUID() })
      .setProtectedHeader({ alg: 'HS384', typ: 'JWT', kid: es.kid })
      .sign(jwkSecret);
    await expect401(callService(authedApp(), `Bearer ${forged2}`), 'algorithm');
  });

  it('alg none (an unsecured JWT), with or without a trailing signature', async () => {
    const unsecured = new UnsecuredJWT({ iss: EHR, aud: `${BASE}${PV}`, iat: nowS(), exp: nowS() + 300, jti: randomUUID() }).encode();
    await expect401(callService(authedApp(), `Bearer ${unsecured}`), 'malformed');
    await expect401(callService(authedApp(), `Bearer ${unsecured}AAAA`), 'algorithm');
  });

  it('an algorithm not in CDS_JWT_ALGORITHMS (RS384 when only ES384 is allowed)', async () => {
    const app = authedApp({ jwtAlgorithms: ['ES384'] });
    await expect401(callService(app, `Bearer ${await signToken(rs, EHR, `${BASE}${PV}`)}`), 'algorithm');
  });

  it('a kid that names a key of another type (an RSA signature under the EC key id)', async () => {
    const lying = await signToken({ ...rs, alg: 'RS384' }, EHR, `${BASE}${PV}`, { header: { kid: es.kid } });
    await expect401(callService(authedApp(), `Bearer ${lying}`), 'unknown-kid');
  });

  it('a signature by another key under a trusted kid (forgery)', async () => {
    await expect401(callService(authedApp(), `Bearer ${await signToken(stranger, EHR, `${BASE}${PV}`)}`), 'signature');
  });

  it('a tampered payload', async () => {
    const token = await signToken(es, EHR, `${BASE}${PV}`);
    const [h, , s] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ iss: EHR, aud: `${BASE}${PV}`, iat: nowS(), exp: nowS() + 3000, jti: 'x' })).toString('base64url');
    await expect401(callService(authedApp(), `Bearer ${h}.${payload}.${s}`), 'signature');
  });

  it('an issuer not in CDS_TRUSTED_ISSUERS, even signed by a trusted key', async () => {
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, 'https://evil.example', `${BASE}${PV}`)}`), 'unknown-issuer');
  });

  it('an aud for another host: localhost and 127.0.0.1 differ unless both are in CDS_PUBLIC_URL', async () => {
    const token = () => signToken(es, EHR, `http://127.0.0.1:3000${PV}`);
    await expect401(callService(authedApp(), `Bearer ${await token()}`), 'audience');
    const both = authedApp({ publicUrls: ['http://localhost:3000', 'http://127.0.0.1:3000'] });
    expect((await callService(both, `Bearer ${await token()}`, PV, 'whatever.internal:8080')).status).toBe(200);
    expect((await callService(both, `Bearer ${await signToken(es, EHR, `http://localhost:3000${PV}`)}`, PV, 'whatever.internal:8080')).status).toBe(200);
  });

  it('with CDS_PUBLIC_URL set, the Host header no longer decides the aud', async () => {
    const app = authedApp({ publicUrls: ['https://cds.example.org/osteo'] });
    await expect401(callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`), 'audience');
    expect((await callService(app, `Bearer ${await signToken(es, EHR, `https://cds.example.org/osteo${PV}`)}`)).status).toBe(200);
  });

  it('an aud for another endpoint of this service (a discovery token on a hook, a hook token on feedback)', async () => {
    const app = authedApp();
    await expect401(callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${DISCOVERY}`)}`), 'audience');
    const hookToken = await signToken(es, EHR, `${BASE}${PV}`);
    await expect401(request(app).post(FEEDBACK).set('Host', HOST).set('Authorization', `Bearer ${hookToken}`).send(feedbackBody()), 'audience');
    await expect401(callService(app, `Bearer ${await signToken(es, EHR, `${BASE}/cds-services/osteoporosis-order-sign`)}`), 'audience');
  });

  it('expired beyond the skew', async () => {
    const now = nowS();
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { claims: { iat: now - 400, exp: now - 61 } })}`), 'expired');
  });

  it('nbf in the future beyond the skew', async () => {
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { claims: { nbf: nowS() + 120 } })}`), 'not-yet-valid');
  });

  it('iat in the future beyond the skew', async () => {
    const now = nowS();
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { claims: { iat: now + 120, exp: now + 400 } })}`), 'iat-in-future');
  });

  it('a lifetime over an hour (the replay cache must hold each jti until it expires)', async () => {
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { claims: { exp: nowS() + 7200 } })}`), 'lifetime-too-long');
  });

  it.each([
    ['iss', 'unknown-issuer'],
    ['aud', 'missing-claim'],
    ['exp', 'missing-claim'],
    ['iat', 'missing-claim'],
    ['jti', 'missing-claim'],
  ] as const)('a token without the required claim %s', async (claim, reason) => {
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { claims: { [claim]: undefined } })}`), reason);
  });

  it('a token without kid, or with a typ other than JWT', async () => {
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { header: { kid: undefined } })}`), 'no-kid');
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { header: { typ: 'at+jwt' } })}`), 'typ');
  });

  it('a replayed jti, until it expires; another jti passes', async () => {
    const app = authedApp();
    const jti = randomUUID();
    const token = await signToken(es, EHR, `${BASE}${PV}`, { claims: { jti } });
    expect((await callService(app, `Bearer ${token}`)).status).toBe(200);
    await expect401(callService(app, `Bearer ${token}`), 'replay');
    // The same jti in a fresh token is a replay too (iss + jti identify the token).
    await expect401(callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { claims: { jti } })}`), 'replay');
    expect((await callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`)).status).toBe(200);
  });

  it('a jku that is not the configured one (an attacker-hosted key set is never fetched)', async () => {
    const fetchesBefore = remote.fetches();
    await expect401(callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { header: { jku: 'https://evil.example/jwks.json' } })}`), 'jku-mismatch');
    await expect401(callService(authedApp(), `Bearer ${await signToken(sandbox, SANDBOX, `${BASE}${PV}`, { header: { jku: 'https://sandbox.cds-hooks.org/other.json' } })}`), 'jku-mismatch');
    expect(remote.fetches()).toBe(fetchesBefore);
    // The remote issuer's own JWKS URL is its jku.
    expect((await callService(authedApp(), `Bearer ${await signToken(es, EHR, `${BASE}${PV}`, { header: { jku: remote.url } })}`)).status).toBe(200);
  });

  it('a tenant not on the issuer allowlist, or none when the issuer has one', async () => {
    const app = authedApp();
    await expect401(callService(app, `Bearer ${await signToken(es, TENANTED, `${BASE}${PV}`, { claims: { tenant: 'clinic-b' } })}`), 'tenant');
    await expect401(callService(app, `Bearer ${await signToken(es, TENANTED, `${BASE}${PV}`)}`), 'tenant');
    expect((await callService(app, `Bearer ${await signToken(es, TENANTED, `${BASE}${PV}`, { claims: { tenant: 'clinic-a' } })}`)).status).toBe(200);
  });

  it('when the JWK Set cannot be fetched (and answers fast: 401, not a hang or a 500)', async () => {
    const down = await startJwksServer(jwks(es));
    down.serve(undefined);
    const app = authedApp({ trustedIssuers: { [EHR]: { jwks: down.url } } });
    await expect401(callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`), 'jwks-unavailable');
    await down.close();
  });
});

describe('the JWK Set', () => {
  it('is fetched once and cached; an unknown kid triggers one refetch, so a rotated key works', async () => {
    const server = await startJwksServer(jwks(es));
    const app = authedApp({ trustedIssuers: { [EHR]: { jwks: server.url } } }, { jwksCooldownMs: 0 });
    expect((await callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`)).status).toBe(200);
    expect((await callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`)).status).toBe(200);
    expect(server.fetches()).toBe(1);

    server.serve(jwks(es, rotated)); // the issuer publishes its next key
    expect((await callService(app, `Bearer ${await signToken(rotated, EHR, `${BASE}${PV}`)}`)).status).toBe(200);
    expect(server.fetches()).toBe(2);

    // A kid that is nowhere: one refetch, then 401.
    await expect401(callService(app, `Bearer ${await signToken({ ...stranger, kid: 'nowhere' }, EHR, `${BASE}${PV}`)}`), 'unknown-kid');
    expect(server.fetches()).toBe(3);
    await server.close();
  });

  it('is not refetched for unknown kids within the cooldown (no fetch amplification)', async () => {
    const server = await startJwksServer(jwks(es));
    const app = authedApp({ trustedIssuers: { [EHR]: { jwks: server.url } } }, { jwksCooldownMs: 60_000 });
    expect((await callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) await expect401(callService(app, `Bearer ${await signToken({ ...stranger, kid: `k${i}` }, EHR, `${BASE}${PV}`)}`), 'unknown-kid');
    expect(server.fetches()).toBe(1);
    await server.close();
  });

  it('is never fetched for tokens that fail the key-free checks (garbage, unknown issuer, wrong alg)', async () => {
    const server = await startJwksServer(jwks(es));
    const app = authedApp({ trustedIssuers: { [EHR]: { jwks: server.url } } });
    await expect401(callService(app, 'Bearer a.b.c'), 'malformed');
    await expect401(callService(app, `Bearer ${await signToken(es, 'https://evil.example', `${BASE}${PV}`)}`), 'unknown-issuer');
    await expect401(callService(app, `Bearer ${craftedToken({ alg: 'ES256', typ: 'JWT', kid: es.kid }, { iss: EHR, aud: `${BASE}${PV}` })}`), 'algorithm');
    expect(server.fetches()).toBe(0);
    await server.close();
  });

  it('files are read and checked at start: unreadable, not JSON, private or symmetric keys fail with every problem listed', () => {
    const keyPair = writeJwksFile({ keys: [{ ...es.publicJwk, d: 'secret' }] });
    const symmetric = writeJwksFile({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'h' }] });
    const notJson = writeJwksFile('not json');
    const trusted = { a: keyPair, b: symmetric, c: notJson, d: '/nonexistent/jwks.json', e: writeJwksFile({ keys: [] }) };
    let problems = '';
    try {
      // Start-up reads them with every other file; a bad port is listed in the same error.
      assembleService({ PORT: '70000', CDS_TRUSTED_ISSUERS: JSON.stringify(trusted) });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      problems = (err as ConfigError).problems.join('\n');
    }
    expect(problems).toMatch(/PORT: must be at most 65535/);
    expect(problems).toMatch(/a: .*private key material/);
    expect(problems).toMatch(/b: .*symmetric/);
    expect(problems).toMatch(/c: .*not JSON/);
    expect(problems).toMatch(/d: .*cannot be read \(ENOENT\)/);
    expect(problems).toMatch(/e: .*at least one key/);
  });

  it('the app reads no JWKS file: it is handed the keys start-up checked', async () => {
    const file = writeJwksFile(jwks(es));
    const { config, trustedKeys } = assembleService({ CDS_TRUSTED_ISSUERS: JSON.stringify({ [EHR]: file }) });
    expect(trustedKeys?.get(EHR)?.jwks).toHaveProperty('local');
    rmSync(file);
    const built = (keys: { trustedKeys?: TrustedKeys }) => createApp(testConfig({ trustedIssuers: config.trustedIssuers }), { engine: makeApp().engine, store: openSqliteStore(':memory:'), ...keys });
    const app = built({ ...(trustedKeys === undefined ? {} : { trustedKeys }) });
    expect((await callService(app, `Bearer ${await signToken(es, EHR, `${BASE}${PV}`)}`)).status).toBe(200);
    expect(() => built({})).toThrow(/no checked keys/);
  });
});

describe('what is logged', () => {
  it('the failure reason at debug with iss, kid and jti, never the token; the issuer on success', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const app = authedApp({}, undefined, createLogger('trace', stream));
    const expired = await signToken(es, EHR, `${BASE}${PV}`, { claims: { jti: 'jti-expired-1', iat: nowS() - 1000, exp: nowS() - 500 } });
    expect((await callService(app, `Bearer ${expired}`)).status).toBe(401);
    const good = await signToken(es, EHR, `${BASE}${PV}`);
    expect((await callService(app, `Bearer ${good}`)).status).toBe(200);

    const all = lines.join('\n');
    for (const token of [expired, good]) {
      for (const part of token.split('.')) expect(all).not.toContain(part);
    }
    const failure = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'authentication failed');
    expect(failure).toMatchObject({ level: 20, authFailure: 'expired', iss: EHR, kid: es.kid, jti: 'jti-expired-1' });
    const done = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
    expect(done.map((l) => [l.status, l.errorCode, l.issuer])).toEqual([
      [401, 'login', undefined],
      [200, undefined, EHR],
    ]);
  });
});
