/**
 * Card text of `anabolic-treatment-consideration` (rules.md section 3, card page 2 l. 205-216,
 * romosozumab's limits from the SmPC), in Danish — the card's own terms — and English: what the
 * specialist may give, and which drug this patient can have. The criteria are the reasons; all
 * of them are on the guideline page. Folded into the treatment card only the summary shows: it
 * names the romosozumab bar when the record has one.
 */
import type { Language } from '../../../contract/language.js';
import type { AnabolicCandidate, Recommendation } from '../../../contract/recommendations.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const WHAT: Words = {
  da: 'Anabol (knogleopbyggende) behandling varetages af speciallæge: injektion med romosozumab eller teriparatid, normalt selvadministreret.',
  en: 'Anabolic (bone-forming) treatment is given by a specialist: injections of romosozumab or teriparatide, normally self-administered.',
};

/** Which drug the candidate can have: romosozumab only for women without myocardial infarction or stroke. */
const WHICH_DRUG: Readonly<Record<AnabolicCandidate, Words>> = {
  woman: {
    da: 'Romosozumab må ikke gives efter myokardieinfarkt eller apopleksi. Teriparatid gives højst 24 måneder.',
    en: 'Romosozumab must not be given after myocardial infarction or stroke. Teriparatide is given for at most 24 months.',
  },
  'woman-cardiovascular': {
    da: '**Journalen viser myokardieinfarkt eller apopleksi: romosozumab må ikke anvendes – teriparatid er muligheden** (højst 24 måneder).',
    en: '**The record shows myocardial infarction or stroke: romosozumab must not be used – teriparatide is the option** (at most 24 months).',
  },
  man: {
    da: 'Romosozumab er kun til kvinder – for mænd er teriparatid muligheden (højst 24 måneder).',
    en: 'Romosozumab is for women only – for men teriparatide is the option (at most 24 months).',
  },
};

/** The card asks for a *low-energy* fracture; one whose mechanism the record does not give counts (the safer reading), said as such. */
const IF_LOW_ENERGY: Words = {
  da: '**Bruddets mekanisme er ikke registreret:** henvis, hvis det var et lavenergibrud (fx fald fra egen højde).',
  en: '**The mechanism of the fracture is not recorded:** refer if it was a low-energy fracture (e.g. a fall from standing height).',
};

/** Every fracture the card rests on is only possibly low-energy. */
const onlyPossible = (rec: Recommendation<'anabolic-treatment-consideration'>): boolean => {
  const fractures = rec.findings.filter((f) => f.kind === 'fracture');
  return fractures.length > 0 && fractures.every((f) => f.possible);
};

/** A critical denosumab card beside it (`afterDenosumab`, rules/agreement.ts): that comes first. */
const DENOSUMAB_FIRST: Readonly<Record<'overdue' | 'stopped', Words>> = {
  overdue: {
    da: '**Først denosumab:** injektionen er over 7 måneder forsinket (se det kritiske kort) og gives nu – en henvisning til anabol behandling udskyder den ikke.',
    en: '**Denosumab first:** the injection is more than 7 months late (see the critical card) and is given now – a referral for anabolic treatment does not put it off.',
  },
  stopped: {
    da: '**Først den opfølgende behandling:** denosumab er seponeret uden opfølgning (se det kritiske kort) – den gives nu; en henvisning til anabol behandling udskyder den ikke.',
    en: '**Follow-on treatment first:** denosumab was stopped without follow-on (see the critical card) – it is given now; a referral for anabolic treatment does not put it off.',
  },
};

/** The summary beside a critical denosumab card: the referral framed as after the injection or follow-on. */
const SUMMARY_AFTER_DENOSUMAB: Readonly<Record<'overdue' | 'stopped', Words>> = {
  overdue: {
    da: 'Overvej henvisning til anabol behandling – men giv først den forsinkede denosumab-injektion (kritisk kort)',
    en: 'Consider referral for anabolic treatment – but give the overdue denosumab injection first (critical card)',
  },
  stopped: {
    da: 'Overvej henvisning til anabol behandling – men start først opfølgningen efter denosumab (kritisk kort)',
    en: 'Consider referral for anabolic treatment – but start the follow-on after denosumab first (critical card)',
  },
};

