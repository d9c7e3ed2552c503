/** How a topic speaks: its title, summary and advice, per language. */
import type { Recommendation } from '../../rules/types.js';
import type { Language } from '../../contract/language.js';

export interface TopicText {
  /** Short name of the topic (shown as `source.topic.display`). */
  readonly title: string;
  /** One sentence, decision first ("Start behandling: …"), under 140 characters. */
  summary(rec: Recommendation): string;
  /**
   * Markdown advice in the card's own words. The renderer appends the reasons ("Begrundelse")
   * and the findings with values and dates ("Grundlag"), so the advice need not repeat them.
   */
  detail(rec: Recommendation): string;
}

export type TopicTexts = Readonly<Record<Language, TopicText>>;
