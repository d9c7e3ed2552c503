/**
 * Card text of `denosumab-injection-due` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { formatDate } from '../../format.js';
import { has } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';

export const denosumabInjectionDueTexts: TopicTexts<'denosumab-injection-due'> = {
  da: {
    title: 'Denosumab-injektion',
    summary: (rec) => {
      return has(rec, 'due')
        ? `Giv denosumab-injektion nu: 6 mdr. siden sidste – der må max gå 7 måneder (senest ${formatDate(rec.latestInTime, 'da')})`
        : `Næste denosumab-injektion nærmer sig: gives ${formatDate(rec.due, 'da')} (hver 6. måned)`;
    },
    detail: (rec) =>
      [
        'Denosumab 60 mg s.c. hver 6. måned. **Opsæt system, så injektionen huskes hver 6. måned** – også hvis patienten ikke kommer til aftalt tid. Der må max gå 7 måneder.',
        `P-calcium kontrolleres forud for injektion${has(rec, 'calcium-missing') ? ` – der er ingen P-calcium fra de seneste ${rec.calciumWithinDays} dage` : ''}; ved hypocalcæmi korrigeres før injektion.`,
        'Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt behandling.',
      ].join('\n\n'),
  },
  en: {
    title: 'Denosumab injection',
    summary: (rec) => {
      return has(rec, 'due')
        ? `Give the denosumab injection now: 6 months since the last – never more than 7 months (by ${formatDate(rec.latestInTime, 'en')})`
        : `Next denosumab injection coming up: due ${formatDate(rec.due, 'en')} (every 6 months)`;
    },
    detail: (rec) =>
      [
        'Denosumab 60 mg s.c. every 6 months. **Set up a recall so the injection is given every 6 months** – also if the patient does not come at the agreed time. Never more than 7 months apart.',
        `Check P-calcium before the injection${has(rec, 'calcium-missing') ? ` – there is no P-calcium from the last ${rec.calciumWithinDays} days` : ''}; correct hypocalcaemia before injecting.`,
        'If denosumab is stopped, other treatment MUST be started because of rapid bone loss after stopping.',
      ].join('\n\n'),
  },
};
