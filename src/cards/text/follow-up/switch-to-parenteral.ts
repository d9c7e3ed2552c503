/**
 * Card text of `switch-to-parenteral` (rules.md section 3, card page 1 l. 22 "2. valg" and page 2
 * "Start eller henvis til parenteral behandling"), in Danish — the card's own terms — and English:
 * the two options and the referral, and what starting denosumab commits to. The full denosumab and
 * zoledronic acid passages, the checks before a start and the side effects are on the guideline
 * page; the prescribing cards check the labs when the drug is ordered.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Reason } from '../../../contract/topics.js';
import { correctFirstLead, DENOSUMAB_SAFETY, PARENTERAL_CHOICES } from '../card-words.js';
import { paragraphs, shortList } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const SWITCH_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'persistent-insufficient-fall': { da: 'KM-fald fortsat ≤ 30 %', en: 'marker fall still ≤ 30 %' },
  intolerance: { da: 'utålelige bivirkninger', en: 'intolerance' },
  'non-adherence': { da: 'compliance kan ikke opretholdes', en: 'adherence cannot be maintained' },
};

/** The referral line names the card's reasons for it that fit the switch: a failure, or side effects. */
const OPTIONS: Words = {
  da: `${PARENTERAL_CHOICES.da}\n- Endokrinolog: ved behandlingssvigt trods god compliance eller uacceptable bivirkninger.`,
  en: `${PARENTERAL_CHOICES.en}\n- Endocrinology: for treatment failure despite good adherence or unacceptable side effects.`,
};

type Rec = Recommendation<'switch-to-parenteral'>;

/** What comes before the switch (rules: `egfrLow`, `correctFirst`), leading the summary. */
function first(rec: Rec, lang: Language): string | undefined {
  const da = lang === 'da';
  if (rec.seriousSideEffect === true) return da ? 'Henvis til endokrinolog (kæbenekrose/atypisk femurfraktur)' : 'Refer to endocrinology (jaw necrosis/atypical femur fracture)';
  if (rec.egfrLow === true) return da ? 'Henvis til endokrinolog (eGFR ≤ 35)' : 'Refer to endocrinology (eGFR ≤ 35)';
  return correctFirstLead(rec.correctFirst, lang);
}

const BEFORE: Words = {
  da: '**Før 2. valg:** tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L (kortet, før start af antiresorptiv behandling). Ved eGFR ≤ 35 starter speciallægen behandlingen; hypocalcæmi og D-vitaminmangel korrigeres først – denosumab og zoledronsyre sænker P-calcium.',
  en: '**Before the second choice:** check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L (the card, before starting antiresorptive treatment). With eGFR ≤ 35 the specialist starts the treatment; hypocalcaemia and vitamin D deficiency are corrected first – denosumab and zoledronic acid lower calcium.',
};

/**
 * eGFR ≤ 35: the referral is the one suggestion; the choice of drug and its safety are the specialist's.
 * Zoledronic acid is not named (contraindicated below 35, SmPC; rules.md section 2 "eGFR ≤ 35": "the
 * detail may say that specialists often choose denosumab in reduced kidney function").
 */
const KIDNEY: Words = {
  da: '**eGFR ≤ 35:** henvis til endokrinolog – speciallægen vælger og starter 2. valg (ved nedsat nyrefunktion ofte denosumab). Hold pause med bisfosfonat, til endokrinologen har svaret.',
  en: '**eGFR ≤ 35:** refer to endocrinology – the specialist chooses and starts the second choice (in reduced kidney function often denosumab). Hold the bisphosphonate until the endocrinologist has answered.',
};

/**
 * The oral course ends where the parenteral one begins (the denosumab order alone leaves both
 * running) — at once when it is not tolerated: "utålelige bivirkninger" (card l. 22) do not wait for
 * a hospital appointment.
 */
const STOP_ORAL: Words = {
  da: 'Den perorale bisfosfonat seponeres, når den parenterale behandling starter.',
  en: 'Stop the oral bisphosphonate when the parenteral treatment starts.',
};
const STOP_ORAL_NOW: Words = {
  da: 'Ved utålelige bivirkninger seponeres den perorale bisfosfonat nu.',
  en: 'With intolerable side effects, stop the oral bisphosphonate now.',
};

/** A serious side effect: the referral is the one suggestion; denosumab and zoledronic acid can cause them too. */
const SERIOUS: Words = {
  da: '**Kæbenekrose eller atypisk femurfraktur:** henvis til endokrinolog – speciallægen vælger den videre behandling (også denosumab og zoledronsyre kan give dem). Hold pause med bisfosfonat, til endokrinologen har svaret.',
  en: '**Osteonecrosis of the jaw or an atypical femoral fracture:** refer to endocrinology – the specialist chooses the further treatment (denosumab and zoledronic acid can cause them too). Hold the bisphosphonate until the endocrinologist has answered.',
};

function detail(rec: Rec, lang: Language): string {
  if (rec.seriousSideEffect === true) return SERIOUS[lang];
  if (rec.egfrLow === true) return KIDNEY[lang];
  const stop = rec.reasons.includes('intolerance') ? STOP_ORAL_NOW : STOP_ORAL;
  return paragraphs(first(rec, lang) !== undefined && BEFORE[lang], OPTIONS[lang], stop[lang], DENOSUMAB_SAFETY[lang]);
}

export const switchToParenteralTexts: TopicTexts<'switch-to-parenteral'> = {
  da: {
    title: 'Skift til parenteral behandling',
    summary: (rec) => {
      const before = first(rec, 'da');
      if (before === undefined) return `Start eller henvis til parenteral behandling: ${shortList(rec, SWITCH_SHORT, 'da', 3)}`;
      return `${before}${rec.seriousSideEffect === true ? ' – speciallægen vælger' : ', så parenteral behandling'}: ${shortList(rec, SWITCH_SHORT, 'da', 2)}`;
    },
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Switch to parenteral treatment',
    summary: (rec) => {
      const before = first(rec, 'en');
      if (before === undefined) return `Start or refer for parenteral treatment: ${shortList(rec, SWITCH_SHORT, 'en', 3)}`;
      return `${before}${rec.seriousSideEffect === true ? ' – the specialist chooses' : ', then parenteral treatment'}: ${shortList(rec, SWITCH_SHORT, 'en', 2)}`;
    },
    detail: (rec) => detail(rec, 'en'),
  },
};
