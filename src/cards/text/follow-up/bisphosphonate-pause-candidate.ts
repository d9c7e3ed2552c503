/**
 * Card text of `bisphosphonate-pause-candidate` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import type { TopicTexts } from '../types.js';

export const bisphosphonatePauseCandidateTexts: TopicTexts<'bisphosphonate-pause-candidate'> = {
  da: {
    title: 'Overvej behandlingspause',
    summary: () => 'Overvej behandlingspause: 5 års peroral bisfosfonat, og kriterierne for seponering er opfyldt',
    detail: () =>
      [
        'Behandlingspause bør overvejes efter 5 år. **Seponering kan ske**, da alle kriterier er opfyldt: T-score (hofte) > −2,5, aldrig lavenergibrud i ryg eller hofte, ingen andre lavenergibrud de seneste år, og evt. udløsende årsager er korrigeret (fx længerevarende glukokortikoidbehandling, hvor der behandles med alendronat ½–1 år efter ophør).',
        'Bisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.',
        'Opfølgning med DXA-skanning tidligst efter 2 år, hvis relevant.',
      ].join('\n\n'),
  },
  en: {
    title: 'Consider a treatment pause',
    summary: () => 'Consider a treatment pause: 5 years of oral bisphosphonate and the criteria for stopping are met',
    detail: () =>
      [
        'A treatment pause should be considered after 5 years. **Treatment may be stopped**, as all criteria are met: hip T-score > −2.5, never a low-energy spine or hip fracture, no other low-energy fracture in recent years, and any triggering cause corrected (e.g. long-term glucocorticoid treatment, where alendronate is continued ½–1 year after it ends).',
        'Bisphosphonates such as alendronate have a long-lasting bone-protective effect, as they stay in the skeleton (long half-life).',
        'Follow-up DXA scan no earlier than after 2 years, if relevant.',
      ].join('\n\n'),
  },
};
