/**
 * Composition (rules.md section 6): the rendered cards of one answer → the cards the GP sees.
 *
 * 1. Default folds (`folds.ts`): each companion goes onto the first host of its list that is in
 *    the answer (for prescribing: about the same draft) and may take it. Critical cards never
 *    absorb and are never absorbed. A host whose suggestions are alternatives takes no companion
 *    with suggestions; under the treatment card those gather on one "before start" card — but the
 *    anabolic referral, which proposes the same first decision, always rides on the treatment card,
 *    and so does the endocrinology referral when the treatment card already offers it. A
 *    draft's start checks with no checklist card to ride on (a restart, a switch, a zoledronic
 *    acid or denosumab dose) gather on the first of them: one card per draft.
 * 2. The budget (patient-view): more than 3 cards → the remaining info cards fold, lowest-ranked
 *    first, into the highest-ranked non-critical card that can take them (more than 3 warning or
 *    critical cards all stand).
 * With `cardGrouping: separate` every topic keeps its own card (as before version 2), and an order
 * is offered once, on the first card that has it.
 */
import type { Card } from '../../cds-hooks/response.js';
import type { Topic } from '../../contract/topics.js';
import { BEFORE_START_ORDER, PATIENT_VIEW_FOLDS, PRESCRIBING_FOLD_INDICATOR, PRESCRIBING_FOLDS } from './folds.js';
import { addsNoSuggestion, hasAlternatives, mergeCards, withoutRepeatedSuggestions } from './merge.js';

export type CardGrouping = 'folded' | 'separate';

/** A rendered card with what composition needs to know about it. */
export interface RenderedCard {
  readonly topic: Topic;
  /** Prescribing: the draft order the card is about. */
  readonly draft?: string;
  readonly card: Card;
  /** Lines of its detail that must show when it is folded (merge.ts `Companion`). */
  readonly notes?: readonly string[];
}

export interface ComposeOptions {
  readonly grouping: CardGrouping;
  readonly hook: 'patient-view' | 'prescribing';
}

/** Patient-view answers: at most this many cards, unless more of them are warning or critical. */
export const CARD_BUDGET = 3;

const RANK = { critical: 0, warning: 1, info: 2 } as const;

interface Group {
  host: RenderedCard;
  companions: RenderedCard[];
}

function canTake(host: RenderedCard, companion: RenderedCard): boolean {
  if (host.card.indicator === 'critical' || companion.card.indicator === 'critical') return false;
  // "Never together: two cards that both propose the first treatment decision": the anabolic
  // referral joins the treatment card's alternatives (denosumab | zoledronic acid | the referral)
  // rather than lead a second warning card.
  if (companion.topic === 'anabolic-treatment-consideration' && host.topic === 'treatment-indicated') return true;
  // The referral card beside a treatment card that offers the same referral (instead of a start)
  // is one concern; beside a start (intolerance, a falling eGFR) it is a decision of its own.
  if (companion.topic === 'endocrinology-referral') return addsNoSuggestion(host.card, companion.card);
  return !(hasAlternatives(host.card) && (companion.card.suggestions?.length ?? 0) > 0);
}

function defaultFolds(cards: readonly RenderedCard[], hook: ComposeOptions['hook']): Group[] {
  const table = hook === 'patient-view' ? PATIENT_VIEW_FOLDS : PRESCRIBING_FOLDS;
  const groups = new Map<RenderedCard, Group>(cards.map((c) => [c, { host: c, companions: [] }]));
  const beforeStart: RenderedCard[] = [];
  const unhostedChecks = new Map<string | undefined, RenderedCard[]>();
  for (const companion of cards) {
    const hosts = table[companion.topic];
    if (hosts === undefined || companion.card.indicator === 'critical') continue;
    if (hook === 'prescribing' && companion.card.indicator !== PRESCRIBING_FOLD_INDICATOR) continue;
    const present = hosts
      .map((topic) => cards.find((c) => c.topic === topic && c.draft === companion.draft))
      .filter((c): c is RenderedCard => c !== undefined && c.card.indicator !== 'critical');
    const host = present.find((h) => canTake(h, companion));
    if (host !== undefined) {
      groups.get(host)?.companions.push(companion);
      groups.delete(companion);
    } else if (present[0]?.topic === 'treatment-indicated') {
      beforeStart.push(companion);
    } else if (hook === 'prescribing' && present.length === 0) {
      const same = unhostedChecks.get(companion.draft) ?? [];
      same.push(companion);
      unhostedChecks.set(companion.draft, same);
    }
  }
  // A restart or switch has no checklist card: its start checks still make one card per draft.
  for (const [first, ...rest] of unhostedChecks.values()) {
    if (first === undefined || rest.length === 0) continue;
    groups.get(first)?.companions.push(...rest);
    for (const c of rest) groups.delete(c);
  }
  // The companions the treatment card could not take: one "before start" card.
  const ordered = [...beforeStart].sort((a, b) => BEFORE_START_ORDER.indexOf(a.topic) - BEFORE_START_ORDER.indexOf(b.topic));
  const [first, ...rest] = ordered;
  if (first !== undefined && rest.length > 0) {
    groups.get(first)?.companions.push(...rest);
    for (const c of rest) groups.delete(c);
  }
  return [...groups.values()];
}

function indicatorOf(group: Group): Card['indicator'] {
  return [group.host, ...group.companions].reduce<Card['indicator']>((w, c) => (RANK[c.card.indicator] < RANK[w] ? c.card.indicator : w), 'info');
}

/**
 * Section 6 budget: fold the lowest-ranked info cards into the highest-ranked card that takes them.
 * More than 3 warning or critical cards all stand, and the info cards still fold into them: four
 * warnings and a DXA reminder are four cards, not five ("Five long cards get the service switched off").
 */
function budgetFold(groups: Group[]): Group[] {
  const out = [...groups];
  while (out.length > CARD_BUDGET) {
    const last = out[out.length - 1];
    if (last === undefined || indicatorOf(last) !== 'info') break;
    const folded = [last.host, ...last.companions];
    const target = out.slice(0, -1).find((g) => indicatorOf(g) !== 'critical' && folded.every((c) => canTake(g.host, c)));
    if (target === undefined) break;
    target.companions.push(...folded);
    out.pop();
  }
  return out;
}

/** Cards in rank order (critical → warning → info; stable), composed per `options`. */
export function composeCards(rendered: readonly RenderedCard[], options: ComposeOptions): Card[] {
  const ranked = rendered.map((c, i) => ({ c, i })).sort((a, b) => RANK[a.c.card.indicator] - RANK[b.c.card.indicator] || a.i - b.i).map((x) => x.c);
  if (options.grouping === 'separate') return withoutRepeatedSuggestions(ranked.map((c) => c.card));
  const rank = (groups: Group[]): Group[] =>
    groups.map((g, i) => ({ g, i })).sort((a, b) => RANK[indicatorOf(a.g)] - RANK[indicatorOf(b.g)] || a.i - b.i).map((x) => x.g);
  let groups = rank(defaultFolds(ranked, options.hook));
  if (options.hook === 'patient-view') groups = rank(budgetFold(groups));
  return groups.map((g) => mergeCards(g.host.card, g.companions));
}
