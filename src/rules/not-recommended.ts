import type { SuggestionSpec } from '../contract/suggestions.js';

/**
 * Offered, not recommended: the EHR must not pre-select it — a start that waits for a correction,
 * an anabolic referral that waits for denosumab, an order the record could not be checked for.
 */
export function notRecommended(spec: SuggestionSpec): SuggestionSpec {
  if (!('recommended' in spec) || spec.recommended !== true) return spec;
  const { recommended: _, ...rest } = spec;
  return rest;
}
