/** The rules of this part of the guideline, one per topic, in the card's order. */
import type { PrescribingTopic } from '../catalogue.js';
import type { DraftRule } from '../types.js';

export const PRESCRIBING_RULES: Readonly<Partial<Record<PrescribingTopic, DraftRule>>> = {};
