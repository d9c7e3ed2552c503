/**
 * Topic `vitamin-d-calcium` (rules.md section 2) — info.
 *
 * source-card-da.txt l. 96-119 "D-vitamin og kalk":
 *   "Dagligt tilskud af 20-40 µg D3-vitamin
 *    P-25-OH-Vit.D: 70-125 nmol/L anbefales. Tilskud af 1 µg D3 giver ≈1 nmol/L stigning i
 *    P-25-OH-Vit.D efter 3 mdr. (stor variation). Tjek tidligst efter 3 mdr.
 *    Fast dagligt indtag af 800-1.200 mg calcium ved kost og tilskud …
 *    Calcium-citrat kan tages uafhængigt af mad, men er dyrere. Kan overvejes til patienter, som
 *    bruger PPI. …"
 *
 * When: a patient in population who meets the diagnosis criteria (not on treatment) or is on
 *       treatment, and either the latest current 25-OH-D (freshness window, 180 days) is below
 *       70 nmol/L, or no vitamin D supplement is current — a product that is or holds D3
 *       (terminology.md l. 923-949: colecalciferol and the supplements listed with it, a calcium +
 *       D3 combination A12AX / A11CC20); a calcium salt alone (A12AA*) holds none, and an active
 *       analogue (alfacalcidol, calcitriol) is "not a routine supplement" (l. 936). A current
 *       active analogue is shown beside `no-vitamin-d-supplement`, so the GP sees it was read
 *       [choice: D3 is still offered, as for any patient without a supplement, and withheld on a
 *       raised calcium as below].
 * Then: advise D3 20–40 µg daily and 800–1200 mg calcium daily; suggest colecalciferol when no
 *       supplement is current. A current PPI adds `ppi-user` (calcium citrate rather than carbonate).
 * Not a supplement to start blindly (`withhold`) [choice]: with a raised calcium on the latest day
 * (hypercalcaemia, any kind, any age — calcium and D3 would raise it further and its cause needs
 * working up first, rules.md "secondary osteoporosis") or a current 25-OH-D above the card's
 * 70–125 nmol/L, the card says so and offers no colecalciferol.
 * A supplement judged too early [choice, l. 103 "Tjek tidligst efter 3 mdr."]: below target with a
 * supplement whose course began less than 3 months before the 25-OH-D was taken (or after it), the
 * value does not yet show the supplement's effect — the card gives the day to recheck from
 * (`supplementRecheck`), not "raise the dose". A dose raise restarts the 3 months (`supplementSince`).
 * Reasons: `vitamin-d-below-target`, `no-vitamin-d-supplement`, `ppi-user`.
 */
