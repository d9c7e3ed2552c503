/**
 * FHIR-server faults with the real engine (nock stands in for the server; all keys are fetched
 * from it): whatever the server does — too slow, reset, 401, 500, broken JSON, an HTML error page,
 * a Bundle over the byte cap, a next-link cycle, an OperationOutcome for data, a redirect — the
 * service answers soon after CDS_FHIR_TIMEOUT_MS (asserted: within twice the budget) with a valid
 * response carrying the data-unavailable card of rules.md (info; reasons `<key>-unavailable`), or
 * 412 when the Patient itself cannot be had.
 *
 * test/http/prefetch.test.ts checks with a fake engine what the prefetch stage hands on for some of
 * these faults; here the question is what the client gets back from the whole pipeline.
 */
import { Readable } from 'node:stream';
import nock from 'nock';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeRealApp } from '../helpers/engine.js';
import { AUTH, FHIR_BASE, FHIR_ORIGIN, FHIR_PATHS, observation, operationOutcome, patient, patientViewRequest, prescribingRequest, searchset } from '../helpers/fhir.js';
import { expectOperationOutcome, expectValidResponse } from '../helpers/response.js';
import { PREFETCH_KEYS, type PrefetchKey } from '../../src/contract/prefetch-keys.js';

const BUDGET_MS = 500;
/** The bound the answer must come within: twice the budget (generous for a loaded CI machine). */
const BOUND_MS = 2 * BUDGET_MS;
/** A small byte cap (CDS_BODY_LIMIT also caps each FHIR page), so the huge Bundle stays cheap. */
const CAP_BYTES = 256 * 1024;

const PV = '/cds-services/osteoporosis-patient-view';

const PATHS: Record<PrefetchKey, string> = FHIR_PATHS;
const SEARCH_KEYS = PREFETCH_KEYS.filter((k) => k !== 'patient');

type Fault = (interceptor: nock.Interceptor, key: PrefetchKey) => void;

const hugeBundle = (): string => JSON.stringify(searchset(Array.from({ length: 1200 }, (_, i) => observation(`big-${i}`))));

/** Each fault, as the server's answer to the key's first request. */
const FAULTS: Record<string, Fault> = {
  'slower than the budget (headers late)': (i) => i.delay(3000).reply(200, searchset([])),
  'slower than the budget (body late)': (i) => i.delayBody(3000).reply(200, searchset([])),
  'connection reset': (i) => i.replyWithError({ code: 'ECONNRESET', message: 'socket hang up' }),
  '401 Unauthorized': (i) => i.reply(401, operationOutcome()),
  '500 Internal Server Error': (i) => i.reply(500, operationOutcome()),
  'malformed JSON': (i) => i.reply(200, '{"resourceType": "Bundle", "entry": [{"resource": ', { 'Content-Type': 'application/fhir+json' }),
  'an HTML error page': (i) => i.reply(502, '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>', { 'Content-Type': 'text/html' }),
  'a Bundle over the byte cap (declared length)': (i) => {
    const body = hugeBundle();
    i.reply(200, body, { 'Content-Type': 'application/fhir+json', 'Content-Length': String(Buffer.byteLength(body)) });
  },
  'a Bundle over the byte cap (streamed, no length)': (i) => {
    const body = hugeBundle();
    const chunks = Array.from({ length: Math.ceil(body.length / 16384) }, (_, n) => body.slice(n * 16384, (n + 1) * 16384));
    i.reply(200, () => Readable.from(chunks), { 'Content-Type': 'application/fhir+json' });
  },
  'an OperationOutcome in place of the Bundle': (i) => i.reply(200, operationOutcome()),
  'a Bundle holding only an error OperationOutcome': (i) => i.reply(200, { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: operationOutcome(), search: { mode: 'outcome' } }] }),
  'a redirect (never followed: the token must not leave fhirServer)': (i) => i.reply(302, '', { Location: 'https://elsewhere.example/steal' }),
  'JSON that is not FHIR': (i) => i.reply(200, [1, 2, 3]),
};

/** A FHIR server answering the Patient and empty searches, except `faulty` keys, which get `fault`. */
function fhirServer(faulty: readonly PrefetchKey[], fault: Fault): void {
  const scope = nock(FHIR_ORIGIN);
  for (const key of PREFETCH_KEYS) {
    const interceptor = scope.get(PATHS[key]).query(true);
    if (faulty.includes(key)) fault(interceptor, key);
    else interceptor.reply(200, key === 'patient' ? patient() : searchset([]));
  }
}

/** No prefetch at all: every key comes from fhirServer (the sandbox's usual case), with a token. */
function fallbackBody(base: Record<string, unknown> = patientViewRequest()): Record<string, unknown> {
  const body: Record<string, unknown> = { ...base, fhirServer: FHIR_BASE, fhirAuthorization: AUTH };
  delete body.prefetch;
  return body;
}

async function timed(path: string, body: Record<string, unknown>): Promise<{ res: request.Response; ms: number }> {
  const { app } = makeRealApp({ config: { fhirTimeoutMs: BUDGET_MS, bodyLimitBytes: CAP_BYTES } });
  const started = performance.now();
  const res = await request(app).post(path).send(body);
  return { res, ms: performance.now() - started };
}

