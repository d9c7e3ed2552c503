/**
 * Prefetch over HTTP (the FHIR server is nock): null vs missing, the fhirServer fallback with the
 * bearer token, pagination, the time budget, server errors, garbage and OperationOutcomes, and 412.
 */
import nock from 'nock';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import {
  AUTH,
  FHIR_BASE,
  FHIR_ORIGIN,
  FHIR_PATHS,
  NULL_PREFETCH,
  PATIENT_ID,
  TOKEN,
  condition,
  observation,
  operationOutcome,
  patient,
  patientViewRequest,
  searchset,
} from '../helpers/fhir.js';
import { expectOperationOutcome, expectValidResponse } from '../helpers/response.js';
import { onlyNockAndLoopback } from '../helpers/offline.js';

const PV = '/cds-services/osteoporosis-patient-view';

const { patient: _patientPath, ...SEARCH_PATHS } = FHIR_PATHS;

type SearchKey = keyof typeof SEARCH_PATHS;

/** A FHIR server that answers every search with an empty searchset except the ones overridden. */
function fhirServer(scope: nock.Scope, skip: readonly SearchKey[] = []): nock.Scope {
  for (const [key, path] of Object.entries(SEARCH_PATHS)) {
    if (skip.includes(key as SearchKey)) continue;
    scope.get(path).query({ patient: PATIENT_ID, ...(key === 'observations' ? { code: '38267-1,38263-0,NPU10267', _sort: '-date' } : {}) }).reply(200, searchset([]));
  }
  return scope;
}

/** A request with no prefetch at all: everything comes from the FHIR server. */
function fallbackRequest(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const body = patientViewRequest({ fhirServer: FHIR_BASE, ...extra });
  delete body.prefetch;
  return body;
}

onlyNockAndLoopback();

describe('prefetch present in the request', () => {
  it('uses the prefetched resources and Bundles and never calls the FHIR server', async () => {
    const { app, engine } = makeApp();
    const body = patientViewRequest({
      fhirServer: FHIR_BASE,
      prefetch: { ...NULL_PREFETCH, patient: patient(), observations: searchset([observation('o1'), observation('o2')]), conditions: searchset([condition('c1')]) },
    });
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.resources.map((r) => r.id)).toEqual(['o1', 'o2', 'c1']);
    expect(engine.inputs[0]!.data.unavailable).toEqual([]);
  });

  it('null means "no data": not fetched, not unavailable', async () => {
    const scope = nock(FHIR_ORIGIN); // no interceptors: any call fails the test via disableNetConnect
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).send(patientViewRequest({ fhirServer: FHIR_BASE })).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.unavailable).toEqual([]);
    expect(engine.inputs[0]!.data.resources).toEqual([]);
    expect(scope.pendingMocks()).toEqual([]);
  });

  it('a missing key is fetched from fhirServer; a null key is not', async () => {
    const scope = nock(FHIR_ORIGIN).get('/r4/Condition').query({ patient: PATIENT_ID }).reply(200, searchset([condition('c9')]));
    const { app, engine } = makeApp();
    const body = patientViewRequest({ fhirServer: FHIR_BASE });
    delete (body.prefetch as Record<string, unknown>).conditions;
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
    expect(scope.isDone()).toBe(true);
    expect(engine.inputs[0]!.data.resources.map((r) => r.id)).toEqual(['c9']);
    expect(engine.inputs[0]!.data.unavailable).toEqual([]);
  });

  it('a missing key without fhirServer is unavailable and becomes the data-unavailable card', async () => {
    const { app, engine } = makeApp();
    const body = patientViewRequest();
    delete (body.prefetch as Record<string, unknown>).allergies;
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['allergies']);
    expect(res.body.cards[0].source.topic.code).toBe('data-unavailable');
    expect(res.body.cards[0].extension['osteo-cds.reasons']).toEqual(['allergies-unavailable']);
  });

  it('an OperationOutcome in place of data is unavailable, and re-fetched from fhirServer when there is one', async () => {
    const { app, engine } = makeApp();
    const noServer = patientViewRequest({ prefetch: { ...NULL_PREFETCH, patient: patient(), observations: operationOutcome() } });
    await request(app).post(PV).send(noServer).expect(200);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['observations']);

    const scope = nock(FHIR_ORIGIN).get('/r4/Observation').query(true).reply(200, searchset([observation('o5')]));
    const withServer = { ...noServer, fhirServer: FHIR_BASE };
    const res = await request(app).post(PV).send(withServer).expect(200);
    expectValidResponse(res.body);
    expect(scope.isDone()).toBe(true);
    expect(engine.inputs[1]!.data.unavailable).toEqual([]);
    expect(engine.inputs[1]!.data.resources.map((r) => r.id)).toEqual(['o5']);
  });

  it('a Bundle holding only an OperationOutcome is unavailable; outcome warnings inside a normal searchset are not', async () => {
    const { app, engine } = makeApp();
    const body = patientViewRequest({
      prefetch: {
        ...NULL_PREFETCH,
        patient: patient(),
        observations: { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: operationOutcome() }] },
        conditions: searchset([condition('c1')], { outcomes: [operationOutcome('warning')] }),
      },
    });
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['observations']);
    expect(engine.inputs[0]!.data.resources.map((r) => r.resourceType)).toEqual(['Condition']);
  });

  it('follows the next link of a prefetched Bundle on fhirServer, with the token', async () => {
    const scope = nock(FHIR_ORIGIN, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/r4/page2')
      .reply(200, searchset([observation('o2')]));
    const { app, engine } = makeApp();
    const body = patientViewRequest({
      fhirServer: FHIR_BASE,
      fhirAuthorization: AUTH,
      prefetch: { ...NULL_PREFETCH, patient: patient(), observations: searchset([observation('o1')], { next: `${FHIR_BASE}/page2` }) },
    });
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
    expect(scope.isDone()).toBe(true);
    expect(engine.inputs[0]!.data.resources.map((r) => r.id)).toEqual(['o1', 'o2']);
  });

  it('drops resources about another patient', async () => {
    const { app, engine } = makeApp();
    const body = patientViewRequest({
      prefetch: { ...NULL_PREFETCH, patient: patient(), observations: searchset([observation('mine'), observation('theirs', 'someone-else')]) },
    });
    await request(app).post(PV).send(body).expect(200);
    expect(engine.inputs[0]!.data.resources.map((r) => r.id)).toEqual(['mine']);
  });
});

