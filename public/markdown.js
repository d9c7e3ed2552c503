/**
 * Card markdown → DOM, parsed by markdown-it (CommonMark), as an EHR's markdown view shows it.
 * markdown-it is served from the service itself (`vendor/markdown-it.mjs`, CSP 'self') and
 * handed in, so this module also runs in Node for its tests.
 *
 * Raw HTML is off (a card's `<b>` stays text), and markdown-it's HTML string is never used: the
 * token stream becomes a small tree of allowed elements, which `renderMarkdown` builds with
 * createElement and textContent only — a card cannot inject markup or script. Links keep only
 * an http(s) href.
 */

/** @typedef {{ tag: string, attrs: Record<string, string>, children: Node[] }} Element */
/** @typedef {Element | string} Node */

/** Elements a CommonMark card can produce; anything else keeps its text but loses its tag. */
const ALLOWED = new Set(['p', 'ul', 'ol', 'li', 'strong', 'em', 'br', 'code', 'pre', 'blockquote', 'hr', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 's']);

/** A markdown-it instance with the settings the cards are written for (strict CommonMark, no HTML). */
export function createMarkdown(markdownit) {
  return markdownit('commonmark', { html: false, linkify: false, breaks: false });
}

function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function attrsOf(token) {
  /** @type {Record<string, string>} */
  const attrs = {};
  if (token.tag === 'ol') {
    // "2. valg" at the start of a block is a list that starts at 2: keep the number.
    const start = String(token.attrGet('start') ?? '');
    if (/^\d{1,9}$/.test(start)) attrs.start = start;
  }
  if (token.tag === 'a') {
    const href = safeHref(token.attrGet('href') ?? '');
    if (href !== undefined) attrs.href = href;
  }
  return attrs;
}

/** Markdown text → a tree of allowed elements and text (pure; tested in Node). */
export function markdownTree(md, markdown) {
  /** @type {Element} */
  const root = { tag: '#root', attrs: {}, children: [] };
  /** @type {Element[]} */
  const stack = [root];
  const top = () => stack[stack.length - 1];
  const leaf = (tag, text) => top().children.push({ tag, attrs: {}, children: text === undefined ? [] : [text] });
  /** Text runs joined, empty ones dropped: one text node per run. */
  const text = (content) => {
    const children = top().children;
    if (content === '') return;
    if (typeof children[children.length - 1] === 'string') children[children.length - 1] += content;
    else children.push(content);
  };
  const walk = (tokens) => {
    for (const token of tokens) {
      if (token.type === 'inline') walk(token.children ?? []);
      else if (token.nesting === 1) {
        // A tight list's paragraphs are hidden: their text belongs to the list item itself.
        const node = token.hidden ? top() : { tag: token.tag, attrs: attrsOf(token), children: [] };
        if (!token.hidden) top().children.push(node);
        stack.push(node);
      } else if (token.nesting === -1) stack.pop();
      else if (token.type === 'text' || token.type === 'html_inline' || token.type === 'html_block') text(token.content);
      else if (token.type === 'softbreak') text('\n');
      else if (token.type === 'hardbreak') leaf('br');
      else if (token.type === 'code_inline') leaf('code', token.content);
      else if (token.type === 'code_block' || token.type === 'fence') top().children.push({ tag: 'pre', attrs: {}, children: [{ tag: 'code', attrs: {}, children: [token.content] }] });
      else if (token.type === 'hr') leaf('hr');
      else if (token.type === 'image') text(token.content);
    }
  };
  walk(md.parse(String(markdown), {}));
  return root.children;
}

function build(doc, parent, nodes) {
  for (const node of nodes) {
    if (typeof node === 'string') {
      parent.append(doc.createTextNode(node));
    } else if (!ALLOWED.has(node.tag) || (node.tag === 'a' && node.attrs.href === undefined)) {
      build(doc, parent, node.children);
    } else {
      const element = doc.createElement(node.tag);
      for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, value);
      if (node.tag === 'a') {
        element.setAttribute('target', '_blank');
        element.setAttribute('rel', 'noopener noreferrer');
      }
      build(doc, element, node.children);
      parent.append(element);
    }
  }
}

/** Markdown text → a DocumentFragment built with createElement and text nodes only. */
export function renderMarkdown(doc, md, markdown) {
  const fragment = doc.createDocumentFragment();
  build(doc, fragment, markdownTree(md, markdown));
  return fragment;
}
