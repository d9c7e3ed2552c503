/**
 * The engine: the guideline pipeline built once at start — terminology bindings (built in, plus a
 * site's CDS_TERMINOLOGY file), guideline settings, links and card texts, all checked here so a
 * misconfiguration stops the start, never a request. `evaluate` then runs
 * resolved data → facts → recommendations → cards for one request, with no set-up work.
 */
import { DEFAULT_LINKS } from './cards/links.js';
import { renderCards } from './cards/render.js';
import { missingTexts } from './cards/text/index.js';
import type { Config } from './config.js';
import { buildFacts } from './facts/build-facts.js';
import type { Engine, EvaluationInput } from './pipeline.js';
import { evaluatePatientView, evaluatePrescribing, RULE_TOPICS } from './rules/index.js';
import { DEFAULT_SETTINGS, type GuidelineSettings } from './rules/settings.js';
import type { RuleContext } from './rules/types.js';
import { loadTerminology, observationSearchCodes } from './terminology/index.js';

export class EngineConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The guideline engine cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EngineConfigError';
  }
}

export function createEngine(config: Pick<Config, 'terminologyFile'>, settings: GuidelineSettings = DEFAULT_SETTINGS): Engine {
  const terminology = loadTerminology(config.terminologyFile);
  const missing = missingTexts(RULE_TOPICS);
  if (missing.length > 0) throw new EngineConfigError(missing.map((m) => `no card text for ${m}`));
  const links = DEFAULT_LINKS;
  const observationCodes = observationSearchCodes(terminology);

  return {
    observationCodes,
    evaluate(input: EvaluationInput) {
      const facts = buildFacts(input.data, input.drafts, input.now, terminology);
      const ctx: RuleContext = { facts, today: facts.today, settings };
      const recs = input.ruleSet === 'patient-view' ? evaluatePatientView(ctx) : evaluatePrescribing(ctx);
      const drafts = new Map(input.drafts.map((d) => [d.ref, d.resource]));
      const cards = renderCards(recs, {
        lang: input.language,
        patientRef: facts.patientRef,
        today: facts.today,
        female: facts.sex === 'female',
        drafts,
        links,
      });
      return { cards };
    },
  };
}
