/**
 * The store in PostgreSQL (node-postgres), for several replicas sharing one database
 * (CDS_DATABASE_URL=postgres://…). Same behaviour as the SQLite store (test/store/ runs one suite
 * against both); what differs is how it is made safe for concurrent processes:
 *
 * - migrations run at start in one transaction under an advisory lock (replicas starting together
 *   wait for each other; the second finds the schema current), are recorded in
 *   `schema_migrations`, and a database with a version newer than this code is refused;
 * - each write is one statement (batches as `unnest` arrays), so it is atomic without a session
 *   transaction and durable when PostgreSQL acknowledges it (its default `synchronous_commit`);
 * - the replay cache and rate-limit counters are single upserts: a token replayed to any replica
 *   finds the row; a counter is incremented under the row lock, never lost between replicas.
 *
 * Timestamps are `timestamptz`; the store's clock (`now`) is the service's, as for SQLite.
 */
import pg from 'pg';
import { SchemaTooNewError } from './schema-error.js';
import { feedbackRowSchema, statsFrom, toAuditEntry, toStoredFeedback } from './rows.js';
import { ANONYMOUS, feedbackColumns, type Store } from './store.js';
import { z } from 'zod';

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE feedback (
     id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     issuer               text NOT NULL,
     tenant               text NOT NULL,
     service_id           text NOT NULL,
     card_uuid            text NOT NULL,         -- lower case
     outcome              text NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
     outcome_at           timestamptz NOT NULL,  -- outcomeTimestamp as an instant (ms)
     outcome_timestamp    text NOT NULL,         -- outcomeTimestamp as sent
     accepted_suggestions text NOT NULL,         -- JSON array of suggestion uuids, sorted, unique
     override_code        text,
     override_system      text,
     override_display     text,
     user_comment         text,
     received_at          timestamptz NOT NULL,
     UNIQUE (issuer, tenant, service_id, card_uuid, outcome, outcome_at, accepted_suggestions)
   );
   CREATE INDEX feedback_card_uuid ON feedback (card_uuid);
   CREATE INDEX feedback_received_at ON feedback (received_at);
   CREATE TABLE issued_cards (
     card_uuid  text PRIMARY KEY,
     service_id text NOT NULL,
     issuer     text NOT NULL,
     tenant     text NOT NULL,
     topic      text NOT NULL,
     indicator  text NOT NULL CHECK (indicator IN ('info', 'warning', 'critical')),
     issued_at  timestamptz NOT NULL
   );
   CREATE INDEX issued_cards_issued_at ON issued_cards (issued_at);
   CREATE TABLE audit_log (
     id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     at               timestamptz NOT NULL,
     service_id       text NOT NULL,
     hook_instance    text NOT NULL,
     issuer           text NOT NULL,
     tenant           text NOT NULL,
     jti              text NOT NULL,
     fhir_server_host text NOT NULL,
     cards            jsonb NOT NULL,  -- [{ uuid, topic }]
     status           smallint NOT NULL
   );
   CREATE INDEX audit_log_at ON audit_log (at);
   CREATE TABLE token_replay (
     key        text PRIMARY KEY,  -- sha-256 of iss and jti
     expires_at timestamptz NOT NULL
   );
   CREATE INDEX token_replay_expires_at ON token_replay (expires_at);
   CREATE TABLE rate_limits (
     key      text PRIMARY KEY,
     count    integer NOT NULL,
     reset_at timestamptz NOT NULL
   );
   CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);`,
  // 2: a folded card's topics (own topic first; NULL = only `topic`): each counts as shown.
  `ALTER TABLE issued_cards ADD COLUMN topics jsonb;`,
];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS.length;

export interface PostgresStoreOptions {
  /** Epoch ms (replay and rate-limit expiry); default Date.now. */
  readonly now?: () => number;
  /** Tables live in this schema (created if missing); default the connection's search_path. */
  readonly schema?: string;
  /** Pool size (default 10). */
  readonly maxConnections?: number;
  /** An idle connection failed (the pool replaces it); without a handler node-postgres would crash the process. */
  readonly onIdleError?: (err: Error) => void;
}

const versionRow = z.object({ version: z.number().int() });
const hitRow = z.object({ count: z.number().int(), reset_at: z.date() });
const countRow = z.object({ count: z.number().int() });

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Opens the pool, runs the migrations; rejects (and closes the pool) when either fails. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const now = options.now ?? Date.now;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    application_name: 'osteo-cds',
  });
  pool.on('error', (err) => options.onIdleError?.(err));
  const schema = options.schema;
  if (schema !== undefined) {
    // Queued on each new connection before anything the pool hands it out for.
    pool.on('connect', (client) => {
      client.query(`SET search_path TO ${quoteIdent(schema)}`).catch(() => undefined);
    });
  }
  try {
    await migrate(pool, schema);
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }

  let closed: Promise<void> | undefined;
  const since = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(iso));
  // The caller filter ($2 issuer, $3 tenant): NULL = every caller.
  const callerFilter = `($2::text IS NULL OR i.issuer = $2) AND ($3::text IS NULL OR i.tenant = $3)`;
  const sameCaller = `f.card_uuid = i.card_uuid AND f.issuer = i.issuer AND f.tenant = i.tenant`;

  return {
    kind: 'postgres',
    async record(serviceId, items, receivedAt, caller = ANONYMOUS) {
      if (items.length === 0) return { inserted: 0, duplicates: 0 };
      const rows = items.map(feedbackColumns);
      const column = <K extends keyof (typeof rows)[number]>(key: K): (typeof rows)[number][K][] => rows.map((r) => r[key]);
      const result = await pool.query(
        `INSERT INTO feedback (issuer, tenant, service_id, received_at, card_uuid, outcome, outcome_at, outcome_timestamp,
                               accepted_suggestions, override_code, override_system, override_display, user_comment)
         SELECT $1::text, $2::text, $3::text, $4::timestamptz, * FROM unnest($5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],
                                              $10::text[], $11::text[], $12::text[], $13::text[])
         ON CONFLICT DO NOTHING`,
        [
          caller.issuer,
          caller.tenant,
          serviceId,
          receivedAt,
          column('card'),
          column('outcome'),
          column('outcomeAt'),
          column('outcomeTimestamp'),
          column('acceptedSuggestions'),
          column('overrideCode'),
          column('overrideSystem'),
          column('overrideDisplay'),
          column('userComment'),
        ],
      );
      const inserted = result.rowCount ?? 0;
      return { inserted, duplicates: items.length - inserted };
    },
    async list(filter) {
      const { rows } =
        filter?.serviceId === undefined
          ? await pool.query('SELECT * FROM feedback ORDER BY id')
          : await pool.query('SELECT * FROM feedback WHERE service_id = $1 ORDER BY id', [filter.serviceId]);
      return rows.map((row) => toStoredFeedback(feedbackRowSchema.parse(row)));
    },
    async recordIssued(cards) {
      if (cards.length === 0) return 0;
      const result = await pool.query(
        `INSERT INTO issued_cards (card_uuid, service_id, issuer, tenant, topic, indicator, issued_at, topics)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::jsonb[])
         ON CONFLICT DO NOTHING`,
        [
          cards.map((c) => c.uuid.toLowerCase()),
          cards.map((c) => c.serviceId),
          cards.map((c) => c.issuer),
          cards.map((c) => c.tenant),
          cards.map((c) => c.topic),
          cards.map((c) => c.indicator),
          cards.map((c) => c.issuedAt),
          cards.map((c) => (c.topics === undefined ? null : JSON.stringify(c.topics))),
        ],
      );
      return result.rowCount ?? 0;
    },
    async stats(filter = {}) {
      const params = [since(filter.since), filter.issuer ?? null, filter.tenant ?? null];
      const window = `($1::timestamptz IS NULL OR i.issued_at >= $1) AND ${callerFilter}`;
      // Every topic a card carries (a folded card counts for each), one row each.
      const eachTopic = `LATERAL jsonb_array_elements_text(COALESCE(i.topics, jsonb_build_array(i.topic))) AS t(value)`;
      // A card counts once per outcome however often its feedback arrives (retries, several events).
      const [topics, reasons, unmatched] = await Promise.all([
        pool.query(
          `SELECT t.value AS topic,
                  COUNT(*)::int AS shown,
                  COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM feedback f WHERE ${sameCaller} AND f.outcome = 'accepted'))::int AS accepted,
                  COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM feedback f WHERE ${sameCaller} AND f.outcome = 'overridden'))::int AS overridden,
                  MIN(i.issued_at) AS first_issued_at
             FROM issued_cards i CROSS JOIN ${eachTopic}
            WHERE ${window}
            GROUP BY t.value
            ORDER BY shown DESC, t.value COLLATE "C"`,
          params,
        ),
        pool.query(
          `SELECT t.value AS topic, COALESCE(f.override_code, 'unspecified') COLLATE "C" AS code, COUNT(DISTINCT i.card_uuid)::int AS count
             FROM issued_cards i CROSS JOIN ${eachTopic} JOIN feedback f ON ${sameCaller} AND f.outcome = 'overridden'
            WHERE ${window}
            GROUP BY t.value, 2
            ORDER BY count DESC, code`,
          params,
        ),
        pool.query(
          `SELECT COUNT(*)::int AS count FROM (
             SELECT DISTINCT f.issuer, f.tenant, f.card_uuid FROM feedback f
              WHERE ($1::text IS NULL OR f.issuer = $1) AND ($2::text IS NULL OR f.tenant = $2)
                AND NOT EXISTS (SELECT 1 FROM issued_cards i WHERE ${sameCaller})) AS u`,
          params.slice(1),
        ),
      ]);
      return statsFrom(topics.rows, reasons.rows, countRow.parse(unmatched.rows[0]).count);
    },
    async recordAudit(entries) {
      if (entries.length === 0) return;
      await pool.query(
        `INSERT INTO audit_log (at, service_id, hook_instance, issuer, tenant, jti, fhir_server_host, cards, status)
         SELECT at, service_id, hook_instance, issuer, tenant, jti, host, cards::jsonb, status
           FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::smallint[])
                AS e (at, service_id, hook_instance, issuer, tenant, jti, host, cards, status)`,
        [
          entries.map((e) => e.at),
          entries.map((e) => e.serviceId),
          entries.map((e) => e.hookInstance),
          entries.map((e) => e.issuer),
          entries.map((e) => e.tenant),
          entries.map((e) => e.jti),
          entries.map((e) => e.fhirServerHost),
          entries.map((e) => JSON.stringify(e.cards)),
          entries.map((e) => e.status),
        ],
      );
    },
    async listAudit() {
      const { rows } = await pool.query('SELECT * FROM audit_log ORDER BY id');
      return rows.map(toAuditEntry);
    },
    async rememberToken(key, expiresAt) {
      // One statement: a live key makes the upsert's WHERE false, so no row is touched → replay.
      const result = await pool.query(
        `INSERT INTO token_replay AS t (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE t.expires_at <= $3`,
        [key, expiresAt, new Date(now())],
      );
      return result.rowCount === 1;
    },
    async hit(key, windowMs) {
      const t = now();
      const { rows } = await pool.query(
        `INSERT INTO rate_limits AS r (key, count, reset_at) VALUES ($1, 1, $3)
         ON CONFLICT (key) DO UPDATE SET
           count    = CASE WHEN r.reset_at <= $2 THEN 1 ELSE r.count + 1 END,
           reset_at = CASE WHEN r.reset_at <= $2 THEN EXCLUDED.reset_at ELSE r.reset_at END
         RETURNING count, reset_at`,
        [key, new Date(t), new Date(t + windowMs)],
      );
      const row = hitRow.parse(rows[0]);
      return { count: row.count, resetTime: row.reset_at };
    },
    async unhit(key) {
      await pool.query('UPDATE rate_limits SET count = GREATEST(count - 1, 0) WHERE key = $1', [key]);
    },
    async resetKey(key) {
      await pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
    },
    async prune(retainFrom) {
      const t = new Date(now());
      const deleted = async (sql: string, at: Date): Promise<number> => (await pool.query(sql, [at])).rowCount ?? 0;
      return {
        issuedCards: await deleted('DELETE FROM issued_cards WHERE issued_at < $1', retainFrom),
        auditEntries: await deleted('DELETE FROM audit_log WHERE at < $1', retainFrom),
        feedback: await deleted('DELETE FROM feedback WHERE received_at < $1', retainFrom),
        replayKeys: await deleted('DELETE FROM token_replay WHERE expires_at <= $1', t),
        rateLimitKeys: await deleted('DELETE FROM rate_limits WHERE reset_at <= $1', t),
      };
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close() {
      closed ??= pool.end();
      return closed;
    },
  };
}

/**
 * Brings the schema to this code's version in one transaction. The advisory lock (per schema, held
 * to the end of the transaction) makes replicas that start together migrate one after the other.
 */
async function migrate(pool: pg.Pool, schema: string | undefined): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('osteo-cds migrations ' || COALESCE($1::text, current_schema(), '')))`, [schema ?? null]);
    if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query('SELECT COALESCE(MAX(version), 0)::int AS version FROM schema_migrations');
    const current = versionRow.parse(rows[0]).version;
    if (current > POSTGRES_SCHEMA_VERSION) throw new SchemaTooNewError('PostgreSQL', current, POSTGRES_SCHEMA_VERSION);
    for (let v = current; v < POSTGRES_MIGRATIONS.length; v += 1) {
      await client.query(POSTGRES_MIGRATIONS[v] ?? '');
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
