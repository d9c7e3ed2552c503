/**
 * `npm run cards:report`: every fixture patient through the real app, "now" pinned to the
 * fixture's, in Danish and English — cards per answer, each card's indicator, topics and the
 * lengths of its summary and detail, and any broken budget of rules.md section 6. The numbers
 * stay visible as texts change; test/cards/budgets.test.ts fails on a broken budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import type { Card } from '../src/cds-hooks/response.js';
import { budgetProblems, detailLength } from '../src/cards/compose/budget.js';
import { topicsOf } from '../src/cards/compose/merge.js';
import { testConfig } from '../src/config.js';
import { createEngine } from '../src/engine.js';
import { loadTerminology } from '../src/terminology/index.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import { createApp } from '../src/http/app.js';

const root = new URL('../fixtures/', import.meta.url);
let broken = 0;
let answers = 0;
let longest = 0;
for (const name of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  if (!existsSync(new URL(`${name}/expected.json`, root))) continue;
  const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, root), 'utf8')) as { service: string; now: string };
  const body = JSON.parse(readFileSync(new URL(`${name}/request.json`, root), 'utf8')) as object;
  const site = new URL(`${name}/terminology-site.json`, root);
  const config = existsSync(site) ? testConfig({ terminologyFile: fileURLToPath(site) }) : testConfig();
  const app = createApp(config, { engine: createEngine(existsSync(site) ? { terminology: loadTerminology(fileURLToPath(site)) } : {}), store: openSqliteStore(':memory:'), clock: () => new Date(expected.now) });
  const hook = expected.service.endsWith('patient-view') ? 'patient-view' : 'prescribing';
  for (const lang of ['da', 'en'] as const) {
    const res = await request(app).post(`/cds-services/${expected.service}`).set('Accept-Language', lang).send(body);
    const cards = ((res.body as { cards?: Card[] }).cards ?? []);
    answers += 1;
    const problems = budgetProblems(cards, hook);
    broken += problems.length;
    console.log(`${name} (${lang}): ${cards.length} ${cards.length === 1 ? 'card' : 'cards'}`);
    for (const card of cards) {
      longest = Math.max(longest, detailLength(card));
      console.log(`  ${card.indicator.padEnd(8)} detail ${String(detailLength(card)).padStart(4)}  summary ${String([...card.summary].length).padStart(3)}  ${topicsOf(card).join(' + ')}`);
    }
    for (const p of problems) console.log(`  OVER BUDGET: ${p}`);
  }
}
console.log(`\n${answers} answers, longest detail ${longest} characters, ${broken} broken budgets`);
process.exitCode = broken > 0 ? 1 : 0;