describe('fallback to fhirServer', () => {
  it('fetches every key in parallel with Authorization: Bearer <access_token> and Accept: application/fhir+json', async () => {
    const scope = fhirServer(
      nock(FHIR_ORIGIN, { reqheaders: { authorization: `Bearer ${TOKEN}`, accept: 'application/fhir+json' } }).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()),
    );
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).send(fallbackRequest({ fhirAuthorization: AUTH })).expect(200);
    expectValidResponse(res.body);
    expect(scope.isDone()).toBe(true);
    expect(engine.inputs[0]!.data.patient).toEqual(patient());
    expect(engine.inputs[0]!.data.unavailable).toEqual([]);
  });

  it('sends no Authorization header when the client gave no token (the sandbox case)', async () => {
    const scope = fhirServer(nock(FHIR_ORIGIN, { badheaders: ['authorization'] }).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()));
    const res = await request(makeApp().app).post(PV).send(fallbackRequest()).expect(200);
    expectValidResponse(res.body);
    expect(scope.isDone()).toBe(true);
  });

  it('follows link[next] pages', async () => {
    const scope = fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()), ['observations'])
      .get('/r4/Observation')
      .query(true)
      .reply(200, searchset([observation('o1')], { next: `${FHIR_BASE}/Observation?page=2` }))
      .get('/r4/Observation')
      .query({ page: '2' })
      .reply(200, searchset([observation('o2')], { next: `${FHIR_BASE}/Observation?page=3` }))
      .get('/r4/Observation')
      .query({ page: '3' })
      .reply(200, searchset([observation('o3')]));
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).send(fallbackRequest()).expect(200);
    expectValidResponse(res.body);
    expect(scope.isDone()).toBe(true);
    expect(engine.inputs[0]!.data.resources.map((r) => r.id)).toEqual(['o1', 'o2', 'o3']);
    expect(engine.inputs[0]!.data.unavailable).toEqual([]);
  });

  it('never sends the token to a next link on another origin: the key is unavailable', async () => {
    const elsewhere = nock('https://evil.example').get('/steal').reply(200, searchset([]));
    fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()), ['conditions'])
      .get('/r4/Condition')
      .query(true)
      .reply(200, searchset([condition('c1')], { next: 'https://evil.example/steal' }));
    const { app, engine } = makeApp();
    await request(app).post(PV).send(fallbackRequest({ fhirAuthorization: AUTH })).expect(200);
    expect(elsewhere.isDone()).toBe(false);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['conditions']);
  });

  it('a key that answers 500, HTML or garbage is unavailable; the others are used', async () => {
    fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()), ['observations', 'conditions', 'allergies', 'familyHistory'])
      .get('/r4/Observation')
      .query(true)
      .reply(500, operationOutcome())
      .get('/r4/Condition')
      .query(true)
      .reply(200, '<html><body>Login</body></html>', { 'Content-Type': 'text/html' })
      .get('/r4/AllergyIntolerance')
      .query(true)
      .reply(200, '{"resourceType": "Bundle", "entry": [', { 'Content-Type': 'application/fhir+json' })
      .get('/r4/FamilyMemberHistory')
      .query(true)
      .reply(200, { hello: 'world' });
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).send(fallbackRequest()).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['observations', 'conditions', 'allergies', 'familyHistory']);
  });

  it('an OperationOutcome (or a Bundle of only one) from the server is unavailable, not patient data', async () => {
    fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()), ['observations', 'conditions'])
      .get('/r4/Observation')
      .query(true)
      .reply(200, operationOutcome())
      .get('/r4/Condition')
      .query(true)
      .reply(200, { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: operationOutcome(), search: { mode: 'outcome' } }] });
    const { app, engine } = makeApp();
    await request(app).post(PV).send(fallbackRequest()).expect(200);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['observations', 'conditions']);
    expect(engine.inputs[0]!.data.resources).toEqual([]);
  });

  it('answers within the CDS_FHIR_TIMEOUT_MS budget when the server is slow; slow keys are unavailable', async () => {
    fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).reply(200, patient()), ['observations', 'medicationRequests'])
      .get('/r4/Observation')
      .query(true)
      .delay(3000)
      .reply(200, searchset([observation('late')]))
      .get('/r4/MedicationRequest')
      .query(true)
      .delayBody(3000)
      .reply(200, searchset([]));
    const { app, engine } = makeApp({ config: { fhirTimeoutMs: 300 } });
    const started = Date.now();
    const res = await request(app).post(PV).send(fallbackRequest()).expect(200);
    expect(Date.now() - started).toBeLessThan(600 + 400); // 2 × budget plus slack for a loaded machine
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.unavailable).toEqual(['observations', 'medicationRequests']);
  });
});

