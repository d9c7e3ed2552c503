/**
 * End to end over HTTP with the real engine: how a draft's dosing is read decides the prescribing
 * cards of rules.md section 4 — `rx-dose-interval` ("alendronate 70 mg more than once a week;
 * denosumab 60 mg more often than every 6 months …; zoledronic acid 5 mg more than once a year")
 * and `rx-glucocorticoid-bone-protection` (card footnote * "prednisolon > 5 mg dgl. i 3 mdr.").
 * Each case has its control: the same request read the way it is meant.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { expectValidResponse } from '../helpers/response.js';

const NOW = '2026-11-26T10:00:00+01:00';
const TODAY = '2026-11-26';
const PATIENT = 'dosing-1950';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const UCUM = 'http://unitsofmeasure.org';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });

type Json = Record<string, unknown>;

const bundle = (resources: readonly object[]) => ({ resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) });

/** A patient of 76 with nothing else on record (no labs, no DXA, no medication). */
function prefetch(gender: 'female' | 'male' = 'female'): object {
  return {
    patient: { resourceType: 'Patient', id: PATIENT, gender, birthDate: '1950-02-01' },
    observations: bundle([]),
    conditions: bundle([]),
    medicationStatements: bundle([]),
    medicationRequests: bundle([]),
    medicationAdministrations: bundle([]),
    allergies: bundle([]),
    familyHistory: bundle([]),
  };
}

interface CardLike {
  readonly indicator: string;
  readonly summary: string;
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: Record<string, readonly string[]>;
  readonly suggestions?: readonly { readonly actions?: readonly { readonly type: string; readonly resource?: Json }[] }[];
}

/** The cards of an order-select with one selected draft, as the CDS Hooks sandbox sends it. */
async function cards(draft: Json, gender: 'female' | 'male' = 'female'): Promise<CardLike[]> {
  const ref = `${String(draft.resourceType)}/${String(draft.id)}`;
  const body = {
    hook: 'order-select',
    hookInstance: '5d3c2b1a-0000-4000-8000-000000000002',
    context: { userId: 'Practitioner/1', patientId: PATIENT, selections: [ref], draftOrders: { resourceType: 'Bundle', entry: [{ resource: draft }] } },
    prefetch: prefetch(gender),
  };
  const res = await request(app).post('/cds-services/osteoporosis-order-select').set('Accept-Language', 'da').send(body);
  expect(res.status).toBe(200);
  expectValidResponse(res.body);
  return (res.body as { cards: CardLike[] }).cards;
}

const topics = (list: readonly CardLike[]) => list.flatMap((c) => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?']);
const card = (list: readonly CardLike[], topic: string) => list.find((c) => c.source.topic?.code === topic);

/** A DSTU2 MedicationOrder as the sandbox drafts it on a DSTU2 FHIR server (docs/cds-hooks.md section 13). */
function medicationOrder(rxnorm: string, display: string, repeat: Json): Json {
  return {
    resourceType: 'MedicationOrder',
    id: 'request-123',
    status: 'draft',
    dateWritten: TODAY,
    patient: { reference: `Patient/${PATIENT}` },
    medicationCodeableConcept: { text: display, coding: [{ system: RXNORM, code: rxnorm, display }] },
    dosageInstruction: [{ doseQuantity: { value: 1, system: UCUM, code: '{pill}' }, timing: { repeat } }],
  };
}

describe('a DSTU2 MedicationOrder draft (repeat.periodUnits)', () => {
  it('alendronate 70 mg, 1 tablet a day: rx-dose-interval critical; the same once a week: none', async () => {
    const daily = await cards(medicationOrder('904431', 'Alendronic acid 70 MG Oral Tablet', { frequency: 1, period: 1, periodUnits: 'd' }));
    expect(card(daily, 'rx-dose-interval')?.indicator).toBe('critical');
    // The corrected order goes back in the draft's own version: DSTU2 `periodUnits`, the dose on the line.
    const update = card(daily, 'rx-dose-interval')?.suggestions?.[0]?.actions?.[0];
    expect(update).toMatchObject({ type: 'update', resource: { resourceType: 'MedicationOrder', dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnits: 'wk' } }, doseQuantity: { value: 70 } }] } });
    expect(update).not.toHaveProperty('resource.dosageInstruction.0.timing.repeat.periodUnit');
    const weekly = await cards(medicationOrder('904431', 'Alendronic acid 70 MG Oral Tablet', { frequency: 1, period: 1, periodUnits: 'wk' }));
    expect(topics(weekly)).not.toContain('rx-dose-interval');
    expect(topics(weekly)).toContain('rx-start-checklist');
  });

  it('prednisone 20 mg a day for 3 months (man of 76): the bone-protection warning; for 3 weeks: none', async () => {
    const course = (end: string) => medicationOrder('312615', 'prednisone 20 MG Oral Tablet', { frequency: 1, period: 1, periodUnits: 'd', boundsPeriod: { start: TODAY, end } });
    expect(card(await cards(course('2027-02-26'), 'male'), 'rx-glucocorticoid-bone-protection')?.extension['osteo-cds.reasons']).toContain('exposure-threshold');
    expect(topics(await cards(course('2026-12-16'), 'male'))).not.toContain('rx-glucocorticoid-bone-protection');
  });
});

