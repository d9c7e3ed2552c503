import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { PINNED_NOW, card, fakeEngine, makeApp } from '../helpers/app.js';
import { NULL_PREFETCH, PATIENT_ID, draftBundle, medicationRequest, patient, patientViewRequest, prescribingRequest } from '../helpers/fhir.js';
import { expectOperationOutcome, expectValidResponse } from '../helpers/response.js';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const PV = '/cds-services/osteoporosis-patient-view';

describe('POST /cds-services/{id}: a valid call', () => {
  it('hands the engine the patient-view rule set, the resolved data, no drafts, the pinned now and Danish by default', async () => {
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).send(patientViewRequest()).expect(200).expect('content-type', /application\/json/);
    expectValidResponse(res.body);
    expect(res.body.cards[0].source.topic.code).toBe('bone-healthy-lifestyle');
    expect(engine.inputs).toHaveLength(1);
    const input = engine.inputs[0]!;
    expect(input.ruleSet).toBe('patient-view');
    expect(input.data.patient).toEqual(patient());
    expect(input.data.resources).toEqual([]);
    expect(input.data.unavailable).toEqual([]);
    expect(input.drafts).toEqual([]);
    expect(input.now).toEqual(PINNED_NOW);
    expect(input.language).toBe('da');
  });

  it('accepts application/fhir+json bodies and returns the engine cards unchanged', async () => {
    const cards = [card('treatment-indicated', ['t-score'], 'warning'), card('vitamin-d-calcium', ['guideline-advice'])];
    const { app } = makeApp({ engine: fakeEngine(() => cards) });
    const res = await request(app).post(PV).set('Content-Type', 'application/fhir+json').send(JSON.stringify(patientViewRequest())).expect(200);
    expectValidResponse(res.body);
    expect(res.body).toEqual({ cards });
  });

  it('answers {"cards": []} when the engine has no advice', async () => {
    const { app } = makeApp({ engine: fakeEngine(() => []) });
    const res = await request(app).post(PV).send(patientViewRequest()).expect(200);
    expectValidResponse(res.body);
    expect(res.body).toEqual({ cards: [] });
  });

  it.each([
    ['en-GB,en;q=0.9,da;q=0.8', 'en'],
    ['da-DK, en;q=0.5', 'da'],
    ['de-DE, en;q=0.7, da;q=0.9', 'da'],
    ['de, fr', 'da'],
    ['en;q=0, da', 'da'],
    ['*', 'da'],
  ])('takes the language from Accept-Language %j → %s', async (header, language) => {
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).set('Accept-Language', header).send(patientViewRequest()).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.language).toBe(language);
  });

  it('falls back to CDS_LANGUAGE when Accept-Language names neither da nor en', async () => {
    const { app, engine } = makeApp({ config: { language: 'en' } });
    await request(app).post(PV).set('Accept-Language', 'sv').send(patientViewRequest()).expect(200);
    expect(engine.inputs[0]!.language).toBe('en');
  });

  it('order-select: every draft with resourceType and id, selected when named in selections (category object and no Bundle.type tolerated)', async () => {
    const { app, engine } = makeApp();
    const body = prescribingRequest('order-select');
    const res = await request(app).post('/cds-services/osteoporosis-order-select').send(body).expect(200);
    expectValidResponse(res.body);
    const input = engine.inputs[0]!;
    expect(input.ruleSet).toBe('prescribing');
    expect(input.drafts.map((d) => [d.ref, d.selected])).toEqual([
      ['MedicationRequest/request-123', true],
      ['MedicationRequest/request-456', false],
    ]);
    expect(input.drafts[0]!.resource).toEqual(medicationRequest('request-123'));
  });

  it('order-sign: all drafts selected; one sent without an id is still a draft, referred to by its urn:uuid fullUrl or its place', async () => {
    const { app, engine } = makeApp();
    const { id: _dropped, ...noId } = medicationRequest('x');
    const uuid = 'urn:uuid:6a8f1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
    const drafts = { resourceType: 'Bundle', entry: [{ resource: medicationRequest('a') }, { resource: noId }, { fullUrl: uuid, resource: noId }, { resource: {} }] };
    const body = prescribingRequest('order-sign', { context: { userId: 'Practitioner/1', patientId: PATIENT_ID, draftOrders: drafts } });
    const res = await request(app).post('/cds-services/osteoporosis-order-sign').send(body).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.drafts.map((d) => [d.ref, d.selected])).toEqual([
      ['MedicationRequest/a', true],
      ['urn:osteo-cds:draft-order:2', true],
      [uuid, true],
    ]);
  });

  it('order-select: a DSTU2 MedicationOrder is selected when named as the R4 MedicationRequest of the same id, and the other way round', async () => {
    const { app, engine } = makeApp();
    const order = { ...medicationRequest('o1'), resourceType: 'MedicationOrder' };
    const body = prescribingRequest('order-select', {
      context: { userId: 'Practitioner/1', patientId: PATIENT_ID, draftOrders: draftBundle(order, medicationRequest('r2'), medicationRequest('r3')), selections: ['MedicationRequest/o1', 'MedicationOrder/r2'] },
    });
    await request(app).post('/cds-services/osteoporosis-order-select').send(body).expect(200);
    expect(engine.inputs[0]!.drafts.map((d) => [d.ref, d.selected])).toEqual([
      ['MedicationOrder/o1', true],
      ['MedicationRequest/r2', true],
      ['MedicationRequest/r3', false],
    ]);
  });

  it('order-select: a draft without an id cannot be among the selections', async () => {
    const { app, engine } = makeApp();
    const { id: _dropped, ...noId } = medicationRequest('x');
    const body = prescribingRequest('order-select', {
      context: { userId: 'Practitioner/1', patientId: PATIENT_ID, draftOrders: draftBundle(medicationRequest('a'), noId), selections: ['MedicationRequest/a'] },
    });
    await request(app).post('/cds-services/osteoporosis-order-select').send(body).expect(200);
    expect(engine.inputs[0]!.drafts.map((d) => [d.ref, d.selected])).toEqual([
      ['MedicationRequest/a', true],
      ['urn:osteo-cds:draft-order:2', false],
    ]);
  });

  it('medication-prescribe: drafts come from context.medications', async () => {
    const { app, engine } = makeApp();
    const res = await request(app).post('/cds-services/osteoporosis-medication-prescribe').send(prescribingRequest('medication-prescribe')).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.ruleSet).toBe('prescribing');
    expect(engine.inputs[0]!.drafts.map((d) => d.ref)).toEqual(['MedicationRequest/request-123', 'MedicationRequest/request-456']);
  });

  it('ignores unknown fields, extensions and prefetch keys it did not ask for', async () => {
    const { app } = makeApp();
    const body = patientViewRequest({ extension: { 'org.example.x': { a: 1 } }, somethingNew: true });
    (body.prefetch as Record<string, unknown>).otherKey = 'not ours';
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
  });

  it('echoes a sane x-request-id and puts one on every answer', async () => {
    const { app } = makeApp();
    const given = await request(app).post(PV).set('x-request-id', 'abc-123').send(patientViewRequest()).expect(200);
    expect(given.headers['x-request-id']).toBe('abc-123');
    const fresh = await request(app).post(PV).set('x-request-id', 'bad id with spaces').send(patientViewRequest()).expect(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a body of 2 MB under the default 10 MB limit', async () => {
    const { app } = makeApp();
    const big = Array.from({ length: 4000 }, (_, i) => ({ resource: { resourceType: 'Condition', id: `c${i}`, note: [{ text: 'x'.repeat(500) }] } }));
    const body = patientViewRequest();
    (body.prefetch as Record<string, unknown>).conditions = { resourceType: 'Bundle', type: 'searchset', entry: big };
    const res = await request(app).post(PV).send(body).expect(200);
    expectValidResponse(res.body);
  });
});

