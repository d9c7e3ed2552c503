/**
 * The body's limits read while it arrives (src/http/limits.ts `checkBodyShapeWhileReading`): a
 * refused body stops being buffered at the chunk that shows the refusal, so express.json never
 * holds it whole; bodies within the limits are scanned once, as they come; a compressed body is
 * checked whole after inflating, as before. Over HTTP, with body-parser as the app uses it.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError } from '../../src/http/errors.js';
import { checkBodyShape, checkBodyShapeWhileReading } from '../../src/http/limits.js';

const LIMITS = { maxResourcesPerKey: 50, maxDraftOrders: 100 };
const JSON_TYPES = ['application/json'];

/** What express.json handed to `verify`: how many bodies it buffered to their end. */
let buffered = 0;
let server: ReturnType<express.Express['listen']>;
let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  const app = express();
  // The scanner before a body-parser reader, as src/http/json-body.ts composes them (there the raw
  // reader for the bodies the scanner reads, with the same `verify`), with a count of the bodies
  // express.json read to their end.
  const verify = checkBodyShape(LIMITS);
  const scan = checkBodyShapeWhileReading(LIMITS, JSON_TYPES);
  const parse = express.json({
    limit: 10 * 1024 * 1024,
    type: JSON_TYPES,
    verify: (req, res, body, encoding) => {
      buffered += 1;
      verify(req as express.Request, res as express.Response, body, encoding);
    },
  });
  app.use('/cds-services', (req, res, next) => {
    scan(req, res);
    void parse(req, res, next);
  });
  app.post('/cds-services/:id', (req, res) => {
    res.json({ keys: Object.keys(req.body as object), longestStringBytes: res.locals.longestStringBytes });
  });
  const toAnswer: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
    const status = err instanceof HttpError ? err.status : typeof (err as { status?: unknown }).status === 'number' ? (err as { status: number }).status : 500;
    res.status(status).json({ status, message: err instanceof Error ? err.message : '' });
  };
  app.use(toAnswer);
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  agent.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** POSTs `body` in chunks of `chunk` bytes, one per event-loop turn, on the kept-alive connection. */
function post(path: string, body: Buffer, headers: Record<string, string> = {}, chunk = 16 * 1024): Promise<{ status: number; json: Record<string, unknown>; socket: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(body.length), ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>, socket: req.socket }));
    });
    req.on('error', reject);
    let at = 0;
    const next = (): void => {
      if (at >= body.length) {
        req.end();
        return;
      }
      req.write(body.subarray(at, at + chunk));
      at += chunk;
      setImmediate(next);
    };
    next();
  });
}

const drafts = (n: number): Buffer =>
  Buffer.from(JSON.stringify({ hook: 'order-sign', context: { draftOrders: { resourceType: 'Bundle', entry: Array.from({ length: n }, (_, i) => ({ resource: { resourceType: 'MedicationRequest', id: `d${i}`, status: 'draft' } })) } } }));

describe('limits read while the body arrives', () => {
  it('refuses 8,920 draft orders (about 0.8 MB) with 413 without buffering the body to its end, and the connection serves the next call', async () => {
    const before = buffered;
    const refused = await post('/cds-services/osteoporosis-order-sign', drafts(8920));
    expect(refused.status).toBe(413);
    expect(refused.json.message).toContain('more than 100 draft orders');
    expect(buffered).toBe(before);
    const next = await post('/cds-services/osteoporosis-order-sign', drafts(100));
    expect(next.status).toBe(200);
    expect(next.socket).toBe(refused.socket);
    expect(buffered).toBe(before + 1);
  });

  it('refuses nesting past 100 levels while the body is still arriving; a string of any length is read to its end and passed on', async () => {
    const before = buffered;
    const deep = await post('/cds-services/osteoporosis-patient-view', Buffer.from(`{"a":${'['.repeat(50_000)}${']'.repeat(50_000)}}`));
    expect(deep.status).toBe(400);
    expect(deep.json.message).toContain('nested deeper than 100 levels');
    expect(buffered).toBe(before);
    // Free text of any length up to the body limit is answered (contract v2 "Limits").
    const long = await post('/cds-services/osteoporosis-patient-view', Buffer.from(JSON.stringify({ hook: 'patient-view', context: { note: `x${' '.repeat(3_000_000)}` } })), {}, 256 * 1024);
    expect(long).toMatchObject({ status: 200, json: { longestStringBytes: 3_000_001 } });
  });

  it('passes a body within the limits on, scanned once as it arrived: its longest string is known', async () => {
    const ok = await post('/cds-services/osteoporosis-patient-view', Buffer.from(JSON.stringify({ hook: 'patient-view', context: { note: 'y'.repeat(40_000) } })), {}, 1000);
    expect(ok).toMatchObject({ status: 200, json: { keys: ['hook', 'context'], longestStringBytes: 40_000 } });
  });

  it('a body express.json refuses unread (declared larger than its limit) is still only scanned, never answered twice', async () => {
    const huge = drafts(140_000);
    expect(huge.length).toBeGreaterThan(10 * 1024 * 1024);
    const refused = await post('/cds-services/osteoporosis-order-sign', huge, {}, 256 * 1024);
    expect(refused.status).toBe(413);
    expect((await post('/cds-services/osteoporosis-order-sign', drafts(3))).status).toBe(200);
  });

  it('checks a compressed body once inflated, whole (as before)', async () => {
    const refused = await post('/cds-services/osteoporosis-order-sign', gzipSync(drafts(500)), { 'content-encoding': 'gzip' });
    expect(refused.status).toBe(413);
    const ok = await post('/cds-services/osteoporosis-order-sign', gzipSync(drafts(3)), { 'content-encoding': 'gzip' });
    expect(ok.status).toBe(200);
  });
});
