/**
 * A draft order sent without an id (cds-hooks/drafts.ts) is still judged: its safety cards come,
 * and no suggestion asks the EHR to update or delete an order it could not find.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { checkedKeys } from '../helpers/jwt.js';

const NOW = new Date('2026-11-26T10:00:00+01:00');

type Body = { context: { draftOrders?: { entry: { fullUrl?: string; resource: Record<string, unknown> }[] }; medications?: { entry: { fullUrl?: string; resource: Record<string, unknown> }[] } } };

const fixtureBody = (name: string): Body => JSON.parse(readFileSync(new URL(`../../fixtures/${name}/request.json`, import.meta.url), 'utf8')) as Body;

async function cardsWithoutIds(fixture: string, service: string): Promise<Card[]> {
  const body = fixtureBody(fixture);
  for (const e of body.context.draftOrders?.entry ?? body.context.medications?.entry ?? []) {
    delete e.resource.id;
    delete e.fullUrl;
  }
  const config = testConfig();
  const app = createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => NOW, ...checkedKeys(config) });
  const res = await request(app).post(`/cds-services/${service}`).send(body).expect(200);
  return (res.body as { cards: Card[] }).cards;
}

describe('draft orders without an id', () => {
  it('an alendronate order with eGFR ≤ 35 still gets its critical card', async () => {
    const cards = await cardsWithoutIds('rx-order-sign-alendronate-egfr-low-danish', 'osteoporosis-order-sign');
    expect(cards.map((c) => [c.source.topic?.code, c.indicator])).toContainEqual(['rx-egfr-too-low', 'critical']);
    expect(cards.flatMap((c) => c.extension['osteo-cds.evidence'])).toContain('urn:osteo-cds:draft-order:1');
    // The referral that replaces the order is still one click; removing the order is the GP's, and the card says so.
    const critical = cards.find((c) => c.source.topic?.code === 'rx-egfr-too-low');
    expect(critical?.suggestions?.flatMap((s) => s.actions ?? []).map((a) => a.type)).toEqual(['create']);
    expect(critical?.detail).toContain('Fjern eller ret ordinationen selv');
  });

  it('a Prolia order gets its cards, but no suggestion that updates or deletes it', async () => {
    const withIds = fixtureBody('rx-medication-prescribe-prolia-next-injection');
    const config = testConfig();
    const app = createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => NOW, ...checkedKeys(config) });
    const before = (await request(app).post('/cds-services/osteoporosis-medication-prescribe').send(withIds).expect(200)).body as { cards: Card[] };
    const actions = (cards: Card[]) => cards.flatMap((c) => c.suggestions ?? []).flatMap((s) => s.actions ?? []).map((a) => a.type);
    expect(actions(before.cards)).toContain('update');

    const cards = await cardsWithoutIds('rx-medication-prescribe-prolia-next-injection', 'osteoporosis-medication-prescribe');
    expect(cards.map((c) => c.source.topic?.code).sort()).toEqual(before.cards.map((c) => c.source.topic?.code).sort());
    expect(actions(cards)).not.toContain('delete');
    expect(actions(cards)).not.toContain('update');
  });
});
