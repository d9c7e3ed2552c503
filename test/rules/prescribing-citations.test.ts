/**
 * Every prescribing rule file opens with the card lines it implements (style.md #7). This test
 * holds the quotes to the vendored card: each `l. N-M "…"` quote must stand in lines N–M of
 * guideline/source-card-da.txt (compared without whitespace, since the card's PDF text breaks lines
 * and drops spaces; "…" or "..." marks an omission; a word hyphenated at a line break is quoted whole).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESCRIBING_TOPICS } from '../../src/rules/catalogue.js';

const CARD = readFileSync(join(import.meta.dirname, '../../guideline/source-card-da.txt'), 'utf8').split('\n');
const DIR = join(import.meta.dirname, '../../src/rules/prescribing');
const squash = (s: string): string => s.replace(/\s+/g, '');

function header(file: string): string {
  const text = readFileSync(join(DIR, file), 'utf8');
  return text
    .slice(0, text.indexOf('*/'))
    .split('\n')
    .map((l) => l.replace(/^\s*\/?\*+\s?/, ''))
    .join(' ');
}

const ruleFiles = PRESCRIBING_TOPICS.map((t) => `${t}.ts`);

describe('prescribing rule headers quote the card at the cited lines', () => {
  it('has one rule file per rx-* topic', () => {
    const files = readdirSync(DIR);
    for (const f of ruleFiles) expect(files).toContain(f);
  });

  for (const file of [...ruleFiles, 'glucocorticoid-exposure.ts']) {
    it(`${file}: every quoted card line stands where it is cited`, () => {
      const citations = [...header(file).matchAll(/l\. (\d+)(?:-(\d+))?\s+"([^"]+)"/g)];
      expect(citations.length).toBeGreaterThan(0);
      for (const [, from, to, quote] of citations) {
        const lines = squash(CARD.slice(Number(from) - 1, Number(to ?? from)).join('\n').replace(/(\p{Ll})-\s*\n/gu, '$1'));
        for (const piece of (quote ?? '').split(/…|\.\.\./).map(squash).filter((p) => p.length > 0)) {
          expect(lines, `${file} l. ${from}-${to ?? from}: ${piece}`).toContain(piece);
        }
      }
    });
  }
});
