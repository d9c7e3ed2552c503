/**
 * The store in an embedded SQLite database (better-sqlite3): no server, one file
 * (CDS_FEEDBACK_DB, default `./data/feedback.sqlite`; `:memory:` for tests). One process owns it:
 * replicas need PostgreSQL (`postgres-store.ts`).
 *
 * Durability: WAL journal with `synchronous = FULL`, so a batch acknowledged to the client
 * survives a crash or power loss. Idempotence: UNIQUE natural keys with
 * `INSERT … ON CONFLICT DO NOTHING`. Schema versions are kept in `PRAGMA user_version`; the
 * migrations run in one IMMEDIATE transaction (a second process opening the file waits, then sees
 * the new version), and a file whose version is newer than this code is refused.
 *
 * Times are ISO 8601 UTC strings with milliseconds (they sort as text); replay and rate-limit
 * expiries are epoch milliseconds.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { SchemaTooNewError } from './schema-error.js';
import { feedbackRowSchema, statsFrom, toAuditEntry, toStoredFeedback } from './rows.js';
import { ANONYMOUS, feedbackColumns, type Store } from './store.js';

export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE feedback (
     id                   INTEGER PRIMARY KEY,
     service_id           TEXT NOT NULL,
     card_uuid            TEXT NOT NULL,
     outcome              TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
     outcome_at           TEXT NOT NULL,  -- outcomeTimestamp normalised to UTC (ISO 8601, ms)
     outcome_timestamp    TEXT NOT NULL,  -- outcomeTimestamp as sent
     accepted_suggestions TEXT NOT NULL,  -- JSON array of suggestion uuids, sorted, unique
     override_code        TEXT,
     override_system      TEXT,
     override_display     TEXT,
     user_comment         TEXT,
     received_at          TEXT NOT NULL,
     UNIQUE (service_id, card_uuid, outcome, outcome_at, accepted_suggestions)
   )`,
  // 2: the cards issued (no patient data), joined to feedback by card uuid for GET /stats.
  `CREATE TABLE issued_cards (
     card_uuid  TEXT PRIMARY KEY,  -- lower case, as feedback.card_uuid
     service_id TEXT NOT NULL,
     topic      TEXT NOT NULL,
     indicator  TEXT NOT NULL CHECK (indicator IN ('info', 'warning', 'critical')),
     issued_at  TEXT NOT NULL      -- ISO 8601 UTC
   ) WITHOUT ROWID;
   CREATE INDEX issued_cards_issued_at ON issued_cards (issued_at);
   CREATE INDEX feedback_card_uuid ON feedback (card_uuid);`,
  // 3: the caller (issuer, tenant) on issued cards and feedback — part of feedback's natural key, so
  // one caller's feedback never stands in for another's — and the audit log, the JWT replay cache
  // and rate-limit windows. Rows from before have no caller ('').
  `ALTER TABLE issued_cards ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
   ALTER TABLE issued_cards ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
   CREATE TABLE feedback_v3 (
     id                   INTEGER PRIMARY KEY,
     issuer               TEXT NOT NULL,
     tenant               TEXT NOT NULL,
     service_id           TEXT NOT NULL,
     card_uuid            TEXT NOT NULL,
     outcome              TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
     outcome_at           TEXT NOT NULL,
     outcome_timestamp    TEXT NOT NULL,
     accepted_suggestions TEXT NOT NULL,
     override_code        TEXT,
     override_system      TEXT,
     override_display     TEXT,
     user_comment         TEXT,
     received_at          TEXT NOT NULL,
     UNIQUE (issuer, tenant, service_id, card_uuid, outcome, outcome_at, accepted_suggestions)
   );
   INSERT INTO feedback_v3 (id, issuer, tenant, service_id, card_uuid, outcome, outcome_at, outcome_timestamp, accepted_suggestions,
                            override_code, override_system, override_display, user_comment, received_at)
     SELECT id, '', '', service_id, card_uuid, outcome, outcome_at, outcome_timestamp, accepted_suggestions,
            override_code, override_system, override_display, user_comment, received_at FROM feedback;
   DROP TABLE feedback;
   ALTER TABLE feedback_v3 RENAME TO feedback;
   CREATE INDEX feedback_card_uuid ON feedback (card_uuid);
   CREATE INDEX feedback_received_at ON feedback (received_at);
   CREATE TABLE audit_log (
     id               INTEGER PRIMARY KEY,
     at               TEXT NOT NULL,
     service_id       TEXT NOT NULL,
     hook_instance    TEXT NOT NULL,
     issuer           TEXT NOT NULL,
     tenant           TEXT NOT NULL,
     jti              TEXT NOT NULL,
     fhir_server_host TEXT NOT NULL,
     cards            TEXT NOT NULL,  -- JSON array of { uuid, topic }
     status           INTEGER NOT NULL
   );
   CREATE INDEX audit_log_at ON audit_log (at);
   CREATE TABLE token_replay (
     key        TEXT PRIMARY KEY,     -- sha-256 of iss and jti
     expires_at INTEGER NOT NULL      -- epoch ms
   ) WITHOUT ROWID;
   CREATE INDEX token_replay_expires_at ON token_replay (expires_at);
   CREATE TABLE rate_limits (
     key      TEXT PRIMARY KEY,
     count    INTEGER NOT NULL,
     reset_at INTEGER NOT NULL        -- epoch ms
   ) WITHOUT ROWID;
   CREATE INDEX rate_limits_reset_at ON rate_limits (reset_at);`,
  // 4: a folded card's topics (JSON array, own topic first; NULL = only `topic`): each counts as shown.
  `ALTER TABLE issued_cards ADD COLUMN topics TEXT;`,
];

export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

const countRow = z.object({ count: z.number().int() });
const hitRow = z.object({ count: z.number().int(), reset_at: z.number().int() });

export interface SqliteStoreOptions {
  /** Epoch ms (replay and rate-limit expiry); default Date.now. */
  readonly now?: () => number;
}

