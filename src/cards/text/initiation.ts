/** Card texts for rules.md section initiation topics, in Danish (the card's own terms) and English. */
import type { InitiationTopic } from '../../rules/catalogue.js';
import type { TopicTexts } from './types.js';

export const INITIATION_TEXTS: Readonly<Partial<Record<InitiationTopic, TopicTexts>>> = {};
