/**
 * Card (source-card-da.txt):
 *   l. 24     "Anbefalet antiresorptiv behandling" — one antiresorptive: alendronate, zoledronic acid
 *             or denosumab (l. 53-65).
 *   l. 81-82  "Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab
 *             efter ophørt behandling."
 *
 * Topic `rx-duplicate-antiresorptive` (rules.md section 4).
 * When: the draft is an antiresorptive while a DIFFERENT antiresorptive drug is in use: an active
 * course (rules.md section 1) whose current drug (that of its newest record) is not the draft's,
 * or another antiresorptive order of a different drug in the same basket. A renewal of the same
 * drug is not a duplicate; going back to alendronate from the risedronate that replaced it is.
 * Exception: a bisphosphonate (oral or zoledronic acid) after denosumab is the recommended follow-on
 * treatment, not a duplicate, once the last injection is 5 calendar months or more before the
 * draft's start (`addMonths(lastDose, 5) <= start`: today, or the later day the draft plans — an
 * alendronate planned for 6 months after the last injection is the follow-on, written ahead; a
 * stopped course is not active and never counts). With the last injection less than 5 months
 * before it and denosumab active it is a duplicate.
 * Then: warning — two antiresorptives at once; if this is a switch, stop the old one, else remove
 * the draft (suggestion). The switch patient-view recommends (`switch-to-parenteral`, or the
 * parenteral start `btm-response-inadequate` offers: an oral
 * bisphosphonate not tolerated, not taken or not working; the draft denosumab or zoledronic acid,
 * only oral courses in use) is said as a switch: stop the oral drug, and no one click removes the
 * draft (`switchAdvised`) [choice: "remove the order" undid the switch the other hook advised].
 * Denosumab in use at a latest eGFR ≤ 35 (l. 41 "Tjek, at eGFR > 35"; l. 81-82 "SKAL anden
 * behandling igangsættes"): neither way out the card names is open — stopping denosumab for the
 * bisphosphonate draft (rx-egfr-too-low stops it) nor the usual follow-on, zoledronic acid
 * (contraindicated below 35, SmPC) — so the text keeps denosumab, removes the draft and leaves any
 * follow-on to endocrinology (`egfrLow`) [choice, as rx-denosumab-schedule and denosumab-stopped].
 * A draft whose one click removes it is no draft for another card to start or fix (must-not-go-ahead.ts
 * `duplicateRemoval`, rules/index.ts) [choice].
 * Reasons: `duplicate`.
 */
import type { Course } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { MAX_INTERVAL_MONTHS } from '../follow-up/denosumab.js';
import { followOnDue } from './denosumab-follow-on.js';
import { courseFinding, labFinding, lastDoseFinding } from '../predicates/findings.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { activeOsteoporosisCourses, currentDrug, isAntiresorptive } from '../predicates/medication.js';
import type { DraftRule, RuleContext } from '../types.js';
import { switchToParenteral } from '../follow-up/switch-to-parenteral.js';
import { perContext } from '../memo.js';
import { isParenteral } from '../../facts/usage-spans.js';
import { btmResponseInadequate } from '../follow-up/btm-response-inadequate.js';
import type { Finding } from '../../contract/findings.js';
import { draftEvidence, draftFinding, draftsBefore, isAntiresorptiveDraft, otherDrafts, treatmentStart, type RecognisedDraft } from './draft.js';
import { oralBisphosphonateContraindicated } from './rx-oral-contraindicated.js';
import { shows } from '../settings.js';

/**
 * The day a follow-on draft is judged on: the day it plans, while that is within the card's 7 months
 * after the last injection ("max 7 måneder"); a plan past them is judged on today, as before plans
 * were read [choice: a follow-on planned 10 months after the last injection leaves the rebound
 * uncovered — read from its day it was no duplicate and got no card at all].
 */
function followOnDay(draft: RecognisedDraft, c: Course, today: LocalDate): LocalDate {
  const start = treatmentStart(draft, today);
  return c.drugClass === 'denosumab' && start > addMonths(c.lastDose, MAX_INTERVAL_MONTHS) ? today : start;
}

/** The draft is the card's follow-on bisphosphonate after a denosumab course. */
function isFollowOnAfterDenosumab(draft: RecognisedDraft, c: Course, start: LocalDate): boolean {
  const bisphosphonate = draft.identity.drugClass === 'oral-bisphosphonate' || draft.identity.drugClass === 'zoledronic-acid';
  return bisphosphonate && c.drugClass === 'denosumab' && followOnDue(c, start);
}

/**
 * `switch-to-parenteral` offers this very drug for a GP start: it fires with no eGFR ≤ 35 (the
 * specialist starts then), nothing to correct first (a low calcium or 25-OH-D), and the drug is not
 * one the record says the patient does not tolerate. Otherwise "keep the order" would stand beside
 * a card saying not to give it.
 */
function advisesThisSwitch(ctx: RuleContext, draft: RecognisedDraft): boolean {
  return parenteralStartAdvised(ctx) && !ctx.facts.intolerances.some((i) => i.drug === draft.identity.drug);
}

/** Once per call: every draft of a basket asks it about every other. */
const parenteralStartAdvised = perContext((ctx): boolean => {
  // `correctFirst` holds a low calcium and a 25-OH-D ≤ 50 (correctBeforeStart).
  const advice = switchToParenteral(ctx);
  if (advice?.topic === 'switch-to-parenteral' && advice.egfrLow !== true && (advice.correctFirst?.length ?? 0) === 0) return true;
  // An inadequate marker response offers the parenteral start too ("Start eller henvis til
  // parenteral behandling", l. 132) unless the eGFR leaves it to the specialist.
  const marker = btmResponseInadequate(ctx);
  return marker !== undefined && marker.egfrLow !== true;
});

