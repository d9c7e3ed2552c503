/** Card texts for rules.md section prescribing topics, in Danish (the card's own terms) and English. */
import type { PrescribingTopic } from '../../rules/catalogue.js';
import type { TopicTexts } from './types.js';

export const PRESCRIBING_TEXTS: Readonly<Partial<Record<PrescribingTopic, TopicTexts>>> = {};
