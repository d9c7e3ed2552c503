/**
 * Recorded conditions as the rules ask about them. A condition known only by a catch-all code
 * (`nonSpecific`: ICPC-2 T99 "… IKA" stands for hypocalcaemia and primary hyperparathyroidism among
 * dozens of others) is not the concept: terminology.md §2 "use them only as weak evidence". It is
 * only named where the card asks the GP to look (`risk-factor-review`, `nonSpecificConditions`).
 */
import type { ConditionConcept, ConditionFact, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';

/** The conditions of `concepts` that `keep` admits (an indexed loop: V8's `filter` on the facts' frozen lists is slow). */
function conditionsOf(facts: PatientFacts, concepts: readonly ConditionConcept[], keep: (c: ConditionFact) => boolean): readonly ConditionFact[] {
  const out: ConditionFact[] = [];
  const all = facts.conditions;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    if (concepts.includes(c.concept) && keep(c)) out.push(c);
  }
  return out;
}

export function activeConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  return conditionsOf(facts, concepts, (c) => c.active && c.nonSpecific !== true);
}

export function anyConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  return conditionsOf(facts, concepts, (c) => c.nonSpecific !== true);
}

/** Active conditions of `concepts` known only by a catch-all code: something to ask about. */
export function nonSpecificConditions(facts: PatientFacts, concepts: readonly ConditionConcept[]): readonly ConditionFact[] {
  return conditionsOf(facts, concepts, (c) => c.active && c.nonSpecific === true);
}

/** The latest date the record gives for a condition (abatement, else onset, else recorded). */
export function conditionDate(c: ConditionFact): LocalDate | undefined {
  return c.abatement ?? c.onset ?? c.recorded;
}

/** Card page 1 "Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige". */
export const SERIOUS_SIDE_EFFECTS: readonly ConditionConcept[] = ['osteonecrosis-of-jaw', 'atypical-femoral-fracture'];

/**
 * Osteonecrosis of the jaw or an atypical femoral fracture ever recorded (card p. 1 "meget sjældne,
 * men alvorlige"): every antiresorptive the card offers can cause them, so the cards that would
 * start or switch one leave the choice to the endocrinologist (an antiresorptive the record does
 * not show may have caused it) [choice].
 */
export function seriousSideEffectsOnRecord(facts: PatientFacts): readonly ConditionFact[] {
  return anyConditions(facts, SERIOUS_SIDE_EFFECTS);
}

/**
 * Osteonecrosis of the jaw or an atypical femoral fracture that arose on treatment: dated (onset,
 * else recorded) on or after `since`, or undated [choice: the safer reading — a patient on
 * treatment with such a record is referred].
 */
export function seriousSideEffectsSince(facts: PatientFacts, since: LocalDate): readonly ConditionFact[] {
  return anyConditions(facts, SERIOUS_SIDE_EFFECTS).filter((c) => {
    const date = c.onset ?? c.recorded;
    return date === undefined || date >= since;
  });
}

/** Active, or dated within the last `months` (abatement, onset or recorded date). */
export function activeOrWithinMonths(facts: PatientFacts, concept: ConditionConcept, months: number): readonly ConditionFact[] {
  const from = addMonths(facts.today, -months);
  const out: ConditionFact[] = [];
  const all = facts.conditions;
  for (let i = 0; i < all.length; i++) {
    const c = all[i]!;
    if (c.concept !== concept || c.nonSpecific === true) continue;
    const d = conditionDate(c);
    if (c.active || (d !== undefined && d >= from)) out.push(c);
  }
  return out;
}
