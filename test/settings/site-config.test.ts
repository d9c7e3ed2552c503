/**
 * CDS_SITE_CONFIG: a site tunes the service without code. Changes reach the cards through the
 * real engine and HTTP app (fixture patients, "now" pinned); a bad file stops the start with
 * every problem listed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { testConfig } from '../../src/config.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createApp } from '../../src/http/app.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { readSiteSettings, siteConfigSchema, type SiteSettings } from '../../src/settings/site-config.js';
import { assembleService } from '../../src/startup.js';
import { ConfigError } from '../../src/shared/config-error.js';

const dir = mkdtempSync(join(tmpdir(), 'osteo-site-'));
let n = 0;
function siteFile(content: unknown): string {
  n += 1;
  const path = join(dir, `site-${n}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const sandboxMan: object = JSON.parse(readFileSync(new URL('../../fixtures/facts-sandbox-man/request.json', import.meta.url), 'utf8'));
const NOW = new Date('2026-11-26T10:00:00+01:00');

interface CardLike {
  source: { topic?: { code: string } };
  extension: Record<string, string[]>;
  links?: { label: string; url: string }[];
}

async function cardsWith(site: unknown, lang = 'en'): Promise<CardLike[]> {
  const config = testConfig(site === undefined ? {} : { siteConfigFile: siteFile(site) });
  const { engine } = assembleService({ CDS_SITE_CONFIG: config.siteConfigFile });
  const app = createApp(config, { engine, store: openSqliteStore(':memory:'), clock: () => NOW });
  const res = await request(app).post('/cds-services/osteoporosis-patient-view').set('Accept-Language', lang).send(sandboxMan);
  expect(res.status).toBe(200);
  return (res.body as { cards: CardLike[] }).cards;
}

/** The site settings, or a ConfigError listing every problem (as start-up reports them). */
function loadSiteSettings(files: { siteConfigFile: string | undefined; terminologyFile: string | undefined }): SiteSettings {
  const reading = readSiteSettings(files);
  if (!reading.ok) throw new ConfigError(reading.problems);
  return reading.site;
}

/** Every topic shown, folded ones included (rules.md section 6). */
const topicsOf = (c: CardLike): string[] => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];
const topics = (cards: CardLike[]): string[] => cards.flatMap(topicsOf).sort();

