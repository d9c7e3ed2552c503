/**
 * Card text of `rx-dose-interval` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { DoseScheduleName } from '../../../contract/suggestions.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { intervalWords } from '../findings.js';
import { capitalise, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { ANTIRESORPTIVE, drugName } from './common.js';

const SCHEDULE: Readonly<Record<DoseScheduleName, Words>> = {
  weekly: { da: 'alendronat 70 mg gives én gang ugentligt', en: 'alendronate 70 mg is given once weekly' },
  'six-monthly': { da: 'denosumab 60 mg gives hver 6. måned', en: 'denosumab 60 mg is given every 6 months' },
  yearly: { da: 'zoledronsyre 5 mg gives én gang årligt', en: 'zoledronic acid 5 mg is given once yearly' },
};

/** Another card of the draft bars the drug itself (rules/index.ts `barredDose`): no correction is offered. */
const BARRED: Readonly<Record<NonNullable<Recommendation<'rx-dose-interval'>['barred']>, { readonly da: (drug: string) => string; readonly en: (drug: string) => string }>> = {
  'rx-egfr-too-low': {
    da: (drug) => `**${capitalise(drug)} skal slet ikke ordineres nu: eGFR ≤ 35** (se kortet om nyrefunktionen). Derfor tilbydes ingen rettelse af doseringen her.`,
    en: (drug) => `**${capitalise(drug)} is not to be prescribed now at all: eGFR ≤ 35** (see the kidney function card). So no corrected dosing is offered here.`,
  },
  'rx-oral-contraindicated': {
    da: (drug) => `**${capitalise(drug)} skal slet ikke ordineres nu: peroral behandling er kontraindiceret** (se det kort). Derfor tilbydes ingen rettelse af doseringen her.`,
    en: (drug) => `**${capitalise(drug)} is not to be prescribed now at all: oral treatment is contraindicated** (see that card). So no corrected dosing is offered here.`,
  },
};

/** No ordered interval to quote: a denosumab injection under 5 months (zoledronic acid: 11) after the last; the next is due then. */
const nextDue = (rec: Recommendation<'rx-dose-interval'>, lang: 'da' | 'en'): string => (rec.nextInjection === undefined ? '' : formatDate(rec.nextInjection, lang));

export const rxDoseIntervalTexts: TopicTexts<'rx-dose-interval'> = {
  da: {
    title: 'Doseringen er for hyppig',
    summary: (rec) =>
      rec.orderedEveryDays === undefined
        ? rec.schedule === 'yearly'
          ? `Giv ikke zoledronsyre nu: under 11 måneder siden sidste infusion – næste ${nextDue(rec, 'da')}`
          : `Giv ikke denosumab nu: under 5 måneder siden sidste injektion – næste ${nextDue(rec, 'da')}`
        : `Ordinér ikke ${drugName(rec, 'da', ANTIRESORPTIVE)} ${intervalWords(rec.orderedEveryDays, 'da')}: ${SCHEDULE[rec.schedule].da}`,
    detail: (rec) =>
      paragraphs(
        'Kortet: **Alendronat 70 mg ugetablet; zoledronsyre 5 mg i.v. årligt; denosumab 60 mg s.c. hver 6. måned** (produktresumé). Ordinationen er doseret hyppigere og må ikke gives som ordineret.',
        rec.barred !== undefined && BARRED[rec.barred].da(drugName(rec, 'da', ANTIRESORPTIVE)),
        rec.schedule === 'weekly' &&
          `En ugetablet alendronat givet oftere end ugentligt er en overdosis (dagligt: syv ugedoser om ugen): risiko for svær øsofagitis, mavesår og hypocalcæmi.${rec.barred === undefined ? ' Ret doseringen til én tablet ugentligt (samme ugedag), eller brug en daglig styrke (10 mg), hvis daglig dosering var meningen.' : ''}`,
        rec.schedule === 'six-monthly' &&
          'Denosumab gives hver 6. måned (tidligst efter 5 måneder, senest efter 7 måneder). Hyppigere injektioner giver ingen ekstra effekt, men øget risiko for hypocalcæmi. Kontrollér P-calcium før injektionen.',
        rec.schedule === 'yearly' &&
          'Zoledronsyre 5 mg gives én gang årligt (typisk på hospital). Hyppigere infusioner øger risikoen for nyrepåvirkning og hypocalcæmi. P-calcium, -kreatinin og -25-OH-Vit.D før hver infusion.',
      ),
  },
  en: {
    title: 'Dosing too frequent',
    summary: (rec) =>
      rec.orderedEveryDays === undefined
        ? rec.schedule === 'yearly'
          ? `Do not give zoledronic acid now: under 11 months since the last infusion – next due ${nextDue(rec, 'en')}`
          : `Do not give denosumab now: under 5 months since the last injection – next due ${nextDue(rec, 'en')}`
        : `Do not prescribe ${drugName(rec, 'en', ANTIRESORPTIVE)} ${intervalWords(rec.orderedEveryDays, 'en')}: ${SCHEDULE[rec.schedule].en}`,
    detail: (rec) =>
      paragraphs(
        'The card: **alendronate 70 mg weekly tablet; zoledronic acid 5 mg i.v. yearly; denosumab 60 mg s.c. every 6 months** (SmPC). The order is dosed more often and must not be given as drafted.',
        rec.barred !== undefined && BARRED[rec.barred].en(drugName(rec, 'en', ANTIRESORPTIVE)),
        rec.schedule === 'weekly' &&
          `A weekly alendronate tablet given more often than weekly is an overdose (daily: seven weekly doses a week): risk of severe oesophagitis, ulcers and hypocalcaemia.${rec.barred === undefined ? ' Correct the dosing to one tablet weekly (same day each week), or use a daily strength (10 mg) if daily dosing was meant.' : ''}`,
        rec.schedule === 'six-monthly' &&
          'Denosumab is given every 6 months (no earlier than 5 and no later than 7 months). More frequent injections add no effect but raise the risk of hypocalcaemia. Check calcium before the injection.',
        rec.schedule === 'yearly' &&
          'Zoledronic acid 5 mg is given once a year (usually in hospital). More frequent infusions raise the risk of kidney injury and hypocalcaemia. Calcium, creatinine and 25-OH vitamin D before each infusion.',
      ),
  },
};
