/**
 * The bone-health overview (/app/, issue #17): PatientFacts → the series its panels draw, on one
 * time axis. It reads the facts stage's own facts and the rules' own predicates (the denosumab
 * schedule, the bone-marker flow, the bisphosphonate pause), so the picture and the cards can never
 * disagree about what a course, a baseline, an overdue injection or a pause is. Pure: no DOM, no
 * clock, no FHIR — the browser app (app/) and the tests call it alike.
 */
import type {
  BoneMarkerKind,
  CalciumKind,
  CalciumMeasurement,
  Course,
  DrugClass,
  DrugId,
  DxaSite,
  FractureMechanism,
  FractureSite,
  Measurement,
  PatientFacts,
  Ref,
} from '../facts/types.js';
import { ADEQUATE_FALL_PERCENT, boneMarkerFlow } from '../rules/follow-up/bone-markers.js';
import { denosumabWithoutFollowOn } from '../rules/follow-up/denosumab.js';
import { VITAMIN_D_TARGET } from '../rules/initiation/applies.js';
import { pauseEnded, pauseState } from '../rules/predicates/care-state.js';
import { atOrBelow, below, CALCIUM_HIGH_FALLBACK, CALCIUM_LOW_FALLBACK, EGFR_LIMIT, isHypercalcaemia, isHypocalcaemia, VITAMIN_D_LIMIT } from '../rules/predicates/labs.js';
import { T_SCORE_GLUCOCORTICOID, T_SCORE_OSTEOPOROSIS } from '../rules/predicates/indication.js';
import { DEFAULT_SETTINGS, type GuidelineSettings } from '../rules/settings.js';
import { addMonths, minDate, maxDate, type LocalDate } from '../time/local-date.js';

/** The drug classes drawn as treatment courses (the guideline's osteoporosis drugs). */
export const COURSE_CLASSES: readonly DrugClass[] = ['oral-bisphosphonate', 'zoledronic-acid', 'denosumab', 'anabolic', 'serm', 'other-bisphosphonate'];

export interface TScorePoint {
  readonly site: DxaSite;
  readonly date: LocalDate;
  readonly value: number;
  /** The performing department (Organization display, else its reference). */
  readonly performer?: string;
  readonly ref: Ref;
}

export interface MarkerPoint {
  readonly marker: BoneMarkerKind;
  readonly date: LocalDate;
  readonly value: number;
  readonly unit: string;
  readonly ref: Ref;
  /** Reported as a bound ("<20", ">20"): the point is drawn at the bound, and labelled with it. */
  readonly comparator?: string;
  /** This is the baseline of the current oral course's marker flow. */
  readonly baseline: boolean;
  /** Fall from the baseline in percent (positive = fall), for the flow's on-treatment markers. */
  readonly fallPercent?: number;
  /** The fall is only known to be beyond `fallPercent` (a bound among the two values): "> 80 %". */
  readonly fallComparator?: string;
  /** The flow's verdict on an on-treatment marker: fell more than 30 % (or below the premenopausal mean). */
  readonly adequate?: boolean;
  /** A CTX taken at 10 or later (`HH:MM`): it cannot show a response (page 2 l. 145); shown with the point. */
  readonly notFastingAt?: string;
}

export interface MarkerFlowSummary {
  readonly marker: BoneMarkerKind;
  readonly unit: string;
  readonly courseStart: LocalDate;
  readonly baseline?: { readonly date: LocalDate; readonly value: number; readonly ref: Ref };
  /** The 30 % line: baseline × 0.7 — a marker must fall *below* it ("> 30 % fald"). */
  readonly line30?: number;
  /** Without a baseline the card compares with the premenopausal mean ("mere usikkert"). */
  readonly premenopausalMean?: number;
  /** When the first on-treatment marker is due (start + 3 months, later after a fracture). */
  readonly firstDue: LocalDate;
}

export interface LabPoint {
  readonly date: LocalDate;
  readonly value: number;
  readonly comparator?: string;
  readonly unit: string;
  readonly ref: Ref;
  /** Calcium only: total, albumin-corrected or ionised. */
  readonly kind?: CalciumKind;
  /** Outside the limits the panel draws (below eGFR 35, hypo-/hypercalcaemia, 25-OH-D below target). */
  readonly outside: boolean;
}

