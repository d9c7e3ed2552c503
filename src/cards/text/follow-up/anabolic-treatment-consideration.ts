/**
 * Card text of `anabolic-treatment-consideration` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const anabolicTreatmentConsiderationTexts: TopicTexts<'anabolic-treatment-consideration'> = {
  da: {
    title: 'Overvej anabol behandling',
    summary: (rec) =>
      has(rec, 'woman-fracture-3y')
        ? 'Overvej henvisning til anabol behandling: T-score < −2,5 og lavenergibrud inden for 3 år'
        : has(rec, 'man-spine-fracture-3y')
          ? 'Overvej henvisning til anabol behandling: T-score ≤ −3,0 og lavenergibrud i ryg inden for 3 år'
          : 'Overvej henvisning til anabol behandling: ≥ 2 lavenergibrud i ryg',
    detail: (rec) =>
      [
        'Overvejelse om anabol (knogleopbyggende) behandling: **injektionsbehandling med romosozumab eller teriparatid**, der normalt er selvadministreret. Behandlingen varetages af speciallæge – henvis.',
        'Kriterier: postmenopausale kvinder med T-score < −2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller ryg inden for 3 år; mænd med T-score ≤ −3,0 og lavenergibrud i ryg inden for seneste 3 år, eller som har ≥ 2 lavenergibrud i ryg.',
        'Romosozumab: kun til kvinder og ikke efter myokardieinfarkt eller apopleksi (produktresumé). Teriparatid: højst 24 måneder.',
        rec.candidate === 'woman-cardiovascular' ? '**Journalen viser myokardieinfarkt eller apopleksi: romosozumab må ikke anvendes – teriparatid er muligheden.**' : '',
        rec.candidate === 'man' ? 'Romosozumab er kun til kvinder – for mænd er teriparatid muligheden.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Consider anabolic treatment',
    summary: (rec) =>
      has(rec, 'woman-fracture-3y')
        ? 'Consider referral for anabolic treatment: T-score < −2.5 and a low-energy fracture within 3 years'
        : has(rec, 'man-spine-fracture-3y')
          ? 'Consider referral for anabolic treatment: T-score ≤ −3.0 and a low-energy spine fracture within 3 years'
          : 'Consider referral for anabolic treatment: ≥ 2 low-energy spine fractures',
    detail: (rec) =>
      [
        'Anabolic (bone-forming) treatment: **injections of romosozumab or teriparatide**, normally self-administered. Specialist treatment – refer.',
        'Criteria: postmenopausal women with T-score < −2.5 and a low-energy fracture of hip, pelvis, upper arm, forearm or spine within 3 years; men with T-score ≤ −3.0 and a low-energy spine fracture within the last 3 years, or with ≥ 2 low-energy spine fractures.',
        'Romosozumab: women only, and not after myocardial infarction or stroke (SmPC). Teriparatide: at most 24 months.',
        rec.candidate === 'woman-cardiovascular' ? '**The record shows myocardial infarction or stroke: romosozumab must not be used – teriparatide is the option.**' : '',
        rec.candidate === 'man' ? 'Romosozumab is for women only – for men teriparatide is the option.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
