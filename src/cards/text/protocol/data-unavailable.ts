/**
 * rules.md "Missing data": when prefetch keys could not be obtained but enough remains to answer,
 * a `data-unavailable` card says so, so no GP mistakes "no card" for "nothing to do". Data dated in
 * the future are left out as data errors, and the card asks for the date to be corrected.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

/** Only future-dated data, nothing missing: the card is about a data error, not a retrieval failure. */
function onlyFutureDated(rec: Recommendation): boolean {
  return rec.reasons.length === 1 && rec.reasons[0] === 'future-dated';
}

const MISSING: Words = {
  da: '**Tjek de manglende oplysninger i journalen**, eller åbn patienten igen senere. Vurderingen bygger kun på de data, der kunne hentes: manglende kort betyder ikke, at der intet er at gøre.',
  en: '**Check the missing information in the record**, or open the patient again later. The assessment rests only on the data that could be retrieved: no card does not mean nothing to do.',
};

const FUTURE_DATED: Words = {
  da: '**Ret datoen i journalen**, så oplysningen indgår i vurderingen. Data med en dato mere end én dag ude i fremtiden er fejlregistreringer og er ikke brugt (se grundlag).',
  en: '**Correct the date in the record** so the information counts. Data dated more than one day in the future are data errors and were not used (see the findings).',
};

function detail(rec: Recommendation, lang: Language): string {
  return paragraphs(!onlyFutureDated(rec) && MISSING[lang], has(rec, 'future-dated') && FUTURE_DATED[lang]);
}

export const dataUnavailableTexts: TopicTexts<'data-unavailable'> = {
  da: {
    title: 'Data mangler',
    summary: (rec) =>
      onlyFutureDated(rec) ? 'Tjek journalen: data dateret ude i fremtiden er ikke brugt i vurderingen' : 'Ufuldstændig vurdering: dele af journalen kunne ikke hentes',
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Data unavailable',
    summary: (rec) =>
      onlyFutureDated(rec) ? 'Check the record: data dated in the future were left out of the assessment' : 'Incomplete assessment: part of the record could not be retrieved',
    detail: (rec) => detail(rec, 'en'),
  },
};
