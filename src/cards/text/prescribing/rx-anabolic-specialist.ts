/**
 * Card text of `rx-anabolic-specialist` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { capitalise, has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { drugName } from './common.js';

export const rxAnabolicSpecialistTexts: TopicTexts<'rx-anabolic-specialist'> = {
  da: {
    title: 'Anabol behandling er specialistbehandling',
    summary: (rec) => {
      if (has(rec, 'cardiovascular-history')) return 'Ordinér ikke romosozumab: tidligere myokardieinfarkt eller apopleksi (kontraindiceret)';
      if (rec.romosozumabForMan) return 'Romosozumab er kun godkendt til kvinder: henvis til vurdering af anabol behandling';
      return `${capitalise(drugName(rec, 'da', { da: 'Anabol behandling', en: 'Anabolic treatment' }))} er specialistbehandling: henvis til vurdering af anabol behandling`;
    },
    detail: () =>
      paragraphs(
        'Kortet: Overvej henvisning til anabol (knogleopbyggende) behandling ved lavenergibrud – injektionsbehandling med romosozumab eller teriparatid, der normalt er selvadministreret:',
        '- Postmenopausale kvinder med T-score < −2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller ryg inden for 3 år.\n- Mænd med T-score ≤ −3,0 og lavenergibrud i ryg inden for seneste 3 år, eller som har ≥ 2 lavenergibrud i ryg.',
        'Behandlingen startes af speciallæge. Teriparatid gives i højst 24 måneder. Romosozumab gives i 12 måneder, kun til kvinder og ikke efter myokardieinfarkt eller apopleksi (produktresumé). Efter anabol behandling følges op med antiresorptiv behandling.',
      ),
  },
  en: {
    title: 'Anabolic treatment is specialist treatment',
    summary: (rec) => {
      if (has(rec, 'cardiovascular-history')) return 'Do not prescribe romosozumab: prior myocardial infarction or stroke (contraindicated)';
      if (rec.romosozumabForMan) return 'Romosozumab is approved for women only: refer for assessment of anabolic treatment';
      return `${capitalise(drugName(rec, 'en', { da: 'Anabol behandling', en: 'Anabolic treatment' }))} is specialist treatment: refer for assessment of anabolic treatment`;
    },
    detail: () =>
      paragraphs(
        'The card: consider referral for anabolic (bone-building) treatment after low-energy fractures – injections of romosozumab or teriparatide, usually self-administered:',
        '- Postmenopausal women with T-score < −2.5 and a low-energy fracture of hip, pelvis, upper arm, forearm or spine within 3 years.\n- Men with T-score ≤ −3.0 and a low-energy spine fracture within the last 3 years, or with ≥ 2 low-energy spine fractures.',
        'A specialist starts the treatment. Teriparatide is given for at most 24 months. Romosozumab is given for 12 months, to women only and not after myocardial infarction or stroke (SmPC). Anabolic treatment is followed by antiresorptive treatment.',
      ),
  },
};
