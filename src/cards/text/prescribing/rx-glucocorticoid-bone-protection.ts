/**
 * Card text of `rx-glucocorticoid-bone-protection` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Recommendation } from '../../../contract/recommendations.js';
import { correctFirstLead } from '../card-words.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

type Rec = Recommendation<'rx-glucocorticoid-bone-protection'>;

/** How the start reads in the summary, by what chose it (rules: `treatWith`, `correctFirst`). */
function treatSummary(rec: Rec, lang: 'da' | 'en'): string {
  const da = lang === 'da';
  const why = da ? 'glukokortikoid over tærsklen og T-score < −1,0' : 'glucocorticoid over threshold, T-score < −1.0';
  if (rec.treatWith === 'endocrinology' && rec.seriousSideEffect === true) return da ? `Henvis til endokrinolog: ${why}, men kæbenekrose/atypisk femurfraktur` : `Refer to endocrinology: ${why}, but jaw necrosis/atypical femur fracture`;
  if (rec.treatWith === 'endocrinology' && rec.calciumHigh === true) return da ? `Henvis til endokrinolog: ${why}, men P-calcium forhøjet` : `Refer to endocrinology: ${why}, but calcium high`;
  if (rec.treatWith === 'endocrinology') return da ? `Henvis til endokrinolog: ${why}, men eGFR ≤ 35 ml/min` : `Refer to endocrinology: ${why}, but eGFR ≤ 35 mL/min`;
  if (rec.treatWith === 'parenteral') return da ? `Henvis til 2. valg (parenteral): ${why}, peroral bisfosfonat kan ikke gives` : `Refer for second choice (parenteral): ${why}, oral bisphosphonate not possible`;
  const drug = rec.treatWith === 'alendronate-effervescent' ? (da ? 'alendronat brusetablet (Binosto)' : 'effervescent alendronate (Binosto)') : da ? 'alendronat' : 'alendronate';
  const first = correctFirstLead(rec.correctFirst, lang);
  if (first !== undefined) return da ? `${first}, start så ${drug}: ${why}` : `${first}, then ${drug}: ${why}`;
  return da ? `Start knoglebeskyttelse: ${why} – 1. valg ${drug}` : `Start bone protection: ${why} – ${drug} first`;
}

export const rxGlucocorticoidBoneProtectionTexts: TopicTexts<'rx-glucocorticoid-bone-protection'> = {
  da: {
    title: 'Glukokortikoid: knoglebeskyttelse',
    summary: (rec) =>
      rec.advice === 'treat'
        ? treatSummary(rec, 'da')
        : rec.advice === 'dxa'
          ? 'Henvis til DXA: glukokortikoid > 5 mg dgl. i 3 mdr. eller > 450 mg på et år – behandl, hvis T-score < −1,0'
          : 'Glukokortikoid over tærsklen: behandl, hvis T-score < −1,0 – seneste DXA var ikke under',
    detail: (rec) =>
      paragraphs(
        'Tærsklen (kortets fodnote *) regnes i prednisolon-ækvivalenter, og ordinationen lægges oven i forbruget i journalen.',
        rec.advice === 'dxa' && 'Henvis til DXA-skanning. D-vitamin bør være i niveau før skanningen (ellers risiko for overdiagnosticering).',
        rec.advice === 'treat' &&
          '1. valg: alendronat 70 mg ugetablet; 2. valg (parenteral) ved kontraindikation til peroral bisfosfonat; ved eGFR ≤ 35 ml/min henvis til endokrinolog. Før start: tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L. Indtagelse: se Læs mere.',
        rec.advice === 'exposure' && 'Gentag DXA, hvis glukokortikoidbehandlingen fortsætter, og behandl, når T-score er < −1,0.',
        'Knoglemarkør: **CTX anvendes i stedet for P1NP**, når patienten er i behandling med glukokortikoid – CTX skal tages fastende før kl. 10. Ved længerevarende glukokortikoidbehandling fortsættes alendronat ½–1 år efter ophør af glukokortikoid.',
      ),
  },
  en: {
    title: 'Glucocorticoid: bone protection',
    summary: (rec) =>
      rec.advice === 'treat'
        ? treatSummary(rec, 'en')
        : rec.advice === 'dxa'
          ? 'Refer for DXA: glucocorticoid > 5 mg daily for 3 months or > 450 mg a year – treat if T-score < −1.0'
          : 'Glucocorticoid above the threshold: treat if T-score < −1.0 – the latest DXA was not below',
    detail: (rec) =>
      paragraphs(
        'The threshold (the card’s footnote *) counts prednisolone equivalents, and the order is added to the use in the record.',
        rec.advice === 'dxa' && 'Refer for a DXA scan. Vitamin D should be adequate before the scan (otherwise a risk of overdiagnosis).',
        rec.advice === 'treat' &&
          'First choice: alendronate 70 mg weekly tablet; second choice (parenteral) when oral bisphosphonate is contraindicated; with eGFR ≤ 35 mL/min refer to endocrinology. Before starting: check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L. Intake: see Read more.',
        rec.advice === 'exposure' && 'Repeat the DXA if the glucocorticoid continues, and treat when the T-score is < −1.0.',
        'Bone marker: **CTX is used instead of P1NP** while the patient takes a glucocorticoid – fasting, before 10 am. With long-term glucocorticoid treatment, alendronate continues ½–1 year after the glucocorticoid stops.',
      ),
  },
};
