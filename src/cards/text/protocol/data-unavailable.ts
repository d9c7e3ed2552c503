/**
 * rules.md "Missing data": when prefetch keys could not be obtained but enough remains to answer,
 * a `data-unavailable` card says so, so no GP mistakes "no card" for "nothing to do".
 */
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

/** Only future-dated data, nothing missing: the card is about a data error, not a retrieval failure. */
function onlyFutureDated(reasons: readonly string[]): boolean {
  return reasons.length === 1 && reasons[0] === 'future-dated';
}

export const dataUnavailableTexts: TopicTexts<'data-unavailable'> = {
  da: {
    title: 'Data mangler',
    summary: (rec) =>
      onlyFutureDated(rec.reasons)
        ? 'Tjek journalen: data dateret ude i fremtiden er ikke brugt i vurderingen'
        : 'Ufuldstændig vurdering: dele af journalen kunne ikke hentes',
    detail: (rec) =>
      [
        onlyFutureDated(rec.reasons)
          ? ''
          : 'Osteoporose-vurderingen bygger kun på de data, der kunne hentes. **Manglende kort betyder ikke, at der intet er at gøre.** Tjek de manglende oplysninger i journalen, eller åbn patienten igen senere.',
        has(rec, 'future-dated')
          ? '**Data med en dato mere end én dag ude i fremtiden er fejlregistreringer og er ikke brugt** (se grundlag). Ret datoen i journalen, så oplysningen indgår i vurderingen.'
          : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Data unavailable',
    summary: (rec) =>
      onlyFutureDated(rec.reasons)
        ? 'Check the record: data dated in the future were left out of the assessment'
        : 'Incomplete assessment: part of the record could not be retrieved',
    detail: (rec) =>
      [
        onlyFutureDated(rec.reasons)
          ? ''
          : 'The osteoporosis assessment rests only on the data that could be retrieved. **No card does not mean nothing to do.** Check the missing information in the record, or open the patient again later.',
        has(rec, 'future-dated')
          ? '**Data dated more than one day in the future are data errors and were not used** (see the findings). Correct the date in the record so the information counts.'
          : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
