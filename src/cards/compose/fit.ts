/**
 * The last step of composition (rules.md section 6, "a card's detail is at most 900 characters"):
 * a card whose detail is still over the budget — a patient with many risk factors brings many
 * reasons and findings, and folding adds its companions' sections — is made shorter in steps, each
 * taken only while the detail is still over:
 *
 * 1. its lists give fewer lines: the findings list ("Grundlag") first, then the reasons
 *    ("Begrundelse"), from the end, each keeping its first two lines and saying how many it leaves
 *    out — the host's second finding is often what the decision rests on (a high calcium beside a
 *    fracture), worth more than a companion's line;
 * 2. companion sections, from the last (the least severe) up, give their decision line up and
 *    are named on one closing line instead ("**Også:** Knoglemarkør · D-vitamin og kalk"): each
 *    companion is still named on the card, its suggestions stay on it, its notes (a value not used,
 *    a drug not offered) keep their lines;
 * 3. the lists down to their first line, then whole (findings first), and the card's own
 *    paragraphs from its last (never its first), with a pointer to the guideline page where they
 *    were; the companions' line stays.
 *
 * Nothing is lost: every reason and every piece of evidence stays in the card's `osteo-cds.reasons`
 * and `osteo-cds.evidence`, and the guideline page is one link away.
 */
import type { Card } from '../../cds-hooks/response.js';
import { DETAIL_BUDGET } from './budget.js';
import { topicsOf } from './merge.js';

/** The renderer's words for the steps: list headings (findings first), and the lines that stand for what was cut. */
export interface DetailLists {
  readonly headings: readonly string[];
  readonly more: (count: number) => string;
  /** A topic's title, as its companion section opens ("**<title>:** …"). */
  readonly title?: (topic: string) => string | undefined;
  /** The closing line naming the companions whose sections gave way. */
  readonly also?: (titles: readonly string[]) => string;
  /** Appended where paragraphs were cut (step 3). */
  readonly cut?: string;
}

const length = (s: string): number => [...s].length;
const joined = (blocks: readonly string[]): number => blocks.reduce((n, b) => n + length(b), 0) + 2 * Math.max(0, blocks.length - 1);

export function fitDetail(card: Card, lists: DetailLists, budget: number = DETAIL_BUDGET): Card {
  // UTF-16 units are never fewer than characters, so most cards are cleared without counting.
  if (card.detail === undefined || card.detail.length <= budget || length(card.detail) <= budget) return card;
  let blocks = cutLists(card.detail.split('\n\n'), lists, budget, 2);
  if (joined(blocks) > budget) blocks = nameCompanions(card, blocks, lists, budget);
  if (joined(blocks) > budget) blocks = cutLists(blocks, lists, budget, 1);
  if (joined(blocks) > budget) blocks = cutParagraphs(blocks, lists, budget);
  return { ...card, detail: blocks.join('\n\n') };
}

/** Steps 1 and 3: each list down to `keep` lines, findings first. */
function cutLists(blocks: string[], lists: DetailLists, budget: number, keep: number): string[] {
  let total = joined(blocks);
  for (const heading of lists.headings) {
    const at = blocks.findIndex((b) => b.startsWith(`**${heading}**\n`));
    if (at < 0) continue;
    const [head = '', ...all] = blocks[at]!.split('\n');
    // A list cut before keeps its "… and N more" line: the count grows, the line is not an item.
    const morePrefix = `- ${lists.more(1)}`.split(/\d/)[0]!;
    const hidden = all.length > 0 && all[all.length - 1]!.startsWith(morePrefix) ? Number(/\d+/.exec(all[all.length - 1]!)?.[0] ?? 0) : 0;
    const items = hidden > 0 ? all.slice(0, -1) : all;
    // Lengths added up, not the detail counted again per line dropped: a record of thousands of
    // future-dated resources lists thousands of lines, and recounting them all for each one held
    // the event loop for seconds.
    const others = total - length(blocks[at]!);
    const upTo = [length(head)];
    for (const item of items) upTo.push(upTo[upTo.length - 1]! + 1 + length(item));
    const left = (n: number): number => items.length - n + hidden;
    const moreLine = (n: number): number => (left(n) > 0 ? 1 + length(`- ${lists.more(left(n))}`) : 0);
    let kept = items.length;
    while (kept > keep && others + upTo[kept]! + moreLine(kept) > budget) kept -= 1;
    const block = [head, ...items.slice(0, kept), ...(left(kept) > 0 ? [`- ${lists.more(left(kept))}`] : [])].join('\n');
    // One short line traded for a longer "… and N more" saves nothing.
    if (length(block) >= length(blocks[at]!)) continue;
    blocks[at] = block;
    total = others + length(block);
    if (total <= budget) break;
  }
  return blocks;
}

/** Step 2: the companions' sections, last first, give way to one line naming them (their note lines stay). */
function nameCompanions(card: Card, blocks: string[], lists: DetailLists, budget: number): string[] {
  const { title, also } = lists;
  if (title === undefined || also === undefined) return blocks;
  const titles = topicsOf(card)
    .slice(1)
    .map(title)
    .filter((t): t is string => t !== undefined);
  const named: string[] = [];
  const out = [...blocks];
  for (let i = out.length - 1; i >= 0 && joined([...out, also(named)]) > budget; i--) {
    const block = out[i]!;
    const t = titles.find((x) => block.startsWith(`**${x}:**`));
    if (t === undefined) continue;
    named.unshift(t);
    const notes = block.split('\n').filter((line) => line.startsWith('- '));
    if (notes.length === 0) out.splice(i, 1);
    else out[i] = notes.join('\n');
  }
  return named.length === 0 ? out : [...out, also(named)];
}

/** Step 3: the lists whole, then the card's own paragraphs (those before its lists) from the last; the first stays. */
function cutParagraphs(blocks: readonly string[], lists: DetailLists, budget: number): string[] {
  const cut = lists.cut ?? '…';
  const isList = (b: string): boolean => lists.headings.some((h) => b.startsWith(`**${h}**\n`));
  const firstList = blocks.findIndex(isList);
  const own = firstList < 0 ? 1 : firstList;
  let out = [...blocks];
  let ownLeft = own;
  for (const heading of lists.headings) {
    if (joined(out) <= budget) return out;
    const at = out.findIndex((b) => b.startsWith(`**${heading}**\n`));
    if (at >= 0) out.splice(at, 1);
  }
  let marked = false;
  while (joined(out) > budget && ownLeft > 1) {
    ownLeft -= 1;
    out = marked ? [...out.slice(0, ownLeft), ...out.slice(ownLeft + 1)] : [...out.slice(0, ownLeft), cut, ...out.slice(ownLeft + 1)];
    marked = true;
  }
  if (joined(out) <= budget) return out;
  // The card's first paragraph alone is over: it is cut at a word.
  const room = budget - length(cut) - 1;
  const first = [...out[0]!].slice(0, Math.max(0, room)).join('');
  const atWord = first.lastIndexOf(' ');
  return [`${atWord > room / 2 ? first.slice(0, atWord) : first} ${cut}`];
}
