/**
 * Card text of `treatment-indicated` (rules.md section 2; card page 1 l. 18-65, "Indikation for at
 * drøfte behandling", "1. Valg", "2. Valg", "Før start af antiresorptiv behandling"), in Danish and
 * English. By the recommendation's `choice`: `first-choice` (the effervescent tablet with reason
 * `dysphagia`), `second-choice`, `referral` (eGFR ≤ 35, suspected secondary osteoporosis and/or
 * 10 years of oral bisphosphonate already taken — l. 198-199 "kan behandling udstrækkes til 10 år":
 * refer instead of a drug start; with 10 years alone the summary says "not alendronate again", the
 * start itself being the specialist's to choose); with `anabolicCandidate` the drug is framed as the start while the
 * specialist decides (v2, "never two cards that compete for the decision": the summary says so, the
 * anabolic card rides along with its criteria); reason `pause-ended`
 * (v2): the pause after ≥ 5 years of oral bisphosphonate is over.
 *
 * The card says the decision and what is safety-critical before the start; intake, side effects,
 * the dentist and the indication's wording are on the topic's guideline page ("Læs mere").
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Reason } from '../../../contract/topics.js';
import { correctFirstLead, IF_LOW_ENERGY, onlyPossibleFracture } from '../card-words.js';
import { has, lowerFirst, paragraphs, reasonPhrases } from '../text-helpers.js';
import { withNote, type Note } from '../notes.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { formatDate } from '../../format.js';

type Rec = Recommendation<'treatment-indicated'>;

/** The drug the card proposes, or the referral instead of one. */
type Start = 'alendronate' | 'effervescent' | 'parenteral' | 'referral';

function start(rec: Rec): Start {
  if (rec.choice === 'referral') return 'referral';
  if (rec.choice === 'second-choice') return 'parenteral';
  return has(rec, 'dysphagia') ? 'effervescent' : 'alendronate';
}

/** The second-choice drugs the card offers: one with a recorded intolerance is named as not offered, not as an option (rules/intolerated.ts). */
type Parenteral = 'both' | 'denosumab' | 'zoledronic-acid' | 'none';

function parenteral(rec: Rec): Parenteral {
  const no = rec.notOffered ?? [];
  if (no.includes('zoledronic-acid') && no.includes('denosumab')) return 'none';
  if (no.includes('zoledronic-acid')) return 'denosumab';
  if (no.includes('denosumab')) return 'zoledronic-acid';
  return 'both';
}

/** The drugs to name where one is (never 'none': that card says NONE_TOLERATED first). */
function offered(rec: Rec): Exclude<Parenteral, 'none'> {
  const which = parenteral(rec);
  return which === 'none' ? 'both' : which;
}

/** Neither second-choice drug is tolerated: the endocrinology referral is what the card offers. */
const NONE_TOLERATED: Words = {
  da: 'Henvis til endokrinolog: 2. valg er ikke muligt – intolerans over for både denosumab og zoledronsyre',
  en: 'Refer to endocrinology: no second choice possible – intolerance to both denosumab and zoledronic acid',
};

const PARENTERAL_DRUG: Readonly<Record<Exclude<Parenteral, 'none'>, Words>> = {
  both: { da: 'denosumab eller zoledronsyre (2. valg)', en: 'denosumab or zoledronic acid (second choice)' },
  denosumab: { da: 'denosumab (2. valg)', en: 'denosumab (second choice)' },
  'zoledronic-acid': { da: 'zoledronsyre (2. valg)', en: 'zoledronic acid (second choice)' },
};

const PARENTERAL_DOSE: Readonly<Record<Exclude<Parenteral, 'none'>, Words>> = {
  both: { da: 'denosumab 60 mg s.c. hver 6. måned eller zoledronsyre 5 mg i.v. årligt', en: 'denosumab 60 mg s.c. every 6 months or zoledronic acid 5 mg i.v. yearly' },
  denosumab: { da: 'denosumab 60 mg s.c. hver 6. måned', en: 'denosumab 60 mg s.c. every 6 months' },
  'zoledronic-acid': { da: 'zoledronsyre 5 mg i.v. årligt', en: 'zoledronic acid 5 mg i.v. yearly' },
};

const DENOSUMAB_LINE: Words = {
  da: '**Denosumab** 60 mg s.c. hver 6. måned (biosimilær). Der må max gå 7 måneder; seponeres det, SKAL anden behandling igangsættes.',
  en: '**Denosumab** 60 mg s.c. every 6 months (biosimilar). Never more than 7 months apart; if it is stopped, another treatment MUST be started.',
};
const ZOLEDRONIC_LINE: Words = {
  da: '**Zoledronsyre** 5 mg i.v. årligt – typisk behandling på hospital (henvis).',
  en: '**Zoledronic acid** 5 mg i.v. yearly – usually given in hospital (refer).',
};

