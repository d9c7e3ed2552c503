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
 * When: the draft is an antiresorptive that starts treatment (rules.md section 4 "Start or
 * renewal": a first course, or a restart after a stop or pause — start-or-renewal.ts), not a
 * renewal and not a switch from another antiresorptive (the row's "not a renewal, not a switch");
 * not the oncology products (denosumab 120 mg, zoledronic acid 4 mg: draft.ts `oncologyDose`).
 * A restart gets the checklist too [choice, the safer reading of the v2 passage, which lists this
 * card among the checks "for starts", a restart being one]: after a pause the 3-month marker needs
 * a new baseline, as patient-view's `pretreatment-checks` asks for the same restart — without it the
 * two hooks disagreed. Not a restart that is in truth something else (`restartAfterPause`): another
 * antiresorptive following denosumab (the follow-on the card demands, l. 81-82: its markers reflect
 * the rebound, no baseline for an oral course, and nothing may delay it); another oral
 * bisphosphonate within 3 months of the last one's end (a switch inside one oral course, rules.md
 * section 1 "unbroken across gaps shorter than 3 months"); an oral bisphosphonate after 10 years of
 * them (rx-bisphosphonate-duration: refer instead — "before starting" beside "do not start" disagreed).
 * Then: info — the card's checklist before a start. (The eGFR, calcium and 25-OH-D checks have their
 * own cards: rx-egfr-too-low, rx-hypocalcaemia, rx-vitamin-d-low, rx-lab-missing.)
 *   l. 150-152 "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før behandlingsstart. Mål ét år
 *              efter fraktur."
 * Reasons: `baseline-btm-missing` (oral treatment and no baseline marker within
 * `freshnessDays.boneMarkerBaseline` days before the start — P1NP, or CTX when a glucocorticoid is
 * active or prescribed in the same basket [choice: the marker must be the one follow-up will use]),
 * `height-missing` (no height ever recorded), else `first-course` — or `guideline-advice` when a
 * medication prefetch key could not be had, since the record cannot show it is a first course.
 * v2 (rules.md section 4): no baseline marker is asked after a fracture in the 6 months before the
 * start (any fracture, whatever its mechanism, dated from start − 6 months to the start — the same
 * reading as btm-follow-up-due): the card instead says the first marker comes one year after the
 * fracture (a `due-date` finding). An undated fracture does not count [choice: it cannot be shown to
 * be recent, and a baseline that may be unusable costs less than a follow-up with no baseline].
 * Reason `first-course` only on a first course; a restart with nothing missing says `guideline-advice`.
 */
import type { BoneMarkerKind } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { fractureBeforeStart, MEASURE_AFTER_FRACTURE_MONTHS } from '../follow-up/bone-markers.js';
import { calciumFinding, markerFinding } from '../predicates/findings.js';
import { latestHighCalcium, latestWithin } from '../predicates/labs.js';
import { isAntiresorptive, medicationHistoryUnavailable, oralBisphosphonateYearsReached } from '../predicates/medication.js';
import { MAX_YEARS } from '../follow-up/bisphosphonate-duration.js';
import { ORAL_GAP_MONTHS } from '../../facts/courses.js';
import type { DraftRule, RuleContext } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { draftEvidence, draftFinding, isAntiresorptiveDraft, oncologyDose, otherDrafts, treatmentStart, type RecognisedDraft } from './draft.js';
import { startOrRenewal } from './start-or-renewal.js';

