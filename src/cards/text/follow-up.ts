/** Card texts for rules.md section follow-up topics, in Danish (the card's own terms) and English. */
import type { FollowUpTopic } from '../../rules/catalogue.js';
import type { TopicTexts } from './types.js';

export const FOLLOW_UP_TEXTS: Readonly<Partial<Record<FollowUpTopic, TopicTexts>>> = {};
