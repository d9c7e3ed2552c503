/**
 * Card text of `endocrinology-referral` (rules.md section 3, card page 2 l. 218-233), in Danish —
 * the card's own terms — and English: what to do meanwhile when eGFR is low or denosumab is to
 * stop, then the card's referral reasons in one sentence (the reasons say which apply; the full
 * list is on the guideline page).
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Reason } from '../../../contract/topics.js';
import { has, paragraphs, shortList } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

type Rec = Recommendation<'endocrinology-referral'>;

const REFERRAL_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'bmd-fall': { da: 'signifikant fald i knoglemasse', en: 'significant BMD fall' },
  'fractures-on-treatment': { da: '≥ 2 lavenergibrud under behandling', en: '≥ 2 low-energy fractures on treatment' },
  'no-btm-suppression': { da: 'manglende suppression af knoglemarkør', en: 'no bone marker suppression' },
  intolerance: { da: 'uacceptable bivirkninger', en: 'unacceptable side effects' },
  'egfr-falling': { da: 'progredierende nyrefunktionstab', en: 'progressive loss of kidney function' },
  'egfr-low': { da: 'eGFR ≤ 35 under bisfosfonat', en: 'eGFR ≤ 35 on a bisphosphonate' },
  'denosumab-stop': { da: 'denosumab planlægges seponeret', en: 'denosumab planned to stop' },
  'secondary-osteoporosis': { da: 'mistanke om sekundær osteoporose', en: 'suspected secondary osteoporosis' },
};

/** rules.md section 3 (v2): the card's "inden eGFR er under 35" has passed [extension: SmPC]. */
const EGFR_LOW: Words = {
  da: '**eGFR ≤ 35 ml/min under bisfosfonat:** gentag eGFR, og hold pause med bisfosfonat, til endokrinologen har svaret.',
  en: '**eGFR ≤ 35 mL/min on a bisphosphonate:** repeat the eGFR, and hold the bisphosphonate until the endocrinologist has answered.',
};

const DENOSUMAB_STOP: Words = {
  da: '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab – planlæg det med endokrinologen.',
  en: '**If denosumab is stopped, other treatment MUST be started** because of rapid bone loss – plan it with the endocrinologist.',
};

/** Card page 1 "Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige" [choice; SmPC]. */
const SERIOUS_SIDE_EFFECT: Words = {
  da: '**Kæbenekrose eller atypisk femurfraktur under behandling:** hold pause med bisfosfonat, til endokrinologen har svaret. Denosumab stoppes ikke uden plan for opfølgende behandling.',
  en: '**Osteonecrosis of the jaw or atypical femoral fracture on treatment:** hold the bisphosphonate until the endocrinologist has answered. Denosumab is not stopped without a follow-on plan.',
};

const WHEN: Words = {
  da: 'Kortet anbefaler henvisning ved behandlingssvigt trods god compliance, uacceptable bivirkninger, progredierende nyrefunktionstab (inden eGFR er under 35 ml/min), planlagt seponering af denosumab og mistanke om sekundær osteoporose.',
  en: 'The card advises referral for treatment failure despite good adherence, unacceptable side effects, progressive loss of kidney function (before eGFR falls below 35 mL/min), a planned stop of denosumab and suspected secondary osteoporosis.',
};

/** rules.md §1: fractures of unknown mechanism count, "if low-energy". */
const FRACTURES_IF_LOW_ENERGY: Words = {
  da: '**Brud uden registreret mekanisme:** henvisningen gælder, hvis bruddene var lavenergibrud (fald fra stående højde eller mindre) – registrér mekanismen.',
  en: '**Fractures with no recorded mechanism:** the referral applies if they were low-energy (a fall from standing height or less) – record the mechanism.',
};

const REFERRAL_SHORT_IF_LOW_ENERGY: Readonly<Partial<Record<Reason, Words>>> = {
  ...REFERRAL_SHORT,
  'fractures-on-treatment': { da: '≥ 2 brud under behandling (hvis lavenergibrud)', en: '≥ 2 fractures on treatment (if low-energy)' },
};

/** The reasons as the summary names them: fractures of unknown mechanism "if low-energy". */
function shortReasons(rec: Rec, lang: Language): string {
  return shortList(rec, rec.fracturesIfLowEnergy === true ? REFERRAL_SHORT_IF_LOW_ENERGY : REFERRAL_SHORT, lang, 2);
}

function detail(rec: Rec, lang: Language): string {
  return paragraphs(rec.fracturesIfLowEnergy === true && FRACTURES_IF_LOW_ENERGY[lang], rec.seriousSideEffect === true && SERIOUS_SIDE_EFFECT[lang], has(rec, 'egfr-low') && EGFR_LOW[lang], has(rec, 'denosumab-stop') && DENOSUMAB_STOP[lang], WHEN[lang]);
}

export const endocrinologyReferralTexts: TopicTexts<'endocrinology-referral'> = {
  da: {
    title: 'Henvisning til endokrinolog',
    summary: (rec) => `Henvis til endokrinolog: ${shortReasons(rec, 'da')}`,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Referral to endocrinology',
    summary: (rec) => `Refer to endocrinology: ${shortReasons(rec, 'en')}`,
    detail: (rec) => detail(rec, 'en'),
  },
};