interface CardLike {
  readonly indicator: string;
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension?: Record<string, unknown>;
}

/** The rules.md data-unavailable card: info, reasons = exactly the unavailable keys. */
function expectDataUnavailable(body: unknown, keys: readonly PrefetchKey[]): void {
  const cards = (body as { cards: CardLike[] }).cards;
  const found = cards.filter((c) => c.source.topic?.code === 'data-unavailable');
  expect(found).toHaveLength(1);
  expect(found[0]?.indicator).toBe('info');
  expect(found[0]?.extension?.['osteo-cds.reasons']).toEqual(keys.map((k) => `${k}-unavailable`));
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
});
afterEach(() => {
  nock.cleanAll();
  nock.abortPendingRequests();
});
afterAll(() => {
  nock.enableNetConnect();
});

describe.each(Object.entries(FAULTS))('a search key answered with %s', (_name, fault) => {
  it('200 within twice CDS_FHIR_TIMEOUT_MS, valid, with the data-unavailable card naming observations-unavailable', async () => {
    fhirServer(['observations'], fault);
    const { res, ms } = await timed(PV, fallbackBody());
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(ms).toBeLessThan(BOUND_MS);
    expectDataUnavailable(res.body, ['observations']);
  });
});

describe('more than one key down', () => {
  it('every search key failing (the Patient came): 200 within the bound, one data-unavailable card naming all seven in key order', async () => {
    fhirServer(SEARCH_KEYS, FAULTS['connection reset']!);
    const { res, ms } = await timed(PV, fallbackBody());
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(ms).toBeLessThan(BOUND_MS);
    expectDataUnavailable(res.body, SEARCH_KEYS);
  });

  it('mixed faults on three keys, one of them slow: all three named, within the bound', async () => {
    const scope = nock(FHIR_ORIGIN);
    scope.get(PATHS.patient).reply(200, patient());
    scope.get(PATHS.observations).query(true).delay(3000).reply(200, searchset([]));
    scope.get(PATHS.conditions).query(true).replyWithError({ code: 'ECONNRESET' });
    scope.get(PATHS.allergies).query(true).reply(200, '<html>login</html>', { 'Content-Type': 'text/html' });
    for (const key of ['medicationStatements', 'medicationRequests', 'medicationAdministrations', 'familyHistory'] as const) {
      scope.get(PATHS[key]).query(true).reply(200, searchset([]));
    }
    const { res, ms } = await timed(PV, fallbackBody());
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(ms).toBeLessThan(BOUND_MS);
    expectDataUnavailable(res.body, ['observations', 'conditions', 'allergies']);
  });

  it('a next-link cycle ends within the bound: the pages read are used and the key is named unavailable', async () => {
    const scope = nock(FHIR_ORIGIN);
    scope.get(PATHS.patient).reply(200, patient());
    scope
      .get(PATHS.observations)
      .query((q) => q.page === undefined)
      .reply(200, searchset([observation('o1')], { next: `${FHIR_BASE}/Observation?page=2` }))
      .get(PATHS.observations)
      .query({ page: '2' })
      .reply(200, searchset([observation('o2')], { next: `${FHIR_BASE}/Observation?page=3` }))
      .get(PATHS.observations)
      .query({ page: '3' })
      .reply(200, searchset([observation('o3')], { next: `${FHIR_BASE}/Observation?page=2` }));
    for (const key of SEARCH_KEYS.filter((k) => k !== 'observations')) scope.get(PATHS[key]).query(true).reply(200, searchset([]));
    const { res, ms } = await timed(PV, fallbackBody());
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(ms).toBeLessThan(BOUND_MS);
    expect(scope.isDone()).toBe(true);
    expectDataUnavailable(res.body, ['observations']);
  });
});

describe('prescribing hooks', () => {
  it.each(['order-sign', 'order-select', 'medication-prescribe'] as const)('%s with a key down: 200 within the bound, valid, with the data-unavailable card', async (hook) => {
    fhirServer(['medicationStatements'], FAULTS['connection reset']!);
    const { res, ms } = await timed(`/cds-services/osteoporosis-${hook}`, fallbackBody(prescribingRequest(hook)));
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(ms).toBeLessThan(BOUND_MS);
    expectDataUnavailable(res.body, ['medicationStatements']);
  });
});

describe('the Patient itself cannot be had → 412 within the bound', () => {
  // 401, 404, an unreachable host and a timeout without bound are in test/http/prefetch.test.ts.
  it.each([
    'slower than the budget (headers late)',
    'connection reset',
    '500 Internal Server Error',
    'malformed JSON',
    'an HTML error page',
    'an OperationOutcome in place of the Bundle',
    'a redirect (never followed: the token must not leave fhirServer)',
    'JSON that is not FHIR',
  ])('the Patient read answered with %s', async (name) => {
    fhirServer(['patient'], FAULTS[name]!);
    const { res, ms } = await timed(PV, fallbackBody());
    expect(res.status).toBe(412);
    expectOperationOutcome(res.body, 'prefetch.patient');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a Patient read that answers another patient', async () => {
    fhirServer(['patient'], (i) => i.reply(200, patient('someone-else')));
    const { res } = await timed(PV, fallbackBody());
    expect(res.status).toBe(412);
  });
});
