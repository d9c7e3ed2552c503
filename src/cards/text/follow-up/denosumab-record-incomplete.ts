/**
 * The denosumab cards when a medication prefetch key could not be had (rules.md "Missing data",
 * rules/follow-up/denosumab.ts `withIncompleteMedications`): the last injection or the follow-on
 * the record shows may not be the latest — say so before the advice.
 */
import type { Recommendation } from '../../../contract/recommendations.js';
import type { Note } from '../notes.js';
import type { Words } from '../vocabulary.js';

type DenosumabTopic = 'denosumab-overdue' | 'denosumab-stopped' | 'denosumab-injection-due';

/** The paragraph that opens the detail. */
export const INCOMPLETE_MEDICATIONS: Words = {
  da: '**Medicindata kunne ikke hentes:** seneste injektion (eller opfølgende behandling) mangler måske i journalen – tjek, før du giver eller ordinerer.',
  en: '**Medication data could not be fetched:** the last injection (or a follow-on treatment) may be missing from the record – check before you give or prescribe.',
};

/** The note (words before the summary where they fit, the paragraph before the detail). */
export function incompleteMedications<T extends DenosumabTopic>(): Note<T> {
  return {
    applies: (rec: Recommendation<T>) => rec.medicationListUnavailable === true,
    place: 'lead',
    words: {
      da: { summary: 'Medicindata mangler – ', detail: INCOMPLETE_MEDICATIONS.da },
      en: { summary: 'Medication data missing – ', detail: INCOMPLETE_MEDICATIONS.en },
    },
  };
}
