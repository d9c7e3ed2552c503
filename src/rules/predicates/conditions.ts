/** Recorded conditions as the rules ask about them. */
import type { ConditionConcept, ConditionFact, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';

export function activeConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  return facts.conditions.filter((c) => c.active && concepts.includes(c.concept));
}

export function anyConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  return facts.conditions.filter((c) => concepts.includes(c.concept));
}

/** The latest date the record gives for a condition (abatement, else onset, else recorded). */
export function conditionDate(c: ConditionFact): LocalDate | undefined {
  return c.abatement ?? c.onset ?? c.recorded;
}

/** Active, or dated within the last `months` (abatement, onset or recorded date). */
export function activeOrWithinMonths(facts: PatientFacts, concept: ConditionConcept, months: number): readonly ConditionFact[] {
  const from = addMonths(facts.today, -months);
  return facts.conditions.filter((c) => {
    if (c.concept !== concept) return false;
    if (c.active) return true;
    const d = conditionDate(c);
    return d !== undefined && d >= from;
  });
}
