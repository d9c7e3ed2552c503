/**
 * Card (source-card-da.txt), "Overvejelse om anabol (knogleopbyggende) behandling" (l. 205-216):
 *   "Injektionsbehandling med romosozumab eller teriparatid, der normalt er selvadministreret.
 *    Postmenopausale kvinder med T-score < -2,5 og lavenergibrud på hofte, bækken, overarm, underarm
 *    eller ryg indenfor 3 år. Mænd med T-score ≤ -3,0 og lavenergibrud i ryg inden for seneste 3 år
 *    eller som har ≥ 2 lavenergibrud i ryg."
 *   l. 29-30 "Overvej henvisning til anabol behandling ved lavenergibrud – se bagsiden"
 *
 * Topic `rx-anabolic-specialist` (rules.md section 4; criteria in section 3).
 * When: the draft is an anabolic drug (teriparatide, abaloparatide or romosozumab).
 * Then: info — specialist treatment: refer for anabolic treatment (teriparatide at most 24 months).
 * Romosozumab with a recorded myocardial infarction or stroke, active or past → critical
 * [extension: SmPC contraindication]. Romosozumab for a man: the indicator and reasons the row
 * gives (info, `specialist-drug`), and the card says romosozumab is approved for women only
 * (`romosozumabForMan`) [extension: SmPC]. Suggestion: the referral in place of the draft.
 * Reasons: `specialist-drug`, `cardiovascular-history`.
 */
import type { Reason } from '../../contract/topics.js';
import { anyConditions } from '../predicates/conditions.js';
import { conditionFinding } from '../predicates/findings.js';
import type { DraftRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { Indicator } from '../../contract/recommendations.js';
import { draftEvidence, draftFinding, draftOfDrug } from './draft.js';

export const rxAnabolicSpecialist: DraftRule<'rx-anabolic-specialist'> = (ctx, draft) => {
  const { facts } = ctx;
  if (!draftOfDrug(draft, ['teriparatide', 'abaloparatide', 'romosozumab'])) return undefined;
  const reasons: Reason[] = ['specialist-drug'];
  const findings: Finding[] = [draftFinding(draft)];
  const refs: string[] = [];
  let indicator: Indicator = 'info';

  if (draft.identity.drug === 'romosozumab') {
    const cardiovascular = anyConditions(facts, ['myocardial-infarction', 'stroke']);
    if (cardiovascular.length > 0) {
      indicator = 'critical';
      reasons.push('cardiovascular-history');
      findings.push(...cardiovascular.map(conditionFinding));
      refs.push(...cardiovascular.map((c) => c.ref));
    }
  }
  const romosozumabForMan = draft.identity.drug === 'romosozumab' && facts.sex === 'male';
  if (romosozumabForMan) refs.push(facts.patientRef);

  return {
    topic: 'rx-anabolic-specialist',
    indicator,
    reasons,
    evidence: draftEvidence(draft, refs),
    findings,
    suggestions: [{ kind: 'referral', to: 'anabolic-treatment', recommended: true, replacesDraft: draft.ref }],
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
    romosozumabForMan,
  };
};
