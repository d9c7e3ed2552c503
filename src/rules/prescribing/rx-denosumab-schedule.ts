/**
 * Card (source-card-da.txt):
 *   l. 64     "60 mg s.c. hver 6. måned"
 *   l. 78-82  "Opsæt system, så inj. huskes hver 6. måned - også hvis patienten ikke kommer til aftalt
 *              tid. Der må max gå 7 måneder. P-calcium kontrolleres forud for injektion. Hvis denosumab
 *              seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt
 *              behandling."
 *
 * Topic `rx-denosumab-schedule` (rules.md section 4).
 * When: the draft is denosumab (a start or the next injection) — not the 120 mg oncology product
 * (draft.ts `oncologyDose`), whose injections are monthly.
 * Then: info — every 6 months, never more than 7; a recall system even if the patient does not
 * come; P-calcium before each injection; never stop without follow-on treatment (zoledronic acid
 * about 6 months after the last injection). Suggestion: a reminder for the next injection at the
 * draft's start + 6 calendar months — its start, or today when it was written earlier (the
 * injection cannot be given before the order is signed; an authoredOn weeks back put the reminder
 * in the past, and left the injection after this one without a recall); when rx-dose-interval finds the draft too early, for the day
 * it is due instead (the date that card names): that injection is the next one to recall, and a
 * reminder 6 months after it left no recall for it — 12 months after the last injection, past the
 * card's "max 7 måneder", for a GP who takes the reminder and not the moved order. An injection of a
 * running course held for a low calcium (rx-hypocalcaemia) is the one to recall too: at its due day
 * (last + 6 months) if that is still ahead, else at the 7-month limit, else today — a reminder 6
 * months after a draft that will not be given recalled it 12-15 months after the last injection
 * [choice]. Warning when the latest eGFR is below 30 [extension: SmPC —
 * severe renal impairment raises the risk of hypocalcaemia], and when the draft is dosed further
 * apart than 7 months (l. 79 "Der må max gå 7 måneder"): then the first suggestion corrects it to
 * every 6 months (`orderedEveryDays`) [choice]. The same limit holds for the day the draft plans
 * the injection (`plannedLate`): a draft of 1 December planned for 1 March after an injection on
 * 1 June had an info card while the rebound began; a warning moves it to the due day (last + 6
 * months) or today, whichever is later [choice]. The last injection here is the latest date any
 * record of the course can give (`lastInjection`, as rx-dose-interval): a listing read as an
 * injection can only hold the warning back, never raise it falsely.
 * At eGFR ≤ 35 the card's usual follow-on, zoledronic acid, is barred (l. 41 "Tjek, at eGFR > 35"):
 * the "never stop without follow-on" line then leaves the follow-on to endocrinology instead of
 * naming zoledronic acid (`egfrLow`) [choice, as `denosumab-overdue`].
 * Reasons: `schedule`, `egfr-below-30`.
 */
