/**
 * Where CDS Hooks feedback goes. SQLite today (`sqlite-store.ts`); the interface allows others.
 *
 * Idempotence: clients may send the same feedback more than once (retries, batches across hook
 * instances). An item is identified by its natural key — service id, card uuid, outcome, outcome
 * instant (normalised to UTC milliseconds, so `…T10:05:31Z` and `…T12:05:31+02:00` are one event)
 * and the sorted set of accepted suggestion ids. A repeat of a stored key is counted as a
 * duplicate and changes nothing (the first copy wins).
 */

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
 * A card the service issued, kept so feedback can be joined to its topic (GET /stats). Holds no
 * patient data: the card's uuid, the service, the topic and indicator, and when.
 */
export interface IssuedCard {
  readonly uuid: string;
  readonly serviceId: string;
  /** `source.topic.code` (`unknown` if a card had none). */
  readonly topic: string;
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
  /** Cards with feedback that the service has no record of issuing (issued before recording began, or by another instance). */
  readonly unmatchedFeedbackCards: number;
}

export interface FeedbackStore {
  /** Stores a batch atomically (all or nothing); durable when it returns. */
  record(serviceId: string, items: readonly FeedbackItem[], receivedAt: Date): RecordResult;
  /** Stored feedback, oldest first (for /stats and tests). */
  list(filter?: { readonly serviceId?: string }): StoredFeedback[];
  /** Stores issued cards in one transaction; a uuid already stored is skipped. Returns the number stored. */
  recordIssued(cards: readonly IssuedCard[]): number;
  /** Feedback joined to issued cards by card uuid, per topic; `since` (ISO 8601) limits by issue time. */
  stats(filter?: { readonly since?: string }): FeedbackStats;
  /** Returns when the store answers, throws when it does not (GET /readyz). */
  ping?(): void | Promise<void>;
  close(): void;
}
