/**
 * The bone-marker flow of the follow-up page, computed once for the active oral bisphosphonate
 * course and read by the `btm-*` rules and `switch-to-parenteral` (source-card-da.txt):
 *
 * l. 129-130 "Knoglemarkører (KM) - viser effekt/compliance ved peroral behandling"
 * l. 140-142 "Prokollagen type 1 N-terminal propeptid (P1NP) er primær prøve. CTX anvendes i stedet
 *            for P1NP, hvis patient er i behandling med glukokortikoid"
 * l. 144-145 "Tag initial KM før behandling" / "P1NP - kan tages hele dagen CTX skal tages fastende
 *            før kl. 10"
 * l. 147-148 "Hvis knoglemarkør ikke er taget før behandlingsstart sammenholdes resultat med
 *            gennemsnit for præmenopausale kvinder (oplyses fra laboratoriet) (mere usikkert)."
 * l. 150-152 "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før behandlingsstart. Mål ét år
 *            efter fraktur."
 * l. 170     "> 30% fald fra initial KM < 30% fald fra initial KM"
 * l. 172     "Tag KM 3 mdr. efter og revurdér"
 * l. 183     "Tag KM 3 mdr. efter patienten er startet behandling*"
 *
 * Markers apply to oral treatment only (l. 130). The flow, as the card draws it: baseline before
 * start → marker 3 months after start → a fall of more than 30 %: continue → 30 % or less: check
 * intake, compliance, other disease → re-measure after 3 months → still not more than 30 %: start
 * or refer parenteral treatment.
 */
import type { BoneMarkerKind, BoneMarkerMeasurement, Comparator, Course, Fracture, PatientFacts, Ref } from '../../facts/types.js';
import { addDays, addMonths, maxDate, minDate, type LocalDate } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { activeCourse } from '../predicates/medication.js';
import type { GuidelineSettings } from '../settings.js';
import { perContext } from '../memo.js';
import type { RuleContext } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { lastCountedDay } from '../predicates/data-horizon.js';
import { markerBoundFinding, notFastingFinding } from '../predicates/findings.js';
import { belowVerdict } from '../predicates/labs.js';

/** "Tag KM 3 mdr. efter patienten er startet behandling" (l. 183), and the re-check (l. 172). */
export const MARKER_AFTER_MONTHS = 3;
/** "Fraktur indenfor 6 mdr. før behandlingsstart" (l. 152). */
export const FRACTURE_BEFORE_START_MONTHS = 6;
/** "Mål ét år efter fraktur" (l. 152). */
export const MEASURE_AFTER_FRACTURE_MONTHS = 12;
/** "> 30% fald fra initial KM" (l. 170): a fall of exactly 30 % is not enough. */
export const ADEQUATE_FALL_PERCENT = 30;

/** One on-treatment marker judged against the baseline (or, without one, the premenopausal mean). */
export interface MarkerVerdict {
  readonly measurement: BoneMarkerMeasurement;
  /** Fell more than 30 % from the baseline; without a baseline: below the premenopausal mean. */
  readonly adequate: boolean;
  /** Fall from the baseline in percent (positive = fall), when there is a baseline. */
  readonly fallPercent?: number;
  /** Without a baseline: the premenopausal mean it was compared with ("mere usikkert"). */
  readonly premenopausalMean?: number;
  /** A baseline reported as a bound that could not decide the fall: held against the mean instead, named as not used. */
  readonly unusedBaseline?: BoneMarkerMeasurement;
  readonly finding: Finding;
  /** The marker and its baseline. */
  readonly evidence: readonly Ref[];
}

export interface BoneMarkerFlow {
  readonly course: Course;
  /** P1NP, or CTX while the patient is on glucocorticoid (l. 140-142). */
  readonly kind: BoneMarkerKind;
  /** The latest fracture dated within 6 months before the course start (any mechanism). */
  readonly fractureBeforeStart?: Fracture;
  /** With such a fracture, markers count only from one year after it (baseline included). */
  readonly usableFrom?: LocalDate;
  /** When the first on-treatment marker is due: start + 3 months, or fracture + 12 months if later. */
  readonly firstDue: LocalDate;
  readonly baseline?: BoneMarkerMeasurement;
  /** Usable markers of the kind dated from start + 3 months up to today, newest first. */
  readonly onTreatment: readonly MarkerVerdict[];
  /** CTX taken at 10 or later that would have shown a response, newer than the latest judged marker: named, not judged. */
  readonly notFasting: readonly BoneMarkerMeasurement[];
  /**
   * Markers reported as a bound ("<20", ">20") that cannot decide their verdict, newer than the
   * latest judged marker: no decisive value, named as not used (rules/unusable-values.ts).
   */
  readonly undecided: readonly BoneMarkerMeasurement[];
}