describe('POST /cds-services/{id}: client errors', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['no hook', { hook: undefined }, 'hook'],
    ['the hook of another service', { hook: 'order-sign' }, 'hook'],
    ['no hookInstance', { hookInstance: undefined }, 'hookInstance'],
    ['no context', { context: undefined }, 'context'],
    ['no context.patientId', { context: { userId: 'Practitioner/1' } }, 'context.patientId'],
    ['a patientId that is no FHIR id', { context: { userId: 'Practitioner/1', patientId: '../../etc?x=1' } }, 'context.patientId'],
    ['no context.userId', { context: { patientId: PATIENT_ID } }, 'context.userId'],
    ['fhirAuthorization without fhirServer', { fhirAuthorization: { access_token: 't', token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'c' } }, 'fhirServer'],
    ['an http fhirServer that is not loopback', { fhirServer: 'http://fhir.example.org/r4' }, 'fhirServer'],
    ['a fhirServer that is no URL', { fhirServer: 'not a url' }, 'fhirServer'],
    ['a fhirServer of more than 2,048 characters (a base URL, not free text)', { fhirServer: `https://fhir.example.org/${'r4/'.repeat(700)}` }, 'fhirServer'],
    ['a prefetch value that is no resource', { prefetch: { patient: patient(), observations: 'text' } }, 'prefetch.observations'],
    ['prefetch that is not an object', { prefetch: [1, 2] }, 'prefetch'],
  ];
  it.each(cases)('400 for %s, naming the field', async (_name, overrides, expression) => {
    const { app, engine } = makeApp();
    const body = { ...patientViewRequest(), ...overrides };
    for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete body[k];
    const res = await request(app).post(PV).send(body).expect(400).expect('content-type', /json/);
    expectOperationOutcome(res.body, expression);
    expect(res.body.issue[0]).toMatchObject({ severity: 'error', code: 'invalid' });
    expect(engine.inputs).toHaveLength(0);
  });

  const prescribing: [string, 'order-select' | 'order-sign' | 'medication-prescribe', string, string][] = [
    ['osteoporosis-order-select', 'order-select', 'selections', 'context.selections'],
    ['osteoporosis-order-select', 'order-select', 'draftOrders', 'context.draftOrders'],
    ['osteoporosis-order-sign', 'order-sign', 'draftOrders', 'context.draftOrders'],
    ['osteoporosis-medication-prescribe', 'medication-prescribe', 'medications', 'context.medications'],
  ];
  it.each(prescribing)('400 on %s without context.%s', async (id, hook, field, expression) => {
    const body = prescribingRequest(hook);
    delete (body.context as Record<string, unknown>)[field];
    const res = await request(makeApp().app).post(`/cds-services/${id}`).send(body).expect(400);
    expectOperationOutcome(res.body, expression);
  });

  it('400 when draftOrders is not a Bundle or its entry is not an array', async () => {
    const { app } = makeApp();
    const notBundle = prescribingRequest('order-sign');
    (notBundle.context as Record<string, unknown>).draftOrders = { resourceType: 'Patient' };
    expectOperationOutcome((await request(app).post('/cds-services/osteoporosis-order-sign').send(notBundle).expect(400)).body, 'context.draftOrders.resourceType');
    const badEntry = prescribingRequest('order-sign');
    (badEntry.context as Record<string, unknown>).draftOrders = { resourceType: 'Bundle', entry: {} };
    expectOperationOutcome((await request(app).post('/cds-services/osteoporosis-order-sign').send(badEntry).expect(400)).body, 'context.draftOrders.entry');
  });

  it('400 for empty selections', async () => {
    const body = prescribingRequest('order-select');
    (body.context as Record<string, unknown>).selections = [];
    expectOperationOutcome((await request(makeApp().app).post('/cds-services/osteoporosis-order-select').send(body).expect(400)).body, 'context.selections');
  });

  it('reports every bad field at once', async () => {
    const res = await request(makeApp().app).post(PV).send({ hook: 'patient-view', context: {} }).expect(400);
    const expressions = res.body.issue.flatMap((i: { expression?: string[] }) => i.expression ?? []);
    expect(expressions).toEqual(expect.arrayContaining(['hookInstance', 'context.patientId', 'context.userId']));
  });

  it('400 for malformed JSON', async () => {
    const res = await request(makeApp().app).post(PV).set('Content-Type', 'application/json').send('{"hook": "patient-view",').expect(400);
    expectOperationOutcome(res.body);
    expect(res.body.issue[0].diagnostics).toMatch(/not a JSON object \(invalid JSON/);
  });

  it('400 for a body that is JSON but not an object', async () => {
    expectOperationOutcome((await request(makeApp().app).post(PV).set('Content-Type', 'application/json').send('[1,2]').expect(400)).body);
    const text = await request(makeApp().app).post(PV).set('Content-Type', 'application/json').send('"text"').expect(400);
    expectOperationOutcome(text.body);
    // Not "not valid JSON" for valid JSON: the message says what a hook body must be.
    for (const body of ['null', '5', 'true']) {
      const res = await request(makeApp().app).post(PV).set('Content-Type', 'application/json').send(body).expect(400);
      expect(res.body.issue[0].diagnostics).toMatch(/not a JSON object/);
    }
  });

  it('400 for a non-JSON content type (express 5 leaves req.body undefined)', async () => {
    const res = await request(makeApp().app).post(PV).set('Content-Type', 'text/plain').send(JSON.stringify(patientViewRequest())).expect(400);
    expectOperationOutcome(res.body);
    expect(res.body.issue[0].diagnostics).toMatch(/Content-Type: application\/json/);
  });

  it('400, not 500, for a body that does not inflate under its Content-Encoding (found by the fuzzer)', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      for (const body of ['', '{"hook": "patient-view"}']) {
        const res = await request(makeApp().app).post(PV).set('Content-Type', 'application/json').set('Content-Encoding', encoding).send(body);
        expect(res.status).toBe(400);
        expectOperationOutcome(res.body);
      }
    }
  });

  it('400 for no body at all', async () => {
    expectOperationOutcome((await request(makeApp().app).post(PV).expect(400)).body);
  });

  it('413 for a body over CDS_BODY_LIMIT', async () => {
    const { app } = makeApp({ config: { bodyLimitBytes: 1024 } });
    const body = patientViewRequest({ padding: 'x'.repeat(2048) });
    const res = await request(app).post(PV).send(body).expect(413);
    expectOperationOutcome(res.body);
    expect(res.body.issue[0].code).toBe('too-long');
  });

  it('404 for an unknown service, with an OperationOutcome', async () => {
    const res = await request(makeApp().app).post('/cds-services/no-such-service').send(patientViewRequest()).expect(404);
    expectOperationOutcome(res.body);
    expect(res.body.issue[0].code).toBe('not-found');
  });

  it('404 for an unknown path, and for an unknown service by any method; 405 for GET on a service', async () => {
    expectOperationOutcome((await request(makeApp().app).get('/nothing/here').expect(404)).body);
    const res = await request(makeApp().app).get(PV).expect(405);
    expect(res.headers.allow).toBe('POST');
    for (const method of ['get', 'put', 'delete'] as const) expectOperationOutcome((await request(makeApp().app)[method]('/cds-services/nope').expect(404)).body);
  });

  it('400 naming the URL, not the body, for a malformed %-escape in the path', async () => {
    for (const path of ['/cds-services/%E0%A4%A', '/guideline/%E0%A4%A']) {
      const res = await request(makeApp().app).get(path).expect(400);
      expectOperationOutcome(res.body);
      expect(res.body.issue[0].diagnostics).toMatch(/URL/);
      expect(res.body.issue[0].diagnostics).not.toMatch(/body/);
    }
  });

  it('a deceased patient with only the Patient prefetched and no fhirServer: no cards, not 412 (contract v2)', async () => {
    const only = { ...patientViewRequest(), prefetch: { patient: { resourceType: 'Patient', id: 'pat-1', deceasedBoolean: true } } };
    const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:') });
    expect((await request(app).post(PV).send(only).expect(200)).body).toEqual({ cards: [] });
    const living = { ...only, prefetch: { patient: { resourceType: 'Patient', id: 'pat-1' } } };
    expectOperationOutcome((await request(app).post(PV).send(living).expect(412)).body);
  });

  it('500 with a generic body, no stack and no message, when the engine throws', async () => {
    const engine = fakeEngine(() => {
      throw new Error('secret detail about Patient/pat-1');
    });
    const res = await request(makeApp({ engine }).app).post(PV).send(patientViewRequest()).expect(500);
    expectOperationOutcome(res.body);
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(res.body.issue[0].code).toBe('exception');
  });

  it('400, not 500, for odd but well-formed JSON anywhere in the request', async () => {
    const { app } = makeApp();
    const odd = [
      { ...patientViewRequest(), context: 'x' },
      { ...patientViewRequest(), fhirAuthorization: 'x', fhirServer: 'https://fhir.example.org' },
      { ...patientViewRequest(), prefetch: { patient: { resourceType: 7 } } },
      { ...patientViewRequest(), hookInstance: 12 },
      { ...patientViewRequest(), context: { userId: 'Practitioner/1', patientId: PATIENT_ID.repeat(40) } },
      { ...prescribingRequest('order-select'), context: { userId: 'x', patientId: PATIENT_ID, selections: [null], draftOrders: draftBundle() } },
    ];
    for (const body of odd) {
      const res = await request(app).post(odd.indexOf(body) === 5 ? '/cds-services/osteoporosis-order-select' : PV).send(body);
      expect(res.status).toBe(400);
      expectOperationOutcome(res.body);
    }
  });

  it('a patient resource with null entries elsewhere still works: null keys are "no data"', async () => {
    const { app, engine } = makeApp();
    const res = await request(app).post(PV).send({ ...patientViewRequest(), prefetch: { patient: patient(), ...NULL_PREFETCH } }).expect(200);
    expectValidResponse(res.body);
    expect(engine.inputs[0]!.data.unavailable).toEqual([]);
  });
});
