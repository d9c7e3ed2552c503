/**
 * Card (source-card-da.txt):
 *   l. 53-54  "Alendronat 70 mg ugetablet"
 *   l. 59-60  "Zoledronsyre (fx Aclasta) 5 mg i.v. årligt"
 *   l. 64     "60 mg s.c. hver 6. måned"
 *
 * Topic `rx-dose-interval` (rules.md section 4, v2) [extension: SmPC].
 * When: the draft's dosing (read from the FHIR timing by the facts stage, dose-schedule.ts) is more
 * frequent than the drug's schedule. rules.md names the strengths: "alendronate 70 mg …; denosumab
 * 60 mg …; zoledronic acid 5 mg". A draft is judged by a schedule when its dose per administration
 * or its product's strength is the schedule's (a 70 mg tablet taken two at a time is still the
 * weekly tablet); when both are known and neither is, the draft is another product the rule is not
 * about and nothing fires:
 *   - alendronate 70 mg more than once a week; [extension: SmPC] 35 mg, the other weekly tablet
 *     (the US label's once-weekly prevention dose, RxNorm 904396), more than once a week [choice:
 *     the safer reading — 35 mg daily is five weekly doses a week], its fix 35 mg weekly, not 70 mg
 *     on a 35 mg tablet. Not judged: 5 and 10 mg (daily strengths) and 40 mg (daily, Paget's disease),
 *     whose daily dosing is no overdose, nor an unknown strength and dose (a daily 10 mg tablet is
 *     possible);
 *   - denosumab 60 mg more often than every 6 months, or a new injection less than 5 calendar months
 *     after the last one recorded (`addMonths(last, 5) > start`);
 *   - zoledronic acid 5 mg more than once a year, or a new infusion less than 11 calendar months
 *     after the last one recorded [choice: the infusion-due card's month, as denosumab's 5 of 6 — a
 *     second infusion within the year is "more than once a year"].
 *   Other doses of denosumab and zoledronic acid — Xgeva 120 mg and Zometa 4 mg, the oncology
 *   products of the same ATC codes (terminology.md), dosed every 4 weeks (a Zometa 4 mg/5 ml vial
 *   counts as 4 mg: facts/drafts.ts) — are another indication, not judged here [choice]. With
 *   neither dose nor strength known, denosumab and zoledronic acid are judged as the osteoporosis
 *   products [choice: the safer reading — an injection or infusion of unknown strength drafted too
 *   often is taken for the 60 mg / 5 mg one, whose overdose is what the card guards].
 *   "More frequent" allows 5 % for how a schedule is written [choice, SCHEDULE_TOLERANCE in
 *   contract/suggestions.ts, which the texts name intervals by]: 26 weeks or 180 days is
 *   "every 6 months", 52 weeks is "yearly"; every 5 months, 11 months or 6 days is too often.
 * Then: critical — a sevenfold overdose (alendronate 70 mg daily) or a too early injection (higher
 * hypocalcaemia risk, no benefit) must not be signed as drafted; suggestion: update the draft to the right schedule (one
 * dose weekly / every 6 months / yearly; an early denosumab injection from its due date).
 * Reasons: `too-frequent`.
 */
import type { DrugId, MedicationRecord, PatientFacts } from '../../facts/types.js';
import { recordsDoseGiven, statementLastDose } from '../../facts/usage-spans.js';
import { addMonths, maxDate, monthsBetween, type LocalDate } from '../../time/local-date.js';
import type { DraftRule, RuleContext } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { SCHEDULE_TOLERANCE, type DoseScheduleName, type SuggestionSpec } from '../../contract/suggestions.js';
import { draftEvidence, draftFinding, draftOfDrug, treatmentStart, type RecognisedDraft } from './draft.js';
import { INJECTION_INTERVAL_MONTHS } from '../follow-up/denosumab.js';

interface Schedule {
  readonly name: DoseScheduleName;
  readonly everyDays: number;
  /** The dose the schedule is for (mg a dose). */
  readonly doseMg: number;
  /** Judged when the dose per administration or the product's strength lies in this range (mg; neither known: `unknownDose`). */
  readonly fromMg: number;
  readonly toMg: number;
  readonly unknownDose: boolean;
}

