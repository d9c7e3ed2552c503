/**
 * End to end over HTTP with the real engine: every fixture patient in `fixtures/<scenario>/` is
 * posted to its service with "now" pinned to the scenario's, and the response must hold exactly
 * the expected set of topics (an unexpected card fails) — folded as rules.md section 6 says, and
 * with `cardGrouping: separate` one card per topic — with the expected reasons where the
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
import { loadTerminology } from '../../src/terminology/index.js';
import { expectValidResponse } from '../helpers/response.js';

const expectedSchema = z.object({
  service: z.string(),
  now: z.string(),
  description: z.string(),
  /** Every topic the answer carries (on its own card or folded onto another, rules.md section 6). */
  topics: z.array(z.string()),
  /** The cards' own topics (`source.topic.code`) with the default folding. */
  cards: z.array(z.string()).optional(),
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

const builtIn = { folded: createEngine(), separate: createEngine({ cardGrouping: 'separate' }) };

/** A scenario may carry a site's local codes (`terminology-site.json`, as CDS_TERMINOLOGY gives them). */
function engineFor(scenario: string, grouping: 'folded' | 'separate'): ReturnType<typeof createEngine> {
  const site = new URL(`${scenario}/terminology-site.json`, root);
  return existsSync(site) ? createEngine({ terminology: loadTerminology(fileURLToPath(site)), cardGrouping: grouping }) : builtIn[grouping];
}

interface CardLike {
  readonly indicator: string;
  readonly suggestions?: readonly { readonly actions?: readonly { readonly type: string; readonly resource?: Record<string, unknown> }[] }[];
  readonly overrideReasons?: readonly { readonly system: string; readonly code: string; readonly display: string }[];
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: Record<string, readonly string[]>;
}

/** Every topic a card carries (rules.md section 6: a folded topic counts as shown). */
const topicsOf = (c: CardLike): readonly string[] => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];

/** The resources of the answer's `update` actions: drafts copied back to the EHR. */
const updatedResources = (cards: readonly CardLike[]): Record<string, unknown>[] =>
  cards.flatMap((c) => c.suggestions ?? []).flatMap((s) => s.actions ?? []).flatMap((a) => (a.type === 'update' && a.resource !== undefined ? [a.resource] : []));

/** MedicationRequest fields R4 makes lists (0..*) that the CDS Hooks sandbox sends as one object. */
const R4_LISTS = ['category', 'reasonCode'] as const;

/** An updated draft is valid R4 in those fields, however the client sent them. */
function expectR4Lists(cards: readonly CardLike[]): void {
  for (const resource of updatedResources(cards)) {
    for (const field of R4_LISTS) if (resource[field] !== undefined) expect(Array.isArray(resource[field]), `${field} of the updated ${String(resource.id)}`).toBe(true);
  }
}

describe.each(scenarios)('fixture %s', (scenario) => {
  const expected = expectedSchema.parse(JSON.parse(readFileSync(new URL(`${scenario}/expected.json`, root), 'utf8')));
  const body: unknown = JSON.parse(readFileSync(new URL(`${scenario}/request.json`, root), 'utf8'));
  const appFor = (grouping: 'folded' | 'separate') =>
    createApp(testConfig(), { engine: engineFor(scenario, grouping), store: openSqliteStore(':memory:'), clock: () => new Date(expected.now) });
  const folded = appFor('folded');
  const separate = appFor('separate');

  it.each(['da', 'en'] as const)(`answers with exactly the expected topics and cards (%s) — ${expected.description.slice(0, 80)}`, async (lang) => {
    const res = await request(folded).post(`/cds-services/${expected.service}`).set('Accept-Language', lang).send(body as object);
    expect(res.status).toBe(expected.status ?? 200);
    if (res.status !== 200) return;
    expectValidResponse(res.body);
    const cards = (res.body as { cards: CardLike[] }).cards;
    expectR4Lists(cards);
    // No topic lost by folding: every expected topic is on some card, and nothing else.
    expect(cards.flatMap(topicsOf).sort()).toEqual([...expected.topics].sort());
    if (expected.cards !== undefined) expect(cards.map((c) => c.source.topic?.code ?? '?').sort()).toEqual([...expected.cards].sort());
    // rules.md section 6: every warning and critical card can be declined with a coded reason.
    for (const card of cards.filter((c) => c.indicator !== 'info')) {
      expect(card.overrideReasons?.length ?? 0, `${card.source.topic?.code ?? '?'} override reasons`).toBeGreaterThan(0);
      for (const r of card.overrideReasons ?? []) expect(r.system).toBe('urn:osteo-cds:override-reason');
    }
    for (const [topic, reasons] of Object.entries(expected.reasons ?? {})) {
      const card = cards.find((c) => topicsOf(c).includes(topic));
      expect(card?.extension['osteo-cds.reasons'], `${topic} reasons`).toEqual(expect.arrayContaining(reasons));
    }
  });

  it.each(['da', 'en'] as const)('gives one card per topic with cardGrouping "separate", each with its own reasons (%s)', async (lang) => {
    const res = await request(separate).post(`/cds-services/${expected.service}`).set('Accept-Language', lang).send(body as object);
    expect(res.status).toBe(expected.status ?? 200);
    if (res.status !== 200) return;
    expectValidResponse(res.body);
    const cards = (res.body as { cards: CardLike[] }).cards;
    expectR4Lists(cards);
    expect(cards.map((c) => c.source.topic?.code ?? '?').sort()).toEqual([...expected.topics].sort());
    for (const card of cards) expect(card.extension).not.toHaveProperty('osteo-cds.topics');
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

describe('a sandbox-shaped draft copied into an update suggestion', () => {
  it.each(['da', 'en'] as const)('carries the sandbox\'s single `category` object as a list of one (MedicationRequest.category is 0..*) (%s)', async (lang) => {
    const scenario = 'rx-order-select-sandbox-alendronate-dysphagia';
    const expected = expectedSchema.parse(JSON.parse(readFileSync(new URL(`${scenario}/expected.json`, root), 'utf8')));
    const body = JSON.parse(readFileSync(new URL(`${scenario}/request.json`, root), 'utf8')) as { context: { draftOrders: { entry: { resource: Record<string, unknown> }[] } } };
    const sent = body.context.draftOrders.entry[0]?.resource;
    expect(Array.isArray(sent?.category)).toBe(false);
    const app = createApp(testConfig(), { engine: builtIn.folded, store: openSqliteStore(':memory:'), clock: () => new Date(expected.now) });
    const res = await request(app).post(`/cds-services/${expected.service}`).set('Accept-Language', lang).send(body);
    expect(res.status).toBe(200);
    const updates = updatedResources((res.body as { cards: CardLike[] }).cards);
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ resourceType: 'MedicationRequest', id: sent?.id, category: [sent?.category] });
  });
});