import type { Course, MedicationRecord, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import type { Finding } from '../../contract/findings.js';
import type { Reason } from '../../contract/topics.js';
import { calciumFinding, labFinding } from '../predicates/findings.js';
import { diagnosisCriteria } from '../predicates/indication.js';
import { below, belowVerdict, currentDeciding, latestHighCalcium } from '../predicates/labs.js';
import { courseOfRecord, currentMedications, currentVitaminDSupplements, isOnTreatment, medicationHistoryUnavailable } from '../predicates/medication.js';
import { inPopulation } from '../predicates/population.js';
import type { PatientRule, RuleContext } from '../types.js';
import { perFacts } from '../memo.js';
import { VITAMIN_D_TARGET, unique } from './applies.js';

/** "P-25-OH-Vit.D: 70-125 nmol/L anbefales": above it no D3 is added. */
const VITAMIN_D_UPPER = 125;

/** l. 101-103 "… stigning i P-25-OH-Vit.D efter 3 mdr. … Tjek tidligst efter 3 mdr." */
const SUPPLEMENT_EFFECT_MONTHS = 3;

/**
 * The day the current supplement dose began: the start of the unbroken course the supplement
 * belongs to (a monthly renewal is not a new start), or the latest record of that course that
 * raised the daily dose — "1 µg D3 giver ≈ 1 nmol/L stigning … efter 3 mdr." (l. 101-103) counts
 * from the raise [choice]: a value a month after 20 → 40 µg said "raise the dose" again. The
 * earliest of the current supplements' days when there are several.
 */
function supplementSince(facts: PatientFacts, supplements: readonly MedicationRecord[]): LocalDate {
  let since: LocalDate | undefined;
  for (const m of supplements) {
    const course = courseOfRecord(facts, m);
    const start = course === undefined ? m.start : doseRaisedOn(facts, course) ?? course.start;
    if (since === undefined || start < since) since = start;
  }
  return since ?? facts.today;
}

/** The latest day a record of the course raised the daily dose above the record before it (once per course: thousands of current records share one). */
function doseRaisedOn(facts: PatientFacts, course: Course): LocalDate | undefined {
  const known = raisedOnByCourse(facts);
  if (known.has(course)) return known.get(course);
  const raised = latestRaise(recordsOf(facts, course));
  known.set(course, raised);
  return raised;
}

const raisedOnByCourse = perFacts((): Map<Course, LocalDate | undefined> => new Map());

function latestRaise(records: readonly MedicationRecord[]): LocalDate | undefined {
  let raised: LocalDate | undefined;
  let previous: number | undefined;
  for (const r of records) {
    const dose = r.dailyDoseMg;
    if (dose === undefined) continue;
    if (previous !== undefined && dose > previous) raised = r.start;
    previous = dose;
  }
  return raised;
}

/** The course's records, oldest first (one ref index per request: a course holds thousands of renewals). */
function recordsOf(facts: PatientFacts, course: Course): MedicationRecord[] {
  const byRef = medicationsByRef(facts);
  const out: MedicationRecord[] = [];
  for (const ref of course.refs) {
    const r = byRef.get(ref);
    if (r !== undefined) out.push(r);
  }
  return out.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

const medicationsByRef = perFacts((facts): ReadonlyMap<string, MedicationRecord> => new Map(facts.medications.map((m) => [m.ref, m])));

/** "…eller er i behandling": this row also covers patients on treatment (rules.md section 2). */
function meetsDiagnosisOrOnTreatment({ facts, settings }: RuleContext): boolean {
  if (!inPopulation(facts, settings)) return false;
  return isOnTreatment(facts) || diagnosisCriteria(facts, settings) !== undefined;
}

export const vitaminDCalcium: PatientRule<'vitamin-d-calcium'> = (ctx) => {
  if (!meetsDiagnosisOrOnTreatment(ctx)) return undefined;
  const { facts, settings } = ctx;
  const reasons: Reason[] = [];
  const findings: Finding[] = [];
  const evidence: string[] = [];

  // A bound that cannot tell "< 70" (">60") is no current value, as none (labs.ts): neither below
  // target nor, read as its number, above the card's 125 ("<130").
  const vitaminD = currentDeciding(facts.labs.vitaminD, facts.today, settings.freshnessDays.vitaminD, (m) => belowVerdict(m, VITAMIN_D_TARGET) !== undefined);
  if (vitaminD !== undefined && below(vitaminD, VITAMIN_D_TARGET)) {
    reasons.push('vitamin-d-below-target');
    findings.push(labFinding('vitamin-d', vitaminD));
    evidence.push(vitaminD.ref);
  }
  // A calcium + D3 combination counts as carbonate (rules.md section 4, v2) and is still a D3 supplement.
  const supplements = currentVitaminDSupplements(facts);
  let supplementRecheck: { readonly from: LocalDate; readonly now?: true } | undefined;
  // Without the medication list (rules.md "Missing data") "no supplement recorded" is not known.
  const supplementUnknown = supplements.length === 0 && medicationHistoryUnavailable(facts);
  if (supplements.length === 0 && !supplementUnknown) {
    reasons.push('no-vitamin-d-supplement');
    evidence.push(facts.patientRef);
    const analogues = currentMedications(facts, ['active-vitamin-d']);
    findings.push(...analogues.map((m): Finding => ({ kind: 'medication', drug: m.identity.drug, date: m.start, ref: m.ref })));
    evidence.push(...analogues.map((m) => m.ref));
  } else if (supplements.length > 0 && reasons.length > 0 && vitaminD !== undefined) {
    // Below target on a supplement: show it; the advice is a higher dose (not a new order), or,
    // when the value was taken before the supplement could act, the day to recheck from.
    const since = supplementSince(facts, supplements);
    findings.push(...supplements.map((m): Finding => ({ kind: 'medication', drug: m.identity.drug, date: m.start, ref: m.ref })));
    evidence.push(...supplements.map((m) => m.ref));
    const effectFrom = addMonths(since, SUPPLEMENT_EFFECT_MONTHS);
    if (vitaminD.date < effectFrom) supplementRecheck = { from: effectFrom, ...(effectFrom <= facts.today ? { now: true as const } : {}) };
  }
  if (reasons.length === 0) return undefined;

  const ca = latestHighCalcium(facts.labs.calcium, facts.today);
  const withhold = ca !== undefined ? 'hypercalcaemia' : vitaminD !== undefined && vitaminD.value > VITAMIN_D_UPPER ? 'vitamin-d-high' : undefined;
  if (ca !== undefined) {
    findings.push(calciumFinding(ca));
    evidence.push(ca.ref);
  } else if (withhold === 'vitamin-d-high' && vitaminD !== undefined) {
    findings.push(labFinding('vitamin-d', vitaminD));
    evidence.push(vitaminD.ref);
  }
  const offerD3 = supplements.length === 0 && withhold === undefined;

  const ppis = currentMedications(facts, ['ppi']);
  if (ppis.length > 0) {
    reasons.push('ppi-user');
    findings.push(...ppis.map((m): Finding => ({ kind: 'medication', drug: m.identity.drug, date: m.start, ref: m.ref })));
    evidence.push(...ppis.map((m) => m.ref));
  }
  return {
    topic: 'vitamin-d-calcium',
    indicator: 'info',
    reasons,
    evidence: unique(evidence),
    findings,
    ...(offerD3 ? { suggestions: [{ kind: 'prescribe', drug: 'colecalciferol' }], selectionBehavior: 'at-most-one' as const } : {}),
    ...(withhold === undefined ? {} : { withhold }),
    // Its note line survives a trimmed fold (cards/compose/fit.ts keeps companions' notes): "no vitamin D" must not be cut away.
    ...(withhold === 'hypercalcaemia' ? { vitaminDWithheld: true as const } : {}),
    ...(supplementRecheck === undefined ? {} : { supplementRecheck }),
    ...(supplementUnknown ? { supplementUnknown: true as const } : {}),
  };
};
