/**
 * The bone-health overview app (/app/, issue #17) in a real browser: the app built by
 * scripts/build-app.mjs, served by the real service (preview clock on, so each fixture is seen on
 * its pinned day), launched standalone (`fhirServiceUrl` + `patientId`) against the fixture FHIR
 * server (`npm run fhir-fixtures`'s app), and once from a stand-in EHR (`iss` + `launch`, the
 * SMART authorization code flow, smart-ehr.ts). It asserts what is drawn — the SVG marks by their
 * aria-descriptions — and keeps screenshots in docs/ (overview-*.png; the README shows one).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../scripts/build-app.mjs';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createFixtureFhirApp } from '../../src/fixtures-server/app.js';
import { loadFixtureData } from '../../src/fixtures-server/store.js';
import { createApp } from '../../src/http/app.js';
import { checkedKeys } from '../helpers/jwt.js';
import { ACCESS_TOKEN, LAUNCH, smartEhr } from './smart-ehr.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What Chromium needs on this closed network (docs of the machine): no background connections. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;
const DOCS = new URL('../../docs/', import.meta.url).pathname;

const servers: Server[] = [];
let base: string;
/** The same service with CDS_TRUSTED_ISSUERS set: hook calls need an EHR's JWT. */
let lockedBase: string;
let fhirBase: string;
let context: BrowserContext;
let page: Page;
let profile: string;
let appDir: string;
const cspViolations: string[] = [];

async function listen(app: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function fixture(name: string): { patientId: string; day: string } {
  const request = JSON.parse(readFileSync(join(FIXTURES, name, 'request.json'), 'utf8')) as { context: { patientId: string } };
  const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as { now: string };
  return { patientId: request.context.patientId, day: new Date(expected.now).toISOString().slice(0, 10) };
}

/** Launches the app standalone for a fixture patient and waits until the cards are there. */
async function open(name: string, lang: 'da' | 'en', service = base): Promise<void> {
  const { patientId, day } = fixture(name);
  const query = new URLSearchParams({ fhirServiceUrl: fhirBase, patientId, now: day, lang });
  await page.goto(`${service}/app/launch.html?${query.toString()}`);
  await page.waitForSelector('body[data-state]', { timeout: 30_000 });
  expect(await page.getAttribute('body', 'data-state'), (await page.textContent('#status')) ?? '').toBe('done');
}

/** The number of SVG elements a mark with this aria-label drew in a panel. */
async function drawn(panel: string, mark: string): Promise<number> {
  return page.locator(`section[data-panel="${panel}"] svg g[aria-description="${mark}"] > *`).count();
}

beforeAll(async () => {
  appDir = await buildApp(mkdtempSync(join(tmpdir(), 'osteo-app-')));
  fhirBase = await listen(createFixtureFhirApp(loadFixtureData(FIXTURES)));
  const config = testConfig({ previewClock: true });
  base = await listen(createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), appDir }));
  const locked = testConfig({ previewClock: true, trustedIssuers: { 'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json', fhirServers: [fhirBase] } } });
  lockedBase = await listen(createApp(locked, { engine: createEngine(), store: openSqliteStore(':memory:'), appDir, ...checkedKeys(locked) }));
  profile = mkdtempSync(join(tmpdir(), 'osteo-chromium-'));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1200, height: 900 }, locale: 'da-DK' });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
});

afterAll(async () => {
  await context?.close();
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
  if (appDir !== undefined) rmSync(appDir, { recursive: true, force: true });
});

