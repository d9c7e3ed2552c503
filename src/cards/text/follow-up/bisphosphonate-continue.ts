/**
 * Card text of `bisphosphonate-continue` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const bisphosphonateContinueTexts: TopicTexts<'bisphosphonate-continue'> = {
  da: {
    title: 'Fortsæt peroral bisfosfonat',
    summary: () => 'Fortsæt peroral bisfosfonat: 5 år nået, men kriterierne for behandlingspause er ikke opfyldt',
    detail: (rec) =>
      [
        'Behandlingspause bør overvejes efter 5 år, men seponering kræver alle kriterier: T-score (hofte) > −2,5; aldrig lavenergibrud i ryg eller hofte; ingen andre lavenergibrud de seneste år; evt. udløsende årsager korrigeret (fx glukokortikoid – alendronat ½–1 år efter ophør). Se begrundelsen for, hvad der ikke er opfyldt.',
        '**Fortsæt behandling.** Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år.',
        has(rec, 'hip-t-score-missing') ? 'Der er ingen T-score for hoften: henvis til DXA-skanning (samme hospital som ved tidligere skanning) for at vurdere en pause.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Continue oral bisphosphonate',
    summary: () => 'Continue oral bisphosphonate: 5 years reached, but the criteria for a treatment pause are not met',
    detail: (rec) =>
      [
        'A treatment pause should be considered after 5 years, but stopping requires all criteria: hip T-score > −2.5; never a low-energy spine or hip fracture; no other low-energy fracture in recent years; any triggering cause corrected (e.g. glucocorticoid – alendronate ½–1 year after it ends). See the reasons for what is not met.',
        '**Continue treatment.** With persistently low bone mass in the hip, treatment can be extended to 10 years.',
        has(rec, 'hip-t-score-missing') ? 'There is no hip T-score: refer for a DXA scan (same hospital as the previous scan) to assess a pause.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
