/**
 * Over HTTP with the real engine (rules/intolerated.ts): the sandbox patient of
 * fixtures/follow-up-switch-denosumab-intolerance is switched to parenteral treatment with a
 * recorded intolerance to denosumab — the card offers no denosumab order, in either language.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createApp } from '../../src/http/app.js';
import { expectValidResponse } from '../helpers/response.js';

const dir = new URL('../../fixtures/follow-up-switch-denosumab-intolerance/', import.meta.url);
const body: unknown = JSON.parse(readFileSync(new URL('request.json', dir), 'utf8'));
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date('2026-11-26T09:00:00Z') });

describe('a drug with a recorded intolerance is not one click away (fixture follow-up-switch-denosumab-intolerance)', () => {
  for (const lang of ['da', 'en'] as const) {
    it(`switch-to-parenteral offers zoledronic acid and the endocrinology referral, no denosumab order (${lang})`, async () => {
      const res = await request(app).post('/cds-services/osteoporosis-patient-view').set('Accept-Language', lang).send(body as object);
      expect(res.status).toBe(200);
      expectValidResponse(res.body);
      const cards = (res.body as { cards: { source: { topic?: { code: string } }; detail?: string; suggestions?: { actions?: { resource?: unknown }[] }[]; extension: Record<string, unknown> }[] }).cards;
      const card = cards.find((c) => c.source.topic?.code === 'switch-to-parenteral');
      expect(card?.suggestions).toHaveLength(2);
      expect(JSON.stringify(card?.suggestions?.flatMap((s) => s.actions ?? []))).not.toMatch(/denosumab|Prolia/i);
      expect(card?.detail).toContain(lang === 'da' ? 'denosumab foreslås ikke' : 'denosumab not offered');
      expect(card?.extension['osteo-cds.evidence']).toContain('AllergyIntolerance/prolia-hypocalcemia');
    });
  }
});
