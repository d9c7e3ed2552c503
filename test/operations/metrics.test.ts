/**
 * GET /metrics: Prometheus text with request durations per route, service and status, cards per
 * topic and indicator, FHIR fetch outcomes, evaluation time, rate-limit refusals and store errors;
 * no patient data in any label; open unless CDS_METRICS_TOKEN is set, then a bearer token.
 */
import nock from 'nock';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/http/app.js';
import { testConfig } from '../../src/config.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { countStoreErrors } from '../../src/observability/store-errors.js';
import { routeOf } from '../../src/http/observe.js';
import { card, fakeEngine, makeApp } from '../helpers/app.js';
import { FHIR_BASE, FHIR_ORIGIN, FHIR_PATHS, PATIENT_ID, patient, patientViewRequest } from '../helpers/fhir.js';
import { onlyNockAndLoopback } from '../helpers/offline.js';

const PV = '/cds-services/osteoporosis-patient-view';

onlyNockAndLoopback();

/** The value of one series, e.g. `osteo_cds_cards_total{service="…",topic="…",indicator="…"}`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('GET /metrics', () => {
  it('is Prometheus text: requests, cards, evaluation time, FHIR fetches; no patient data anywhere', async () => {
    const engine = fakeEngine(() => [card('treatment-indicated', ['t-score'], 'warning'), card('bone-healthy-lifestyle', ['guideline-advice'])]);
    const { app } = makeApp({ engine });
    const secretPatient = 'pat-secret-4711';
    const body = patientViewRequest({ context: { userId: 'Practitioner/1', patientId: secretPatient }, prefetch: { patient: patient(secretPatient) } });
    // The other keys are missing: fetched from the FHIR server, one of them failing.
    nock(FHIR_ORIGIN).get(/\/r4\/(Observation|Condition|MedicationStatement|MedicationRequest|AllergyIntolerance|FamilyMemberHistory)/).times(6).reply(200, { resourceType: 'Bundle', type: 'searchset' });
    nock(FHIR_ORIGIN).get(/\/r4\/MedicationAdministration/).reply(503, 'down');
    const hook = await request(app).post(PV).send({ ...body, fhirServer: FHIR_BASE });
    expect(hook.status).toBe(200);
    await request(app).get('/cds-services');
    await request(app).get(`/no/such/${secretPatient}`);

    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    expect(text).toContain('# TYPE osteo_cds_http_request_duration_seconds histogram');
    expect(sample(text, 'osteo_cds_http_request_duration_seconds_count', { route: 'hook', service: 'osteoporosis-patient-view', status: '200' })).toBe(1);
    expect(sample(text, 'osteo_cds_http_request_duration_seconds_count', { route: 'discovery', service: 'none', status: '200' })).toBe(1);
    expect(sample(text, 'osteo_cds_http_request_duration_seconds_count', { route: 'other', status: '404' })).toBe(1);
    expect(sample(text, 'osteo_cds_cards_total', { service: 'osteoporosis-patient-view', topic: 'treatment-indicated', indicator: 'warning' })).toBe(1);
    expect(sample(text, 'osteo_cds_cards_total', { topic: 'bone-healthy-lifestyle', indicator: 'info' })).toBe(1);
    expect(sample(text, 'osteo_cds_evaluation_duration_seconds_count', { rule_set: 'patient-view' })).toBe(1);
    expect(sample(text, 'osteo_cds_fhir_fetches_total', { outcome: 'ok' })).toBe(6);
    expect(sample(text, 'osteo_cds_fhir_fetches_total', { outcome: 'http-5xx' })).toBe(1);
    expect(sample(text, 'osteo_cds_fhir_fetches_total', { outcome: 'timeout' })).toBe(0);
    expect(sample(text, 'osteo_cds_rate_limit_refusals_total')).toBe(0);
    expect(text).not.toContain(secretPatient);
    expect(text).not.toContain('fhir.example.org');
    expect(text).not.toContain(PATIENT_ID);
  });

  it('counts a FHIR server that does not answer in time as a timeout', async () => {
    const { app } = makeApp({ config: { fhirTimeoutMs: 200 } });
    nock(FHIR_ORIGIN).get(FHIR_PATHS.patient).delay(2000).reply(200, patient());
    const body = patientViewRequest({ fhirServer: FHIR_BASE });
    delete (body.prefetch as Record<string, unknown>).patient;
    expect((await request(app).post(PV).send(body)).status).toBe(412);
    const text = (await request(app).get('/metrics')).text;
    expect(sample(text, 'osteo_cds_fhir_fetches_total', { outcome: 'timeout' })).toBe(1);
    expect(sample(text, 'osteo_cds_http_request_duration_seconds_count', { route: 'hook', status: '412' })).toBe(1);
  });

  it('counts failed store calls by operation (feedback that cannot be stored → 500 and a store error)', async () => {
    const real = openSqliteStore(':memory:');
    const failing: Store = {
      ...real,
      record: () => {
        throw new Error('disk I/O error');
      },
    };
    const { app } = makeApp({ store: failing });
    const feedback = { feedback: [{ card: '9b1b7c4a-3f7e-4f5e-9a43-2a1c7c3c8d11', outcome: 'overridden', outcomeTimestamp: '2025-06-01T10:00:00Z' }] };
    expect((await request(app).post('/cds-services/osteoporosis-patient-view/feedback').send(feedback)).status).toBe(500);
    const text = (await request(app).get('/metrics')).text;
    expect(sample(text, 'osteo_cds_store_errors_total', { operation: 'record' })).toBe(1);
    expect(sample(text, 'osteo_cds_http_request_duration_seconds_count', { route: 'feedback', status: '500' })).toBe(1);
  });

  it('offers a rate-limit refusal counter others call, and build info with the versions', async () => {
    const metrics = createMetrics({ versions: { service: '9.9.9', rules: '2.0.0' } });
    const app = createApp(testConfig(), { engine: fakeEngine(), store: openSqliteStore(':memory:'), metrics });
    metrics.rateLimitRefused();
    metrics.rateLimitRefused();
    const text = (await request(app).get('/metrics')).text;
    expect(sample(text, 'osteo_cds_rate_limit_refusals_total')).toBe(2);
    expect(sample(text, 'osteo_cds_build_info', { service_version: '9.9.9', rules_version: '2.0.0' })).toBe(1);
  });

  it('needs Authorization: Bearer <CDS_METRICS_TOKEN> when that is set', async () => {
    const { app } = makeApp({ config: { metricsToken: 'scrape-secret' } });
    const none = await request(app).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await request(app).get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(401);
    const ok = await request(app).get('/metrics').set('Authorization', 'Bearer scrape-secret');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('osteo_cds_http_request_duration_seconds');
  });
});

describe('label hygiene', () => {
  it('maps every path to a fixed route family (unknown paths never become labels)', () => {
    expect(routeOf('/cds-services')).toMatchObject({ name: 'discovery' });
    expect(routeOf('/cds-services/anything')).toMatchObject({ name: 'hook', template: '/cds-services/{id}' });
    expect(routeOf('/cds-services/x/feedback')).toMatchObject({ name: 'feedback' });
    expect(routeOf('/Patient/123')).toMatchObject({ name: 'other', template: 'other' });
    expect(routeOf('/guideline/treatment-indicated')).toMatchObject({ name: 'guideline', template: '/guideline/{topic}' });
  });

  it('counts a store error once however often the store is wrapped, and passes results and errors through', async () => {
    const seen: string[] = [];
    const target = {
      ok: (n: number) => n + 1,
      fails: () => {
        throw new Error('x');
      },
      rejects: () => Promise.reject(new Error('y')),
    };
    const wrapped = countStoreErrors(countStoreErrors(target, (op) => seen.push(op)), (op) => seen.push(`again:${op}`));
    expect(wrapped.ok(1)).toBe(2);
    expect(() => wrapped.fails()).toThrow('x');
    await expect(wrapped.rejects()).rejects.toThrow('y');
    expect(seen).toEqual(['fails', 'rejects']);
  });
});