function problemsOf(site: unknown, extra: { terminologyFile?: string } = {}): readonly string[] {
  try {
    loadSiteSettings({ siteConfigFile: siteFile(site), terminologyFile: extra.terminologyFile });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('site settings (CDS_SITE_CONFIG)', () => {
  it('without a file, the card defaults apply', () => {
    const site = loadSiteSettings({ siteConfigFile: undefined, terminologyFile: undefined });
    expect(site.settings).toEqual(DEFAULT_SETTINGS);
    expect(site.links).toEqual(DEFAULT_LINKS);
    expect(site.terminology).toBeUndefined();
  });

  it('lets a site set every guideline setting (a new setting must be added to the schema)', () => {
    const settable = Object.keys(siteConfigSchema.shape);
    for (const key of Object.keys(DEFAULT_SETTINGS)) expect(settable, key).toContain(key);
  });

  it('a disabled topic no longer appears for a fixture patient that otherwise gets it', async () => {
    expect(topics(await cardsWith(undefined))).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
    expect(topics(await cardsWith({ disabledTopics: ['vitamin-d-calcium'] }))).toEqual(['btm-follow-up-due']);
  });

  it('cardGrouping: folded by default (vitamin D rides on the bone-marker card), separate on request', async () => {
    const folded = await cardsWith(undefined);
    expect(folded.map((c) => c.source.topic?.code)).toEqual(['btm-follow-up-due']);
    expect(folded[0]?.extension['osteo-cds.topics']).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
    expect((await cardsWith({ cardGrouping: 'folded' })).length).toBe(1);
    const separate = await cardsWith({ cardGrouping: 'separate' });
    expect(separate.map((c) => c.source.topic?.code).sort()).toEqual(['btm-follow-up-due', 'vitamin-d-calcium']);
    expect(problemsOf({ cardGrouping: 'stacked' }).join('\n')).toContain('cardGrouping');
  });

  it('a longer vitamin D freshness window makes a year-old low 25-OH-D count (vitamin-d-below-target)', async () => {
    // The sandbox man's 25-OH-D of 18 ng/mL is from 2025-11-03, 388 days before "now": stale at the default 180 days.
    const reasons = (cards: CardLike[]): string[] => cards.find((c) => topicsOf(c).includes('vitamin-d-calcium'))?.extension['osteo-cds.reasons'] ?? [];
    expect(reasons(await cardsWith(undefined))).not.toContain('vitamin-d-below-target');
    expect(reasons(await cardsWith({ freshnessDays: { vitaminD: 400 } }))).toContain('vitamin-d-below-target');
  });

  it('merges partial values over the defaults', () => {
    const path = siteFile({ freshnessDays: { egfr: 120 }, premenopausalMean: { p1np: 40 }, dxaWorkupYears: 3, disabledTopics: ['bone-healthy-lifestyle'] });
    const { settings } = loadSiteSettings({ siteConfigFile: path, terminologyFile: undefined });
    expect(settings.freshnessDays).toEqual({ ...DEFAULT_SETTINGS.freshnessDays, egfr: 120 });
    expect(settings.premenopausalMean).toEqual({ p1np: 40, ctx: DEFAULT_SETTINGS.premenopausalMean.ctx });
    expect(settings.dxaWorkupYears).toBe(3);
    expect(settings.menopauseAge).toBe(DEFAULT_SETTINGS.menopauseAge);
    expect(settings.disabledTopics).toEqual(['bone-healthy-lifestyle']);
  });

  it('replaces a link shown on the cards (url and the label of one language)', async () => {
    const cards = await cardsWith({ links: { patienthaandbogen: { url: 'https://intranet.example.dk/knogleskoerhed', label: { en: 'Our leaflet on osteoporosis' } } } });
    const link = cards.find((c) => topicsOf(c).includes('vitamin-d-calcium'))?.links?.find((l) => l.url.includes('intranet'));
    expect(link).toEqual({ label: 'Our leaflet on osteoporosis', url: 'https://intranet.example.dk/knogleskoerhed', type: 'absolute' });
    const da = await cardsWith({ links: { patienthaandbogen: { url: 'https://intranet.example.dk/knogleskoerhed' } } }, 'da');
    expect(da.flatMap((c) => c.links ?? []).find((l) => l.url.includes('intranet'))?.label).toBe(DEFAULT_LINKS.patienthaandbogen.label.da);
  });

  it('adds local codes (terminology), merged after CDS_TERMINOLOGY', () => {
    const local = { concepts: { 'vitamin-d': { codings: [{ system: 'urn:oid:1.2.208.176.2.1', code: 'DNK99002', match: 'exact' }] } } };
    const cdsTerminology = siteFile(JSON.parse(readFileSync(new URL('../../fixtures/facts-danish-woman/terminology-site.json', import.meta.url), 'utf8')));
    const site = loadSiteSettings({ siteConfigFile: siteFile({ terminology: local }), terminologyFile: cdsTerminology });
    expect(site.terminology).toBeDefined();
    expect(site.terminology?.concepts.get('p1np')?.codings.some((c) => c.code === 'DNK99001')).toBe(true);
    expect(site.terminology?.concepts.get('vitamin-d')?.codings.some((c) => c.code === 'DNK99002')).toBe(true);
  });

  it('an invalid file fails the start with every problem listed', () => {
    const problems = problemsOf({
      disabledTopics: ['vitamin-d-calcium', 'no-such-topic', 'data-unavailable'],
      freshnessDays: { egfr: 0, vitaminD: 'long', weekly: 7 },
      premenopausalMean: { p1np: -1 },
      menopauseAge: 50.5,
      links: { dsam: { url: 'ftp://example.org' }, 'no-such-link': { url: 'https://example.org' } },
      colour: 'blue',
    });
    const text = problems.join('\n');
    expect(problems.length).toBeGreaterThanOrEqual(9);
    for (const where of [
      'disabledTopics[1]',
      'disabledTopics[2]',
      'freshnessDays.egfr',
      'freshnessDays.vitaminD',
      'freshnessDays',
      'premenopausalMean.p1np',
      'menopauseAge',
      'links.dsam.url',
    ]) {
      expect(text, where).toContain(`: ${where}: `);
    }
    expect(text).toMatch(/colour/);
    expect(text).toMatch(/weekly/);
    expect(text).toMatch(/no-such-link/);
  });

  it('reports a missing file and a file that is not JSON', () => {
    expect(() => loadSiteSettings({ siteConfigFile: join(dir, 'missing.json'), terminologyFile: undefined })).toThrow(/cannot be read \(ENOENT\)/);
    expect(problemsOf('{ "disabledTopics": [')[0]).toMatch(/is not JSON/);
  });

  it('reports bad local codes through the terminology checks', () => {
    const problems = problemsOf({ terminology: { concepts: { 'made-up': { codings: [] } } } });
    expect(problems.join('\n')).toMatch(/a new concept needs a kind/);
  });
});