export const rxDuplicateAntiresorptive: DraftRule<'rx-duplicate-antiresorptive'> = (ctx, draft) => {
  const { facts } = ctx;
  if (!isAntiresorptiveDraft(draft)) return undefined;
  const drug = draft.identity.drug;

  const courses = activeOsteoporosisCourses(facts).filter(
    (c) => isAntiresorptive(c.drugClass) && currentDrug(facts, c) !== drug && !isFollowOnAfterDenosumab(draft, c, followOnDay(draft, c, ctx.today)),
  );
  // Two antiresorptives drafted together (two denosumab injections on one day, or alendronate and
  // denosumab): the second draft of the basket is the duplicate, so one click removes one of them,
  // never both — each card removing its own draft had left the patient with neither [choice].
  // In order-select the one being selected is the new one, wherever the EHR lists it: beside an
  // unselected antiresorptive draft it is the duplicate (only selected drafts are judged).
  // The parenteral switch patient-view advises stays, wherever the basket lists it: beside it the
  // oral draft (the failing course's renewal) is the one to go — by basket order the switch had
  // been the duplicate, and its one click undid the switch.
  const before = new Set(draftsBefore(facts, draft).map((d) => d.ref));
  const earlier = (d: RecognisedDraft): boolean => before.has(d.ref) || (draft.selected && !d.selected);
  const isSwitch = (d: RecognisedDraft): boolean => isParenteral(d.identity.drugClass) && advisesThisSwitch(ctx, d);
  const duplicateOf = (d: RecognisedDraft): boolean => {
    if (d.identity.drug !== drug && draft.identity.drugClass === 'oral-bisphosphonate' && isSwitch(d)) return true;
    if (d.identity.drug !== drug && d.identity.drugClass === 'oral-bisphosphonate' && isSwitch(draft)) return false;
    return earlier(d);
  };
  const drafts = otherDrafts(facts, draft).filter((d) => isAntiresorptive(d.identity.drugClass) && duplicateOf(d));
  if (courses.length === 0 && drafts.length === 0) return undefined;

  const findings: Finding[] = [draftFinding(draft)];
  for (const c of courses) {
    findings.push(courseFinding(c, ctx.today));
    if (c.drugClass === 'denosumab' || c.drugClass === 'zoledronic-acid') findings.push(lastDoseFinding(c, ctx.today));
  }
  findings.push(...drafts.map(draftFinding));

  const parenteralDraft = isParenteral(draft.identity.drugClass);
  const switchAdvised = parenteralDraft && drafts.length === 0 && courses.every((c) => c.drugClass === 'oral-bisphosphonate') && advisesThisSwitch(ctx, draft);
  // The card's second choice for a patient the tablet is contraindicated for (card l. 22): beside the
  // oral course (and its renewal, which rx-oral-contraindicated removes) the draft is the switch —
  // "remove the denosumab" had stood beside "remove the tablet".
  // Only while the site shows the contraindication card it points to: beside a hidden one it had
  // told the GP to stop a tablet (only drafted) "as that card says", next to its start checks.
  const secondChoice =
    parenteralDraft &&
    !switchAdvised &&
    courses.every((c) => c.drugClass === 'oral-bisphosphonate') &&
    drafts.every((d) => d.identity.drugClass === 'oral-bisphosphonate') &&
    shows(ctx.settings, 'rx-oral-contraindicated') &&
    oralBisphosphonateContraindicated(ctx);
  const afterDenosumab = courses.some((c) => c.drugClass === 'denosumab') && draft.identity.drugClass !== 'denosumab';
  // The eGFR the "keep denosumab" text rests on is shown with it.
  const lowEgfr = afterDenosumab ? latestEgfrAtLimit(facts) : undefined;
  if (lowEgfr !== undefined) findings.push(labFinding('egfr', lowEgfr));
  const egfrLow = lowEgfr !== undefined;
  // The same drug ordered twice (two alendronate drafts, Obodence and Prolia), none in use: whichever
  // is removed, the one kept is the same start, and its cards say what this one's would.
  const doubleOrder = courses.length === 0 && drafts.length > 0 && drafts.every((d) => d.identity.drug === drug);
  return {
    topic: 'rx-duplicate-antiresorptive',
    indicator: 'warning',
    reasons: ['duplicate'],
    evidence: draftEvidence(draft, [...courses.flatMap((c) => c.refs), ...drafts.map((d) => d.ref), ...(lowEgfr === undefined ? [] : [lowEgfr.ref])]),
    findings,
    ...(switchAdvised || secondChoice ? {} : { suggestions: [{ kind: 'remove-draft' as const, draft: draft.ref }], selectionBehavior: 'at-most-one' as const }),
    draft: draft.ref,
    afterDenosumab,
    inUse: [...new Set(courses.flatMap((c) => currentDrug(facts, c) ?? []))],
    otherDrafts: drafts.map((d) => d.ref),
    ...(switchAdvised ? { switchAdvised: true as const } : {}),
    ...(secondChoice ? { switchAdvised: true as const, switchFor: 'oral-contraindicated' as const } : {}),
    ...(egfrLow ? { egfrLow: true as const } : {}),
    ...(doubleOrder ? { doubleOrder: true as const } : {}),
  };
};
