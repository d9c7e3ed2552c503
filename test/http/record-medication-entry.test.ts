/**
 * A record whose drug is a Medication entry named by its `urn:uuid:` fullUrl — how collection and
 * transaction Bundles (and searches with `_include`) link a MedicationAdministration or
 * MedicationStatement to its Medication — is read as the same record with its drug inline. Before,
 * only draft orders' Bundles were read so: denosumab injections given by such a reference were
 * invisible, and a woman 8 months past her last injection lost the critical `denosumab-overdue`.
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

const FIXTURE = new URL('../../fixtures/follow-up-denosumab-overdue/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURE), 'utf8')) as { now: string };

type Entry = { fullUrl?: string; resource: Record<string, unknown>; search?: { mode: string } };
type Body = { prefetch: Record<string, { entry?: Entry[] } | null> };

function fixtureBody(): Body {
  return JSON.parse(readFileSync(new URL('request.json', FIXTURE), 'utf8')) as Body;
}

/** Every denosumab record's drug moved to one Medication entry, named by `fullUrl`, beside the administrations (an `_include`). */
function withMedicationEntry(fullUrl: string): Body {
  const body = fixtureBody();
  let code: unknown;
  for (const key of ['medicationStatements', 'medicationAdministrations']) {
    for (const { resource } of body.prefetch[key]?.entry ?? []) {
      const concept = resource.medicationCodeableConcept as { coding?: { code?: string }[] } | undefined;
      if (concept?.coding?.[0]?.code !== 'M05BX04') continue;
      code = concept;
      delete resource.medicationCodeableConcept;
      resource.medicationReference = { reference: fullUrl };
    }
  }
  body.prefetch.medicationAdministrations?.entry?.push({ fullUrl, resource: { resourceType: 'Medication', code }, search: { mode: 'include' } });
  return body;
}

async function cards(body: object): Promise<Card[]> {
  const config = testConfig();
  const app = createApp(config, { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(expected.now), ...checkedKeys(config) });
  const res = await request(app).post('/cds-services/osteoporosis-patient-view').send(body).expect(200);
  return (res.body as { cards: Card[] }).cards;
}

const shown = (list: Card[]): string[] => list.flatMap((c) => c.extension['osteo-cds.topics'] ?? []).sort();

describe('a record whose Medication is a Bundle entry named by its urn:uuid fullUrl', () => {
  it.each(['urn:uuid:3f2a9c10-5b7d-4e21-9c3a-8d6f0e1b2a47', 'urn:uuid:Medication-denosumab'])('%s: the injections are read as with their drug inline (denosumab-overdue, critical)', async (fullUrl) => {
    const inline = await cards(fixtureBody());
    const apart = await cards(withMedicationEntry(fullUrl));
    expect(apart.map((c) => [c.source.topic?.code, c.indicator])).toContainEqual(['denosumab-overdue', 'critical']);
    expect(shown(apart)).toEqual(shown(inline));
  });

  it('a reference to a fullUrl no entry has names no drug: the records are not read as denosumab', async () => {
    const body = withMedicationEntry('urn:uuid:3f2a9c10-5b7d-4e21-9c3a-8d6f0e1b2a47');
    const entries = body.prefetch.medicationAdministrations?.entry ?? [];
    const medication = entries.find((e) => e.resource.resourceType === 'Medication');
    if (medication !== undefined) medication.fullUrl = 'urn:uuid:00000000-0000-4000-8000-000000000000';
    expect(shown(await cards(body))).not.toContain('denosumab-overdue');
  });
});