/**
 * The marker the card asks for: CTX under glucocorticoid treatment, else the kind the course's
 * series was last measured in, else P1NP. A CTX series begun under prednisolone stays CTX when the
 * prednisolone stops [choice]: a switch to P1NP then had no baseline and dropped the CTX results,
 * so a documented failure (two insufficient falls) disappeared. Once a P1NP is taken after it, the
 * series is P1NP. A P1NP series under new glucocorticoid becomes CTX, as the card says (the
 * glucocorticoid lowers P1NP and would pass for a response) — unless it had run its course
 * (`seriesBeforeGlucocorticoid`).
 */
export function markerKind(facts: PatientFacts, course: Course, settings: GuidelineSettings, until: LocalDate): BoneMarkerKind {
  if (facts.glucocorticoid.active) return 'ctx';
  const from = addDays(course.start, -settings.freshnessDays.boneMarkerBaseline);
  const latest = facts.labs.boneMarkers.find((m) => m.date >= from && m.date <= until);
  return latest?.marker ?? 'p1np';
}

/**
 * "Fraktur indenfor 6 mdr. før behandlingsstart" — any recorded fracture, whatever its mechanism
 * (a fracture raises bone turnover whether it was low-energy or not), dated from start − 6 months
 * up to the start day. The latest one sets the date markers become usable again.
 */
export function fractureBeforeStart(facts: PatientFacts, start: LocalDate): Fracture | undefined {
  const from = addMonths(start, -FRACTURE_BEFORE_START_MONTHS);
  let latestFracture: Fracture | undefined;
  for (const f of facts.fractures) {
    // A partial date ("2021") that may fall after the start is not known to be before it: the baseline
    // stays asked for. Days after today are not days it can mean ("2026-12" read on 5 December).
    if (f.date === undefined || f.date < from || f.date > start || (f.latestDate !== undefined && minDate(f.latestDate, facts.today) > start)) continue;
    if (latestFracture?.date === undefined || f.date > latestFracture.date) latestFracture = f;
  }
  return latestFracture;
}

