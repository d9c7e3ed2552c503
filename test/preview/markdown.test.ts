/**
 * The preview page's markdown renderer (public/markdown.js): the subset the cards use, parsed
 * into blocks of plain text runs — HTML in a card stays text.
 */
import { describe, expect, it } from 'vitest';

interface Inline {
  text: string;
  bold: boolean;
}
type Block = { type: 'p'; lines: Inline[][] } | { type: 'ul' | 'ol'; items: Inline[][] };
interface MarkdownModule {
  parseInline(line: string): Inline[];
  parseMarkdown(markdown: string): Block[];
}

const md = (await import(new URL('../../public/markdown.js', import.meta.url).href)) as MarkdownModule;
const plain = (text: string): Inline => ({ text, bold: false });
const bold = (text: string): Inline => ({ text, bold: true });

describe('preview markdown', () => {
  it('reads bold runs, and leaves an unpaired ** as text', () => {
    expect(md.parseInline('Start **alendronat** nu')).toEqual([plain('Start '), bold('alendronat'), plain(' nu')]);
    expect(md.parseInline('**Begrundelse**')).toEqual([bold('Begrundelse')]);
    expect(md.parseInline('a ** b')).toEqual([plain('a '), plain('** b')]);
  });

  it('splits paragraphs on blank lines, keeps single line breaks, and reads - and 1. lists', () => {
    const detail = 'Tag blodprøver.\nFastende.\n\n**Begrundelse**\n- eGFR mangler\n- Calcium mangler\n\n1. først\n2. så';
    expect(md.parseMarkdown(detail)).toEqual([
      { type: 'p', lines: [[plain('Tag blodprøver.')], [plain('Fastende.')]] },
      { type: 'p', lines: [[bold('Begrundelse')]] },
      { type: 'ul', items: [[plain('eGFR mangler')], [plain('Calcium mangler')]] },
      { type: 'ol', items: [[plain('først')], [plain('så')]] },
    ]);
  });

  it('keeps HTML as text (the page writes it with textContent)', () => {
    expect(md.parseMarkdown('<img src=x onerror=alert(1)> **<b>x</b>**')).toEqual([
      { type: 'p', lines: [[plain('<img src=x onerror=alert(1)> '), bold('<b>x</b>')]] },
    ]);
  });
});
