/**
 * Card text of `btm-response-inadequate` (rules.md section 3, card page 2 l. 170-183), in Danish —
 * the card's own terms — and English. The summary says what to check; the detail gives the two
 * ways on (correctable: measure again; not: parenteral, whose options are the suggestions) and what
 * starting denosumab commits to. The full intake, the parenteral options and their side effects
 * are on the guideline page.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { DENOSUMAB_SAFETY } from '../card-words.js';
import { NOT_CONTINUED } from '../card-words-follow-up.js';
import { formatDate } from '../../format.js';
import { paragraphs, paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

type Rec = Recommendation<'btm-response-inadequate'>;

const LESS_CERTAIN: Words = {
  da: 'Uden initial knoglemarkør er sammenligningen mere usikker.',
  en: 'Without a baseline marker the comparison is less certain.',
};

/** The re-check's date: a date gone by reads as due now, never as a plan. */
function recheckWhen(rec: Rec, lang: Language): string {
  if (rec.recheckPassed !== true) return paren(rec.recheckDue, lang);
  return lang === 'da' ? ` (aktuel fra ${formatDate(rec.recheckDue, 'da')} – tag den nu)` : ` (due since ${formatDate(rec.recheckDue, 'en')} – take it now)`;
}

/** l. 170-181: correctable → measure again; not correctable → parenteral (the options are the suggestions). */
function twoWays(rec: Rec, lang: Language): string {
  if (rec.egfrLow === true) {
    return lang === 'da'
      ? '**eGFR ≤ 35:** henvis til endokrinolog med knoglemarkøren, og hold pause med bisfosfonat, til endokrinologen har svaret – speciallægen vælger den videre behandling.'
      : '**eGFR ≤ 35:** refer to endocrinology with the bone marker result, and hold the bisphosphonate until the endocrinologist has answered – the specialist chooses the treatment.';
  }
  return lang === 'da'
    ? `- **Korrigerbar** – indtag (fastende om morgenen, mindst 30 min. før mad og drikke), compliance (se evt. FMK), anden sygdom: ret årsagen, og tag ny knoglemarkør 3 mdr. efter${recheckWhen(rec, 'da')}.\n` +
        '- **Ikke korrigerbar:** start eller henvis til parenteral behandling – denosumab eller zoledronsyre.'
    : `- **Correctable** – intake (fasting in the morning, at least 30 minutes before food and drink), adherence (see FMK), other disease: correct the cause, and repeat the bone marker 3 months later${recheckWhen(rec, 'en')}.\n` +
        '- **Not correctable:** start or refer for parenteral treatment – denosumab or zoledronic acid.';
}

function detail(rec: Rec, lang: Language): string {
  // Another card decides the treatment: no re-check, no start of this card's own.
  if (rec.notContinued !== undefined) return paragraphs(NOT_CONTINUED[rec.notContinued].advice[lang], rec.comparedWith === 'premenopausal-mean' && LESS_CERTAIN[lang]);
  return paragraphs(twoWays(rec, lang), rec.comparedWith === 'premenopausal-mean' && LESS_CERTAIN[lang], rec.egfrLow !== true && DENOSUMAB_SAFETY[lang]);
}

/** What the marker showed, as the summary opens with it. */
const MARKER_SHOWED = {
  'premenopausal-mean': { da: 'knoglemarkør ikke under præmenopausalt gennemsnit', en: 'bone marker not below the premenopausal mean' },
  baseline: { da: 'knoglemarkør faldet ≤ 30 %', en: 'bone marker fell ≤ 30 %' },
} as const;

function showed(rec: Rec, lang: Language): string {
  return MARKER_SHOWED[rec.comparedWith === 'premenopausal-mean' ? 'premenopausal-mean' : 'baseline'][lang];
}

export const btmResponseInadequateTexts: TopicTexts<'btm-response-inadequate'> = {
  da: {
    title: 'Knoglemarkør: utilstrækkeligt fald',
    summary: (rec) =>
      rec.notContinued !== undefined
        ? `${showed(rec, 'da').replace(/^k/, 'K')} – ${NOT_CONTINUED[rec.notContinued].clause.da}`
        : rec.egfrLow === true
        ? `Henvis til endokrinolog (eGFR ≤ 35): ${rec.comparedWith === 'premenopausal-mean' ? 'knoglemarkør ikke under præmenopausalt gennemsnit' : 'knoglemarkør faldet ≤ 30 %'}`
        : rec.comparedWith === 'premenopausal-mean'
          ? 'Tjek korrekt indtag, compliance og anden sygdom: knoglemarkør ikke under præmenopausalt gennemsnit'
          : 'Tjek korrekt indtag, compliance og anden sygdom: knoglemarkør faldet ≤ 30 %',
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Bone marker: insufficient fall',
    summary: (rec) =>
      rec.notContinued !== undefined
        ? `${showed(rec, 'en').replace(/^b/, 'B')} – ${NOT_CONTINUED[rec.notContinued].clause.en}`
        : rec.egfrLow === true
        ? `Refer to endocrinology (eGFR ≤ 35): ${rec.comparedWith === 'premenopausal-mean' ? 'bone marker not below the premenopausal mean' : 'bone marker fell ≤ 30 %'}`
        : rec.comparedWith === 'premenopausal-mean'
          ? 'Check correct intake, adherence and other disease: bone marker not below the premenopausal mean'
          : 'Check correct intake, adherence and other disease: bone marker fell ≤ 30 %',
    detail: (rec) => detail(rec, 'en'),
  },
};
