/**
 * Card (source-card-da.txt), "Varighed af peroral behandling" (l. 183):
 *   l. 185-199 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis: T-score (hofte)
 *              > -2,5 og aldrig lavenergibrud i ryg eller hofte og ingen andre lavenergibrud de
 *              seneste år og evt. udløsende årsager er korrigeret … Ved fortsat lav knoglemasse i
 *              hoften kan behandling udstrækkes til 10 år."
 *   l. 201-203 "Bisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det
 *              bliver i skelettet pga. lang halveringstid."
 *
 * Topic `rx-bisphosphonate-duration` (rules.md section 4).
 * When: the draft is an oral bisphosphonate and the patient already has ≥ 5 years of oral
 * bisphosphonate (all courses added up, rules.md section 1; 5 calendar years reached on the day).
 * Then: info at ≥ 5 years (a pause should be considered: the card's criteria); warning at ≥ 10 years
 * (the card's maximum duration is reached) — a restart at ≥ 10 years (after a pause, or a course
 * stopped at the limit) offers the endocrinology referral instead, as `treatment-indicated` does
 * then (reason `ten-years`) [choice].
 * Not for the follow-on after denosumab (a denosumab injection in the last 12 months — the months it
 * counts as on treatment — a denosumab course no follow-on has held since, however long ago, or an
 * oral follow-on in its first 12 months, as patient-view): l. 81-82 "Hvis denosumab seponeres, SKAL anden behandling igangsættes";
 * a card inviting a pause there invites the rebound bone loss [the card wins over rules.md's row].
 * Not beside another antiresorptive class in use (zoledronic acid): the draft is a switch or a
 * duplicate (`rx-duplicate-antiresorptive` says which), and "5 years: renew" beside "duplicate:
 * remove the order" contradicted it.
 * A draft that restarts treatment (start-or-renewal.ts `restart`: after a stop or a pause, not
 * a late renewal within the 3-month gap) is worded as a restart — the pause criteria are for stopping, not for a patient already paused
 * (`restart`).
 * Between 5 and 10 years the card's pause criteria are judged as `bisphosphonate-continue` and
 * `bisphosphonate-pause-candidate` judge them (follow-up/bisphosphonate-duration.ts): when one
 * fails (hip T-score ≤ −2.5, a spine or hip fracture, a recent fracture, glucocorticoid), the card
 * says renew — "Seponering kan ske, hvis" all hold — and shows what failed; with only the hip
 * T-score missing it says a hip DXA decides and offers the referral (`pause`) [choice: an invitation to pause where
 * patient-view says continue was a contradiction, and a pause with a hip T-score ≤ −2.5 unsafe].
 * Reasons: `five-years`, `ten-years`.
 */
import { courseFinding } from '../predicates/findings.js';
import { previousDxaPerformer } from '../predicates/dxa.js';
import { denosumabWithoutHeldFollowOn, oralBisphosphonateCourses, oralBisphosphonateYearsReached, youngDenosumabFollowOn } from '../predicates/medication.js';
import type { DraftRule, RuleContext } from '../types.js';
import type { DraftOrder, PatientFacts, Ref } from '../../facts/types.js';
import type { Finding } from '../../contract/findings.js';
import type { PauseVerdict } from '../../contract/recommendations.js';
import { draftEvidence, draftFinding, draftOfClass } from './draft.js';
import { currentAntiresorptive, startOrRenewal } from './start-or-renewal.js';
import { MAX_YEARS, PAUSE_AFTER_YEARS, pauseCriteria, type PauseJudgement } from '../follow-up/bisphosphonate-duration.js';
import { draftGlucocorticoidExposure } from './glucocorticoid-exposure.js';
import { treatmentFailure } from '../follow-up/endocrinology-referral.js';
import { ACTIVE_MONTHS } from '../../facts/usage-spans.js';
import { addMonths } from '../../time/local-date.js';

export interface RenewalPause {
  readonly verdict: PauseVerdict;
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
}

/**
 * An oral bisphosphonate renewal at 5 to 10 years (not a restart, not the follow-on after
 * denosumab): the card's pause criteria judged for it. `rx-oral-contraindicated` asks it too —
 * a pause the card allows comes before a switch to the second choice.
 */
