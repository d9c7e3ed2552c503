/**
 * Every fixture request is a valid CDS Hooks call for its service: the protocol layer answers it
 * with 200 (the topics themselves are checked by the end-to-end tests against the real engine).
 */
import { readFileSync, readdirSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app.js';
import { expectValidResponse } from '../helpers/response.js';
import { findService } from '../../src/contract/services.js';

const root = new URL('../../fixtures/', import.meta.url);
const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('fixtures', () => {
  it('include the protocol smoke-test scenario', () => {
    expect(scenarios).toContain('protocol-minimal-patient-view');
  });

  it.each(scenarios)('%s: the request is accepted by its service', async (scenario) => {
    const expected = JSON.parse(readFileSync(new URL(`${scenario}/expected.json`, root), 'utf8'));
    const body = JSON.parse(readFileSync(new URL(`${scenario}/request.json`, root), 'utf8'));
    const service = findService(expected.service);
    expect(service, `unknown service ${expected.service}`).toBeDefined();
    expect(Number.isNaN(Date.parse(expected.now))).toBe(false);
    expect(Array.isArray(expected.topics)).toBe(true);
    const res = await request(makeApp().app).post(`/cds-services/${expected.service}`).send(body);
    expect(res.status).toBe(200);
    expectValidResponse(res.body);
  });
});
