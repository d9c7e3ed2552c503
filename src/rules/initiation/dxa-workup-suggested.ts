/**
 * Topic `dxa-workup-suggested` (rules.md section 2) — info. [extension: DSAM chapter 4, linked
 * from the card]
 *
 * source-card-da.txt
 *   l. 35-37  "** fx genetisk disposition, lavt BMI, immobilisering, højdereduktion, sygdomme og
 *              tilstande, der kan medføre knogletab, faldtendens, glukokortikoidbehandling,
 *              rygning. Se kapitel 4 i DSAM-vejledning."
 *   l. 123    https://www.dsam.dk/vejledninger/osteoporose/4-hvornar-overvejes-udredning-for-osteoporose
 *   l. 14-15  "OBS: D-vitamin bør være i niveau før DXA-skanning (ellers risiko for overdiagnosticering)"
 *
 * When: a patient in population, not on treatment, with at least one risk factor (glucocorticoid
 *       treatment or exposure included), no DXA of a diagnostic site (a calcaneus or humerus scan
 *       is none: terminology.md) within the last `settings.dxaWorkupYears` years
 *       (5 [choice, rules.md]; the boundary day counts as within), and the diagnosis criteria not
 *       met (a T-score ≤ −2.5 or a low-energy / possibly low-energy spine or hip fracture would
 *       already answer the question).
 * Then: suggest a DXA referral (to the department of the previous scan, when known). Vitamin D
 *       first: the latest current 25-OH-D ≤ 50 → also colecalciferol (only when no vitamin D
 *       supplement is current [choice: no duplicate order; the text says raise the dose]); no
 *       current value → also a 25-OH-D lab order. Independent suggestions (`any`).
 * Reasons: the risk factor reasons (`risk-*`).
 */
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import type { Reason } from '../../contract/topics.js';
import { hasDiagnosticDxaWithinYears, latestDiagnosticScan } from '../predicates/dxa.js';
import { labFinding } from '../predicates/findings.js';
import { diagnosisCriteria } from '../predicates/indication.js';
import { atOrBelow, currentDeciding, decidesVitaminDCheck, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import { currentVitaminDSupplements } from '../predicates/medication.js';
import { riskFactors } from '../predicates/risk-factors.js';
import { initiationHeld, pauseState } from '../predicates/care-state.js';
import { isChoosingTreatment, unique } from './applies.js';

export const dxaWorkupSuggested: PatientRule<'dxa-workup-suggested'> = (ctx) => {
  // v2: held back while denosumab is unresolved and in any pause (a pause that ended speaks
  // through `treatment-indicated`, reason `pause-ended`) [choice].
  if (!isChoosingTreatment(ctx) || initiationHeld(ctx) || pauseState(ctx) !== undefined) return undefined;
  const { facts, settings } = ctx;
  const risks = riskFactors(facts, settings);
  if (risks.length === 0) return undefined;
  if (hasDiagnosticDxaWithinYears(facts, settings.dxaWorkupYears)) return undefined;
  if (diagnosisCriteria(facts, settings) !== undefined) return undefined;

  const reasons: Reason[] = risks.map((r) => r.reason);
  const findings: Finding[] = risks.flatMap((r) => r.findings);
  const evidence = risks.flatMap((r) => r.evidence);

  // A calcaneus scan two months ago is not named as the latest DXA beside "no recent DXA".
  const previous = latestDiagnosticScan(facts);
  findings.push(previous === undefined ? { kind: 'dxa' } : { kind: 'dxa', date: previous.date, ...(previous.performer === undefined ? {} : { performer: previous.performer }), ...(previous.refs[0] === undefined ? {} : { ref: previous.refs[0] }) });
  const suggestions: SuggestionSpec[] = [previous?.performer === undefined ? { kind: 'dxa' } : { kind: 'dxa', performer: previous.performer }];

  let vitaminDState: 'ok' | 'low' | 'unknown' = 'ok';
  // A bound that cannot tell "> 50" ("<60") is no current value: vitamin D first, as when unknown.
  const vitaminD = currentDeciding(facts.labs.vitaminD, facts.today, settings.freshnessDays.vitaminD, decidesVitaminDCheck);
  if (vitaminD === undefined) {
    vitaminDState = 'unknown';
    findings.push({ kind: 'lab-missing', lab: 'vitamin-d', withinDays: settings.freshnessDays.vitaminD });
    suggestions.push({ kind: 'lab', lab: 'vitamin-d' });
  } else if (atOrBelow(vitaminD, VITAMIN_D_LIMIT)) {
    vitaminDState = 'low';
    findings.push(labFinding('vitamin-d', vitaminD));
    evidence.push(vitaminD.ref);
    const supplemented = currentVitaminDSupplements(facts).length > 0;
    if (!supplemented) suggestions.push({ kind: 'prescribe', drug: 'colecalciferol' });
  }
  return {
    topic: 'dxa-workup-suggested',
    indicator: 'info',
    reasons: [...new Set(reasons)],
    evidence: unique(evidence.length > 0 ? evidence : [facts.patientRef]),
    findings,
    suggestions,
    selectionBehavior: 'any',
    vitaminD: vitaminDState,
  };
};
