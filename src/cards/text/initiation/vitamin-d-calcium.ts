/**
 * Card text of `vitamin-d-calcium` (rules.md section 2, card page 1 l. 96-119 "D-vitamin og kalk"),
 * in Danish (the card's own terms) and English. The card gives the doses and what applies to this
 * patient (below target on a supplement, a PPI); the card's passage in full (dietary calcium,
 * carbonate or citrate, sun and dairy) is on the topic's guideline page.
 */
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Language } from '../../../contract/language.js';
import { formatDate } from '../../format.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

/** Takes a supplement and is still under 70 nmol/L, measured once it could act: the dose is raised rather than started. */
const belowTargetOnSupplement = (rec: Recommendation<'vitamin-d-calcium'>): boolean =>
  has(rec, 'vitamin-d-below-target') && !has(rec, 'no-vitamin-d-supplement') && rec.supplementRecheck === undefined && rec.supplementUnknown !== true;

/** Under target, but measured before the supplement had 3 months to act (l. 103 "Tjek tidligst efter 3 mdr."). */
function recheckSummary(recheck: { readonly from: string; readonly now?: true }, lang: Language): string {
  if (lang === 'da') return recheck.now === true ? 'D3-tilskud i 3 mdr.: tjek P-25-OH-Vit.D nu, før dosis øges (mål 70–125 nmol/L)' : `D3-tilskud nyligt startet: tjek P-25-OH-Vit.D tidligst ${formatDate(recheck.from, 'da')}, før dosis øges`;
  return recheck.now === true
    ? 'D3 supplement for 3 months: recheck 25-OH vitamin D now, before raising the dose (target 70–125 nmol/L)'
    : `D3 supplement recently started: recheck 25-OH vitamin D no earlier than ${formatDate(recheck.from, 'en')} before raising the dose`;
}

/** A PPI user's calcium advice in the summary too: folded, the summary is all of the card that shows. */
function withPpi(rec: Recommendation<'vitamin-d-calcium'>, lang: Language, summary: string): string {
  if (!has(rec, 'ppi-user') || rec.withhold === 'hypercalcaemia') return summary;
  const note = lang === 'da' ? ' – calcium-citrat ved PPI' : ' – calcium citrate with a PPI';
  return [...summary].length + [...note].length < 140 ? `${summary}${note}` : summary;
}

export const vitaminDCalciumTexts: TopicTexts<'vitamin-d-calcium'> = {
  da: {
    title: 'D-vitamin og kalk',
    summary: (rec) =>
      withPpi(rec, 'da', rec.withhold === 'hypercalcaemia'
        ? 'Hypercalcæmi: start ikke calcium- eller D-vitamintilskud, før årsagen er afklaret'
        : rec.withhold === 'vitamin-d-high'
          ? 'P-25-OH-Vit.D over 125 nmol/L: intet ekstra D-vitamintilskud; sikr 800–1.200 mg calcium dagligt'
          : rec.supplementRecheck !== undefined
            ? recheckSummary(rec.supplementRecheck, 'da')
          : belowTargetOnSupplement(rec)
        ? 'Øg D3-dosis: P-25-OH-Vit.D under 70 nmol/L trods tilskud (mål 70–125 nmol/L)'
        : 'Giv dagligt 20–40 µg D3-vitamin; sikr 800–1.200 mg calcium dagligt fra kost og evt. tilskud'),
    detail: (rec) =>
      paragraphs(
        rec.withhold === 'hypercalcaemia' && '**Hypercalcæmi:** calcium- og D-vitamintilskud kan øge P-calcium yderligere. Afklar årsagen først (fx primær hyperparathyreoidisme) – mistanke om sekundær osteoporose: henvis til endokrinolog.',
        rec.withhold === 'vitamin-d-high' && '**P-25-OH-Vit.D er over det anbefalede niveau (70–125 nmol/L):** giv ikke ekstra D-vitamin; spørg til håndkøbstilskud.',
        '**D-vitamin:** 20–40 µg D3-vitamin dagligt; P-25-OH-Vit.D 70–125 nmol/L anbefales. 1 µg D3 giver ≈ 1 nmol/L stigning efter 3 mdr. Tjek tidligst efter 3 mdr.',
        belowTargetOnSupplement(rec) && 'Patienten får allerede tilskud, men er under målet: øg dosis, og tjek compliance.',
        rec.supplementUnknown === true && 'Medicinlisten kunne ikke hentes: tjek, om patienten allerede tager D3-tilskud.',
        rec.supplementRecheck !== undefined && 'Målingen er taget, før tilskuddet i den nuværende dosis har virket i 3 måneder: den viser ikke dets effekt endnu.',
        '**Kalk:** 800–1.200 mg calcium dagligt ved kost og tilskud. Tilskud over 500 mg fordeles over dagen.',
        has(rec, 'ppi-user') && '**Bruger PPI:** Calcium-citrat kan overvejes – calcium-carbonat optages dårligt uden mavesyre.',
      ),
  },
  en: {
    title: 'Vitamin D and calcium',
    summary: (rec) =>
      withPpi(rec, 'en', rec.withhold === 'hypercalcaemia'
        ? 'Hypercalcaemia: do not start calcium or vitamin D supplements until the cause is clear'
        : rec.withhold === 'vitamin-d-high'
          ? '25-OH vitamin D above 125 nmol/L: no extra vitamin D; ensure calcium 800–1,200 mg daily'
          : rec.supplementRecheck !== undefined
            ? recheckSummary(rec.supplementRecheck, 'en')
          : belowTargetOnSupplement(rec)
        ? 'Raise the D3 dose: 25-OH vitamin D below 70 nmol/L despite a supplement (target 70–125 nmol/L)'
        : 'Give D3 20–40 µg daily; ensure calcium 800–1,200 mg daily from diet plus a supplement if needed'),
    detail: (rec) =>
      paragraphs(
        rec.withhold === 'hypercalcaemia' && '**Hypercalcaemia:** calcium and vitamin D supplements can raise calcium further. Clarify the cause first (e.g. primary hyperparathyroidism) – suspected secondary osteoporosis: refer to endocrinology.',
        rec.withhold === 'vitamin-d-high' && '**25-OH vitamin D is above the recommended level (70–125 nmol/L):** do not add vitamin D; ask about over-the-counter supplements.',
        '**Vitamin D:** vitamin D3 20–40 µg daily; 25-OH vitamin D 70–125 nmol/L is recommended. 1 µg D3 raises it by ≈ 1 nmol/L after 3 months. Recheck no earlier than 3 months.',
        belowTargetOnSupplement(rec) && 'The patient already takes a supplement but is below target: raise the dose and check adherence.',
        rec.supplementUnknown === true && 'The medication list could not be fetched: check whether the patient already takes a D3 supplement.',
        rec.supplementRecheck !== undefined && 'The value was taken before the supplement at its current dose had acted for 3 months: it does not show its effect yet.',
        '**Calcium:** 800–1,200 mg calcium daily from diet and supplement. Split supplements above 500 mg over the day.',
        has(rec, 'ppi-user') && '**Takes a PPI:** consider calcium citrate – calcium carbonate is poorly absorbed without stomach acid.',
      ),
  },
};
