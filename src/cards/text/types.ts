/** How a topic speaks: its title, summary and advice, per language. */
import type { Recommendation } from '../../contract/recommendations.js';
import type { Language } from '../../contract/language.js';
import type { Topic } from '../../contract/topics.js';

export interface TopicText<T extends Topic = Topic> {
  /** Short name of the topic (shown as `source.topic.display`). */
  readonly title: string;
  /** The title of one card where the topic's own would not fit it (a zoledronic acid draft under `rx-oral-contraindicated`). */
  readonly titleOf?: (rec: Recommendation<T>) => string;
  /** One sentence, decision first ("Start behandling: …"), under 140 characters. */
  readonly summary: (rec: Recommendation<T>) => string;
  /**
   * Markdown advice in the card's own words. The renderer appends the reasons ("Begrundelse")
   * and the findings with values and dates ("Grundlag"), so the advice need not repeat them.
   */
  readonly detail: (rec: Recommendation<T>) => string;
}

export type TopicTexts<T extends Topic = Topic> = Readonly<Record<Language, TopicText<T>>>;

/** One text per topic of a family: a topic without its text does not compile. */
export type TextsOf<F extends Topic> = { readonly [T in F]: TopicTexts<T> };
