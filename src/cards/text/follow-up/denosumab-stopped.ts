/**
 * Card text of `denosumab-stopped` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { formatDate } from '../../format.js';
import { paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const denosumabStoppedTexts: TopicTexts<'denosumab-stopped'> = {
  da: {
    title: 'Denosumab seponeret uden opfølgende behandling',
    summary: (rec) => `Denosumab seponeret: anden behandling SKAL igangsættes – typisk zoledronsyre ca. ${formatDate(rec.followOnDue, 'da')}`,
    detail: (rec) =>
      [
        '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab efter ophørt behandling (risiko for multiple brud i ryggen).',
        `Typisk gives zoledronsyre 5 mg i.v. ca. 6 måneder efter sidste injektion${paren(rec.followOnDue, 'da')}${rec.followOnDueReached ? ' – tidspunktet er nået: handl nu' : ''}. Typisk behandling på hospital: henvis til zoledronsyre eller til endokrinolog.`,
        'P-calcium, -kreatinin og -25-OH-vitamin D bør kontrolleres før infusionen.',
      ].join('\n\n'),
  },
  en: {
    title: 'Denosumab stopped without follow-on treatment',
    summary: (rec) => `Denosumab stopped: other treatment MUST be started – usually zoledronic acid around ${formatDate(rec.followOnDue, 'en')}`,
    detail: (rec) =>
      [
        '**If denosumab is stopped, other treatment MUST be started** because of rapid bone loss after stopping (risk of multiple vertebral fractures).',
        `Usually zoledronic acid 5 mg i.v. about 6 months after the last injection${paren(rec.followOnDue, 'en')}${rec.followOnDueReached ? ' – that time has come: act now' : ''}. Usually given in hospital: refer for zoledronic acid or to endocrinology.`,
        'Check P-calcium, creatinine and 25-OH vitamin D before the infusion.',
      ].join('\n\n'),
  },
};
