/**
 * Card (source-card-da.txt):
 *   l. 42  "Tjek, at der Ikke er hypocalcæmi."   (l. 51 "Før start af antiresorptiv behandling")
 *   l. 80  "P-calcium kontrolleres forud for injektion."  (denosumab)
 *   l. 75  "P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion."  (zoledronic acid)
 *
 * Topic `rx-hypocalcaemia` (rules.md section 4).
 * When: the draft is an antiresorptive (oral bisphosphonate, zoledronic acid or denosumab) and the
 * latest calcium, whatever its age, is low — any kind of the latest day: a normal total calcium
 * does not hide a low ionised one taken with it (below the lab's reference range or flagged L/LL;
 * without a range total/corrected < 2.15, ionised < 1.18 mmol/L — rules.md section 1).
 * Then: critical — correct the hypocalcaemia before treatment; order calcium and 25-OH-D; remove the
 * draft (one click).
 * A denosumab injection in a running course (l. 78-79 "Der må max gå 7 måneder") is held, not
 * dropped: the card names the last injection and the day 7 months after it, by which calcium must be
 * corrected and the injection given; past that day the course is already overdue, and the
 * endocrinology referral is suggested beside the tests [choice, as `denosumab-overdue` with a low
 * calcium] — stopping denosumab without a follow-on plan gives rapid bone loss (l. 80-82).
 * Reasons: `hypocalcaemia`.
 */
import type { Finding, LabOrder } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { addMonths, monthsBetween, type LocalDate } from '../../time/local-date.js';
import { calciumFinding, labFinding } from '../predicates/findings.js';
import { atOrBelow, currentDeciding, decidesVitaminDCheck, latestLowCalcium, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import { MAX_INTERVAL_MONTHS } from '../follow-up/denosumab.js';
import type { DraftRule, RuleContext } from '../types.js';
import { draftEvidence, draftFinding, draftOfClass, isAntiresorptiveDraft, oncologyDose, type RecognisedDraft } from './draft.js';
import { lastInjection } from './rx-dose-interval.js';
import { followingDenosumab } from './denosumab-follow-on.js';

/** A denosumab injection of a running course held for a low calcium: its last injection and the 7-month limit. */
export interface HeldInjection {
  readonly last: { readonly date: LocalDate; readonly ref: string };
  /** Last injection + 7 months ("max 7 måneder"): the injection is overdue from the day after. */
  readonly latestInTime: LocalDate;
  readonly overdue: boolean;
}

export function heldDenosumabInjection(ctx: RuleContext, draft: RecognisedDraft): HeldInjection | undefined {
  if (!draftOfClass(draft, ['denosumab']) || oncologyDose(draft)) return undefined;
  if (latestLowCalcium(ctx.facts.labs.calcium, ctx.today) === undefined) return undefined;
  const last = lastInjection(ctx.facts, draft);
  if (last === undefined) return undefined;
  const latestInTime = addMonths(last.date, MAX_INTERVAL_MONTHS);
  return { last, latestInTime, overdue: ctx.today > latestInTime };
}

export const rxHypocalcaemia: DraftRule<'rx-hypocalcaemia'> = (ctx, draft) => {
  if (!isAntiresorptiveDraft(draft)) return undefined;
  const ca = latestLowCalcium(ctx.facts.labs.calcium, ctx.today);
  if (ca === undefined) return undefined;
  const finding = calciumFinding(ca);
  const held = heldDenosumabInjection(ctx, draft);
  const findings: Finding[] = [draftFinding(draft), finding];
  // The order must not be signed as it stands: one click removes it (rules.md section 4, suggestions
  // "use update/delete actions on it") — but not a held denosumab injection, nor the drug that is to
  // follow denosumab: both are given once calcium is corrected, within the 7 months, not dropped.
  const keep = held !== undefined || (draft.identity.drugClass !== 'denosumab' && followingDenosumab(ctx) !== undefined);
  // A current 25-OH-D (the cause the card names first) is shown, not ordered again; a low one is the finding.
  const vitaminD = currentDeciding(ctx.facts.labs.vitaminD, ctx.today, ctx.settings.freshnessDays.vitaminD, decidesVitaminDCheck);
  const lowVitaminD = vitaminD !== undefined && atOrBelow(vitaminD, VITAMIN_D_LIMIT) ? vitaminD : undefined;
  if (lowVitaminD !== undefined) findings.push(labFinding('vitamin-d', lowVitaminD));
  const labs: LabOrder[] = vitaminD === undefined ? ['calcium', 'vitamin-d'] : ['calcium'];
  const suggestions: SuggestionSpec[] = [{ kind: 'labs', labs }, ...(keep ? [] : [{ kind: 'remove-draft' as const, draft: draft.ref }])];
  if (held !== undefined) {
    findings.push(
      { kind: 'last-dose', drugClass: 'denosumab', date: held.last.date, months: monthsBetween(held.last.date, ctx.today), ref: held.last.ref },
      { kind: 'due-date', what: 'denosumab-injection', date: held.latestInTime, ...(held.overdue ? { past: true as const } : {}) },
    );
    if (held.overdue) suggestions.push({ kind: 'referral', to: 'endocrinology' });
  }
  return {
    topic: 'rx-hypocalcaemia',
    indicator: 'critical',
    reasons: ['hypocalcaemia'],
    evidence: draftEvidence(draft, [ca.ref, ...(held === undefined ? [] : [held.last.ref]), ...(lowVitaminD === undefined ? [] : [lowVitaminD.ref])]),
    findings,
    suggestions,
    selectionBehavior: 'any',
    draft: draft.ref,
    calcium: finding,
    ...(held === undefined ? {} : { heldInjection: { lastInjection: held.last.date, latestInTime: held.latestInTime, overdue: held.overdue } }),
    ...(vitaminD === undefined ? {} : { vitaminD: lowVitaminD === undefined ? ('adequate' as const) : ('low' as const) }),
  };
};
