/**
 * Card text of `rx-bisphosphonate-duration` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { PAUSE_ENDED } from '../card-words.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const rxBisphosphonateDurationTexts: TopicTexts<'rx-bisphosphonate-duration'> = {
  da: {
    title: 'Varighed af peroral behandling',
    summary: (rec) =>
      has(rec, 'ten-years') && rec.restart
        ? 'Genstart efter 10 års peroral bisfosfonat: maksimal varighed nået – henvis til endokrinolog i stedet'
        : has(rec, 'ten-years')
        ? '10 års peroral bisfosfonat nået: maksimal varighed – forny kun efter fornyet vurdering'
        : rec.restart
          ? 'Genstart efter ≥ 5 års peroral bisfosfonat: ved nyt lavenergibrud, T-score (hofte) ≤ −2,5 eller glukokortikoid'
          : rec.pause === 'criteria-not-met'
            ? '5 års peroral bisfosfonat nået: forny – kriterierne for behandlingspause er ikke opfyldt'
            : rec.pause === 'treatment-failure'
            ? '5 års peroral bisfosfonat nået: behandlingssvigt – ingen pause, henvis til endokrinolog'
            : rec.pause === 'hip-t-score-missing'
              ? '5 års peroral bisfosfonat nået: T-score for hoften mangler – DXA afgør, om pause er mulig'
              : '5 års peroral bisfosfonat nået: overvej behandlingspause før fornyelse',
    detail: (rec) =>
      !has(rec, 'ten-years') && rec.restart
        ? paragraphs(PAUSE_ENDED.da, 'Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år i alt.')
        : rec.pause === 'treatment-failure'
        ? paragraphs(
            'Kortet: Behandlingspause bør overvejes efter 5 år, og kriterierne for seponering er opfyldt – **men journalen viser behandlingssvigt** (fald i knoglemineraltæthed, brud under behandling eller knoglemarkør, der fortsat ikke falder; se „Grundlag“).',
            'Kortet: henvisning til endokrinolog ved behandlingssvigt trods compliance (ved knoglemarkør: skift til parenteral behandling). Hold ikke pause – behandlingen skal ændres, ikke stoppes.',
          )
        : rec.pause === 'criteria-not-met'
        ? paragraphs(
            'Kortet: Behandlingspause bør overvejes efter 5 år – men **seponering kan kun ske, hvis** T-score (hofte) > −2,5, aldrig lavenergibrud i ryg eller hofte, ingen andre lavenergibrud de seneste år, og evt. udløsende årsager er korrigeret.',
            'Mindst ét kriterium er ikke opfyldt (se „Grundlag“): forny behandlingen. Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år.',
          )
        : has(rec, 'ten-years')
        ? paragraphs(
            'Kortet: Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes **til 10 år** – den maksimale varighed er nået. Bisfosfonat har en længerevarende knoglebeskyttende effekt, da det bliver i skelettet pga. lang halveringstid.',
            rec.restart
              ? 'Start ikke alendronat igen: henvis til endokrinolog, der vælger den videre behandling.'
              : 'Stop behandlingen, eller henvis til endokrinolog ved fortsat høj risiko (fx nye lavenergibrud).',
          )
        : paragraphs(
            'Kortet: **Behandlingspause bør overvejes efter 5 år.**',
            'Seponering kan ske, hvis:\n- T-score (hofte) > −2,5 og\n- aldrig lavenergibrud i ryg eller hofte og\n- ingen andre lavenergibrud de seneste år og\n- evt. udløsende årsager er korrigeret, fx længerevarende glukokortikoidbehandling, hvor der behandles med alendronat ½–1 år efter ophør.',
            'Opfølgning med DXA-skanning tidligst efter 2 år, hvis relevant. Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år.',
          ),
  },
  en: {
    title: 'Duration of oral treatment',
    summary: (rec) =>
      has(rec, 'ten-years') && rec.restart
        ? 'Restart after 10 years of oral bisphosphonate: maximum duration reached – refer to endocrinology instead'
        : has(rec, 'ten-years')
        ? '10 years of oral bisphosphonate reached: maximum duration – renew only after reassessment'
        : rec.restart
          ? 'Restart after ≥ 5 years of oral bisphosphonate: on a new low-energy fracture, hip T-score ≤ −2.5 or glucocorticoid'
          : rec.pause === 'criteria-not-met'
            ? '5 years of oral bisphosphonate reached: renew – the criteria for a treatment pause are not met'
            : rec.pause === 'treatment-failure'
            ? '5 years of oral bisphosphonate reached: treatment failure – no pause, refer to endocrinology'
            : rec.pause === 'hip-t-score-missing'
              ? '5 years of oral bisphosphonate reached: no hip T-score – a DXA decides whether a pause is possible'
              : '5 years of oral bisphosphonate reached: consider a treatment pause before renewing',
    detail: (rec) =>
      !has(rec, 'ten-years') && rec.restart
        ? paragraphs(PAUSE_ENDED.en, 'With persistently low hip bone mass, treatment can be extended to 10 years in all.')
        : rec.pause === 'treatment-failure'
        ? paragraphs(
            'The card: a treatment pause should be considered after 5 years, and the criteria for stopping are met – **but the record shows a treatment failure** (a fall in bone mineral density, fractures on treatment or a bone marker that still does not fall; see “Based on”).',
            'The card: refer to endocrinology on treatment failure despite adherence (for the bone marker: switch to parenteral treatment). Do not pause – the treatment is to be changed, not stopped.',
          )
        : rec.pause === 'criteria-not-met'
        ? paragraphs(
            'The card: a treatment pause should be considered after 5 years – but **it can only be stopped if** hip T-score > −2.5, never a low-energy spine or hip fracture, no other low-energy fracture in recent years, and any triggering cause is corrected.',
            'At least one criterion is not met (see “Based on”): renew the treatment. With persistently low hip bone mass, treatment can be extended to 10 years.',
          )
        : has(rec, 'ten-years')
        ? paragraphs(
            'The card: with persistently low hip bone mass, treatment can be extended **to 10 years** – the maximum duration is reached. A bisphosphonate has a long-lasting bone-protective effect because it stays in the skeleton (long half-life).',
            rec.restart
              ? 'Do not start alendronate again: refer to endocrinology, who chooses the further treatment.'
              : 'Stop the treatment, or refer to endocrinology if the risk stays high (e.g. new low-energy fractures).',
          )
        : paragraphs(
            'The card: **a treatment pause should be considered after 5 years.**',
            'It can be stopped if:\n- hip T-score > −2.5 and\n- never a low-energy spine or hip fracture and\n- no other low-energy fracture in recent years and\n- any triggering cause is corrected, e.g. long-term glucocorticoid treatment, where alendronate continues ½–1 year after it stops.',
            'Follow up with DXA no earlier than 2 years later, if relevant. With persistently low hip bone mass, treatment can be extended to 10 years.',
          ),
  },
};
