/**
 * End to end over HTTP with the real engine: a US prescription whose dosage is only a sig text
 * ("Take 7.5 mg by mouth once daily") reaches glucocorticoid exposure (rules.md section 1, card
 * footnote * "prednisolon > 5 mg dgl. i 3 mdr."), and a sig read as daily or weekly decides
 * `rx-dose-interval` (section 4). The same requests with an unreadable sig ("Take as directed") are
 * the controls: no dose, no exposure.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { expectValidResponse } from '../helpers/response.js';

const NOW = '2026-11-26T10:00:00+01:00';
const PATIENT = 'us-sig-1956';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });

const bundle = (resources: readonly object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });

/** RxNorm 198142 "prednisoLONE 5 MG Oral Tablet" (terminology.json, glucocorticoids-systemic). */
const prednisolone5 = { coding: [{ system: RXNORM, code: '198142', display: 'prednisoLONE 5 MG Oral Tablet' }], text: 'prednisoLONE 5 MG Oral Tablet' };

function prescription(sig: string): object {
  return {
    resourceType: 'MedicationRequest',
    id: 'pred-sig',
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: prednisolone5,
    subject: { reference: `Patient/${PATIENT}` },
    // Six months before now; no end, no structured timing or dose: the sig is all there is.
    authoredOn: '2026-05-26',
    dosageInstruction: [{ text: sig }],
  };
}

/** A woman of 70 with a femoral neck T-score of −1.8 from October 2026 (osteopenia, not osteoporosis). */
function prefetch(medicationRequests: readonly object[]): object {
  return {
    patient: { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1956-03-02' },
    observations: bundle([
      {
        resourceType: 'Observation',
        id: 'dxa-neck',
        status: 'final',
        code: { coding: [{ system: 'http://loinc.org', code: '38263-0', display: 'DXA Femur [T-score]' }] },
        subject: { reference: `Patient/${PATIENT}` },
        effectiveDateTime: '2026-10-15',
        valueQuantity: { value: -1.8, unit: '{T-score}' },
      },
    ]),
    conditions: bundle([]),
    medicationStatements: bundle([]),
    medicationRequests: bundle(medicationRequests),
    medicationAdministrations: bundle([]),
    allergies: bundle([]),
    familyHistory: bundle([]),
  };
}

interface CardLike {
  readonly indicator: string;
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: Record<string, readonly string[]>;
}

async function cards(service: string, context: object, data: object): Promise<CardLike[]> {
  const body = { hook: service.replace('osteoporosis-', ''), hookInstance: '5d3c2b1a-0000-4000-8000-000000000001', context: { userId: 'Practitioner/1', patientId: PATIENT, ...context }, prefetch: data };
  const res = await request(app).post(`/cds-services/${service}`).set('Accept-Language', 'en').send(body);
  expect(res.status).toBe(200);
  expectValidResponse(res.body);
  return (res.body as { cards: CardLike[] }).cards;
}

const topics = (list: readonly CardLike[]) => list.flatMap((c) => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?']);
const reasonsOf = (list: readonly CardLike[], topic: string) => list.find((c) => topics([c]).includes(topic))?.extension['osteo-cds.reasons'];

describe('patient-view: prednisolone prescribed as a US sig only', () => {
  it('"Take 7.5 mg by mouth once daily" for 6 months is glucocorticoid exposure: treatment is indicated at T-score −1.8', async () => {
    const list = await cards('osteoporosis-patient-view', {}, prefetch([prescription('Take 7.5 mg by mouth once daily')]));
    expect(topics(list)).toContain('treatment-indicated');
    expect(reasonsOf(list, 'treatment-indicated')).toEqual(expect.arrayContaining(['glucocorticoid-t-score', 'risk-glucocorticoid']));
  });

  it('control: "Take as directed" names no dose — use without a number, no exposure, no indication', async () => {
    const list = await cards('osteoporosis-patient-view', {}, prefetch([prescription('Take as directed')]));
    expect(topics(list)).not.toContain('treatment-indicated');
  });
});

describe('order-sign: drafts written as US sigs', () => {
  const draftOrder = (medication: object, sig: string, supplyDays?: number) => ({
    draftOrders: bundle([
      {
        resourceType: 'MedicationRequest',
        id: 'draft-1',
        status: 'draft',
        intent: 'order',
        medicationCodeableConcept: medication,
        subject: { reference: `Patient/${PATIENT}` },
        authoredOn: '2026-11-26',
        dosageInstruction: [{ text: sig }],
        ...(supplyDays === undefined ? {} : { dispenseRequest: { expectedSupplyDuration: { value: supplyDays, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } }),
      },
    ]),
  });

  it('prednisolone 5 mg "Take 7.5 mg by mouth once daily" for 92 days gets the bone-protection warning', async () => {
    const list = await cards('osteoporosis-order-sign', draftOrder(prednisolone5, 'Take 7.5 mg by mouth once daily', 92), prefetch([]));
    expect(topics(list)).toContain('rx-glucocorticoid-bone-protection');
    expect(reasonsOf(list, 'rx-glucocorticoid-bone-protection')).toContain('exposure-threshold');
  });

  it('controls: "1/2 tablet daily" is 2.5 mg a day (230 mg in 92 days), "as directed" no dose — no warning', async () => {
    // "1/2 tablet" was once read as "2 tablets": 10 mg a day, a warning for half a tablet.
    const half = await cards('osteoporosis-order-sign', draftOrder(prednisolone5, '1/2 tablet by mouth daily', 92), prefetch([]));
    expect(topics(half)).not.toContain('rx-glucocorticoid-bone-protection');
    const unread = await cards('osteoporosis-order-sign', draftOrder(prednisolone5, 'Take as directed', 92), prefetch([]));
    expect(topics(unread)).not.toContain('rx-glucocorticoid-bone-protection');
  });

  it('alendronate 70 mg "1 tablet QD" is daily: critical rx-dose-interval; "1 tablet QW" is weekly: none', async () => {
    const alendronate = { coding: [{ system: RXNORM, code: '904431', display: 'Alendronic acid 70 MG Oral Tablet' }] };
    const daily = await cards('osteoporosis-order-sign', draftOrder(alendronate, '1 tablet QD'), prefetch([]));
    expect(daily.find((c) => c.source.topic?.code === 'rx-dose-interval')?.indicator).toBe('critical');
    const weekly = await cards('osteoporosis-order-sign', draftOrder(alendronate, '1 tablet QW'), prefetch([]));
    expect(topics(weekly)).not.toContain('rx-dose-interval');
  });
});
