/**
 * Card text of `risk-factor-review` (rules.md section 2, card page 1 l. 26-37, footnote **), in
 * Danish (the card's own terms) and English. The renderer appends the reasons and the findings;
 * the footnote's wording and the indication in full are on the topic's guideline page.
 */
import type { TopicTexts } from '../types.js';

export const riskFactorReviewTexts: TopicTexts<'risk-factor-review'> = {
  da: {
    title: 'T-score ≤ −2,5 uden risikofaktor',
    summary: () => 'Gennemgå risikofaktorer: T-score ≤ −2,5, men intet lavenergibrud eller registreret risikofaktor – endnu ikke indikation for behandling',
    detail: (rec) =>
      [
        'Ved T-score ≤ −2,5 kræver indikationen for at drøfte behandling **mindst én risikofaktor**, og ingen er registreret.',
        'Spørg ind til fx arvelighed, lavt BMI, immobilisering, højdereduktion, sygdom med knogletab, faldtendens, glukokortikoid og rygning – og om et tidligere brud var et lavenergibrud.',
        rec.egfrLow === true
          ? 'Findes én, er der indikation for at drøfte behandling – men ved eGFR ≤ 35 ikke alendronat: henvis til endokrinolog.'
          : 'Findes én, er der indikation for at drøfte behandling (1. valg alendronat).',
      ].join('\n\n'),
  },
  en: {
    title: 'T-score ≤ −2.5 without a risk factor',
    summary: () => 'Review risk factors: T-score ≤ −2.5 but no low-energy fracture or recorded risk factor – no indication for treatment yet',
    detail: (rec) =>
      [
        'At T-score ≤ −2.5 the indication to discuss treatment needs **at least one risk factor**, and none is recorded.',
        'Ask about e.g. family history, low BMI, immobilisation, height loss, disease causing bone loss, falls, glucocorticoid and smoking – and whether an earlier fracture was low-energy.',
        rec.egfrLow === true
          ? 'If one is present, there is an indication to discuss treatment – but with eGFR ≤ 35 not alendronate: refer to endocrinology.'
          : 'If one is present, there is an indication to discuss treatment (first choice alendronate).',
      ].join('\n\n'),
  },
};
