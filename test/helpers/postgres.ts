/**
 * PostgreSQL for tests. TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test, the
 * server this project's machines and `.ci/run` have) when it answers; otherwise an in-process
 * PGlite behind `@electric-sql/pglite-socket`, so the same tests run on a fresh machine. PGlite
 * serves one session at a time: stores opened on it get a single connection, and tests that need
 * several concurrent connections (replicas) ask `needsRealServer` — which prints one line saying
 * why they do not run — instead of skipping silently.
 *
 * Test files run in parallel, so each store gets a schema of its own (`search_path`), dropped at
 * `close()`.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore, type PostgresStoreOptions } from '../../src/store/postgres-store.js';
import type { Store } from '../../src/store/store.js';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface TestPostgres {
  /** A URL the service and `pg` can connect to. */
  readonly url: string;
  /** False: PGlite in this process (one session at a time). */
  readonly real: boolean;
  /** A fresh, empty schema name (dropped at `close()`). */
  newSchema(): string;
  /** A migrated store in a fresh schema, or in `schema` when given (a second "replica" on the same tables). */
  openStore(options?: Omit<PostgresStoreOptions, 'maxConnections'> & { readonly schema?: string }): Promise<Store>;
  /** A fresh schema, created, and a URL whose connections use it (for a service process); PGlite: its public schema. */
  createSchema(): Promise<{ readonly schema: string; readonly url: string }>;
  /** Runs one SQL statement in `schema` on a connection of its own. */
  query(schema: string, sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** Closes the stores, drops the schemas, stops PGlite. */
  close(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function testPostgres(): Promise<TestPostgres> {
  const configured = process.env.TEST_DATABASE_URL ?? DEFAULT_TEST_DATABASE_URL;
  let url = configured;
  let real = true;
  let stopPglite = (): Promise<void> => Promise.resolve();
  if (!(await reachable(configured))) {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create();
    // Several sockets may be open (a closed one is counted until its close is handled), but their
    // queries run one at a time and a transaction holds the session: one session at a time.
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 8 });
    await server.start();
    url = `postgres://postgres@${server.getServerConn()}/postgres`;
    real = false;
    stopPglite = async () => {
      await server.stop();
      await db.close();
    };
  }
  const schemas: string[] = [];
  const stores: Store[] = [];
  const newSchema = (): string => {
    const name = `test_${randomBytes(6).toString('hex')}`;
    schemas.push(name);
    return name;
  };
  const query = async (schema: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`SET search_path TO "${schema}"`);
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  };
  return {
    url,
    real,
    newSchema,
    async openStore(options = {}) {
      const store = await openPostgresStore(url, { ...options, schema: options.schema ?? newSchema(), ...(real ? {} : { maxConnections: 1 }) });
      stores.push(store);
      return store;
    },
    query,
    async createSchema() {
      // PGlite ignores the startup `options`; its database is this file's alone anyway.
      if (!real) return { schema: 'public', url };
      const schema = newSchema();
      await query('public', `CREATE SCHEMA "${schema}"`);
      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema}`);
      return { schema, url: withSchema.toString() };
    },
    async close() {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
      await stopPglite();
    },
  };
}

/**
 * For tests that need several concurrent connections (replicas): true with a real server; with
 * PGlite, prints one line saying the test needs a real server and returns false.
 */
export function needsRealServer(db: TestPostgres, test: string): boolean {
  if (db.real) return true;
  console.warn(
    `${test}: not run — it needs a real PostgreSQL server (several concurrent connections) and none answers at TEST_DATABASE_URL (default ${DEFAULT_TEST_DATABASE_URL}); PGlite serves one session at a time`,
  );
  return false;
}
