/**
 * The draft order as the prescribing rules read it (rules.md section 4): what drug is being
 * prescribed, what else is in the basket, and the parts every card about a draft carries — the
 * draft's reference in the evidence and a `draft` finding in the why-trace.
 */
import type { Course, DraftOrder, DrugClass, DrugId, DrugIdentity, PatientFacts, Ref } from '../../facts/types.js';
import type { LocalDate } from '../../time/local-date.js';
import { activeCourse, currentVitaminDSupplements, isAntiresorptive, OSTEOPOROSIS_CLASSES } from '../predicates/medication.js';
import type { Finding } from '../../contract/findings.js';

/** A draft whose drug the facts stage recognised (by ATC, RxNorm or, as a last resort, its name). */
export type RecognisedDraft = DraftOrder & { readonly identity: DrugIdentity };

export function recognised(draft: DraftOrder): draft is RecognisedDraft {
  return draft.identity !== undefined;
}

/** "Anbefalet antiresorptiv behandling": an oral bisphosphonate, zoledronic acid or denosumab. */
export function isAntiresorptiveDraft(draft: DraftOrder): draft is RecognisedDraft {
  return recognised(draft) && isAntiresorptive(draft.identity.drugClass);
}

export function draftOfClass(draft: DraftOrder, classes: readonly DrugClass[]): draft is RecognisedDraft {
  return recognised(draft) && classes.includes(draft.identity.drugClass);
}

/**
 * Denosumab 120 mg (Xgeva) and zoledronic acid 4 mg (Zometa) are the oncology products of the same
 * drugs (ATC M05BX04, M05BA08), dosed every 4 weeks: another indication, whose schedule and start
 * are the oncologist's [choice]. The card's 6-monthly recall and osteoporosis start checklist are
 * not said about them; the safety checks (calcium, eGFR, labs, duplicates) still are. An unknown
 * dose is taken for the osteoporosis product.
 */
export function oncologyDose(draft: RecognisedDraft): boolean {
  const mg = draft.doseMgPerAdministration;
  const drugClass = draft.identity.drugClass;
  return (drugClass === 'denosumab' && mg === 120) || (drugClass === 'zoledronic-acid' && mg === 4);
}

export function draftOfDrug(draft: DraftOrder, drugs: readonly DrugId[]): draft is RecognisedDraft {
  return recognised(draft) && drugs.includes(draft.identity.drug);
}

/**
 * The other orders in the basket (selected or not): they are context — a PPI draft makes the
 * patient a PPI user, a second antiresorptive draft is a duplicate.
 */
export function otherDrafts(facts: PatientFacts, draft: DraftOrder): readonly RecognisedDraft[] {
  return facts.drafts.filter((d): d is RecognisedDraft => d.ref !== draft.ref && recognised(d));
}

/** The drafts listed before this one in the basket: of two orders of the same drug, the later is the duplicate. */
export function draftsBefore(facts: PatientFacts, draft: DraftOrder): readonly DraftOrder[] {
  const at = facts.drafts.findIndex((d) => d.ref === draft.ref);
  return at < 0 ? [] : facts.drafts.slice(0, at);
}

/** The product is, or contains, vitamin D3 (colecalciferol alone, or a calcium + D3 combination). */
export function containsVitaminD3(identity: DrugIdentity): boolean {
  return identity.drug === 'colecalciferol' || (identity.alsoContains ?? []).includes('colecalciferol');
}

/** A vitamin D3 supplement is taken now, or ordered in the same basket beside this draft. */
export function takesVitaminD(facts: PatientFacts, draft: DraftOrder): boolean {
  return currentVitaminDSupplements(facts).length > 0 || otherDrafts(facts, draft).some((d) => containsVitaminD3(d.identity));
}

/** Another antiresorptive or anabolic order in the basket: bone protection is being prescribed. */
export function osteoporosisDraftInBasket(facts: PatientFacts, draft: DraftOrder): readonly RecognisedDraft[] {
  return otherDrafts(facts, draft).filter((d) => OSTEOPOROSIS_CLASSES.includes(d.identity.drugClass));
}

/** A course of denosumab that is still running (rules.md section 1: active until stopped or 12 months after the last injection). */
export function activeDenosumab(facts: PatientFacts): Course | undefined {
  return activeCourse(facts, 'denosumab');
}

/** "Starts denosumab": a denosumab draft with no active denosumab course (not the next 6-monthly injection). */
export function isDenosumabStart(facts: PatientFacts, draft: RecognisedDraft): boolean {
  return draft.identity.drugClass === 'denosumab' && activeDenosumab(facts) === undefined;
}

/** The day the draft's treatment begins: its start, or today when the draft is back-dated. */
export function treatmentStart(draft: DraftOrder, today: LocalDate): LocalDate {
  return draft.start > today ? draft.start : today;
}

export function draftFinding(draft: DraftOrder): Finding {
  return { kind: 'draft', ref: draft.ref, ...(draft.identity === undefined ? {} : { drug: draft.identity.drug }) };
}

/** Evidence of a draft card: the draft first, then what the decision rested on, without repeats. */
export function draftEvidence(draft: DraftOrder, refs: readonly Ref[]): readonly Ref[] {
  return [...new Set([draft.ref, ...refs])];
}
