/** Logs: one JSON line per request with a request id; no patient data, tokens or bodies at any level. */
import { Writable } from 'node:stream';
import nock from 'nock';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { makeApp } from '../helpers/app.js';
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
