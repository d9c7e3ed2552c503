/**
 * The card preview page in a real browser: Debian's chromium (/usr/bin/chromium) driven by
 * playwright-core against the real app (real engine, the preview clock on so fixtures give their
 * expected cards). Two fixture patients, the language switch, a suggestion's FHIR resources, the
 * why-trace, a pasted Bundle, a prescribing hook with a draft drug, and the statistics page —
 * at desktop width and again at 390 px (a phone): nothing may widen the page. Last, the guideline
 * page a card's "Læs mere" link opens (GET /guideline/{topic}).
 * Screenshots go to test-results/ and one to docs/preview.png for the README.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createApp } from '../../src/http/app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** What Chromium needs on this closed network (docs of the machine): no background connections. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ADMIN_TOKEN = 'browser-test-admin-token';
const RESULTS = new URL('../../test-results/', import.meta.url);
const DOCS_SCREENSHOT = new URL('../../docs/preview.png', import.meta.url);

let server: Server;
let base: string;
let context: BrowserContext;
let page: Page;
let profile: string;

beforeAll(async () => {
  const config = testConfig({ previewClock: true, adminToken: ADMIN_TOKEN });
  const app = createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:') });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  profile = mkdtempSync(join(tmpdir(), 'osteo-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
  });
  page = await context.newPage();
  mkdirSync(RESULTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile !== undefined) rmSync(profile, { recursive: true, force: true });
});

/** The document's scroll width: wider than the viewport means a horizontal scrollbar. */
async function pageWidth(p: Page = page): Promise<number> {
  return p.evaluate('document.documentElement.scrollWidth');
}

/** Runs in the page: the contrast ratio of the first warning badge's text on its background. */
const contrastOfWarningBadge = `(() => {
  const badge = document.querySelector('article.card.warning .indicator');
  const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const style = getComputedStyle(badge);
  const [a, b] = [lum(style.color), lum(style.backgroundColor)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})()`;

/** Every topic the cards carry, folded ones included (rules.md section 6). */
async function topicsShown(): Promise<string[]> {
  return (await page.locator('article.card').evaluateAll((cards) => cards.flatMap((c) => (c.getAttribute('data-topics') ?? '').split(' ')))).sort();
}

/** Runs the current choices and waits for the answer. */
async function showCards(): Promise<void> {
  await page.evaluate('delete document.body.dataset.state');
  await page.click('#run');
  await page.waitForSelector('body[data-state]');
  expect(await page.getAttribute('body', 'data-state'), await page.textContent('#status') ?? '').toBe('done');
}

