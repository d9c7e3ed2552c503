/**
 * Every rule file opens with the card lines it implements (style.md #7), and this test holds the
 * quotes to the vendored card: each `l. N-M "…"` quote must stand in lines N–M of
 * guideline/source-card-da.txt. Compared without whitespace, since the card's PDF text breaks
 * lines and drops spaces; a word hyphenated at a line break is quoted whole; "…" or "..." marks an
 * omission, as does " / " (a line break of the card); several quotes may follow one citation.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_TOPICS, INITIATION_TOPICS, PRESCRIBING_TOPICS } from '../../src/contract/topics.js';

const CARD = readFileSync(join(import.meta.dirname, '../../guideline/source-card-da.txt'), 'utf8').split('\n');
const RULES = join(import.meta.dirname, '../../src/rules');
const squash = (s: string): string => s.replace(/\s+/g, '');

function header(path: string): string {
  const text = readFileSync(path, 'utf8');
  return text
    .slice(0, text.indexOf('*/'))
    .split('\n')
    .map((l) => l.replace(/^\s*\/?\*+\s?/, ''))
    .join(' ');
}

const PARTS = {
  initiation: INITIATION_TOPICS,
  'follow-up': FOLLOW_UP_TOPICS,
  prescribing: PRESCRIBING_TOPICS,
} as const;

describe('rule files', () => {
  it.each(Object.entries(PARTS))('%s has one file per topic, named by its code', (part, topics) => {
    const files = readdirSync(join(RULES, part));
    for (const topic of topics) expect(files).toContain(`${topic}.ts`);
  });
});

const cited = [
  ...Object.entries(PARTS).flatMap(([part, topics]) => topics.map((t) => join(part, `${t}.ts`))),
  ...readdirSync(join(RULES, 'predicates'))
    .filter((f) => ['population.ts', 'indication.ts', 'risk-factors.ts'].includes(f))
    .map((f) => join('predicates', f)),
];

describe('rule headers quote the card at the cited lines', () => {
  it.each(cited)('%s', (file) => {
    const citations = [...header(join(RULES, file)).matchAll(/l\. (\d+)(?:-(\d+))?:?\s+((?:"[^"]+"(?:\s*\/\s*)?)+)/g)];
    expect(citations.length).toBeGreaterThan(0);
    for (const [, from, to, quoted] of citations) {
      const quote = [...(quoted ?? '').matchAll(/"([^"]+)"/g)].map((q) => q[1]).join('...');
      const lines = squash(CARD.slice(Number(from) - 1, Number(to ?? from)).join('\n').replace(/(\p{Ll})-\s*\n/gu, '$1'));
      for (const piece of quote.split(/\.\.\.|…| \/ /).map(squash).filter((p) => p.length > 0)) {
        expect(lines, `${file} l. ${from}-${to ?? from}`).toContain(piece.replace(/^,/, ''));
      }
    }
  });
});
