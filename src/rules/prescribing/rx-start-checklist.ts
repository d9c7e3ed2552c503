/**
 * Card (source-card-da.txt), "Før start af antiresorptiv behandling" (l. 51):
 *   l. 41-44  "Tjek, at eGFR > 35 ml/min. Tjek, at der Ikke er hypocalcæmi. Tjek, at
 *              P-25-OH-Vit.D > 50 nmol/L. Mål knoglemarkør ved peroral behandling."
 *   l. 46-49  "Mål patientens højde. Bed patienten om at orientere tandlæge. Overvej tandlægebesøg
 *              før behandlingsstart ved dårlig tandstatus eller manglende kontakt til tandlæge."
 *   l. 67-73  intake of oral treatment ("Skal tages fastende om morgenen …").
 *   l. 140-145 "(P1NP) er primær prøve. CTX anvendes i stedet for P1NP, hvis patient er i
 *              behandling med glukokortikoid … Tag initial KM før behandling … CTX skal tages
 *              fastende før kl. 10"
 *
 * Topic `rx-start-checklist` (rules.md section 4).
 * When: the draft is an antiresorptive and it is the patient's FIRST antiresorptive course: no
 * antiresorptive course of any class in the record, ever [choice: a course long ago makes this a
 * re-start, not a first start; the safety checks have their own cards] — so neither a renewal nor a
 * switch from another antiresorptive.
 * Then: info — the card's checklist before a start. (The eGFR, calcium and 25-OH-D checks have their
 * own cards: rx-egfr-too-low, rx-hypocalcaemia, rx-vitamin-d-low, rx-lab-missing.)
 * Reasons: `baseline-btm-missing` (oral treatment and no baseline marker within
 * `freshnessDays.boneMarkerBaseline` days before the start — P1NP, or CTX when a glucocorticoid is
 * active or prescribed in the same basket [choice: the marker must be the one follow-up will use]),
 * `height-missing` (no height ever recorded), else `first-course`.
 */
import type { BoneMarkerKind } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { markerFinding } from '../predicates/findings.js';
import { latestWithin } from '../predicates/labs.js';
import { ANTIRESORPTIVE_CLASSES } from '../predicates/medication.js';
import type { DraftRule, Finding, SuggestionSpec } from '../types.js';
import { draftEvidence, draftFinding, isAntiresorptiveDraft, otherDrafts, treatmentStart } from './draft.js';

export const rxStartChecklist: DraftRule = (ctx, draft) => {
  const { facts } = ctx;
  if (!isAntiresorptiveDraft(draft)) return undefined;
  if (facts.courses.some((c) => ANTIRESORPTIVE_CLASSES.includes(c.drugClass))) return undefined;

  const reasons: Reason[] = [];
  const findings: Finding[] = [draftFinding(draft)];
  const refs: string[] = [facts.patientRef];
  const suggestions: SuggestionSpec[] = [];

  if (draft.identity.drugClass === 'oral-bisphosphonate') {
    const onGlucocorticoid = facts.glucocorticoid.active || otherDrafts(facts, draft).some((d) => d.identity.drugClass === 'glucocorticoid');
    const kind: BoneMarkerKind = onGlucocorticoid ? 'ctx' : 'p1np';
    const window = ctx.settings.freshnessDays.boneMarkerBaseline;
    const baseline = latestWithin(
      facts.labs.boneMarkers.filter((m) => m.marker === kind),
      treatmentStart(draft, ctx.today),
      window,
    );
    if (baseline === undefined) {
      reasons.push('baseline-btm-missing');
      findings.push({ kind: 'lab-missing', lab: kind, withinDays: window });
      suggestions.push(kind === 'ctx' ? { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' } : { kind: 'lab', lab: 'p1np' });
    } else {
      findings.push(markerFinding(baseline));
      refs.push(baseline.ref);
    }
  }

  if (facts.vitals.height.length === 0) reasons.push('height-missing');
  if (reasons.length === 0) reasons.push('first-course');

  return {
    topic: 'rx-start-checklist',
    indicator: 'info',
    reasons,
    evidence: draftEvidence(draft, refs),
    findings,
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
    draft: draft.ref,
    variant: draft.identity.drugClass,
  };
};
