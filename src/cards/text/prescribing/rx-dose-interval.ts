/**
 * Card text of `rx-dose-interval` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import type { DoseScheduleName } from '../../../contract/suggestions.js';
import { formatDate } from '../../format.js';
import { both, paragraphs } from '../text-helpers.js';
import { intervalWords } from '../findings.js';
import type { TopicText, TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { ANTIRESORPTIVE, drugName } from './common.js';

function doseInterval(lang: Language): TopicText<'rx-dose-interval'> {
  const da = lang === 'da';
  const SCHEDULE: Readonly<Record<DoseScheduleName, Words>> = {
    weekly: { da: 'alendronat 70 mg gives én gang ugentligt', en: 'alendronate 70 mg is given once weekly' },
    'six-monthly': { da: 'denosumab 60 mg gives hver 6. måned', en: 'denosumab 60 mg is given every 6 months' },
    yearly: { da: 'zoledronsyre 5 mg gives én gang årligt', en: 'zoledronic acid 5 mg is given once yearly' },
  };
  return {
    title: da ? 'Doseringen er for hyppig' : 'Dosing too frequent',
    summary: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      if (rec.orderedEveryDays === undefined) {
        const due = rec.nextInjection === undefined ? '' : formatDate(rec.nextInjection, lang);
        return da ? `Giv ikke denosumab nu: under 5 måneder siden sidste injektion – næste ${due}` : `Do not give denosumab now: under 5 months since the last injection – next due ${due}`;
      }
      const how = intervalWords(rec.orderedEveryDays, lang);
      return da ? `Ordinér ikke ${drug} ${how}: ${SCHEDULE[rec.schedule].da}` : `Do not prescribe ${drug} ${how}: ${SCHEDULE[rec.schedule].en}`;
    },
    detail: (rec) =>
      paragraphs(
        da
          ? 'Kortet: **Alendronat 70 mg ugetablet; zoledronsyre 5 mg i.v. årligt; denosumab 60 mg s.c. hver 6. måned** (produktresumé). Ordinationen er doseret hyppigere og må ikke gives som ordineret.'
          : 'The card: **alendronate 70 mg weekly tablet; zoledronic acid 5 mg i.v. yearly; denosumab 60 mg s.c. every 6 months** (SmPC). The order is dosed more often and must not be given as drafted.',
        rec.schedule === 'weekly' &&
          (da
            ? 'Alendronat 70 mg dagligt er en syvdobbelt overdosis: risiko for svær øsofagitis, mavesår og hypocalcæmi. Ret doseringen til én tablet ugentligt (samme ugedag), eller brug en daglig styrke (10 mg), hvis daglig dosering var meningen.'
            : 'Alendronate 70 mg daily is a sevenfold overdose: risk of severe oesophagitis, ulcers and hypocalcaemia. Correct the dosing to one tablet weekly (same day each week), or use a daily strength (10 mg) if daily dosing was meant.'),
        rec.schedule === 'six-monthly' &&
          (da
            ? 'Denosumab gives hver 6. måned (tidligst efter 5 måneder, senest efter 7 måneder). Hyppigere injektioner giver ingen ekstra effekt, men øget risiko for hypocalcæmi. Kontrollér P-calcium før injektionen.'
            : 'Denosumab is given every 6 months (no earlier than 5 and no later than 7 months). More frequent injections add no effect but raise the risk of hypocalcaemia. Check calcium before the injection.'),
        rec.schedule === 'yearly' &&
          (da
            ? 'Zoledronsyre 5 mg gives én gang årligt (typisk på hospital). Hyppigere infusioner øger risikoen for nyrepåvirkning og hypocalcæmi. P-calcium, -kreatinin og -25-OH-Vit.D før hver infusion.'
            : 'Zoledronic acid 5 mg is given once a year (usually in hospital). More frequent infusions raise the risk of kidney injury and hypocalcaemia. Calcium, creatinine and 25-OH vitamin D before each infusion.'),
      ),
  };
}

export const rxDoseIntervalTexts: TopicTexts<'rx-dose-interval'> = both(doseInterval);
