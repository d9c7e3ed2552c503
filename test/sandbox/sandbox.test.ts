/**
 * The sandbox kit end to end: the fixture FHIR server (`npm run fhir-fixtures`) and the service,
 * each on a random port, driven by a replay of the CDS Hooks sandbox's requests — its start-up
 * reads of the FHIR server, discovery, prefetch filled by POST {type}/_search (failed keys
 * omitted), no fhirAuthorization, order-select drafts in RxNorm with `category` as an object and
 * no `Bundle.type` — and one call with no prefetch at all, so the service fetches from the fixture
 * server itself. Every patient-view fixture gives its expected topics this way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createFixtureFhirApp } from '../../src/fixtures-server/app.js';
import { loadFixtureData } from '../../src/fixtures-server/store.js';
import { createApp } from '../../src/http/app.js';
import { callService, completePrefetch, discover, loadPatient, sandboxDraft, type DiscoveredService, type PrefetchLog } from '../helpers/sandbox-client.js';
import { expectValidResponse } from '../helpers/response.js';

const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));
interface Expected {
  service: string;
  now: string;
  topics: string[];
  status?: number;
}
const expectedOf = (name: string): Expected => JSON.parse(readFileSync(new URL(`../../fixtures/${name}/expected.json`, import.meta.url), 'utf8')) as Expected;
const requestOf = (name: string): { context: Record<string, unknown> } => JSON.parse(readFileSync(new URL(`../../fixtures/${name}/request.json`, import.meta.url), 'utf8')) as { context: Record<string, unknown> };

let fhirServer: Server;
let cdsServer: Server;
let fhir: string;
let discoveryUrl: string;
let now = new Date('2026-11-26T10:00:00+01:00');
let services: DiscoveredService[];

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  fhirServer = createServer(createFixtureFhirApp(loadFixtureData(fixturesDir)));
  fhir = await listen(fhirServer);
  const config = testConfig();
  cdsServer = createServer(createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => now }));
  discoveryUrl = `${await listen(cdsServer)}/cds-services`;
  services = await discover(discoveryUrl);
});

afterAll(async () => {
  await Promise.all([fhirServer, cdsServer].map((s) => new Promise((resolve) => s?.close(resolve))));
});

const service = (id: string): DiscoveredService => {
  const found = services.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no service ${id}`);
  return found;
};
/** Every topic the answer carries, folded ones included (rules.md section 6). */
const topicsOf = (body: unknown): string[] =>
  (body as { cards: { source: { topic: { code: string } }; extension: Record<string, unknown> }[] }).cards
    .flatMap((c) => (c.extension['osteo-cds.topics'] as string[] | undefined) ?? [c.source.topic.code])
    .sort();

/** Patient-view fixtures whose patient the fixture server serves (each patient once). */
const patientViewFixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((name) => expectedOf(name).service === 'osteoporosis-patient-view' && (expectedOf(name).status ?? 200) === 200)
  .sort();