/** The same fixture asked directly, for the summaries the page must show. */
async function summariesFromApi(fixture: string, lang: 'da' | 'en'): Promise<string[]> {
  const body = readFileSync(new URL(`../../fixtures/${fixture}/request.json`, import.meta.url), 'utf8');
  const expected = JSON.parse(readFileSync(new URL(`../../fixtures/${fixture}/expected.json`, import.meta.url), 'utf8')) as { service: string; now: string };
  const res = await fetch(`${base}/cds-services/${expected.service}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, 'X-Osteo-Now': expected.now, 'X-Osteo-Preview': '1' },
    body,
  });
  const json = (await res.json()) as { cards: { summary: string }[] };
  return json.cards.map((c) => c.summary);
}

describe('card preview page (chromium)', () => {
  it('shows the Danish woman’s cards as the fixture expects, in Danish', async () => {
    await page.goto(`${base}/?fixture=facts-danish-woman`);
    await page.waitForSelector('body[data-ready]');
    expect(await page.getAttribute('html', 'lang')).toBe('da');
    await showCards();
    expect(await topicsShown()).toEqual(['anabolic-treatment-consideration', 'btm-follow-up-due']);
    const summaries = await page.locator('.card .summary').allTextContents();
    expect(summaries).toEqual(await summariesFromApi('facts-danish-woman', 'da'));
    expect(await page.textContent('#expected')).toContain('Som forventet');
    // Clinicians see the patient named in Danish, and no configuration hints.
    const label = JSON.parse(readFileSync(new URL('../../fixtures/facts-danish-woman/expected.json', import.meta.url), 'utf8')) as { preview: { da: { name: string; description: string } } };
    expect(await page.locator('#fixture option:checked').textContent()).toBe(label.preview.da.name);
    expect(await page.textContent('#fixture-description')).toBe(label.preview.da.description);
    expect(await page.textContent('body')).not.toMatch(/CDS_[A-Z]/);
    // Only the announcement is live (not the whole panel, which a screen reader would read again).
    expect(await page.locator('[aria-live]').evaluateAll((nodes) => nodes.map((n) => n.id))).toEqual(['announce']);
    expect(await page.textContent('#announce')).toBe('2 nye kort.');
    // The warning badge: WCAG AA contrast for small text (≥ 4.5:1).
    const ratio = await page.evaluate(contrastOfWarningBadge);
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    // EHR-like indicator colours: the warning card has an amber border, info blue.
    const borders = await page.evaluate("[...document.querySelectorAll('article.card')].map((c) => [c.dataset.indicator, getComputedStyle(c).borderLeftColor])");
    expect(borders).toEqual([
      ['warning', 'rgb(178, 106, 0)'],
      ['info', 'rgb(21, 101, 192)'],
    ]);
    // Markdown rendered: bold runs and lists, no literal ** left.
    const detail = page.locator('article.card').first().locator('.detail');
    expect(await detail.locator('strong').count()).toBeGreaterThan(0);
    expect(await detail.locator('li').count()).toBeGreaterThan(0);
    expect(await detail.textContent()).not.toContain('**');
    await page.screenshot({ path: new URL('preview-danish-woman-da.png', RESULTS).pathname, fullPage: true });
  });

  it('shows a suggestion’s FHIR resources and the why-trace', async () => {
    const card = page.locator('article.card[data-topic="btm-follow-up-due"]');
    const button = card.locator('.suggestions button').first();
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await pageWidth(), 'a suggestion’s resources must not widen the page').toBeLessThanOrEqual(1280);
    const resources = JSON.parse((await card.locator('pre.resources').textContent()) ?? '[]') as { type: string; resource?: { resourceType: string } }[];
    expect(resources[0]?.type).toBe('create');
    expect(resources[0]?.resource?.resourceType).toBe('ServiceRequest');
    await button.click();
    expect(await card.locator('pre.resources').isHidden()).toBe(true);

    await card.locator('details.why summary').click();
    const why = (await card.locator('details.why').textContent()) ?? '';
    expect(why).toContain('three-months-on-treatment');
    expect(why).toMatch(/MedicationStatement\/fmk-alendronat/);
    expect(why).toMatch(/2026-03-01/); // the evidence resource's date
  });

  it('shows the sandbox man’s cards, then switches to English', async () => {
    await page.selectOption('#fixture', 'facts-sandbox-man');
    await showCards();
    expect(await topicsShown()).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
    expect(await page.locator('.card .summary').allTextContents()).toEqual(await summariesFromApi('facts-sandbox-man', 'da'));
    await page.screenshot({ path: new URL('preview-sandbox-man-da.png', RESULTS).pathname, fullPage: true });

    await page.evaluate('delete document.body.dataset.state');
    await page.click('#lang-en');
    await page.waitForSelector('body[data-state="done"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('#run')).toBe('Show cards');
    expect(await page.locator('.card .summary').allTextContents()).toEqual(await summariesFromApi('facts-sandbox-man', 'en'));
    expect(await page.locator('.card .indicator').allTextContents()).toEqual(['Info']); // vitamin D folded onto the bone-marker card
    expect(await page.textContent('#expected')).toContain('As expected');
    expect(await page.locator('#fixture option:checked').textContent()).toBe('Man 65 on alendronate after a fracture (US codes)');
    await page.screenshot({ path: new URL('preview-sandbox-man-en.png', RESULTS).pathname, fullPage: true });

    await page.selectOption('#fixture', 'facts-danish-woman');
    await showCards();
    expect(await page.locator('.card .summary').allTextContents()).toEqual(await summariesFromApi('facts-danish-woman', 'en'));
    await page.screenshot({ path: new URL('preview-danish-woman-en.png', RESULTS).pathname, fullPage: true });
    mkdirSync(new URL('.', DOCS_SCREENSHOT), { recursive: true });
    await page.screenshot({ path: DOCS_SCREENSHOT.pathname, fullPage: false });
  });

  it('evaluates a prescribing hook with a draft drug chosen from the list', async () => {
    await page.selectOption('#hook', 'order-sign');
    expect(await page.isVisible('#draft-box')).toBe(true);
    await page.selectOption('#draft', 'prolia');
    await showCards();
    const topics = await topicsShown();
    expect(topics.length).toBeGreaterThan(0);
    expect(topics.every((t) => t.startsWith('rx-') || t === 'data-unavailable')).toBe(true);
    expect(topics).toContain('rx-denosumab-biosimilar'); // Prolia by brand: the card suggests the biosimilar
    expect(await page.isHidden('#expected')).toBe(true); // not the fixture as recorded
    await page.screenshot({ path: new URL('preview-danish-woman-order-sign-prolia.png', RESULTS).pathname, fullPage: true });
  });

  it('gives every fixture its expected topics, as recorded (patient-view and prescribing, own draft orders)', async () => {
    const list = (await (await fetch(`${base}/preview/fixtures`)).json()) as { fixtures: { name: string; expectedTopics: string[]; hook: string }[] };
    expect(list.fixtures.some((f) => f.hook !== 'patient-view')).toBe(true);
    for (const fixture of list.fixtures) {
      await page.selectOption('#fixture', fixture.name);
      if (fixture.hook !== 'patient-view') expect(await page.inputValue('#draft'), fixture.name).toBe('__fixture__');
      await showCards();
      expect(await topicsShown(), fixture.name).toEqual([...fixture.expectedTopics].sort());
      expect(await page.getAttribute('#expected', 'class'), fixture.name).toBe('expected');
    }
  });

  it('turns a pasted FHIR Bundle into a request', async () => {
    const stored = JSON.parse(readFileSync(new URL('../../fixtures/facts-sandbox-man/request.json', import.meta.url), 'utf8')) as { prefetch: Record<string, unknown> };
    const resources: unknown[] = [];
    for (const value of Object.values(stored.prefetch)) {
      if (value === null || typeof value !== 'object') continue;
      const v = value as { resourceType: string; entry?: { resource: unknown }[] };
      if (v.resourceType === 'Bundle') resources.push(...(v.entry ?? []).map((e) => e.resource));
      else resources.push(v);
    }
    resources.push({ resourceType: 'Encounter', id: 'enc-1', status: 'finished' });
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
    await page.selectOption('#fixture', '__paste__');
    await page.selectOption('#hook', 'patient-view');
    await page.fill('#bundle', JSON.stringify(bundle));
    await page.fill('#now', '2026-11-26');
    await showCards();
    expect(await topicsShown()).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
    expect(await page.textContent('#status')).toContain('Encounter');

    await page.fill('#bundle', '{"resourceType": "Patient"');
    await page.click('#run');
    await page.waitForSelector('body[data-state="error"]');
    expect(await page.textContent('#status')).toContain('not valid JSON');
  });

  it('shows the statistics page after the admin token is given', async () => {
    // Two cards from an EHR-like call (not from the preview), one of them overridden.
    const body = readFileSync(new URL('../../fixtures/facts-sandbox-man/request.json', import.meta.url), 'utf8');
    const res = await fetch(`${base}/cds-services/osteoporosis-patient-view`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Osteo-Now': '2026-11-26' }, body });
    const cards = ((await res.json()) as { cards: { uuid: string }[] }).cards;
    await fetch(`${base}/cds-services/osteoporosis-patient-view/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ feedback: [{ card: cards[0]?.uuid, outcome: 'overridden', overrideReason: { reason: { code: 'already-addressed' } }, outcomeTimestamp: new Date().toISOString() }] }),
    });
    await page.goto(`${base}/stats.html`);
    await page.click('.lang button[data-lang="en"]');
    await page.fill('#token', 'wrong');
    await page.click('.token-form button');
    await page.waitForFunction("document.getElementById('status')?.textContent === 'Wrong token.'");
    await page.fill('#token', ADMIN_TOKEN);
    await page.click('.token-form button');
    await page.waitForSelector('table.stats');
    const rows = await page.locator('table.stats tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-topic')));
    // One folded card (vitamin D on the bone-marker card): each of its topics counts as shown.
    expect(rows.sort()).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
    expect(await page.textContent('#status')).toContain('2 cards shown');
    expect(await page.textContent('table.stats')).toContain('Already addressed: 1');
    await page.screenshot({ path: new URL('stats-en.png', RESULTS).pathname, fullPage: true });
  });
});

