/**
 * Card (source-card-da.txt):
 *   l. 113-117  "Calcium-carbonat tages til måltid (syreafhængig). Calcium-citrat kan tages
 *                uafhængigt af mad, men er dyrere. Kan overvejes til patienter, som bruger PPI.
 *                Særligt calcium-carbonat kan give tendens til obstipation."
 *
 * Topic `rx-calcium-carbonate-ppi` (rules.md section 4).
 * When: the patient is in population (rules.md section 1); the draft is calcium carbonate — v2: a
 * calcium + D3 combination (ATC A12AX) counts as carbonate unless the product text names citrate
 * [choice; the facts stage classes it, drug-identity.ts]; and a
 * proton pump inhibitor is current in the record or ordered in the same basket (selected or not).
 * Then: info — calcium carbonate needs stomach acid; calcium citrate is absorbed independently of
 * acid and food (but costs more); suggestion to switch the draft to calcium citrate (an update).
 * When the drafted product also holds vitamin D3 (a calcium + D3 combination), plain calcium citrate
 * would drop the D3: a vitamin D3 order is offered alongside, recommended with it (the two are to be
 * taken together: `any`), and the text says so — unless plain
 * vitamin D3 is already taken or ordered (then the text says it is covered: no second D3 on top,
 * card l. 98 "20-40 µg").
 * Reasons: `ppi-user`.
 */
import { currentMedications } from '../predicates/medication.js';
import { inPopulation } from '../predicates/population.js';
import type { DraftRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { containsVitaminD3, draftEvidence, draftFinding, draftOfDrug, otherDrafts } from './draft.js';

export const rxCalciumCarbonatePpi: DraftRule<'rx-calcium-carbonate-ppi'> = (ctx, draft) => {
  const { facts } = ctx;
  if (!draftOfDrug(draft, ['calcium-carbonate'])) return undefined;
  if (!inPopulation(facts, ctx.settings)) return undefined;
  const records = currentMedications(facts, ['ppi']);
  const drafts = otherDrafts(facts, draft).filter((d) => d.identity.drug === 'ppi');
  if (records.length === 0 && drafts.length === 0) return undefined;
  const withD3 = containsVitaminD3(draft.identity);
  const d3Elsewhere = currentMedications(facts, ['colecalciferol']).length > 0 || otherDrafts(facts, draft).some((d) => d.identity.drug === 'colecalciferol');
  const offerD3 = withD3 && !d3Elsewhere;
  const findings: Finding[] = [
    draftFinding(draft),
    ...records.map((m): Finding => ({ kind: 'medication', drug: 'ppi', date: m.start, ref: m.ref })),
    ...drafts.map(draftFinding),
  ];
  return {
    topic: 'rx-calcium-carbonate-ppi',
    indicator: 'info',
    reasons: ['ppi-user'],
    evidence: draftEvidence(draft, [...records.map((m) => m.ref), ...drafts.map((d) => d.ref)]),
    findings,
    suggestions: [
      // The draft's dosage kept [choice: the citrate's own (500 mg once daily) had halved a twice-daily draft].
      { kind: 'prescribe', drug: 'calcium-citrate', recommended: true, replaces: { draft: draft.ref, mode: 'update' } },
      // Recommended with the citrate: taken alone, the recommended switch dropped the D3 the draft held [choice].
      ...(offerD3 ? [{ kind: 'prescribe', drug: 'colecalciferol', recommended: true } as const] : []),
    ],
    selectionBehavior: offerD3 ? 'any' : 'at-most-one',
    draft: draft.ref,
    withVitaminD: withD3 ? (d3Elsewhere ? 'covered' : 'offered') : 'none',
  };
};
