/**
 * Card text of `rx-hypocalcaemia` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { formatDate } from '../../format.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { ANTIRESORPTIVE, drugName, fitSummary, labQuantity, labValue } from './common.js';

type Rec = Recommendation<'rx-hypocalcaemia'>;

/** What is measured again: 25-OH-D only when no current value is known (the rule orders it only then). */
const RECHECK = {
  da: {
    order: 'kontrollér P-calcium og P-25-OH-vitamin D igen',
    low: 'giv D-vitamin (P-25-OH-vitamin D er lav, se nedenfor) og kontrollér P-calcium igen',
    adequate: 'kontrollér P-calcium igen (en aktuel P-25-OH-vitamin D over 50 nmol/L foreligger)',
  },
  en: {
    order: 'recheck calcium and 25-OH vitamin D',
    low: 'give vitamin D (25-OH vitamin D is low, see below) and recheck calcium',
    adequate: 'recheck calcium (a current 25-OH vitamin D above 50 nmol/L is on record)',
  },
} as const;

/** The calcium as the lab reported it too ("8,4 mg/dL = 2,096 mmol/L"), when that fits the summary. */
function summaryDa(rec: Rec, value: string): string {
  return (
    `Giv ikke ${drugName(rec, 'da', ANTIRESORPTIVE)} nu: hypocalcæmi (${value}) skal korrigeres først` +
    (rec.heldInjection === undefined ? '' : rec.heldInjection.overdue ? ' – injektionen er over 7 måneder forsinket' : ` – injektionen senest ${formatDate(rec.heldInjection.latestInTime, 'da')}`)
  );
}

function summaryEn(rec: Rec, value: string): string {
  return (
    `Do not give ${drugName(rec, 'en', ANTIRESORPTIVE)} now: hypocalcaemia (${value}) must be corrected first` +
    (rec.heldInjection === undefined ? '' : rec.heldInjection.overdue ? ' – the injection is over 7 months late' : ` – injection by ${formatDate(rec.heldInjection.latestInTime, 'en')}`)
  );
}

export const rxHypocalcaemiaTexts: TopicTexts<'rx-hypocalcaemia'> = {
  da: {
    title: 'Hypocalcæmi før antiresorptiv behandling',
    summary: (rec) => fitSummary(summaryDa(rec, labQuantity(rec.calcium, 'mmol/L', 'da')), summaryDa(rec, `${labValue(rec.calcium, 'da')} mmol/L`)),
    detail: (rec) =>
      paragraphs(
        rec.heldInjection !== undefined &&
          (rec.heldInjection.overdue
            ? `Seneste denosumab-injektion ${formatDate(rec.heldInjection.lastInjection, 'da')}: der er gået mere end de højst 7 måneder, kortet tillader. Denosumab må ikke bare ophøre (hurtigt knogletab): korrigér calcium hurtigst muligt, og aftal straks den videre plan med endokrinologisk afdeling.`
            : `Injektionen udskydes, den opgives ikke: der må højst gå 7 måneder mellem injektionerne, dvs. senest ${formatDate(rec.heldInjection.latestInTime, 'da')}. Kan calcium ikke korrigeres inden da, aftal planen med endokrinologisk afdeling – denosumab må ikke bare ophøre (hurtigt knogletab).`),
        'Kortet: **Tjek, at der ikke er hypocalcæmi** før start af antiresorptiv behandling – og P-calcium før hver denosumab-injektion og zoledronsyre-infusion.',
        `Antiresorptiv behandling sænker P-calcium yderligere – især denosumab og zoledronsyre – og kan give svær hypocalcæmi. Find og behandl årsagen (fx D-vitaminmangel, lavt calciumindtag, nedsat nyrefunktion), ${RECHECK.da[rec.vitaminD ?? 'order']}, og start først, når calcium er normalt. Uforklaret hypocalcæmi: overvej henvisning til endokrinolog.`,
      ),
  },
  en: {
    title: 'Hypocalcaemia before antiresorptive treatment',
    summary: (rec) => fitSummary(summaryEn(rec, labQuantity(rec.calcium, 'mmol/L', 'en')), summaryEn(rec, `${labValue(rec.calcium, 'en')} mmol/L`)),
    detail: (rec) =>
      paragraphs(
        rec.heldInjection !== undefined &&
          (rec.heldInjection.overdue
            ? `Last denosumab injection ${formatDate(rec.heldInjection.lastInjection, 'en')}: more than the card's maximum of 7 months has passed. Denosumab must not simply stop (rapid bone loss): correct calcium as soon as possible and agree the plan with endocrinology now.`
            : `The injection is postponed, not abandoned: at most 7 months between injections, i.e. by ${formatDate(rec.heldInjection.latestInTime, 'en')}. If calcium cannot be corrected by then, agree the plan with endocrinology – denosumab must not simply stop (rapid bone loss).`),
        'The card: **check that there is no hypocalcaemia** before starting antiresorptive treatment – and calcium before each denosumab injection and zoledronic acid infusion.',
        `Antiresorptive treatment lowers calcium further – especially denosumab and zoledronic acid – and can cause severe hypocalcaemia. Find and treat the cause (e.g. vitamin D deficiency, low calcium intake, reduced kidney function), ${RECHECK.en[rec.vitaminD ?? 'order']}, and start only when calcium is normal. Unexplained hypocalcaemia: consider referral to endocrinology.`,
      ),
  },
};