/** A Danish alendronate 70 mg draft (ATC M05BA04) with this timing repeat, 1 tablet a dose. */
function alendronateRequest(repeat: Json, text = 'Alendronat "Teva" tabletter 70 mg'): Json {
  return {
    resourceType: 'MedicationRequest',
    id: 'aln-1',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text },
    subject: { reference: `Patient/${PATIENT}` },
    authoredOn: TODAY,
    dosageInstruction: [{ text: '1 tablet om mandagen', timing: { repeat }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
  };
}

describe('a daily rhythm on listed weekdays (repeat.dayOfWeek)', () => {
  it('alendronate 70 mg "1 per 1 d" on Mondays is weekly: no rx-dose-interval, and the start cards are shown', async () => {
    const list = await cards(alendronateRequest({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon'] }));
    expect(topics(list)).not.toContain('rx-dose-interval');
    expect(topics(list)).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-lab-missing']));
  });

  it('control: the same on every day of the week is daily — critical, and no start cards (rules.md section 4, v2)', async () => {
    const list = await cards(alendronateRequest({ frequency: 1, period: 1, periodUnit: 'd', dayOfWeek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }));
    expect(card(list, 'rx-dose-interval')?.indicator).toBe('critical');
    expect(topics(list)).not.toContain('rx-start-checklist');
  });

  it('"per 1 wk" on Mondays and Thursdays (no frequency: FHIR\'s default 1) is twice a week — critical; with Mondays alone, none', async () => {
    const twice = await cards(alendronateRequest({ period: 1, periodUnit: 'wk', dayOfWeek: ['mon', 'thu'] }));
    expect(card(twice, 'rx-dose-interval')?.indicator).toBe('critical');
    const once = await cards(alendronateRequest({ period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] }));
    expect(topics(once)).not.toContain('rx-dose-interval');
  });
});

/** An R4 draft of one unit a dose (as the EHRs send it), with this medication and timing repeat. */
function r4Draft(medicationCodeableConcept: Json, repeat: Json): Json {
  return {
    resourceType: 'MedicationRequest',
    id: 'rx-1',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept,
    subject: { reference: `Patient/${PATIENT}` },
    authoredOn: TODAY,
    dosageInstruction: [{ timing: { repeat }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
  };
}

const rxnorm = (code: string, display: string): Json => ({ coding: [{ system: RXNORM, code, display }], text: display });
const atc = (code: string, text: string): Json => ({ coding: [{ system: 'http://www.whocc.no/atc', code }], text });
const daily = { frequency: 1, period: 1, periodUnit: 'd' };
const every4Weeks = { frequency: 1, period: 4, periodUnit: 'wk' };

describe('rx-dose-interval is about alendronate 70 mg, denosumab 60 mg and zoledronic acid 5 mg (rules.md section 4)', () => {
  it('alendronate 40 mg daily (RxNorm 904405, Paget\'s disease) gets no dose-interval card; 70 mg daily does, with 70 mg weekly', async () => {
    expect(topics(await cards(r4Draft(rxnorm('904405', 'Alendronic acid 40 MG Oral Tablet'), daily)))).not.toContain('rx-dose-interval');
    const seventy = card(await cards(r4Draft(rxnorm('904431', 'Alendronic acid 70 MG Oral Tablet'), daily)), 'rx-dose-interval');
    expect(seventy?.indicator).toBe('critical');
    expect(seventy?.suggestions?.[0]?.actions?.[0]).toMatchObject({ type: 'update', resource: { dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 70 } }], timing: { repeat: { periodUnit: 'wk' } } }] } });
  });

  it('alendronate 35 mg daily (RxNorm 904396, the other weekly tablet) is corrected to 35 mg weekly — not 70 mg on a 35 mg tablet', async () => {
    const thirtyFive = card(await cards(r4Draft(rxnorm('904396', 'Alendronic acid 35 MG Oral Tablet'), daily)), 'rx-dose-interval');
    expect(thirtyFive?.indicator).toBe('critical');
    expect(thirtyFive?.summary).toContain('35 mg');
    expect(thirtyFive?.suggestions?.[0]?.actions?.[0]).toMatchObject({ type: 'update', resource: { dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 35 } }] }] } });
  });

  it('Zometa 4 mg/5 ml every 4 weeks (oncology, same ATC as Aclasta) gets no dose-interval card, as Xgeva 120 mg does not; Aclasta 5 mg/100 ml every 4 weeks is critical', async () => {
    // The safety checks stay (no labs on record: rx-lab-missing); the osteoporosis schedule and start cards are not said.
    expect(topics(await cards(r4Draft(atc('M05BA08', 'Zometa infusionskoncentrat 4 mg/5 ml'), every4Weeks)))).toEqual(['rx-lab-missing']);
    expect(topics(await cards(r4Draft(atc('M05BX04', 'Xgeva injektionsvæske 120 mg'), every4Weeks)))).toEqual(['rx-lab-missing']);
    expect(card(await cards(r4Draft(atc('M05BA08', 'Aclasta infusionsvæske 5 mg/100 ml'), every4Weeks)), 'rx-dose-interval')?.indicator).toBe('critical');
    // A strength not known (no amount in the text): taken for the osteoporosis product, the safer reading.
    expect(card(await cards(r4Draft(atc('M05BA08', 'Zoledronsyre infusionsvæske'), every4Weeks)), 'rx-dose-interval')?.indicator).toBe('critical');
  });
});
