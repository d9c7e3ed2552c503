/**
 * Treatment status in the guideline's words (rules.md section 1 "On treatment").
 * The facts stage builds the unbroken courses and their status; these predicates read them.
 */
import type { Course, DrugClass, DrugId, MedicationRecord, PatientFacts } from '../../facts/types.js';
import { addYears, daysBetween, decimalYears, type LocalDate } from '../../time/local-date.js';

/** "Anbefalet antiresorptiv behandling": bisphosphonates and denosumab. */
export const ANTIRESORPTIVE_CLASSES: readonly DrugClass[] = ['oral-bisphosphonate', 'zoledronic-acid', 'denosumab'];

/** Osteoporosis treatment that makes a patient "on treatment". */
export const OSTEOPOROSIS_CLASSES: readonly DrugClass[] = [...ANTIRESORPTIVE_CLASSES, 'anabolic'];

export function isAntiresorptive(drugClass: DrugClass): boolean {
  return ANTIRESORPTIVE_CLASSES.includes(drugClass);
}

export function activeCourse(facts: PatientFacts, drugClass: DrugClass): Course | undefined {
  return facts.courses.find((c) => c.drugClass === drugClass && c.status === 'active');
}

/** The newest course of a class, whatever its status. */
export function latestCourse(facts: PatientFacts, drugClass: DrugClass): Course | undefined {
  let best: Course | undefined;
  for (const c of facts.courses) if (c.drugClass === drugClass && (best === undefined || c.lastDose > best.lastDose)) best = c;
  return best;
}

export function activeOsteoporosisCourses(facts: PatientFacts): readonly Course[] {
  return facts.courses.filter((c) => c.status === 'active' && OSTEOPOROSIS_CLASSES.includes(c.drugClass));
}

export function isOnTreatment(facts: PatientFacts): boolean {
  return activeOsteoporosisCourses(facts).length > 0;
}

/** Any osteoporosis drug in the record, active or not. */
export function hasOsteoporosisDrugHistory(facts: PatientFacts): boolean {
  return facts.courses.some((c) => OSTEOPOROSIS_CLASSES.includes(c.drugClass));
}

/** "Years of oral bisphosphonate" adds up all oral bisphosphonate courses (rules.md section 1). */
export function oralBisphosphonateYears(facts: PatientFacts): number {
  let days = 0;
  for (const c of facts.courses) if (c.drugClass === 'oral-bisphosphonate') days += c.durationDays;
  return decimalYears(days);
}

/**
 * At least `years` of oral bisphosphonate, all courses added up. Compared in days against the last
 * `years` calendar years, so one course started exactly 5 years ago today counts as 5 years
 * (a division by 365.25 would make it 4.999).
 */
export function oralBisphosphonateYearsReached(facts: PatientFacts, years: number): boolean {
  let days = 0;
  for (const c of facts.courses) if (c.drugClass === 'oral-bisphosphonate') days += c.durationDays;
  return days >= daysBetween(addYears(facts.today, -years), facts.today);
}

/** A medication record in use today: active (or with a supply reaching today), not stopped. */
export function isCurrent(m: MedicationRecord, today: LocalDate): boolean {
  if (m.start > today) return false;
  if (m.status === 'stopped' || m.status === 'cancelled' || m.status === 'entered-in-error' || m.status === 'not-taken') return false;
  if (m.end !== undefined) return m.end >= today;
  return m.status === 'active';
}

export function currentMedications(facts: PatientFacts, drugs: readonly DrugId[]): readonly MedicationRecord[] {
  return facts.medications.filter((m) => drugs.includes(m.identity.drug) && isCurrent(m, facts.today));
}
