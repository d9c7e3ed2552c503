/**
 * Card text of `btm-response-adequate` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const btmResponseAdequateTexts: TopicTexts<'btm-response-adequate'> = {
  da: {
    title: 'Knoglemarkør: tilstrækkeligt fald',
    summary: (rec) =>
      has(rec, 'below-premenopausal-mean')
        ? 'Fortsæt behandling: knoglemarkør under præmenopausalt gennemsnit (ingen initial værdi – mere usikkert)'
        : 'Fortsæt behandling: knoglemarkør faldet > 30 % fra initial værdi',
    detail: (rec) =>
      [
        'Knoglemarkøren viser effekt og compliance ved peroral behandling. **Fortsæt behandling.** Ny knoglemarkør kun ved mistanke om manglende compliance.',
        has(rec, 'below-premenopausal-mean')
          ? 'Der er ikke taget knoglemarkør før behandlingsstart; resultatet er sammenholdt med gennemsnit for præmenopausale kvinder (oplyses fra laboratoriet) – det er mere usikkert.'
          : '',
        'DXA-skanning tidligst efter 2 års behandling og efter 5 års behandling.',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Bone marker: adequate fall',
    summary: (rec) =>
      has(rec, 'below-premenopausal-mean')
        ? 'Continue treatment: bone marker below the premenopausal mean (no baseline – less certain)'
        : 'Continue treatment: bone marker fell > 30 % from baseline',
    detail: (rec) =>
      [
        'The bone marker shows effect and adherence of oral treatment. **Continue treatment.** A new marker only if non-adherence is suspected.',
        has(rec, 'below-premenopausal-mean')
          ? 'No marker was taken before the start of treatment; the result is compared with the premenopausal mean (given by the laboratory) – this is less certain.'
          : '',
        'DXA scan no earlier than after 2 years of treatment, and after 5 years.',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
