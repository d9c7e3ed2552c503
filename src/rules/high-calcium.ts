/**
 * No vitamin D in one click beside a high calcium (rules.md section 1 "Hypercalcaemia"; section 2:
 * a high calcium is suspected secondary osteoporosis, referred before any start): calcium and D3
 * raise a high calcium further, so patient-view's `vitamin-d-calcium` withholds them. Any other
 * card's colecalciferol order (a glucocorticoid's bone protection, a combination tablet's lost D3,
 * calcium carbonate beside a PPI) is dropped likewise, the card saying why and naming the value
 * [choice]; the advice to correct a low vitamin D stays, for once the cause is known.
 */
import type { PatientFacts } from '../facts/types.js';
import type { Recommendation } from '../contract/recommendations.js';
import { calciumFinding } from './predicates/findings.js';
import { latestHighCalcium } from './predicates/labs.js';
import { keepSuggestions } from './kept-suggestions.js';

export function withoutVitaminDAtHighCalcium(recs: readonly Recommendation[], facts: PatientFacts): Recommendation[] {
  const high = latestHighCalcium(facts.labs.calcium, facts.today);
  if (high === undefined) return [...recs];
  return recs.map((r) => {
    const suggestions = r.suggestions;
    if (suggestions === undefined || !suggestions.some((s) => s.kind === 'prescribe' && s.drug === 'colecalciferol')) return r;
    const kept = suggestions.filter((s) => !(s.kind === 'prescribe' && s.drug === 'colecalciferol'));
    return {
      ...keepSuggestions(r, kept),
      findings: r.findings.some((f) => f.kind === 'lab' && f.ref === high.ref) ? r.findings : [...r.findings, calciumFinding(high)],
      evidence: [...new Set([...r.evidence, high.ref])],
      vitaminDWithheld: true as const,
    };
  });
}
