/**
 * Card (source-card-da.txt):
 *   l. 42  "Tjek, at der Ikke er hypocalcæmi."   (l. 51 "Før start af antiresorptiv behandling")
 *   l. 80  "P-calcium kontrolleres forud for injektion."  (denosumab)
 *   l. 75  "P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion."  (zoledronic acid)
 *
 * Topic `rx-hypocalcaemia` (rules.md section 4).
 * When: the draft is an antiresorptive (oral bisphosphonate, zoledronic acid or denosumab) and the
 * latest calcium, whatever its age, is low — any kind of the latest day: a normal total calcium
 * does not hide a low ionised one taken with it (below the lab's reference range or flagged L/LL;
 * without a range total/corrected < 2.15, ionised < 1.18 mmol/L — rules.md section 1).
 * Then: critical — correct the hypocalcaemia before treatment; order calcium and 25-OH-D.
 * Reasons: `hypocalcaemia`.
 */
import { calciumFinding } from '../predicates/findings.js';
import { latestLowCalcium } from '../predicates/labs.js';
import type { DraftRule } from '../types.js';
import { draftEvidence, draftFinding, isAntiresorptiveDraft } from './draft.js';

export const rxHypocalcaemia: DraftRule<'rx-hypocalcaemia'> = (ctx, draft) => {
  if (!isAntiresorptiveDraft(draft)) return undefined;
  const ca = latestLowCalcium(ctx.facts.labs.calcium, ctx.today);
  if (ca === undefined) return undefined;
  const finding = calciumFinding(ca);
  return {
    topic: 'rx-hypocalcaemia',
    indicator: 'critical',
    reasons: ['hypocalcaemia'],
    evidence: draftEvidence(draft, [ca.ref]),
    findings: [draftFinding(draft), finding],
    suggestions: [{ kind: 'labs', labs: ['calcium', 'vitamin-d'] }],
    selectionBehavior: 'any',
    draft: draft.ref,
    calcium: finding,
  };
};