function parenteralDetail(rec: Rec, lang: 'da' | 'en'): string {
  const which = parenteral(rec);
  if (which === 'none') return `**${NONE_TOLERATED[lang]}.**`;
  if (which === 'denosumab') return DENOSUMAB_LINE[lang];
  if (which === 'zoledronic-acid') return ZOLEDRONIC_LINE[lang];
  return `${lang === 'da' ? 'Vælg én' : 'Choose one'}:\n- ${DENOSUMAB_LINE[lang]}\n- ${ZOLEDRONIC_LINE[lang]}`;
}

/** Why the card refers instead of starting a drug (summary). */
const REFERRAL_BECAUSE: Readonly<Partial<Record<Reason, Words>>> = {
  'egfr-low': { da: 'eGFR ≤ 35 ml/min', en: 'eGFR ≤ 35 mL/min' },
  'secondary-osteoporosis': { da: 'mistanke om sekundær osteoporose', en: 'suspected secondary osteoporosis' },
  // Only a serious side effect makes `intolerance` a reason to refer instead of starting (rules/initiation/treatment-indicated.ts).
  intolerance: { da: 'kæbenekrose/atypisk femurfraktur', en: 'jaw necrosis/atypical femur fracture' },
};

/** Card p. 1 "Kæbenekrose og atypisk femurfraktur … alvorlige": after one, no antiresorptive start in general practice. */
const SERIOUS_SIDE_EFFECT: Words = {
  da: '**Kæbenekrose eller atypisk femurfraktur efter antiresorptiv behandling:** start ikke alendronat eller anden antiresorptiv behandling i almen praksis – endokrinologen vælger den videre behandling.',
  en: '**Osteonecrosis of the jaw or an atypical femoral fracture after antiresorptive treatment:** do not start alendronate or another antiresorptive in general practice – the endocrinologist chooses the further treatment.',
};

/** Said in the summary only when it alone refers: beside another reason the detail says it (the summary must stay under 140). */
const TEN_YEARS_BECAUSE: Words = { da: '10 års bisfosfonat er nået', en: '10 years of bisphosphonate reached' };

/** Only the 10 years stand between the patient and a start: the drug is the specialist's to choose, treatment itself is not in doubt. */
function onlyTenYears(rec: Rec): boolean {
  return has(rec, 'ten-years') && !has(rec, 'egfr-low') && !has(rec, 'secondary-osteoporosis') && !has(rec, 'intolerance');
}

function referralBecause(rec: Rec, lang: Language, all = true): string {
  if (onlyTenYears(rec)) return TEN_YEARS_BECAUSE[lang];
  const phrases = reasonPhrases(rec, REFERRAL_BECAUSE, lang);
  if (all || phrases.length < 2) return phrases.join(lang === 'da' ? ' og ' : ' and ');
  return `${phrases[0] ?? ''} ${lang === 'da' ? 'm.m.' : 'etc.'}`;
}

/** The referral summary naming every reason, or, when that is 140 characters or more, the first (the detail names them all). */
function referralSummary(rec: Rec, lang: Language, make: (why: string) => string): string {
  const whole = make(referralBecause(rec, lang));
  return [...whole].length < 140 ? whole : make(referralBecause(rec, lang, false));
}

/** l. 198-199 "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år": the limit is reached. */
const TEN_YEARS: Words = {
  da: '**10 års peroral bisfosfonat er nået** (kortet: behandling kan udstrækkes til 10 år): start ikke alendronat igen. Henvis til endokrinolog, der vælger den videre behandling.',
  en: '**10 years of oral bisphosphonate reached** (the card: treatment can be extended to 10 years): do not start alendronate again. Refer to endocrinology, who chooses the further treatment.',
};

/** A note a card carries in some cases: a line first in the detail, and a few words in the summary. */

/** Card "OBS: D-vitamin bør være i niveau før DXA-skanning": the T-score was measured at 25-OH-D ≤ 50 (`vitamin-d-before-dxa`). */
const LOW_VITAMIN_D_AT_DXA: Note<'treatment-indicated'> = {
  applies: (rec) => rec.tScoreAtLowVitaminD === true,
  place: 'tail',
  words: {
    da: {
      summary: ' – OBS: T-score målt ved lavt D-vitamin',
      detail: '**OBS: T-score målt ved P-25-OH-Vit.D ≤ 50 nmol/L** – kan overvurdere osteoporosen.',
    },
    en: {
      summary: ' – note: T-score measured at low vitamin D',
      detail: '**Note: T-score measured at 25-OH vitamin D ≤ 50 nmol/L** – may overstate osteoporosis.',
    },
  },
};

