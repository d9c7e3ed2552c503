/**
 * OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set: a server span per request continuing the
 * caller's trace, a client span per FHIR fetch (whose id is the parent the FHIR server sees), sent
 * to the OTLP endpoint (here a local stand-in collector); no patient id in what is exported.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { createApp } from '../../src/http/app.js';
import { parseTraceparent } from '../../src/observability/trace-context.js';
import { startTracing, w3cTracing } from '../../src/observability/tracing.js';
import { fakeEngine } from '../helpers/app.js';
import { FHIR_BASE, FHIR_ORIGIN, FHIR_PATHS, PATIENT_ID, patient, patientViewRequest } from '../helpers/fhir.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

let collector: Server;
let endpoint: string;
const exported: { path: string; body: string }[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      exported.push({ path: req.url ?? '', body });
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  nock.disableNetConnect();
  nock.enableNetConnect((host) => host.startsWith('127.0.0.1'));
});
afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await new Promise((resolve) => collector.close(resolve));
});

describe('OpenTelemetry tracing', () => {
  it('is off without an endpoint: the W3C pass-through, nothing loaded', async () => {
    expect(await startTracing({ otlpEndpoint: undefined, serviceVersion: '2.0.0' })).toBe(w3cTracing);
  });

  it('exports a server span in the caller trace and a client span per FHIR fetch, without patient ids', async () => {
    const tracing = await startTracing({ otlpEndpoint: endpoint, serviceVersion: '2.0.0' });
    const app = createApp(testConfig(), { engine: fakeEngine(), store: openSqliteStore(':memory:'), tracing });
    let seenByFhir: string | undefined;
    nock(FHIR_ORIGIN)
      .get(FHIR_PATHS.patient)
      .reply(function reply() {
        const header = this.req.headers.traceparent;
        seenByFhir = Array.isArray(header) ? header[0] : header;
        return [200, patient()];
      });
    const body = patientViewRequest({ fhirServer: FHIR_BASE });
    delete (body.prefetch as Record<string, unknown>).patient;
    const res = await request(app).post('/cds-services/osteoporosis-patient-view').set('traceparent', `00-${TRACE_ID}-b7ad6b7169203331-01`).send(body);
    expect(res.status).toBe(200);
    await tracing.shutdown();

    expect(parseTraceparent(seenByFhir)?.traceId).toBe(TRACE_ID);
    const traces = exported.filter((e) => e.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    const text = traces.map((t) => t.body).join('\n');
    expect(text).toContain(TRACE_ID);
    expect(text).toContain('POST /cds-services/{id}');
    expect(text).toContain('GET FHIR');
    expect(text).toContain('osteoporosis-patient-view');
    expect(text).toContain('osteo-cds');
    // The FHIR server saw the client span as its parent.
    expect(text).toContain(parseTraceparent(seenByFhir)?.parentId ?? 'missing');
    expect(text).not.toContain(PATIENT_ID);
  }, 20_000);
});
