/**
 * Topic `dxa-follow-up-due` — source-card-da.txt:
 *
 * l. 160-168 "DXA-skanning – viser knoglemineraltæthed (BMD) og T-score" / "Tidligst efter 2 års
 *            behandling og efter 5 års behandling. Henvis til samme hospital som ved tidligere
 *            skanning. Skannere måler ikke helt ens og sammenligning af værdier fra forskellige
 *            skannere er usikker."
 *
 * When: on treatment (rules.md section 1 "On treatment": an active oral bisphosphonate, denosumab,
 *       zoledronic acid or anabolic course — teriparatide for 2 years is 2 years of treatment);
 *       treatment start = the earliest start of those active courses, or of the treatment they
 *       continue after a switch, an anabolic course before included (`continuousTreatmentStart`;
 *       anabolic then alendronate had waited 4 years for its first DXA). From start + 5 years
 *       with no DXA on or after that mark → five-year DXA; else from start + 2 years with no DXA
 *       on or after that mark → two-year DXA.
 * Then: info — refer for DXA at the same department as the previous scan (its performer).
 * Reasons: `two-year-dxa`, `five-year-dxa`.
 */
import type { DxaScan, Ref } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { latestScan, scanSince } from '../predicates/dxa.js';
import { courseFinding, dxaScanFinding } from '../predicates/findings.js';
import { activeOsteoporosisCourses, continuousTreatmentStart, OSTEOPOROSIS_CLASSES } from '../predicates/medication.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { lastCountedDay } from '../predicates/data-horizon.js';

/** "Tidligst efter 2 års behandling og efter 5 års behandling." */
const DXA_MARKS: readonly { readonly months: number; readonly reason: Reason }[] = [
  { months: 60, reason: 'five-year-dxa' },
  { months: 24, reason: 'two-year-dxa' },
];

export const dxaFollowUpDue: PatientRule<'dxa-follow-up-due'> = (ctx) => {
  const { facts, today } = ctx;
  const courses = activeOsteoporosisCourses(facts);
  if (courses.length === 0) return undefined;
  const start = continuousTreatmentStart(facts, courses, false, true);
  if (start === undefined) return undefined;

  let due: { reason: Reason; mark: LocalDate } | undefined;
  for (const { months, reason } of DXA_MARKS) {
    const mark = addMonths(start, months);
    if (today >= mark && scanSince(facts, mark) === undefined) {
      due = { reason, mark };
      break;
    }
    if (today >= mark) break; // a scan since the later mark also covers the earlier one
  }
  if (due === undefined) return undefined;

  // "Henvis til samme hospital som ved tidligere skanning": the performer of the latest scan that
  // names one.
  const last = latestScan(facts);
  const previous = facts.dxa.scans.find((s) => s.date <= lastCountedDay(today) && s.performer !== undefined);
  const performer = previous?.performer;
  const scans = [last, previous].filter((s, i, all): s is DxaScan => s !== undefined && all.indexOf(s) === i);
  // The courses the years are counted over: those running now and the earlier ones they continue
  // (a "5 years" card showing only "zoledronic acid for 2.0 years" after denosumab read wrong).
  const counted = facts.courses.filter((c) => courses.includes(c) || (OSTEOPOROSIS_CLASSES.includes(c.drugClass) && c.start >= start && c.start <= today));
  const findings: Finding[] = [
    ...counted.map((c) => courseFinding(c, today)),
    { kind: 'due-date', what: 'dxa', date: due.mark },
    ...(scans.length === 0 ? [{ kind: 'dxa' } as const] : scans.map(dxaScanFinding)),
  ];
  const evidence: Ref[] = [...counted.flatMap((c) => c.refs), ...scans.flatMap((s) => s.refs)];
  return {
    topic: 'dxa-follow-up-due',
    indicator: 'info',
    reasons: [due.reason],
    evidence: [...new Set(evidence)],
    findings,
    suggestions: [{ kind: 'dxa', ...(performer === undefined ? {} : { performer }) }],
    selectionBehavior: 'any',
  };
};
