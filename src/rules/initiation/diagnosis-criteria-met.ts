/**
 * Topic `diagnosis-criteria-met` (rules.md section 2) — info.
 *
 * source-card-da.txt l. 11-13:
 *   "Osteoporose diagnosekriterier
 *    T-score ≤ -2,5 og/eller lavenergibrud i ryg (≥ 20% sammenfald) og/eller hofte"
 *
 * When: a patient in population, not on treatment, meets the diagnosis criteria (T-score ≤ −2.5
 *       and/or a low-energy — or possibly low-energy — spine or hip fracture) and no osteoporosis
 *       diagnosis is on the problem list (an 'osteoporosis' condition of any status counts as
 *       recorded: a resolved or inactive entry shows the GP has already made the diagnosis).
 * Then: suggest adding the diagnosis (Condition create; "with pathological fracture" (M80) when
 *       the record has a fracture known to be low-energy — the spine or hip fracture the criteria
 *       rest on, or one of another site beside a T-score ≤ −2.5; a possible one gives the
 *       diagnosis without fracture, M81, unless the criteria rest on it alone: then the card is
 *       "if the fracture was low-energy", and that diagnosis is M80). With a secondary cause
 *       suspected (hypercalcaemia, Z-score ≤ −2.0) the diagnosis names no kind (M81.9/M80.9, not
 *       "postmenopausal") [choice: the cause is what the endocrinology referral asks].
 * Reasons: `t-score`, `spine-fracture`, `hip-fracture`, `spine-fracture-possible`, `hip-fracture-possible`.
 */
import type { PatientFacts } from '../../facts/types.js';
import { lowEnergyFractures } from '../predicates/fractures.js';
import { diagnosisCriteria } from '../predicates/indication.js';
import { perContext } from '../memo.js';
import type { PatientRule } from '../types.js';
import { initiationHeld } from '../predicates/care-state.js';
import { isChoosingTreatment } from './applies.js';
import { secondaryOsteoporosisSigns } from '../predicates/secondary-osteoporosis.js';

function osteoporosisOnProblemList(facts: PatientFacts): boolean {
  for (let i = 0; i < facts.conditions.length; i++) if (facts.conditions[i]!.concept === 'osteoporosis') return true;
  return false;
}

/** Worked out once per request (memo.ts): `bone-healthy-lifestyle` builds on it. */
export const diagnosisCriteriaMet: PatientRule<'diagnosis-criteria-met'> = perContext((ctx) => {
  if (!isChoosingTreatment(ctx) || initiationHeld(ctx)) return undefined;
  const criteria = diagnosisCriteria(ctx.facts, ctx.settings);
  if (criteria === undefined || osteoporosisOnProblemList(ctx.facts)) return undefined;
  // A fracture known to be low-energy (any site, the criteria's spine or hip one included) makes it
  // M80. So does a possible one the criteria rest on alone: the card then says "if the fracture was
  // low-energy", and if it was, the diagnosis is with fracture (M81 "without" would contradict it).
  const onPossibleFractureAlone = criteria.reasons.every((r) => r === 'spine-fracture-possible' || r === 'hip-fracture-possible');
  const lowEnergy = lowEnergyFractures(ctx.facts, ctx.settings);
  const withFracture = onPossibleFractureAlone || lowEnergy.some((c) => !c.possible);
  // The diagnosis names the fractures it rests on (Condition.evidence): it is their diagnosis, not
  // another fracture (facts/conditions.ts `withoutBareDiagnoses`).
  const fractures = withFracture ? lowEnergy.filter((c) => onPossibleFractureAlone || !c.possible).map((c) => c.fracture.ref) : [];
  return {
    topic: 'diagnosis-criteria-met',
    indicator: 'info',
    reasons: criteria.reasons,
    evidence: criteria.evidence,
    findings: criteria.findings,
    // A secondary cause suspected (the endocrinology referral's): "postmenopausal" would name the cause the specialist is asked about.
    suggestions: [{ kind: 'diagnosis', withFracture, ...(fractures.length === 0 ? {} : { fractures }), ...(secondaryOsteoporosisSigns(ctx.facts) === undefined ? {} : { causeOpen: true as const }) }],
    selectionBehavior: 'at-most-one',
  };
});
