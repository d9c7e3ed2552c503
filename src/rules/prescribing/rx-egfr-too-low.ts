/**
 * Card (source-card-da.txt):
 *   l. 41      "Tjek, at eGFR > 35 ml/min."                       (l. 51 "Før start af antiresorptiv behandling")
 *   l. 229-230 "Progredierende nyrefunktionstab og inden eGFR er under 35 ml/min."  (l. 249-250 "Henvisning til endokrinolog ved")
 *
 * Topic `rx-egfr-too-low` (rules.md section 4).
 * When: the draft is an antiresorptive and the latest eGFR, whatever its age [choice: an old low
 * value still counts — safer], is ≤ 35 mL/min (exactly 35 fails the card's "> 35"; a reported
 * ">90" never does).
 * Then: critical for an oral bisphosphonate or zoledronic acid (also contraindicated in their SmPC):
 * replace the draft by a referral to endocrinology; warning for a denosumab start (refer). Nothing
 * for the next injection of a running denosumab course (not a start).
 * A barred bisphosphonate that was to follow denosumab (no follow-on holds, follow-up/denosumab.ts)
 * leaves the patient with no follow-on at all: l. 81-82 "Hvis denosumab seponeres, SKAL anden
 * behandling igangsættes". The card then names the last injection and the 7-month limit (l. 79
 * "Der må max gå 7 måneder") the referral must beat (`afterDenosumab`) [choice].
 * Reasons: `egfr-low`.
 */
import { courseFinding, labFinding } from '../predicates/findings.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { latestWithin } from '../predicates/labs.js';
import type { DraftRule } from '../types.js';
import { followingDenosumab } from './denosumab-follow-on.js';
import { draftEvidence, draftFinding, isAntiresorptiveDraft, isDenosumabStart } from './draft.js';

export const rxEgfrTooLow: DraftRule<'rx-egfr-too-low'> = (ctx, draft) => {
  const { facts } = ctx;
  if (!isAntiresorptiveDraft(draft)) return undefined;
  const denosumab = draft.identity.drugClass === 'denosumab';
  if (denosumab && !isDenosumabStart(facts, draft)) return undefined;

  const egfr = latestEgfrAtLimit(facts);
  if (egfr === undefined) return undefined;

  const finding = labFinding('egfr', egfr);
  const previous = denosumab ? undefined : followingDenosumab(ctx);
  // README "the newest value whatever its age (a fresh one is also asked for)": a years-old low eGFR
  // still bars the start, and the card asks for a new one beside the referral.
  const notCurrent = latestWithin(facts.labs.egfr, ctx.today, ctx.settings.freshnessDays.egfr) === undefined;
  return {
    topic: 'rx-egfr-too-low',
    indicator: denosumab ? 'warning' : 'critical',
    reasons: ['egfr-low'],
    evidence: draftEvidence(draft, [egfr.ref, ...(previous?.course.refs ?? [])]),
    findings: [draftFinding(draft), finding, ...(previous === undefined ? [] : [courseFinding(previous.course, ctx.today)])],
    suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true, ...(denosumab ? {} : { replacesDraft: draft.ref }) }, ...(notCurrent ? [{ kind: 'lab' as const, lab: 'egfr' as const }] : [])],
    selectionBehavior: notCurrent ? 'any' : 'at-most-one',
    draft: draft.ref,
    egfr: finding,
    denosumabStart: denosumab,
    ...(notCurrent ? { notCurrent: true as const } : {}),
    ...(previous === undefined
      ? {}
      : { afterDenosumab: { lastInjection: previous.lastInjection, latestInTime: previous.latestInTime, overdue: previous.latestInTime < ctx.today } }),
  };
};