export interface CourseBar {
  readonly drugClass: DrugClass;
  readonly drugs: readonly DrugId[];
  readonly start: LocalDate;
  /** Last day of use (today while active). */
  readonly end: LocalDate;
  readonly status: Course['status'];
  readonly stoppedOn?: LocalDate;
  readonly supersededOn?: LocalDate;
  readonly refs: readonly Ref[];
}

/** A time without a drug of a class between two of its courses, or a pause after a course. */
export interface Interval {
  readonly kind: 'gap' | 'pause';
  readonly drugClass: DrugClass;
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** Pause only: a new fracture or a hip T-score ≤ −2.5 since its start ends it for the guideline. */
  readonly ended?: boolean;
}

export interface DoseMark {
  readonly drugClass: 'denosumab' | 'zoledronic-acid';
  readonly date: LocalDate;
  readonly ref: Ref;
}

/** The next injection/infusion, and whether it is overdue today. */
export interface DueMark {
  readonly drugClass: 'denosumab' | 'zoledronic-acid';
  readonly due: LocalDate;
  /** Denosumab: last injection + 7 months; overdue from the day after. */
  readonly latestInTime?: LocalDate;
  readonly overdue: boolean;
  readonly lastDose: LocalDate;
}

export interface FractureMark {
  readonly site: FractureSite;
  readonly date: LocalDate;
  readonly mechanism: FractureMechanism;
  readonly vertebra?: string;
  readonly count: number;
  readonly ref: Ref;
}

export interface GlucocorticoidBand {
  readonly start: LocalDate;
  readonly end: LocalDate;
  /** mg prednisolone equivalents a day, when the dosage says. */
  readonly dailyMg?: number;
  readonly ref: Ref;
}

export interface OverviewModel {
  readonly today: LocalDate;
  /** The shared time axis: first dated fact (at most 15 years back) to a little after today. */
  readonly axis: { readonly from: LocalDate; readonly to: LocalDate };
  readonly patient: { readonly sex: PatientFacts['sex']; readonly age?: number; readonly deceased: boolean };
  readonly tScores: readonly TScorePoint[];
  readonly tScoreLines: { readonly osteoporosis: number; readonly osteopenia: number };
  readonly markers: readonly MarkerPoint[];
  readonly markerFlow?: MarkerFlowSummary;
  readonly adequateFallPercent: number;
  readonly egfr: readonly LabPoint[];
  readonly egfrLimit: number;
  readonly calcium: readonly LabPoint[];
  /** The limits drawn: the lab's range of the newest value when it gave one, else the card's. */
  readonly calciumLimits: { readonly low: number; readonly high: number };
  readonly vitaminD: readonly LabPoint[];
  /** The card's target (vitamin-d-calcium) and the prescribing limit below which treatment waits (rx-vitamin-d-low). */
  readonly vitaminDTarget: number;
  readonly vitaminDLimit: number;
  readonly courses: readonly CourseBar[];
  readonly intervals: readonly Interval[];
  readonly doses: readonly DoseMark[];
  readonly due: readonly DueMark[];
  readonly fractures: readonly FractureMark[];
  /** Fractures without a date: listed, not drawn. */
  readonly undatedFractures: number;
  readonly glucocorticoid: readonly GlucocorticoidBand[];
  readonly glucocorticoidSummary: { readonly currentDailyMg: number; readonly cumulativeMg12Months: number; readonly meetsThreshold: boolean };
}

const AXIS_YEARS_BACK = 15;

function performerName(p: { readonly reference?: string; readonly display?: string } | undefined): string | undefined {
  return p?.display ?? p?.reference;
}

const byDate = <T extends { readonly date: LocalDate }>(a: T, b: T): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/**
 * `point` of each value, oldest first, equal dates in their given order (a stable sort). The facts'
 * lists come newest first, so this is mostly a reversal run by run of equal dates, without sorting
 * (or spreading the frozen list); anything else is sorted.
 */
