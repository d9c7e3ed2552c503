/**
 * rules.md section 6, "Never together" — one test per pair, through the whole service with the
 * default folding: whatever else is shown, these two never stand on two cards side by side.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

interface CardLike {
  readonly indicator: string;
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: Record<string, readonly string[]>;
}

const fixture = (name: string): { body: Record<string, unknown>; expected: { service: string; now: string } } => ({
  body: JSON.parse(readFileSync(new URL(`../../fixtures/${name}/request.json`, import.meta.url), 'utf8')) as Record<string, unknown>,
  expected: JSON.parse(readFileSync(new URL(`../../fixtures/${name}/expected.json`, import.meta.url), 'utf8')) as { service: string; now: string },
});

async function cardsOf(body: object, service: string, now: string): Promise<CardLike[]> {
  const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(now) });
  const res = await request(app).post(`/cds-services/${service}`).send(body).expect(200);
  return (res.body as { cards: CardLike[] }).cards;
}

const topicsOf = (c: CardLike): readonly string[] => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];

describe('never together', () => {
  it('a "start treatment" card and a critical denosumab card', async () => {
    // The deceased fixture patient, alive: denosumab last given 2025-06-02 and a hip fracture.
    const { body, expected } = fixture('protocol-deceased-patient');
    const prefetch = body.prefetch as { patient: Record<string, unknown> };
    const { deceasedDateTime: _d, ...patient } = prefetch.patient;
    const cards = await cardsOf({ ...body, prefetch: { ...prefetch, patient } }, expected.service, '2026-05-01T10:00:00+02:00');
    expect(cards.some((c) => c.indicator === 'critical' && /^denosumab-(overdue|stopped)$/.test(c.source.topic?.code ?? ''))).toBe(true);
    for (const start of ['treatment-indicated', 'pretreatment-checks', 'risk-factor-review', 'dxa-workup-suggested', 'diagnosis-criteria-met']) {
      expect(cards.flatMap(topicsOf), start).not.toContain(start);
    }
  });

  it('a "do not prescribe" card and the "how to start" cards of the same draft', async () => {
    const { body, expected } = fixture('rx-order-sign-alendronate-egfr-low-danish');
    const cards = await cardsOf(body, expected.service, expected.now);
    expect(cards.map((c) => [c.indicator, c.source.topic?.code])).toEqual([['critical', 'rx-egfr-too-low']]);
    for (const start of ['rx-start-checklist', 'rx-lab-missing', 'rx-vitamin-d-low', 'rx-swallowing-difficulty', 'rx-denosumab-biosimilar']) {
      expect(cards.flatMap(topicsOf), start).not.toContain(start);
    }
  });

  it('two cards that both propose the first treatment decision (an anabolic candidate not on treatment)', async () => {
    const { body, expected } = fixture('follow-up-two-vertebrae-one-day-us');
    const cards = await cardsOf(body, expected.service, expected.now);
    const deciding = cards.filter((c) => ['treatment-indicated', 'anabolic-treatment-consideration'].some((t) => topicsOf(c).includes(t)));
    expect(deciding).toHaveLength(1);
    expect(topicsOf(deciding[0] as CardLike)).toEqual(expect.arrayContaining(['treatment-indicated', 'anabolic-treatment-consideration']));
    expect(deciding[0]?.source.topic?.code).toBe('treatment-indicated');
  });
});
