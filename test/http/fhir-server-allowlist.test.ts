/**
 * Issue 13, finding 4: the caller no longer chooses which FHIR server the service contacts
 * (service contract, "Version 2 additions"). The per-issuer `fhirServers` allowlist (prefixes
 * matching scheme, host, port and whole path segments), no fallback for an issuer without a list,
 * any server (loopback included) without CDS_TRUSTED_ISSUERS, non-public addresses refused after
 * DNS resolution unless named explicitly, `next` links only under the same base URL, refusals
 * logged without the query, and 412 texts that never say why data could not be had.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import nock from 'nock';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig, type Config, type TrustedIssuer } from '../../src/config.js';
import type { JwtVerifier } from '../../src/http/auth/jwt-verifier.js';
import { createLogger } from '../../src/logger.js';
import { ADDRESS_REFUSED, guardedLookup, isNonPublicAddress, type Resolver } from '../../src/prefetch/address-guard.js';
import { fhirServerAccess, isUnderBase } from '../../src/prefetch/fhir-servers.js';
import { ConfigError } from '../../src/shared/config-error.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { fakeEngine, makeApp, PINNED_NOW } from '../helpers/app.js';
import { AUTH, FHIR_BASE, FHIR_ORIGIN, NULL_PREFETCH, PATIENT_ID, TOKEN, condition, patient, patientViewRequest, searchset } from '../helpers/fhir.js';

const PV = '/cds-services/osteoporosis-patient-view';
const ISS = 'https://ehr.example.org';
const OTHER_ISS = 'https://other-ehr.example.org';

/** A verifier that accepts any bearer token as coming from `iss` (the JWT checks have their own tests). */
const verifierFor = (iss: string): JwtVerifier => ({ verify: () => Promise.resolve({ ok: true, facts: { iss } }) });

function issuers(entries: Record<string, Partial<TrustedIssuer>>): Record<string, TrustedIssuer> {
  return Object.fromEntries(Object.entries(entries).map(([iss, e]) => [iss, { jwks: '/unused-jwks.json', ...e }]));
}

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('debug', stream), lines };
}

interface AppSetup {
  readonly config?: Partial<Config>;
  readonly iss?: string;
  readonly resolver?: Resolver;
}

function appFor(setup: AppSetup = {}) {
  const { logger, lines } = capture();
  const engine = fakeEngine();
  const app = createApp(testConfig(setup.config), {
    engine,
    store: openSqliteStore(':memory:'),
    clock: () => PINNED_NOW,
    logger,
    jwtVerifier: verifierFor(setup.iss ?? ISS),
    ...(setup.resolver === undefined ? {} : { fhirResolver: setup.resolver }),
  });
  return { app, engine, lines };
}

/** Everything from the FHIR server: no prefetch at all. */
function fallbackRequest(fhirServer: string): Record<string, unknown> {
  const body = patientViewRequest({ fhirServer, fhirAuthorization: AUTH });
  delete body.prefetch;
  return body;
}

/** Words that would tell a caller why a fetch failed (contract: never in a 412). */
const WHY_WORDS = [/timeout/i, /timed out/i, /network/i, /refused/i, /ECONNREFUSED/i, /\b[1-5]\d\d\b/, /HTTP/, /address/i, /allowlist/i, /DNS/i];

function expectNoWhy(diagnostics: unknown): void {
  expect(typeof diagnostics).toBe('string');
  for (const word of WHY_WORDS) expect(diagnostics).not.toMatch(word);
}

describe('prefix matching: scheme, host, port and whole path segments', () => {
  const base = new URL('https://fhir.example.dk/r4');
  it.each([
    ['https://fhir.example.dk/r4', true],
    ['https://fhir.example.dk/r4/', true],
    ['https://fhir.example.dk/r4/Patient/1', true],
    ['https://FHIR.example.dk:443/r4', true],
    ['https://fhir.example.dk/r4x', false],
    ['https://fhir.example.dk/r', false],
    ['https://fhir.example.dk/', false],
    ['https://fhir.example.dk/other/r4', false],
    ['https://fhir.example.dk/r4/../admin', false],
    ['https://fhir.example.dk/r4%2F..%2Fadmin', false],
    ['https://fhir.example.dk.evil.net/r4', false],
    ['https://fhir.example.dk@evil.net/r4', false],
    ['https://user:pw@fhir.example.dk/r4', false],
    ['http://fhir.example.dk/r4', false],
    ['https://fhir.example.dk:8443/r4', false],
  ])('%s → %s', (url, expected) => {
    expect(isUnderBase(new URL(url), base)).toBe(expected);
  });

  it('a host-only prefix admits every path of that host, and nothing of a longer host name', () => {
    const host = new URL('https://fhir.example.dk');
    expect(isUnderBase(new URL('https://fhir.example.dk/any/path'), host)).toBe(true);
    expect(isUnderBase(new URL('https://fhir.example.dk.evil.net'), host)).toBe(false);
  });
});

