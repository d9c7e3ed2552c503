/**
 * rules.md section 6 budgets over every fixture patient, in Danish and English, with the default
 * folding: at most 3 cards per patient-view answer unless more than 3 are warning or critical;
 * every summary under 140 characters; every detail at most 900 characters of markdown.
 * `npm run cards:report` prints the same numbers per answer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { budgetProblems } from '../../src/cards/compose/budget.js';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { loadTerminology } from '../../src/terminology/index.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const root = new URL('../../fixtures/', import.meta.url);
const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/expected.json`, root)))
  .map((d) => d.name)
  .sort();

describe.each(scenarios)('budgets: %s', (scenario) => {
  const expected = JSON.parse(readFileSync(new URL(`${scenario}/expected.json`, root), 'utf8')) as { service: string; now: string; status?: number };
  const body = JSON.parse(readFileSync(new URL(`${scenario}/request.json`, root), 'utf8')) as object;
  const site = new URL(`${scenario}/terminology-site.json`, root);
  const config = existsSync(site) ? testConfig({ terminologyFile: fileURLToPath(site) }) : testConfig();
  const app = createApp(config, { engine: createEngine(existsSync(site) ? { terminology: loadTerminology(fileURLToPath(site)) } : {}), store: openSqliteStore(':memory:'), clock: () => new Date(expected.now) });
  const hook = expected.service.endsWith('patient-view') ? 'patient-view' : 'prescribing';

  it.each(['da', 'en'] as const)('keeps the card count, summaries and details within budget (%s)', async (lang) => {
    const res = await request(app).post(`/cds-services/${expected.service}`).set('Accept-Language', lang).send(body);
    if (res.status !== 200) return;
    const cards = (res.body as { cards: Card[] }).cards;
    expect(budgetProblems(cards, hook)).toEqual([]);
  });
});
