/**
 * How rules are called: a rule is a pure function of the facts, today's date and the settings,
 * returning the recommendation of its topic (src/contract/recommendations.ts) or nothing. The
 * cards stage turns a recommendation into a CDS Hooks card in Danish or English.
 */
import type { DraftOrder, PatientFacts } from '../facts/types.js';
import type { LocalDate } from '../time/local-date.js';
import type { GuidelineSettings } from './settings.js';
import type { Recommendation } from '../contract/recommendations.js';
import type { Topic } from '../contract/topics.js';

export interface RuleContext {
  readonly facts: PatientFacts;
  /** The day of the request in Danish time (same as `facts.today`, explicit for readability). */
  readonly today: LocalDate;
  readonly settings: GuidelineSettings;
}

/** A patient-view rule: at most one recommendation per request. */
export type PatientRule<T extends Topic = Topic> = (ctx: RuleContext) => Recommendation<T> | undefined;

/** A prescribing rule: judged per selected draft order; at most one recommendation per draft. */
export type DraftRule<T extends Topic = Topic> = (ctx: RuleContext, draft: DraftOrder) => Recommendation<T> | undefined;
