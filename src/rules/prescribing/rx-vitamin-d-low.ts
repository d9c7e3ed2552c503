/**
 * Card (source-card-da.txt):
 *   l. 43      "Tjek, at P-25-OH-Vit.D > 50 nmol/L."   (l. 51 "Før start af antiresorptiv behandling")
 *   l. 98-103  "Dagligt tilskud af 20-40 µg D3-vitamin … P-25-OH-Vit.D: 70-125 nmol/L anbefales …
 *               Tjek tidligst efter 3 mdr."
 *
 * Topic `rx-vitamin-d-low` (rules.md section 4).
 * When: the draft starts antiresorptive treatment (v2, "Start or renewal": first course, restart or
 * switch — start-or-renewal.ts), or is any zoledronic acid infusion (checked before each infusion,
 * l. 75), and the latest 25-OH-D, whatever its age (the card shows its date), is ≤ 50 nmol/L
 * (exactly 50 fails the card's "> 50"). Not on renewals of an oral bisphosphonate or denosumab.
 * Then: warning — bring vitamin D up before/with treatment; suggest colecalciferol (unless a
 * vitamin D3 supplement is already current or in the basket: then the text says to check dose
 * and intake instead).
 *       With the latest calcium high: no vitamin D offered, the endocrinology referral instead
 *       (`calciumHigh`) [choice: rules.md section 2, suspected secondary osteoporosis].
 * Reasons: `vitamin-d-low`.
 */
import { calciumFinding, labFinding } from '../predicates/findings.js';
import { atOrBelow, decidesVitaminDCheck, latestDeciding, latestHighCalcium, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import type { DraftRule } from '../types.js';
import { isCurrent } from '../predicates/medication.js';
import { containsVitaminD3, draftEvidence, draftFinding, isAntiresorptiveDraft, otherDrafts } from './draft.js';
import { isStart } from './start-or-renewal.js';


export const rxVitaminDLow: DraftRule<'rx-vitamin-d-low'> = (ctx, draft) => {
  if (!isAntiresorptiveDraft(draft)) return undefined;
  const start = isStart(ctx.facts, draft);
  if (draft.identity.drugClass !== 'zoledronic-acid' && !start) return undefined;
  // The latest 25-OH-D that can tell: a newer "<60" neither fails "> 50" nor clears an older 40 (labs.ts).
  const d = latestDeciding(ctx.facts.labs.vitaminD, ctx.today, decidesVitaminDCheck);
  if (d === undefined || !atOrBelow(d, VITAMIN_D_LIMIT)) return undefined;
  // A vitamin D3 supplement already taken or ordered: alone, in a calcium + D3 combination, or in
  // the drafted product itself (alendronate + colecalciferol).
  const taken = ctx.facts.medications.filter((m) => containsVitaminD3(m.identity) && isCurrent(m, ctx.today)).map((m) => m.ref);
  const supplement = [...taken, ...[draft, ...otherDrafts(ctx.facts, draft)].filter((o) => containsVitaminD3(o.identity)).map((o) => o.ref)];
  const onSupplement = supplement.length > 0;
  // Only ordered now (in this basket or the drafted product): the text says so, not "already has".
  const orderedNow = onSupplement && taken.length === 0 ? { supplementOrderedNow: true as const } : {};
  const finding = labFinding('vitamin-d', d);
  // A high calcium beside the low vitamin D: no vitamin D blindly (it raises calcium further) — the
  // cause first, as patient-view refers for suspected secondary osteoporosis (rules.md section 2) [choice].
  const high = latestHighCalcium(ctx.facts.labs.calcium, ctx.today);
  if (high !== undefined) {
    return {
      topic: 'rx-vitamin-d-low',
      indicator: 'warning',
      reasons: ['vitamin-d-low'],
      evidence: draftEvidence(draft, [d.ref, high.ref, ...supplement]),
      findings: [draftFinding(draft), finding, calciumFinding(high)],
      suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }],
      selectionBehavior: 'any',
      draft: draft.ref,
      vitaminD: finding,
      onSupplement,
      ...orderedNow,
      start,
      calciumHigh: true,
    };
  }
  return {
    topic: 'rx-vitamin-d-low',
    indicator: 'warning',
    reasons: ['vitamin-d-low'],
    evidence: draftEvidence(draft, [d.ref, ...supplement]),
    findings: [draftFinding(draft), finding],
    ...(onSupplement ? {} : { suggestions: [{ kind: 'prescribe', drug: 'colecalciferol', recommended: true }], selectionBehavior: 'any' }),
    draft: draft.ref,
    vitaminD: finding,
    onSupplement,
    ...orderedNow,
    start,
  };
};
