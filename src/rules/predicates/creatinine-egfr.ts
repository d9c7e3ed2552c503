/**
 * A creatinine held to the card's kidney check (l. 41 "Tjek, at eGFR > 35 ml/min"), for the test
 * before a zoledronic acid infusion (l. 75 "P-calcium, -kreatinin og -25-OH-Vit.D"; rules.md
 * "creatinine/eGFR"): the eGFR the lab would report with it, by CKD-EPI 2021 (race-free; KDIGO's
 * equation, the one Danish labs report) from the patient's sex and age on the day
 * [extension: the card names creatinine and judges eGFR]. Without a sex the equation knows, an
 * adult age, or a creatinine that decides (a lower bound "> 150" says nothing), it shows nothing:
 * the eGFR is asked for.
 */
import type { Measurement, PatientFacts } from '../../facts/types.js';
import { yearsBetween } from '../../time/local-date.js';
import { latestEgfrAtLimit } from './kidney.js';
import { currentDeciding, decidesEgfrCheck, EGFR_LIMIT, latestWithin } from './labs.js';

const UMOL_PER_MG_DL = 88.42;

/** CKD-EPI 2021 (Inker et al., NEJM 2021), creatinine in µmol/L: mL/min/1.73 m². */
export function ckdEpi2021(creatinineUmolL: number, ageYears: number, female: boolean): number {
  const scr = creatinineUmolL / UMOL_PER_MG_DL;
  const kappa = female ? 0.7 : 0.9;
  const alpha = female ? -0.241 : -0.302;
  const ratio = scr / kappa;
  return 142 * Math.min(ratio, 1) ** alpha * Math.max(ratio, 1) ** -1.2 * 0.9938 ** ageYears * (female ? 1.012 : 1);
}

/** Whether the creatinine shows eGFR > 35 (a bound counts only where every value it allows does). */
export function creatinineShowsEgfrAboveLimit(facts: PatientFacts, creatinine: Measurement): boolean {
  if (facts.sex !== 'female' && facts.sex !== 'male') return false;
  if (facts.birthDate === undefined || creatinine.date < facts.birthDate) return false;
  const age = yearsBetween(facts.birthDate, creatinine.date);
  if (age < 18 || !(creatinine.value > 0)) return false;
  // A higher creatinine is a lower eGFR: only "<" and "≤" bounds (the value or less) can show it above.
  if (creatinine.comparator === '>' || creatinine.comparator === '>=') return false;
  return ckdEpi2021(creatinine.value, age, facts.sex === 'female') > EGFR_LIMIT;
}

/**
 * The kidney test before an infusion (within `days`): nothing missing when an eGFR decides the check
 * or, with no eGFR of those days, the creatinine shows "> 35"; `creatinine` when neither value is
 * there (the card's "-kreatinin"); `eGFR` beside a creatinine that does not show it. The estimate
 * overrules no eGFR: not one of those days that cannot decide ("<60"), nor an older latest eGFR at or
 * below 35 (the infusion is held for it; an eGFR answers it).
 */
export function kidneyTestMissing(facts: PatientFacts, days: number): 'creatinine' | 'egfr' | undefined {
  const { labs, today } = facts;
  if (currentDeciding(labs.egfr, today, days, decidesEgfrCheck) !== undefined) return undefined;
  const creatinine = latestWithin(labs.creatinine, today, days);
  if (creatinine === undefined) return 'creatinine';
  if (latestWithin(labs.egfr, today, days) !== undefined || latestEgfrAtLimit(facts) !== undefined) return 'egfr';
  return creatinineShowsEgfrAboveLimit(facts, creatinine) ? undefined : 'egfr';
}
