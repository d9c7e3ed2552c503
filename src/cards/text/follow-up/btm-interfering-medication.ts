/**
 * Card text of `btm-interfering-medication` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatList } from '../../format.js';
import type { TopicTexts } from '../types.js';
import { DRUG } from '../vocabulary.js';

function medicationNames(rec: Recommendation, lang: Language): string {
  const names = [...new Set(rec.findings.flatMap((f) => (f.kind === 'medication' ? [DRUG[f.drug][lang]] : [])))];
  return formatList(names, lang);
}

export const btmInterferingMedicationTexts: TopicTexts<'btm-interfering-medication'> = {
  da: {
    title: 'Medicin kan påvirke knoglemarkør',
    summary: (rec) => `Knoglemarkør kan være påvirket: ${medicationNames(rec, 'da')} startet/ændret inden for 3 måneder`,
    detail: () =>
      [
        'Anden medicin kan specielt ved start/dosisændring påvirke værdierne af knoglemarkører, fx antiepileptika, antiøstrogen- og antiandrogen behandling.',
        'Tolk knoglemarkøren med forsigtighed, og overvej at vente med målingen, til behandlingen er stabil.',
      ].join('\n\n'),
  },
  en: {
    title: 'Medication may affect the bone marker',
    summary: (rec) => `Bone marker may be affected: ${medicationNames(rec, 'en')} started/changed within 3 months`,
    detail: () =>
      [
        'Other medicines can affect bone marker values, especially at start or dose change, e.g. antiepileptics, anti-oestrogen and anti-androgen treatment.',
        'Interpret the marker with care, and consider waiting with the measurement until the treatment is stable.',
      ].join('\n\n'),
  },
};
