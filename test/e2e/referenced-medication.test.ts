/**
 * End to end over HTTP (the FHIR server is nock): records and draft orders that name their drug only
 * by `Medication/<id>`, with no display, and a prefetch that does not hold that Medication — as many
 * EHRs send a MedicationRequest search. The Medication is read from fhirServer, so the drug is
 * known: the denosumab injection 8 months ago is overdue, the draft is judged as alendronate. A
 * Medication the server cannot give leaves the record named as unidentified, as before.
 */
import nock from 'nock';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { AUTH, FHIR_BASE, FHIR_ORIGIN, TOKEN, recordPrefetch } from '../helpers/fhir.js';
import { reasonsOf, topicsOf, type CardLike } from '../helpers/hook-cards.js';
import { expectValidResponse } from '../helpers/response.js';
import { onlyNockAndLoopback } from '../helpers/offline.js';

const NOW = '2026-12-07T10:00:00+01:00';
const PATIENT = 'ref-med-1950';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });
const subject = { reference: `Patient/${PATIENT}` };
const ATC = 'http://www.whocc.no/atc';

const PROLIA = { resourceType: 'Medication', id: 'prolia-60', code: { coding: [{ system: ATC, code: 'M05BX04', display: 'Denosumab' }], text: 'Prolia 60 mg injektionsvæske' } };
const ALENDRONATE = { resourceType: 'Medication', id: 'alen-70', code: { coding: [{ system: ATC, code: 'M05BA04', display: 'Alendronsyre' }], text: 'Alendronat 70 mg tablet' } };

function injection(id: string, date: string, reference: string): object {
  return { resourceType: 'MedicationAdministration', id, status: 'completed', subject, effectiveDateTime: date, medicationReference: { reference } };
}

function prefetch(reference = 'Medication/prolia-60'): object {
  return recordPrefetch(
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1950-05-01' },
    { medicationAdministrations: [injection('inj-1', '2025-10-02', reference), injection('inj-2', '2026-04-01', reference)] },
  );
}

async function cards(hook: 'patient-view' | 'order-sign', body: object): Promise<CardLike[]> {
  const res = await request(app).post(`/cds-services/osteoporosis-${hook}`).send({ hook, hookInstance: '5d3c2b1a-0000-4000-8000-000000000003', fhirServer: FHIR_BASE, fhirAuthorization: AUTH, ...body });
  expect(res.status).toBe(200);
  expectValidResponse(res.body);
  return (res.body as { cards: CardLike[] }).cards;
}

onlyNockAndLoopback();

describe('a Medication named only by reference is read from fhirServer', () => {
  it('denosumab given 8 months ago, recorded by Medication/<id>: read with the bearer token, the injection is overdue', async () => {
    const server = nock(FHIR_ORIGIN, { reqheaders: { authorization: `Bearer ${TOKEN}` } }).get('/r4/Medication/prolia-60').once().reply(200, PROLIA);
    const list = await cards('patient-view', { context: { userId: 'Practitioner/1', patientId: PATIENT }, prefetch: prefetch() });
    expect(server.isDone()).toBe(true);
    expect(topicsOf(list)).toContain('denosumab-overdue');
    expect(reasonsOf(list, 'data-unavailable') ?? []).not.toContain('medication-unidentified');
  });

  it('an absolute reference under fhirServer is read the same way', async () => {
    const server = nock(FHIR_ORIGIN).get('/r4/Medication/prolia-60').reply(200, PROLIA);
    const list = await cards('patient-view', { context: { userId: 'Practitioner/1', patientId: PATIENT }, prefetch: prefetch(`${FHIR_BASE}/Medication/prolia-60`) });
    expect(server.isDone()).toBe(true);
    expect(topicsOf(list)).toContain('denosumab-overdue');
  });

  it('the server has no such Medication (404): the injections are named as unidentified, as without a server', async () => {
    nock(FHIR_ORIGIN).get('/r4/Medication/prolia-60').reply(404, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
    const list = await cards('patient-view', { context: { userId: 'Practitioner/1', patientId: PATIENT }, prefetch: prefetch() });
    expect(reasonsOf(list, 'data-unavailable')).toContain('medication-unidentified');
    expect(topicsOf(list)).not.toContain('denosumab-overdue');
  });

  it('the server answers with another resource: not taken for the Medication', async () => {
    nock(FHIR_ORIGIN).get('/r4/Medication/prolia-60').reply(200, { ...ALENDRONATE, id: 'prolia-60', resourceType: 'Substance' });
    const list = await cards('patient-view', { context: { userId: 'Practitioner/1', patientId: PATIENT }, prefetch: prefetch() });
    expect(reasonsOf(list, 'data-unavailable')).toContain('medication-unidentified');
  });

  it("a reference to another server's Medication is never read there (the token stays with fhirServer)", async () => {
    const elsewhere = nock('https://other.example.org').get(/.*/).reply(200, PROLIA);
    const list = await cards('patient-view', { context: { userId: 'Practitioner/1', patientId: PATIENT }, prefetch: prefetch('https://other.example.org/fhir/Medication/prolia-60') });
    expect(elsewhere.isDone()).toBe(false);
    expect(reasonsOf(list, 'data-unavailable')).toContain('medication-unidentified');
  });

  it("order-sign: a draft naming its drug by Medication/<id> is judged as that drug (alendronate 70 mg once a day: the weekly dose's critical)", async () => {
    nock(FHIR_ORIGIN).get('/r4/Medication/alen-70').reply(200, ALENDRONATE);
    const draft = {
      resourceType: 'MedicationRequest',
      id: 'draft-1',
      status: 'draft',
      intent: 'order',
      subject,
      authoredOn: '2026-12-07',
      medicationReference: { reference: 'Medication/alen-70' },
      dosageInstruction: [{ text: '1 tablet dagligt', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
    };
    const list = await cards('order-sign', {
      context: { userId: 'Practitioner/1', patientId: PATIENT, draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft }] } },
      prefetch: recordPrefetch({ resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1950-05-01' }),
    });
    expect(topicsOf(list)).toContain('rx-dose-interval');
    expect(reasonsOf(list, 'data-unavailable') ?? []).not.toContain('medication-unidentified');
  });
});
