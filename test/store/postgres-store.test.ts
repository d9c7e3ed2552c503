/**
 * The PostgreSQL store: the shared suite (store-suite.ts) on TEST_DATABASE_URL, or on PGlite when
 * no server answers (test/helpers/postgres.ts), and what is PostgreSQL's own — versioned
 * migrations in schema_migrations, a newer schema refused, replicas that start together migrating
 * once, and two stores on one database sharing the replay cache, counters and feedback.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_SCHEMA_VERSION } from '../../src/store/postgres-store.js';
import { needsRealServer, testPostgres, type TestPostgres } from '../helpers/postgres.js';
import { storeSuite } from './store-suite.js';

let db: TestPostgres;
// Starting PGlite (no server) takes seconds on a loaded machine.
beforeAll(async () => {
  db = await testPostgres();
}, 60_000);
afterAll(async () => {
  await db.close();
});

storeSuite('PostgreSQL', (options) => db.openStore(options ?? {}));

describe('PostgreSQL store: migrations', () => {
  it('records each version applied, and opening again applies nothing', async () => {
    const schema = db.newSchema();
    await (await db.openStore({ schema })).close();
    await (await db.openStore({ schema })).close();
    const { rows } = await db.query(schema, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r: { version: number }) => r.version)).toEqual(Array.from({ length: POSTGRES_SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it('refuses a database whose schema is newer than this code', async () => {
    const schema = db.newSchema();
    await (await db.openStore({ schema })).close();
    await db.query(schema, 'INSERT INTO schema_migrations (version) VALUES ($1)', [POSTGRES_SCHEMA_VERSION + 1]);
    await expect(db.openStore({ schema })).rejects.toThrow(`schema version ${POSTGRES_SCHEMA_VERSION + 1}, newer than this service knows (${POSTGRES_SCHEMA_VERSION})`);
  });

  it('replicas starting together on an empty database migrate it once', async () => {
    if (!needsRealServer(db, 'replicas starting together')) return;
    const schema = db.newSchema();
    const stores = await Promise.all(Array.from({ length: 4 }, () => db.openStore({ schema })));
    const { rows } = await db.query(schema, 'SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]).toEqual({ n: POSTGRES_SCHEMA_VERSION });
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe('PostgreSQL store: two replicas on one database', () => {
  it('share the replay cache, the rate-limit counters and feedback', async () => {
    if (!needsRealServer(db, 'two stores on one database')) return;
    const schema = db.newSchema();
    const [a, b] = await Promise.all([db.openStore({ schema }), db.openStore({ schema })]);
    const expires = new Date(Date.now() + 60_000);
    expect(await a.rememberToken('token', expires)).toBe(true);
    expect(await b.rememberToken('token', expires)).toBe(false);
    const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).hit('caller', 60_000)));
    expect(hits.map((h) => h.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const card = randomUUID();
    await a.recordIssued([{ uuid: card, serviceId: 's', issuer: '', tenant: '', topic: 'vitamin-d-calcium', indicator: 'info', issuedAt: new Date().toISOString() }]);
    await b.record('s', [{ card, outcome: 'overridden', acceptedSuggestions: [], outcomeTimestamp: new Date().toISOString() }], new Date());
    expect((await a.stats()).topics[0]).toMatchObject({ shown: 1, overridden: 1 });
  });
});
