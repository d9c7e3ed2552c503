/**
 * The engine: the guideline pipeline built once at start from parts already read and checked
 * (terminology bindings, guideline settings, links; src/startup.ts), so a misconfiguration stops
 * the start, never a request. `evaluate` then runs
 * resolved data → facts → recommendations → cards for one request, with no set-up work.
 */
import { hasAppLink, withAppLinks } from './cards/app-links.js';
import { DEFAULT_LINKS, type LinkDefinition, type LinkKey } from './cards/links.js';
import { renderCards } from './cards/render.js';
import type { CardGrouping } from './cards/compose/fold.js';
import { guidelinePage } from './cards/guideline/page.js';
import { topicTitle } from './cards/text/index.js';
import { buildFacts } from './facts/build-facts.js';
import type { Engine, EvaluationInput } from './cds-hooks/evaluator.js';
import { evaluateRules } from './rules/index.js';
import { DEFAULT_SETTINGS, type GuidelineSettings } from './rules/settings.js';
import { GUIDELINE_VERSION, RULES_VERSION } from './rules/version.js';
import type { RuleContext } from './rules/types.js';
import { overviewModel } from './overview/model.js';
import { loadTerminology, observationSearchCodes, type Terminology } from './terminology/index.js';

/** What an engine is built from, all read and checked already (src/startup.ts reads them once at start). */
export interface EngineParts {
  /** Default: the card's values (DEFAULT_SETTINGS). */
  readonly settings?: GuidelineSettings;
  /** Default: the card's links (DEFAULT_LINKS). */
  readonly links?: Readonly<Record<LinkKey, LinkDefinition>>;
  /** Default: the built-in bindings. */
  readonly terminology?: Terminology;
  /** rules.md section 6: `folded` (default) or `separate`, one card per topic. */
  readonly cardGrouping?: CardGrouping;
}

export function createEngine(parts: EngineParts = {}): Engine {
  const terminology = parts.terminology ?? loadTerminology();
  const settings = parts.settings ?? DEFAULT_SETTINGS;
  const links = parts.links ?? DEFAULT_LINKS;
  const grouping = parts.cardGrouping ?? 'folded';
  const observationCodes = observationSearchCodes(terminology);

  return {
    observationCodes,
    topicTitle,
    guidelinePage: (topic, language) => guidelinePage(topic, language, links, settings),
    rulesVersion: RULES_VERSION,
    guidelineVersion: GUIDELINE_VERSION,
    ...(terminology.site === undefined ? {} : { siteTerminology: terminology.site }),
    guidelineSettings: settings,
    evaluate(input: EvaluationInput) {
      const facts = buildFacts(input.data, input.drafts, input.now, terminology);
      const ctx: RuleContext = { facts, today: facts.today, settings };
      const recs = evaluateRules(input.ruleSet, ctx);
      const drafts = new Map(input.drafts.map((d) => [d.ref, d.resource]));
      const cards = renderCards(recs, {
        lang: input.language,
        patientRef: facts.patientRef,
        today: facts.today,
        female: facts.sex === 'female',
        drafts,
        links,
        settings,
        ...(input.baseUrl === undefined ? {} : { guidelineBase: input.baseUrl }),
      }, { grouping, ruleSet: input.ruleSet });
      const overview = input.overview;
      if (overview === undefined || input.baseUrl === undefined) return { cards };
      const linked = withAppLinks(cards, { base: input.baseUrl, seenId: overview.seenId, lang: input.language });
      if (linked.some(hasAppLink)) {
        // The snapshot is made after the answer: the closure holds the facts, never `input`, whose
        // parsed record would otherwise stay alive (and be copied by the garbage collector) until then.
        const lang = input.language;
        overview.keep(() => ({ lang, model: overviewModel(facts, settings), cards: linked, unavailable: facts.unavailable }));
      }
      return { cards: linked };
    },
  };
}
