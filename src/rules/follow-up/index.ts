/** The rules of this part of the guideline, one per topic, in the card's order. */
import type { FollowUpTopic } from '../catalogue.js';
import type { PatientRule } from '../types.js';

export const FOLLOW_UP_RULES: Readonly<Partial<Record<FollowUpTopic, PatientRule>>> = {};
