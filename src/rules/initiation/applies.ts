/**
 * Who section 2 of rules.md ("patient-view — choosing treatment", card page 1) speaks to, and the
 * card's fixed limits for the checks before treatment.
 *
 * source-card-da.txt l. 17: "postmenopausale kvinder og mænd over 60 år" — and page 1 is about
 * *choosing* treatment, so its rules apply to patients in population who are not on treatment
 * (rules.md section 2 header; `vitamin-d-calcium` is the one row that also covers patients on
 * treatment).
 */
import type { Ref } from '../../facts/types.js';
import { isOnTreatment } from '../predicates/medication.js';
import { inPopulation } from '../predicates/population.js';
import type { RuleContext } from '../types.js';

/** l. 100 "P-25-OH-Vit.D: 70-125 nmol/L anbefales." */
export const VITAMIN_D_TARGET = 70;

/** In population (l. 17) and not on osteoporosis treatment: the patient is choosing treatment. */
export function isChoosingTreatment({ facts, settings }: RuleContext): boolean {
  return inPopulation(facts, settings) && !isOnTreatment(facts);
}

/** References once each, in first-seen order. */
export function unique(refs: readonly Ref[]): Ref[] {
  return [...new Set(refs)];
}