/** rules.md "Missing data": without the medication list the card cannot know the patient is not on treatment. */
const MEDICATION_LIST_UNAVAILABLE: Note<'treatment-indicated'> = {
  applies: (rec) => rec.medicationListUnavailable === true,
  place: 'lead',
  words: {
    da: {
      summary: 'Tjek medicinlisten: ',
      detail: '**Medicinlisten kunne ikke hentes:** tjek, om patienten allerede er i behandling (fx alendronat eller denosumab), før du ordinerer.',
    },
    en: {
      summary: 'Check medications: ',
      detail: '**The medication list could not be fetched:** check whether the patient is already on treatment (e.g. alendronate or denosumab) before prescribing.',
    },
  },
};


/** The pause ended only by a fracture of unknown mechanism, and no definite indication holds beside it (rules.md section 1). */
function pauseEndedIfLowEnergy(rec: Recommendation<'treatment-indicated'>, possible: boolean): boolean {
  return rec.pauseEndedIfLowEnergy === true && (possible || !has(rec, 'spine-fracture', 'hip-fracture', 't-score-with-risk-factor', 'glucocorticoid-t-score'));
}

/** Card p. 2 l. 150-152: no baseline marker after a fracture in the last 6 months, the first one a year after it. */
function markerLater(rec: Rec, lang: Language): string {
  if (rec.markerAfterFracture === undefined) return '';
  const date = formatDate(rec.markerAfterFracture, lang);
  return lang === 'da'
    ? ` Ingen knoglemarkør før start (brud inden for 6 mdr.): første måling ét år efter bruddet, ${date}.`
    : ` No bone marker before the start (fracture within 6 months): the first one a year after the fracture, ${date}.`;
}

