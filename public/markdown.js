/**
 * A tiny, safe markdown renderer for the subset the cards use: paragraphs (blank lines), line
 * breaks, `- ` and `1. ` lists, and `**bold**`. `parseMarkdown` is pure (tested in Node);
 * `renderMarkdown` builds DOM nodes with textContent only — no HTML string from a card is ever
 * parsed, so a card cannot inject markup or script.
 */

/** @typedef {{ text: string, bold: boolean }} Inline */
/** @typedef {{ type: 'p', lines: Inline[][] } | { type: 'ul' | 'ol', items: Inline[][] }} Block */

/** `a **b** c` → [{text:'a ',bold:false},{text:'b',bold:true},{text:' c',bold:false}] */
export function parseInline(line) {
  /** @type {Inline[]} */
  const out = [];
  const parts = line.split('**');
  // An odd number of `**` leaves the last one literal.
  const balanced = parts.length % 2 === 1;
  parts.forEach((text, i) => {
    const bold = i % 2 === 1 && (balanced || i < parts.length - 1);
    const literal = !balanced && i === parts.length - 1 && i % 2 === 1 ? `**${text}` : text;
    if (literal !== '') out.push({ text: literal, bold });
  });
  return out;
}

/** Markdown text → blocks. */
export function parseMarkdown(markdown) {
  /** @type {Block[]} */
  const blocks = [];
  /** @type {Block | undefined} */
  let current;
  for (const raw of String(markdown).replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === '') {
      current = undefined;
    } else if (bullet || numbered) {
      const type = bullet ? 'ul' : 'ol';
      const text = (bullet ?? numbered)[1];
      if (current === undefined || current.type !== type) {
        current = { type, items: [] };
        blocks.push(current);
      }
      current.items.push(parseInline(text));
    } else if (current !== undefined && current.type !== 'p' && /^\s{2,}\S/.test(raw)) {
      // An indented line continues the list item above.
      const last = current.items[current.items.length - 1];
      last.push({ text: ' ', bold: false }, ...parseInline(line.trim()));
    } else {
      if (current === undefined || current.type !== 'p') {
        current = { type: 'p', lines: [] };
        blocks.push(current);
      }
      current.lines.push(parseInline(line));
    }
  }
  return blocks;
}

function appendInline(doc, parent, inlines) {
  for (const part of inlines) {
    if (part.bold) {
      const strong = doc.createElement('strong');
      strong.textContent = part.text;
      parent.append(strong);
    } else {
      parent.append(doc.createTextNode(part.text));
    }
  }
}

/** Markdown text → a DocumentFragment of p/ul/ol/li/strong/br elements and text nodes. */
export function renderMarkdown(doc, markdown) {
  const fragment = doc.createDocumentFragment();
  for (const block of parseMarkdown(markdown)) {
    if (block.type === 'p') {
      const p = doc.createElement('p');
      block.lines.forEach((line, i) => {
        if (i > 0) p.append(doc.createElement('br'));
        appendInline(doc, p, line);
      });
      fragment.append(p);
    } else {
      const list = doc.createElement(block.type);
      for (const item of block.items) {
        const li = doc.createElement('li');
        appendInline(doc, li, item);
        list.append(li);
      }
      fragment.append(list);
    }
  }
  return fragment;
}