describe('fhirServerAccess', () => {
  const trusted = issuers({ [ISS]: { fhirServers: ['https://fhir.example.dk/r4', 'http://127.0.0.1:8080/fhir'] }, [OTHER_ISS]: {} });

  it('without CDS_TRUSTED_ISSUERS any server is allowed, loopback included, unguarded', () => {
    expect(fhirServerAccess('http://127.0.0.1:9/fhir', undefined, undefined)).toEqual({ allowed: true, guardAddresses: false });
  });

  it('an issuer without a list, an unknown issuer, or a server under none of its prefixes: not contacted', () => {
    expect(fhirServerAccess('https://fhir.example.dk/r4', trusted, OTHER_ISS)).toEqual({ allowed: false, reason: 'issuer-has-no-fhir-servers' });
    expect(fhirServerAccess('https://fhir.example.dk/r4', trusted, undefined)).toEqual({ allowed: false, reason: 'issuer-has-no-fhir-servers' });
    expect(fhirServerAccess('https://fhir.example.dk/r4', trusted, '__proto__')).toEqual({ allowed: false, reason: 'issuer-has-no-fhir-servers' });
    expect(fhirServerAccess('https://fhir.example.dk.evil.net/r4', trusted, ISS)).toEqual({ allowed: false, reason: 'fhir-server-not-listed' });
    expect(fhirServerAccess('http://127.0.0.1:8081/fhir', trusted, ISS)).toEqual({ allowed: false, reason: 'fhir-server-not-listed' });
  });

  it('a prefix naming a DNS name is guarded (its addresses must be public); one naming an address is explicit', () => {
    expect(fhirServerAccess('https://fhir.example.dk/r4/tenant-a', trusted, ISS)).toEqual({ allowed: true, guardAddresses: true });
    expect(fhirServerAccess('http://127.0.0.1:8080/fhir', trusted, ISS)).toEqual({ allowed: true, guardAddresses: false });
  });
});

describe('non-public addresses', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'not-an-address',
  ])('%s is refused', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(isNonPublicAddress(address)).toBe(false);
  });

  it('the guarded lookup refuses a name when any of its addresses is non-public, and passes public answers on', async () => {
    const answers: Record<string, { address: string; family: number }[]> = {
      'inside.example': [{ address: '10.0.0.7', family: 4 }],
      'mixed.example': [{ address: '93.184.216.34', family: 4 }, { address: '::1', family: 6 }],
      'public.example': [{ address: '93.184.216.34', family: 4 }],
    };
    const resolver: Resolver = (host, _o, cb) => cb(null, answers[host] ?? []);
    const lookup = guardedLookup(resolver);
    const run = (host: string, all: boolean) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => lookup(host, { all }, (err, address) => resolve({ err, address })));
    expect((await run('inside.example', true)).err?.code).toBe(ADDRESS_REFUSED);
    expect((await run('mixed.example', false)).err?.code).toBe(ADDRESS_REFUSED);
    expect((await run('nothing.example', true)).err?.code).toBe(ADDRESS_REFUSED);
    expect(await run('public.example', true)).toEqual({ err: null, address: answers['public.example'] });
    expect(await run('public.example', false)).toEqual({ err: null, address: '93.184.216.34' });
  });
});

