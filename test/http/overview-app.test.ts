/**
 * The overview app's routes (/app/, issue #17) and the links the cards carry to it: the static
 * files under a CSP of their own (scripts from 'self' only), /app/config.json, and for cards about
 * the course a `smart` link to launch.html plus an `absolute` link to the snapshot of the call
 * (a random id, no patient data in the URL), based on CDS_PUBLIC_URL or the request's origin.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { testConfig, type Config } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { loadTerminology } from '../../src/terminology/index.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createApp } from '../../src/http/app.js';
import { checkedKeys } from '../helpers/jwt.js';
import { createSeenStore, encodeSnapshot, type SeenStore } from '../../src/http/overview/seen-store.js';

const appDir = mkdtempSync(join(tmpdir(), 'osteo-app-files-'));
mkdirSync(appDir, { recursive: true });
writeFileSync(join(appDir, 'launch.html'), '<!doctype html><title>launch</title>');
writeFileSync(join(appDir, 'launch.js'), 'export {};');
afterAll(() => rmSync(appDir, { recursive: true, force: true }));

const PV = '/cds-services/osteoporosis-patient-view';
const fixtureBody = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/${name}/request.json`, import.meta.url), 'utf8'));
const SITE_TERMINOLOGY = new URL('../../fixtures/facts-danish-woman/terminology-site.json', import.meta.url).pathname;

function app(overrides: Partial<Config> = {}): ReturnType<typeof createApp> {
  const config = testConfig({ previewClock: true, ...overrides });
  const engine = createEngine(config.terminologyFile === undefined ? {} : { terminology: loadTerminology(config.terminologyFile) });
  return createApp(config, { engine, store: openSqliteStore(':memory:'), appDir, ...checkedKeys(config) });
}

async function cardsOf(a: ReturnType<typeof createApp>, fixture: string, headers: Record<string, string> = {}): Promise<Card[]> {
  const res = await request(a).post(PV).set('X-Osteo-Now', '2026-11-26').set(headers).send(fixtureBody(fixture) as object);
  expect(res.status).toBe(200);
  return (res.body as { cards: Card[] }).cards;
}

describe('/app/', () => {
  it('serves the launch page under a CSP with scripts from the service only', async () => {
    const res = await request(app()).get('/app/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('launch');
    const csp = res.headers['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https:)/);
    expect(csp).toContain("connect-src 'self' https: http:");
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect((await request(app()).get('/app')).headers.location).toBe('app/');
  });

  it('allows only https FHIR servers and https framing when JWTs are required', async () => {
    const res = await request(app({ trustedIssuers: { 'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json' } } })).get('/app/config.json');
    expect(res.status).toBe(200); // public, like the preview page
    expect(res.headers['content-security-policy']).toContain("connect-src 'self' https:;");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self' https:");
    expect((res.body as { authRequired: boolean }).authRequired).toBe(true);
    // An issuer's loopback FHIR server (the only http one it may name) is reachable from the app.
    const local = await request(app({ trustedIssuers: { 'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json', fhirServers: ['http://127.0.0.1:8080/fhir'] } } })).get('/app/');
    expect(local.headers['content-security-policy']).toContain("connect-src 'self' https: http://127.0.0.1:8080;");
  });

  it('tells the app the prefetch templates, and the site terminology when the service has one', async () => {
    const plain = (await request(app()).get('/app/config.json')).body as Record<string, unknown>;
    expect(plain).toMatchObject({ service: 'osteoporosis-patient-view', authRequired: false, language: 'da', clientId: 'osteo-cds-overview' });
    expect(Object.keys(plain.templates as object)).toContain('observations');
    expect(plain.siteTerminology).toBeUndefined();
    expect(plain.settings).toMatchObject({ denosumabInfoMonths: 5, zoledronicDueMonths: 11 });
    const site = (await request(app({ terminologyFile: SITE_TERMINOLOGY })).get('/app/config.json')).body as Record<string, unknown>;
    expect(site.siteTerminology).toEqual(JSON.parse(readFileSync(SITE_TERMINOLOGY, 'utf8')));
    expect(String((site.templates as { observations: string }).observations)).not.toBe(String((plain.templates as { observations: string }).observations));
  });
});

describe('links from the cards to the overview', () => {
  it('puts a smart and an absolute link on a card about the course; the snapshot shows what the card saw', async () => {
    const a = app();
    const [card] = await cardsOf(a, 'follow-up-denosumab-overdue');
    const links = card?.links ?? [];
    const smart = links.find((l) => l.type === 'smart');
    const absolute = links.find((l) => l.type === 'absolute' && l.url.includes('/app/'));
    expect(smart?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/launch\.html$/);
    const id = /\/app\/seen\.html\?id=([0-9a-f-]{36})$/.exec(absolute?.url ?? '')?.[1];
    expect(id).toBeDefined();
    expect(absolute?.url).not.toContain('inge');
    const seen = await request(a).get(`/app/seen/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ lang: 'da', model: { today: '2026-11-26', due: [{ drugClass: 'denosumab', overdue: true }] } });
    expect((seen.body as { cards: Card[] }).cards.map((c) => c.uuid)).toEqual([card?.uuid]);
    expect((await request(a).get('/app/seen/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await request(a).get('/app/seen/..%2f..%2fetc')).status).toBe(404);
  });

  it('bases the links on the first CDS_PUBLIC_URL, the same base as the card’s "Læs mere" link', async () => {
    const [card] = await cardsOf(app({ publicUrls: ['https://cds.example.dk/osteo', 'https://other.example.dk'] }), 'follow-up-denosumab-overdue');
    expect(card?.links?.find((l) => l.type === 'smart')?.url).toBe('https://cds.example.dk/osteo/app/launch.html');
    expect(card?.links?.find((l) => l.url.includes('/guideline/'))?.url).toMatch(/^https:\/\/cds\.example\.dk\/osteo\/guideline\//);
  });

  it('gives neither link to this service when the Host header is no host name (one base for both)', async () => {
    const cards = await cardsOf(app(), 'follow-up-denosumab-overdue', { Host: 'evil.example/x?' });
    expect(cards.length).toBeGreaterThan(0);
    const own = cards.flatMap((c) => c.links ?? []).filter((l) => l.url.includes('/app/') || l.url.includes('/guideline/'));
    expect(own).toEqual([]);
  });

  it('leaves cards that are not about the course without them, and the app’s own call too', async () => {
    const a = app();
    const cards = await cardsOf(a, 'initiation-risk-factor-review');
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.flatMap((c) => c.links ?? []).filter((l) => l.url.includes('/app/'))).toEqual([]);
    const own = await cardsOf(a, 'follow-up-denosumab-overdue', { 'X-Osteo-Preview': 'overview' });
    expect(own.flatMap((c) => c.links ?? []).filter((l) => l.url.includes('/app/'))).toEqual([]);
  });
});

describe('seen store', () => {
  const snapshot = { lang: 'da' as const, model: { today: '2026-11-26' }, cards: [], unavailable: [] };
  const json = (store: SeenStore, id: string): unknown => {
    const kept = store.get(id);
    return kept === undefined ? undefined : JSON.parse(kept);
  };

  it('forgets a snapshot after its time, and the oldest past its count', () => {
    let now = 0;
    const store = createSeenStore(() => new Date(now), { ttlMs: 1000, maxEntries: 2 });
    store.keep('a', snapshot);
    store.keep('b', snapshot);
    store.keep('c', snapshot);
    expect(store.get('a')).toBeUndefined();
    expect(json(store, 'b')).toEqual(snapshot);
    now = 1001;
    expect(store.get('c')).toBeUndefined();
    expect(store.usage()).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps at most maxBytes of snapshots, dropping the oldest first', () => {
    const size = 2 * JSON.stringify(snapshot).length;
    const store = createSeenStore(() => new Date(0), { maxBytes: 3 * size });
    for (const id of ['a', 'b', 'c', 'd', 'e']) store.keep(id, snapshot);
    expect(store.usage()).toEqual({ entries: 3, bytes: 3 * size });
    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBeUndefined();
    expect(json(store, 'e')).toEqual(snapshot);
    // One snapshot larger than the whole budget is not kept, and evicts nothing.
    store.keep('huge', { ...snapshot, model: { padding: 'x'.repeat(3 * size) } });
    expect(store.get('huge')).toBeUndefined();
    expect(store.usage().entries).toBe(3);
  });

  it('counts the bytes the JSON is kept in (two per UTF-16 code unit), not its characters', () => {
    const store = createSeenStore(() => new Date(0), { maxBytes: 1024 * 1024 });
    const big = { ...snapshot, model: { text: `${'a'.repeat(90_000)}${'−'.repeat(10_000)}` } };
    for (let i = 0; i < 50; i++) store.keep(`id-${i}`, big);
    const { entries, bytes } = store.usage();
    // 200,120 bytes each (100,060 code units; 120,060 bytes as UTF-8): five fit in 1 MiB.
    expect(entries).toBe(5);
    expect(bytes).toBe(5 * 2 * JSON.stringify(big).length);
    expect(bytes).toBeLessThanOrEqual(1024 * 1024);
    // Characters outside Latin-1 come back as they went in.
    expect(json(store, 'id-49')).toEqual(big);
  });

  it('keeps a snapshot encoded in a worker thread, its bytes handed over with the message', async () => {
    const store = createSeenStore(() => new Date(0), { maxBytes: 1024 * 1024 });
    const model = { text: `${'a'.repeat(5_000)} −2,5 – æøå` };
    const encoded = encodeSnapshot(JSON.stringify({ ...snapshot, model }));
    // An ArrayBuffer of its own: a slice of Buffer's shared pool could not be handed over.
    expect(encoded.byteOffset).toBe(0);
    expect(encoded.buffer.byteLength).toBe(encoded.byteLength);
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<Uint8Array>((resolve) => port2.once('message', resolve));
    port1.postMessage(encoded, [encoded.buffer as ArrayBuffer]);
    const bytes = await received;
    port1.close();
    // Handed over, not copied: the sender's view is emptied.
    expect(encoded.byteLength).toBe(0);
    store.keepEncoded('w', bytes);
    expect(json(store, 'w')).toEqual({ ...snapshot, model });
    expect(store.usage()).toEqual({ entries: 1, bytes: bytes.byteLength });
    // One over the whole budget is not kept, as a snapshot made here.
    store.keepEncoded('huge', encodeSnapshot(JSON.stringify({ ...snapshot, model: { padding: 'x'.repeat(1024 * 1024) } })));
    expect(store.get('huge')).toBeUndefined();
    expect(store.usage().entries).toBe(1);
  });
});
