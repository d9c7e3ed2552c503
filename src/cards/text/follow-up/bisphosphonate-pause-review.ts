/**
 * Card text of `bisphosphonate-pause-review` (v2; rules.md section 3; card page 2 l. 183-203
 * "Behandlingspause bør overvejes efter 5 år … Opfølgning med DXA-scanning tidligst efter 2 år,
 * hvis relevant. Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år."),
 * in Danish and English: do not restart during the pause, when to scan, and what resumes treatment.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { LONG_ACTING } from '../card-words-follow-up.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

type Rec = Recommendation<'bisphosphonate-pause-review'>;

const DO_NOT_RESTART: Words = {
  da: '**Start ikke behandling igen**, blot fordi T-score eller tidligere brud ellers ville give indikation.',
  en: '**Do not restart treatment** just because the T-score or an earlier fracture would otherwise indicate it.',
};

const RESUME: Words = {
  da: 'Genoptag behandling ved nyt lavenergibrud eller T-score (hofte) ≤ −2,5 – i alt op til 10 år.',
  en: 'Resume treatment after a new low-energy fracture or with hip T-score ≤ −2.5 – up to 10 years in total.',
};

/** The 10 years are already taken: "up to 10 years in total" leaves nothing to resume with alendronate. */
const REFER_AFTER_TEN_YEARS: Words = {
  da: '**10 års peroral bisfosfonat er allerede nået:** ved nyt lavenergibrud eller T-score (hofte) ≤ −2,5 henvises til endokrinolog – ikke alendronat igen.',
  en: '**10 years of oral bisphosphonate are already reached:** after a new low-energy fracture or with hip T-score ≤ −2.5, refer to endocrinology – not alendronate again.',
};

/** Once the 2 years have passed: the scan first (the date is in the summary and the findings). */
function sameHospital(rec: Rec, lang: Language): string | false {
  if (!has(rec, 'pause-dxa-due')) return false;
  return lang === 'da'
    ? '**Henvis til samme hospital som ved tidligere skanning** – skannere måler ikke helt ens.'
    : '**Refer to the same hospital as the previous scan** – scanners do not measure exactly alike.';
}

/** Card "OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering)". */
const VITAMIN_D_FIRST: Words = {
  da: '**OBS: P-25-OH-Vit.D ≤ 50 nmol/L** – giv D-vitamin, og skan først, når det er i niveau (ellers risiko for overdiagnosticering).',
  en: '**Note: 25-OH vitamin D ≤ 50 nmol/L** – give vitamin D and scan once it is replete (otherwise a risk of overdiagnosis).',
};

function detail(rec: Rec, lang: Language): string {
  return paragraphs(rec.vitaminDLow === true && VITAMIN_D_FIRST[lang], sameHospital(rec, lang), DO_NOT_RESTART[lang], LONG_ACTING[lang], (rec.tenYears === true ? REFER_AFTER_TEN_YEARS : RESUME)[lang]);
}

export const bisphosphonatePauseReviewTexts: TopicTexts<'bisphosphonate-pause-review'> = {
  da: {
    title: 'Behandlingspause med bisfosfonat',
    summary: (rec) =>
      has(rec, 'pause-dxa-due')
        ? `${rec.vitaminDLow === true ? 'Giv D-vitamin først, så DXA-skanning' : 'Henvis til DXA-skanning'}: behandlingspause siden ${formatDate(rec.pauseStart, 'da')} – ${has(rec, 'pause-continues') ? 'mindst 2 år siden seneste DXA i pausen' : '2 år er gået'}`
        : has(rec, 'pause-continues')
          ? `Behandlingspausen fortsætter: T-score (hofte) > −2,5 – næste DXA tidligst ${formatDate(rec.dxaFrom, 'da')}`
          : `Behandlingspause siden ${formatDate(rec.pauseStart, 'da')}: start ikke behandling – DXA tidligst ${formatDate(rec.dxaFrom, 'da')}`,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Bisphosphonate treatment pause',
    summary: (rec) =>
      has(rec, 'pause-dxa-due')
        ? `${rec.vitaminDLow === true ? 'Give vitamin D first, then a DXA scan' : 'Refer for a DXA scan'}: treatment pause since ${formatDate(rec.pauseStart, 'en')} – ${has(rec, 'pause-continues') ? 'at least 2 years since the last DXA in the pause' : '2 years have passed'}`
        : has(rec, 'pause-continues')
          ? `The treatment pause continues: hip T-score > −2.5 – next DXA no earlier than ${formatDate(rec.dxaFrom, 'en')}`
          : `Treatment pause since ${formatDate(rec.pauseStart, 'en')}: do not restart – DXA no earlier than ${formatDate(rec.dxaFrom, 'en')}`,
    detail: (rec) => detail(rec, 'en'),
  },
};
