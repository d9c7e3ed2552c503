/** Logs: one JSON line per request with a request id; no patient data, tokens or bodies at any level. */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import nock from 'nock';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { fakeEngine, makeApp } from '../helpers/app.js';
import { makeRealApp } from '../helpers/engine.js';
import { jwks, makeKey, nowS, signToken, writeJwksFile } from '../helpers/jwt.js';
import { FHIR_BASE, FHIR_ORIGIN, PATIENT_ID, TOKEN, patient, patientViewRequest, searchset } from '../helpers/fhir.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('trace', stream), lines };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe('request logs', () => {
  it('log service id, status, card count and topics with the request id, and nothing of the patient, token or body', async () => {
    const { logger, lines } = capture();
    const { app } = makeApp({ logger });
    nock(FHIR_ORIGIN)
      .get(`/r4/Patient/${PATIENT_ID}`)
      .reply(200, patient())
      .get(/.*/)
      .times(7)
      .reply(200, searchset([]));
    const body = patientViewRequest({
      fhirServer: FHIR_BASE,
      fhirAuthorization: { access_token: TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'x' },
      extension: { note: 'BODY-MARKER' },
    });
    delete body.prefetch;
    await request(app).post('/cds-services/osteoporosis-patient-view').set('x-request-id', 'req-42').send(body).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').send({ ...body, context: { patientId: 'BAD PATIENT ID' } }).expect(400);
    await request(app)
      .post('/cds-services/osteoporosis-order-select/feedback')
      .send({ feedback: [{ card: '2f1a4b7e-3c9d-4e8f-a1b2-c3d4e5f60718', outcome: 'overridden', overrideReason: { userComment: 'COMMENT-MARKER' }, outcomeTimestamp: '2025-01-01T00:00:00Z' }] })
      .expect(200);

    const all = lines.join('\n');
    for (const secret of [PATIENT_ID, TOKEN, 'BODY-MARKER', 'BAD PATIENT ID', 'COMMENT-MARKER', '1950-03-04', 'fhir.example.org']) {
      expect(all).not.toContain(secret);
    }
    const finished = lines.map((l) => JSON.parse(l)).find((l) => l.requestId === 'req-42' && l.msg === 'request completed');
    expect(finished).toMatchObject({ serviceId: 'osteoporosis-patient-view', status: 200, cards: 1, topics: ['bone-healthy-lifestyle'], method: 'POST' });
    expect(typeof finished.durationMs).toBe('number');
  });
});

/**
 * The whole scenario at trace level, with the real engine and JWT authentication on: a
 * patient-view of a realistic patient (names, birth date, CPR and phone), an order-sign, feedback
 * with a free-text comment, a 400, a 412, a FHIR fallback with an access token, JWT-authenticated
 * calls and a refused token, and an engine failure whose message quotes the patient. Nothing of
 * the patient, no token and no resource JSON may appear in any log line.
 */