describe('bone-health overview app (chromium, standalone launch against the fixture FHIR server)', () => {
  it('draws a denosumab course with its injections and the overdue injection flagged', async () => {
    await open('follow-up-denosumab-overdue', 'en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await drawn('t-scores', 't-score')).toBe(2);
    expect(await drawn('t-scores', 't-score -2.5')).toBe(1);
    expect(await drawn('t-scores', 't-score -1.0')).toBe(1);
    expect(await drawn('treatment', 'course')).toBe(1);
    expect(await drawn('treatment', 'injection')).toBe(5);
    expect(await drawn('treatment', 'overdue')).toBe(1);
    expect(await page.locator('[data-flag="overdue"]').count()).toBe(1);
    expect(await page.textContent('[data-flag="overdue"]')).toContain('Denosumab');
    // The service's card for the same record, under the plots.
    expect(await page.locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-topic')))).toEqual(['denosumab-overdue']);
    expect(await page.textContent('.facts')).toContain('Denosumab injection');
    await page.screenshot({ path: join(DOCS, 'overview-denosumab-overdue.png'), fullPage: true });
  });

  it('launches from the EHR with iss and launch: the token it is given reads the record', async () => {
    let ehrBase = '';
    const ehr = smartEhr(createFixtureFhirApp(loadFixtureData(FIXTURES)), 'dk-inge-1947', () => ehrBase);
    ehrBase = await listen(ehr.app);
    const query = new URLSearchParams({ iss: `${ehrBase}/fhir`, launch: LAUNCH, now: '2026-11-26', lang: 'en' });
    await page.goto(`${base}/app/launch.html?${query.toString()}`);
    await page.waitForSelector('body[data-state]', { timeout: 30_000 });
    expect(await page.getAttribute('body', 'data-state'), (await page.textContent('#status')) ?? '').toBe('done');
    expect(ehr.authorizeQueries[0]).toMatchObject({ client_id: 'osteo-cds-overview', launch: LAUNCH, aud: `${ehrBase}/fhir`, redirect_uri: `${base}/app/index.html` });
    expect(String(ehr.authorizeQueries[0]?.scope)).toContain('launch');
    expect(ehr.authorizations.length).toBeGreaterThanOrEqual(8);
    expect(new Set(ehr.authorizations)).toEqual(new Set([`Bearer ${ACCESS_TOKEN}`]));
    expect(await drawn('treatment', 'overdue')).toBe(1);
    expect(await page.locator('article.card').count()).toBe(1);
  });

  it('shows each panel as a table on request', async () => {
    const toggle = page.locator('section[data-panel="t-scores"] button.table-toggle');
    expect(await page.isHidden('#t-t-scores')).toBe(true);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator('#t-t-scores tbody tr').count()).toBe(2);
    await toggle.click();
    expect(await page.isHidden('#t-t-scores')).toBe(true);
  });

  it('draws the baseline and the 30 % line of a marker fall under 30 %', async () => {
    await open('follow-up-btm-persistent-insufficient-fall', 'en');
    expect(await drawn('marker-p1np', 'marker')).toBe(3);
    expect(await drawn('marker-p1np', 'baseline')).toBe(1);
    expect(await drawn('marker-p1np', '30 % line')).toBe(1);
    expect(await page.locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-topic')))).toEqual(['switch-to-parenteral']);
    await page.screenshot({ path: join(DOCS, 'overview-marker-fall.png'), fullPage: true });
  });

  it('draws a bisphosphonate pause, in Danish', async () => {
    await open('follow-up-bisphosphonate-pause-one-year', 'da');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    expect(await page.textContent('h1')).toBe('Knoglesundhed – overblik');
    expect(await drawn('treatment', 'pause')).toBe(1);
    expect(await drawn('treatment', 'stop')).toBe(1);
    expect(await page.locator('[data-flag="pause"]').count()).toBe(1);
    expect(await page.locator('[data-flag="overdue"]').count()).toBe(0);
    await page.screenshot({ path: join(DOCS, 'overview-pause-da.png'), fullPage: true });
  });

  it('is usable at 390 px: the plots fit the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('follow-up-denosumab-overdue', 'da');
    const widest = await page.evaluate('Math.max(...[...document.querySelectorAll(".plot svg")].map((s) => s.getBoundingClientRect().right))');
    expect(widest).toBeLessThanOrEqual(390);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(DOCS, 'overview-390px.png'), fullPage: true });
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('prints on A4 without the buttons', async () => {
    await open('follow-up-btm-persistent-insufficient-fall', 'da');
    await page.emulateMedia({ media: 'print' });
    expect(await page.isHidden('section[data-panel="t-scores"] button.table-toggle')).toBe(true);
    expect(await page.isHidden('#print')).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens a card’s absolute link: the overview of what the card saw', async () => {
    const body = readFileSync(join(FIXTURES, 'follow-up-denosumab-overdue', 'request.json'), 'utf8');
    const res = await fetch(`${base}/cds-services/osteoporosis-patient-view`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Osteo-Now': '2026-11-26', 'Accept-Language': 'en' }, body });
    const cards = ((await res.json()) as { cards: { links?: { type: string; url: string }[] }[] }).cards;
    const smart = cards[0]?.links?.find((l) => l.type === 'smart');
    expect(smart?.url).toBe(`${base}/app/launch.html`);
    const absolute = cards[0]?.links?.find((l) => l.type === 'absolute' && l.url.includes('/app/seen.html'));
    await page.goto(absolute?.url ?? 'about:blank');
    await page.waitForSelector('body[data-state]');
    expect(await page.getAttribute('body', 'data-state')).toBe('done');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await drawn('treatment', 'injection')).toBe(5);
    expect(await drawn('treatment', 'overdue')).toBe(1);
    expect(await page.locator('article.card').count()).toBe(1);
    await page.goto(`${base}/app/seen.html?id=00000000-0000-0000-0000-000000000000`);
    await page.waitForSelector('body[data-state="gone"]');
  });

  it('says where the cards are when the service requires the EHR’s JWT, and still draws the record', async () => {
    await open('follow-up-denosumab-overdue', 'en', lockedBase);
    expect(await drawn('t-scores', 't-score')).toBe(2);
    expect(await page.getAttribute('.cards-message', 'data-reason')).toBe('auth');
    expect(await page.textContent('.cards-message')).toContain('JWT');
  });

  it('kept to the CSP: no violations', () => {
    expect(cspViolations).toEqual([]);
  });
});