/**
 * SmPC schedules of the card's drugs, and [extension: SmPC] of the other weekly or monthly tablets
 * that are as much an overdose taken daily (alendronate 35 mg weekly, risedronate 35 mg weekly or
 * 150 mg monthly, ibandronate 150 mg monthly); the daily strengths (alendronate 5, 10 and 40 mg,
 * risedronate 5, ibandronate 2.5 mg) are not judged. A drug's schedule is the first whose dose range
 * holds the draft's dose or its product's strength (`judged`).
 */
const SCHEDULES: Readonly<Partial<Record<DrugId, readonly Schedule[]>>> = {
  alendronate: [
    { name: 'weekly', everyDays: 7, doseMg: 70, fromMg: 70, toMg: 70, unknownDose: false },
    { name: 'weekly', everyDays: 7, doseMg: 35, fromMg: 35, toMg: 35, unknownDose: false },
  ],
  risedronate: [
    { name: 'weekly', everyDays: 7, doseMg: 35, fromMg: 35, toMg: 35, unknownDose: false },
    { name: 'monthly', everyDays: 30.4375, doseMg: 150, fromMg: 150, toMg: 150, unknownDose: false },
  ],
  ibandronate: [{ name: 'monthly', everyDays: 30.4375, doseMg: 150, fromMg: 150, toMg: 150, unknownDose: false }],
  denosumab: [{ name: 'six-monthly', everyDays: 182.625, doseMg: 60, fromMg: 60, toMg: 60, unknownDose: true }],
  'zoledronic-acid': [{ name: 'yearly', everyDays: 365.25, doseMg: 5, fromMg: 5, toMg: 5, unknownDose: true }],
};

/** rules.md section 4: a new denosumab injection less than 5 months after the last is too early. */
export const DENOSUMAB_MIN_MONTHS = 5;
/** A zoledronic acid infusion less than 11 months after the last is "more than once a year" [choice]. */
export const ZOLEDRONIC_MIN_MONTHS = 11;
const ZOLEDRONIC_INTERVAL_MONTHS = 12;

/** The parenteral drugs whose last dose in the record decides whether a new one is too early. */
const EARLY_DOSE: Readonly<Partial<Record<DrugId, { readonly minMonths: number; readonly everyMonths: number }>>> = {
  denosumab: { minMonths: DENOSUMAB_MIN_MONTHS, everyMonths: INJECTION_INTERVAL_MONTHS },
  'zoledronic-acid': { minMonths: ZOLEDRONIC_MIN_MONTHS, everyMonths: ZOLEDRONIC_INTERVAL_MONTHS },
};

function judged(s: Schedule, doseMg: number | undefined, productMg: number | undefined): boolean {
  if (doseMg === undefined && productMg === undefined) return s.unknownDose;
  const holds = (mg: number | undefined): boolean => mg !== undefined && mg >= s.fromMg && mg <= s.toMg;
  return holds(doseMg) || holds(productMg);
}

/**
 * The last injection or infusion of the draft's drug in the record (the draft itself excluded, should
 * the EHR list it). Where the record has administrations of the drug, an order after the last of
 * them (`active`, `on-hold`, `stopped`) is not taken for a dose [choice, the safer reading of
 * rules.md section 1 "the latest of these"; facts/courses.ts `givenDoses` reads the courses so]: it
 * shows one ordered, not given — and a critical "not now" resting on it would hold back an
 * injection that is overdue. A record that shows a dose given (`recordsDoseGiven`: a `completed`
 * prescription, a `completed` or `active` statement) counts whatever its date, as it does for the
 * overdue card: the injection given elsewhere five weeks ago makes a new one too early.
 */
export function lastInjection(facts: PatientFacts, draft: RecognisedDraft): { date: LocalDate; ref: string } | undefined {
  let lastGiven: LocalDate | undefined;
  for (const m of facts.medications) if (m.source === 'MedicationAdministration' && usable(m, facts, draft) && (lastGiven === undefined || m.start > lastGiven)) lastGiven = m.start;
  let last: { date: LocalDate; ref: string } | undefined;
  for (const m of facts.medications) {
    if (!usable(m, facts, draft)) continue;
    // An order's dates count up to the last administration only.
    const orderedUntil = lastGiven === undefined || recordsDoseGiven(m) ? undefined : lastGiven;
    if (orderedUntil !== undefined && m.start > orderedUntil) continue;
    // A statement of a period of use: its last dose no later than one interval before its end (facts/courses.ts).
    const covered = statementLastDose(m, facts.today);
    const date = covered === undefined || (orderedUntil !== undefined && covered > orderedUntil) ? m.start : maxDate(m.start, covered);
    if (last === undefined || date > last.date) last = { date, ref: m.ref };
  }
  return last;
}

