/**
 * Card text of `bisphosphonate-ten-years` (rules.md section 3, card page 2 l. 198-199 "kan
 * behandling udstrækkes til 10 år" read as the limit), in Danish — the card's own terms — and
 * English: do not continue routinely; stop, or refer when the fracture risk stays high.
 */
import type { Language } from '../../../contract/language.js';
import { LONG_ACTING } from '../card-words-follow-up.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const DECIDE: Words = {
  da: '**Fortsæt ikke rutinemæssigt.** Overvej seponering. Ved fortsat høj brudrisiko: henvis til endokrinolog med henblik på videre behandling.',
  en: '**Do not continue routinely.** Consider stopping. If the fracture risk remains high, refer to endocrinology for further treatment.',
};

function detail(lang: Language): string {
  return paragraphs(DECIDE[lang], LONG_ACTING[lang]);
}

export const bisphosphonateTenYearsTexts: TopicTexts<'bisphosphonate-ten-years'> = {
  da: {
    title: '10 års peroral bisfosfonat',
    summary: () => 'Revurdér behandlingen: 10 års peroral bisfosfonat – kortets maksimale behandlingsvarighed er nået',
    detail: () => detail('da'),
  },
  en: {
    title: '10 years of oral bisphosphonate',
    summary: () => 'Reassess treatment: 10 years of oral bisphosphonate – the maximum duration on the card is reached',
    detail: () => detail('en'),
  },
};
