/**
 * Card text of `zoledronic-acid-infusion-due` (rules.md section 3, card page 2 "Opfølgning på medicinsk behandling"), in
 * Danish — the card's own terms — and English. The summary puts the decision first; the renderer
 * appends the reasons ("Begrundelse") and the findings with values and dates ("Grundlag").
 */
import { formatDate } from '../../format.js';
import { SIDE_EFFECTS } from '../card-words.js';
import type { TopicTexts } from '../types.js';

export const zoledronicAcidInfusionDueTexts: TopicTexts<'zoledronic-acid-infusion-due'> = {
  da: {
    title: 'Årlig zoledronsyre-infusion',
    summary: (rec) => {
      const due = formatDate(rec.due, 'da');
      return rec.missingLabs.length > 0
        ? `Årlig zoledronsyre-infusion ${due}: kontrollér P-calcium, -kreatinin og -25-OH-vitamin D før infusion`
        : `Årlig zoledronsyre-infusion ${due}: prøverne før infusion foreligger`;
    },
    detail: (rec) =>
      [
        `Zoledronsyre 5 mg i.v. årligt – typisk behandling på hospital. **P-calcium, -kreatinin og -25-OH-vitamin D bør kontrolleres før hver infusion** (inden for ${rec.labsWithinDays} dage).`,
        rec.missingLabs.length > 0 ? 'Bestil de manglende prøver (se begrundelse).' : '',
        'Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-vitamin D > 50 nmol/L.',
        SIDE_EFFECTS.parenteral.da,
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
  en: {
    title: 'Yearly zoledronic acid infusion',
    summary: (rec) => {
      const due = formatDate(rec.due, 'en');
      return rec.missingLabs.length > 0
        ? `Yearly zoledronic acid infusion ${due}: check calcium, creatinine and 25-OH vitamin D first`
        : `Yearly zoledronic acid infusion ${due}: the tests before the infusion are available`;
    },
    detail: (rec) =>
      [
        `Zoledronic acid 5 mg i.v. yearly – usually given in hospital. **Check P-calcium, creatinine and 25-OH vitamin D before each infusion** (within ${rec.labsWithinDays} days).`,
        rec.missingLabs.length > 0 ? 'Order the missing tests (see the reasons).' : '',
        'Check that eGFR > 35 mL/min, that there is no hypocalcaemia and that 25-OH vitamin D > 50 nmol/L.',
        SIDE_EFFECTS.parenteral.en,
      ]
        .filter((s) => s.length > 0)
        .join('\n\n'),
  },
};
