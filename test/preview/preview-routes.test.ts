/**
 * The preview page's server side: the static page (strict CSP, no inline script), the fixture
 * pick list read from fixtures/, and the preview clock (X-Osteo-Now honoured only with
 * CDS_PREVIEW_CLOCK=on).
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parsePreviewNow } from '../../src/http/preview/clock.js';
import { loadPreviewFixtures } from '../../src/http/preview/fixtures.js';
import { PINNED_NOW, makeApp } from '../helpers/app.js';

const patientView = {
  hookInstance: 'h-1',
  hook: 'patient-view',
  context: { userId: 'Practitioner/1', patientId: 'pat-1' },
  prefetch: { patient: { resourceType: 'Patient', id: 'pat-1' }, observations: null, conditions: null, medicationStatements: null, medicationRequests: null, medicationAdministrations: null, allergies: null, familyHistory: null },
};

describe('the preview page', () => {
  it('is served at / with a strict Content-Security-Policy and only script files', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/').expect(200).expect('content-type', /html/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.text).toContain('<script type="module" src="preview.js"></script>');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
    expect(res.text).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    expect(res.text).not.toMatch(/style=/);
    for (const file of ['preview.js', 'markdown.js', 'preview.css', 'stats.html', 'stats.js']) await request(app).get(`/${file}`).expect(200);
    await request(app).get('/stats.html').expect(200).expect((r) => expect(r.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/));
  });

  it('serves markdown-it from the service itself, so the strict CSP needs no CDN', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/vendor/markdown-it.mjs').expect(200).expect('content-type', /javascript/);
    expect(res.text).toMatch(/export\s*\{[^}]*as default/);
    expect(res.text).not.toMatch(/^import\s/m); // self-contained: the browser resolves no bare module names
  });

  it('names every fixture patient for clinicians in Danish and English, without configuration hints', () => {
    const { fixtures } = loadPreviewFixtures(new URL('../../fixtures/', import.meta.url).pathname);
    for (const f of fixtures) {
      for (const lang of ['da', 'en'] as const) {
        expect(f.label[lang].name, `${f.name} ${lang}`).not.toBe(f.name);
        expect(`${f.label[lang].name} ${f.label[lang].description}`, f.name).not.toMatch(/CDS_|rules\.md|[a-z]+-[a-z]+-[a-z]+/);
      }
      expect(f.label.da.name, f.name).not.toBe(f.label.en.name);
    }
  });

  it('lists the fixture patients and serves each request', async () => {
    const { app } = makeApp();
    const list = await request(app).get('/preview/fixtures').expect(200);
    const dirs = readdirSync(new URL('../../fixtures/', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(list.body).toMatchObject({ clock: false, authRequired: false, language: 'da', stats: false });
    const names = (list.body.fixtures as { name: string }[]).map((f) => f.name);
    expect(names.sort()).toEqual(dirs.sort());
    const man = (list.body.fixtures as Record<string, unknown>[]).find((f) => f.name === 'facts-sandbox-man');
    expect(man).toMatchObject({ service: 'osteoporosis-patient-view', hook: 'patient-view', now: '2026-11-26T10:00:00+01:00', patientId: 'smart-1288992', siteTerminology: false });
    expect(man).not.toHaveProperty('request');
    const one = await request(app).get('/preview/fixtures/facts-sandbox-man').expect(200);
    expect(one.body.context.patientId).toBe('smart-1288992');
  });

  it('serves nothing outside the fixture list', async () => {
    const { app } = makeApp();
    for (const path of ['/preview/fixtures/nope', '/preview/fixtures/..%2Fpackage.json', '/preview/fixtures/%2e%2e', '/../package.json', '/%2e%2e/package.json', '/.git']) {
      const res = await request(app).get(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('leaves out a fixture it cannot read, and reports it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteo-fixtures-'));
    mkdirSync(join(dir, 'good'));
    writeFileSync(join(dir, 'good', 'request.json'), JSON.stringify(patientView));
    writeFileSync(join(dir, 'good', 'expected.json'), JSON.stringify({ service: 'osteoporosis-patient-view', now: '2026-01-01', description: 'd', topics: [] }));
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken', 'request.json'), '{');
    writeFileSync(join(dir, 'broken', 'expected.json'), '{}');
    const { fixtures, problems } = loadPreviewFixtures(dir);
    expect(fixtures.map((f) => f.name)).toEqual(['good']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^broken: /);
  });

  it('is off with CDS_PREVIEW=off', async () => {
    const { app } = makeApp({ config: { preview: false } });
    await request(app).get('/').expect(404);
    await request(app).get('/preview/fixtures').expect(404);
    await request(app).get('/cds-services').expect(200);
  });

  it('reports that the service requires a JWT, so the page can say so', async () => {
    const { app } = makeApp({ config: { trustedIssuers: { 'https://ehr.example.org': { jwks: 'https://ehr.example.org/jwks.json' } } } });
    const list = await request(app).get('/preview/fixtures').expect(200);
    expect(list.body.authRequired).toBe(true);
    await request(app).get('/').expect(200);
  });
});

describe('the preview clock (X-Osteo-Now)', () => {
  it('is ignored by default: a client never sets the clock in production', async () => {
    const { app, engine } = makeApp();
    await request(app).post('/cds-services/osteoporosis-patient-view').set('X-Osteo-Now', '2020-01-01').send(patientView).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').set('X-Osteo-Now', 'garbage').send(patientView).expect(200);
    expect(engine.inputs.map((i) => i.now)).toEqual([PINNED_NOW, PINNED_NOW]);
  });

  it('with CDS_PREVIEW_CLOCK=on sets "now" of that call (a date is noon UTC, the same day in Denmark)', async () => {
    const { app, engine } = makeApp({ config: { previewClock: true } });
    await request(app).post('/cds-services/osteoporosis-patient-view').set('X-Osteo-Now', '2026-11-26').send(patientView).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').set('X-Osteo-Now', '2026-11-26T10:00:00+01:00').send(patientView).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').send(patientView).expect(200);
    expect(engine.inputs.map((i) => i.now.toISOString())).toEqual(['2026-11-26T12:00:00.000Z', '2026-11-26T09:00:00.000Z', PINNED_NOW.toISOString()]);
    const list = await request(app).get('/preview/fixtures').expect(200);
    expect(list.body.clock).toBe(true);
  });

  it('with CDS_PREVIEW_CLOCK=on answers 400 for an unreadable date, naming the header', async () => {
    const { app } = makeApp({ config: { previewClock: true } });
    const res = await request(app).post('/cds-services/osteoporosis-patient-view').set('X-Osteo-Now', '2026-02-30').send(patientView).expect(400);
    expect(res.body.issue[0].expression).toEqual(['X-Osteo-Now']);
  });

  it('parses dates and date-times only', () => {
    expect(parsePreviewNow('2026-11-26')?.toISOString()).toBe('2026-11-26T12:00:00.000Z');
    expect(parsePreviewNow('2026-11-26T10:00:00Z')?.toISOString()).toBe('2026-11-26T10:00:00.000Z');
    for (const bad of ['2026-13-01', '2026-02-29', '26-11-2026', 'now', '2026-11-26T10:00', '1764150000']) expect(parsePreviewNow(bad), bad).toBeUndefined();
  });
});
