/**
 * The small helpers every topic text composes with: reading the reasons of a recommendation,
 * joining paragraphs and bullets, dates in brackets. Wording lives in the topic files and in
 * card-words.ts, never here.
 */
import type { Language } from '../../contract/language.js';
import type { Recommendation } from '../../contract/recommendations.js';
import type { Reason } from '../../contract/topics.js';
import type { LocalDate } from '../../time/local-date.js';
import { formatDate, formatList } from '../format.js';
import type { Words } from './vocabulary.js';

export function has(rec: Recommendation, ...reasons: readonly Reason[]): boolean {
  return reasons.some((r) => rec.reasons.includes(r));
}

/** Markdown paragraphs from the parts that are there. */
export function paragraphs(...parts: readonly (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n');
}

export function bullets(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join('\n');
}

/** A sentence continued after a colon: "Hvis lavenergibrud: start …". */
export function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** " (12.05.2027)": a date in brackets after the words it dates. */
export function paren(d: LocalDate, lang: Language): string {
  return ` (${formatDate(d, lang)})`;
}

/** The phrases of a topic's table for the reasons the card carries, in the table's order. */
export function reasonPhrases(rec: Recommendation, table: Readonly<Partial<Record<Reason, Words>>>, lang: Language): string[] {
  const out: string[] = [];
  for (const [reason, words] of Object.entries(table)) if (words !== undefined && rec.reasons.some((r) => r === reason)) out.push(words[lang]);
  return out;
}

/** Those phrases as a list, cut after `max` ("… m.fl.") so a summary stays short. */
export function shortList(rec: Recommendation, table: Readonly<Partial<Record<Reason, Words>>>, lang: Language, max: number): string {
  const items = reasonPhrases(rec, table, lang);
  if (items.length <= max) return formatList(items, lang);
  return `${items.slice(0, max).join(', ')} ${lang === 'da' ? 'm.fl.' : 'and more'}`;
}
