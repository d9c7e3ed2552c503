/**
 * The cheap paths of a hook call: the JSON answer written without express's `res.json` (the same
 * bytes and headers), the request's log line built only when its level is on (the same lines),
 * the overview snapshot made after the answer, and the CDS Hooks routes answered before the public
 * routers (the same answers for every path under /cds-services).
 */
import { Writable } from 'node:stream';
import express, { type Request, type Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { LogLevel } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createSeenStore } from '../../src/http/overview/seen-store.js';
import { requestContext } from '../../src/http/request-context.js';
import { sendJson } from '../../src/http/send-json.js';
import { makeApp } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';

describe('sendJson', () => {
  const app = express();
  app.set('etag', false);
  const long = { text: 'Knogleskørhed æøå ÆØÅ – “quoted” 🦴 '.repeat(60), n: [1, 2.5, null, true] };
  const short = { ok: 'æ' };
  app.post('/express/:which', (req: Request<{ which: string }>, res: Response) => void res.status(201).json(req.params.which === 'long' ? long : short));
  app.post('/direct/:which', (req: Request<{ which: string }>, res: Response) => sendJson(res, 201, JSON.stringify(req.params.which === 'long' ? long : short)));

  it.each(['long', 'short'])('answers as res.status().json() does: status, Content-Type, Content-Length and bytes (%s body)', async (which) => {
    const viaExpress = await request(app).post(`/express/${which}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const direct = await request(app).post(`/direct/${which}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(direct.status).toBe(201);
    expect(direct.headers['content-type']).toBe(viaExpress.headers['content-type']);
    expect(direct.headers['content-length']).toBe(viaExpress.headers['content-length']);
    expect(direct.headers['transfer-encoding']).toBeUndefined();
    expect(Buffer.compare(direct.body as Buffer, viaExpress.body as Buffer)).toBe(0);
  });
});

describe('request logger', () => {
  function appLogging(level: LogLevel) {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    const app = express();
    app.use(requestContext(createLogger(level, stream)));
    app.get('/warns', (_req, res) => {
      res.locals.log.warn({ what: 'something' }, 'a warning');
      res.locals.log.warn('another');
      res.json({});
    });
    app.get('/quiet', (_req, res) => void res.json({}));
    app.get('/fails', (_req, res) => void res.status(500).json({}));
    return { app, lines };
  }

  it('binds the request id to what a route logs and to the line of the finished request', async () => {
    const { app, lines } = appLogging('info');
    await request(app).get('/warns').set('x-request-id', 'req-7').expect(200);
    await request(app).get('/quiet').set('x-request-id', 'req-8').expect(200);
    expect(lines.map((l) => [l.requestId, l.msg])).toEqual([
      ['req-7', 'a warning'],
      ['req-7', 'another'],
      ['req-7', 'request completed'],
      ['req-8', 'request completed'],
    ]);
    expect(lines[2]).toMatchObject({ method: 'GET', path: '/warns', status: 200, level: 30 });
  });

  it('writes only the levels that are on: a failed request at warn, nothing at silent', async () => {
    const atWarn = appLogging('warn');
    await request(atWarn.app).get('/warns').set('x-request-id', 'req-1').expect(200);
    await request(atWarn.app).get('/quiet').expect(200);
    await request(atWarn.app).get('/fails').set('x-request-id', 'req-3').expect(500);
    expect(atWarn.lines.map((l) => [l.requestId, l.msg])).toEqual([
      ['req-1', 'a warning'],
      ['req-1', 'another'],
      ['req-3', 'request failed'],
    ]);
    const silent = appLogging('silent');
    await request(silent.app).get('/warns').expect(200);
    await request(silent.app).get('/fails').expect(500);
    expect(silent.lines).toEqual([]);
  });
});

describe('seen store with a snapshot made later', () => {
  const snapshot = { lang: 'da' as const, model: { today: '2026-11-26' }, cards: [], unavailable: [] };

  it('makes the snapshot once, after the call (not when it is handed over), and keeps it', async () => {
    const store = createSeenStore(() => new Date(0));
    let made = 0;
    store.keep('a', () => {
      made += 1;
      return snapshot;
    });
    expect(made).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(made).toBe(1);
    expect(JSON.parse(store.get('a') ?? 'null')).toEqual(snapshot);
    expect(made).toBe(1);
  });

  it('a snapshot asked for before the next turn is made then', () => {
    const store = createSeenStore(() => new Date(0));
    store.keep('a', () => snapshot);
    expect(JSON.parse(store.get('a') ?? 'null')).toEqual(snapshot);
  });

  it('a snapshot that cannot be made is not kept, is reported, and leaves the others kept', () => {
    const errors: unknown[] = [];
    const store = createSeenStore(() => new Date(0), {}, (err) => errors.push(err));
    store.keep('a', () => snapshot);
    store.keep('broken', () => {
      throw new TypeError('no model');
    });
    store.keep('c', snapshot);
    expect(store.get('broken')).toBeUndefined();
    expect(store.usage().entries).toBe(2);
    expect(store.get('a')).toBeDefined();
    expect(store.get('c')).toBeDefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TypeError);
  });
});

describe('CDS Hooks routes before the public routers', () => {
  it('gives every path under /cds-services its answer: 404 beyond the routes and for unknown services, 405 for other methods', async () => {
    const { app } = makeApp();
    await request(app).get('/cds-services').expect(200);
    await request(app).get('/CDS-Services').expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').send(patientViewRequest()).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view/more/parts').send(patientViewRequest()).expect(404);
    await request(app).get('/cds-services/osteoporosis-patient-view/feedback').expect(405);
    await request(app).put('/cds-services').expect(405);
    await request(app).delete('/cds-services/osteoporosis-patient-view').expect(405);
    // Not a service: 404 by any method (contract "404 unknown service").
    await request(app).get('/cds-services/index.html').expect(404);
    await request(app).get('/cds-services/a/b.js').expect(404);
    // Feedback after the hook routes: still its own answers.
    const feedback = { feedback: [{ card: '2f1a4b7e-3c9d-4e8f-a1b2-c3d4e5f60718', outcome: 'overridden', outcomeTimestamp: '2025-01-01T00:00:00Z' }] };
    await request(app).post('/cds-services/osteoporosis-patient-view/feedback').send(feedback).expect(200);
    await request(app).post('/cds-services/no-such-service/feedback').send(feedback).expect(404);
    await request(app).get('/cds-services/osteoporosis-patient-view/feedback').expect(405);
    // The public routes are still reached after them.
    await request(app).get('/healthz').expect(200);
    await request(app).get('/nothing/here').expect(404);
  });
});
