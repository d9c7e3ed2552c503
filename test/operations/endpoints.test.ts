/**
 * The operations endpoints: /livez, /readyz (start-up, draining, store), /version (and the same
 * object in discovery), and that none of them needs a JWT while CDS_TRUSTED_ISSUERS is on.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DISCOVERY_EXTENSION_VERSIONS } from '../../src/cds-hooks/discovery.js';
import { testConfig } from '../../src/config.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { createApp } from '../../src/http/app.js';
import { createLifecycle } from '../../src/http/lifecycle.js';
import { GUIDELINE_VERSION, RULES_VERSION } from '../../src/rules/version.js';
import { fakeEngine, makeApp } from '../helpers/app.js';
import { makeRealApp } from '../helpers/engine.js';
import { jwks, makeKey, writeJwksFile } from '../helpers/jwt.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function appWithLifecycle(state: 'starting' | 'ready', store: Store = openSqliteStore(':memory:')) {
  const lifecycle = createLifecycle(state);
  const app = createApp(testConfig(), { engine: fakeEngine(), store: store, lifecycle });
  return { app, lifecycle };
}

describe('GET /livez', () => {
  it('answers 200 while the process runs, also while draining', async () => {
    const { app, lifecycle } = appWithLifecycle('ready');
    expect((await request(app).get('/livez')).body).toEqual({ status: 'alive' });
    lifecycle.drain();
    const res = await request(app).get('/livez');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /readyz', () => {
  it('is 503 until start-up is done, 200 when ready, 503 while draining and stopping', async () => {
    const { app, lifecycle } = appWithLifecycle('starting');
    expect((await request(app).get('/readyz')).status).toBe(503);
    lifecycle.ready();
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
    lifecycle.drain();
    const draining = await request(app).get('/readyz');
    expect(draining.status).toBe(503);
    expect(draining.body).toEqual({ status: 'draining' });
    // /healthz keeps its meaning: 503 once shutdown has begun.
    expect((await request(app).get('/healthz')).status).toBe(503);
    lifecycle.stop();
    expect((await request(app).get('/readyz')).status).toBe(503);
  });

  it('is 503 when the store does not answer (closed database)', async () => {
    const store = openSqliteStore(':memory:');
    const { app } = appWithLifecycle('ready', store);
    expect((await request(app).get('/readyz')).status).toBe(200);
    await store.close();
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'store-unavailable' });
  });

  it('is 503 within seconds when the store hangs (a probe never hangs)', async () => {
    const store = openSqliteStore(':memory:');
    const hanging: Store = { ...store, ping: () => new Promise<void>(() => undefined) };
    const { app } = appWithLifecycle('ready', hanging);
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
  }, 10_000);
});

describe('GET /version', () => {
  it('names the service version of package.json, the rules version and the guideline card', async () => {
    const { app } = makeApp();
    const res = await request(app).get('/version');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ service: PACKAGE_VERSION, rules: '0.0.0-test', guideline: 'test guideline' });
  });

  it('with the real engine: rules version from src/rules/version.ts, strings only, the same object on every discovery service', async () => {
    const { app } = makeRealApp({ now: new Date('2026-11-26T10:00:00Z') });
    const version = (await request(app).get('/version')).body as Record<string, unknown>;
    expect(version).toEqual({ service: PACKAGE_VERSION, rules: RULES_VERSION, guideline: 'DSAM osteoporose april 2025 ver. 3' });
    expect(GUIDELINE_VERSION).toBe('DSAM osteoporose april 2025 ver. 3');
    expect(RULES_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    const discovery = (await request(app).get('/cds-services')).body as { services: { extension?: Record<string, unknown> }[] };
    expect(discovery.services).toHaveLength(4);
    for (const service of discovery.services) expect(service.extension?.[DISCOVERY_EXTENSION_VERSIONS]).toEqual(version);
  });

  it('every card carries extension["osteo-cds.rules-version"], the rules version', async () => {
    const { app } = makeRealApp({ now: new Date('2026-11-26T10:00:00Z') });
    const res = await request(app)
      .post('/cds-services/osteoporosis-patient-view')
      .send(JSON.parse(readFileSync(new URL('../../fixtures/facts-danish-woman/request.json', import.meta.url), 'utf8')) as object);
    expect(res.status).toBe(200);
    const cards = (res.body as { cards: { extension: Record<string, unknown> }[] }).cards;
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.extension['osteo-cds.rules-version']).toBe(RULES_VERSION);
  });
});

describe('no JWT needed for the operations endpoints', () => {
  it('answers /livez, /readyz, /version and /metrics without a token while discovery needs one', async () => {
    const file = writeJwksFile(jwks(await makeKey('ES384', 'k1')));
    const { app } = makeApp({ config: { trustedIssuers: { 'https://ehr.example.org': { jwks: file } } } });
    expect((await request(app).get('/cds-services')).status).toBe(401);
    for (const path of ['/livez', '/readyz', '/version', '/metrics', '/healthz']) {
      expect((await request(app).get(path)).status, path).toBe(200);
    }
  });
});