describe('card preview page on a phone (390 px, chromium)', () => {
  let phone: Page;

  beforeAll(async () => {
    phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
  });

  afterAll(async () => {
    await phone?.close();
  });

  it('shows the cards and a suggestion’s resources without widening the page', async () => {
    await phone.goto(`${base}/?fixture=initiation-second-choice-ulcer`);
    await phone.waitForSelector('body[data-ready]');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(390);
    await phone.evaluate('delete document.body.dataset.state');
    await phone.click('#run');
    await phone.waitForSelector('body[data-state="done"]');
    expect(await phone.locator('article.card').count()).toBeGreaterThan(0);
    // The card texts' "2. valg" reads as 2, never renumbered by the markdown.
    const details = (await phone.locator('.card .detail').allTextContents()).join('\n');
    expect(details).not.toContain('1. valg (parenteral)');
    expect(details).not.toMatch(/\*\*|(?<![*\w])\*\w/);
    const button = phone.locator('.card .suggestions button').first();
    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await pageWidth(phone), 'a suggestion’s resources must not widen the page').toBeLessThanOrEqual(390);
    await phone.screenshot({ path: new URL('preview-390-second-choice-ulcer.png', RESULTS).pathname, fullPage: true });
  });

  it('keeps the statistics table inside the screen', async () => {
    await phone.goto(`${base}/stats.html`);
    await phone.fill('#token', ADMIN_TOKEN);
    await phone.click('.token-form button');
    await phone.waitForSelector('table.stats');
    expect(await pageWidth(phone)).toBeLessThanOrEqual(390);
    // The whole table fits: every column readable without scrolling sideways.
    const box = await phone.locator('table.stats').boundingBox();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 1000)).toBeLessThanOrEqual(390);
    expect(await phone.textContent('table.stats')).toContain('Allerede håndteret: 1');
    await phone.screenshot({ path: new URL('stats-390.png', RESULTS).pathname, fullPage: true });
  });
});

