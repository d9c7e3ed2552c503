/**
 * Duration of oral bisphosphonate treatment — source-card-da.txt:
 *
 * l. 183     "Varighed af peroral behandling"
 * l. 185-194 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis: T-score (hofte)
 *            > -2,5 og aldrig lavenergibrud i ryg eller hofte og ingen andre lavenergibrud de
 *            seneste år og evt. udløsende årsager er korrigeret, fx længerevarende
 *            glukokortikoidbehandling, hvor der behandles med alendronat ½-1 år efter ophør."
 * l. 198-199 "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år."
 *
 * Shared by `bisphosphonate-pause-candidate`, `bisphosphonate-continue` and
 * `bisphosphonate-ten-years`: the years of oral bisphosphonate (all courses added up, calendar
 * exact) and the four pause criteria, each failed criterion named by its reason code.
 */
import type { Course, PatientFacts, Ref } from '../../facts/types.js';
import { addMonths, addYears, type LocalDate } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { hipTScore } from '../predicates/dxa.js';
import { courseFinding, glucocorticoidFinding, scoreFinding } from '../predicates/findings.js';
import { distinctFractures, fractureFinding, lowEnergyFractures, withinYears } from '../predicates/fractures.js';
import { T_SCORE_OSTEOPOROSIS, spineHipFractures } from '../predicates/indication.js';
import { activeCourse, oralBisphosphonateCourses, oralBisphosphonateYearsReached, youngDenosumabFollowOn } from '../predicates/medication.js';
import { perContext } from '../memo.js';
import type { RuleContext } from '../types.js';
import type { Finding } from '../../contract/findings.js';

export const PAUSE_AFTER_YEARS = 5;
export const MAX_YEARS = 10;

export type DurationBand = 'five-to-ten' | 'ten-or-more';

export interface OralDuration {
  readonly band: DurationBand;
  readonly active: Course;
  readonly courses: readonly Course[];
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
}

/**
 * On oral bisphosphonate now, with at least 5 years of it (all courses added up) — not while it is
 * the follow-on after denosumab in its first 12 months (`youngDenosumabFollowOn`): no pause, "continue"
 * or "10 years" card for the treatment l. 81-82 demands.
 */
export const oralDuration = perContext((ctx): OralDuration | undefined => {
  const { facts, today } = ctx;
  const active = activeCourse(facts, 'oral-bisphosphonate');
  if (active === undefined || !oralBisphosphonateYearsReached(facts, PAUSE_AFTER_YEARS) || youngDenosumabFollowOn(facts) !== undefined) return undefined;
  const courses = oralBisphosphonateCourses(facts);
  return {
    band: oralBisphosphonateYearsReached(facts, MAX_YEARS) ? 'ten-or-more' : 'five-to-ten',
    active,
    courses,
    findings: courses.map((c) => courseFinding(c, today)),
    evidence: courses.flatMap((c) => c.refs),
  };
});

export interface PauseJudgement {
  /** The criteria that fail; empty when a pause may be considered. */
  readonly failed: readonly Reason[];
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
}

/** Sites of "andre lavenergibrud": every site but spine and hip. */
const OTHER_SITES = ['pelvis', 'upper-arm', 'forearm', 'other'] as const;

function glucocorticoidOngoing(facts: PatientFacts, stoppedMonths: number, asOf: LocalDate): boolean {
  const gc = facts.glucocorticoid;
  if (asOf === facts.today) {
    if (gc.active) return true;
    return gc.lastUse !== undefined && gc.lastUse > addMonths(facts.today, -stoppedMonths);
  }
  // On an earlier day (the end of a course): a glucocorticoid record in use within the months before it.
  const from = addMonths(asOf, -stoppedMonths);
  return facts.medications.some((m) => m.identity.drugClass === 'glucocorticoid' && m.start <= asOf && (m.end ?? (m.status === 'active' ? facts.today : m.start)) > from);
}

/**
 * "Seponering kan ske, hvis: …" — the four criteria, each checked and named when it fails.
 * `asOf` (default today): the day they are judged on — rules.md section 1 (v2) "Paused" judges
 * them on the day the last oral course ended, with what the record showed then.
 */
export function pauseCriteria(ctx: RuleContext, asOf: LocalDate = ctx.today): PauseJudgement {
  return asOf === ctx.today ? pauseCriteriaToday(ctx) : judgePause(ctx, asOf);
}

/** Today's judgement is asked by two rules (pause candidate, continue): once per request. */
const pauseCriteriaToday = perContext((ctx) => judgePause(ctx, ctx.today));

function judgePause(ctx: RuleContext, asOf: LocalDate): PauseJudgement {
  const { settings } = ctx;
  const facts = ctx.facts;
  const known = (date: LocalDate | undefined): boolean => date === undefined || date <= asOf;
  const failed: Reason[] = [];
  const findings: Finding[] = [];
  const evidence: Ref[] = [];

  // "T-score (hofte) > -2,5" — hip T-score from the latest DXA that measured the hip.
  const hip = hipTScore(facts, asOf);
  if (hip === undefined) failed.push('hip-t-score-missing');
  else {
    findings.push(scoreFinding('t-score', hip));
    evidence.push(hip.ref);
    if (hip.value <= T_SCORE_OSTEOPOROSIS) failed.push('hip-t-score-low');
  }

  // "aldrig lavenergibrud i ryg eller hofte" — ever, possible ones included (the safer reading).
  const { spine, hip: hipFractures } = spineHipFractures(facts, settings);
  const spineHip = distinctFractures([...spine, ...hipFractures].filter((c) => known(c.fracture.date)));
  if (spineHip.length > 0) {
    failed.push('prior-spine-hip-fracture');
    findings.push(...spineHip.map(fractureFinding));
    evidence.push(...spineHip.map((c) => c.fracture.ref));
  }

  // "ingen andre lavenergibrud de seneste år" — the last N years [choice, rules.md: 5]. An undated
  // one cannot be shown to be older, so it counts as recent [choice: safer — continue treatment].
  const others = lowEnergyFractures(facts, settings, OTHER_SITES);
  const recent = distinctFractures([
    ...withinYears(others, asOf, settings.pauseRecentFractureYears),
    // An undated history record written down before the window is no recent fracture.
    ...others.filter((c) => c.fracture.date === undefined && (c.fracture.notAfter === undefined || c.fracture.notAfter >= addYears(asOf, -settings.pauseRecentFractureYears))),
  ]);
  if (recent.length > 0) {
    failed.push('recent-fracture');
    findings.push(...recent.map(fractureFinding));
    evidence.push(...recent.map((c) => c.fracture.ref));
  }

  // "evt. udløsende årsager er korrigeret, fx længerevarende glukokortikoidbehandling, hvor der
  // behandles med alendronat ½-1 år efter ophør": glucocorticoid stopped at least 12 months ago
  // (the far end of ½–1 year [choice, rules.md]) or never used.
  if (glucocorticoidOngoing(facts, settings.pauseGlucocorticoidStoppedMonths, asOf)) {
    const gc = facts.glucocorticoid;
    failed.push('ongoing-glucocorticoid');
    findings.push(glucocorticoidFinding(gc));
    evidence.push(...gc.refs);
  }
  return { failed, findings, evidence };
}