function oldestFirst<T extends { readonly date: LocalDate }, P>(values: readonly T[], point: (value: T) => P): P[] {
  const n = values.length;
  for (let i = 1; i < n; i++) if (values[i]!.date > values[i - 1]!.date) return values.slice().sort(byDate).map((v) => point(v));
  const out: P[] = [];
  for (let end = n; end > 0; ) {
    let start = end - 1;
    const date = values[start]!.date;
    while (start > 0 && values[start - 1]!.date === date) start--;
    for (let i = start; i < end; i++) out.push(point(values[i]!));
    end = start;
  }
  return out;
}

/** Gaps between consecutive courses of one class (facts join records across shorter breaks). */
function gapsBetween(courses: readonly CourseBar[]): Interval[] {
  const gaps: Interval[] = [];
  for (const drugClass of COURSE_CLASSES) {
    const ofClass = courses.filter((c) => c.drugClass === drugClass).sort((a, b) => (a.start < b.start ? -1 : 1));
    for (let i = 1; i < ofClass.length; i++) {
      const before = ofClass[i - 1];
      const after = ofClass[i];
      if (before !== undefined && after !== undefined && before.end < after.start) gaps.push({ kind: 'gap', drugClass, start: before.end, end: after.start });
    }
  }
  return gaps;
}

/** A lab value as a point; the panel's limit decides `outside`. */
function labPoint(m: Measurement, outside: boolean): LabPoint {
  return m.comparator === undefined
    ? { date: m.date, value: m.value, unit: m.unit, ref: m.ref, outside }
    : { date: m.date, value: m.value, unit: m.unit, ref: m.ref, comparator: m.comparator, outside };
}

function calciumPoint(m: CalciumMeasurement): LabPoint {
  // As the rules read it: a reported "<2.15" or ">2.51", or the lab's L/H flag, is outside too.
  const outside = isHypocalcaemia(m) || isHypercalcaemia(m);
  return m.comparator === undefined
    ? { date: m.date, value: m.value, unit: m.unit, ref: m.ref, kind: m.kind, outside }
    : { date: m.date, value: m.value, unit: m.unit, ref: m.ref, kind: m.kind, comparator: m.comparator, outside };
}

/** The earliest of `first` and the dates of `items` (read by `date`). */
function earliest<T>(first: LocalDate, items: readonly T[], date: (item: T) => LocalDate): LocalDate {
  let out = first;
  for (let i = 0; i < items.length; i++) out = minDate(out, date(items[i]!));
  return out;
}

