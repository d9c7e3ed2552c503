/**
 * Every initiation rule file opens with the card lines it implements (style.md #7). This test
 * holds the quotes to the vendored card: each `l. N-M "…"` quote must stand in lines N–M of
 * guideline/source-card-da.txt (compared without whitespace, since the card's PDF text breaks
 * lines and drops spaces; words hyphenated at a line break are quoted whole; "…" or "..." marks
 * an omission, " / " a line break inside one quote).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INITIATION_TOPICS } from '../../src/rules/catalogue.js';

const CARD = readFileSync(join(import.meta.dirname, '../../guideline/source-card-da.txt'), 'utf8').split('\n');
const DIR = join(import.meta.dirname, '../../src/rules/initiation');
const squash = (s: string): string => s.replace(/\s+/g, '');

function header(file: string): string {
  const text = readFileSync(join(DIR, file), 'utf8');
  return text
    .slice(0, text.indexOf('*/'))
    .split('\n')
    .map((l) => l.replace(/^\s*\/?\*+\s?/, ''))
    .join(' ');
}

const files = INITIATION_TOPICS.map((t) => `${t}.ts`);

describe('initiation rule headers quote the card at the cited lines', () => {
  it('has one rule file per initiation topic', () => {
    const present = readdirSync(DIR);
    for (const f of files) expect(present).toContain(f);
  });

  for (const file of files) {
    it(`${file}: every quoted card line stands where it is cited`, () => {
      const citations = [...header(file).matchAll(/l\. (\d+)(?:-(\d+))?:?(?:\s+\([^)]*\))?\s+((?:"[^"]+"(?:\s*\/\s*)?)+)/g)];
      expect(citations.length).toBeGreaterThan(0);
      for (const [, from, to, quoted] of citations) {
        const lines = squash(CARD.slice(Number(from) - 1, Number(to ?? from)).join('\n').replace(/(\p{Ll})-\s*\n/gu, '$1'));
        const pieces = [...(quoted ?? '').matchAll(/"([^"]+)"/g)].flatMap((q) => (q[1] ?? '').split(/…|\.\.\.| \/ /));
        for (const piece of pieces.map(squash).filter((p) => p.length > 0)) {
          expect(lines, `${file} l. ${from}-${to ?? from}`).toContain(piece);
        }
      }
    });
  }
});