function isInMemory(location: string): boolean {
  return location === ':memory:' || location === '';
}

export function openSqliteStore(location: string, options: SqliteStoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  if (!isInMemory(location)) mkdirSync(dirname(location), { recursive: true });
  const db = new Database(location);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }

  const insert = db.prepare(
    `INSERT INTO feedback (issuer, tenant, service_id, card_uuid, outcome, outcome_at, outcome_timestamp, accepted_suggestions,
                           override_code, override_system, override_display, user_comment, received_at)
     VALUES (@issuer, @tenant, @serviceId, @card, @outcome, @outcomeAt, @outcomeTimestamp, @acceptedSuggestions,
             @overrideCode, @overrideSystem, @overrideDisplay, @userComment, @receivedAt)
     ON CONFLICT DO NOTHING`,
  );
  const recordBatch = db.transaction((serviceId: string, items: Parameters<Store['record']>[1], receivedAt: string, issuer: string, tenant: string) => {
    let inserted = 0;
    for (const item of items) {
      const info = insert.run({
        issuer,
        tenant,
        serviceId,
        ...feedbackColumns(item),
        receivedAt,
      });
      inserted += info.changes;
    }
    return { inserted, duplicates: items.length - inserted };
  });
  const insertIssued = db.prepare(
    `INSERT INTO issued_cards (card_uuid, service_id, issuer, tenant, topic, topics, indicator, issued_at)
     VALUES (@uuid, @serviceId, @issuer, @tenant, @topic, @topics, @indicator, @issuedAt)
     ON CONFLICT DO NOTHING`,
  );
  const recordIssuedBatch = db.transaction((cards: Parameters<Store['recordIssued']>[0]): number => {
    let inserted = 0;
    for (const card of cards) inserted += insertIssued.run({ ...card, uuid: card.uuid.toLowerCase(), topics: card.topics === undefined ? null : JSON.stringify(card.topics) }).changes;
    return inserted;
  });
  // The caller filter: NULL = every caller.
  const callerFilter = `(@issuer IS NULL OR i.issuer = @issuer) AND (@tenant IS NULL OR i.tenant = @tenant)`;
  const sameCaller = `f.card_uuid = i.card_uuid AND f.issuer = i.issuer AND f.tenant = i.tenant`;
  // Every topic a card carries (a folded card counts for each), one row each.
  const eachTopic = `json_each(COALESCE(i.topics, json_array(i.topic))) t`;
  // A card counts once per outcome however often its feedback arrives (retries, several events).
  const selectTopicCounts = db.prepare(
    `SELECT t.value AS topic,
            COUNT(*) AS shown,
            SUM(EXISTS (SELECT 1 FROM feedback f WHERE ${sameCaller} AND f.outcome = 'accepted')) AS accepted,
            SUM(EXISTS (SELECT 1 FROM feedback f WHERE ${sameCaller} AND f.outcome = 'overridden')) AS overridden,
            MIN(i.issued_at) AS first_issued_at
       FROM issued_cards i, ${eachTopic}
      WHERE i.issued_at >= @since AND ${callerFilter}
      GROUP BY t.value
      ORDER BY shown DESC, topic`,
  );
  const selectOverrideReasons = db.prepare(
    `SELECT t.value AS topic, COALESCE(f.override_code, 'unspecified') AS code, COUNT(DISTINCT i.card_uuid) AS count
       FROM issued_cards i JOIN ${eachTopic} JOIN feedback f ON ${sameCaller} AND f.outcome = 'overridden'
      WHERE i.issued_at >= @since AND ${callerFilter}
      GROUP BY t.value, code
      ORDER BY count DESC, code`,
  );
  const selectUnmatched = db.prepare(
    `SELECT COUNT(*) AS count FROM (
       SELECT DISTINCT f.issuer, f.tenant, f.card_uuid FROM feedback f
        WHERE (@issuer IS NULL OR f.issuer = @issuer) AND (@tenant IS NULL OR f.tenant = @tenant)
          AND NOT EXISTS (SELECT 1 FROM issued_cards i WHERE ${sameCaller}))`,
  );
  const selectAll = db.prepare('SELECT * FROM feedback ORDER BY id');
  const selectByService = db.prepare('SELECT * FROM feedback WHERE service_id = ? ORDER BY id');
  const insertAudit = db.prepare(
    `INSERT INTO audit_log (at, service_id, hook_instance, issuer, tenant, jti, fhir_server_host, cards, status)
     VALUES (@at, @serviceId, @hookInstance, @issuer, @tenant, @jti, @fhirServerHost, @cards, @status)`,
  );
  const recordAuditBatch = db.transaction((entries: Parameters<Store['recordAudit']>[0]) => {
    for (const e of entries) insertAudit.run({ ...e, cards: JSON.stringify(e.cards) });
  });
  const selectAudit = db.prepare('SELECT * FROM audit_log ORDER BY id');
  // One statement: a live key makes the upsert's WHERE false, so nothing changes → replay.
  const rememberToken = db.prepare(
    `INSERT INTO token_replay (key, expires_at) VALUES (@key, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE token_replay.expires_at <= @now`,
  );
  const hit = db.prepare(
    `INSERT INTO rate_limits (key, count, reset_at) VALUES (@key, 1, @resetAt)
     ON CONFLICT (key) DO UPDATE SET
       count    = CASE WHEN rate_limits.reset_at <= @now THEN 1 ELSE rate_limits.count + 1 END,
       reset_at = CASE WHEN rate_limits.reset_at <= @now THEN excluded.reset_at ELSE rate_limits.reset_at END
     RETURNING count, reset_at`,
  );
  const unhit = db.prepare('UPDATE rate_limits SET count = MAX(count - 1, 0) WHERE key = ?');
  const resetKey = db.prepare('DELETE FROM rate_limits WHERE key = ?');
  const pruneIssued = db.prepare('DELETE FROM issued_cards WHERE issued_at < ?');
  const pruneAudit = db.prepare('DELETE FROM audit_log WHERE at < ?');
  const pruneFeedback = db.prepare('DELETE FROM feedback WHERE received_at < ?');
  const pruneTokens = db.prepare('DELETE FROM token_replay WHERE expires_at <= ?');
  const pruneRateLimits = db.prepare('DELETE FROM rate_limits WHERE reset_at <= ?');
  const prune = db.transaction((retainFrom: string, nowMs: number) => ({
    issuedCards: pruneIssued.run(retainFrom).changes,
    auditEntries: pruneAudit.run(retainFrom).changes,
    feedback: pruneFeedback.run(retainFrom).changes,
    replayKeys: pruneTokens.run(nowMs).changes,
    rateLimitKeys: pruneRateLimits.run(nowMs).changes,
  }));
  const selectOne = db.prepare('SELECT 1');

  return {
    kind: 'sqlite',
    record: (serviceId, items, receivedAt, caller = ANONYMOUS) =>
      attempt(() => recordBatch(serviceId, items, receivedAt.toISOString(), caller.issuer, caller.tenant)),
    list: (filter) =>
      attempt(() => {
        const rows: unknown[] = filter?.serviceId === undefined ? selectAll.all() : selectByService.all(filter.serviceId);
        return rows.map((row) => toStoredFeedback(feedbackRowSchema.parse(row)));
      }),
    recordIssued: (cards) => attempt(() => (cards.length === 0 ? 0 : recordIssuedBatch(cards))),
    stats: (filter = {}) =>
      attempt(() => {
        const params = { since: filter.since ?? '', issuer: filter.issuer ?? null, tenant: filter.tenant ?? null };
        return statsFrom(selectTopicCounts.all(params), selectOverrideReasons.all(params), countRow.parse(selectUnmatched.get(params)).count);
      }),
    recordAudit: (entries) =>
      attempt(() => {
        if (entries.length > 0) recordAuditBatch(entries);
      }),
    listAudit: () => attempt(() => selectAudit.all().map(toAuditEntry)),
    rememberToken: (key, expiresAt) => attempt(() => rememberToken.run({ key, expiresAt: expiresAt.getTime(), now: now() }).changes === 1),
    hit: (key, windowMs) =>
      attempt(() => {
        const t = now();
        const row = hitRow.parse(hit.get({ key, now: t, resetAt: t + windowMs }));
        return { count: row.count, resetTime: new Date(row.reset_at) };
      }),
    unhit: (key) =>
      attempt(() => {
        unhit.run(key);
      }),
    resetKey: (key) =>
      attempt(() => {
        resetKey.run(key);
      }),
    prune: (retainFrom) => attempt(() => prune(retainFrom.toISOString(), now())),
    ping: () =>
      attempt(() => {
        selectOne.get();
      }),
    close: () =>
      attempt(() => {
        if (db.open) db.close();
      }),
  };
}

/** better-sqlite3 answers at once; the interface is async (for PostgreSQL), so a throw becomes a rejection. */
function attempt<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => resolve(work()));
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: the version is read under the write lock, so two processes never both migrate.
  db.transaction(() => {
    const current = z.number().int().parse(db.pragma('user_version', { simple: true }));
    if (current > SQLITE_SCHEMA_VERSION) throw new SchemaTooNewError('SQLite', current, SQLITE_SCHEMA_VERSION);
    for (let v = current; v < SQLITE_MIGRATIONS.length; v += 1) db.exec(SQLITE_MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SQLITE_SCHEMA_VERSION}`);
  }).immediate();
}
