/**
 * Every topic's words in one table. Complete by type: a topic without Danish and English text
 * does not compile (style.md #16, checked before the start rather than at it).
 */
import type { Language } from '../../contract/language.js';
import { isTopic, type Topic } from '../../contract/topics.js';
import { FOLLOW_UP_TEXTS } from './follow-up.js';
import { INITIATION_TEXTS } from './initiation.js';
import { PRESCRIBING_TEXTS } from './prescribing.js';
import { PROTOCOL_TEXTS } from './protocol.js';
import type { TopicTexts } from './types.js';

export const TOPIC_TEXTS: Readonly<Record<Topic, TopicTexts>> = {
  ...INITIATION_TEXTS,
  ...FOLLOW_UP_TEXTS,
  ...PRESCRIBING_TEXTS,
  ...PROTOCOL_TEXTS,
};

/** A topic's card title in both languages; undefined for a code that is no topic. */
export function topicTitle(topic: string): Readonly<Record<Language, string>> | undefined {
  if (!isTopic(topic)) return undefined;
  const texts = TOPIC_TEXTS[topic];
  return { da: texts.da.title, en: texts.en.title };
}
