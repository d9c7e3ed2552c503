/**
 * Card text of `btm-response-inadequate` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { ALENDRONATE_INTAKE } from '../../orders.js';
import { DENOSUMAB_OPTION, ZOLEDRONIC_ACID } from '../card-words.js';
import { paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const btmResponseInadequateTexts: TopicTexts<'btm-response-inadequate'> = {
  da: {
    title: 'Knoglemarkør: utilstrækkeligt fald',
    summary: (rec) =>
      rec.comparedWith === 'premenopausal-mean'
        ? 'Knoglemarkør ikke under præmenopausalt gennemsnit: tjek indtag, compliance og anden sygdom'
        : 'Knoglemarkør faldet ≤ 30 %: tjek korrekt indtag, compliance og anden sygdom',
    detail: (rec) =>
      [
        'Utilstrækkeligt fald i knoglemarkør ved peroral behandling. **Overvej korrekt indtag, compliance (se evt. FMK) og anden sygdom.**',
        `Korrekt indtag af alendronat: ${ALENDRONATE_INTAKE.da}`,
        `- **Korrigerbar:** ret årsagen, tag ny knoglemarkør 3 mdr. efter${paren(rec.recheckDue, 'da')} og revurdér.\n` +
          '- **Ikke korrigerbar:** start eller henvis til parenteral behandling (2. valg).',
        `${DENOSUMAB_OPTION.da}\n\n${ZOLEDRONIC_ACID.da}`,
        rec.comparedWith === 'premenopausal-mean' ? 'Der er ikke taget knoglemarkør før behandlingsstart; sammenligningen med præmenopausalt gennemsnit er mere usikker.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Bone marker: insufficient fall',
    summary: (rec) =>
      rec.comparedWith === 'premenopausal-mean'
        ? 'Bone marker not below the premenopausal mean: check intake, adherence and other disease'
        : 'Bone marker fell ≤ 30 %: check correct intake, adherence and other disease',
    detail: (rec) =>
      [
        'Insufficient bone marker fall on oral treatment. **Check correct intake, adherence (see the shared medication record, FMK) and other disease.**',
        `Correct intake of alendronate: ${ALENDRONATE_INTAKE.en}`,
        `- **Correctable:** correct it, repeat the bone marker 3 months later${paren(rec.recheckDue, 'en')} and reassess.\n` +
          '- **Not correctable:** start or refer for parenteral treatment (second choice).',
        `${DENOSUMAB_OPTION.en}\n\n${ZOLEDRONIC_ACID.en}`,
        rec.comparedWith === 'premenopausal-mean' ? 'No marker was taken before the start of treatment; the comparison with the premenopausal mean is less certain.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
