/**
 * Card text of `treatment-indicated` (rules.md section 2; card page 1 l. 18-65, "Indikation for at
 * drøfte behandling", "1. Valg", "2. Valg", "Før start af antiresorptiv behandling"), in Danish and
 * English. By the recommendation's `choice`: `first-choice`, `second-choice`, `referral` (eGFR ≤ 35
 * and/or suspected secondary osteoporosis: refer instead of a drug start); with `anabolicCandidate`
 * the drug is framed as the start while the specialist decides (v2, "never two cards that compete
 * for the decision"). Reason `pause-ended` (v2): the pause
 * after ≥ 5 years of oral bisphosphonate is over (new fracture or hip T-score ≤ −2.5).
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Reason } from '../../../contract/topics.js';
import { ANABOLIC, BEFORE_START, DENOSUMAB, DENTIST, FRACTURE_REASONS, IF_LOW_ENERGY, INTAKE, onlyPossibleFracture, SIDE_EFFECTS, ZOLEDRONIC_ACID } from '../card-words.js';
import { has, paragraphs, reasonPhrases, texts } from '../text-helpers.js';
import type { Words } from '../vocabulary.js';

/** Why the card refers instead of starting a drug (summary). */
const REFERRAL_BECAUSE: Readonly<Partial<Record<Reason, Words>>> = {
  'egfr-low': { da: 'eGFR ≤ 35 ml/min', en: 'eGFR ≤ 35 mL/min' },
  'secondary-osteoporosis': { da: 'mistanke om sekundær osteoporose', en: 'suspected secondary osteoporosis' },
};

/** Card l. 232-233 (referral) "Mistanke om udredningskrævende sekundær osteoporose". */
const SECONDARY: Words = {
  da: '**Mistanke om udredningskrævende sekundær osteoporose** (hypercalcæmi og/eller Z-score ≤ −2,0, se grundlag): henvis til endokrinolog til udredning, før behandling startes. Kortet henviser ved "Mistanke om udredningskrævende sekundær osteoporose".',
  en: '**Suspected secondary osteoporosis needing work-up** (hypercalcaemia and/or Z-score ≤ −2.0, see the findings): refer to endocrinology for work-up before starting treatment. The card refers for "suspected secondary osteoporosis needing work-up".',
};

/** Card l. 29-30 and page 2 l. 205-216, framed as one decision (rules.md section 2 v2, anabolic candidates). */
const ANABOLIC_CANDIDATE: Words = {
  da: '**Patienten opfylder også kriterierne for anabol behandling** (se kortet "Overvej anabol behandling"): henvis til speciallæge (romosozumab eller teriparatid). Start den antiresorptive behandling nedenfor nu, mens speciallægen tager stilling – ét forløb, ikke to konkurrerende valg.',
  en: '**The patient also meets the criteria for anabolic treatment** (see the card "Consider anabolic treatment"): refer to a specialist (romosozumab or teriparatide). Start the antiresorptive treatment below now while the specialist decides – one pathway, not two competing choices.',
};

/** Card l. 185-199: the pause after ≥ 5 years is over. */
const PAUSE_ENDED: Words = {
  da: '**Behandlingspausen er slut:** der er kommet et nyt lavenergibrud, eller DXA efter pausens start viser T-score (hofte) ≤ −2,5 ("Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år"). Genoptag behandlingen.',
  en: '**The treatment pause is over:** a new low-energy fracture, or a DXA after the pause began shows hip T-score ≤ −2.5 ("with persistently low hip bone mass treatment can be extended to 10 years"). Resume treatment.',
};

function treatmentSummary(rec: Recommendation<'treatment-indicated'>, lang: Language): string {
  const da = lang === 'da';
  const possible = onlyPossibleFracture(rec);
  const qualifier = has(rec, 'pause-ended')
    ? da
      ? ' – behandlingspausen er slut'
      : ' – the treatment pause is over'
    : possible
    ? da
      ? ' – hvis bruddet var et lavenergibrud'
      : ' – if the fracture was low-energy'
    : da
      ? ' – indikation for at drøfte behandling'
      : ' – indication to discuss treatment';
  if (rec.choice === 'referral') {
    const why = reasonPhrases(rec, REFERRAL_BECAUSE, lang).join(da ? ' og ' : ' and ');
    return da
      ? `Henvis til endokrinolog: indikation for behandling${possible ? ' (hvis lavenergibrud)' : ''}, men ${why} – start ikke behandling`
      : `Refer to endocrinology: treatment indicated${possible ? ' (if low-energy fracture)' : ''}, but ${why} – do not start treatment`;
  }
  if (rec.choice === 'second-choice') {
    return da
      ? `Start behandling (2. valg, parenteral): denosumab 60 mg s.c. hver 6. måned eller zoledronsyre 5 mg i.v. årligt${possible ? ' – hvis lavenergibrud' : ''}`
      : `Start treatment (second choice, parenteral): denosumab 60 mg s.c. every 6 months or zoledronic acid 5 mg i.v. yearly${possible ? ' – if low-energy fracture' : ''}`;
  }
  if (has(rec, 'dysphagia')) {
    return da
      ? `Start behandling: alendronat 70 mg brusetablet (Binosto) ugentligt ved synkebesvær${qualifier}`
      : `Start treatment: alendronate 70 mg effervescent tablet (Binosto) weekly for swallowing difficulty${qualifier}`;
  }
  return da ? `Start behandling: alendronat 70 mg ugetablet (1. valg)${qualifier}` : `Start treatment: alendronate 70 mg weekly tablet (first choice)${qualifier}`;
}

