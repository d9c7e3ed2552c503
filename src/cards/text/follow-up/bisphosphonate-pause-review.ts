/**
 * Card text of `bisphosphonate-pause-review` (v2; rules.md section 3; card page 2 l. 185-199
 * "Behandlingspause bør overvejes efter 5 år … Opfølgning med DXA-scanning tidligst efter 2 år,
 * hvis relevant. Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år."),
 * in Danish and English.
 */
import { formatDate } from '../../format.js';
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const bisphosphonatePauseReviewTexts: TopicTexts<'bisphosphonate-pause-review'> = {
  da: {
    title: 'Behandlingspause med bisfosfonat',
    summary: (rec) =>
      has(rec, 'pause-dxa-due')
        ? `Henvis til DXA-skanning: behandlingspause siden ${formatDate(rec.pauseStart, 'da')} – 2 år er gået`
        : has(rec, 'pause-continues')
          ? `Behandlingspausen fortsætter: T-score (hofte) > −2,5 – næste DXA tidligst ${formatDate(rec.dxaFrom, 'da')}`
          : `Behandlingspause siden ${formatDate(rec.pauseStart, 'da')}: start ikke behandling – DXA tidligst ${formatDate(rec.dxaFrom, 'da')}`,
    detail: (rec) =>
      [
        `Peroral bisfosfonat er seponeret efter mindst 5 års behandling, og kriterierne for seponering var opfyldt: **behandlingspause siden ${formatDate(rec.pauseStart, 'da')}**. Bisfosfonat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet – start ikke behandling igen blot fordi T-score eller tidligere brud ellers ville give indikation.`,
        `**Opfølgning med DXA-skanning tidligst efter 2 år** (${formatDate(rec.dxaFrom, 'da')})${has(rec, 'pause-dxa-due') ? ' – tidspunktet er nået. Henvis til samme hospital som ved tidligere skanning; skannere måler ikke helt ens.' : '.'}`,
        'Genoptag behandling ved nyt lavenergibrud, eller hvis DXA viser fortsat lav knoglemasse i hoften (T-score ≤ −2,5): behandlingen kan da udstrækkes til i alt 10 år.',
      ].join('\n\n'),
  },
  en: {
    title: 'Bisphosphonate treatment pause',
    summary: (rec) =>
      has(rec, 'pause-dxa-due')
        ? `Refer for a DXA scan: treatment pause since ${formatDate(rec.pauseStart, 'en')} – 2 years have passed`
        : has(rec, 'pause-continues')
          ? `The treatment pause continues: hip T-score > −2.5 – next DXA no earlier than ${formatDate(rec.dxaFrom, 'en')}`
          : `Treatment pause since ${formatDate(rec.pauseStart, 'en')}: do not restart – DXA no earlier than ${formatDate(rec.dxaFrom, 'en')}`,
    detail: (rec) =>
      [
        `Oral bisphosphonate was stopped after at least 5 years with the criteria for stopping met: **treatment pause since ${formatDate(rec.pauseStart, 'en')}**. Bisphosphonates have a long-lasting bone-protective effect as they stay in the skeleton – do not restart just because the T-score or an earlier fracture would otherwise indicate treatment.`,
        `**Follow-up DXA scan no earlier than after 2 years** (${formatDate(rec.dxaFrom, 'en')})${has(rec, 'pause-dxa-due') ? ' – that time has come. Refer to the same hospital as the previous scan; scanners do not measure exactly alike.' : '.'}`,
        'Resume treatment after a new low-energy fracture, or if the DXA shows persistently low hip bone mass (T-score ≤ −2.5): treatment can then be extended to 10 years in total.',
      ].join('\n\n'),
  },
};
