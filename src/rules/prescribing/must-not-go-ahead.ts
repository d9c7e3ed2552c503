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

/**
 * How `rx-duplicate-antiresorptive` leaves its own draft, when its one click removes it:
 * - `remove`: removing the draft is the card's action — the same drug ordered twice (`doubleOrder`:
 *   the second draft of the basket; the first, kept, is the same start with the same checks), or
 *   denosumab kept at eGFR ≤ 35 (`egfrLow`). The draft must not go ahead: a draft that must not go
 *   ahead for the how-to-start cards and the one-click fixes of the draft.
 * - `stop-or-remove`: removal is one of two ways — another antiresorptive is in use ("stop it, or
 *   remove the draft"), or another drug is drafted beside it ("remove one": the GP may remove that
 *   one instead). [choice: the safer reading] The one-click changes that keep the draft (a
 *   biosimilar or Binosto switch, a corrected dosing) are withheld: each stood beside the delete
 *   of the same order, and accepting it settled the card's question by keeping a second
 *   antiresorptive. The cards themselves stay, and so do the pre-start checks and the checks before
 *   every dose (`rx-start-checklist`, `rx-lab-missing`, `rx-vitamin-d-low`): should the GP keep
 *   this draft, it needs them — a missing check is the worse error (rules.md section 4 names only
 *   four cards that silence them; a zoledronic acid beside an alendronate had lost its 30-day labs).
 * Not the switch the service advises (`switchAdvised`: no one click removes the draft, the oral
 * drug is to stop) nor a follow-on after denosumab (no duplicate card): the draft goes ahead.
 */
export type DuplicateRemoval = 'remove' | 'stop-or-remove';

export function duplicateRemoval(r: Recommendation): DuplicateRemoval | undefined {
  if (r.topic !== 'rx-duplicate-antiresorptive' || r.draft === undefined || r.switchAdvised === true) return undefined;
  if (r.suggestions?.some((s) => s.kind === 'remove-draft' && s.draft === r.draft) !== true) return undefined;
  return r.doubleOrder === true || (r.egfrLow === true && r.afterDenosumab) ? 'remove' : 'stop-or-remove';
}
