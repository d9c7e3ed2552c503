/**
 * What the protocol layer calls to answer a hook: `Engine.evaluate` (built once at start in
 * src/engine.ts, where the pipeline resolved data → facts → recommendations → cards lives).
 * The protocol side knows this interface only, and nothing of osteoporosis.
 */
import type { Language } from '../contract/language.js';
import type { RuleSet } from '../contract/services.js';
import type { DraftResource, ResolvedData } from '../prefetch/types.js';
import type { Card, CdsResponse } from './response.js';

/**
 * What a call's overview link shows (/app/seen.html): the overview the app would draw from the
 * same facts, the cards, the language. `model` is the overview's own data (src/overview/model.ts);
 * the protocol layer only keeps it for a while and hands it back as JSON.
 */
export interface OverviewSnapshot {
  readonly lang: Language;
  readonly model: unknown;
  readonly cards: readonly Card[];
  readonly unavailable: readonly string[];
}

/** How a call's overview is kept, for the links on the cards about the course (cards/app-links.ts; the app is at `baseUrl`). */
export interface OverviewLinkInput {
  /** A fresh random id the call's snapshot is kept under (it is in the `absolute` link). */
  readonly seenId: string;
  /**
   * Called when a card got the links, with what makes the snapshot: the keeper may make it later,
   * once the answer has been sent, so the overview model is not on the call's path.
   */
  readonly keep: (snapshot: () => OverviewSnapshot) => void;
}

export interface EvaluationInput {
  readonly ruleSet: RuleSet;
  readonly data: ResolvedData;
  /** Draft orders of a prescribing hook (empty for patient-view). */
  readonly drafts: readonly DraftResource[];
  /** The time of the request; the rules take its date in Danish time. */
  readonly now: Date;
  readonly language: Language;
  /**
   * The service's own base URL (no trailing slash; the protocol layer's `serviceBase`): cards link
   * to its guideline pages and its overview app. Absent: neither link.
   */
  readonly baseUrl?: string;
  /** Absent (CLI, tests): no links to the overview app. */
  readonly overview?: OverviewLinkInput;
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
  /** The site's terminology additions (JSON as the site gave them), which the overview app builds its terminology with. */
  readonly siteTerminology?: unknown;
  /** The guideline settings the rules run with (CDS_SITE_CONFIG or the defaults), which the overview app computes with too. */
  readonly guidelineSettings?: unknown;
}
