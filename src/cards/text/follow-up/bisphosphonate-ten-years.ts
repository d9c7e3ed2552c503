/**
 * Card text of `bisphosphonate-ten-years` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import type { TopicTexts } from '../types.js';

export const bisphosphonateTenYearsTexts: TopicTexts<'bisphosphonate-ten-years'> = {
  da: {
    title: '10 års peroral bisfosfonat',
    summary: () => 'Revurdér behandlingen: 10 års peroral bisfosfonat – kortets maksimale behandlingsvarighed er nået',
    detail: () =>
      [
        'Behandlingspause bør overvejes efter 5 år; ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år. **Den maksimale varighed i vejledningen er nået** – fortsæt ikke rutinemæssigt.',
        'Bisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.',
        'Overvej seponering; ved fortsat høj brudrisiko: henvis til endokrinolog med henblik på videre behandling.',
      ].join('\n\n'),
  },
  en: {
    title: '10 years of oral bisphosphonate',
    summary: () => 'Reassess treatment: 10 years of oral bisphosphonate – the maximum duration on the card is reached',
    detail: () =>
      [
        'A treatment pause should be considered after 5 years; with persistently low hip bone mass treatment can be extended to 10 years. **The maximum duration in the guideline is reached** – do not continue routinely.',
        'Bisphosphonates such as alendronate have a long-lasting bone-protective effect, as they stay in the skeleton (long half-life).',
        'Consider stopping; if the fracture risk remains high, refer to endocrinology for further treatment.',
      ].join('\n\n'),
  },
};
