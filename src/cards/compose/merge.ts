/**
 * One card out of a host card and its companions (rules.md section 6, "Folding"): the host's
 * summary (a more severe companion's, when one raises the indicator) and detail first, then one short section per companion (its title and its decision
 * sentence); the most severe indicator; reasons, evidence and links as unions; the companions'
 * suggestions kept once each; `extension["osteo-cds.topics"]` listing every topic, the host's first.
 */
import {
  CARD_EXTENSION_EVIDENCE,
  CARD_EXTENSION_REASONS,
  CARD_EXTENSION_TOPICS,
  type Card,
  type Link,
  type Suggestion,
} from '../../cds-hooks/response.js';

const RANK = { critical: 0, warning: 1, info: 2 } as const;

/** Every topic a card carries, its own first. */
export function topicsOf(card: Card): string[] {
  const own = card.source.topic?.code;
  const listed = card.extension[CARD_EXTENSION_TOPICS];
  if (Array.isArray(listed) && listed.length > 0) return listed.filter((t): t is string => typeof t === 'string');
  return own === undefined ? [] : [own];
}

/** Suggestions are alternatives when only one of several may be taken (e.g. denosumab or zoledronic acid). */
export function hasAlternatives(card: Card): boolean {
  return card.selectionBehavior === 'at-most-one' && (card.suggestions?.length ?? 0) > 1;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The same order twice (a lab both cards suggest) is one suggestion: compared without uuids. */
function suggestionKey(s: Suggestion): string {
  return JSON.stringify({ label: s.label, actions: s.actions ?? [] });
}

/** Every suggestion of `companion` is one `host` already makes (a card with none adds none). */
export function addsNoSuggestion(host: Card, companion: Card): boolean {
  const own = new Set((host.suggestions ?? []).map(suggestionKey));
  return (companion.suggestions ?? []).every((s) => own.has(suggestionKey(s)));
}

/**
 * `cardGrouping: separate`: an order offered on an earlier card (most severe first) is not offered
 * again on a later one — the treatment card's and the referral card's pre-selected "refer to
 * endocrinology" had sent two referrals (rules.md section 6: no duplicates).
 */
export function withoutRepeatedSuggestions(cards: readonly Card[]): Card[] {
  // By action: a start offered with the anabolic referral (one click, two orders) offers that referral too.
  const offered = new Set<string>();
  const actionKeys = (s: Suggestion): string[] => (s.actions ?? []).map((a) => JSON.stringify(a.type === 'delete' ? { type: a.type, resourceId: a.resourceId } : { type: a.type, resource: a.resource }));
  return cards.map((card) => {
    const own = card.suggestions ?? [];
    const kept = own.filter((s) => {
      const keys = actionKeys(s);
      return keys.length === 0 || !keys.every((k) => offered.has(k));
    });
    // One of several alternatives, not pre-selected, is not the order sent: the GP who picks
    // another sends none (a 10-year card's pre-selected referral had gone for one beside denosumab).
    for (const s of own) if (card.selectionBehavior !== 'at-most-one' || s.isRecommended === true) for (const k of actionKeys(s)) offered.add(k);
    if (kept.length === own.length) return card;
    const { suggestions: _s, selectionBehavior: _b, ...rest } = card;
    return kept.length === 0 ? rest : { ...rest, suggestions: kept, ...(card.selectionBehavior === undefined ? {} : { selectionBehavior: card.selectionBehavior }) };
  });
}

function unionBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A card folded into a host, with the lines of its detail that must show folded too. */
export interface Companion {
  readonly card: Card;
  /** E.g. a lab value in an unknown unit that the card did not use (rules.md section 1: "the card says so"). */
  readonly notes?: readonly string[];
}

/** The companion's section in the host's detail: its name and its decision, nothing repeated; then its notes. */
function section({ card: companion, notes = [] }: Companion): string {
  const title = companion.source.topic?.display;
  const lines = notes.map((n) => `\n- ${n}`).join('');
  if (title === undefined) return `${companion.summary}${lines}`;
  // A summary that already opens with its title ("D-vitamin og kalk: …"), or with a lead ending in
  // its title's words ("Overvej henvisning til anabol behandling: …" under "Overvej anabol
  // behandling"), gives it once, in bold.
  const opener = `${title}:`;
  const rest = companion.summary.toLowerCase().startsWith(opener.toLowerCase()) ? companion.summary.slice(opener.length).trimStart() : withoutEchoedLead(companion.summary, title);
  return `**${title}:** ${rest}${lines}`;
}

/** The summary after its lead ("…: "), when the lead ends in the same two words as the title. */
function withoutEchoedLead(summary: string, title: string): string {
  const colon = summary.indexOf(': ');
  if (colon < 0) return summary;
  const lastTwo = (s: string): string => s.toLowerCase().split(/\s+/).slice(-2).join(' ');
  return lastTwo(summary.slice(0, colon)) === lastTwo(title) ? summary.slice(colon + 2) : summary;
}

function withoutRecommendation(s: Suggestion): Suggestion {
  const { isRecommended: _, ...rest } = s;
  return rest;
}

export function mergeCards(host: Card, folded: readonly Companion[]): Card {
  if (folded.length === 0) return host;
  const companions = folded.map((c) => c.card);
  const all = [host, ...companions];
  const indicator = all.reduce((worst, c) => (RANK[c.indicator] < RANK[worst] ? c.indicator : worst), host.indicator);
  const alternatives = hasAlternatives(host);
  // A host with alternatives takes companion suggestions only as further alternatives (the anabolic
  // referral beside denosumab | zoledronic acid, fold.ts): the host's recommendation stays the one.
  const added = companions.flatMap((c) => c.suggestions ?? []).map((s) => (alternatives ? withoutRecommendation(s) : s));
  const suggestions = unionBy([...(host.suggestions ?? []), ...added], suggestionKey);
  const selectionBehavior = alternatives ? 'at-most-one' : 'any';
  const links = unionBy<Link>(all.flatMap((c) => c.links ?? []), (l) => l.url);
  const overrideReasons = all.find((c) => c.overrideReasons !== undefined)?.overrideReasons;
  const detail = [host.detail ?? '', ...folded.map(section)].filter((s) => s.trim() !== '').join('\n\n');
  // A card raised to a warning by a companion leads with that warning (the host's own summary is an info).
  const lead = RANK[indicator] < RANK[host.indicator] ? companions.find((c) => c.indicator === indicator) : undefined;
  const { suggestions: _s, selectionBehavior: _b, links: _l, overrideReasons: _o, detail: _d, ...rest } = host;
  return {
    ...rest,
    ...(lead === undefined ? {} : { summary: lead.summary }),
    indicator,
    ...(detail === '' ? {} : { detail }),
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior }),
    ...(indicator === 'info' || overrideReasons === undefined ? {} : { overrideReasons }),
    ...(links.length === 0 ? {} : { links }),
    extension: {
      ...host.extension,
      [CARD_EXTENSION_REASONS]: [...new Set(all.flatMap((c) => strings(c.extension[CARD_EXTENSION_REASONS])))],
      [CARD_EXTENSION_EVIDENCE]: [...new Set(all.flatMap((c) => strings(c.extension[CARD_EXTENSION_EVIDENCE])))],
      [CARD_EXTENSION_TOPICS]: [...new Set(all.flatMap(topicsOf))],
    },
  };
}