/** The summary, with the anabolic framing when the patient is also an anabolic candidate. */
function treatmentSummaryFramed(rec: Recommendation<'treatment-indicated'>, lang: Language): string {
  if (!rec.anabolicCandidate) return treatmentSummary(rec, lang);
  const drug = rec.choice === 'second-choice'
    ? lang === 'da'
      ? 'denosumab eller zoledronsyre (2. valg)'
      : 'denosumab or zoledronic acid (second choice)'
    : has(rec, 'dysphagia')
      ? lang === 'da'
        ? 'alendronat 70 mg brusetablet'
        : 'alendronate 70 mg effervescent tablet'
      : lang === 'da'
        ? 'alendronat 70 mg ugetablet'
        : 'alendronate 70 mg weekly tablet';
  return lang === 'da'
    ? `Start ${drug} nu, mens speciallægen vurderer anabol behandling (henvis)`
    : `Start ${drug} now while the specialist considers anabolic treatment (refer)`;
}

function treatmentDetail(rec: Recommendation<'treatment-indicated'>, lang: Language): string {
  const da = lang === 'da';
  const fracture = has(rec, ...FRACTURE_REASONS);
  const possible = onlyPossibleFracture(rec) && IF_LOW_ENERGY[lang];
  const anabolic = rec.anabolicCandidate ? ANABOLIC_CANDIDATE[lang] : fracture && ANABOLIC[lang];
  const pause = has(rec, 'pause-ended') && PAUSE_ENDED[lang];
  const basis = da
    ? 'Indikation for at drøfte behandling (kortet): lavenergibrud i ryg (≥ 20 % sammenfald) og/eller hofte og/eller T-score ≤ −2,5 og mindst én risikofaktor; ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis T-score < −1,0.'
    : 'Indication to discuss treatment (the card): a low-energy fracture of the spine (≥ 20 % compression) and/or hip, and/or T-score ≤ −2.5 with at least one risk factor; with prednisolone > 5 mg daily for 3 months or > 450 mg in a year, treat if T-score < −1.0.';

  if (rec.choice === 'referral') {
    return paragraphs(
      has(rec, 'egfr-low') &&
        (da
          ? '**Start ikke antiresorptiv behandling i almen praksis.** Kortets tjek før start af antiresorptiv behandling – "Tjek, at eGFR > 35 ml/min" – er ikke opfyldt. Henvis til endokrinolog (kortet henviser ved progredierende nyrefunktionstab, inden eGFR er under 35 ml/min). Ved nedsat nyrefunktion vælger speciallægen ofte denosumab.'
          : '**Do not start antiresorptive treatment in general practice.** The card’s check before any antiresorptive – "check that eGFR > 35 mL/min" – fails. Refer to endocrinology (the card refers on progressive loss of kidney function before eGFR falls below 35 mL/min). In reduced kidney function specialists often choose denosumab.'),
      has(rec, 'secondary-osteoporosis') && SECONDARY[lang],
      pause,
      basis,
      possible,
      anabolic,
      da ? 'Sikr imens D-vitamin og kalk samt knoglevenlig livsstil.' : 'Meanwhile, secure vitamin D and calcium and a bone-healthy lifestyle.',
    );
  }

  if (rec.choice === 'second-choice') {
    return paragraphs(
      anabolic,
      pause,
      da
        ? '**2. valg (parenteral)** – ved kontraindikation (fx ulcus) til peroral bisfosfonat, utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes (se begrundelse).'
        : '**Second choice (parenteral)** – for a contraindication to oral bisphosphonate (e.g. peptic ulcer), intolerable side effects, treatment failure, or when adherence cannot be maintained (see reasons).',
      DENOSUMAB[lang],
      ZOLEDRONIC_ACID[lang],
      SIDE_EFFECTS.parenteral[lang],
      BEFORE_START.parenteral[lang],
      DENTIST[lang],
      basis,
      possible,
    );
  }

  const dysphagia = has(rec, 'dysphagia');
  return paragraphs(
    anabolic,
    pause,
    dysphagia
      ? da
        ? '**1. valg (peroral): Alendronat 70 mg ugentligt.** Brusetablet (Binosto) kan anvendes ved synkebesvær. Har klausuleret tilskud og er dyrt.'
        : '**First choice (oral): alendronate 70 mg weekly.** The effervescent tablet (Binosto) can be used for swallowing difficulty. Reimbursement is clause-restricted and it is expensive.'
      : da
        ? '**1. valg (peroral): Alendronat 70 mg ugetablet.**'
        : '**First choice (oral): alendronate 70 mg weekly tablet.**',
    INTAKE[lang],
    SIDE_EFFECTS.oral[lang],
    BEFORE_START.oral[lang],
    DENTIST[lang],
    da
      ? '2. valg (parenteral: denosumab eller zoledronsyre) ved kontraindikation (fx ulcus), utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes.'
      : 'Second choice (parenteral: denosumab or zoledronic acid) for a contraindication (e.g. peptic ulcer), intolerable side effects, treatment failure, or when adherence cannot be maintained.',
    basis,
    possible,
  );
}

export const treatmentIndicatedTexts = texts(
  { da: 'Indikation for at drøfte behandling', en: 'Indication to discuss treatment' },
  treatmentSummaryFramed,
  treatmentDetail,
);