export function renewalPause(ctx: RuleContext, draft: DraftOrder): RenewalPause | undefined {
  const { facts } = ctx;
  if (!draftOfClass(draft, ['oral-bisphosphonate']) || afterDenosumab(ctx)) return undefined;
  if (oralBisphosphonateYearsReached(facts, MAX_YEARS) || !oralBisphosphonateYearsReached(facts, PAUSE_AFTER_YEARS)) return undefined;
  const kind = startOrRenewal(facts, draft);
  // A renewal, or another oral bisphosphonate in its place (the oral course goes on): not a restart, not a switch from another class.
  if (kind === 'restart' || kind === 'first-course' || switchFromOtherClass(facts)) return undefined;
  const criteria = withGlucocorticoidDrafts(ctx, pauseCriteria(ctx));
  const blocking = criteria.failed.filter((r) => r !== 'hip-t-score-missing');
  const verdict = blocking.length > 0 ? 'criteria-not-met' : criteria.failed.length > 0 ? 'hip-t-score-missing' : 'criteria-met';
  // A failing treatment (patient-view: endocrinology-referral) is the specialist's to change, not to pause.
  const failure = verdict === 'criteria-met' ? treatmentFailure(ctx) : undefined;
  if (failure !== undefined) return { verdict: 'treatment-failure', findings: [...criteria.findings, ...failure.findings], evidence: [...criteria.evidence, ...failure.evidence] };
  return { verdict, findings: criteria.findings, evidence: criteria.evidence };
}

/**
 * Card "evt. udløsende årsager er korrigeret, fx længerevarende glukokortikoidbehandling": a
 * glucocorticoid ordered in the same basket at the footnote's exposure (> 5 mg for 3 months, > 450
 * mg in a year) is an ongoing cause, as the same course in the record is. Judged on the record
 * alone, the renewal was offered a pause beside the prednisolone it was to protect against.
 */
function withGlucocorticoidDrafts(ctx: RuleContext, criteria: PauseJudgement): PauseJudgement {
  if (criteria.failed.includes('ongoing-glucocorticoid')) return criteria;
  const ordered = ctx.facts.drafts.filter((d) => draftOfClass(d, ['glucocorticoid']) && draftGlucocorticoidExposure(ctx.facts, d).reached);
  if (ordered.length === 0) return criteria;
  return {
    failed: [...criteria.failed, 'ongoing-glucocorticoid'],
    findings: [...criteria.findings, ...ordered.map(draftFinding)],
    evidence: [...criteria.evidence, ...ordered.map((d) => d.ref)],
  };
}

/** Another antiresorptive class is current (zoledronic acid): the draft is a switch or a duplicate (`rx-duplicate-antiresorptive`), no renewal to judge. */
function switchFromOtherClass(facts: PatientFacts): boolean {
  const current = currentAntiresorptive(facts);
  return current !== undefined && current.drugClass !== 'oral-bisphosphonate';
}

/**
 * The draft is (or may be) the treatment that must follow denosumab: an injection in the last 12
 * months, or a denosumab course no follow-on has held since, however long ago (patient-view's
 * `denosumab-overdue` / `-stopped` have no upper limit; a pause or restart card here contradicted them).
 */
function afterDenosumab(ctx: RuleContext): boolean {
  if (denosumabWithoutHeldFollowOn(ctx.facts) !== undefined || youngDenosumabFollowOn(ctx.facts) !== undefined) return true;
  return ctx.facts.courses.some((c) => c.drugClass === 'denosumab' && addMonths(c.lastDose, ACTIVE_MONTHS.denosumab ?? 0) >= ctx.today);
}

export const rxBisphosphonateDuration: DraftRule<'rx-bisphosphonate-duration'> = (ctx, draft) => {
  const { facts } = ctx;
  if (!draftOfClass(draft, ['oral-bisphosphonate']) || afterDenosumab(ctx) || switchFromOtherClass(facts)) return undefined;
  const ten = oralBisphosphonateYearsReached(facts, MAX_YEARS);
  if (!ten && !oralBisphosphonateYearsReached(facts, PAUSE_AFTER_YEARS)) return undefined;
  const courses = oralBisphosphonateCourses(facts);
  const restart = startOrRenewal(facts, draft) === 'restart';
  const findings: Finding[] = [draftFinding(draft), ...courses.map((c) => courseFinding(c, ctx.today))];
  const refs = courses.flatMap((c) => c.refs);
  const judged = renewalPause(ctx, draft);
  const pause = judged?.verdict;
  if (judged !== undefined) {
    findings.push(...judged.findings);
    refs.push(...judged.evidence);
  }
  const performer = previousDxaPerformer(facts);
  return {
    topic: 'rx-bisphosphonate-duration',
    // A failing treatment at 5 years is a warning, as patient-view's failure cards are.
    indicator: ten || pause === 'treatment-failure' ? 'warning' : 'info',
    reasons: [ten ? 'ten-years' : 'five-years'],
    evidence: draftEvidence(draft, [...new Set(refs)]),
    findings,
    draft: draft.ref,
    restart,
    ...(pause === undefined ? {} : { pause }),
    ...(pause === 'hip-t-score-missing' ? { suggestions: [{ kind: 'dxa' as const, ...(performer === undefined ? {} : { performer }) }], selectionBehavior: 'any' as const } : {}),
    ...(pause === 'treatment-failure' || (ten && restart) ? { suggestions: [{ kind: 'referral' as const, to: 'endocrinology' as const, recommended: true }], selectionBehavior: 'any' as const } : {}),
  };
};
