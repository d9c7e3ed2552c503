/**
 * The budgets of rules.md section 6, as one check the tests and `npm run cards:report` share:
 * a patient-view answer has at most 3 cards unless more than 3 are warning or critical; every
 * detail is at most 900 characters of markdown; every summary is under 140.
 */
import type { Card } from '../../cds-hooks/response.js';
import { CARD_BUDGET } from './fold.js';

export const DETAIL_BUDGET = 900;
export const SUMMARY_LIMIT = 140;

const length = (s: string | undefined): number => [...(s ?? '')].length;

/** What breaks a budget in one answer, as readable lines (empty when all hold). */
export function budgetProblems(cards: readonly Card[], hook: 'patient-view' | 'prescribing'): string[] {
  const problems: string[] = [];
  const serious = cards.filter((c) => c.indicator !== 'info').length;
  if (hook === 'patient-view' && cards.length > CARD_BUDGET && serious <= CARD_BUDGET) {
    problems.push(`${cards.length} cards (at most ${CARD_BUDGET} unless more than ${CARD_BUDGET} are warning or critical)`);
  }
  for (const card of cards) {
    const topic = card.source.topic?.code ?? '?';
    if (length(card.detail) > DETAIL_BUDGET) problems.push(`${topic}: detail ${length(card.detail)} characters (at most ${DETAIL_BUDGET})`);
    if (length(card.summary) >= SUMMARY_LIMIT) problems.push(`${topic}: summary ${length(card.summary)} characters (under ${SUMMARY_LIMIT})`);
  }
  return problems;
}

export function detailLength(card: Card): number {
  return length(card.detail);
}
