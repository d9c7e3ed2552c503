/**
 * The last step of composition (rules.md section 6, "a card's detail is at most 900 characters"):
 * a card whose detail is still over the budget — a patient with many risk factors brings many
 * reasons and findings, and folding adds its companions' sections — gives its lists fewer lines.
 * The findings list ("Grundlag") is shortened first, then the reasons ("Begrundelse"), from the
 * end, each keeping its first line and saying how many it leaves out; the advice and the companion
 * sections are never cut. Nothing is lost: every reason and every piece of evidence stays in the
 * card's `osteo-cds.reasons` and `osteo-cds.evidence`, and the guideline page is one link away.
 */
import type { Card } from '../../cds-hooks/response.js';
import { DETAIL_BUDGET } from './budget.js';

/** The renderer's list headings (findings first: they are cut first) and the line that stands for the cut ones. */
export interface DetailLists {
  readonly headings: readonly string[];
  readonly more: (count: number) => string;
}

const length = (s: string): number => [...s].length;

export function fitDetail(card: Card, lists: DetailLists, budget: number = DETAIL_BUDGET): Card {
  // UTF-16 units are never fewer than characters, so most cards are cleared without counting.
  if (card.detail === undefined || card.detail.length <= budget || length(card.detail) <= budget) return card;
  const blocks = card.detail.split('\n\n');
  let total = length(card.detail);
  for (const heading of lists.headings) {
    const at = blocks.findIndex((b) => b.startsWith(`**${heading}**\n`));
    if (at < 0) continue;
    const [head = '', ...items] = blocks[at]!.split('\n');
    // Lengths added up, not the detail counted again per line dropped: a record of thousands of
    // future-dated resources lists thousands of lines, and recounting them all for each one held
    // the event loop for seconds.
    const others = total - length(blocks[at]!);
    const upTo = [length(head)];
    for (const item of items) upTo.push(upTo[upTo.length - 1]! + 1 + length(item));
    const moreLine = (n: number): number => (n < items.length ? 1 + length(`- ${lists.more(items.length - n)}`) : 0);
    let kept = items.length;
    while (kept > 1 && others + upTo[kept]! + moreLine(kept) > budget) kept -= 1;
    const block = [head, ...items.slice(0, kept), ...(kept < items.length ? [`- ${lists.more(items.length - kept)}`] : [])].join('\n');
    blocks[at] = block;
    total = others + length(block);
    if (total <= budget) break;
  }
  return { ...card, detail: blocks.join('\n\n') };
}
