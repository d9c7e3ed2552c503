import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildDiscovery, discoverySchema, prefetchTemplates } from '../../src/cds-hooks/discovery.js';
import { serviceVersion } from '../../src/versions.js';
import { TEST_OBSERVATION_CODES, makeApp } from '../helpers/app.js';
import { PREFETCH_KEYS } from '../../src/contract/prefetch-keys.js';

const SERVICE_HOOKS = {
  'osteoporosis-patient-view': 'patient-view',
  'osteoporosis-medication-prescribe': 'medication-prescribe',
  'osteoporosis-order-select': 'order-select',
  'osteoporosis-order-sign': 'order-sign',
};

describe('GET /cds-services', () => {
  it('lists the four services of the contract with title, description and all eight prefetch keys', async () => {
    const res = await request(makeApp().app).get('/cds-services').expect(200).expect('content-type', /application\/json/);
    const discovery = discoverySchema.parse(res.body);
    expect(Object.fromEntries(discovery.services.map((s) => [s.id, s.hook]))).toEqual(SERVICE_HOOKS);
    for (const service of discovery.services) {
      expect(service.title).toBeTruthy();
      expect(service.description.length).toBeGreaterThan(40);
      expect(Object.keys(service.prefetch ?? {})).toEqual([...PREFETCH_KEYS]);
    }
  });

  it('serves buildDiscovery of the engine observation codes', async () => {
    const res = await request(makeApp().app).get('/cds-services').expect(200);
    expect(res.body).toEqual(buildDiscovery(TEST_OBSERVATION_CODES, { service: serviceVersion(), rules: '0.0.0-test', guideline: 'test guideline' }));
  });

  it('uses only CDS Hooks 2.0 tokens, one parameter of each name, and the codes as one comma list sorted by -date', () => {
    const templates = prefetchTemplates(TEST_OBSERVATION_CODES);
    expect(templates.patient).toBe('Patient/{{context.patientId}}');
    expect(templates.observations).toBe('Observation?patient={{context.patientId}}&code=38267-1,38263-0,NPU10267&_sort=-date');
    expect(templates.allergies).toBe('AllergyIntolerance?patient={{context.patientId}}');
    expect(templates.familyHistory).toBe('FamilyMemberHistory?patient={{context.patientId}}');
    expect(templates.medicationAdministrations).toBe('MedicationAdministration?patient={{context.patientId}}');
    for (const template of Object.values(templates)) {
      const tokens = template.match(/\{\{[^}]*\}\}/g) ?? [];
      expect(new Set(tokens)).toEqual(new Set(['{{context.patientId}}']));
      const query = template.split('?')[1];
      if (query === undefined) continue;
      const names = query.split('&').map((p) => p.split('=')[0]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('de-duplicates codes and keeps system|code pairs readable', () => {
    expect(prefetchTemplates(['a', 'a', 'http://loinc.org|1-8']).observations).toContain('code=a,http%3A%2F%2Floinc.org|1-8&');
  });

  it('the built-in cds-services.json is a valid discovery document with the same services', () => {
    const file = discoverySchema.parse(JSON.parse(readFileSync(new URL('../../cds-services.json', import.meta.url), 'utf8')));
    expect(Object.fromEntries(file.services.map((s) => [s.id, s.hook]))).toEqual(SERVICE_HOOKS);
    for (const service of file.services) expect(Object.keys(service.prefetch ?? {})).toEqual([...PREFETCH_KEYS]);
  });

  it('answers other methods with 405 and an OperationOutcome', async () => {
    const res = await request(makeApp().app).post('/cds-services').send({}).expect(405);
    expect(res.headers.allow).toBe('GET');
    expect(res.body.resourceType).toBe('OperationOutcome');
  });
});

describe('GET /healthz', () => {
  it('answers {"status":"ok"}', async () => {
    const res = await request(makeApp().app).get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});
