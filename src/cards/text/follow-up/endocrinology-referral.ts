/**
 * Card text of `endocrinology-referral` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import type { Reason } from '../../../contract/topics.js';
import { has, shortList } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

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

export const endocrinologyReferralTexts: TopicTexts<'endocrinology-referral'> = {
  da: {
    title: 'Henvisning til endokrinolog',
    summary: (rec) => `Henvis til endokrinolog: ${shortList(rec, REFERRAL_SHORT, 'da', 2)}`,
    detail: (rec) =>
      [
        'Henvisning til endokrinolog ved: **behandlingssvigt trods god compliance** (fald = signifikant fald i knoglemasse i ryg og/eller hofte oplyst i DXA-skanningssvar, ≥ 2 lavenergibrud efter mindst et års behandling, manglende suppression af knoglemarkør); uacceptable bivirkninger, som ikke kan kompenseres i almen praksis; progredierende nyrefunktionstab – inden eGFR er under 35 ml/min; når denosumab planlægges seponeret; mistanke om udredningskrævende sekundær osteoporose.',
        has(rec, 'egfr-low') ? '**eGFR ≤ 35 ml/min under bisfosfonat:** gentag eGFR, og hold pause med bisfosfonat, til endokrinologen har svaret (bisfosfonat anbefales ikke ved eGFR under 35).' : '',
        has(rec, 'denosumab-stop') ? 'Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt behandling – planlæg det sammen med endokrinologen.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Referral to endocrinology',
    summary: (rec) => `Refer to endocrinology: ${shortList(rec, REFERRAL_SHORT, 'en', 2)}`,
    detail: (rec) =>
      [
        'Refer to endocrinology for: **treatment failure despite good adherence** (a significant fall in spine and/or hip bone mass stated in the DXA report, ≥ 2 low-energy fractures after at least one year of treatment, no suppression of the bone marker); unacceptable side effects that cannot be managed in general practice; progressive loss of kidney function – before eGFR falls below 35 mL/min; when denosumab is planned to stop; suspected secondary osteoporosis needing work-up.',
        has(rec, 'egfr-low') ? '**eGFR ≤ 35 mL/min on a bisphosphonate:** repeat the eGFR, and hold the bisphosphonate until the endocrinologist has answered (bisphosphonates are not recommended below eGFR 35).' : '',
        has(rec, 'denosumab-stop') ? 'If denosumab is stopped, other treatment MUST be started because of rapid bone loss after stopping – plan it with the endocrinologist.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
