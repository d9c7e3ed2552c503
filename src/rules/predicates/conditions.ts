/** Recorded conditions as the rules ask about them. */
import type { ConditionConcept, ConditionFact, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';

// Indexed loops: the facts' lists are frozen, and V8's `filter` on a frozen array is slow.

export function activeConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  const out: ConditionFact[] = [];
  const all = facts.conditions;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    if (c.active && concepts.includes(c.concept)) out.push(c);
  }
  return out;
}

export function anyConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  const out: ConditionFact[] = [];
  const all = facts.conditions;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    if (concepts.includes(c.concept)) out.push(c);
  }
  return out;
}

/** The latest date the record gives for a condition (abatement, else onset, else recorded). */
export function conditionDate(c: ConditionFact): LocalDate | undefined {
  return c.abatement ?? c.onset ?? c.recorded;
}

/** Active, or dated within the last `months` (abatement, onset or recorded date). */
export function activeOrWithinMonths(facts: PatientFacts, concept: ConditionConcept, months: number): readonly ConditionFact[] {
  const from = addMonths(facts.today, -months);
  const out: ConditionFact[] = [];
  const all = facts.conditions;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    if (c.concept !== concept) continue;
    const d = conditionDate(c);
    if (c.active || (d !== undefined && d >= from)) out.push(c);
  }
  return out;
}
