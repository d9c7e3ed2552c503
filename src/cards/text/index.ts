/**
 * Every topic's words in one table, keyed by the topic union: a topic without Danish and English
 * text does not compile (style.md #16, checked before the start rather than at it), and each
 * topic's text reads its own recommendation type.
 */
import type { Language } from '../../contract/language.js';
import { isTopic, type Topic } from '../../contract/topics.js';
import { FOLLOW_UP_TEXTS } from './follow-up/index.js';
import { INITIATION_TEXTS } from './initiation/index.js';
import { PRESCRIBING_TEXTS } from './prescribing/index.js';
import { PROTOCOL_TEXTS } from './protocol/index.js';
import type { Recommendation } from '../../contract/recommendations.js';
import type { TextsOf, TopicText } from './types.js';

export const TOPIC_TEXTS: TextsOf<Topic> = {
  ...INITIATION_TEXTS,
  ...FOLLOW_UP_TEXTS,
  ...PRESCRIBING_TEXTS,
  ...PROTOCOL_TEXTS,
};

/** The words of one topic in one language, typed for that topic's recommendation. */
export function topicText<T extends Topic>(topic: T, lang: Language): TopicText<T> {
  return TOPIC_TEXTS[topic][lang];
}

/** A recommendation's summary and advice in one language. */
export function wordsOf<T extends Topic>(rec: Recommendation<T>, lang: Language): { readonly title: string; readonly summary: string; readonly detail: string } {
  const text: TopicText<T> = topicText<T>(rec.topic, lang);
  return { title: text.titleOf?.(rec) ?? text.title, summary: text.summary(rec), detail: text.detail(rec) };
}

/** A topic's card title in both languages; undefined for a code that is no topic. */
export function topicTitle(topic: string): Readonly<Record<Language, string>> | undefined {
  if (!isTopic(topic)) return undefined;
  const texts = TOPIC_TEXTS[topic];
  return { da: texts.da.title, en: texts.en.title };
}
