/**
 * Card text of `risk-factor-review` (rules.md section 2, card page 1 l. 26-37, footnote **), in
 * Danish (the card's own terms) and English. The renderer appends the reasons and the findings;
 * the footnote's wording and the indication in full are on the topic's guideline page.
 */
import type { Recommendation } from '../../../contract/recommendations.js';
import type { TopicTexts } from '../types.js';

/** Card l. 185-199: stopped at 5 years against "Seponering kan ske, hvis: T-score (hofte) > -2,5" (rules/predicates/care-state.ts `stoppedWithLowHip`). */
function stoppedAgainstCard(rec: Recommendation<'risk-factor-review'>, lang: 'da' | 'en'): string[] {
  if (rec.stoppedAgainstCard !== true) return [];
  const da = lang === 'da';
  const lead = da
    ? '**Peroral bisfosfonat er stoppet efter mindst 5 år med T-score (hofte) ≤ −2,5.** Kortet: seponering kun ved T-score (hofte) > −2,5; ved fortsat lav knoglemasse i hoften kan behandlingen udstrækkes til 10 år.'
    : '**Oral bisphosphonate was stopped after at least 5 years with hip T-score ≤ −2.5.** The card stops only with hip T-score > −2.5; with persistently low hip bone mass treatment can be extended to 10 years.';
  const resume =
    rec.egfrLow === true
      ? da
        ? 'Ved eGFR ≤ 35 genoptages bisfosfonat ikke: henvis til endokrinolog.'
        : 'With eGFR ≤ 35 the bisphosphonate is not resumed: refer to endocrinology.'
      : da
        ? 'Overvej at genoptage behandlingen (tjek eGFR, P-calcium og 25-OH-D før start).'
        : 'Consider resuming treatment (check eGFR, calcium and 25-OH-D before the start).';
  return [`${lead} ${resume}`];
}

export const riskFactorReviewTexts: TopicTexts<'risk-factor-review'> = {
  da: {
    title: 'T-score ≤ −2,5 uden risikofaktor',
    summary: (rec) =>
      rec.stoppedAgainstCard === true
        ? `T-score ≤ −2,5: bisfosfonat stoppet efter ≥ 5 år trods lav T-score i hoften – ${rec.egfrLow === true ? 'ved eGFR ≤ 35: henvis til endokrinolog' : 'overvej at genoptage; gennemgå risikofaktorer'}`
        : 'Gennemgå risikofaktorer: T-score ≤ −2,5, men intet lavenergibrud eller registreret risikofaktor – endnu ikke indikation for behandling',
    detail: (rec) =>
      [
        ...stoppedAgainstCard(rec, 'da'),
        'Ved T-score ≤ −2,5 kræver indikationen for at drøfte behandling **mindst én risikofaktor**, og ingen er registreret.',
        'Spørg ind til fx arvelighed, lavt BMI, immobilisering, højdereduktion, sygdom med knogletab, faldtendens, glukokortikoid og rygning – og om et tidligere brud var et lavenergibrud.',
        rec.egfrLow === true
          ? 'Findes én, er der indikation for at drøfte behandling – men ved eGFR ≤ 35 ikke alendronat: henvis til endokrinolog.'
          : 'Findes én, er der indikation for at drøfte behandling (1. valg alendronat).',
      ].join('\n\n'),
  },
  en: {
    title: 'T-score ≤ −2.5 without a risk factor',
    summary: (rec) =>
      rec.stoppedAgainstCard === true
        ? `T-score ≤ −2.5: bisphosphonate stopped after ≥ 5 years despite a low hip T-score – ${rec.egfrLow === true ? 'with eGFR ≤ 35: refer to endocrinology' : 'consider resuming; review risk factors'}`
        : 'Review risk factors: T-score ≤ −2.5 but no low-energy fracture or recorded risk factor – no indication for treatment yet',
    detail: (rec) =>
      [
        ...stoppedAgainstCard(rec, 'en'),
        'At T-score ≤ −2.5 the indication to discuss treatment needs **at least one risk factor**, and none is recorded.',
        'Ask about e.g. family history, low BMI, immobilisation, height loss, disease causing bone loss, falls, glucocorticoid and smoking – and whether an earlier fracture was low-energy.',
        rec.egfrLow === true
          ? 'If one is present, there is an indication to discuss treatment – but with eGFR ≤ 35 not alendronate: refer to endocrinology.'
          : 'If one is present, there is an indication to discuss treatment (first choice alendronate).',
      ].join('\n\n'),
  },
};
