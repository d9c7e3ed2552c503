/**
 * A lab test or DXA the hook's basket already orders (a ServiceRequest draft: the service's own
 * suggestion once accepted, or the GP's) is not offered again: a second click made a second
 * requisition. The card still says what is missing; its click for it goes.
 */
import type { LabOrder } from '../contract/findings.js';
import type { Recommendation } from '../contract/recommendations.js';
import type { SuggestionSpec } from '../contract/suggestions.js';
import type { LabKind, PatientFacts } from '../facts/types.js';

/** A lab as ordered: a calcium of any kind is the calcium test. */
const asOrdered = (lab: LabKind): LabOrder => (lab === 'calcium-total' || lab === 'calcium-corrected' || lab === 'calcium-ionised' ? 'calcium' : lab);

export function withoutOrderedInBasket(recs: Recommendation[], facts: PatientFacts): Recommendation[] {
  const basket = facts.basketOrders;
  if (basket === undefined) return recs;
  const ordered = new Set(basket.labs.map(asOrdered));
  const left = (s: SuggestionSpec): SuggestionSpec | undefined => {
    if (s.kind === 'lab') return ordered.has(s.lab) ? undefined : s;
    if (s.kind === 'labs') {
      const labs = s.labs.filter((l) => !ordered.has(l));
      return labs.length === 0 ? undefined : labs.length === s.labs.length ? s : { ...s, labs };
    }
    return s.kind === 'dxa' && basket.dxa ? undefined : s;
  };
  return recs.map((r) => {
    if (r.suggestions === undefined) return r;
    const kept = r.suggestions.flatMap((s) => left(s) ?? []);
    if (kept.length === r.suggestions.length && kept.every((s, i) => s === r.suggestions?.[i])) return r;
    if (kept.length > 0) return { ...r, suggestions: kept };
    const { suggestions: _none, selectionBehavior: _nothing, ...rest } = r;
    return rest;
  });
}
