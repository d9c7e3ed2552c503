/**
 * What the protocol layer keeps of each card it answers with (logs, metrics, the audit log, the
 * issued-card statistics): its uuid, indicator and topics — no text, no patient data. A call
 * evaluated in a worker thread (src/http/evaluation-pool.ts) hands back only this and the
 * answer's JSON, so the cards are not copied back object by object.
 */
import { CARD_EXTENSION_TOPICS, type Card } from './response.js';

export interface CardSummary {
  readonly uuid: string;
  readonly indicator: Card['indicator'];
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension: { readonly [CARD_EXTENSION_TOPICS]?: readonly string[] };
}

export function summariseCards(cards: readonly Card[]): CardSummary[] {
  return cards.map((c) => {
    const topic = c.source.topic;
    const folded = c.extension[CARD_EXTENSION_TOPICS];
    return {
      uuid: c.uuid,
      indicator: c.indicator,
      source: topic === undefined ? {} : { topic: { code: topic.code } },
      extension: folded === undefined ? {} : { [CARD_EXTENSION_TOPICS]: folded },
    };
  });
}
