/**
 * The feedback store in an embedded SQLite database (better-sqlite3): no server, one file
 * (CDS_FEEDBACK_DB, default `./data/feedback.sqlite`; `:memory:` for tests).
 *
 * Durability: WAL journal with `synchronous = FULL`, so a batch acknowledged to the client
 * survives a crash or power loss. Idempotence: a UNIQUE natural key (see `store.ts`) with
 * `INSERT … ON CONFLICT DO NOTHING`. Schema versions are kept in `PRAGMA user_version`.
 *
 * Version 2 adds `issued_cards` (card uuid, service, topic, indicator, time — no patient data),
 * written in batches by `issued-recorder.ts` and joined to feedback by card uuid for GET /stats.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { FeedbackItem, FeedbackStats, FeedbackStore, IssuedCard, RecordResult, StoredFeedback, TopicStats } from './store.js';

const MIGRATIONS: readonly string[] = [
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
];

const SCHEMA_VERSION = MIGRATIONS.length;

const rowSchema = z.object({
  service_id: z.string(),
  card_uuid: z.string(),
  outcome: z.enum(['accepted', 'overridden']),
  outcome_timestamp: z.string(),
  accepted_suggestions: z.string(),
  override_code: z.string().nullable(),
  override_system: z.string().nullable(),
  override_display: z.string().nullable(),
  user_comment: z.string().nullable(),
  received_at: z.string(),
});

const suggestionIds = z.array(z.string());

const topicRowSchema = z.object({
  topic: z.string(),
  shown: z.number().int(),
  accepted: z.number().int(),
  overridden: z.number().int(),
  first_issued_at: z.string(),
});
const reasonRowSchema = z.object({ topic: z.string(), code: z.string(), count: z.number().int() });

function isInMemory(location: string): boolean {
  return location === ':memory:' || location === '';
}

export function openSqliteFeedbackStore(location: string): FeedbackStore {
  if (!isInMemory(location)) mkdirSync(dirname(location), { recursive: true });
  const db = new Database(location);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insert = db.prepare(
    `INSERT INTO feedback (service_id, card_uuid, outcome, outcome_at, outcome_timestamp, accepted_suggestions,
                           override_code, override_system, override_display, user_comment, received_at)
     VALUES (@serviceId, @card, @outcome, @outcomeAt, @outcomeTimestamp, @acceptedSuggestions,
             @overrideCode, @overrideSystem, @overrideDisplay, @userComment, @receivedAt)
     ON CONFLICT DO NOTHING`,
  );
  const recordBatch = db.transaction((serviceId: string, items: readonly FeedbackItem[], receivedAt: string): RecordResult => {
    let inserted = 0;
    for (const item of items) {
      const info = insert.run({
        serviceId,
        card: item.card.toLowerCase(),
        outcome: item.outcome,
        outcomeAt: new Date(item.outcomeTimestamp).toISOString(),
        outcomeTimestamp: item.outcomeTimestamp,
        acceptedSuggestions: JSON.stringify([...new Set(item.acceptedSuggestions)].sort()),
        overrideCode: item.overrideReason?.code ?? null,
        overrideSystem: item.overrideReason?.system ?? null,
        overrideDisplay: item.overrideReason?.display ?? null,
        userComment: item.overrideReason?.userComment ?? null,
        receivedAt,
      });
      inserted += info.changes;
    }
    return { inserted, duplicates: items.length - inserted };
  });
  const insertIssued = db.prepare(
    `INSERT INTO issued_cards (card_uuid, service_id, topic, indicator, issued_at)
     VALUES (@uuid, @serviceId, @topic, @indicator, @issuedAt)
     ON CONFLICT DO NOTHING`,
  );
  const recordIssuedBatch = db.transaction((cards: readonly IssuedCard[]): number => {
    let inserted = 0;
    for (const card of cards) inserted += insertIssued.run({ ...card, uuid: card.uuid.toLowerCase() }).changes;
    return inserted;
  });
  // A card counts once per outcome however often its feedback arrives (retries, several events).
  const selectTopicCounts = db.prepare(
    `SELECT i.topic AS topic,
            COUNT(*) AS shown,
            SUM(EXISTS (SELECT 1 FROM feedback f WHERE f.card_uuid = i.card_uuid AND f.outcome = 'accepted')) AS accepted,
            SUM(EXISTS (SELECT 1 FROM feedback f WHERE f.card_uuid = i.card_uuid AND f.outcome = 'overridden')) AS overridden,
            MIN(i.issued_at) AS first_issued_at
       FROM issued_cards i
      WHERE i.issued_at >= @since
      GROUP BY i.topic
      ORDER BY shown DESC, topic`,
  );
  const selectOverrideReasons = db.prepare(
    `SELECT i.topic AS topic, COALESCE(f.override_code, 'unspecified') AS code, COUNT(DISTINCT i.card_uuid) AS count
       FROM issued_cards i JOIN feedback f ON f.card_uuid = i.card_uuid AND f.outcome = 'overridden'
      WHERE i.issued_at >= @since
      GROUP BY i.topic, code
      ORDER BY count DESC, code`,
  );
  const selectUnmatched = db.prepare(
    `SELECT COUNT(DISTINCT f.card_uuid) AS count FROM feedback f
      WHERE NOT EXISTS (SELECT 1 FROM issued_cards i WHERE i.card_uuid = f.card_uuid)`,
  );
  const stats = (filter?: { readonly since?: string }): FeedbackStats => {
    const since = filter?.since ?? '';
    const reasons = new Map<string, { code: string; count: number }[]>();
    for (const row of selectOverrideReasons.all({ since })) {
      const r = reasonRowSchema.parse(row);
      reasons.set(r.topic, [...(reasons.get(r.topic) ?? []), { code: r.code, count: r.count }]);
    }
    let firstIssuedAt: string | undefined;
    const topics = selectTopicCounts.all({ since }).map((row): TopicStats => {
      const r = topicRowSchema.parse(row);
      if (firstIssuedAt === undefined || r.first_issued_at < firstIssuedAt) firstIssuedAt = r.first_issued_at;
      return { topic: r.topic, shown: r.shown, accepted: r.accepted, overridden: r.overridden, overrideReasons: reasons.get(r.topic) ?? [] };
    });
    const unmatched = z.object({ count: z.number() }).parse(selectUnmatched.get());
    return { firstIssuedAt, topics, unmatchedFeedbackCards: unmatched.count };
  };
  const selectAll = db.prepare('SELECT * FROM feedback ORDER BY id');
  const selectByService = db.prepare('SELECT * FROM feedback WHERE service_id = ? ORDER BY id');
  const selectOne = db.prepare('SELECT 1');

  return {
    record: (serviceId, items, receivedAt) => recordBatch(serviceId, items, receivedAt.toISOString()),
    list: (filter) => {
      const rows: unknown[] = filter?.serviceId === undefined ? selectAll.all() : selectByService.all(filter.serviceId);
      return rows.map(toStored);
    },
    recordIssued: (cards) => (cards.length === 0 ? 0 : recordIssuedBatch(cards)),
    stats,
    ping: () => {
      selectOne.get();
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}

function migrate(db: Database.Database): void {
  const current = z.number().int().parse(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION) throw new Error(`feedback database schema ${current} is newer than this service (${SCHEMA_VERSION})`);
  db.transaction(() => {
    for (let v = current; v < MIGRATIONS.length; v += 1) db.exec(MIGRATIONS[v] ?? '');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function toStored(row: unknown): StoredFeedback {
  const r = rowSchema.parse(row);
  const reason = {
    ...(r.override_code === null ? {} : { code: r.override_code }),
    ...(r.override_system === null ? {} : { system: r.override_system }),
    ...(r.override_display === null ? {} : { display: r.override_display }),
    ...(r.user_comment === null ? {} : { userComment: r.user_comment }),
  };
  return {
    serviceId: r.service_id,
    card: r.card_uuid,
    outcome: r.outcome,
    acceptedSuggestions: suggestionIds.parse(JSON.parse(r.accepted_suggestions)),
    ...(Object.keys(reason).length === 0 ? {} : { overrideReason: reason }),
    outcomeTimestamp: r.outcome_timestamp,
    receivedAt: r.received_at,
  };
}
