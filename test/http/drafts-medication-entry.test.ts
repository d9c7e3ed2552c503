/**
 * An order whose drug is a Medication entry of the hook's own Bundle — referred to as
 * `Medication/<id>` or by the entry's `urn:uuid:` fullUrl, as EHRs that send Medication resources
 * apart do — is judged as the same order with its drug inline (build-facts.ts `orders`). Before,
 * the drug was not found and the order got no card at all.
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
const MEDICATION_UUID = 'urn:uuid:7f0c0000-0000-4000-8000-00000000000A';

type Entry = { fullUrl?: string; resource: Record<string, unknown> };
type Body = { context: { draftOrders: { entry: Entry[] } } };

/** The eGFR-33 alendronate order, its drug moved to a Medication entry beside it. */
function withMedicationEntry(reference: 'id' | 'uuid'): Body {
  const body = JSON.parse(readFileSync(new URL('../../fixtures/rx-order-sign-alendronate-egfr-low-danish/request.json', import.meta.url), 'utf8')) as Body;
  const order = body.context.draftOrders.entry[0]?.resource;
  if (order === undefined) throw new Error('fixture has no draft order');
  const code = order.medicationCodeableConcept;
  delete order.medicationCodeableConcept;
  order.medicationReference = { reference: reference === 'id' ? 'Medication/alendronat-70' : MEDICATION_UUID.toLowerCase() };
  const medication = { resourceType: 'Medication', ...(reference === 'id' ? { id: 'alendronat-70' } : {}), code };
  body.context.draftOrders.entry.push({ fullUrl: reference === 'id' ? 'http://localhost:8080/fhir/Medication/alendronat-70' : MEDICATION_UUID, resource: medication });
  return body;
}

async function cards(body: object): Promise<Card[]> {
  const config = testConfig();
  const app = createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => NOW, ...checkedKeys(config) });
  const res = await request(app).post('/cds-services/osteoporosis-order-sign').send(body).expect(200);
  return (res.body as { cards: Card[] }).cards;
}

const shown = (list: Card[]): string[] => list.flatMap((c) => c.extension['osteo-cds.topics'] ?? []).sort();

describe('an order whose Medication is an entry of the hook Bundle', () => {
  it.each(['id', 'uuid'] as const)('by %s: the order gets the same cards as with its drug inline', async (reference) => {
    const inline = await cards(JSON.parse(readFileSync(new URL('../../fixtures/rx-order-sign-alendronate-egfr-low-danish/request.json', import.meta.url), 'utf8')) as object);
    const apart = await cards(withMedicationEntry(reference));
    expect(apart.map((c) => [c.source.topic?.code, c.indicator])).toContainEqual(['rx-egfr-too-low', 'critical']);
    expect(shown(apart)).toEqual(shown(inline));
  });

  it('the Medication entry is no order of its own: no card names it', async () => {
    const apart = await cards(withMedicationEntry('id'));
    expect(apart.flatMap((c) => c.extension['osteo-cds.evidence'] ?? [])).not.toContain('Medication/alendronat-70');
  });
});
