/**
 * Card text of `dxa-follow-up-due` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const dxaFollowUpDueTexts: TopicTexts<'dxa-follow-up-due'> = {
  da: {
    title: 'DXA-skanning til opfølgning',
    summary: (rec) => `Henvis til DXA-skanning efter ${has(rec, 'five-year-dxa') ? '5' : '2'} års behandling – samme hospital som ved tidligere skanning`,
    detail: (rec) =>
      [
        'DXA-skanning viser knoglemineraltæthed (BMD) og T-score: tidligst efter 2 års behandling og efter 5 års behandling.',
        '**Henvis til samme hospital som ved tidligere skanning.** Skannere måler ikke helt ens, og sammenligning af værdier fra forskellige skannere er usikker.',
        has(rec, 'five-year-dxa') ? 'Ved peroral bisfosfonat bør behandlingspause overvejes efter 5 år; T-score i hoften indgår i vurderingen.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Follow-up DXA scan',
    summary: (rec) => `Refer for a DXA scan after ${has(rec, 'five-year-dxa') ? '5' : '2'} years of treatment – same hospital as the previous scan`,
    detail: (rec) =>
      [
        'A DXA scan shows bone mineral density (BMD) and T-score: no earlier than after 2 years of treatment, and after 5 years.',
        '**Refer to the same hospital as the previous scan.** Scanners do not measure exactly alike, and comparing values from different scanners is uncertain.',
        has(rec, 'five-year-dxa') ? 'On oral bisphosphonate a treatment pause should be considered after 5 years; the hip T-score is part of that decision.' : '',
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
