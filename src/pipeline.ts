/**
 * The pipeline in one place: resolved data → facts → recommendations → cards.
 *
 * The engine is built once at start (terminology, settings and texts loaded and checked there),
 * so a request does no set-up work and a misconfiguration fails at start, never per request.
 * The protocol layer calls `evaluate` and knows nothing of osteoporosis.
 */
import type { CdsResponse } from './cds-hooks/response.js';
import type { DraftResource, ResolvedData } from './prefetch/types.js';

export type Language = 'da' | 'en';

/** Which part of the guideline a service runs: patient-view (rules.md 2–3) or prescribing (4). */
export type RuleSet = 'patient-view' | 'prescribing';

export interface EvaluationInput {
  readonly ruleSet: RuleSet;
  readonly data: ResolvedData;
  /** Draft orders of a prescribing hook (empty for patient-view). */
  readonly drafts: readonly DraftResource[];
  /** The time of the request; the rules take its date in Danish time. */
  readonly now: Date;
  readonly language: Language;
}

export interface Engine {
  evaluate(input: EvaluationInput): CdsResponse;
  /** Observation codes of the bound value sets, for the discovery prefetch `code=` list. */
  readonly observationCodes: readonly string[];
  /** The rules' behaviour version (src/rules/version.ts), carried on every card. */
  readonly rulesVersion: string;
  /** The guideline card the rules implement, e.g. "DSAM osteoporose april 2025 ver. 3". */
  readonly guidelineVersion: string;
}
