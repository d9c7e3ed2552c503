/**
 * A draft order sent twice in one `draftOrders` Bundle under the same id is one order (facts/build-facts.ts
 * `orders`): rules.md section 4 "at most one per rule and draft order" — two start checklists had
 * stood for one draft.
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

type Entry = { fullUrl?: string; resource: Record<string, unknown> };
type Body = { context: { draftOrders: { entry: Entry[] } } };

const body = (): Body => JSON.parse(readFileSync(new URL('../../fixtures/rx-order-sign-alendronate-restart-danish/request.json', import.meta.url), 'utf8')) as Body;

async function cards(b: Body): Promise<Card[]> {
  const config = testConfig();
  const app = createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => NOW, ...checkedKeys(config) });
  return ((await request(app).post('/cds-services/osteoporosis-order-sign').send(b).expect(200)).body as { cards: Card[] }).cards;
}

const shape = (cs: readonly Card[]): string[] => cs.map((c) => `${c.indicator} ${c.extension['osteo-cds.topics']?.join('+') ?? c.source.topic?.code ?? '?'} ${c.suggestions?.length ?? 0}`);

describe('a draft sent twice under one id', () => {
  it('gets the cards of one draft: one start checklist, each lab ordered once', async () => {
    const once = body();
    const twice = body();
    const [entry] = twice.context.draftOrders.entry;
    expect(entry?.resource.id).toBeTypeOf('string');
    twice.context.draftOrders.entry.push({ ...structuredClone(entry as Entry), fullUrl: 'urn:uuid:9e80265d-51fb-4051-b1e5-1e29a1ed9c2d' });
    const expected = await cards(once);
    expect(expected.some((c) => c.source.topic?.code === 'rx-start-checklist')).toBe(true);
    expect(shape(await cards(twice))).toEqual(shape(expected));
  });
});
