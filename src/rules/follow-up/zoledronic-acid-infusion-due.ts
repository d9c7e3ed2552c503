/**
 * Topic `zoledronic-acid-infusion-due` — source-card-da.txt:
 *
 * l. 59-60 "Zoledronsyre (fx Aclasta) 5 mg i.v. årligt"
 * l. 75-76 "P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion. Typisk
 *          behandling på hospital."
 *
 * When: the latest zoledronic acid course is active (rules.md section 1: until stopped or 24 months
 *       after the last infusion) and at least 11 months [choice, settings.zoledronicDueMonths] have
 *       passed since the last infusion (the day itself counts).
 * Then: info — the yearly infusion is coming; P-calcium, creatinine or eGFR (l. 41 "Tjek, at
 *       eGFR > 35": a creatinine alone counts when the eGFR it gives is above 35, as in
 *       rx-lab-missing) and 25-OH-D within 30 days before it: one suggestion ordering the missing
 *       ones. A low latest calcium or a latest 25-OH-D ≤ 50 nmol/L is to be corrected before the
 *       infusion; the calcium is tested again
 *       now, the 25-OH-D no earlier than 3 months after the supplement (l. 101-103). A current
 *       value that is a bound its check cannot be decided by ("<60" for "eGFR > 35") counts as
 *       missing (labs.ts `currentDeciding`; the card names it as not used).
 *       The days count from today [choice]; when every test is in but the oldest will be past the
 *       window on a due day still to come, the card names the last infusion day they cover.
 * Reasons: `infusion-due`, `calcium-missing`, `creatinine-missing`, `egfr-missing`, `vitamin-d-missing`,
 *          `hypocalcaemia`, `vitamin-d-low`.
 */
import type { Ref } from '../../facts/types.js';
import { addDays, addMonths } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { calciumFinding, labFinding, lastDoseFinding } from '../predicates/findings.js';
import { kidneyTest, newerCreatinineOf } from '../predicates/creatinine-egfr.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { atOrBelow, currentCalcium, currentDeciding, decidesEgfrCheck, decidesVitaminDCheck, latestDeciding, latestLowCalcium, latestWithin, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import { latestCourse } from '../predicates/medication.js';
import type { PatientRule } from '../types.js';
import type { Finding, LabOrder } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';

/** "5 mg i.v. årligt": the infusion is due, then past due from the day after. */
export const INFUSION_INTERVAL_MONTHS = 12;

