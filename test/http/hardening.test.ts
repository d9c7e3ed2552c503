/**
 * Issue 13 (hardening), the evaluation side, over HTTP with the real engine: pathological free
 * text is answered quickly, deep nesting is never a 500, the caps answer 413, a call past its
 * budget gets 503, and /healthz answers while pathological calls run. Bounds are liveness bounds
 * from the contract ("answered within 3 s", "/healthz within 1 s"), not performance figures.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { identifyDrug } from '../../src/facts/drug-identity.js';
import { loadTerminology } from '../../src/terminology/index.js';
import { makeRealApp } from '../helpers/engine.js';

/** A fixture request as parsed JSON (its shape is the fixture's; tests reach into it freely). */
type Json = ReturnType<typeof JSON.parse>;
const fixture = (name: string): Json => JSON.parse(readFileSync(new URL(`../../fixtures/${name}/request.json`, import.meta.url), 'utf8'));
const PATIENT_VIEW = '/cds-services/osteoporosis-patient-view';
const ORDER_SIGN = '/cds-services/osteoporosis-order-sign';

function withBoneMarkerRange(rangeText: string): Json {
  const body = fixture('facts-danish-woman');
  body.prefetch.observations.entry.push({
    resource: {
      resourceType: 'Observation',
      id: 'ctx-padded',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '41171-0' }] },
      subject: { reference: `Patient/${body.context.patientId}` },
      effectiveDateTime: '2026-03-01',
      valueQuantity: { value: 0.3, unit: 'µg/L' },
      referenceRange: [{ text: rangeText }],
    },
  });
  return body;
}

function withDraftText(text: string): Json {
  const body = fixture('rx-order-sign-alendronate-egfr-low-danish');
  body.context.draftOrders.entry[0].resource.medicationCodeableConcept.text = text;
  return body;
}

async function timed(send: () => Promise<request.Response>): Promise<{ res: request.Response; ms: number }> {
  const started = performance.now();
  const res = await send();
  return { res, ms: performance.now() - started };
}

describe('free text of any length is answered within 3 s (finding 1)', () => {
  const { app } = makeRealApp();

  it('a premenopausal reference range padded with 3,000 spaces', async () => {
    const { res, ms } = await timed(() => request(app).post(PATIENT_VIEW).send(withBoneMarkerRange(`præmenopausale kvinder: middelværdi${' '.repeat(3000)}x`)));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
  }, 30_000);

  it('a medication text with 80,000 digits', async () => {
    const { res, ms } = await timed(() => request(app).post(ORDER_SIGN).send(withDraftText(`alendronat ${'7'.repeat(80_000)}`)));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
  }, 30_000);

  it('texts of up to 1 MB each: whitespace, digits, slashes', async () => {
    const body = withBoneMarkerRange(`pre-menopausal mean ${' '.repeat(1_000_000)}1`);
    body.prefetch.observations.entry[0].resource.valueString = `< ${'9'.repeat(1_000_000)}`;
    body.prefetch.observations.entry[0].resource.code.coding[0].system = `http://loinc.org${'/'.repeat(500_000)}x`;
    const { res, ms } = await timed(() => request(app).post(PATIENT_VIEW).send(body));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
  }, 30_000);

  it('a unit and a performer display of megabytes are answered within 3 s too (read only as far as a unit or a shown value goes)', async () => {
    const body = fixture('facts-danish-woman');
    const padded = { resourceType: 'Observation', id: 'long-unit', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '62292-8' }] }, subject: { reference: `Patient/${body.context.patientId}` }, effectiveDateTime: '2026-03-01', valueQuantity: { value: 80, unit: `nmol/L${'x'.repeat(4_000_000)}` }, performer: [{ display: `Klinisk Biokemisk Afdeling ${'x'.repeat(4_000_000)}` }] };
    body.prefetch.observations.entry.push({ resource: padded });
    const { res, ms } = await timed(() => request(app).post(PATIENT_VIEW).send(body));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
    expect(JSON.stringify(res.body).length).toBeLessThan(100_000);
  }, 30_000);

  it('6,000 future-dated Observations: one data-unavailable card within its 900 characters, every one in its evidence', async () => {
    const body = fixture('facts-danish-woman');
    for (let i = 0; i < 6000; i++) {
      body.prefetch.observations.entry.push({
        resource: { resourceType: 'Observation', id: `future-${i}`, status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '62238-1' }] }, subject: { reference: `Patient/${body.context.patientId}` }, effectiveDateTime: '2031-01-01', valueQuantity: { value: 60, unit: 'mL/min/{1.73_m2}' } },
      });
    }
    const { res, ms } = await timed(() => request(app).post(PATIENT_VIEW).send(body));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
    const card = res.body.cards.find((c: Json) => c.source.topic.code === 'data-unavailable');
    expect([...card.detail].length).toBeLessThanOrEqual(900);
    expect(card.extension['osteo-cds.evidence'].filter((r: string) => r.startsWith('Observation/future-'))).toHaveLength(6000);
  }, 30_000);

  it('free text longer than FHIR\'s 1 MB string, up to the body limit, is answered with cards (contract v2 "Limits")', async () => {
    // A 2,000,000-space reference range, and a 5 MB note on a medication statement.
    const body = withBoneMarkerRange(`pre-menopausal mean ${' '.repeat(2_000_000)}1`);
    body.prefetch.medicationStatements.entry.push({ resource: { resourceType: 'MedicationStatement', id: 'long-note', status: 'active', subject: { reference: `Patient/${body.context.patientId}` }, medicationCodeableConcept: { text: 'D-vitamin 20 mikrog' }, note: [{ text: `Patienten fortæller ${'bla '.repeat(1_250_000)}` }] } });
    const { res, ms } = await timed(() => request(app).post(PATIENT_VIEW).send(body));
    expect(res.status).toBe(200);
    expect(ms).toBeLessThan(3000);
    // The same cards as without the long texts: free text is read up to its first 1,000 characters.
    const plain = fixture('facts-danish-woman');
    const topics = (cards: readonly Json[]): unknown[] => cards.map((c) => c.source.topic);
    expect(topics(res.body.cards)).toEqual(topics((await request(app).post(PATIENT_VIEW).send(plain)).body.cards));
  }, 30_000);
});