describe('CDS_TRUSTED_ISSUERS fhirServers (config)', () => {
  const load = (entry: unknown): Config => loadConfig({ CDS_TRUSTED_ISSUERS: JSON.stringify({ [ISS]: entry }) });

  it('reads prefixes, dropping trailing slashes and lower-casing the host', () => {
    const config = load({ jwks: 'https://ehr.example.org/jwks.json', fhirServers: ['https://FHIR.example.dk/r4/', 'http://127.0.0.1:8080'] });
    expect(config.trustedIssuers?.[ISS]?.fhirServers).toEqual(['https://fhir.example.dk/r4', 'http://127.0.0.1:8080']);
  });

  it.each([['http://fhir.example.dk/r4'], ['not a url'], ['https://fhir.example.dk/r4?x=1'], ['https://u:p@fhir.example.dk/r4'], ['https://fhir.example.dk/r4#f']])(
    'refuses %s at start',
    (prefix) => {
      expect(() => load({ jwks: 'https://ehr.example.org/jwks.json', fhirServers: [prefix] })).toThrow(ConfigError);
    },
  );
});

describe('over HTTP', () => {
  let loopback: Server;
  let loopbackBase: string;
  const loopbackCalls: string[] = [];

  beforeAll(async () => {
    nock.disableNetConnect();
    // fhir.inside.test: the DNS-guard test lets that fetch through to the (fake) resolver.
    nock.enableNetConnect((host) => host.startsWith('127.0.0.1') || host.startsWith('fhir.inside.test'));
    // A real FHIR server on loopback: every search empty, the Patient present.
    loopback = createServer((req, res) => {
      loopbackCalls.push(req.url ?? '');
      res.setHeader('content-type', 'application/fhir+json');
      res.end(JSON.stringify(req.url?.includes('/Patient/') === true ? patient() : searchset([])));
    });
    await new Promise<void>((resolve) => loopback.listen(0, '127.0.0.1', resolve));
    loopbackBase = `http://127.0.0.1:${(loopback.address() as AddressInfo).port}/fhir`;
  });
  afterEach(() => {
    nock.cleanAll();
    loopbackCalls.length = 0;
  });
  afterAll(async () => {
    nock.enableNetConnect();
    await new Promise((resolve) => loopback.close(resolve));
  });

  const trusted = (servers?: string[]): Partial<Config> => ({ trustedIssuers: issuers({ [ISS]: servers === undefined ? {} : { fhirServers: servers }, [OTHER_ISS]: {} }) });

  it('without CDS_TRUSTED_ISSUERS the fallback reaches any server, loopback included', async () => {
    const { app } = makeApp();
    await request(app).post(PV).send(fallbackRequest(loopbackBase)).expect(200);
    expect(loopbackCalls).toContain(`/fhir/Patient/${PATIENT_ID}`);
  });

  it('a listed server is contacted (nock still intercepts the guarded fetch), with the token', async () => {
    const { app } = appFor({ config: trusted([FHIR_BASE]) });
    const scope = nock(FHIR_ORIGIN, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get(`/r4/Patient/${PATIENT_ID}`)
      .reply(200, patient())
      .get(/^\/r4\//)
      .times(7)
      .reply(200, searchset([]));
    await request(app).post(PV).set('authorization', 'Bearer t').send(fallbackRequest(FHIR_BASE)).expect(200);
    expect(scope.isDone()).toBe(true);
  });

  it('a server under none of the issuer\'s prefixes is never contacted; the refusal is logged without the query; 412 without a reason', async () => {
    const { app, lines } = appFor({ config: trusted(['https://fhir.example.org']) });
    const evil = nock('https://fhir.example.org.evil.net').get(/.*/).times(8).reply(200, patient());
    const res = await request(app).post(PV).set('authorization', 'Bearer t').send(fallbackRequest('https://fhir.example.org.evil.net/r4?secret=QUERY-MARKER')).expect(412);
    expect(evil.pendingMocks()).toHaveLength(1);
    expectNoWhy(res.body.issue[0].diagnostics);
    const refusal = lines.map((l) => JSON.parse(l)).find((l) => typeof l.msg === 'string' && l.msg.includes('not contacted'));
    expect(refusal).toMatchObject({ fhirServer: 'https://fhir.example.org.evil.net/r4', issuer: ISS, reason: 'fhir-server-not-listed' });
    expect(lines.join('\n')).not.toContain('QUERY-MARKER');
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('an issuer with no list may not use the fallback: answered from the prefetch alone', async () => {
    const { app, engine } = appFor({ config: trusted([FHIR_BASE]), iss: OTHER_ISS });
    const scope = nock(FHIR_ORIGIN).get(/.*/).times(8).reply(200, searchset([]));
    const { conditions: _missing, ...prefetch } = { patient: patient(), ...NULL_PREFETCH };
    const body = patientViewRequest({ fhirServer: FHIR_BASE, fhirAuthorization: AUTH, prefetch });
    await request(app).post(PV).set('authorization', 'Bearer t').send(body).expect(200);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(engine.inputs[0]?.data.unavailable).toEqual(['conditions']);
  });

  it('with CDS_TRUSTED_ISSUERS loopback is refused unless a prefix names it explicitly', async () => {
    const refused = appFor({ config: trusted([FHIR_BASE]) });
    await request(refused.app).post(PV).set('authorization', 'Bearer t').send(fallbackRequest(loopbackBase)).expect(412);
    expect(loopbackCalls).toEqual([]);
    const named = appFor({ config: trusted([loopbackBase]) });
    await request(named.app).post(PV).set('authorization', 'Bearer t').send(fallbackRequest(loopbackBase)).expect(200);
    expect(loopbackCalls).toContain(`/fhir/Patient/${PATIENT_ID}`);
  });

  it('an allowlisted DNS name that resolves to a non-public address is refused at connection time', async () => {
    const asked: string[] = [];
    const resolver: Resolver = (host, _o, cb) => {
      asked.push(host);
      cb(null, [{ address: '127.0.0.1', family: 4 }]);
    };
    const { app, lines } = appFor({ config: trusted(['https://fhir.inside.test']), resolver });
    const res = await request(app).post(PV).set('authorization', 'Bearer t').send(fallbackRequest('https://fhir.inside.test/r4')).expect(412);
    expectNoWhy(res.body.issue[0].diagnostics);
    expect(asked).toContain('fhir.inside.test');
    const finished = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request completed');
    expect(finished.prefetchProblems).toContain('patient: address not public');
  });

  it('follows link[next] only under the same base URL: another path of the same host never gets the token', async () => {
    const { app, engine } = makeApp();
    const elsewhere = nock(FHIR_ORIGIN).get('/admin/steal').reply(200, searchset([condition('c9')]));
    const under = nock(FHIR_ORIGIN).get('/r4/Condition').query({ page: '2' }).reply(200, searchset([condition('c2')]));
    const body = patientViewRequest({
      fhirServer: FHIR_BASE,
      fhirAuthorization: AUTH,
      prefetch: {
        ...NULL_PREFETCH,
        patient: patient(),
        conditions: searchset([condition('c1')], { next: `${FHIR_BASE}/Condition?page=2` }),
        observations: searchset([], { next: `${FHIR_ORIGIN}/admin/steal` }),
      },
    });
    await request(app).post(PV).send(body).expect(200);
    expect(under.isDone()).toBe(true);
    expect(elsewhere.isDone()).toBe(false);
    expect(engine.inputs[0]?.data.unavailable).toEqual(['observations']);
  });

  it('412 texts never say why: not for a timeout, a status code, a refused connection or a garbage answer', async () => {
    const cases: { name: string; setup: () => void; config?: Partial<Config> }[] = [
      { name: 'status', setup: () => nock(FHIR_ORIGIN).get(/.*/).times(8).reply(503, 'down') },
      { name: 'timeout', setup: () => nock(FHIR_ORIGIN).get(/.*/).times(8).delay(1000).reply(200, patient()), config: { fhirTimeoutMs: 100 } },
      { name: 'garbage', setup: () => nock(FHIR_ORIGIN).get(/.*/).times(8).reply(200, 'not json') },
      { name: 'network', setup: () => nock(FHIR_ORIGIN).get(/.*/).times(8).replyWithError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }) },
    ];
    for (const c of cases) {
      c.setup();
      const res = await request(makeApp(c.config === undefined ? {} : { config: c.config }).app).post(PV).send(fallbackRequest(FHIR_BASE)).expect(412);
      expectNoWhy(res.body.issue[0].diagnostics);
      nock.cleanAll();
    }
    // A closed port on loopback, for real.
    const closed = `http://127.0.0.1:${(loopback.address() as AddressInfo).port + 1}/fhir`;
    const res = await request(makeApp().app).post(PV).send(fallbackRequest(closed)).expect(412);
    expectNoWhy(res.body.issue[0].diagnostics);
    // Only the Patient: the other keys could not be had.
    const onlyPatient = await request(makeApp().app).post(PV).send(patientViewRequest({ prefetch: { patient: patient() } })).expect(412);
    expectNoWhy(onlyPatient.body.issue[0].diagnostics);
  });
});
