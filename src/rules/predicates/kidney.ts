/**
 * A bisphosphonate in use while the latest eGFR is at or below the card's limit (rules.md section 3,
 * v2 `endocrinology-referral` `egfr-low`: "hold the bisphosphonate until the specialist has
 * answered" [extension: SmPC, not recommended below 35]). The "continue treatment" cards ask it
 * too, so no card says "continue" beside the referral that says "hold".
 */
import type { Course, Measurement, PatientFacts, Ref } from '../../facts/types.js';
import type { Finding } from '../../contract/findings.js';
import type { NotContinued } from '../../contract/recommendations.js';
import { labFinding } from './findings.js';
import { atOrBelow, decidesEgfrCheck, EGFR_LIMIT, latestDeciding, upTo } from './labs.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { activeOsteoporosisCourses } from './medication.js';

export interface BisphosphonateOnLowEgfr {
  readonly egfr: Measurement;
  /** The oral bisphosphonate and zoledronic acid courses in use. */
  readonly courses: readonly Course[];
}

export function bisphosphonateOnLowEgfr(facts: PatientFacts): BisphosphonateOnLowEgfr | undefined {
  const courses = activeOsteoporosisCourses(facts).filter((c) => c.drugClass === 'oral-bisphosphonate' || c.drugClass === 'zoledronic-acid');
  if (courses.length === 0) return undefined;
  let since: LocalDate | undefined;
  for (const c of courses) if (since === undefined || c.start < since) since = c.start;
  const egfr = latestEgfrAtLimit(facts) ?? (since === undefined ? undefined : heldEgfr(facts, since));
  return egfr === undefined ? undefined : { egfr, courses };
}

/** A repeat at or above this ends the hold a value ≤ 35 began (the falling-eGFR referral's line, settings `egfrFallingBelow`). */
const HOLD_ENDS_AT = 45;
/** How long a value ≤ 35 holds while the repeats stay below HOLD_ENDS_AT. */
const HOLD_MONTHS = 6;

/**
 * The hold a value ≤ 35 began goes on while the repeats stay a little above the limit: the card
 * asks to repeat the eGFR and hold "until the specialist has answered", and 34 then 36 is no
 * answer — it had turned "hold the bisphosphonate, refer" into "continue treatment" [choice: a
 * value ≤ 35 taken on the treatment in the last 6 months with every later one below 45; one at 45
 * or more ends it].
 */
function heldEgfr(facts: PatientFacts, courseStart: LocalDate): Measurement | undefined {
  const values = upTo(facts.labs.egfr, facts.today);
  // Only a value taken on the treatment: one from before the start was the start check's to judge.
  const sixMonths = addMonths(facts.today, -HOLD_MONTHS);
  const from = courseStart > sixMonths ? courseStart : sixMonths;
  for (const v of values) {
    if (v.date < from) return undefined;
    if (atOrBelow(v, EGFR_LIMIT)) return v;
    if (v.value >= HOLD_ENDS_AT && v.comparator !== '<' && v.comparator !== '<=') return undefined;
  }
  return undefined;
}

/** What a "continue" card adds when the kidneys say hold: the eGFR as finding and evidence, and `notContinued`. */
export function kidneyHold(facts: PatientFacts): { readonly refs: readonly Ref[]; readonly findings: readonly Finding[]; readonly notContinued?: NotContinued } {
  const low = bisphosphonateOnLowEgfr(facts);
  return low === undefined ? { refs: [], findings: [] } : { refs: [low.egfr.ref], findings: [labFinding('egfr', low.egfr)], notContinued: 'egfr-low' };
}

/**
 * The latest eGFR when it is at or below the card's limit (card l. 41 "Tjek, at eGFR > 35"): the
 * latest that can tell — a newer "<60" neither fails the check nor clears an older 30 (labs.ts).
 */
export function latestEgfrAtLimit(facts: PatientFacts): Measurement | undefined {
  const egfr = latestDeciding(facts.labs.egfr, facts.today, decidesEgfrCheck);
  return egfr !== undefined && atOrBelow(egfr, EGFR_LIMIT) ? egfr : undefined;
}
