/**
 * Every topic's words in one table. Complete by type: a topic without Danish and English text
 * does not compile (style.md #16, checked before the start rather than at it).
 */
import type { Topic } from '../../rules/catalogue.js';
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