export const zoledronicAcidInfusionDue: PatientRule<'zoledronic-acid-infusion-due'> = (ctx) => {
  const { facts, today, settings } = ctx;
  const course = latestCourse(facts, 'zoledronic-acid');
  if (course?.status !== 'active') return undefined;
  if (today < addMonths(course.lastDose, settings.zoledronicDueMonths)) return undefined;

  const days = settings.freshnessDays.beforeInfusion;
  const due = addMonths(course.lastDose, INFUSION_INTERVAL_MONTHS);
  const overdue = due < today;
  const reasons: Reason[] = ['infusion-due'];
  const findings: Finding[] = [
    lastDoseFinding(course, today),
    { kind: 'due-date', what: 'zoledronic-acid-infusion', date: due, ...(overdue ? { past: true as const } : {}) },
  ];
  const evidence: Ref[] = [...course.refs];
  const missing: LabOrder[] = [];

  const calcium = currentCalcium(facts.labs.calcium, today, days);
  if (calcium === undefined) {
    reasons.push('calcium-missing');
    missing.push('calcium');
  } else {
    findings.push(calciumFinding(calcium));
    evidence.push(calcium.ref);
  }
  // "-kreatinin" (l. 75; rules.md "creatinine/eGFR") within the window: a creatinine or an eGFR.
  // It is held to l. 41 "Tjek, at eGFR > 35 ml/min": an eGFR as it stands, a creatinine alone by
  // the eGFR it gives (creatinine-egfr.ts); one that does not show "> 35" (a creatinine of 250) is
  // shown, and the eGFR asked for, as rx-lab-missing does — the card never says the tests are in.
  const kidney = kidneyTest(facts, days);
  if (kidney.missing !== undefined) {
    reasons.push(kidney.missing === 'egfr' ? 'egfr-missing' : 'creatinine-missing');
    missing.push(kidney.missing);
  }
  const creatinine = latestWithin(facts.labs.creatinine, today, days);
  if (creatinine !== undefined) {
    findings.push(labFinding('creatinine', creatinine));
    evidence.push(creatinine.ref);
  }
  const egfr = currentDeciding(facts.labs.egfr, today, days, decidesEgfrCheck);
  if (egfr !== undefined) {
    findings.push(labFinding('egfr', egfr));
    evidence.push(egfr.ref);
  }
  const vitaminD = currentDeciding(facts.labs.vitaminD, today, days, decidesVitaminDCheck);
  if (vitaminD === undefined) {
    reasons.push('vitamin-d-missing');
    missing.push('vitamin-d');
  } else {
    findings.push(labFinding('vitamin-d', vitaminD));
    evidence.push(vitaminD.ref);
  }
  const low = latestEgfrAtLimit(facts);
  if (low !== undefined && low !== egfr) {
    findings.push(labFinding('egfr', low));
    evidence.push(low.ref);
  }
  // l. 42-43, held before every infusion: a low latest calcium or 25-OH-D ≤ 50, whatever its age,
  // is corrected first [choice: reasons `hypocalcaemia`, `vitamin-d-low`]. A low calcium is tested
  // again now; a low 25-OH-D is not: a supplement shows "efter 3 mdr." and is checked "tidligst
  // efter 3 mdr." (l. 101-103, as pretreatment-checks) — one within the window is the test before
  // the infusion, and an older one is ordered as missing.
  const recheck: LabOrder[] = [];
  const lowCalcium = latestLowCalcium(facts.labs.calcium, today);
  if (lowCalcium !== undefined) {
    reasons.push('hypocalcaemia');
    if (lowCalcium !== calcium) findings.push(calciumFinding(lowCalcium));
    evidence.push(lowCalcium.ref);
    recheck.push('calcium');
  }
  const latestD = latestDeciding(facts.labs.vitaminD, today, decidesVitaminDCheck);
  const lowD = latestD !== undefined && atOrBelow(latestD, VITAMIN_D_LIMIT) ? latestD : undefined;
  if (lowD !== undefined) {
    reasons.push('vitamin-d-low');
    if (lowD !== vitaminD) findings.push(labFinding('vitamin-d', lowD));
    evidence.push(lowD.ref);
  }
  const newer = kidney.contradicted;
  findings.push(...missing.map((lab): Finding => ({ kind: 'lab-missing', lab, withinDays: days, ...(lab === 'egfr' && newer !== undefined ? { newerCreatinine: newerCreatinineOf(newer.creatinine) } : {}) })));
  const orders = [...new Set([...missing, ...recheck])];
  // Every test in, but an infusion still to come may fall after the oldest has passed the window:
  // the card names the last infusion day they cover rather than saying only "prøverne foreligger".
  const used = [calcium, egfr ?? creatinine, vitaminD].flatMap((v) => (v === undefined ? [] : [v.date])).sort();
  const oldest = missing.length > 0 || overdue ? undefined : used[0];
  const covered = oldest === undefined ? undefined : addDays(oldest, days);
  const holdUntil = covered !== undefined && covered < due ? covered : undefined;
  const suggestions: SuggestionSpec[] = orders.length === 0 ? [] : [{ kind: 'labs', labs: orders, note: 'before-infusion' }];
  return {
    topic: 'zoledronic-acid-infusion-due',
    indicator: 'info',
    reasons,
    evidence: [...new Set(evidence)],
    findings,
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
    due,
    overdue,
    labsWithinDays: days,
    missingLabs: missing,
    ...(holdUntil === undefined ? {} : { labsHoldUntil: holdUntil }),
    // Card l. 41 "Tjek, at eGFR > 35": an eGFR at or below it (the latest, whenever taken) holds the infusion.
    ...(low === undefined ? {} : { egfrLow: true }),
    ...(lowCalcium === undefined ? {} : { calciumLow: true as const }),
    ...(lowD === undefined ? {} : { vitaminDLow: true as const }),
  };
};
