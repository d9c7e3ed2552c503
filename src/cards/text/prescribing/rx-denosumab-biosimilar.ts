/**
 * Card text of `rx-denosumab-biosimilar` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { BIOSIMILARS } from '../card-words.js';
import type { TopicTexts } from '../types.js';

export const rxDenosumabBiosimilarTexts: TopicTexts<'rx-denosumab-biosimilar'> = {
  da: {
    title: 'Prolia: vælg biosimilær denosumab',
    summary: () => 'Ordinér biosimilær denosumab i stedet for Prolia: under halv pris, substitueres ikke på apoteket',
    detail: () =>
      `Kortet: Denosumab (${BIOSIMILARS.da}) 60 mg s.c. hver 6. måned. Klausuleret tilskud. **Biosimilære til Prolia, men billigere** (pr. februar 2026 under halv pris af prisen på Prolia). **Substitueres ikke på apoteket** – ordinér derfor biosimilæren ved navn.`,
  },
  en: {
    title: 'Prolia: choose a denosumab biosimilar',
    summary: () => 'Prescribe a denosumab biosimilar instead of Prolia: under half the price, not substituted at the pharmacy',
    detail: () =>
      `The card: denosumab (${BIOSIMILARS.en}) 60 mg s.c. every 6 months. Clause-restricted reimbursement. **Biosimilars of Prolia, but cheaper** (as of February 2026 under half the price of Prolia). **Not substituted at the pharmacy** – so prescribe the biosimilar by name.`,
  },
};
