/**
 * Card text of `btm-response-adequate` (rules.md section 3, card page 2 l. 170-176), in Danish —
 * the card's own terms — and English: continue, when to measure again, and the next check. Without
 * a baseline the summary and the reason already say the comparison is less certain.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { NOT_CONTINUED } from '../card-words-follow-up.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const CONTINUE: Words = {
  da: '**Fortsæt behandling.** Ny knoglemarkør kun ved mistanke om manglende compliance.',
  en: '**Continue treatment.** A new marker only if non-adherence is suspected.',
};

/** l. 162-163: the next check is the DXA. */
const NEXT_DXA: Words = {
  da: 'Næste kontrol: DXA-skanning tidligst efter 2 års behandling og efter 5 års behandling.',
  en: 'Next check: DXA scan no earlier than after 2 years of treatment, and after 5 years.',
};

function detail(rec: Recommendation<'btm-response-adequate'>, lang: Language): string {
  return rec.notContinued !== undefined ? paragraphs(EFFECT[lang], NOT_CONTINUED[rec.notContinued].advice[lang]) : paragraphs(CONTINUE[lang], NEXT_DXA[lang]);
}

/** The marker fell, but another card says not to go on as now. */
const EFFECT: Words = {
  da: 'Knoglemarkøren viser effekt af behandlingen.',
  en: 'The bone marker shows that the treatment works.',
};

export const btmResponseAdequateTexts: TopicTexts<'btm-response-adequate'> = {
  da: {
    title: 'Knoglemarkør: tilstrækkeligt fald',
    summary: (rec) =>
      rec.notContinued !== undefined
        ? `Knoglemarkør ${has(rec, 'below-premenopausal-mean') ? 'under præmenopausalt gennemsnit' : 'faldet > 30 %'} – ${NOT_CONTINUED[rec.notContinued].clause.da}`
        : has(rec, 'below-premenopausal-mean')
          ? 'Fortsæt behandling: knoglemarkør under præmenopausalt gennemsnit (ingen initial værdi – mere usikkert)'
          : 'Fortsæt behandling: knoglemarkør faldet > 30 % fra initial værdi',
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Bone marker: adequate fall',
    summary: (rec) =>
      rec.notContinued !== undefined
        ? `Bone marker ${has(rec, 'below-premenopausal-mean') ? 'below the premenopausal mean' : 'fell > 30 %'} – ${NOT_CONTINUED[rec.notContinued].clause.en}`
        : has(rec, 'below-premenopausal-mean')
          ? 'Continue treatment: bone marker below the premenopausal mean (no baseline – less certain)'
          : 'Continue treatment: bone marker fell > 30 % from baseline',
    detail: (rec) => detail(rec, 'en'),
  },
};
