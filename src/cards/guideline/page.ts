/**
 * `GET /guideline/{topic}`: a clean, printable HTML page per topic in Danish or English — the
 * topic's name, when the card comes and what it asks, the card's own passages (intake, side
 * effects, checks before a start …) and the links of its back page. The words come from the
 * text modules the cards use; markdown is rendered by markdown-it with raw HTML off, and every
 * other value is escaped. No script, no external file: it prints as it shows.
 */
import markdownit from 'markdown-it';
import type { Language } from '../../contract/language.js';
import { isTopic } from '../../contract/topics.js';
import { linksFor, type LinkDefinition, type LinkKey } from '../links.js';
import { topicText } from '../text/index.js';
import { inForce } from '../text/vocabulary.js';
import type { GuidelineSettings } from '../../rules/settings.js';
import { GUIDES } from './guides.js';

const md = markdownit('commonmark', { html: false, linkify: false });

const WORDS = {
  da: { when: 'Hvornår kortet kommer', guidance: 'Vejledning', links: 'Links', source: 'Kilde', print: 'Udskrevet fra osteo-cds' },
  en: { when: 'When the card comes', guidance: 'Guidance', links: 'Links', source: 'Source', print: 'Printed from osteo-cds' },
} as const;

const SOURCE = {
  da: 'DSAM: Osteoporose i almen praksis (april 2025, ver. 3)',
  en: 'DSAM: Osteoporosis in general practice (April 2025, v3)',
} as const;
const SOURCE_URL = 'https://www.dsam.dk/vejledninger/osteoporose';

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2933; margin: 0; background: #fff; line-height: 1.5; }
main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; border-bottom: 1px solid #d5dbe3; padding-bottom: .2rem; }
a { color: #0b5394; }
ul { padding-left: 1.3rem; }
.source { color: #5f6b7a; font-size: .9rem; }
@media print { a { color: inherit; } a[href]::after { content: " (" attr(href) ")"; font-size: .8em; } main { max-width: none; padding: 0; } }
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The page, or undefined for a code that is no topic. */
export function guidelinePage(topic: string, lang: Language, links: Readonly<Record<LinkKey, LinkDefinition>>, settings: GuidelineSettings): string | undefined {
  if (!isTopic(topic)) return undefined;
  const w = WORDS[lang];
  const title = topicText(topic, lang).title;
  const guide = GUIDES[topic];
  const passages = guide.passages.map((p) => md.render(p[lang])).join('\n');
  const linkItems = linksFor(topic, lang, links)
    .map((l) => `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · osteo-cds</title>
<style>${STYLE}</style>
</head>
<body>
<main data-topic="${topic}">
<h1>${escapeHtml(title)}</h1>
<section id="when"><h2>${w.when}</h2>
${md.render(inForce(guide.purpose, settings)[lang])}</section>
${passages === '' ? '' : `<section id="guidance"><h2>${w.guidance}</h2>\n${passages}</section>`}
${linkItems === '' ? '' : `<section id="links"><h2>${w.links}</h2>\n<ul>\n${linkItems}\n</ul></section>`}
<p class="source">${w.source}: <a href="${SOURCE_URL}">${escapeHtml(SOURCE[lang])}</a></p>
</main>
</body>
</html>
`;
}
