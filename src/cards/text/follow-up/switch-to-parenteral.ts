/**
 * Card text of `switch-to-parenteral` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import type { Reason } from '../../../contract/topics.js';
import { BEFORE_START, DENOSUMAB_OPTION, SIDE_EFFECTS, ZOLEDRONIC_ACID } from '../card-words.js';
import { shortList } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const SWITCH_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'persistent-insufficient-fall': { da: 'KM-fald fortsat ≤ 30 %', en: 'marker fall still ≤ 30 %' },
  intolerance: { da: 'utålelige bivirkninger', en: 'intolerance' },
  'non-adherence': { da: 'compliance kan ikke opretholdes', en: 'adherence cannot be maintained' },
};

export const switchToParenteralTexts: TopicTexts<'switch-to-parenteral'> = {
  da: {
    title: 'Skift til parenteral behandling',
    summary: (rec) => `Start eller henvis til parenteral behandling: ${shortList(rec, SWITCH_SHORT, 'da', 3)}`,
    detail: () =>
      [
        '2. valg (parenteral) ved kontraindikation til peroral bisfosfonat, utålelige bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes. **Start eller henvis til parenteral behandling:**',
        `- ${DENOSUMAB_OPTION.da}\n- ${ZOLEDRONIC_ACID.da}\n- Ved behandlingssvigt trods god compliance: henvisning til endokrinolog.`,
        BEFORE_START.parenteral.da,
        SIDE_EFFECTS.parenteral.da,
      ].join('\n\n'),
  },
  en: {
    title: 'Switch to parenteral treatment',
    summary: (rec) => `Start or refer for parenteral treatment: ${shortList(rec, SWITCH_SHORT, 'en', 3)}`,
    detail: () =>
      [
        'Second choice (parenteral) when oral bisphosphonate is contraindicated, not tolerated, has failed, or adherence cannot be maintained. **Start or refer for parenteral treatment:**',
        `- ${DENOSUMAB_OPTION.en}\n- ${ZOLEDRONIC_ACID.en}\n- Treatment failure despite good adherence: referral to endocrinology.`,
        BEFORE_START.parenteral.en,
        SIDE_EFFECTS.parenteral.en,
      ].join('\n\n'),
  },
};
