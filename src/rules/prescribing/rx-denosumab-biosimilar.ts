/**
 * Card (source-card-da.txt):
 *   l. 62-65  "Denosumab (Izamby, Junod, Obodence Ozvyrti, Ponlimsi eller Zadenvi ▲) 60 mg s.c. hver
 *              6. måned … Klausuleret tilskud"
 *   l. 121    "▲ Biosimilære til Prolia, men billigere (pr. februar 2026 under halv pris af prisen på
 *              Prolia). Substitueres ikke på apoteket."
 *
 * Topic `rx-denosumab-biosimilar` (rules.md section 4).
 * When: the draft is denosumab of the originator brand Prolia (recognised by code or by name alone,
 * e.g. "Prolia 60 mg" with no code).
 * Then: info — a biosimilar costs less than half and the pharmacy will not substitute it; suggestion
 * to switch the draft to a biosimilar (an update of the draft, its dosage kept).
 * Reasons: `brand-prolia`.
 */
import type { DraftRule } from '../types.js';
import { draftEvidence, draftFinding, draftOfDrug } from './draft.js';

export const rxDenosumabBiosimilar: DraftRule<'rx-denosumab-biosimilar'> = (_ctx, draft) => {
  if (!draftOfDrug(draft, ['denosumab']) || !draft.identity.brandProlia) return undefined;
  return {
    topic: 'rx-denosumab-biosimilar',
    indicator: 'info',
    reasons: ['brand-prolia'],
    evidence: draftEvidence(draft, []),
    findings: [draftFinding(draft)],
    suggestions: [{ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, replaces: { draft: draft.ref, mode: 'update' } }],
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
  };
};
