/**
 * End to end over HTTP with the real engine: every fixture patient in `fixtures/<scenario>/` is
 * posted to its service with "now" pinned to the scenario's, and the response must hold exactly
 * the expected set of topics (an unexpected card fails), with the expected reasons where the
 * scenario names them — in Danish and in English, and always a valid CDS Hooks response.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createApp } from '../../src/http/app.js';
import { assembleService } from '../../src/startup.js';
import { expectValidResponse } from '../helpers/response.js';

const expectedSchema = z.object({
  service: z.string(),
  now: z.string(),
  description: z.string(),
  topics: z.array(z.string()),
  /** Reasons that must be present on a topic's card (a subset; other reasons may be there too). */
  reasons: z.record(z.string(), z.array(z.string())).optional(),
  /** Reasons that must NOT be present on a topic's card. */
  absentReasons: z.record(z.string(), z.array(z.string())).optional(),
  status: z.number().optional(),
});

const root = new URL('../../fixtures/', import.meta.url);
const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const builtInEngine = createEngine();

/** A scenario may carry a site's local codes (`terminology-site.json`, as CDS_TERMINOLOGY gives them). */
function engineFor(scenario: string): ReturnType<typeof createEngine> {
  const site = new URL(`${scenario}/terminology-site.json`, root);
  return existsSync(site) ? assembleService({ CDS_TERMINOLOGY: fileURLToPath(site) }).engine : builtInEngine;
}

interface CardLike {
  readonly indicator: string;
  readonly overrideReasons?: readonly { readonly system: string; readonly code: string; readonly display: string }[];
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: Record<string, readonly string[]>;
}

describe.each(scenarios)('fixture %s', (scenario) => {
  const expected = expectedSchema.parse(JSON.parse(readFileSync(new URL(`${scenario}/expected.json`, root), 'utf8')));
  const body: unknown = JSON.parse(readFileSync(new URL(`${scenario}/request.json`, root), 'utf8'));
  const app = createApp(testConfig(), { engine: engineFor(scenario), store: openSqliteStore(':memory:'), clock: () => new Date(expected.now) });

  it.each(['da', 'en'] as const)(`answers with exactly the expected topics (%s) — ${expected.description.slice(0, 80)}`, async (lang) => {
    const res = await request(app).post(`/cds-services/${expected.service}`).set('Accept-Language', lang).send(body as object);
    expect(res.status).toBe(expected.status ?? 200);
    if (res.status !== 200) return;
    expectValidResponse(res.body);
    const cards = (res.body as { cards: CardLike[] }).cards;
    const topics = cards.map((c) => c.source.topic?.code ?? '?');
    expect([...topics].sort()).toEqual([...expected.topics].sort());
    // rules.md section 6: every warning and critical card can be declined with a coded reason.
    for (const card of cards.filter((c) => c.indicator !== 'info')) {
      expect(card.overrideReasons?.length ?? 0, `${card.source.topic?.code ?? '?'} override reasons`).toBeGreaterThan(0);
      for (const r of card.overrideReasons ?? []) expect(r.system).toBe('urn:osteo-cds:override-reason');
    }
    for (const [topic, reasons] of Object.entries(expected.reasons ?? {})) {
      const card = cards.find((c) => c.source.topic?.code === topic);
      expect(card?.extension['osteo-cds.reasons'], `${topic} reasons`).toEqual(expect.arrayContaining(reasons));
    }
    for (const [topic, reasons] of Object.entries(expected.absentReasons ?? {})) {
      const card = cards.find((c) => c.source.topic?.code === topic);
      for (const r of reasons) expect(card?.extension['osteo-cds.reasons'] ?? [], `${topic} must not carry ${r}`).not.toContain(r);
    }
  });
});
