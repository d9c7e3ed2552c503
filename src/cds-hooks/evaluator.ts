/**
 * What the protocol layer calls to answer a hook: `Engine.evaluate` (built once at start in
 * src/engine.ts, where the pipeline resolved data → facts → recommendations → cards lives).
 * The protocol side knows this interface only, and nothing of osteoporosis.
 */
import type { Language } from '../contract/language.js';
import type { RuleSet } from '../contract/services.js';
import type { DraftResource, ResolvedData } from '../prefetch/types.js';
import type { CdsResponse } from './response.js';

export interface EvaluationInput {
  readonly ruleSet: RuleSet;
  readonly data: ResolvedData;
  /** Draft orders of a prescribing hook (empty for patient-view). */
  readonly drafts: readonly DraftResource[];
  /** The time of the request; the rules take its date in Danish time. */
  readonly now: Date;
  readonly language: Language;
  /** The service's own base URL (no trailing slash): cards link to its guideline pages. */
  readonly baseUrl?: string;
}

export interface Engine {
  evaluate(input: EvaluationInput): CdsResponse;
  /** Observation codes of the bound value sets, for the discovery prefetch `code=` list. */
  readonly observationCodes: readonly string[];
  /** The rules' behaviour version (src/rules/version.ts), carried on every card. */
  readonly rulesVersion: string;
  /** The guideline card the rules implement, e.g. "DSAM osteoporose april 2025 ver. 3". */
  readonly guidelineVersion: string;
  /** A topic's card title in both languages (the statistics page names topics by it); undefined for an unknown code. */
  topicTitle(topic: string): Readonly<Record<Language, string>> | undefined;
  /** The printable guidance page of a topic (`GET /guideline/{topic}`); undefined for an unknown code. */
  guidelinePage(topic: string, language: Language): string | undefined;
}
