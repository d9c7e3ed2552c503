/**
 * A note put on a topic's texts when a condition of its recommendation holds: words before or
 * after the summary (kept only where the whole stays under 140 characters: cutting the summary
 * instead lost its own conditions, "– hvis bruddet var et lavenergibrud") and a paragraph that
 * opens the detail. The words are short, so that they fit beside the longest summaries.
 */
import type { Recommendation } from '../../contract/recommendations.js';
import type { Topic } from '../../contract/topics.js';
import { lowerFirst, paragraphs } from './text-helpers.js';
import type { TopicText, TopicTexts } from './types.js';

export interface Note<T extends Topic> {
  readonly applies: (rec: Recommendation<T>) => boolean;
  /** Words before the summary (`lead`) or after it (`tail`), where the whole stays under 140 characters. */
  readonly place: 'lead' | 'tail';
  readonly words: Readonly<Record<'da' | 'en', { readonly summary: string; readonly detail: string }>>;
}

export function withNote<T extends Topic>(texts: TopicTexts<T>, note: Note<T>): TopicTexts<T> {
  const lang = (l: 'da' | 'en'): TopicText<T> => ({
    ...texts[l],
    summary: (rec) => {
      const summary = texts[l].summary(rec);
      const words = note.words[l].summary;
      if (!note.applies(rec) || [...summary].length + [...words].length >= 140) return summary;
      return note.place === 'lead' ? `${words}${lowerFirst(summary)}` : `${summary}${words}`;
    },
    detail: (rec) => (note.applies(rec) ? paragraphs(note.words[l].detail, texts[l].detail(rec)) : texts[l].detail(rec)),
  });
  return { da: lang('da'), en: lang('en') };
}
