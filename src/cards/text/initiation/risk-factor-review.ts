/**
 * Card text of `risk-factor-review` (rules.md section 2, card page 1 "Osteoporose – Valg af medicinsk
 * behandling"), in Danish (the card's own terms) and English. The renderer appends the reasons
 * ("Begrundelse") and the findings with values and dates ("Grundlag"), so the advice says what to
 * do without repeating them. Line numbers refer to guideline/source-card-da.txt.
 */
import { paragraphs, texts } from '../text-helpers.js';

export const riskFactorReviewTexts = texts<'risk-factor-review'>(
  { da: 'T-score ≤ −2,5 uden risikofaktor', en: 'T-score ≤ −2.5 without a risk factor' },
  (_rec, lang) =>
    lang === 'da'
      ? 'Gennemgå risikofaktorer: T-score ≤ −2,5 uden brud og uden registreret risikofaktor – endnu ikke indikation for behandling'
      : 'Review risk factors: T-score ≤ −2.5 without fracture or recorded risk factor – no indication for treatment yet',
  (_rec, lang) =>
    lang === 'da'
      ? paragraphs(
          'Diagnosekriterierne for osteoporose er opfyldt (T-score ≤ −2,5), men kortets indikation for at drøfte behandling kræver ved T-score ≤ −2,5 **mindst én risikofaktor**, og ingen er registreret.',
          'Gennemgå risikofaktorerne (kortets fodnote **): genetisk disposition, lavt BMI, immobilisering, højdereduktion, sygdomme og tilstande, der kan medføre knogletab, faldtendens, glukokortikoidbehandling, rygning. Se kapitel 4 i DSAM-vejledning.',
          'Findes en risikofaktor, er der indikation for at drøfte behandling (1. valg alendronat 70 mg ugetablet).',
        )
      : paragraphs(
          'The osteoporosis diagnosis criteria are met (T-score ≤ −2.5), but the card’s indication to discuss treatment requires, at T-score ≤ −2.5, **at least one risk factor**, and none is recorded.',
          'Review the risk factors (card footnote **): genetic disposition, low BMI, immobilisation, height loss, diseases and conditions that cause bone loss, tendency to fall, glucocorticoid treatment, smoking. See chapter 4 of the DSAM guideline.',
          'If a risk factor is present, there is an indication to discuss treatment (first choice alendronate 70 mg weekly tablet).',
        ),
);
