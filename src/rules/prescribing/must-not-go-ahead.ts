/**
 * rules.md section 4, "A draft that must not go ahead" (v2): the cards telling the GP not to
 * prescribe a draft as drafted, and the "how to start" cards they silence for that draft [choice].
 * `rx-egfr-too-low` bars only as critical (oral bisphosphonate, zoledronic acid); its warning for a
 * denosumab start is advice to agree the start with a specialist, not a "do not prescribe".
 */
import type { Recommendation } from '../../contract/recommendations.js';
import type { Topic } from '../../contract/topics.js';

export const MUST_NOT_GO_AHEAD: readonly Topic[] = ['rx-egfr-too-low', 'rx-hypocalcaemia', 'rx-dose-interval', 'rx-oral-contraindicated'];
export const HOW_TO_START: readonly Topic[] = ['rx-start-checklist', 'rx-lab-missing', 'rx-vitamin-d-low', 'rx-swallowing-difficulty', 'rx-denosumab-biosimilar'];

/** The card bars its draft from going ahead as drafted. */
export function barsDraft(r: Recommendation): boolean {
  return MUST_NOT_GO_AHEAD.includes(r.topic) && (r.topic !== 'rx-egfr-too-low' || r.indicator === 'critical');
}
