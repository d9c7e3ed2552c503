/**
 * Rows read back from either database, checked and turned into the store's types. The schemas
 * accept what both drivers return: better-sqlite3 gives numbers and ISO strings, node-postgres
 * gives `Date`s for timestamps (and counts are cast to int in its SQL).
 */
import { z } from 'zod';
import type { AuditEntry, FeedbackStats, StoredFeedback, TopicStats } from './store.js';

const isoTime = z.union([z.string(), z.date().transform((d) => d.toISOString())]);
const count = z.coerce.number().int();

export const feedbackRowSchema = z.object({
  issuer: z.string(),
  tenant: z.string(),
  service_id: z.string(),
  card_uuid: z.string(),
  outcome: z.enum(['accepted', 'overridden']),
  outcome_timestamp: z.string(),
  accepted_suggestions: z.string(),
  override_code: z.string().nullable(),
  override_system: z.string().nullable(),
  override_display: z.string().nullable(),
  user_comment: z.string().nullable(),
  received_at: isoTime,
});

const suggestionIds = z.array(z.string());

export function toStoredFeedback(r: z.infer<typeof feedbackRowSchema>): StoredFeedback {
  const reason = {
    ...(r.override_code === null ? {} : { code: r.override_code }),
    ...(r.override_system === null ? {} : { system: r.override_system }),
    ...(r.override_display === null ? {} : { display: r.override_display }),
    ...(r.user_comment === null ? {} : { userComment: r.user_comment }),
  };
  return {
    serviceId: r.service_id,
    issuer: r.issuer,
    tenant: r.tenant,
    card: r.card_uuid,
    outcome: r.outcome,
    acceptedSuggestions: suggestionIds.parse(JSON.parse(r.accepted_suggestions)),
    ...(Object.keys(reason).length === 0 ? {} : { overrideReason: reason }),
    outcomeTimestamp: r.outcome_timestamp,
    receivedAt: r.received_at,
  };
}

const topicRowSchema = z.object({ topic: z.string(), shown: count, accepted: count, overridden: count, first_issued_at: isoTime });
const reasonRowSchema = z.object({ topic: z.string(), code: z.string(), count });

/** The three answers of a stats query, as one `FeedbackStats`. */
export function statsFrom(topicRows: readonly unknown[], reasonRows: readonly unknown[], unmatched: number): FeedbackStats {
  const reasons = new Map<string, { code: string; count: number }[]>();
  for (const row of reasonRows) {
    const r = reasonRowSchema.parse(row);
    reasons.set(r.topic, [...(reasons.get(r.topic) ?? []), { code: r.code, count: r.count }]);
  }
  let firstIssuedAt: string | undefined;
  const topics = topicRows.map((row): TopicStats => {
    const r = topicRowSchema.parse(row);
    if (firstIssuedAt === undefined || r.first_issued_at < firstIssuedAt) firstIssuedAt = r.first_issued_at;
    return { topic: r.topic, shown: r.shown, accepted: r.accepted, overridden: r.overridden, overrideReasons: reasons.get(r.topic) ?? [] };
  });
  return { firstIssuedAt, topics, unmatchedFeedbackCards: unmatched };
}

// `topics`: a folded card's topics, own first (absent on a card that shows one topic, and on entries written before).
const auditCards = z.array(
  z.object({ uuid: z.string(), topic: z.string(), topics: z.array(z.string()).optional() }).transform(({ uuid, topic, topics }) => ({ uuid, topic, ...(topics === undefined ? {} : { topics }) })),
);
const auditRowSchema = z.object({
  at: isoTime,
  service_id: z.string(),
  hook_instance: z.string(),
  issuer: z.string(),
  tenant: z.string(),
  jti: z.string(),
  fhir_server_host: z.string(),
  // SQLite keeps JSON as text; PostgreSQL's jsonb arrives parsed.
  cards: z.union([z.string().transform((s): unknown => JSON.parse(s)), z.array(z.unknown())]).pipe(auditCards),
  status: count,
});

export function toAuditEntry(row: unknown): AuditEntry {
  const r = auditRowSchema.parse(row);
  return {
    at: r.at,
    serviceId: r.service_id,
    hookInstance: r.hook_instance,
    issuer: r.issuer,
    tenant: r.tenant,
    jti: r.jti,
    fhirServerHost: r.fhir_server_host,
    cards: r.cards,
    status: r.status,
  };
}
