/**
 * Card text of `denosumab-overdue` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const denosumabOverdueTexts: TopicTexts<'denosumab-overdue'> = {
  da: {
    title: 'Denosumab overskredet',
    summary: () => 'Giv denosumab nu: over 7 måneder siden sidste injektion – risiko for hurtigt knogletab og brud i ryggen',
    detail: (rec) =>
      [
        `**Der må max gå 7 måneder mellem injektionerne** – injektionen skulle være givet${paren(rec.due, 'da')}. Efter ophørt denosumab kommer hurtigt knogletab (rebound) med risiko for multiple brud i ryggen (vertebrale frakturer).`,
        'Giv injektionen hurtigst muligt (denosumab 60 mg s.c.); P-calcium kontrolleres forud for injektion. Opsæt system, så injektionen huskes hver 6. måned – også hvis patienten ikke kommer til aftalt tid.',
        'Skal denosumab ikke fortsætte, SKAL anden behandling igangsættes (typisk zoledronsyre) – henvis evt. til endokrinolog.',
      ].join('\n\n'),
  },
  en: {
    title: 'Denosumab overdue',
    summary: () => 'Give denosumab now: more than 7 months since the last injection – risk of rapid bone loss and spine fractures',
    detail: (rec) =>
      [
        `**Never more than 7 months between injections** – the injection was due${paren(rec.due, 'en')}. After denosumab stops, bone is lost rapidly (rebound) with a risk of multiple vertebral fractures.`,
        'Give the injection as soon as possible (denosumab 60 mg s.c.); check P-calcium before it. Set up a recall so the injection is given every 6 months – also if the patient does not come at the agreed time.',
        'If denosumab is not to continue, other treatment MUST be started (usually zoledronic acid) – consider referral to endocrinology.',
      ].join('\n\n'),
  },
};