describe('caps on resources per prefetch key and draft orders (finding 2)', () => {
  it('more draft orders than CDS_MAX_DRAFT_ORDERS → 413 with an OperationOutcome; at the cap → cards', async () => {
    const { app } = makeRealApp({ config: { maxDraftOrders: 5 } });
    const body = fixture('rx-order-sign-alendronate-egfr-low-danish');
    const entry = body.context.draftOrders.entry[0];
    const copies = (n: number) => Array.from({ length: n }, (_, i) => ({ ...entry, resource: { ...entry.resource, id: `draft-${i}` } }));
    body.context.draftOrders.entry = copies(6);
    const refused = await request(app).post(ORDER_SIGN).send(body);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'too-long' }] });
    expect(refused.body.issue[0].diagnostics).toContain('CDS_MAX_DRAFT_ORDERS');
    body.context.draftOrders.entry = copies(5);
    expect((await request(app).post(ORDER_SIGN).send(body)).status).toBe(200);
  });

  it('8,920 copies of one draft are refused with the default cap, not evaluated', async () => {
    const { app } = makeRealApp();
    const body = fixture('rx-order-sign-alendronate-egfr-low-danish');
    const entry = body.context.draftOrders.entry[0];
    body.context.draftOrders.entry = Array.from({ length: 8920 }, (_, i) => ({ ...entry, resource: { ...entry.resource, id: `d${i}` } }));
    const res = await request(app).post(ORDER_SIGN).set('content-type', 'application/json').send(JSON.stringify(body));
    expect(res.status).toBe(413);
  }, 30_000);

  it('more resources under one prefetch key than CDS_MAX_RESOURCES_PER_KEY → 413 naming the key', async () => {
    const { app } = makeRealApp({ config: { maxResourcesPerKey: 50 } });
    const body = fixture('facts-danish-woman');
    const statement = {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text: 'Alendronat 70 mg' },
      subject: { reference: `Patient/${body.context.patientId}` },
      effectivePeriod: { start: '2024-01-01' },
    };
    body.prefetch.medicationStatements = { resourceType: 'Bundle', type: 'searchset', entry: Array.from({ length: 51 }, (_, i) => ({ resource: { ...statement, id: `ms-${i}` } })) };
    const refused = await request(app).post(PATIENT_VIEW).send(body);
    expect(refused.status).toBe(413);
    expect(refused.body.resourceType).toBe('OperationOutcome');
    expect(refused.body.issue[0].diagnostics).toContain('prefetch.medicationStatements');
    body.prefetch.medicationStatements.entry = body.prefetch.medicationStatements.entry.slice(0, 50);
    expect((await request(app).post(PATIENT_VIEW).send(body)).status).toBe(200);
  });
});

