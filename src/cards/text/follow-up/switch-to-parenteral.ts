/**
 * Card text of `switch-to-parenteral` (rules.md section 3, card page 1 l. 22 "2. valg" and page 2
 * "Start eller henvis til parenteral behandling"), in Danish — the card's own terms — and English:
 * the two options and the referral, and what starting denosumab commits to. The full denosumab and
 * zoledronic acid passages, the checks before a start and the side effects are on the guideline
 * page; the prescribing cards check the labs when the drug is ordered.
 */
import type { Language } from '../../../contract/language.js';
import type { Reason } from '../../../contract/topics.js';
import { DENOSUMAB_SAFETY, PARENTERAL_CHOICES } from '../card-words.js';
import { paragraphs, shortList } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const SWITCH_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'persistent-insufficient-fall': { da: 'KM-fald fortsat ≤ 30 %', en: 'marker fall still ≤ 30 %' },
  intolerance: { da: 'utålelige bivirkninger', en: 'intolerance' },
  'non-adherence': { da: 'compliance kan ikke opretholdes', en: 'adherence cannot be maintained' },
};

const OPTIONS: Words = {
  da: `${PARENTERAL_CHOICES.da}\n- Behandlingssvigt trods god compliance: henvis til endokrinolog.`,
  en: `${PARENTERAL_CHOICES.en}\n- Treatment failure despite good adherence: refer to endocrinology.`,
};

function detail(lang: Language): string {
  return paragraphs(OPTIONS[lang], DENOSUMAB_SAFETY[lang]);
}

export const switchToParenteralTexts: TopicTexts<'switch-to-parenteral'> = {
  da: {
    title: 'Skift til parenteral behandling',
    summary: (rec) => `Start eller henvis til parenteral behandling: ${shortList(rec, SWITCH_SHORT, 'da', 3)}`,
    detail: () => detail('da'),
  },
  en: {
    title: 'Switch to parenteral treatment',
    summary: (rec) => `Start or refer for parenteral treatment: ${shortList(rec, SWITCH_SHORT, 'en', 3)}`,
    detail: () => detail('en'),
  },
};
