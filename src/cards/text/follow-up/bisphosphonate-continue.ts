/**
 * Card text of `bisphosphonate-continue` (rules.md section 3, card page 2 l. 183-199), in Danish —
 * the card's own terms — and English: continue, for how long, and without a hip T-score how to
 * decide. The reasons name the pause criteria that fail; the full criteria are on the guideline page.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { NOT_CONTINUED } from '../card-words-follow-up.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const CONTINUE: Words = {
  da: '**Fortsæt behandling.** Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år. Begrundelsen viser, hvilke pausekriterier der ikke er opfyldt.',
  en: '**Continue treatment.** With persistently low hip bone mass, treatment can be extended to 10 years. The reasons show which pause criteria are not met.',
};

const NO_HIP_T_SCORE: Words = {
  da: 'Ingen T-score for hoften: henvis til DXA-skanning for at vurdere en pause.',
  en: 'No hip T-score: refer for a DXA scan to assess a pause.',
};

const NO_HIP_T_SCORE_AFTER_SCAN: Words = {
  da: 'Ingen T-score for hoften: henvis til DXA-skanning (samme hospital som sidst) for at vurdere en pause.',
  en: 'No hip T-score: refer for a DXA scan (same hospital as last time) to assess a pause.',
};

/** "The same hospital" only after a scan on record (its finding has a date). */
function noHipTScore(rec: Recommendation<'bisphosphonate-continue'>, lang: Language): string {
  const scanned = rec.findings.some((f) => f.kind === 'dxa' && f.date !== undefined);
  return (scanned ? NO_HIP_T_SCORE_AFTER_SCAN : NO_HIP_T_SCORE)[lang];
}

/** The pause criteria still say "no pause", but another card says not to go on as now. */
const NO_PAUSE: Words = {
  da: 'Kriterierne for behandlingspause er ikke opfyldt (se begrundelsen).',
  en: 'The criteria for a treatment pause are not met (see the reasons).',
};

function detail(rec: Recommendation<'bisphosphonate-continue'>, lang: Language): string {
  const instead = rec.notContinued === undefined ? undefined : NOT_CONTINUED[rec.notContinued].advice[lang];
  return paragraphs(instead === undefined ? CONTINUE[lang] : NO_PAUSE[lang], instead, has(rec, 'hip-t-score-missing') && noHipTScore(rec, lang));
}

export const bisphosphonateContinueTexts: TopicTexts<'bisphosphonate-continue'> = {
  da: {
    title: 'Peroral bisfosfonat efter 5 år',
    summary: (rec) =>
      rec.notContinued !== undefined
        ? `5 år med peroral bisfosfonat, pausekriterier ikke opfyldt – ${NOT_CONTINUED[rec.notContinued].clause.da}`
        : 'Fortsæt peroral bisfosfonat: 5 år nået, men kriterierne for behandlingspause er ikke opfyldt',
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Oral bisphosphonate after 5 years',
    summary: (rec) =>
      rec.notContinued !== undefined
        ? `5 years of oral bisphosphonate, pause criteria not met – ${NOT_CONTINUED[rec.notContinued].clause.en}`
        : 'Continue oral bisphosphonate: 5 years reached, but the criteria for a treatment pause are not met',
    detail: (rec) => detail(rec, 'en'),
  },
};