describe('412 Precondition Failed', () => {
  it('when the patient key is missing and there is no fhirServer', async () => {
    const body = patientViewRequest();
    delete (body.prefetch as Record<string, unknown>).patient;
    const res = await request(makeApp().app).post(PV).send(body).expect(412);
    expectOperationOutcome(res.body, 'prefetch.patient');
    expect(res.body.issue[0]).toMatchObject({ severity: 'error', code: 'processing' });
  });

  it('when there is no prefetch and no fhirServer', async () => {
    const body = patientViewRequest();
    delete body.prefetch;
    expectOperationOutcome((await request(makeApp().app).post(PV).send(body).expect(412)).body, 'prefetch.patient');
  });

  it('when the patient is null', async () => {
    const body = patientViewRequest({ prefetch: { ...NULL_PREFETCH, patient: null } });
    expectOperationOutcome((await request(makeApp().app).post(PV).send(body).expect(412)).body, 'prefetch.patient');
  });

  it('when the prefetched Patient is someone else', async () => {
    const body = patientViewRequest({ prefetch: { ...NULL_PREFETCH, patient: patient('other') } });
    expectOperationOutcome((await request(makeApp().app).post(PV).send(body).expect(412)).body, 'prefetch.patient');
  });

  it('when the FHIR server cannot supply the patient (404, 401, timeout)', async () => {
    for (const reply of [404, 401]) {
      fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).reply(reply, operationOutcome()));
      const res = await request(makeApp().app).post(PV).send(fallbackRequest()).expect(412);
      expectOperationOutcome(res.body, 'prefetch.patient');
      nock.cleanAll();
    }
    fhirServer(nock(FHIR_ORIGIN).get(`/r4/Patient/${PATIENT_ID}`).delay(2000).reply(200, patient()));
    const res = await request(makeApp({ config: { fhirTimeoutMs: 200 } }).app).post(PV).send(fallbackRequest()).expect(412);
    // Which data, never why (contract): the reason is in the log only.
    expect(res.body.issue[0].diagnostics).not.toMatch(/timeout/i);
  });

  it('when the FHIR server is unreachable', async () => {
    const body = fallbackRequest({ fhirServer: 'https://unreachable.example/fhir' });
    expectOperationOutcome((await request(makeApp().app).post(PV).send(body).expect(412)).body, 'prefetch.patient');
  });

  it('when prefetch is null and there is no fhirServer (null prefetch = none)', async () => {
    const body = patientViewRequest({ prefetch: null });
    expectOperationOutcome((await request(makeApp().app).post(PV).send(body).expect(412)).body, 'prefetch.patient');
  });

  it('when nothing but the patient could be had and there was no fhirServer', async () => {
    const body = patientViewRequest({ prefetch: { patient: patient() } });
    const res = await request(makeApp().app).post(PV).send(body).expect(412);
    expectOperationOutcome(res.body, 'prefetch');
  });

  it('but not when the other keys are null (no data is an answer)', async () => {
    const res = await request(makeApp().app).post(PV).send(patientViewRequest()).expect(200);
    expectValidResponse(res.body);
  });
});
