/** The rules of this part of the guideline, one per topic, in the card's order. */
import type { InitiationTopic } from '../catalogue.js';
import type { PatientRule } from '../types.js';

export const INITIATION_RULES: Readonly<Partial<Record<InitiationTopic, PatientRule>>> = {};