/**
 * A record of the draft's drug that may show a dose: not the draft, not future, not withdrawn, and
 * dated (an undated statement is read as from today, `startUnknown`: no dose was given today on its word).
 */
function usable(m: MedicationRecord, facts: PatientFacts, draft: RecognisedDraft): boolean {
  if (m.identity.drugClass !== draft.identity.drugClass || m.ref === draft.ref || m.start > facts.today || m.startUnknown === true) return false;
  return m.status !== 'cancelled' && m.status !== 'entered-in-error' && m.status !== 'not-taken';
}

/**
 * A parenteral draft given too soon after the last dose (denosumab < 5 months, zoledronic acid
 * < 11): that dose, and the day the draft is due instead. The schedule card plans from that day too.
 */
export function tooEarly(ctx: RuleContext, draft: RecognisedDraft): { readonly last: { readonly date: LocalDate; readonly ref: string }; readonly due: LocalDate } | undefined {
  const early = EARLY_DOSE[draft.identity.drug];
  if (early === undefined) return undefined;
  const last = lastInjection(ctx.facts, draft);
  if (last === undefined || !tooSoonAfter(draft.identity.drug, last.date, treatmentStart(draft, ctx.today))) return undefined;
  return { last, due: addMonths(last.date, early.everyMonths) };
}

/** A dose of this parenteral drug on `day` would come too soon after `lastDose` (denosumab < 5 months, zoledronic acid < 11). */
export function tooSoonAfter(drug: DrugId, lastDose: LocalDate, day: LocalDate): boolean {
  const early = EARLY_DOSE[drug];
  return early !== undefined && addMonths(lastDose, early.minMonths) > day;
}

export const rxDoseInterval: DraftRule<'rx-dose-interval'> = (ctx, draft) => {
  if (!draftOfDrug(draft, ['alendronate', 'risedronate', 'ibandronate', 'denosumab', 'zoledronic-acid'])) return undefined;
  const schedule = SCHEDULES[draft.identity.drug]?.find((s) => judged(s, draft.doseMgPerAdministration, draft.identity.strengthMg));
  if (schedule === undefined) return undefined;

  const findings: Finding[] = [draftFinding(draft)];
  const refs: string[] = [];
  const interval = draft.intervalDays;
  const tooOften = interval !== undefined && interval < schedule.everyDays * (1 - SCHEDULE_TOLERANCE);
  if (tooOften) {
    findings.push({
      kind: 'dose-interval',
      drug: draft.identity.drug,
      ...(draft.doseMgPerAdministration === undefined ? {} : { doseMg: draft.doseMgPerAdministration }),
      intervalDays: interval,
      scheduleDays: schedule.everyDays,
      ref: draft.ref,
    });
  }

  const early = tooEarly(ctx, draft);
  const from = early?.due;
  if (early !== undefined) {
    findings.push({ kind: 'last-dose', drugClass: draft.identity.drugClass, date: early.last.date, months: monthsBetween(early.last.date, treatmentStart(draft, ctx.today)), ref: early.last.ref });
    findings.push({ kind: 'due-date', what: draft.identity.drugClass === 'denosumab' ? 'denosumab-injection' : 'zoledronic-acid-infusion', date: early.due });
    refs.push(early.last.ref);
  }
  if (!tooOften && from === undefined) return undefined;

  const fix: SuggestionSpec = { kind: 'fix-schedule', draft: draft.ref, schedule: schedule.name, doseMg: schedule.doseMg, ...(from === undefined ? {} : { from }) };
  return {
    topic: 'rx-dose-interval',
    indicator: 'critical',
    reasons: ['too-frequent'],
    evidence: draftEvidence(draft, refs),
    findings,
    suggestions: [fix],
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
    schedule: schedule.name,
    scheduleDoseMg: schedule.doseMg,
    ...(tooOften ? { orderedEveryDays: interval } : {}),
    ...(from === undefined ? {} : { nextInjection: from }),
  };
};
