/**
 * What a "continue treatment" card (`btm-response-adequate`, `bisphosphonate-continue`) says
 * instead when the oral bisphosphonate is to be held now: the latest eGFR ≤ 35 (rules.md section 3
 * v2, kidney.ts), else a current low calcium — card l. 42 "Tjek, at der Ikke er hypocalcæmi", and
 * the prescribing hook's critical `rx-hypocalcaemia` on the same record [choice: patient-view had
 * said "Fortsæt behandling" beside a calcium of 2.01 that order-sign called "do not give now"].
 * The calcium counts while current (`freshnessDays.calcium`): an old low value was corrected since.
 */
import type { PatientFacts, Ref } from '../../facts/types.js';
import type { Finding } from '../../contract/findings.js';
import type { NotContinued } from '../../contract/recommendations.js';
import type { GuidelineSettings } from '../settings.js';
import { addDays } from '../../time/local-date.js';
import { calciumFinding } from './findings.js';
import { kidneyHold } from './kidney.js';
import { latestLowCalcium } from './labs.js';

export function continueHold(facts: PatientFacts, settings: GuidelineSettings): { readonly refs: readonly Ref[]; readonly findings: readonly Finding[]; readonly notContinued?: NotContinued } {
  const kidney = kidneyHold(facts);
  if (kidney.notContinued !== undefined) return kidney;
  const low = latestLowCalcium(facts.labs.calcium, facts.today);
  if (low === undefined || low.date < addDays(facts.today, -settings.freshnessDays.calcium)) return kidney;
  return { refs: [low.ref], findings: [calciumFinding(low)], notContinued: 'hypocalcaemia' };
}
