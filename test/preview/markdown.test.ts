/**
 * The preview page's markdown (public/markdown.js): markdown-it parses CommonMark, and the page
 * builds only allowed elements from its tokens — HTML in a card stays text, a list keeps its
 * number ("2. valg" is not "1. valg"), *italics* are emphasis, not asterisks.
 */
import markdownit from 'markdown-it';
import { describe, expect, it } from 'vitest';

type TreeNode = string | { tag: string; attrs: Record<string, string>; children: TreeNode[] };
interface MarkdownModule {
  createMarkdown(factory: typeof markdownit): unknown;
  markdownTree(md: unknown, markdown: string): TreeNode[];
}

const mod = (await import(new URL('../../public/markdown.js', import.meta.url).href)) as MarkdownModule;
const md = mod.createMarkdown(markdownit);
const tree = (text: string): TreeNode[] => mod.markdownTree(md, text);
const el = (tag: string, children: TreeNode[], attrs: Record<string, string> = {}): TreeNode => ({ tag, attrs, children });

/** The visible text of a tree, with list numbers as the browser draws them. */
function visible(nodes: TreeNode[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      if (n.tag === 'ol') {
        const start = Number(n.attrs.start ?? '1');
        return n.children.map((li, i) => `${start + i}. ${visible([li])}`).join('\n');
      }
      return visible(n.children);
    })
    .join('');
}

describe('preview markdown (markdown-it)', () => {
  it('reads bold and italics', () => {
    expect(tree('Start **alendronat** *nu*')).toEqual([el('p', ['Start ', el('strong', ['alendronat']), ' ', el('em', ['nu'])])]);
  });

  it('keeps "2. valg" as 2, whether a list or a line of text', () => {
    const list = tree('2. valg: denosumab');
    expect(list).toEqual([el('ol', [el('li', ['valg: denosumab'])], { start: '2' })]);
    expect(visible(list)).toBe('2. valg: denosumab');
    expect(visible(tree('Kortet siger:\n2. valg (parenteral).'))).toBe('Kortet siger:\n2. valg (parenteral).');
  });

  it('reads paragraphs, headings in bold and tight lists', () => {
    expect(tree('Tag blodprøver.\n\n**Begrundelse**\n- eGFR mangler\n- Calcium mangler')).toEqual([
      el('p', ['Tag blodprøver.']),
      el('p', [el('strong', ['Begrundelse'])]),
      el('ul', [el('li', ['eGFR mangler']), el('li', ['Calcium mangler'])]),
    ]);
  });

  it('keeps HTML as text and links only to http(s)', () => {
    expect(tree('<img src=x onerror=alert(1)> **<b>x</b>**')).toEqual([el('p', ['<img src=x onerror=alert(1)> ', el('strong', ['<b>x</b>'])])]);
    expect(tree('[a](javascript:alert(1)) [b](https://example.org/x)')).toEqual([
      el('p', ['[a](javascript:alert(1)) ', el('a', ['b'], { href: 'https://example.org/x' })]),
    ]);
  });
});
