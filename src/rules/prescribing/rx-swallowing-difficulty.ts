/**
 * Card (source-card-da.txt):
 *   l. 53-57  "Alendronat 70 mg ugetablet … Brusetablet (Binosto) kan anvendes ved synkebesvær. Har
 *              klausuleret tilskud og er dyrt."
 *   l. 68-69  "Brusetablet indtages efter opløsning i et halvt glas vand, og der ”skylles efter” med vand."
 *
 * Topic `rx-swallowing-difficulty` (rules.md section 4).
 * When: the draft is an alendronate TABLET (not already the effervescent tablet) and swallowing
 * difficulty is recorded (an active dysphagia condition).
 * Then: info — the effervescent tablet (Binosto) is an option; suggestion to switch the draft to it
 * (an update of the draft, its dosage kept). Swallowing difficulty alone is not a contraindication.
 * Reasons: `dysphagia`.
 */
import { swallowingDifficulty } from '../predicates/indication.js';
import type { DraftRule } from '../types.js';
import { draftEvidence, draftFinding, draftOfDrug } from './draft.js';

export const rxSwallowingDifficulty: DraftRule<'rx-swallowing-difficulty'> = (ctx, draft) => {
  if (!draftOfDrug(draft, ['alendronate']) || draft.identity.effervescent) return undefined;
  const dysphagia = swallowingDifficulty(ctx.facts);
  if (dysphagia === undefined) return undefined;
  return {
    topic: 'rx-swallowing-difficulty',
    indicator: 'info',
    reasons: ['dysphagia'],
    evidence: draftEvidence(draft, dysphagia.evidence),
    findings: [draftFinding(draft), ...dysphagia.findings],
    suggestions: [{ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: draft.ref, mode: 'update' } }],
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
  };
};