describe('the fixture FHIR server does what the sandbox needs', () => {
  it('CapabilityStatement R4, a Patient with given names as an array, Conditions with total, code and text; CORS', async () => {
    const { metadata, patient, conditions } = await loadPatient(fhir, 'smart-1288992');
    expect(metadata).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    const name = (patient as { name?: { given?: unknown }[] }).name;
    if (name !== undefined) expect(Array.isArray(name[0]?.given)).toBe(true);
    const bundle = conditions as { total: number; entry: { resource: { code: { coding: { code: string }[]; text: string } } }[] };
    expect(bundle.total).toBeGreaterThan(0);
    for (const e of bundle.entry) {
      expect(typeof e.resource.code.coding[0]?.code).toBe('string');
      expect(typeof e.resource.code.text).toBe('string');
    }
    const res = await fetch(`${fhir}/Patient`, { headers: { Origin: 'https://sandbox.cds-hooks.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(5);
  });

  it('serves every fixture patient once, with unique ids', () => {
    const data = loadFixtureData(fixturesDir);
    const ids = readdirSync(fixturesDir).flatMap((name) => {
      try {
        return [String(requestOf(name).context.patientId)];
      } catch {
        return [];
      }
    });
    expect([...data.patients.keys()].sort()).toEqual([...new Set(ids)].sort());
    expect(data.problems).toEqual([]);
  });

  it('answers a comma code list by POST {type}/_search, and is read-only', async () => {
    const form = new URLSearchParams({ patient: 'smart-1288992', code: 'http://loinc.org|38265-5,1989-3,no-such-code,http://snomed.info/sct|2160-0' });
    const res = await fetch(`${fhir}/Observation/_search`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    const bundle = (await res.json()) as { total: number; entry: { resource: { id: string } }[] };
    expect(bundle.entry.map((e) => e.resource.id).sort()).toEqual(['dxa-tscore', 'vitd']);
    expect(bundle.total).toBe(2);
    expect((await fetch(`${fhir}/Patient/smart-1288992`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${fhir}/fhir/Patient/no-such-patient`)).status).toBe(404);
  });
});

describe('the sandbox replayed against the service and the fixture server', () => {
  it('discovers the services with prefetch templates the sandbox can fill', () => {
    expect(services.map((s) => s.id)).toContain('osteoporosis-patient-view');
    for (const s of services) for (const t of Object.values(s.prefetch ?? {})) expect(t).not.toMatch(/\{\{(?!context\.patientId\}\})/);
  });

  it.each(patientViewFixtures)('patient-view for %s gives the fixture’s topics, prefetched as the sandbox does', async (name) => {
    const expected = expectedOf(name);
    now = new Date(expected.now);
    const patientId = String(requestOf(name).context.patientId);
    const context = { userId: 'Practitioner/COREPRACTITIONER1', patientId };
    const log: PrefetchLog[] = [];
    const prefetch = await completePrefetch(service('osteoporosis-patient-view'), context, fhir, log);
    expect(log.filter((l) => l.method === 'POST').every((l) => l.status === 200)).toBe(true);
    const res = await callService(discoveryUrl, service('osteoporosis-patient-view'), context, fhir, prefetch);
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(topicsOf(res.body)).toEqual([...expected.topics].sort());
  });

  it('patient-view with NO prefetch: the service fetches everything from the fixture server itself', async () => {
    const expected = expectedOf('facts-sandbox-man');
    now = new Date(expected.now);
    const context = { userId: 'Practitioner/COREPRACTITIONER1', patientId: 'smart-1288992' };
    const res = await callService(discoveryUrl, service('osteoporosis-patient-view'), context, fhir, undefined);
    expect(res.status).toBe(200);
    expect(topicsOf(res.body)).toEqual([...expected.topics].sort());
  });

  it('keys the sandbox could not fill are omitted, and the service fetches just those', async () => {
    now = new Date(expectedOf('facts-sandbox-man').now);
    const context = { userId: 'Practitioner/COREPRACTITIONER1', patientId: 'smart-1288992' };
    const full = await completePrefetch(service('osteoporosis-patient-view'), context, fhir);
    const { observations: _o, conditions: _c, ...partial } = full ?? {};
    const res = await callService(discoveryUrl, service('osteoporosis-patient-view'), context, fhir, partial);
    expect(topicsOf(res.body)).toEqual([...expectedOf('facts-sandbox-man').topics].sort());
  });

  it('order-select with the sandbox’s own draft (RxNorm 904431, category as an object, no Bundle.type, selections)', async () => {
    const name = 'rx-order-select-sandbox-alendronate-dysphagia';
    const expected = expectedOf(name);
    now = new Date(expected.now);
    const patientId = String(requestOf(name).context.patientId);
    const draft = sandboxDraft(patientId, '904431', 'Alendronic acid 70 MG Oral Tablet');
    const context = { userId: 'Practitioner/COREPRACTITIONER1', patientId, selections: ['MedicationRequest/request-123'], draftOrders: { resourceType: 'Bundle', entry: [{ resource: draft }] } };
    const prefetch = await completePrefetch(service('osteoporosis-order-select'), context, fhir);
    const res = await callService(discoveryUrl, service('osteoporosis-order-select'), context, fhir, prefetch);
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(topicsOf(res.body)).toEqual([...expected.topics].sort());
    // The draft handed back (switch to the effervescent tablet) is valid R4: `category` as a list of one.
    const updates = (res.body as { cards: { suggestions?: { actions?: { type: string; resource?: unknown }[] }[] }[] }).cards
      .flatMap((c) => c.suggestions ?? [])
      .flatMap((s) => s.actions ?? [])
      .filter((a) => a.type === 'update');
    expect(updates).toHaveLength(1);
    expect(updates[0]?.resource).toMatchObject({ id: 'request-123', category: [draft.category] });
  });

  it('order-sign for the sandbox man with an alendronate draft answers prescribing cards only', async () => {
    now = new Date('2026-11-26T10:00:00+01:00');
    const draft = sandboxDraft('smart-1288992', '904431', 'Alendronic acid 70 MG Oral Tablet');
    const context = { userId: 'Practitioner/COREPRACTITIONER1', patientId: 'smart-1288992', draftOrders: { resourceType: 'Bundle', entry: [{ resource: draft }] } };
    const prefetch = await completePrefetch(service('osteoporosis-order-sign'), context, fhir);
    const res = await callService(discoveryUrl, service('osteoporosis-order-sign'), context, fhir, prefetch);
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
    expect(topicsOf(res.body).every((t) => t.startsWith('rx-'))).toBe(true);
  });
});
