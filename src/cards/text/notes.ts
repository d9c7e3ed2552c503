/**
 * A note put on a topic's texts when a condition of its recommendation holds: words before or
 * after the summary and a paragraph that opens the detail. A lead is a caveat that must be read
 * first ("Tjek medicinlisten (mangler)"): it always opens the summary, whose end is then cut at a
 * clause where the whole would reach 140 characters (cards/render.ts). A tail is kept only where
 * the whole stays under 140.
 */
import type { Recommendation } from '../../contract/recommendations.js';
import type { Topic } from '../../contract/topics.js';
import { lowerFirst, paragraphs } from './text-helpers.js';
import type { TopicText, TopicTexts } from './types.js';

export interface Note<T extends Topic> {
  readonly applies: (rec: Recommendation<T>) => boolean;
  /** Words before the summary (`lead`, always) or after it (`tail`, where the whole stays under 140 characters). */
  readonly place: 'lead' | 'tail';
  readonly words: Readonly<Record<'da' | 'en', { readonly summary: string; readonly detail: string }>>;
}

export function withNote<T extends Topic>(texts: TopicTexts<T>, note: Note<T>): TopicTexts<T> {
  const lang = (l: 'da' | 'en'): TopicText<T> => ({
    ...texts[l],
    summary: (rec) => {
      const summary = texts[l].summary(rec);
      const words = note.words[l].summary;
      if (!note.applies(rec)) return summary;
      if (note.place === 'lead') return `${words}${lowerFirst(summary)}`;
      return [...summary].length + [...words].length >= 140 ? summary : `${summary}${words}`;
    },
    detail: (rec) => (note.applies(rec) ? paragraphs(note.words[l].detail, texts[l].detail(rec)) : texts[l].detail(rec)),
  });
  return { da: lang('da'), en: lang('en') };
}