describe('log privacy over a full scenario', () => {
  const PID = 'pt-7f3c9a21';
  const FAMILY = 'Sørensen-Privatsen';
  const GIVEN = 'Karenmargrethe';
  const BIRTH = '1948-11-23';
  const CPR = '2311484242';
  const PHONE = '+45 29 71 83 64';
  const ACCESS_TOKEN = 'fhir-access-token-3b9d1c7e5a';
  const COMMENT = 'Ringede til Karenmargrethe om knoglescanning';
  const ISS = 'https://ehr.example.org';
  const HOST = 'localhost:3000';

  const realPatient = {
    resourceType: 'Patient',
    id: PID,
    identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: CPR }],
    name: [{ family: FAMILY, given: [GIVEN] }],
    telecom: [{ system: 'phone', value: PHONE }],
    gender: 'female',
    birthDate: BIRTH,
    address: [{ line: ['Privatvej 17'], city: 'Hemmeligby', postalCode: '9999' }],
  };
  const subject = { reference: `Patient/${PID}`, display: `${GIVEN} ${FAMILY}` };
  const observations = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      { resource: { resourceType: 'Observation', id: 'obs-tscore-91', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '38267-1' }] }, subject, effectiveDateTime: '2025-01-10', valueQuantity: { value: -2.8, unit: '{T-score}', system: 'http://unitsofmeasure.org', code: '{T-score}' } } },
      { resource: { resourceType: 'Observation', id: 'obs-egfr-92', status: 'final', code: { coding: [{ system: 'urn:oid:1.2.208.176.2.1', code: 'DNK35302' }] }, subject, effectiveDateTime: '2025-05-01', valueQuantity: { value: 28, unit: 'mL/min/1,73 m2' } } },
    ],
  };
  const conditions = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [{ resource: { resourceType: 'Condition', id: 'cond-fracture-93', subject, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'S72.0' }] }, onsetDateTime: '2024-03-02', note: [{ text: `${GIVEN} faldt i haven` }] } }],
  };
  const medications = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [{ resource: { resourceType: 'MedicationStatement', id: 'ms-alendronate-94', status: 'active', subject, medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }] }, effectivePeriod: { start: '2019-01-01' } } }],
  };
  const prefetch = {
    patient: realPatient,
    observations,
    conditions,
    medicationStatements: medications,
    medicationRequests: null,
    medicationAdministrations: null,
    allergies: null,
    familyHistory: null,
  };
  const draft = {
    resourceType: 'MedicationRequest',
    id: 'draft-denosumab-95',
    status: 'draft',
    intent: 'order',
    subject,
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BX04' }] },
  };

  it('holds no patient data, token or resource JSON at any level', async () => {
    const { logger, lines } = capture();
    const key = await makeKey('ES384', 'ehr-key-1');
    const { app } = makeRealApp({ logger, config: { trustedIssuers: { [ISS]: { jwks: writeJwksFile(jwks(key)), fhirServers: [FHIR_BASE] } } } });
    const tokens: string[] = [];
    const bearer = async (path: string): Promise<string> => {
      const token = await signToken(key, ISS, `http://${HOST}${path}`);
      tokens.push(token);
      return `Bearer ${token}`;
    };
    const call = async (path: string, body: unknown, expected: number): Promise<void> => {
      const res = await request(app).post(path).set('Host', HOST).set('Authorization', await bearer(path)).send(body as object);
      expect(res.status).toBe(expected);
    };
    const context = { userId: 'Practitioner/gp-1', patientId: PID };

    // Discovery, a patient-view and an order-sign with full prefetch.
    const discovery = await request(app).get('/cds-services').set('Host', HOST).set('Authorization', await bearer('/cds-services'));
    expect(discovery.status).toBe(200);
    await call('/cds-services/osteoporosis-patient-view', { hook: 'patient-view', hookInstance: randomUUID(), context, prefetch }, 200);
    await call(
      '/cds-services/osteoporosis-order-sign',
      { hook: 'order-sign', hookInstance: randomUUID(), context: { ...context, draftOrders: { resourceType: 'Bundle', entry: [{ resource: draft }] } }, prefetch },
      200,
    );
    // The FHIR fallback with an access token: the Patient and searches from the server.
    nock(FHIR_ORIGIN)
      .get(`/r4/Patient/${PID}`)
      .reply(200, realPatient)
      .get('/r4/Observation')
      .query(true)
      .reply(200, observations)
      .get('/r4/Condition')
      .query(true)
      .reply(500, '<html>Internal error for patient ' + FAMILY + '</html>')
      .get(/\/r4\/.*/)
      .times(5)
      .reply(200, searchset([]));
    await call(
      '/cds-services/osteoporosis-patient-view',
      { hook: 'patient-view', hookInstance: randomUUID(), context, fhirServer: FHIR_BASE, fhirAuthorization: { access_token: ACCESS_TOKEN, token_type: 'Bearer', expires_in: 300, scope: 'patient/*.read', subject: 'osteo-cds' } },
      200,
    );
    // Feedback with a free-text comment naming the patient.
    await call(
      '/cds-services/osteoporosis-patient-view/feedback',
      { feedback: [{ card: randomUUID(), outcome: 'overridden', overrideReason: { reason: { code: 'patient-declined' }, userComment: COMMENT }, outcomeTimestamp: '2025-06-01T10:00:00Z' }] },
      200,
    );
    // A 400 whose invalid field holds the patient's name; a 412 (the Patient is null).
    await call('/cds-services/osteoporosis-patient-view', { hook: 'patient-view', hookInstance: randomUUID(), context: { ...context, patientId: `${GIVEN} ${FAMILY}` }, prefetch }, 400);
    await call('/cds-services/osteoporosis-patient-view', { hook: 'patient-view', hookInstance: randomUUID(), context, prefetch: { ...prefetch, patient: null } }, 412);
    // A refused JWT (expired): the reason is logged at debug, the token is not.
    const expired = await signToken(key, ISS, `http://${HOST}/cds-services`, { claims: { iat: nowS() - 1000, exp: nowS() - 600 } });
    tokens.push(expired);
    await request(app).get('/cds-services').set('Host', HOST).set('Authorization', `Bearer ${expired}`).expect(401);

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(8);
    const secrets = [PID, FAMILY, GIVEN, BIRTH, CPR, PHONE, ACCESS_TOKEN, COMMENT, 'Privatvej', 'Hemmeligby', 'fhir.example.org', 'draft-denosumab-95', 'obs-tscore-91', 'cond-fracture-93', 'faldt i haven'];
    for (const secret of secrets) expect(all, secret).not.toContain(secret);
    for (const token of tokens) for (const part of token.split('.')) expect(all).not.toContain(part);
    for (const fragment of ['"resourceType"', '"valueQuantity"', '"coding"', '"entry"', '"birthDate"', 'Bearer ']) expect(all, fragment).not.toContain(fragment);
    // What is logged: the request lines with their safe fields, and the refusal at debug.
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.filter((l) => l.msg === 'request completed').map((l) => l.status)).toEqual([200, 200, 200, 200, 200, 400, 412, 401]);
    expect(parsed.find((l) => l.msg === 'authentication failed')).toMatchObject({ authFailure: 'expired', iss: ISS, kid: 'ehr-key-1' });
  });

  it('an engine failure whose message quotes the patient logs the error name and code frames only', async () => {
    const { logger, lines } = capture();
    const engine = fakeEngine(() => {
      throw new TypeError(`cannot read ${FAMILY} ${CPR}`);
    });
    const { app } = makeApp({ logger, engine });
    await request(app).post('/cds-services/osteoporosis-patient-view').send(patientViewRequest()).expect(500);
    const all = lines.join('\n');
    for (const secret of [FAMILY, CPR, PATIENT_ID, '1950-03-04']) expect(all).not.toContain(secret);
    expect(lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error')).toMatchObject({ errorName: 'TypeError' });
  });
});