describe('deep nesting is a 400 or a normal answer, never a 500 (finding 7)', () => {
  const { app } = makeRealApp();
  const deepConcept = (levels: number) =>
    '{"coding":[{"code":"x"}],"text":"y","extension":[{"url":"u","valueCodeableConcept":'.repeat(levels) + '{}' + '}]}'.repeat(levels);

  it('a medicationCodeableConcept nested 4,500 levels deep', async () => {
    const body = fixture('rx-order-sign-alendronate-egfr-low-danish');
    body.context.draftOrders.entry[0].resource.medicationCodeableConcept = 'DEEP';
    const text = JSON.stringify(body).replace('"DEEP"', deepConcept(4500));
    expect(text.length).toBeGreaterThan(300_000);
    const res = await request(app).post(ORDER_SIGN).set('content-type', 'application/json').send(text);
    expect([200, 400]).toContain(res.status);
    expect(res.body.resourceType === 'OperationOutcome' || Array.isArray(res.body.cards)).toBe(true);
  });

  it('arrays nested 200,000 levels deep → 400', async () => {
    const body = JSON.stringify(fixture('facts-danish-woman')).replace('"prefetch":{', `"extra":${'['.repeat(200_000)}${']'.repeat(200_000)},"prefetch":{`);
    const res = await request(app).post(PATIENT_VIEW).set('content-type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.body.issue[0].diagnostics).toContain('nested deeper');
  });

  // 3,000,000 empty arrays are 9 MB and gzip to 9 KB; `JSON.parse` of them held the event loop for seconds.
  it('more than 500,000 objects and arrays in a body → 413 before it is parsed, plain, gzipped or UTF-16', async () => {
    const body = JSON.stringify(fixture('facts-danish-woman')).replace('"prefetch":{', `"extra":[${Array.from({ length: 3_000_000 }, () => '[]').join(',')}],"prefetch":{`);
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((done) => server.once('listening', () => done()));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PATIENT_VIEW}`;
      // In UTF-16 (which body-parser decodes) 600,000 of them, within the body limit.
      const utf16 = Buffer.from(body.replace(/\[(?:\[\],)+\[\]\]/, `[${Array.from({ length: 600_000 }, () => '[]').join(',')}]`), 'utf16le');
      const calls = [
        [{ 'content-type': 'application/json' }, body],
        [{ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(body)],
        [{ 'content-type': 'application/json; charset=utf-16le' }, utf16],
      ] as const;
      for (const [headers, sent] of calls) {
        const res = await fetch(url, { method: 'POST', headers, body: sent });
        expect(res.status).toBe(413);
        expect(await res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ diagnostics: 'The request body holds more than 500000 JSON objects and arrays.' }] });
      }
    } finally {
      server.close();
    }
  }, 30_000);

  it('drug identification reads a bounded projection of a concept of any depth', () => {
    let concept: Record<string, unknown> = { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text: 'Alendronat 70 mg' };
    for (let i = 0; i < 20_000; i++) concept = { ...concept, extension: [{ url: 'u', valueCodeableConcept: concept }] };
    expect(identifyDrug({ concept }, loadTerminology())?.identity.drug).toBe('alendronate');
  });
});

describe('every call is answered or refused within CDS_REQUEST_TIMEOUT_MS (finding 3)', () => {
  let silent: Server | undefined;
  afterEach(() => new Promise<void>((done) => (silent === undefined ? done() : silent.close(() => done()))));

  it('a FHIR server that never answers: 503 with an OperationOutcome once the budget is spent', async () => {
    silent = createServer(() => undefined); // accepts, never answers
    silent.closeAllConnections();
    await new Promise<void>((done) => silent?.listen(0, '127.0.0.1', () => done()));
    const port = (silent.address() as AddressInfo).port;
    const { app } = makeRealApp({ config: { requestTimeoutMs: 300, fhirTimeoutMs: 20_000 } });
    const body = fixture('facts-danish-woman');
    delete body.prefetch.observations;
    body.fhirServer = `http://127.0.0.1:${port}/fhir`;
    const res = await request(app).post(PATIENT_VIEW).send(body);
    silent.closeAllConnections();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'timeout' }] });
  });

  it('/healthz answers within 1 s while pathological calls run', async () => {
    const { app } = makeRealApp();
    const server = app.listen(0, '127.0.0.1');
    await new Promise<void>((done) => server.once('listening', () => done()));
    try {
      const agent = request(server);
      const heavy = [
        withBoneMarkerRange(`premenopausal mean${' '.repeat(3000)}x`),
        withDraftText(`alendronat ${'1'.repeat(80_000)}`),
        withBoneMarkerRange(`premenopausal mean${' '.repeat(3000)}x`),
      ];
      const running = heavy.map((b, i) => agent.post(i === 1 ? ORDER_SIGN : PATIENT_VIEW).send(b));
      await new Promise((r) => setTimeout(r, 50));
      const { res, ms } = await timed(() => agent.get('/healthz'));
      expect(res.status).toBe(200);
      expect(ms).toBeLessThan(1000);
      for (const r of await Promise.all(running)) expect(r.status).toBe(200);
    } finally {
      server.close();
    }
  }, 60_000);
});
