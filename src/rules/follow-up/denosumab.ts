/**
 * Denosumab schedule — source-card-da.txt:
 *
 * l. 62-64 "Denosumab (Izamby, Junod, Obodence Ozvyrti, Ponlimsi eller Zadenvi ▲) 60 mg s.c. hver
 *          6. måned"
 * l. 78-82 "Opsæt system, så inj. huskes hver 6. måned - også hvis patienten ikke kommer til aftalt
 *          tid. Der må max gå 7 måneder. P-calcium kontrolleres forud for injektion. Hvis denosumab
 *          seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt
 *          behandling."
 *
 * Shared by `denosumab-injection-due`, `denosumab-overdue` and `denosumab-stopped`: the latest
 * denosumab course, its dates counted from the last injection in calendar months (clamped to the
 * month's end: 2026-05-31 + 6 months = 2026-11-30), and whether another antiresorptive followed it.
 */
import type { CalciumMeasurement, Course, PatientFacts, Ref } from '../../facts/types.js';
import type { Finding } from '../../contract/findings.js';
import { calciumFinding, courseFinding } from '../predicates/findings.js';
import type { Reason } from '../../contract/topics.js';
import type { Recommendation } from '../../contract/recommendations.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { addMonths, minDate, type LocalDate } from '../../time/local-date.js';
import { latestLowCalcium, latestWithin } from '../predicates/labs.js';
import { denosumabFollowOn, latestCourse, unavailableMedicationKeys } from '../predicates/medication.js';
import { notRecommended } from '../not-recommended.js';
import { perContext } from '../memo.js';

/** "hver 6. måned". */
export const INJECTION_INTERVAL_MONTHS = 6;
/** "Der må max gå 7 måneder." */
export const MAX_INTERVAL_MONTHS = 7;

export interface DenosumabSchedule {
  readonly course: Course;
  readonly lastInjection: LocalDate;
  /** From here the coming injection is announced (settings.denosumabInfoMonths, 5 [choice]). */
  readonly announceFrom: LocalDate;
  /** Last injection + 6 months: the next injection is due (the day itself counts). */
  readonly due: LocalDate;
  /** Last injection + 7 months: still in time on this day; overdue from the day after. */
  readonly latestInTime: LocalDate;
  /** "P-calcium kontrolleres forud for injektion": a calcium within the window before injection. */
  readonly recentCalcium?: CalciumMeasurement;
  /** The latest calcium is low (any kind of its day, any age): "Hypocalcæmi korrigeres før injektion" (SmPC). */
  readonly lowCalcium?: CalciumMeasurement;
  /** The antiresorptive that followed the last injection but ended too soon to hold as follow-on. */
  readonly endedFollowOn?: Course;
}

/**
 * The latest denosumab course, unless a follow-on treatment holds — then none of the denosumab
 * cards apply. rules.md section 1 (v2), "Follow-on after denosumab": only another antiresorptive
 * started, dispensed or given *after* its last injection can follow it; a course that began before
 * never counts, whatever its status (a zoledronic acid infusion before the switch, a stale `active`
 * alendronate statement). One that ended within months does not hold either
 * (`denosumabFollowOn` [choice]): the cards then speak and name it.
 */
export const denosumabWithoutFollowOn = perContext((ctx): DenosumabSchedule | undefined => {
  const { facts, today, settings } = ctx;
  const course = latestCourse(facts, 'denosumab');
  if (course === undefined) return undefined;
  const followOn = denosumabFollowOn(facts, course);
  if (followOn?.holds === true) return undefined;
  const recentCalcium = latestWithin(facts.labs.calcium, today, settings.freshnessDays.beforeInjection);
  const lowCalcium = latestLowCalcium(facts.labs.calcium, today);
  return {
    ...(followOn === undefined ? {} : { endedFollowOn: followOn.course }),
    course,
    lastInjection: course.lastDose,
    // A site's announcement later than the due date does not silence the due injection (card: every 6 months).
    announceFrom: minDate(addMonths(course.lastDose, settings.denosumabInfoMonths), addMonths(course.lastDose, INJECTION_INTERVAL_MONTHS)),
    due: addMonths(course.lastDose, INJECTION_INTERVAL_MONTHS),
    latestInTime: addMonths(course.lastDose, MAX_INTERVAL_MONTHS),
    ...(recentCalcium === undefined ? {} : { recentCalcium }),
    ...(lowCalcium === undefined ? {} : { lowCalcium }),
  };
});

/**
 * The calcium before the injection (l. 80 "P-calcium kontrolleres forud for injektion"): the recent
 * one when there is one, else a test ordered; and a low latest calcium, whatever its age, said
 * outright with a test of calcium and vitamin D to recheck it — an injection into hypocalcaemia
 * deepens it (SmPC: correct before each injection) [choice: reason `hypocalcaemia`].
 */
export function calciumBeforeInjection(schedule: DenosumabSchedule, withinDays: number): {
  readonly reasons: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
  /** The test to order: none when a recent calcium is normal. */
  readonly suggestion?: SuggestionSpec;
} {
  const { recentCalcium: recent, lowCalcium: low } = schedule;
  const reasons: Reason[] = [];
  const findings: Finding[] = [];
  const evidence: Ref[] = [];
  if (recent === undefined) {
    reasons.push('calcium-missing');
    findings.push({ kind: 'lab-missing', lab: 'calcium', withinDays });
  } else {
    findings.push(calciumFinding(recent));
    evidence.push(recent.ref);
  }
  if (low !== undefined) {
    reasons.push('hypocalcaemia');
    if (low !== recent) findings.push(calciumFinding(low));
    evidence.push(low.ref);
  }
  const suggestion: SuggestionSpec | undefined =
    low !== undefined ? { kind: 'labs', labs: ['calcium', 'vitamin-d'], note: 'before-injection' } : recent === undefined ? { kind: 'lab', lab: 'calcium', note: 'before-injection' } : undefined;
  return { reasons, findings, evidence: [...new Set(evidence)], ...(suggestion === undefined ? {} : { suggestion }) };
}

/** The follow-on that ended too soon, named among a denosumab card's findings (and its records among the evidence). */
export function endedFollowOn(schedule: DenosumabSchedule, today: LocalDate): { readonly findings: readonly Finding[]; readonly evidence: readonly string[] } {
  const c = schedule.endedFollowOn;
  return c === undefined ? { findings: [], evidence: [] } : { findings: [courseFinding(c, today)], evidence: c.refs };
}

/**
 * rules.md "Missing data": with a medication prefetch key unavailable, the last injection the
 * record shows may not be the last one given, nor the follow-on missing — a patient injected ten
 * weeks ago, whose administrations could not be fetched, was told "Giv denosumab nu" from a
 * medication-list entry two years old. The denosumab cards still speak (a missed injection is the
 * greater harm) but name the missing data, say to check the last injection first, and pre-select
 * nothing [choice, the safer reading].
 */
export function withIncompleteMedications<T extends 'denosumab-overdue' | 'denosumab-stopped' | 'denosumab-injection-due'>(facts: PatientFacts, rec: Recommendation<T>): Recommendation<T> {
  const keys = unavailableMedicationKeys(facts);
  if (keys.length === 0) return rec;
  return {
    ...rec,
    findings: [...rec.findings, ...keys.map((key): Finding => ({ kind: 'unavailable', key }))],
    ...(rec.suggestions === undefined ? {} : { suggestions: rec.suggestions.map(notRecommended) }),
    medicationListUnavailable: true as const,
  };
}
