/**
 * No one-click order of a drug the record says the patient does not tolerate (card l. 22 "2. Valg
 * … utålelige bivirkninger"; rules.md section 1 "recorded intolerance"). A card that offers the
 * second choice (denosumab or zoledronic acid) or alendronate keeps its advice, but the suggestion
 * for the drug with a recorded intolerance goes, and the card names the intolerance in its findings
 * and evidence [choice: the GP still decides, the record's warning is not one click away from being
 * ignored]. Per drug: an intolerance to alendronate says nothing about denosumab, nor an acute-phase
 * reaction to zoledronic acid about alendronate; a class-only entry ("bisfosfonater", ATC M05BA)
 * stands for the oral bisphosphonates (facts: `classOnly`) and bars the zoledronic acid referral too —
 * zoledronic acid is a bisphosphonate of the same ATC group (M05BA08).
 */
import type { DrugId, Intolerance, PatientFacts } from '../facts/types.js';
import type { Recommendation } from '../contract/recommendations.js';
import type { SuggestionSpec } from '../contract/suggestions.js';
import { keepSuggestions } from './kept-suggestions.js';

/** The intolerances that bar a suggestion, if any. */
function barring(s: SuggestionSpec, intolerances: readonly Intolerance[]): readonly Intolerance[] {
  if (s.kind === 'prescribe' && s.drug === 'denosumab-biosimilar') return intolerances.filter((i) => i.drug === 'denosumab');
  // A class-only entry ("bisfosfonater", ATC M05BA) names zoledronic acid's class too [choice, the safer reading].
  if (s.kind === 'referral' && s.to === 'zoledronic-acid') return intolerances.filter((i) => i.drug === 'zoledronic-acid' || i.classOnly === true);
  if (s.kind === 'prescribe' && (s.drug === 'alendronate-tablet' || s.drug === 'alendronate-effervescent')) {
    return intolerances.filter((i) => i.drug === 'alendronate' || (i.classOnly === true && i.drugClass === 'oral-bisphosphonate'));
  }
  return [];
}

/** The drug a barred suggestion would have ordered: the cards name it as not offered (a class-only intolerance names none itself). */
function offeredDrugs(s: SuggestionSpec): readonly DrugId[] {
  if (s.kind === 'prescribe' && s.drug === 'denosumab-biosimilar') return ['denosumab'];
  if (s.kind === 'referral' && s.to === 'zoledronic-acid') return ['zoledronic-acid'];
  if (s.kind === 'prescribe' && (s.drug === 'alendronate-tablet' || s.drug === 'alendronate-effervescent')) return ['alendronate'];
  return [];
}

function withoutIntoleratedDrug(r: Recommendation, intolerances: readonly Intolerance[]): Recommendation {
  const suggestions = r.suggestions;
  if (suggestions === undefined) return r;
  const barred = new Set<Intolerance>();
  const notOffered = new Set<DrugId>(r.notOffered ?? []);
  const kept = suggestions.filter((s) => {
    const found = barring(s, intolerances);
    for (const i of found) barred.add(i);
    if (found.length > 0) for (const drug of offeredDrugs(s)) notOffered.add(drug);
    return found.length === 0;
  });
  if (kept.length === suggestions.length) return r;
  // The recommended drug gone and only the endocrinology referral left: it is the step to take
  // (where another drug is left, the GP chooses; nothing is pre-selected).
  const lostRecommended = suggestions.some((s) => !kept.includes(s) && 'recommended' in s && s.recommended === true);
  const only = kept.length === 1 ? kept[0] : undefined;
  if (lostRecommended && only !== undefined && only.kind === 'referral' && only.to === 'endocrinology') kept[0] = { ...only, recommended: true };
  // Every drug the card offered is one the patient does not tolerate: the specialist is the step left
  // (an anabolic referral left alone is no treatment choice: the clinic referral asks it too, agreement.ts `oneClinic`).
  if (!kept.some((s) => s.kind === 'prescribe' || (s.kind === 'referral' && s.to !== 'anabolic-treatment'))) kept.push({ kind: 'referral', to: 'endocrinology', recommended: true });
  const named = new Set(r.findings.flatMap((f) => (f.kind === 'intolerance' ? [f.ref] : [])));
  const added = [...barred].filter((i) => !named.has(i.ref));
  return {
    ...keepSuggestions(r, kept),
    findings: [...r.findings, ...added.map((i) => ({ kind: 'intolerance' as const, drug: i.drug, ref: i.ref }))],
    evidence: [...new Set([...r.evidence, ...added.map((i) => i.ref)])],
    notOffered: [...notOffered],
  };
}

/**
 * `rx-denosumab-biosimilar` says one thing — the same drug for less — and a biosimilar is denosumab:
 * with a denosumab intolerance on record the card has nothing left to say, and kept it read
 * "prescribe a biosimilar instead" above "denosumab not offered" [choice: the card goes; the
 * record's intolerance is the prescriber's and the EHR's allergy check's to weigh].
 */
function isBiosimilarAdviceBarred(r: Recommendation, intolerances: readonly Intolerance[]): boolean {
  return r.topic === 'rx-denosumab-biosimilar' && intolerances.some((i) => i.drug === 'denosumab');
}

export function withoutIntolerated(recs: readonly Recommendation[], facts: PatientFacts): Recommendation[] {
  if (facts.intolerances.length === 0) return [...recs];
  return recs.filter((r) => !isBiosimilarAdviceBarred(r, facts.intolerances)).map((r) => withoutIntoleratedDrug(r, facts.intolerances));
}
