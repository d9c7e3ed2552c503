/**
 * The service's one store: feedback, the cards it issued, the audit log, the JWT replay cache and
 * the rate-limit counters. Two implementations behind this interface, one shared test suite
 * (test/store/): SQLite (`sqlite-store.ts`, the embedded default at CDS_FEEDBACK_DB) and
 * PostgreSQL (`postgres-store.ts`, CDS_DATABASE_URL, shared by replicas). Every method is async
 * because PostgreSQL is; SQLite answers at once.
 *
 * Callers: every row that belongs to a caller carries its `issuer` and `tenant` (the JWT's `iss`
 * and `tenant`; `''` when unauthenticated or absent). Feedback counts only for a card issued to
 * the same issuer and tenant, so one caller's feedback cannot change another's statistics.
 *
 * Feedback idempotence: clients may send the same feedback more than once (retries, batches
 * across hook instances). An item is identified by its natural key — caller, service id, card
 * uuid, outcome, outcome instant (normalised to UTC milliseconds, so `…T10:05:31Z` and
 * `…T12:05:31+02:00` are one event) and the sorted set of accepted suggestion ids. A repeat of a
 * stored key is counted as a duplicate and changes nothing (the first copy wins).
 *
 * No patient data is ever stored: card uuids, topics, codes, counts and the caller's identifiers.
 */

/** Who called: the JWT's `iss` and `tenant` (`''` when there is none). */
export interface Caller {
  readonly issuer: string;
  readonly tenant: string;
}

/** Development mode (no CDS_TRUSTED_ISSUERS) and rows stored before callers were recorded. */
export const ANONYMOUS: Caller = { issuer: '', tenant: '' };

export interface FeedbackOverrideReason {
  readonly code?: string;
  readonly system?: string;
  readonly display?: string;
  readonly userComment?: string;
}

/** One validated feedback item (CDS Hooks 2.0 "Feedback"). */
export interface FeedbackItem {
  /** `card.uuid` the feedback is about. */
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  /** Suggestion uuids (non-empty when accepted, empty when overridden). */
  readonly acceptedSuggestions: readonly string[];
  readonly overrideReason?: FeedbackOverrideReason;
  /** RFC 3339, as sent. */
  readonly outcomeTimestamp: string;
}

export interface StoredFeedback extends FeedbackItem {
  readonly serviceId: string;
  readonly issuer: string;
  readonly tenant: string;
  /** When the service first received it (ISO 8601 UTC). */
  readonly receivedAt: string;
}

export interface RecordResult {
  /** Items stored now. */
  readonly inserted: number;
  /** Items already stored before (same natural key). */
  readonly duplicates: number;
}

/**
 * A card the service issued, kept so feedback can be joined to its topic (GET /stats): the card's
 * uuid, the service, the caller, the topic and indicator, and when.
 */
export interface IssuedCard {
  readonly uuid: string;
  readonly serviceId: string;
  readonly issuer: string;
  readonly tenant: string;
  /** `source.topic.code` (`unknown` if a card had none). */
  readonly topic: string;
  /** A folded card's topics, its own first (`extension["osteo-cds.topics"]`): each counts as shown. */
  readonly topics?: readonly string[];
  readonly indicator: 'info' | 'warning' | 'critical';
  /** ISO 8601 UTC. */
  readonly issuedAt: string;
}

/** Per topic: cards shown, and how many of them GPs accepted or overrode (distinct cards). */
export interface TopicStats {
  readonly topic: string;
  readonly shown: number;
  readonly accepted: number;
  readonly overridden: number;
  /** Override reason codes (`unspecified` when feedback gave none) → distinct cards, most first. */
  readonly overrideReasons: readonly { readonly code: string; readonly count: number }[];
}

export interface FeedbackStats {
  /** The earliest issued card counted (ISO 8601), if any. */
  readonly firstIssuedAt: string | undefined;
  readonly topics: readonly TopicStats[];
  /** Cards with feedback that the store has no record of issuing to that caller (issued before recording began, pruned, or another caller's card). */
  readonly unmatchedFeedbackCards: number;
}

export interface StatsFilter {
  /** ISO 8601: only cards issued from then on. */
  readonly since?: string;
  /** Only this caller's cards (a tenant's statistics); default every caller. */
  readonly issuer?: string;
  readonly tenant?: string;
}

