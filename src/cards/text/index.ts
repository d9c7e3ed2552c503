/**
 * Every topic's words in one table, checked at start (style.md #16): a topic without Danish and
 * English text fails the start, never a request.
 */
import { TOPICS, type Topic } from '../../rules/catalogue.js';
import { FOLLOW_UP_TEXTS } from './follow-up.js';
import { INITIATION_TEXTS } from './initiation.js';
import { PRESCRIBING_TEXTS } from './prescribing.js';
import { PROTOCOL_TEXTS } from './protocol.js';
import type { TopicTexts } from './types.js';

export const TOPIC_TEXTS: Readonly<Partial<Record<Topic, TopicTexts>>> = {
  ...INITIATION_TEXTS,
  ...FOLLOW_UP_TEXTS,
  ...PRESCRIBING_TEXTS,
  ...PROTOCOL_TEXTS,
};

/** Topics that lack text in a language; empty when the table is complete. */
export function missingTexts(topics: readonly Topic[] = TOPICS): string[] {
  const missing: string[] = [];
  for (const topic of topics) {
    const t = TOPIC_TEXTS[topic];
    if (t?.da === undefined) missing.push(`${topic} (da)`);
    if (t?.en === undefined) missing.push(`${topic} (en)`);
  }
  return missing;
}
