/**
 * A card that loses some of its one-click suggestions to a later step (an intolerance, a high
 * calcium, a bar on the drug, a suggestion another card of the draft already carries) keeps the
 * rest: none left, it has no suggestions and no selection behaviour (CDS Hooks: no empty choice).
 */
import type { Recommendation } from '../contract/recommendations.js';
import type { SuggestionSpec } from '../contract/suggestions.js';

export function keepSuggestions(r: Recommendation, kept: readonly SuggestionSpec[]): Recommendation {
  const { suggestions: _, selectionBehavior: __, ...rest } = r;
  if (kept.length === 0) return rest;
  return r.selectionBehavior === undefined ? { ...rest, suggestions: kept } : { ...rest, suggestions: kept, selectionBehavior: r.selectionBehavior };
}