// The facts' lists are frozen (facts/freeze.ts), and V8 iterates frozen arrays slowly: they are
// read here with indexed loops, once each.
export function overviewModel(facts: PatientFacts, settings: GuidelineSettings = DEFAULT_SETTINGS): OverviewModel {
  const today = facts.today;
  const ctx = { facts, today, settings };

  const tScores: TScorePoint[] = [];
  const scans = facts.dxa.scans;
  for (let i = 0; i < scans.length; i++) {
    const scan = scans[i]!;
    const performer = performerName(scan.performer);
    for (const s of scan.tScores) tScores.push(performer === undefined ? { site: s.site, date: s.date, value: s.value, ref: s.ref } : { site: s.site, date: s.date, value: s.value, ref: s.ref, performer });
  }

  const flow = boneMarkerFlow(ctx);
  const verdicts = new Map((flow?.onTreatment ?? []).map((v) => [v.measurement.ref, v]));
  const baselineRef = flow?.baseline?.ref;
  const markers: MarkerPoint[] = oldestFirst(facts.labs.boneMarkers, (m) => {
    const v = verdicts.get(m.ref);
    const baseline = baselineRef === m.ref;
    const late = m.notFastingAt === undefined ? {} : { notFastingAt: m.notFastingAt };
    const bound = m.comparator === undefined ? {} : { comparator: m.comparator };
    if (v === undefined) return { marker: m.marker, date: m.date, value: m.value, unit: m.unit, ref: m.ref, ...bound, baseline, ...late };
    if (v.fallPercent === undefined) return { marker: m.marker, date: m.date, value: m.value, unit: m.unit, ref: m.ref, ...bound, baseline, adequate: v.adequate, ...late };
    const fallBound = v.finding.kind === 'marker-change' && v.finding.fallComparator !== undefined ? { fallComparator: v.finding.fallComparator } : {};
    return { marker: m.marker, date: m.date, value: m.value, unit: m.unit, ref: m.ref, ...bound, baseline, fallPercent: v.fallPercent, ...fallBound, adequate: v.adequate, ...late };
  });
  let flowUnit: string | undefined;
  if (flow !== undefined) {
    flowUnit = flow.baseline?.unit;
    const all = facts.labs.boneMarkers;
    for (let i = 0; flowUnit === undefined && i < all.length; i++) if (all[i]!.marker === flow.kind) flowUnit = all[i]!.unit;
    flowUnit ??= flow.kind === 'p1np' ? 'ug/L' : 'ng/mL';
  }
  const markerFlow: MarkerFlowSummary | undefined =
    flow === undefined || flowUnit === undefined
      ? undefined
      : {
          marker: flow.kind,
          unit: flowUnit,
          courseStart: flow.course.start,
          firstDue: flow.firstDue,
          ...(flow.baseline === undefined
            ? { premenopausalMean: flow.onTreatment[0]?.premenopausalMean ?? settings.premenopausalMean[flow.kind] }
            : {
                baseline: { date: flow.baseline.date, value: flow.baseline.value, ref: flow.baseline.ref },
                line30: Math.round(flow.baseline.value * (1 - ADEQUATE_FALL_PERCENT / 100) * 1e6) / 1e6,
              }),
        };

  // Outside as the cards read it (rules/predicates/labs.ts): a reported bound only when every value it allows is.
  const egfr: LabPoint[] = oldestFirst(facts.labs.egfr, (m) => labPoint(m, atOrBelow(m, EGFR_LIMIT)));
  const calcium: LabPoint[] = oldestFirst(facts.labs.calcium, calciumPoint);
  const newestCalcium = facts.labs.calcium[0];
  const calciumLimits = {
    low: newestCalcium?.referenceLow ?? CALCIUM_LOW_FALLBACK[newestCalcium?.kind ?? 'total'],
    high: newestCalcium?.referenceHigh ?? CALCIUM_HIGH_FALLBACK[newestCalcium?.kind ?? 'total'],
  };
  const vitaminD: LabPoint[] = oldestFirst(facts.labs.vitaminD, (m) => labPoint(m, below(m, VITAMIN_D_TARGET)));

  const courses: CourseBar[] = [];
  let zoledronic: Course | undefined;
  for (let i = 0; i < facts.courses.length; i++) {
    const c = facts.courses[i]!;
    if (zoledronic === undefined && c.drugClass === 'zoledronic-acid') zoledronic = c;
    if (!COURSE_CLASSES.includes(c.drugClass)) continue;
    courses.push({
      drugClass: c.drugClass,
      drugs: c.drugs,
      start: c.start,
      end: c.supersededOn === undefined ? c.end : minDate(c.end, c.supersededOn),
      status: c.status,
      refs: c.refs,
      ...(c.stoppedOn === undefined ? {} : { stoppedOn: c.stoppedOn }),
      ...(c.supersededOn === undefined ? {} : { supersededOn: c.supersededOn }),
    });
  }
  courses.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const intervals = gapsBetween(courses);
  const pause = pauseState(ctx);
  if (pause !== undefined) intervals.push({ kind: 'pause', drugClass: 'oral-bisphosphonate', start: pause.start, end: today, ended: pauseEnded(pause) });

  // One mark per drug and day: a statement and an administration of the same injection are one dose.
  // Glucocorticoid records are the bands of their panel.
  const doses: DoseMark[] = [];
  const seenDoses = new Set<string>();
  const glucocorticoid: GlucocorticoidBand[] = [];
  for (let i = 0; i < facts.medications.length; i++) {
    const m = facts.medications[i]!;
    const cls = m.identity.drugClass;
    if (cls === 'glucocorticoid' && !m.startUnknown) {
      const dailyMg = m.dailyDoseMg === undefined ? undefined : m.dailyDoseMg * (m.identity.prednisoloneFactor ?? 1);
      glucocorticoid.push({ start: m.start, end: minDate(m.end ?? today, today), ref: m.ref, ...(dailyMg === undefined ? {} : { dailyMg: Math.round(dailyMg * 100) / 100 }) });
    }
    if ((cls !== 'denosumab' && cls !== 'zoledronic-acid') || m.startUnknown === true) continue;
    const key = `${cls} ${m.start}`;
    if (seenDoses.has(key)) continue;
    seenDoses.add(key);
    doses.push({ drugClass: cls, date: m.start, ref: m.ref });
  }
  doses.sort(byDate);
  glucocorticoid.sort((a, b) => (a.start < b.start ? -1 : 1));

  const due: DueMark[] = [];
  const denosumab = denosumabWithoutFollowOn(ctx);
  if (denosumab !== undefined && denosumab.course.status !== 'stopped') {
    due.push({ drugClass: 'denosumab', due: denosumab.due, latestInTime: denosumab.latestInTime, overdue: today > denosumab.latestInTime, lastDose: denosumab.lastInjection });
  }
  if (zoledronic !== undefined && zoledronic.status === 'active') {
    // The card's interval (12 months); shown as due, never as overdue: the card has no "overdue" for it.
    due.push({ drugClass: 'zoledronic-acid', due: addMonths(zoledronic.lastDose, 12), overdue: false, lastDose: zoledronic.lastDose });
  }

  const fractures: FractureMark[] = [];
  let undatedFractures = 0;
  for (let i = 0; i < facts.fractures.length; i++) {
    const f = facts.fractures[i]!;
    if (f.date === undefined) {
      undatedFractures++;
      continue;
    }
    fractures.push({ site: f.site, date: f.date, mechanism: f.mechanism, count: f.count ?? 1, ref: f.ref, ...(f.vertebra === undefined ? {} : { vertebra: f.vertebra }) });
  }

  const atDate = (x: { readonly date: LocalDate }): LocalDate => x.date;
  const atStart = (x: { readonly start: LocalDate }): LocalDate => x.start;
  let first = addMonths(today, -12);
  for (const points of [tScores, markers, egfr, calcium, vitaminD, fractures, doses]) first = earliest(first, points, atDate);
  first = earliest(earliest(first, courses, atStart), glucocorticoid, atStart);
  const earliestShown = addMonths(today, -12 * AXIS_YEARS_BACK);
  const lastDue = due.reduce((a, d) => maxDate(a, d.due), today);
  const axis = { from: maxDate(addMonths(first, -3), earliestShown), to: minDate(maxDate(addMonths(today, 3), addMonths(lastDue, 1)), addMonths(today, 15)) };

  return {
    today,
    axis,
    patient: { sex: facts.sex, deceased: facts.deceased, ...(facts.age === undefined ? {} : { age: facts.age }) },
    tScores: oldestFirst(tScores, (t) => t),
    tScoreLines: { osteoporosis: T_SCORE_OSTEOPOROSIS, osteopenia: T_SCORE_GLUCOCORTICOID },
    markers,
    ...(markerFlow === undefined ? {} : { markerFlow }),
    adequateFallPercent: ADEQUATE_FALL_PERCENT,
    egfr,
    egfrLimit: EGFR_LIMIT,
    calcium,
    calciumLimits,
    vitaminD,
    vitaminDTarget: VITAMIN_D_TARGET,
    vitaminDLimit: VITAMIN_D_LIMIT,
    courses,
    intervals,
    doses,
    due,
    fractures: oldestFirst(fractures, (f) => f),
    undatedFractures,
    glucocorticoid,
    glucocorticoidSummary: {
      currentDailyMg: facts.glucocorticoid.currentDailyMg,
      cumulativeMg12Months: facts.glucocorticoid.cumulativeMg12Months,
      meetsThreshold: facts.glucocorticoid.meetsThreshold,
    },
  };
}