export const rxStartChecklist: DraftRule<'rx-start-checklist'> = (ctx, draft) => {
  const { facts } = ctx;
  if (!isAntiresorptiveDraft(draft) || oncologyDose(draft)) return undefined;
  const startKind = startOrRenewal(facts, draft);
  if (startKind === 'renewal' || startKind === 'switch') return undefined;
  if (startKind === 'restart' && !restartAfterPause(ctx, draft)) return undefined;

  const reasons: Reason[] = [];
  const findings: Finding[] = [draftFinding(draft)];
  const refs: string[] = [facts.patientRef];
  const suggestions: SuggestionSpec[] = [];
  let missingMarker: BoneMarkerKind | undefined;
  let markerFrom: LocalDate | undefined;

  if (draft.identity.drugClass === 'oral-bisphosphonate') {
    const onGlucocorticoid = facts.glucocorticoid.active || otherDrafts(facts, draft).some((d) => d.identity.drugClass === 'glucocorticoid');
    const kind: BoneMarkerKind = onGlucocorticoid ? 'ctx' : 'p1np';
    const window = ctx.settings.freshnessDays.boneMarkerBaseline;
    const start = treatmentStart(draft, ctx.today);
    const baseline = latestWithin(
      facts.labs.boneMarkers.filter((m) => m.marker === kind),
      start,
      window,
    );
    const fracture = fractureBeforeStart(facts, start);
    if (fracture?.date !== undefined) {
      // "Fraktur indenfor 6 mdr. før behandlingsstart. Mål ét år efter fraktur": no baseline now.
      findings.push({ kind: 'fracture', site: fracture.site, possible: false, anyMechanism: true, ref: fracture.ref, date: fracture.date });
      markerFrom = addMonths(fracture.date, MEASURE_AFTER_FRACTURE_MONTHS);
      findings.push({ kind: 'due-date', what: 'bone-marker', date: markerFrom });
      refs.push(fracture.ref);
    } else if (baseline === undefined) {
      reasons.push('baseline-btm-missing');
      missingMarker = kind;
      findings.push({ kind: 'lab-missing', lab: kind, withinDays: window });
      suggestions.push(kind === 'ctx' ? { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' } : { kind: 'lab', lab: 'p1np' });
    } else {
      findings.push(markerFinding(baseline));
      refs.push(baseline.ref);
    }
  }

  // A high calcium is suspected secondary osteoporosis (rules.md section 2: referred before any
  // start; patient-view's treatment card says "start ikke behandling"): said here too, with the
  // referral — the checklist had advised daily vitamin D and calcium beside a calcium of 2.80.
  const high = latestHighCalcium(facts.labs.calcium, ctx.today);
  if (high !== undefined) {
    findings.push(calciumFinding(high));
    refs.push(high.ref);
    suggestions.unshift({ kind: 'referral', to: 'endocrinology', recommended: true });
  }

  if (facts.vitals.height.length === 0) reasons.push('height-missing');
  // "First course" is claimed only from a medication history that could be had: without it the
  // general advice reason stands (the data-unavailable card says what is missing).
  if (reasons.length === 0) reasons.push(startKind === 'first-course' && !medicationHistoryUnavailable(facts) ? 'first-course' : 'guideline-advice');

  return {
    topic: 'rx-start-checklist',
    indicator: 'info',
    reasons,
    evidence: draftEvidence(draft, refs),
    findings,
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
    draft: draft.ref,
    drugClass: draft.identity.drugClass,
    ...(missingMarker === undefined ? {} : { missingMarker }),
    ...(markerFrom === undefined ? {} : { markerFrom }),
    ...(high === undefined ? {} : { calciumHigh: true as const }),
  };
};

/** A restart the checklist speaks to (see above): after a stop or pause, not a follow-on, a switch within an oral course, or past 10 years. */
function restartAfterPause(ctx: RuleContext, draft: RecognisedDraft): boolean {
  const { facts } = ctx;
  const last = facts.courses.find((c) => isAntiresorptive(c.drugClass));
  if (last === undefined) return true;
  if (last.drugClass === 'denosumab') return draft.identity.drugClass === 'denosumab';
  if (draft.identity.drugClass !== 'oral-bisphosphonate') return true;
  if (oralBisphosphonateYearsReached(facts, MAX_YEARS)) return false;
  return last.drugClass !== 'oral-bisphosphonate' || addMonths(last.end, ORAL_GAP_MONTHS) <= treatmentStart(draft, ctx.today);
}
