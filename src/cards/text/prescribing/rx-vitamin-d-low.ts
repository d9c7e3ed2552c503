/**
 * Card text of `rx-vitamin-d-low` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { VITAMIN_D_CALCIUM } from '../card-words.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { ANTIRESORPTIVE, drugName, fitSummary, labQuantity, labValue } from './common.js';

type Rec = Recommendation<'rx-vitamin-d-low'>;

/** The 25-OH-D as the lab reported it too ("20 ng/mL = 49,92 nmol/L"), when that fits the summary. */
function summaryDa(rec: Rec, value: string): string {
  return rec.calciumHigh === true
    ? `P-25-OH-vitamin D ${value}, men P-calcium forhøjet: henvis til endokrinolog før D-vitamin og ${drugName(rec, 'da', ANTIRESORPTIVE)}`
    : `Giv D-vitamin ${rec.start ? `før/ved start af ${drugName(rec, 'da', ANTIRESORPTIVE)}` : 'før zoledronsyre-infusionen'}: P-25-OH-vitamin D ${value} (skal være > 50)`;
}

function summaryEn(rec: Rec, value: string): string {
  return rec.calciumHigh === true
    ? `25-OH vitamin D ${value} but calcium high: refer to endocrinology before vitamin D and ${drugName(rec, 'en', ANTIRESORPTIVE)}`
    : `Give vitamin D ${rec.start ? `before/with ${drugName(rec, 'en', ANTIRESORPTIVE)}` : 'before the zoledronic acid infusion'}: 25-OH vitamin D ${value} (should be > 50)`;
}

export const rxVitaminDLowTexts: TopicTexts<'rx-vitamin-d-low'> = {
  da: {
    title: 'D-vitamin for lavt før antiresorptiv behandling',
    summary: (rec) =>
      fitSummary(summaryDa(rec, labQuantity(rec.vitaminD, 'nmol/L', 'da')), summaryDa(rec, `${labValue(rec.vitaminD, 'da')} nmol/L`)),
    detail: (rec) =>
      paragraphs(
        rec.calciumHigh === true &&
          '**P-calcium er forhøjet:** D-vitamin og kalk hæver det yderligere, og forhøjet calcium giver mistanke om udredningskrævende sekundær osteoporose (kortet: henvisning til endokrinolog). Giv ikke D-vitamin i blinde, og start ikke behandlingen, før årsagen er afklaret.',
        rec.start
          ? 'Kortet: **Tjek, at P-25-OH-Vit.D > 50 nmol/L** før start af antiresorptiv behandling (lavt D-vitamin øger risikoen for hypocalcæmi).'
          : 'Kortet: **P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion**; P-25-OH-Vit.D skal være > 50 nmol/L (lavt D-vitamin øger risikoen for hypocalcæmi).',
        VITAMIN_D_CALCIUM.da,
        'Tilskud af 1 µg D3 giver ≈ 1 nmol/L stigning i P-25-OH-Vit.D efter 3 mdr. (stor variation). Tjek tidligst efter 3 mdr.',
        rec.onSupplement && (rec.supplementOrderedNow === true ? 'D-vitamin ordineres nu: giv det før/ved start, og tjek P-25-OH-Vit.D tidligst efter 3 mdr.' : 'Patienten har allerede D-vitamintilskud: tjek dosis, og at det bliver taget.'),
      ),
  },
  en: {
    title: 'Vitamin D too low before antiresorptive treatment',
    summary: (rec) =>
      fitSummary(summaryEn(rec, labQuantity(rec.vitaminD, 'nmol/L', 'en')), summaryEn(rec, `${labValue(rec.vitaminD, 'en')} nmol/L`)),
    detail: (rec) =>
      paragraphs(
        rec.calciumHigh === true &&
          '**Calcium is high:** vitamin D and calcium raise it further, and a high calcium suggests secondary osteoporosis needing work-up (the card: refer to endocrinology). Do not give vitamin D blindly, and do not start treatment before the cause is known.',
        rec.start
          ? 'The card: **check that 25-OH vitamin D > 50 nmol/L** before starting antiresorptive treatment (low vitamin D raises the risk of hypocalcaemia).'
          : 'The card: **check calcium, creatinine and 25-OH vitamin D before each infusion**; 25-OH vitamin D must be > 50 nmol/L (low vitamin D raises the risk of hypocalcaemia).',
        VITAMIN_D_CALCIUM.en,
        'Each 1 µg of D3 raises 25-OH vitamin D by ≈ 1 nmol/L after 3 months (wide variation). Recheck no earlier than 3 months.',
        rec.onSupplement && (rec.supplementOrderedNow === true ? 'Vitamin D is being ordered now: give it before/with the start, and recheck 25-OH vitamin D no earlier than 3 months.' : 'The patient already has a vitamin D supplement: check the dose and that it is taken.'),
      ),
  },
};