export const treatmentIndicatedTexts: TopicTexts<'treatment-indicated'> = withNote(withNote({
  da: {
    title: 'Indikation for at drøfte behandling',
    summary: (rec) => {
      if (start(rec) === 'parenteral' && parenteral(rec) === 'none') return NONE_TOLERATED.da;
      const possible = onlyPossibleFracture(rec);
      const drug = { alendronate: 'alendronat 70 mg ugetablet', effervescent: 'alendronat 70 mg brusetablet (Binosto)', parenteral: PARENTERAL_DRUG[offered(rec)].da, referral: '' }[start(rec)];
      if (start(rec) === 'referral') {
        return referralSummary(rec, 'da', (why) => `Henvis til endokrinolog: indikation for behandling${possible ? ' (hvis lavenergibrud)' : ''}, men ${why} – start ikke ${onlyTenYears(rec) ? 'alendronat igen' : 'behandling'}`);
      }
      const first = correctFirstLead(rec.correctFirst, 'da');
      if (rec.anabolicCandidate) {
        const body = first === undefined ? `Start ${drug} nu, mens speciallægen vurderer anabol behandling (henvis)` : `${first}, start så ${drug}; henvis til anabol vurdering`;
        return possible ? `Hvis lavenergibrud: ${lowerFirst(body)}` : body;
      }
      const when = has(rec, 'pause-ended') ? (pauseEndedIfLowEnergy(rec, possible) ? ' – pause slut, hvis lavenergibrud' : ' – behandlingspausen er slut') : possible ? ' – hvis lavenergibrud' : '';
      // "If low-energy" leads where a long lead would leave it to the 140-character cut.
      if (first !== undefined && possible && !has(rec, 'pause-ended')) return `Hvis lavenergibrud: ${lowerFirst(first)}, start så ${drug}`;
      if (first !== undefined) return `${first}, start så ${drug}${when}`;
      // Shorter with a condition after it: the summary must stay under 140 characters whole.
      if (start(rec) === 'parenteral') return `Start behandling (2. valg${when === '' && rec.medicationListUnavailable !== true ? ', parenteral' : ''}): ${PARENTERAL_DOSE[offered(rec)].da}${when}`;
      if (start(rec) === 'effervescent') return `Start behandling: alendronat 70 mg brusetablet (Binosto) ugentligt ved synkebesvær${when}`;
      return `Start behandling: alendronat 70 mg ugetablet (1. valg)${when}`;
    },
    detail: (rec) =>
      paragraphs(
        has(rec, 'egfr-low') && '**Start ikke i almen praksis** (kortet: tjek, at eGFR > 35 ml/min). Speciallægen vælger ofte denosumab.',
        has(rec, 'secondary-osteoporosis') && '**Mistanke om udredningskrævende sekundær osteoporose:** udredning hos endokrinolog, før behandling startes.',
        start(rec) === 'referral' && has(rec, 'intolerance') && SERIOUS_SIDE_EFFECT.da,
        start(rec) === 'parenteral' && has(rec, 'bmd-fall', 'fractures-on-treatment') && '**Behandlingssvigt på peroral bisfosfonat:** derfor 2. valg – og henvis til endokrinolog (behandlingssvigt trods god compliance).',
        has(rec, 'ten-years') && TEN_YEARS.da,
        {
          alendronate: undefined,
          effervescent: 'Brusetablet (Binosto) kan anvendes ved synkebesvær. Har klausuleret tilskud og er dyrt.',
          parenteral: parenteralDetail(rec, 'da'),
          referral: undefined,
        }[start(rec)],
        start(rec) !== 'referral' && `**Før start:** tjek eGFR > 35 ml/min, calcium og D-vitamin; bed patienten orientere tandlæge.${markerLater(rec, 'da')}`,
        onlyPossibleFracture(rec) && IF_LOW_ENERGY.da,
        start(rec) !== 'referral' && (start(rec) === 'parenteral' ? 'Bivirkninger og kontroller: se Læs mere.' : 'Indtagelse, bivirkninger og 2. valg: se Læs mere.'),
      ),
  },
  en: {
    title: 'Indication to discuss treatment',
    summary: (rec) => {
      if (start(rec) === 'parenteral' && parenteral(rec) === 'none') return NONE_TOLERATED.en;
      const possible = onlyPossibleFracture(rec);
      const drug = { alendronate: 'alendronate 70 mg weekly tablet', effervescent: 'alendronate 70 mg effervescent tablet (Binosto)', parenteral: PARENTERAL_DRUG[offered(rec)].en, referral: '' }[start(rec)];
      if (start(rec) === 'referral') {
        return referralSummary(rec, 'en', (why) => `Refer to endocrinology: treatment indicated${possible ? ' (if low-energy fracture)' : ''}, but ${why} – do not start ${onlyTenYears(rec) ? 'alendronate again' : 'treatment'}`);
      }
      const first = correctFirstLead(rec.correctFirst, 'en');
      if (rec.anabolicCandidate) {
        const body = first === undefined ? `Start ${drug} now while the specialist considers anabolic treatment (refer)` : `${first}, then start ${drug}; refer for anabolic review`;
        return possible ? `If low-energy fracture: ${lowerFirst(body)}` : body;
      }
      const when = has(rec, 'pause-ended') ? (pauseEndedIfLowEnergy(rec, possible) ? ' – pause over if low-energy fracture' : ' – the treatment pause is over') : possible ? ' – if low-energy fracture' : '';
      if (first !== undefined && possible && !has(rec, 'pause-ended')) return `If low-energy fracture: ${lowerFirst(first)}, then start ${drug}`;
      if (first !== undefined) return `${first}, then start ${drug}${when}`;
      // The short lead leaves room for a condition after it, or for the medication-list note before it.
      const long = when === '' && rec.medicationListUnavailable !== true;
      if (start(rec) === 'parenteral') return `${long ? 'Start treatment (second choice, parenteral)' : 'Start second choice'}: ${PARENTERAL_DOSE[offered(rec)].en}${when}`;
      if (start(rec) === 'effervescent') return `Start treatment: alendronate 70 mg effervescent tablet (Binosto) weekly for swallowing difficulty${when}`;
      return `Start treatment: alendronate 70 mg weekly tablet (first choice)${when}`;
    },
    detail: (rec) =>
      paragraphs(
        has(rec, 'egfr-low') && '**Do not start in general practice** (the card: check that eGFR > 35 mL/min). Specialists often choose denosumab.',
        has(rec, 'secondary-osteoporosis') && '**Suspected secondary osteoporosis needing work-up:** work-up by endocrinology before treatment starts.',
        start(rec) === 'referral' && has(rec, 'intolerance') && SERIOUS_SIDE_EFFECT.en,
        start(rec) === 'parenteral' && has(rec, 'bmd-fall', 'fractures-on-treatment') && '**Treatment failure on oral bisphosphonate:** hence the second choice – and refer to endocrinology (failure despite good adherence).',
        has(rec, 'ten-years') && TEN_YEARS.en,
        {
          alendronate: undefined,
          effervescent: 'The effervescent tablet (Binosto) can be used for swallowing difficulty. Reimbursement is clause-restricted and it is expensive.',
          parenteral: parenteralDetail(rec, 'en'),
          referral: undefined,
        }[start(rec)],
        start(rec) !== 'referral' && `**Before the start:** check eGFR > 35 mL/min, calcium, vitamin D; patient informs dentist.${markerLater(rec, 'en')}`,
        onlyPossibleFracture(rec) && IF_LOW_ENERGY.en,
        start(rec) !== 'referral' && (start(rec) === 'parenteral' ? 'Side effects and checks: see Read more.' : 'Intake, side effects, second choice: see Read more.'),
      ),
  },
}, LOW_VITAMIN_D_AT_DXA), MEDICATION_LIST_UNAVAILABLE);
