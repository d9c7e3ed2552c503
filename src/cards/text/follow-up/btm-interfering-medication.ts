/**
 * Card text of `btm-interfering-medication` (rules.md section 3, card page 2 l. 157-158 "Anden
 * medicin kan specielt ved start/dosisændring påvirke værdierne"), in Danish — the card's own
 * terms — and English. It usually rides on the bone-marker card (rules.md section 6), where only
 * its title and summary show: the summary says what to do and which drug.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatList } from '../../format.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { DRUG, type Words } from '../vocabulary.js';

function medicationNames(rec: Recommendation, lang: Language): string {
  const names = [...new Set(rec.findings.flatMap((f) => (f.kind === 'medication' ? [DRUG[f.drug][lang]] : [])))];
  return formatList(names, lang);
}

const CARD_LINE: Words = {
  da: 'Anden medicin kan specielt ved start/dosisændring påvirke knoglemarkørens værdier, fx antiepileptika, antiøstrogen- og antiandrogen behandling.',
  en: 'Other medicines can affect bone marker values, especially at start or dose change, e.g. antiepileptics, anti-oestrogen and anti-androgen treatment.',
};

const WAIT: Words = {
  da: 'Overvej at vente med målingen, til behandlingen er stabil.',
  en: 'Consider waiting with the measurement until the treatment is stable.',
};

function detail(lang: Language): string {
  return paragraphs(WAIT[lang], CARD_LINE[lang]);
}

export const btmInterferingMedicationTexts: TopicTexts<'btm-interfering-medication'> = {
  da: {
    title: 'Medicin kan påvirke knoglemarkør',
    summary: (rec) => `Tolk knoglemarkøren varsomt: ${medicationNames(rec, 'da')} startet/ændret inden for 3 måneder`,
    detail: () => detail('da'),
  },
  en: {
    title: 'Medication may affect the bone marker',
    summary: (rec) => `Interpret the bone marker with care: ${medicationNames(rec, 'en')} started/changed within 3 months`,
    detail: () => detail('en'),
  },
};
