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

const SCHEDULE_WORDS: Readonly<Record<DoseScheduleName, Words>> = {
  weekly: { da: 'gives én gang ugentligt', en: 'is given once weekly' },
  monthly: { da: 'gives én gang månedligt', en: 'is given once monthly' },
  'six-monthly': { da: 'gives hver 6. måned', en: 'is given every 6 months' },
  yearly: { da: 'gives én gang årligt', en: 'is given once yearly' },
};

/** "alendronat 70 mg gives én gang ugentligt": the drug, the dose its schedule is for, the schedule. */
const schedule = (rec: Recommendation<'rx-dose-interval'>, lang: 'da' | 'en'): string =>
  `${drugName(rec, lang, ANTIRESORPTIVE)} ${rec.scheduleDoseMg} mg ${SCHEDULE_WORDS[rec.schedule][lang]}`;

/** Another card of the draft bars the drug itself (rules/index.ts `barredDose`): no correction is offered. */
const BARRED: Readonly<Record<NonNullable<Recommendation<'rx-dose-interval'>['barred']>, { readonly da: (drug: string) => string; readonly en: (drug: string) => string }>> = {
  'rx-egfr-too-low': {
    da: (drug) => `**${capitalise(drug)} skal slet ikke ordineres nu: eGFR ≤ 35** (se kortet om nyrefunktionen). Derfor tilbydes ingen rettelse af doseringen her.`,
    en: (drug) => `**${capitalise(drug)} is not to be prescribed now at all: eGFR ≤ 35** (see the kidney function card). So no corrected dosing is offered here.`,
  },
  'rx-hypocalcaemia': {
    da: (drug) => `**${capitalise(drug)} skal ikke gives nu: hypocalcæmien korrigeres først** (se kortet om calcium). Derfor tilbydes ingen rettelse af doseringen her – ret den, når ${drug} ordineres igen.`,
    en: (drug) => `**${capitalise(drug)} is not to be given now: the hypocalcaemia is corrected first** (see the calcium card). So no corrected dosing is offered here – correct it when ${drug} is prescribed again.`,
  },
  'rx-oral-contraindicated': {
    da: (drug) => `**${capitalise(drug)} skal slet ikke ordineres nu: peroral behandling er kontraindiceret** (se det kort). Derfor tilbydes ingen rettelse af doseringen her.`,
    en: (drug) => `**${capitalise(drug)} is not to be prescribed now at all: oral treatment is contraindicated** (see that card). So no corrected dosing is offered here.`,
  },
  'rx-duplicate-antiresorptive': {
    da: (drug) => `**Ordinationen af ${drug} er en dobbeltbehandling** (se kortet om dobbelt antiresorptiv behandling): den gives ikke ved siden af den anden antiresorptive behandling. Derfor tilbydes ingen rettelse af doseringen her – ret den, hvis ordinationen alligevel skal gives.`,
    en: (drug) => `**The ${drug} order doubles another antiresorptive** (see the duplicate treatment card): it is not given beside the other. So no corrected dosing is offered here – correct it should the order be given after all.`,
  },
};

/** The daily strength of an oral bisphosphonate, for a GP who meant daily dosing. */
const DAILY_STRENGTH: Readonly<Partial<Record<string, string>>> = { alendronate: '10 mg', risedronate: '5 mg', ibandronate: '2,5 mg' };

/** The text says how to correct the dosing: no bar, or only a duplicate's (the order may go ahead as a switch). */
const saysFix = (rec: Recommendation<'rx-dose-interval'>): boolean => rec.barred === undefined || rec.barred === 'rx-duplicate-antiresorptive';

/**
 * A weekly or monthly tablet given more often: an overdose, and how to correct it (unless the drug
 * itself is barred; a duplicate may still go ahead once the other is stopped, so its fix is said).
 */
function overdose(rec: Recommendation<'rx-dose-interval'>, lang: 'da' | 'en'): string {
  const drug = drugName(rec, lang, ANTIRESORPTIVE);
  const weekly = rec.schedule === 'weekly';
  const daily = DAILY_STRENGTH[rec.findings.find((f) => f.kind === 'draft')?.drug ?? ''];
  if (lang === 'da') {
    const risk = `En ${weekly ? 'ugetablet' : 'månedstablet'} ${drug} givet oftere end ${weekly ? 'ugentligt' : 'månedligt'} er en overdosis (dagligt: ${weekly ? 'syv ugedoser om ugen' : 'en månedsdosis hver dag'}): risiko for svær øsofagitis, mavesår og hypocalcæmi.`;
    const fix = ` Ret doseringen til én tablet ${weekly ? 'ugentligt (samme ugedag)' : 'månedligt (samme dato)'}${daily === undefined ? '' : `, eller brug en daglig styrke (${daily}), hvis daglig dosering var meningen`}.`;
    return saysFix(rec) ? risk + fix : risk;
  }
  const risk = `A ${weekly ? 'weekly' : 'monthly'} ${drug} tablet given more often than ${weekly ? 'weekly' : 'monthly'} is an overdose (daily: ${weekly ? 'seven weekly doses a week' : 'a monthly dose every day'}): risk of severe oesophagitis, ulcers and hypocalcaemia.`;
  const fix = ` Correct the dosing to one tablet ${weekly ? 'weekly (same day each week)' : 'monthly (same date each month)'}${daily === undefined ? '' : `, or use a daily strength (${daily.replace(',', '.')}) if daily dosing was meant`}.`;
  return saysFix(rec) ? risk + fix : risk;
}

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
        : `Ordinér ikke ${drugName(rec, 'da', ANTIRESORPTIVE)} ${intervalWords(rec.orderedEveryDays, 'da')}: ${schedule(rec, 'da')}`,
    detail: (rec) =>
      paragraphs(
        'Kortet: **Alendronat 70 mg ugetablet; zoledronsyre 5 mg i.v. årligt; denosumab 60 mg s.c. hver 6. måned** (produktresumé). Ordinationen er doseret hyppigere og må ikke gives som ordineret.',
        rec.barred !== undefined && BARRED[rec.barred].da(drugName(rec, 'da', ANTIRESORPTIVE)),
        (rec.schedule === 'weekly' || rec.schedule === 'monthly') && overdose(rec, 'da'),
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
        : `Do not prescribe ${drugName(rec, 'en', ANTIRESORPTIVE)} ${intervalWords(rec.orderedEveryDays, 'en')}: ${schedule(rec, 'en')}`,
    detail: (rec) =>
      paragraphs(
        'The card: **alendronate 70 mg weekly tablet; zoledronic acid 5 mg i.v. yearly; denosumab 60 mg s.c. every 6 months** (SmPC). The order is dosed more often and must not be given as drafted.',
        rec.barred !== undefined && BARRED[rec.barred].en(drugName(rec, 'en', ANTIRESORPTIVE)),
        (rec.schedule === 'weekly' || rec.schedule === 'monthly') && overdose(rec, 'en'),
        rec.schedule === 'six-monthly' &&
          'Denosumab is given every 6 months (no earlier than 5 and no later than 7 months). More frequent injections add no effect but raise the risk of hypocalcaemia. Check calcium before the injection.',
        rec.schedule === 'yearly' &&
          'Zoledronic acid 5 mg is given once a year (usually in hospital). More frequent infusions raise the risk of kidney injury and hypocalcaemia. Calcium, creatinine and 25-OH vitamin D before each infusion.',
      ),
  },
};