describe('guideline page each card links to (chromium)', () => {
  it('opens from a card’s "Læs mere" link: the topic’s guidance in Danish, printable, and in English', async () => {
    await page.goto(`${base}/?fixture=initiation-first-choice-alendronate`);
    await page.waitForSelector('body[data-ready]');
    await showCards();
    const href = await page.locator('article.card[data-topic="treatment-indicated"] .links a', { hasText: 'Læs mere' }).first().getAttribute('href');
    expect(href).toBe(`${base}/guideline/treatment-indicated?lang=da`);

    const guide = await context.newPage();
    await guide.goto(href ?? '');
    expect(await guide.getAttribute('html', 'lang')).toBe('da');
    expect(await guide.textContent('h1')).toBe('Indikation for at drøfte behandling');
    const text = (await guide.textContent('main')) ?? '';
    expect(text).toContain('Skal tages fastende om morgenen'); // the intake passage the card leaves out
    expect(text).toContain('Udvalgte bivirkninger');
    expect(await guide.locator('#links a').count()).toBeGreaterThan(0);
    await guide.emulateMedia({ media: 'print' });
    expect(await guide.isVisible('main')).toBe(true);
    await guide.screenshot({ path: new URL('guideline-treatment-indicated-da.png', RESULTS).pathname, fullPage: true });

    await guide.emulateMedia({ media: 'screen' });
    await guide.setViewportSize({ width: 390, height: 844 });
    await guide.goto(`${base}/guideline/treatment-indicated?lang=en`);
    expect(await guide.getAttribute('html', 'lang')).toBe('en');
    expect(await guide.textContent('h1')).toBe('Indication to discuss treatment');
    expect(await pageWidth(guide)).toBeLessThanOrEqual(390);
    const missing = await guide.goto(`${base}/guideline/no-such-topic`);
    expect(missing?.status()).toBe(404);
    await guide.close();
  });
});
