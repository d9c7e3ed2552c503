/**
 * The hook routes' JSON body parser (src/http/json-body.ts) over HTTP: a large UTF-8 record (read
 * as bytes, parsed in pieces) arrives as JSON.parse would give it; broken JSON is a 400 whichever
 * way the body was read; the parsed body is let go once the answer is written.
 */
import { gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/http/error-handler.js';
import { jsonBody } from '../../src/http/json-body.js';
import { requestContext } from '../../src/http/request-context.js';
import { PIECES_MIN_BYTES } from '../../src/http/json-pieces.js';
import pino from 'pino';

const LIMITS = { maxResourcesPerKey: 5000, maxDraftOrders: 100, bodyLimitBytes: 10 * 1024 * 1024 };
const TYPES = ['application/json', 'application/fhir+json', '+json'];

/** What the route received, and what `req.body` held once the answer had been written. */
let received: unknown;
let afterAnswer: unknown = 'not read';

const app = express();
app.use(requestContext(pino({ level: 'silent' })));
app.use('/cds-services', jsonBody(LIMITS, TYPES));
app.post('/cds-services/:id', (req, res) => {
  received = req.body;
  res.on('finish', () => {
    afterAnswer = req.body;
  });
  res.json({ ok: true });
});
app.use(errorHandler);

// Compressed bodies over a real socket: supertest would serialise a Buffer sent as JSON.
let server: ReturnType<express.Express['listen']>;
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(() => server.close());

async function postGzip(text: string): Promise<{ status: number; text: string }> {
  const { port } = server.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/cds-services/x`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: gzipSync(text) });
  return { status: res.status, text: await res.text() };
}

/** A record large enough to be parsed in pieces, with Danish text. */
function record(count: number): Record<string, unknown> {
  const entry = Array.from({ length: count }, (_, i) => ({
    fullUrl: `urn:uuid:${i}`,
    resource: { resourceType: 'Observation', id: `o${i}`, code: { coding: [{ system: 'urn:oid:1.2.208.176.2.1', code: 'NPU01443', display: 'P—Calcium(II); stofk. æøå' }] }, valueQuantity: { value: 2.3 + i / 1000, unit: 'mmol/L' } },
  }));
  return { hook: 'patient-view', context: { patientId: 'p1' }, prefetch: { patient: { resourceType: 'Patient', id: 'p1' }, observations: { resourceType: 'Bundle', entry } } };
}

describe('jsonBody', () => {
  it('a large UTF-8 record arrives whole and exact (read as bytes, parsed in pieces)', async () => {
    const body = record(400);
    const text = JSON.stringify(body);
    expect(Buffer.byteLength(text)).toBeGreaterThan(2 * PIECES_MIN_BYTES);
    await request(app).post('/cds-services/x').set('content-type', 'application/json; charset=utf-8').send(text).expect(200);
    expect(received).toStrictEqual(body);
  });

  it('the same record compressed or with no charset named is read as before', async () => {
    const body = record(400);
    await request(app).post('/cds-services/x').set('content-type', 'application/fhir+json').send(JSON.stringify(body)).expect(200);
    expect(received).toStrictEqual(body);
    received = undefined;
    expect((await postGzip(JSON.stringify(body))).status).toBe(200);
    expect(received).toStrictEqual(body);
  });

  it('broken JSON is a 400 that says so, large or small, read as bytes or not', async () => {
    const text = JSON.stringify(record(400));
    for (const broken of [`${text.slice(0, 20_000)}}${text.slice(20_001)}`, '{"hook":', '"a string"']) {
      const res = await request(app).post('/cds-services/x').set('content-type', 'application/json').send(broken).expect(400);
      expect(JSON.stringify(res.body)).toContain('not a JSON object');
      const gz = await postGzip(broken);
      expect(gz.status).toBe(400);
      expect(gz.text).toContain('not a JSON object');
    }
  });

  it('an empty body is {} and no body leaves req.body undefined, as express.json does', async () => {
    await request(app).post('/cds-services/x').set('content-type', 'application/json').send('').expect(200);
    expect(received).toStrictEqual({});
    await request(app).post('/cds-services/x').expect(200);
    expect(received).toBeUndefined();
  });

  it('lets the parsed body go once the answer is written (a keep-alive connection keeps its request)', async () => {
    afterAnswer = 'not read';
    await request(app).post('/cds-services/x').set('content-type', 'application/json').send(JSON.stringify(record(400))).expect(200);
    expect(received).toBeDefined();
    expect(afterAnswer).toBeUndefined();
  });
});
