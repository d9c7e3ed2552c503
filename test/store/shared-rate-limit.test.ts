/**
 * Rate limits shared through the store (CDS_DATABASE_URL): two app instances — two replicas —
 * whose limiters count in one PostgreSQL table share one caller's limit; keys are hashed (the
 * limiter's keys hold a NUL that PostgreSQL text cannot).
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { SharedRateLimitStore } from '../../src/http/rate-limit-store.js';
import type { Store } from '../../src/store/store.js';
import { fakeEngine } from '../helpers/app.js';
import { testPostgres, type TestPostgres } from '../helpers/postgres.js';

let db: TestPostgres;
beforeAll(async () => {
  db = await testPostgres();
}, 60_000);
afterAll(async () => {
  await db.close();
});

// No rateLimitStore given: a PostgreSQL store brings its shared counters by default.
const replica = (store: Store) => createApp(testConfig({ rateLimitPerMin: 3 }), { engine: fakeEngine(), store });

describe('rate limits in the shared store', () => {
  it('two replicas on one database share a caller’s limit', async () => {
    const schema = db.newSchema();
    const storeA = await db.openStore({ schema });
    // PGlite serves one session at a time: there the two apps share one connection pool.
    const storeB = db.real ? await db.openStore({ schema }) : storeA;
    const [a, b] = [replica(storeA), replica(storeB)];
    expect((await request(a).get('/cds-services')).status).toBe(200);
    expect((await request(b).get('/cds-services')).status).toBe(200);
    expect((await request(a).get('/cds-services')).status).toBe(200);
    const refused = await request(b).get('/cds-services');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('hashes keys: a key with a NUL and of any length is counted', async () => {
    const store = await db.openStore();
    const limiter = new SharedRateLimitStore(store);
    const key = `iss:https://ehr.example.dk\u0000tenant:${'x'.repeat(5000)}`;
    expect((await limiter.increment(key)).totalHits).toBe(1);
    expect((await limiter.increment(key)).totalHits).toBe(2);
    await limiter.decrement(key);
    expect((await limiter.increment(key)).totalHits).toBe(2);
    await limiter.resetKey(key);
    expect((await limiter.increment(key)).totalHits).toBe(1);
  });
});