/** Rounded to 6 decimals so that 0.5 → 0.35 is a fall of exactly 30 %, not 30.000000000000004 %. */
function percent(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The values a reported marker allows: exact, or a bound — "<20" anything from 0 up to (not
 * including) 20, ">20" anything above 20 (a marker is never negative). `lowOpen` / `highOpen`: the
 * end itself is not allowed.
 */
interface Allowed {
  readonly low: number;
  readonly lowOpen: boolean;
  readonly high: number;
  readonly highOpen: boolean;
}

function allowed(m: BoneMarkerMeasurement): Allowed {
  switch (m.comparator) {
    case undefined:
      return { low: m.value, lowOpen: false, high: m.value, highOpen: false };
    case '<':
      return { low: 0, lowOpen: true, high: m.value, highOpen: true };
    case '<=':
      return { low: 0, lowOpen: true, high: m.value, highOpen: false };
    case '>':
      return { low: m.value, lowOpen: true, high: Infinity, highOpen: true };
    case '>=':
      return { low: m.value, lowOpen: false, high: Infinity, highOpen: true };
  }
}

/** The fall from `baseline` to `latest` in percent (either may be a bound's open end, ∞); no fall from a baseline of 0, as before. */
function fall(baseline: number, latest: number): number {
  if (latest === Infinity) return -Infinity;
  if (baseline === Infinity) return 100;
  return baseline > 0 ? percent(((baseline - latest) / baseline) * 100) : 0;
}

/** A fall decided by every value the two reports allow, with the bound it is known by ("> 80 %"). */
interface DecidedFall {
  readonly adequate: boolean;
  readonly fallPercent: number;
  /** The fall is only known to be beyond `fallPercent` (a bound among the two values). */
  readonly comparator?: Comparator;
}

/**
 * "> 30% fald fra initial KM" (l. 170) as far as the two values can tell (terminology.md l. 1063
 * "parse the comparators"; as rules/predicates/labs.ts for the other labs): the fall is
 * (baseline − latest) / baseline, least with the lowest baseline and the highest latest value,
 * greatest the other way. More than 30 % when even the least fall is (a follow-up "<20" after 100
 * fell more than 80 %); 30 % or less when even the greatest is (">80" after 100 fell less than
 * 20 %); otherwise undefined — every verdict is possible, and none is claimed [choice, as the
 * labs]. A reported "<20" had been read as 20, so ">20" passed for a fall to 20.
 */
function fallVerdict(m: BoneMarkerMeasurement, baseline: BoneMarkerMeasurement): DecidedFall | undefined {
  const b = allowed(baseline);
  const f = allowed(m);
  const exact = m.comparator === undefined && baseline.comparator === undefined;
  // A baseline "<50" may be next to nothing: any follow-up may then be a rise.
  const least = b.low === 0 && b.lowOpen ? -Infinity : fall(b.low, f.high);
  const leastOpen = b.lowOpen || f.highOpen;
  if (least > ADEQUATE_FALL_PERCENT || (least === ADEQUATE_FALL_PERCENT && leastOpen)) {
    return { adequate: true, fallPercent: least, ...(exact ? {} : { comparator: leastOpen ? '>' : '>=' }) };
  }
  const greatest = fall(b.high, f.low);
  if (greatest <= ADEQUATE_FALL_PERCENT) {
    return { adequate: false, fallPercent: greatest, ...(exact ? {} : { comparator: b.highOpen || f.lowOpen ? '<' : '<=' }) };
  }
  return undefined;
}

const comparatorOf = (m: BoneMarkerMeasurement, key: 'latestComparator' | 'baselineComparator'): Partial<Record<typeof key, Comparator>> =>
  m.comparator === undefined ? {} : { [key]: m.comparator };

/**
 * The marker judged against the baseline, else the premenopausal mean; undefined when a reported
 * bound cannot decide it. A baseline reported as a bound that cannot decide this fall ("<50" before
 * 20: the fall may be 5 % or 60 %) is no initial value for it: the marker is held against the
 * premenopausal mean, as the card says without one (l. 147-148 "mere usikkert"), and the baseline is
 * named as not used [choice: else every follow-up marker would stay undecided, and asked for again
 * for ever]. A follow-up bound against an exact baseline stays undecided: the baseline is the better
 * yardstick, and a new marker can answer.
 */
function verdict(m: BoneMarkerMeasurement, baseline: BoneMarkerMeasurement | undefined, settings: GuidelineSettings): MarkerVerdict | undefined {
  if (baseline !== undefined) {
    const decided = fallVerdict(m, baseline);
    if (decided !== undefined) {
      return {
        measurement: m,
        adequate: decided.adequate,
        fallPercent: decided.fallPercent,
        finding: {
          kind: 'marker-change',
          marker: m.marker,
          baseline: baseline.value,
          ...comparatorOf(baseline, 'baselineComparator'),
          baselineDate: baseline.date,
          latest: m.value,
          ...comparatorOf(m, 'latestComparator'),
          latestDate: m.date,
          fallPercent: decided.fallPercent,
          ...(decided.comparator === undefined ? {} : { fallComparator: decided.comparator }),
          ref: m.ref,
        },
        evidence: [m.ref, baseline.ref],
      };
    }
    if (baseline.comparator === undefined) return undefined;
  }
  const mean = m.premenopausalMean ?? settings.premenopausalMean[m.marker];
  // "<30" is below a mean of 35, ">30" is not below 30; "<40" or ">30" cannot tell (labs.ts).
  const below = belowVerdict(m, mean);
  if (below === undefined) return undefined;
  return {
    measurement: m,
    adequate: below,
    premenopausalMean: mean,
    ...(baseline === undefined ? {} : { unusedBaseline: baseline }),
    finding: { kind: 'marker-change', marker: m.marker, latest: m.value, ...comparatorOf(m, 'latestComparator'), latestDate: m.date, premenopausalMean: mean, ref: m.ref },
    evidence: baseline === undefined ? [m.ref] : [m.ref, baseline.ref],
  };
}

/** What verdicts show: each marker against its yardstick, and once a baseline bound they could not use. */
export function verdictFindings(...verdicts: readonly MarkerVerdict[]): readonly Finding[] {
  const unused = verdicts.find((v) => v.unusedBaseline !== undefined)?.unusedBaseline;
  return [...verdicts.map((v) => v.finding), ...(unused === undefined ? [] : [markerBoundFinding(unused)])];
}

/** The bone-marker flow of the active oral bisphosphonate course; undefined without one. */
export const boneMarkerFlow = perContext((ctx): BoneMarkerFlow | undefined => {
  const course = activeCourse(ctx.facts, 'oral-bisphosphonate');
  return course === undefined ? undefined : flowOf(ctx, course, lastCountedDay(ctx.today));
});

/**
 * The flow of an oral course that has ended, from the markers taken up to its end: what it showed
 * while it ran (treatment-indicated.ts: a course that failed is not offered again).
 */
export function endedCourseFlow(ctx: RuleContext, course: Course): BoneMarkerFlow {
  return flowOf(ctx, course, minDate(course.end, lastCountedDay(ctx.today)));
}

/** The flow of `course` from the markers dated up to `until`. */
function flowOf(ctx: RuleContext, course: Course, until: LocalDate): BoneMarkerFlow {
  return seriesBeforeGlucocorticoid(ctx, course, until) ?? flowOfKind(ctx, course, until, markerKind(ctx.facts, course, ctx.settings, until));
}

/**
 * A P1NP series that had run its course still stands under a glucocorticoid in use today, as long
 * as no marker (of either kind) has been taken since its deciding one:
 * - an insufficient fall confirmed at the re-check, whenever measured — a glucocorticoid lowers
 *   P1NP, so a fall too small under it is no less a failure (turned into a CTX series, the failure
 *   was lost and alendronate offered again);
 * - a fall of more than 30 % (l. 170 "Fortsæt behandling": no marker is asked after it) with no
 *   glucocorticoid in use from the series' first marker to its deciding one (turned into a CTX
 *   series, it had asked, years on, for the marker "3 months after starting" with no baseline)
 *   [choice]. A response measured under a glucocorticoid may be its doing.
 * Otherwise, and once a newer marker is taken (a P1NP under the glucocorticoid, a CTX for suspected
 * non-compliance), the series goes on in CTX (l. 140-142).
 */
function seriesBeforeGlucocorticoid(ctx: RuleContext, course: Course, until: LocalDate): BoneMarkerFlow | undefined {
  const { glucocorticoid, labs } = ctx.facts;
  if (!glucocorticoid.active) return undefined;
  const flow = flowOfKind(ctx, course, until, 'p1np');
  const latest = latestVerdict(flow);
  if (latest === undefined) return undefined;
  const decided = latest.measurement.date;
  if (labs.boneMarkers.some((m) => m.date > decided && m.date <= until)) return undefined;
  if (persistentlyInadequate(flow) !== undefined) return flow;
  if (!latest.adequate) return undefined;
  const from = flow.baseline?.date ?? flow.onTreatment.at(-1)?.measurement.date ?? decided;
  return glucocorticoid.uses.some((use) => use.start <= decided && use.end >= from) ? undefined : flow;
}

/** The flow of `course` in markers of `kind` dated up to `until`. */
function flowOfKind(ctx: RuleContext, course: Course, until: LocalDate, kind: BoneMarkerKind): BoneMarkerFlow {
  const { facts, settings } = ctx;
  const fracture = fractureBeforeStart(facts, course.start);
  const usableFrom = fracture?.date === undefined ? undefined : addMonths(fracture.date, MEASURE_AFTER_FRACTURE_MONTHS);
  const threeMonths = addMonths(course.start, MARKER_AFTER_MONTHS);
  const firstDue = usableFrom === undefined ? threeMonths : maxDate(threeMonths, usableFrom);

  // A marker of the other kind is not compared across kinds; one taken too soon after a fracture
  // is not used at all.
  const usable = facts.labs.boneMarkers.filter((m) => m.marker === kind && m.date <= until && (usableFrom === undefined || m.date >= usableFrom));
  const baselineFrom = addDays(course.start, -settings.freshnessDays.boneMarkerBaseline);
  const baseline = usable.find((m) => m.date <= course.start && m.date >= baselineFrom);
  const judged: MarkerVerdict[] = [];
  const undecidedAll: BoneMarkerMeasurement[] = [];
  for (const m of usable) {
    if (m.date < threeMonths) continue;
    const v = verdict(m, baseline, settings);
    if (v === undefined) undecidedAll.push(m);
    else judged.push(v);
  }
  // l. 145 "CTX skal tages fastende før kl. 10": a later sample reads low, so it cannot show a
  // response — a fall that may be the hour's, and a non-responder told to go on [choice, safer].
  // It can show its absence (a fasting value is higher still), and a late baseline only understates
  // a fall: those are judged as they stand.
  const onTreatment = judged.filter((v) => !lateResponse(v));
  const newestJudged = onTreatment[0]?.measurement.date;
  const notFasting = judged.filter((v) => lateResponse(v) && (newestJudged === undefined || v.measurement.date > newestJudged)).map((v) => v.measurement);
  // A bound that cannot decide is no decisive value: the flow goes on from the markers that can (a
  // first marker is still due, a re-check still awaited), and a newer one is named as not used.
  const undecided = undecidedAll.filter((m) => newestJudged === undefined || m.date > newestJudged);

  return {
    course,
    kind,
    ...(fracture === undefined ? {} : { fractureBeforeStart: fracture }),
    ...(usableFrom === undefined ? {} : { usableFrom }),
    firstDue,
    ...(baseline === undefined ? {} : { baseline }),
    onTreatment,
    notFasting,
    undecided,
  };
}

function lateResponse(v: MarkerVerdict): boolean {
  return v.adequate && v.measurement.notFastingAt !== undefined;
}

/** The CTX the flow did not judge (taken after 10), named on the card that speaks of the marker. */
export function notFastingFindings(flow: BoneMarkerFlow): { readonly findings: readonly Finding[]; readonly evidence: readonly Ref[] } {
  return {
    findings: flow.notFasting.map(notFastingFinding),
    evidence: flow.notFasting.map((m) => m.ref),
  };
}

/** The latest on-treatment marker: the one the card's flow acts on. */
export function latestVerdict(flow: BoneMarkerFlow): MarkerVerdict | undefined {
  return flow.onTreatment[0];
}

/**
 * "Tag KM 3 mdr. efter og revurdér" → still "< 30% fald": the latest on-treatment marker is
 * inadequate, and so is the one it re-checks — an earlier marker at least 3 months before it, with
 * only inadequate ones between. A second sample days or weeks after the first inadequate one is no
 * re-check: the correction (intake, compliance) cannot have shown yet, and it had turned "re-measure
 * in 3 months" into "start parenteral treatment" [choice: the card's 3 months, as for the first
 * marker after the start].
 */
export function persistentlyInadequate(flow: BoneMarkerFlow): readonly [MarkerVerdict, MarkerVerdict] | undefined {
  const [latest, ...older] = flow.onTreatment;
  if (latest === undefined || latest.adequate) return undefined;
  for (const m of older) {
    if (m.adequate) return undefined;
    if (rechecks(latest, m)) return [latest, m];
  }
  return undefined;
}

/** `later` is the re-check of `earlier`: taken on or after the day 3 months on (the day `markerDue` gives; 30 Nov → 28 Feb). */
function rechecks(later: MarkerVerdict, earlier: MarkerVerdict): boolean {
  return later.measurement.date >= addMonths(earlier.measurement.date, MARKER_AFTER_MONTHS);
}

/**
 * The inadequate marker the coming re-check answers: the earliest of the inadequate run the latest
 * does not yet re-check (a second sample weeks after the first waits with it for the re-check).
 */
export function recheckAnchor(flow: BoneMarkerFlow): MarkerVerdict | undefined {
  const [latest, ...older] = flow.onTreatment;
  if (latest === undefined || latest.adequate) return undefined;
  let anchor = latest;
  for (const m of older) {
    if (m.adequate || rechecks(latest, m)) break;
    anchor = m;
  }
  return anchor;
}

export interface MarkerDue {
  readonly reasons: readonly Reason[];
  readonly due: LocalDate;
  /** For a re-check: the inadequate marker being re-checked. */
  readonly recheckOf?: MarkerVerdict;
}

/**
 * A marker is due: (a) the first one — the course has reached its due date (start + 3 months, or
 * one year after a fracture in the 6 months before start) and no usable on-treatment marker exists;
 * or (b) the re-check — the latest marker is the first inadequate one in a row, 3 months have
 * passed since it, and nothing newer has been taken.
 */
export function markerDue(flow: BoneMarkerFlow, today: LocalDate, windowMonths?: number): MarkerDue | undefined {
  // rules.md: "no bone marker since start + 3 months" — however long ago that was; a marker taken
  // late still shows whether the tablets are taken. A site may close the window (settings).
  const open = (due: LocalDate): boolean => today >= due && (windowMonths === undefined || today < addMonths(due, windowMonths));
  const latest = latestVerdict(flow);
  if (latest === undefined) {
    if (!open(flow.firstDue)) return undefined;
    const reasons: Reason[] = ['three-months-on-treatment'];
    if (flow.fractureBeforeStart !== undefined) reasons.push('fracture-before-start');
    return { reasons, due: flow.firstDue };
  }
  if (latest.adequate || persistentlyInadequate(flow) !== undefined) return undefined;
  const anchor = recheckAnchor(flow) ?? latest;
  const due = addMonths(anchor.measurement.date, MARKER_AFTER_MONTHS);
  if (!open(due)) return undefined;
  return { reasons: ['recheck-after-correction'], due, recheckOf: anchor };
}
