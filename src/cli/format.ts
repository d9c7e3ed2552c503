/** The CLI's readable output: the cards as a GP would read them in a terminal. */
import { CARD_EXTENSION_EVIDENCE, CARD_EXTENSION_REASONS, type Card } from '../cds-hooks/response.js';

const INDICATOR = { info: 'INFO', warning: 'WARNING', critical: 'CRITICAL' } as const;

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '' : `${by}${line}`))
    .join('\n');
}

/** Markdown of the subset the cards use, for a terminal: bold markers dropped, lists kept. */
function plainMarkdown(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1');
}

export interface Heading {
  readonly hook: string;
  readonly patient: string;
  readonly date: string;
  readonly language: string;
}

export function formatCards(cards: readonly Card[], heading: Heading): string {
  const out: string[] = [];
  out.push(`osteo-cds · ${heading.hook} · ${heading.patient} · ${heading.date} · ${heading.language}`);
  out.push(cards.length === 0 ? 'No cards: the service has nothing to say about this patient.' : `${cards.length} card${cards.length === 1 ? '' : 's'}`);
  cards.forEach((card, i) => {
    out.push('');
    out.push(`${i + 1}. [${INDICATOR[card.indicator]}] ${card.summary}`);
    const topic = card.source.topic?.code;
    // A folded card (rules.md section 6) names every topic it carries, its own first.
    const folded = card.extension['osteo-cds.topics'];
    const topics = Array.isArray(folded) ? `topics: ${folded.join(' + ')} · ` : topic === undefined ? '' : `topic: ${topic} · `;
    out.push(indent(`${topics}source: ${card.source.label}`, '   '));
    if (card.detail !== undefined) out.push('', indent(plainMarkdown(card.detail), '   '));
    if (card.suggestions !== undefined && card.suggestions.length > 0) {
      out.push('', '   Suggestions:');
      for (const s of card.suggestions) {
        const what = (s.actions ?? []).map((a) => (a.type === 'delete' ? `delete ${a.resourceId}` : `${a.type} ${a.resource.resourceType}`));
        out.push(`   - ${s.label}${s.isRecommended === true ? ' (recommended)' : ''}${what.length > 0 ? ` [${what.join(', ')}]` : ''}`);
      }
    }
    if (card.links !== undefined && card.links.length > 0) {
      out.push('', '   Links:');
      for (const l of card.links) out.push(`   - ${l.label}: ${l.url}`);
    }
    if (card.overrideReasons !== undefined && card.overrideReasons.length > 0) {
      out.push('', `   Override reasons: ${card.overrideReasons.map((r) => r.code).join(', ')}`);
    }
    out.push('', `   Reasons: ${card.extension[CARD_EXTENSION_REASONS].join(', ')}`, `   Evidence: ${card.extension[CARD_EXTENSION_EVIDENCE].join(', ')}`);
  });
  return `${out.join('\n')}\n`;
}
