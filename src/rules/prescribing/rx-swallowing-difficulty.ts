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
 * (an update of the draft: its dosage kept when it is 70 mg once a week, else Binosto's own).
 * Swallowing difficulty alone is not a contraindication.
 * A combination tablet with vitamin D3 (alendronate + colecalciferol) loses its D3 in the switch:
 * unless another D3 is taken or ordered, a colecalciferol prescription goes beside it
 * (`losesVitaminD`; card l. 98 "Dagligt tilskud af 20-40 µg D3-vitamin").
 * Reasons: `dysphagia`.
 */
import { swallowingDifficulty } from '../predicates/indication.js';
import type { DraftRule } from '../types.js';
import { isCurrent } from '../predicates/medication.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { containsVitaminD3, draftEvidence, draftFinding, draftOfDrug, otherDrafts } from './draft.js';

const BINOSTO_MG = 70;
const WEEK_DAYS = 7;

export const rxSwallowingDifficulty: DraftRule<'rx-swallowing-difficulty'> = (ctx, draft) => {
  if (!draftOfDrug(draft, ['alendronate']) || draft.identity.effervescent) return undefined;
  const dysphagia = swallowingDifficulty(ctx.facts);
  if (dysphagia === undefined) return undefined;
  const losesVitaminD =
    containsVitaminD3(draft.identity) &&
    !ctx.facts.medications.some((m) => containsVitaminD3(m.identity) && isCurrent(m, ctx.today)) &&
    !otherDrafts(ctx.facts, draft).some((o) => containsVitaminD3(o.identity));
  // Binosto is 70 mg once a week: a draft dosed otherwise (10 mg daily) gets that dosage in the
  // switch — kept, "1 tablet dagligt" had made it 70 mg a day.
  const weekly70 = draft.doseMgPerAdministration === BINOSTO_MG && draft.intervalDays === WEEK_DAYS;
  const suggestions: SuggestionSpec[] = [{ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: draft.ref, mode: 'update' }, ...(weekly70 ? {} : { drugDosage: true as const }) }];
  // The switch and the D3 that goes with it are taken together.
  if (losesVitaminD) suggestions.push({ kind: 'prescribe', drug: 'colecalciferol' });
  return {
    topic: 'rx-swallowing-difficulty',
    indicator: 'info',
    reasons: ['dysphagia'],
    evidence: draftEvidence(draft, dysphagia.evidence),
    findings: [draftFinding(draft), ...dysphagia.findings],
    suggestions,
    selectionBehavior: losesVitaminD ? 'any' : 'at-most-one',
    draft: draft.ref,
    ...(losesVitaminD ? { losesVitaminD: true as const } : {}),
  };
};
