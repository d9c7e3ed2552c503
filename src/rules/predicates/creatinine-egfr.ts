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
import { yearsBetween, type LocalDate } from '../../time/local-date.js';
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

/** The patient the equation knows: a sex it has a constant for and a birth date (the age is the sample's). */
function estimable(facts: PatientFacts): boolean {
  return (facts.sex === 'female' || facts.sex === 'male') && facts.birthDate !== undefined;
}

/** The eGFR a creatinine gives for an adult with a birth date (the age the sample's), by the woman's or the man's constants. */
function estimate(facts: PatientFacts, creatinine: Measurement, female: boolean): number | undefined {
  if (facts.birthDate === undefined || creatinine.date < facts.birthDate || !(creatinine.value > 0)) return undefined;
  const age = yearsBetween(facts.birthDate, creatinine.date);
  return age < 18 ? undefined : ckdEpi2021(creatinine.value, age, female);
}

/** Whether the creatinine shows eGFR > 35 (a bound counts only where every value it allows does). */
export function creatinineShowsEgfrAboveLimit(facts: PatientFacts, creatinine: Measurement): boolean {
  // A higher creatinine is a lower eGFR: only "<" and "≤" bounds (the value or less) can show it above.
  if (!estimable(facts) || creatinine.comparator === '>' || creatinine.comparator === '>=') return false;
  const egfr = estimate(facts, creatinine, facts.sex === 'female');
  return egfr !== undefined && egfr > EGFR_LIMIT;
}

/** What the kidney test before an infusion lacks; `contradicted`: the current eGFR a newer creatinine puts in doubt. */
export interface KidneyTest {
  readonly missing?: 'creatinine' | 'egfr';
  readonly contradicted?: { readonly creatinine: Measurement; readonly egfr: Measurement };
}

/**
 * The kidney test before an infusion (within `days`): nothing missing when an eGFR decides the check
 * or, where the estimate may stand in, the creatinine shows "> 35". The estimate overrules no eGFR —
 * not one of those days that cannot decide ("<60"), nor an older latest eGFR at or below 35 (the
 * infusion is held for it) — and needs a patient the equation knows: otherwise the eGFR is what is
 * missing, with or without a creatinine. With neither value and the estimate able to stand in, the
 * card's "-kreatinin" is. Beside a current eGFR, a newer creatinine that gives 35 or less asks for a
 * new eGFR (`contradicted`): 250 µmol/L after an eGFR of 45 must not pass.
 */
export function kidneyTest(facts: PatientFacts, days: number): KidneyTest {
  const { labs, today } = facts;
  const creatinine = latestWithin(labs.creatinine, today, days);
  const egfr = currentDeciding(labs.egfr, today, days, decidesEgfrCheck);
  if (egfr !== undefined) {
    const contradicted = creatinine === undefined ? undefined : newerCreatinineAtLimit(facts, creatinine, egfr);
    return contradicted === undefined ? {} : { missing: 'egfr', contradicted };
  }
  const standsIn = estimable(facts) && latestWithin(labs.egfr, today, days) === undefined && latestEgfrAtLimit(facts) === undefined;
  if (!standsIn) return { missing: 'egfr' };
  if (creatinine === undefined) return { missing: 'creatinine' };
  return creatinineShowsEgfrAboveLimit(facts, creatinine) ? {} : { missing: 'egfr' };
}

/**
 * Before any antiresorptive start (card l. 41 "Tjek, at eGFR > 35 ml/min"): the current eGFR
 * (within `days`) and a newer creatinine, within them too, that gives 35 or less — that eGFR is no
 * longer current (an alendronate start had passed where the zoledronic acid infusion stopped).
 */
export function egfrContradicted(facts: PatientFacts, days: number): KidneyTest['contradicted'] {
  const egfr = currentDeciding(facts.labs.egfr, facts.today, days, decidesEgfrCheck);
  const creatinine = egfr === undefined ? undefined : latestWithin(facts.labs.creatinine, facts.today, days);
  return egfr === undefined || creatinine === undefined ? undefined : newerCreatinineAtLimit(facts, creatinine, egfr);
}

/**
 * Before any antiresorptive start with no current eGFR: the current creatinine (within `days`) when
 * it gives 35 or less — with no sex the equation knows, the woman's estimate, as below. A start had
 * been proposed beside 230 µmol/L with only "eGFR missing" to say why not yet.
 */
export function creatinineAloneAtLimit(facts: PatientFacts, days: number): Measurement | undefined {
  if (currentDeciding(facts.labs.egfr, facts.today, days, decidesEgfrCheck) !== undefined) return undefined;
  const creatinine = latestWithin(facts.labs.creatinine, facts.today, days);
  if (creatinine === undefined || creatinine.comparator === '<' || creatinine.comparator === '<=') return undefined;
  const estimated = estimate(facts, creatinine, facts.sex !== 'male');
  return estimated !== undefined && estimated <= EGFR_LIMIT ? creatinine : undefined;
}

/**
 * The creatinine when it is newer than the current eGFR and gives 35 or less: kidney function may
 * have fallen since the eGFR (rx-egfr-too-low judges eGFRs only). With no sex the equation knows,
 * the lower of its two estimates (the woman's) is held to 35: an eGFR asked for costs little, an
 * infusion below the limit does not.
 */
function newerCreatinineAtLimit(facts: PatientFacts, creatinine: Measurement, egfr: Measurement): KidneyTest['contradicted'] {
  // "<V" may be any lower value (a higher eGFR): it cannot show 35 or less; ">V" can.
  if (creatinine.date <= egfr.date || creatinine.comparator === '<' || creatinine.comparator === '<=') return undefined;
  const estimated = estimate(facts, creatinine, facts.sex !== 'male');
  return estimated !== undefined && estimated <= EGFR_LIMIT ? { creatinine, egfr } : undefined;
}

/** The `lab-missing` finding's note of that creatinine (its comparator too: ">200" is shown so). */
export function newerCreatinineOf(m: Measurement): { readonly value: number; readonly date: LocalDate; readonly comparator?: string } {
  return { value: m.value, date: m.date, ...(m.comparator === undefined ? {} : { comparator: m.comparator }) };
}