/** One referral to the clinic (rules/agreement.ts `oneClinic`): where it is. */
const REFERRAL_ON_TREATMENT_CARD: Words = {
  da: '**Henvisningen ligger på behandlingskortet:** hver start dér sender den med, eller vælg henvisningen alene.',
  en: '**The referral is on the treatment card:** each start there sends it along, or choose the referral alone.',
};

const REFERRAL_COMBINED: Words = {
  da: '**Henvisningen er samlet** med den anbefalede henvisning til endokrinolog i dette svar, som også beder om vurdering af anabol behandling.',
  en: '**The referral is combined** with the recommended referral to endocrinology in this answer, which also asks for an assessment of anabolic treatment.',
};

function detail(rec: Recommendation<'anabolic-treatment-consideration'>, lang: Language): string {
  return paragraphs(
    rec.afterDenosumab !== undefined && DENOSUMAB_FIRST[rec.afterDenosumab][lang],
    rec.referralCombined === true && REFERRAL_COMBINED[lang],
    rec.referralOnTreatmentCard === true && REFERRAL_ON_TREATMENT_CARD[lang],
    onlyPossible(rec) && IF_LOW_ENERGY[lang],
    WHAT[lang],
    WHICH_DRUG[rec.candidate][lang],
  );
}

export const anabolicTreatmentConsiderationTexts: TopicTexts<'anabolic-treatment-consideration'> = {
  da: {
    title: 'Overvej anabol behandling',
    // Romosozumab barred by the record is said in the summary: folded onto the treatment card, only the summary shows.
    summary: (rec) =>
      rec.afterDenosumab !== undefined
        ? SUMMARY_AFTER_DENOSUMAB[rec.afterDenosumab].da
        : rec.candidate === 'woman-cardiovascular'
        ? `${onlyPossible(rec) ? 'Hvis lavenergibrud: overvej' : 'Overvej'} henvisning til anabol behandling med teriparatid – ikke romosozumab (infarkt/apopleksi i journalen)`
        : has(rec, 'woman-fracture-3y')
        ? `Overvej henvisning til anabol behandling: T-score < −2,5 og ${onlyPossible(rec) ? 'muligt ' : ''}lavenergibrud inden for 3 år`
        : has(rec, 'man-spine-fracture-3y')
          ? `Overvej henvisning til anabol behandling: T-score ≤ −3,0 og ${onlyPossible(rec) ? 'muligt ' : ''}lavenergibrud i ryg inden for 3 år`
          : `Overvej henvisning til anabol behandling: ≥ 2 ${onlyPossible(rec) ? 'mulige ' : ''}lavenergibrud i ryg`,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Consider anabolic treatment',
    summary: (rec) =>
      rec.afterDenosumab !== undefined
        ? SUMMARY_AFTER_DENOSUMAB[rec.afterDenosumab].en
        : rec.candidate === 'woman-cardiovascular'
        ? `${onlyPossible(rec) ? 'If low-energy fracture: consider' : 'Consider'} referral for anabolic treatment with teriparatide – not romosozumab (infarction/stroke on record)`
        : has(rec, 'woman-fracture-3y')
        ? `Consider referral for anabolic treatment: T-score < −2.5 and a ${onlyPossible(rec) ? 'possible ' : ''}low-energy fracture within 3 years`
        : has(rec, 'man-spine-fracture-3y')
          ? `Consider referral for anabolic treatment: T-score ≤ −3.0 and a ${onlyPossible(rec) ? 'possible ' : ''}low-energy spine fracture within 3 years`
          : `Consider referral for anabolic treatment: ≥ 2 ${onlyPossible(rec) ? 'possible ' : ''}low-energy spine fractures`,
    detail: (rec) => detail(rec, 'en'),
  },
};
