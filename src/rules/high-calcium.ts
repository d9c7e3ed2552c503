/**
 * No vitamin D in one click beside a high calcium (rules.md section 1 "Hypercalcaemia"; section 2:
 * a high calcium is suspected secondary osteoporosis, referred before any start): calcium and D3
 * raise a high calcium further, so patient-view's `vitamin-d-calcium` withholds them. Any other
 * card's colecalciferol order (a glucocorticoid's bone protection, a combination tablet's lost D3,
 * calcium carbonate beside a PPI) is dropped likewise, the card saying why and naming the value
 * [choice]; the advice to correct a low vitamin D stays, for once the cause is known. A card whose
 * check failed on a low vitamin D ("giv D-vitamin først", l. 43) is marked likewise, so its words
 * say that vitamin D waits — one folded card said both "vitamin D first" and "no vitamin D".
 */
import type { PatientFacts } from '../facts/types.js';
import type { Recommendation } from '../contract/recommendations.js';
import { calciumFinding } from './predicates/findings.js';
import { latestHighCalcium } from './predicates/labs.js';
import { keepSuggestions } from './kept-suggestions.js';

/** Cards whose words advise vitamin D without a vitamin D reason of their own. */
function advisesVitaminD(r: Recommendation): boolean {
  return r.topic === 'rx-denosumab-schedule' || r.topic === 'vitamin-d-before-dxa' || (r.topic === 'dxa-workup-suggested' && r.vitaminD === 'low');
}

export function withoutVitaminDAtHighCalcium(recs: readonly Recommendation[], facts: PatientFacts): Recommendation[] {
  const high = latestHighCalcium(facts.labs.calcium, facts.today);
  if (high === undefined) return [...recs];
  return recs.map((r) => {
    const suggestions = r.suggestions ?? [];
    const offered = suggestions.some((s) => s.kind === 'prescribe' && s.drug === 'colecalciferol');
    // A failed "25-OH-D > 50" check says "vitamin D first": beside a high calcium it waits too; so
    // does the denosumab schedule's "daily D3 and calcium" (the start checklist beside it says so),
    // and the DXA cards' "replete vitamin D before the scan" (their texts had advised a D3 dose
    // beside the treatment card's "no calcium or vitamin D supplement").
    if (!offered && !r.reasons.includes('vitamin-d-low') && !advisesVitaminD(r)) return r;
    const kept = suggestions.filter((s) => !(s.kind === 'prescribe' && s.drug === 'colecalciferol'));
    return {
      ...(offered ? keepSuggestions(r, kept) : r),
      findings: r.findings.some((f) => f.kind === 'lab' && f.ref === high.ref) ? r.findings : [...r.findings, calciumFinding(high)],
      evidence: [...new Set([...r.evidence, high.ref])],
      ...(offered ? { vitaminDWithheld: true as const } : { vitaminDWaits: true as const }),
    };
  });
}