import { addMonths, maxDate, monthsBetween, MONTH_DAYS, type LocalDate } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { labFinding } from '../predicates/findings.js';
import { below, belowVerdict, latestDeciding, latestLowCalcium } from '../predicates/labs.js';
import { INJECTION_INTERVAL_MONTHS, MAX_INTERVAL_MONTHS } from '../follow-up/denosumab.js';
import type { DraftRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { draftEvidence, draftFinding, draftOfClass, draftsBefore, oncologyDose, treatmentStart, type RecognisedDraft } from './draft.js';
import type { PatientFacts } from '../../facts/types.js';
import { lastInjection, tooEarly } from './rx-dose-interval.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { heldDenosumabInjection } from './rx-hypocalcaemia.js';

/** Denosumab SmPC: severe renal impairment (eGFR < 30) raises the risk of hypocalcaemia [extension]. */
export const EGFR_SEVERE = 30;

export const rxDenosumabSchedule: DraftRule<'rx-denosumab-schedule'> = (ctx, draft) => {
  if (!draftOfClass(draft, ['denosumab']) || oncologyDose(draft)) return undefined;
  // Denosumab drafted twice: one recall, on the first (the second is rx-duplicate-antiresorptive's).
  if (draftsBefore(ctx.facts, draft).some((d) => d.identity?.drugClass === 'denosumab')) return undefined;
  // The latest eGFR that can tell "< 30": "<60" cannot, and is not read as severe (labs.ts).
  const egfr = latestDeciding(ctx.facts.labs.egfr, ctx.today, (m) => belowVerdict(m, EGFR_SEVERE) !== undefined);
  const severe = egfr !== undefined && below(egfr, EGFR_SEVERE);
  const egfrLow = latestEgfrAtLimit(ctx.facts) !== undefined;
  // A held or too early injection (rx-hypocalcaemia, rx-dose-interval) cannot be given now: the one to recall is the one due.
  const held = heldDenosumabInjection(ctx, draft);
  const late = held === undefined ? plannedLate(ctx.facts, draft, ctx.today) : undefined;
  const next =
    held !== undefined
      ? nextMilestone(held.last.date, held.latestInTime, ctx.today)
      : late !== undefined
      ? addMonths(late.moveTo, INJECTION_INTERVAL_MONTHS)
      : (tooEarly(ctx, draft)?.due ?? addMonths(maxDate(draft.start, ctx.today), INJECTION_INTERVAL_MONTHS));
  // A first injection that a low calcium holds back (rx-hypocalcaemia removes the draft) is not given
  // today: a reminder six months from today would time a schedule that has not begun [choice].
  const notGiven = held === undefined && latestLowCalcium(ctx.facts.labs.calcium, ctx.today) !== undefined;
  // A held injection already past the 7 months: no date left to recall — it is given once calcium is corrected.
  const pastLimit = held !== undefined && held.latestInTime < ctx.today;
  const egfrSevere = severe ? labFinding('egfr', egfr) : undefined;
  // What makes it a warning comes first: a long card shows the first lines of its lists.
  const reasons: Reason[] = egfrSevere === undefined ? ['schedule'] : ['egfr-below-30', 'schedule'];
  const findings: Finding[] = [
    ...(egfrSevere === undefined ? [] : [egfrSevere]),
    draftFinding(draft),
    ...(notGiven || pastLimit ? [] : [{ kind: 'due-date' as const, what: 'denosumab-injection' as const, date: next }]),
  ];
  // Dosed further apart than the card's "Der må max gå 7 måneder" (e.g. "hver 12. måned"): the
  // gap itself brings the rapid bone loss of a stop (l. 80-82) — a warning that corrects the draft
  // to every 6 months [choice: rx-dose-interval covers only dosing more frequent than the schedule].
  const interval = draft.intervalDays;
  const tooRare = interval !== undefined && interval > MAX_INTERVAL_MONTHS * MONTH_DAYS;
  if (tooRare) findings.splice(egfrSevere === undefined ? 0 : 1, 0, { kind: 'dose-interval', drug: 'denosumab', intervalDays: interval, scheduleDays: INJECTION_INTERVAL_MONTHS * MONTH_DAYS, ref: draft.ref });
  if (late !== undefined) {
    findings.splice(egfrSevere === undefined ? 0 : 1, 0, {
      kind: 'last-dose',
      drugClass: 'denosumab',
      date: late.last.date,
      months: monthsBetween(late.last.date, ctx.today),
      ref: late.last.ref,
    });
  }
  return {
    topic: 'rx-denosumab-schedule',
    indicator: severe || tooRare || late !== undefined ? 'warning' : 'info',
    reasons,
    evidence: draftEvidence(draft, [...(severe ? [egfr.ref] : []), ...(late === undefined ? [] : [late.last.ref])]),
    findings,
    suggestions: [
      ...(tooRare || late !== undefined
        ? [{ kind: 'fix-schedule' as const, draft: draft.ref, schedule: 'six-monthly' as const, doseMg: 60, ...(late === undefined ? {} : { from: late.moveTo }) }]
        : []),
      ...(notGiven || pastLimit ? [] : [{ kind: 'reminder' as const, what: 'denosumab-injection' as const, due: next }]),
    ],
    selectionBehavior: 'any',
    draft: draft.ref,
    nextInjection: next,
    ...(egfrSevere === undefined ? {} : { egfrSevere }),
    ...(held === undefined ? {} : { heldUntil: held.latestInTime }),
    ...(tooRare ? { orderedEveryDays: interval } : {}),
    ...(notGiven ? { startHeld: true as const } : {}),
    ...(pastLimit ? { heldPastLimit: true as const } : {}),
    ...(late === undefined ? {} : { plannedLate: { planned: late.planned, lastInjection: late.last.date, latestInTime: late.latestInTime } }),
    ...(egfrLow ? { egfrLow: true as const } : {}),
  };
};

/**
 * A draft planned for a day after today that is past the 7-month limit after the last injection;
 * `moveTo` is the day to plan it instead: the due day (last + 6 months), or today once that has passed.
 */
function plannedLate(facts: PatientFacts, draft: RecognisedDraft, today: LocalDate): { last: { date: LocalDate; ref: string }; planned: LocalDate; latestInTime: LocalDate; moveTo: LocalDate } | undefined {
  if (draft.start <= today) return undefined;
  const last = lastInjection(facts, draft);
  if (last === undefined) return undefined;
  const latestInTime = addMonths(last.date, MAX_INTERVAL_MONTHS);
  const planned = treatmentStart(draft, today);
  if (planned <= latestInTime) return undefined;
  return { last, planned, latestInTime, moveTo: maxDate(addMonths(last.date, INJECTION_INTERVAL_MONTHS), today) };
}

/** The held injection's next milestone from today: due (last + 6 months), the 7-month limit, or today when both have passed. */
function nextMilestone(last: LocalDate, latestInTime: LocalDate, today: LocalDate): LocalDate {
  const due = addMonths(last, INJECTION_INTERVAL_MONTHS);
  // Due today is not given today (the injection is held): the limit is the date to recall.
  return due > today ? due : latestInTime >= today ? latestInTime : today;
}