/** One audited hook call. No patient data: no patient id, no FHIR URL path or query, no card text. */
export interface AuditEntry {
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly serviceId: string;
  readonly hookInstance: string;
  readonly issuer: string;
  readonly tenant: string;
  /** The JWT's `jti` (`''` unauthenticated). */
  readonly jti: string;
  /** Host (and port) of the request's `fhirServer` (`''` when none was given). */
  readonly fhirServerHost: string;
  /** `topics`: a folded card's topics, its own first (`extension["osteo-cds.topics"]`): each was shown. */
  readonly cards: readonly { readonly uuid: string; readonly topic: string; readonly topics?: readonly string[] }[];
  /** The HTTP status the call was answered with. */
  readonly status: number;
}

/** A rate-limit window's counter after a hit. */
export interface RateLimitHit {
  readonly count: number;
  /** When the window (and its count) ends. */
  readonly resetTime: Date;
}

/** Rows removed by one `prune`. */
export interface PruneResult {
  readonly issuedCards: number;
  readonly auditEntries: number;
  readonly feedback: number;
  readonly replayKeys: number;
  readonly rateLimitKeys: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';

  /** Stores a feedback batch atomically (all or nothing) for `caller`; durable when it resolves. */
  record(serviceId: string, items: readonly FeedbackItem[], receivedAt: Date, caller?: Caller): Promise<RecordResult>;
  /** Stored feedback, oldest first (tests and exports). */
  list(filter?: { readonly serviceId?: string }): Promise<StoredFeedback[]>;
  /** Stores issued cards in one transaction; a uuid already stored is skipped. Resolves to the number stored. */
  recordIssued(cards: readonly IssuedCard[]): Promise<number>;
  /** Feedback joined to issued cards by card uuid and caller, per topic. */
  stats(filter?: StatsFilter): Promise<FeedbackStats>;

  /** Appends audit entries in one transaction. */
  recordAudit(entries: readonly AuditEntry[]): Promise<void>;
  /** Audit entries, oldest first (tests and exports). */
  listAudit(): Promise<AuditEntry[]>;

  /**
   * Records a token key (`iss` + `jti`) until `expiresAt`, in one INSERT that fails on a key
   * already recorded and not yet expired: resolves `true` for a first use, `false` for a replay
   * (from this process or any other sharing the database).
   */
  rememberToken(key: string, expiresAt: Date): Promise<boolean>;

  /** Counts one hit on `key` in a fixed window of `windowMs` (a new window once the last has ended), atomically. */
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  /** Takes one hit back (express-rate-limit's skipped requests); never below zero. */
  unhit(key: string): Promise<void>;
  /** Forgets `key`'s window. */
  resetKey(key: string): Promise<void>;

  /**
   * Deletes issued cards, audit entries and feedback from before `retainFrom`, and replay keys and
   * rate-limit windows that have expired.
   */
  prune(retainFrom: Date): Promise<PruneResult>;

  /** Resolves when the store answers, rejects when it does not (GET /readyz). */
  ping(): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
}

/** A feedback item's accepted suggestions as stored: sorted, unique, JSON. */
function suggestionKey(ids: readonly string[]): string {
  return JSON.stringify([...new Set(ids)].sort());
}

/** A feedback item's columns as both databases store them. */
export interface FeedbackColumns {
  readonly card: string;
  readonly outcome: FeedbackItem['outcome'];
  readonly outcomeAt: string;
  readonly outcomeTimestamp: string;
  readonly acceptedSuggestions: string;
  readonly overrideCode: string | null;
  readonly overrideSystem: string | null;
  readonly overrideDisplay: string | null;
  readonly userComment: string | null;
}

/** A feedback item as both databases store it: one mapping, so the two stores cannot drift apart. */
export function feedbackColumns(item: FeedbackItem): FeedbackColumns {
  return {
    card: item.card.toLowerCase(),
    outcome: item.outcome,
    // Throws on an invalid date before anything is written (all or nothing).
    outcomeAt: new Date(item.outcomeTimestamp).toISOString(),
    outcomeTimestamp: item.outcomeTimestamp,
    acceptedSuggestions: suggestionKey(item.acceptedSuggestions),
    overrideCode: item.overrideReason?.code ?? null,
    overrideSystem: item.overrideReason?.system ?? null,
    overrideDisplay: item.overrideReason?.display ?? null,
    userComment: item.overrideReason?.userComment ?? null,
  };
}
