/**
 * Treatment status in the guideline's words (rules.md section 1 "On treatment").
 * The facts stage builds the unbroken courses and their status; these predicates read them.
 */
import type { Course, DrugClass, DrugId, MedicationRecord, PatientFacts } from '../../facts/types.js';
import { addMonths, addYears, daysBetween, type LocalDate } from '../../time/local-date.js';
import { perFacts } from '../memo.js';
import { gapMonths } from '../../facts/courses.js';
import { ACTIVE_MONTHS } from '../../facts/usage-spans.js';
import { ACTIVE_STATUSES } from '../../facts/medications.js';

/** "Anbefalet antiresorptiv behandling": bisphosphonates and denosumab. */
export const ANTIRESORPTIVE_CLASSES: readonly DrugClass[] = ['oral-bisphosphonate', 'zoledronic-acid', 'denosumab'];

/** Osteoporosis treatment that makes a patient "on treatment". */
export const OSTEOPOROSIS_CLASSES: readonly DrugClass[] = [...ANTIRESORPTIVE_CLASSES, 'anabolic'];

export function isAntiresorptive(drugClass: DrugClass): boolean {
  return ANTIRESORPTIVE_CLASSES.includes(drugClass);
}

/**
 * The courses read once per request: the same few questions are asked by most rules, and the
 * facts' lists are frozen, which makes V8's `filter`/`find` on them slow (an indexed loop is not).
 */
interface CourseIndex {
  /** Per class: the first active course in the facts' order. */
  readonly active: Partial<Record<DrugClass, Course>>;
  /** Per class: the newest course (latest last dose; the first of a tie). */
  readonly latest: Partial<Record<DrugClass, Course>>;
  /** Active osteoporosis courses, in the facts' order. */
  readonly activeOsteoporosis: readonly Course[];
  /** Every oral bisphosphonate course, in the facts' order. */
  readonly oralBisphosphonate: readonly Course[];
  /** Any antiresorptive course in the record, whatever its status. */
  readonly antiresorptiveEver: boolean;
}

const courseIndex = perFacts((facts): CourseIndex => {
  const active: Partial<Record<DrugClass, Course>> = {};
  const latest: Partial<Record<DrugClass, Course>> = {};
  const activeOsteoporosis: Course[] = [];
  const oralBisphosphonate: Course[] = [];
  let antiresorptiveEver = false;
  const courses = facts.courses;
  for (let i = 0; i < courses.length; i++) {
    const c = courses[i]!;
    const osteoporosis = OSTEOPOROSIS_CLASSES.includes(c.drugClass);
    if (c.status === 'active') {
      if (active[c.drugClass] === undefined) active[c.drugClass] = c;
      if (osteoporosis) activeOsteoporosis.push(c);
    }
    const best = latest[c.drugClass];
    if (best === undefined || c.lastDose > best.lastDose) latest[c.drugClass] = c;
    if (c.drugClass === 'oral-bisphosphonate') oralBisphosphonate.push(c);
    if (isAntiresorptive(c.drugClass)) antiresorptiveEver = true;
  }
  return { active, latest, activeOsteoporosis, oralBisphosphonate, antiresorptiveEver };
});

/**
 * An oral bisphosphonate that followed denosumab and has ended (stopped, or its supply ran out)
 * counts as its follow-on only after this many months of use [choice; DSAM ch. 10: alendronate for
 * a year or more after denosumab]: a course stopped after a month does not hold back the rebound.
 */
export const ORAL_FOLLOW_ON_MONTHS = 12;

/** What followed a denosumab course: a follow-on that holds, or the latest course that followed it and ended too soon. */
export type FollowOn = { readonly holds: true } | { readonly holds: false; readonly course: Course };

/**
 * rules.md section 1 (v2) "Follow-on after denosumab": another antiresorptive counts as following
 * denosumab *only when* it was started, dispensed or given after the last injection (the facts
 * stage's `supersededOn`). Of such courses, one holds when it is still in use, is zoledronic acid
 * (an infusion protects for a year or more), is an oral bisphosphonate that ran
 * ORAL_FOLLOW_ON_MONTHS before it ended [choice, the safer reading: card l. 81-82 "SKAL anden
 * behandling igangsættes" asks for treatment, not a month of it], or ran out less than the oral
 * gap ago without being recorded stopped (a late refill). Undefined: nothing followed.
 */
export function denosumabFollowOn(facts: PatientFacts, denosumab: Course): FollowOn | undefined {
  const from = denosumab.supersededOn;
  if (from === undefined) return undefined;
  let latest: Course | undefined;
  for (const c of facts.courses) {
    if (c.drugClass === 'denosumab' || !isAntiresorptive(c.drugClass) || c.start < from) continue;
    if (c.status === 'active' || c.drugClass === 'zoledronic-acid' || c.end >= addMonths(c.start, ORAL_FOLLOW_ON_MONTHS)) return { holds: true };
    // A supply that ran out lately, not recorded stopped, is a refill not yet due or late (the
    // course is unbroken across the oral gap): no critical card for it. Not so an end the record
    // states — a statement ended (its period's end passed, `completed`, `unknown`): no refill is
    // coming, and three weeks of alendronate had held back `denosumab-stopped` for three months.
    if (c.status !== 'stopped' && !endStatedByRecord(facts, c) && facts.today < addMonths(c.end, gapMonths(c.drugClass))) return { holds: true };
    if (latest === undefined || c.end > latest.end) latest = c;
  }
  // A later use the courses do not show (none begins on or after it) holds, as the literal rule has it.
  return latest === undefined ? { holds: true } : { holds: false, course: latest };
}

/**
 * The course's latest records are statements that say the use ended — an end of their own (not a
 * supply's estimate) or a status other than in use — rather than a prescription whose supply ran
 * out. Of records begun the same day, any prescription keeps the late-refill reading (an FMK
 * statement mirrors the prescription of its day): the answer must not turn on the records' order.
 */
function endStatedByRecord(facts: PatientFacts, course: Course): boolean {
  const refs = new Set(course.refs);
  let start: LocalDate | undefined;
  for (const m of facts.medications) if (refs.has(m.ref) && (start === undefined || m.start > start)) start = m.start;
  const latest = facts.medications.filter((m) => m.start === start && refs.has(m.ref));
  return latest.length > 0 && latest.every((m) => m.source === 'MedicationStatement' && (!ACTIVE_STATUSES.has(m.status) || m.endEstimated !== true));
}

/** The latest denosumab course, unless a follow-on holds (`denosumabFollowOn`). */
export function denosumabWithoutHeldFollowOn(facts: PatientFacts): Course | undefined {
  const course = latestCourse(facts, 'denosumab');
  if (course === undefined || course.supersededOn === undefined) return course;
  const followOn = denosumabFollowOn(facts, course);
  return followOn === undefined || followOn.holds ? undefined : course;
}

/**
 * The oral bisphosphonate in use is the follow-on after denosumab (started after the last
 * injection, `supersededOn`) and has not yet run ORAL_FOLLOW_ON_MONTHS: the treatment card l. 81-82
 * demands ("Hvis denosumab seponeres, SKAL anden behandling igangsættes"), not one to pause — its
 * years before denosumab made a 4-month follow-on a "5 years: consider a pause" [choice, the safer
 * reading: until it holds as a follow-on, the card's pause after 5 years does not apply to it].
 */
export function youngDenosumabFollowOn(facts: PatientFacts): Course | undefined {
  const oral = activeCourse(facts, 'oral-bisphosphonate');
  const from = latestCourse(facts, 'denosumab')?.supersededOn;
  if (oral === undefined || from === undefined || oral.start < from) return undefined;
  // Another antiresorptive began between denosumab and it (zoledronic acid as the follow-on, years back): it is a later restart.
  if (facts.courses.some((c) => c !== oral && c.drugClass !== 'denosumab' && isAntiresorptive(c.drugClass) && c.start >= from && c.start < oral.start)) return undefined;
  return facts.today < addMonths(oral.start, ORAL_FOLLOW_ON_MONTHS) ? oral : undefined;
}

const MEDICATION_KEYS: readonly string[] = ['medicationStatements', 'medicationRequests', 'medicationAdministrations'];

/** A medication prefetch key could not be had (rules.md "Missing data"): the record may lack courses. */
export function medicationHistoryUnavailable(facts: PatientFacts): boolean {
  return facts.unavailable.some((k) => MEDICATION_KEYS.includes(k));
}

/** The medication prefetch keys that could not be had. */
export function unavailableMedicationKeys(facts: PatientFacts): string[] {
  return facts.unavailable.filter((k) => MEDICATION_KEYS.includes(k));
}

/** The courses each record belongs to, looked up by ref (a scan of a course's refs per record was a square in its records). */
const coursesByRef = perFacts((facts): ReadonlyMap<string, readonly Course[]> => {
  const out = new Map<string, Course[]>();
  for (const c of facts.courses) {
    for (const ref of c.refs) {
      const list = out.get(ref);
      if (list === undefined) out.set(ref, [c]);
      else if (!list.includes(c)) list.push(c);
    }
  }
  return out;
});

/** The course of `drugClass` that holds the record, if any. */
export function courseOfRecord(facts: PatientFacts, m: MedicationRecord): Course | undefined {
  return coursesByRef(facts).get(m.ref)?.find((c) => c.drugClass === m.identity.drugClass);
}

/** Per request: the drug of each course asked about (several rules ask, for every draft). */
const drugsOfCourses = perFacts((): Map<Course, DrugId | undefined> => new Map());

/** The drug of the course's newest record (one class may hold several drugs over time). */
export function currentDrug(facts: PatientFacts, course: Course): DrugId | undefined {
  const known = drugsOfCourses(facts);
  if (known.has(course)) return known.get(course);
  const byRef = coursesByRef(facts);
  let newest: { start: string; drug: DrugId } | undefined;
  for (let i = 0; i < facts.medications.length; i++) {
    const m = facts.medications[i]!;
    if (m.identity.drugClass !== course.drugClass || byRef.get(m.ref)?.includes(course) !== true) continue;
    if (newest === undefined || m.start >= newest.start) newest = { start: m.start, drug: m.identity.drug };
  }
  const drug = newest?.drug ?? course.drugs[course.drugs.length - 1];
  known.set(course, drug);
  return drug;
}

/**
 * When the treatment running now began, across switches (rules.md section 3: "on treatment ≥ 2
 * years", "≥ 2 low-energy fractures after ≥ 1 year of treatment"): the earliest start of these
 * courses, moved back to the start of an earlier antiresorptive course that ended (or was
 * superseded) within its own class's course gap of it [choice] — five years of alendronate and
 * then denosumab are five years of treatment, not a new start. An injection or infusion course not
 * recorded stopped reaches on as long as it counts as treatment (rules.md section 1: denosumab 12,
 * zoledronic acid 24 months after the last dose): a denosumab injection given late, past the 7
 * months that join injections into one course, continues the treatment, and had hidden the 2-year
 * DXA for 19 months as "treatment since the late injection" [choice]. `sameClassOnly`: across
 * earlier courses of the same drug class only (a marker on denosumab, not on the alendronate before).
 * `overAnabolic`: across an anabolic course before too (the DXA's "2 års behandling" counts any
 * osteoporosis treatment, rules.md section 1 "On treatment").
 */
export function continuousTreatmentStart(facts: PatientFacts, courses: readonly Course[], sameClassOnly = false, overAnabolic = false): LocalDate | undefined {
  let start: LocalDate | undefined;
  for (const c of courses) if (start === undefined || c.start < start) start = c.start;
  if (start === undefined) return undefined;
  const classes = sameClassOnly ? new Set(courses.map((c) => c.drugClass)) : undefined;
  for (let moved = true; moved; ) {
    moved = false;
    for (const c of facts.courses) {
      if (!(isAntiresorptive(c.drugClass) || (overAnabolic && c.drugClass === 'anabolic')) || c.start >= start || (classes !== undefined && !classes.has(c.drugClass))) continue;
      const superseded = c.supersededOn !== undefined && c.supersededOn < c.end;
      const end = superseded && c.supersededOn !== undefined ? c.supersededOn : c.end;
      const reach = c.status === 'stopped' || superseded ? gapMonths(c.drugClass) : Math.max(gapMonths(c.drugClass), ACTIVE_MONTHS[c.drugClass] ?? 0);
      if (addMonths(end, reach) > start) {
        start = c.start;
        moved = true;
      }
    }
  }
  return start;
}

export function activeCourse(facts: PatientFacts, drugClass: DrugClass): Course | undefined {
  return courseIndex(facts).active[drugClass];
}

/** The newest course of a class, whatever its status. */
export function latestCourse(facts: PatientFacts, drugClass: DrugClass): Course | undefined {
  return courseIndex(facts).latest[drugClass];
}

export function activeOsteoporosisCourses(facts: PatientFacts): readonly Course[] {
  return courseIndex(facts).activeOsteoporosis;
}

export function isOnTreatment(facts: PatientFacts): boolean {
  return courseIndex(facts).activeOsteoporosis.length > 0;
}

/** Every oral bisphosphonate course, active or not (their years add up). */
export function oralBisphosphonateCourses(facts: PatientFacts): readonly Course[] {
  return courseIndex(facts).oralBisphosphonate;
}

/** An antiresorptive course of any class ever in the record (else a start is a first course). */
export function hadAntiresorptive(facts: PatientFacts): boolean {
  return courseIndex(facts).antiresorptiveEver;
}

/**
 * Courses adding up to at least `years` by `date` (rules.md section 1: the years of all courses add
 * up). Compared in days with `years` calendar years — those ending on `date`, or those from the
 * first course's start, whichever is shorter: one course started exactly 5 years ago counts as 5
 * years (a division by 365.25 would make it 4.999), and one started on 29 February reaches them
 * on the 28th, its clamped anniversary (rules.md "Time words"), as the DXA card's mark does.
 */
export function yearsOfCoursesReached(courses: readonly Course[], years: number, date: LocalDate): boolean {
  let days = 0;
  let first: LocalDate | undefined;
  for (const c of courses) {
    days += c.durationDays;
    if (first === undefined || c.start < first) first = c.start;
  }
  if (first === undefined) return false;
  const backward = daysBetween(addYears(date, -years), date);
  const forward = daysBetween(first, addYears(first, years));
  return days >= Math.min(backward, forward);
}

/** At least `years` of oral bisphosphonate today, all courses added up (rules.md section 1). */
export function oralBisphosphonateYearsReached(facts: PatientFacts, years: number): boolean {
  return yearsOfCoursesReached(courseIndex(facts).oralBisphosphonate, years, facts.today);
}

/** Statuses of a record that is not in use, whatever its dates (an order on hold was never started). */
const NOT_IN_USE: ReadonlySet<string> = new Set(['stopped', 'cancelled', 'entered-in-error', 'not-taken', 'on-hold', 'draft']);

/** A medication record in use today: active (or with a supply reaching today), not stopped. */
export function isCurrent(m: MedicationRecord, today: LocalDate): boolean {
  if (m.start > today) return false;
  if (NOT_IN_USE.has(m.status)) return false;
  if (m.end !== undefined) return m.end >= today;
  return m.status === 'active';
}

/**
 * The vitamin D supplements the card's "D-vitamin og kalk" (l. 96-98, "Dagligt tilskud af 20-40 µg
 * D3-vitamin") counts, as terminology.md l. 923-949 classes them: a product that is or holds D3 —
 * the `colecalciferol` concept (A11CC05, ergocalciferol A11CC01, calcifediol A11CC06, A11CC55,
 * RxNorm 2418), or a calcium + D3 combination (A12AX, A11CC20: read as a calcium salt that
 * `alsoContains` colecalciferol). Not a calcium salt alone (A12AA*: calcium lactate, acetate, mixed
 * salts carry no vitamin D, l. 943-945), and not an active analogue (alfacalcidol, calcitriol:
 * "not routine supplements", l. 936) — either had taken the card's D3 advice away.
 */
function isVitaminDSupplement(m: MedicationRecord): boolean {
  return m.identity.drug === 'colecalciferol' || m.identity.alsoContains?.includes('colecalciferol') === true;
}

/** The vitamin D supplements in use today (a calcium product that also holds D3 included). */
export const currentVitaminDSupplements = perFacts((facts): readonly MedicationRecord[] =>
  facts.medications.filter((m) => isCurrent(m, facts.today) && isVitaminDSupplement(m)),
);

export function currentMedications(facts: PatientFacts, drugs: readonly DrugId[]): readonly MedicationRecord[] {
  const out: MedicationRecord[] = [];
  const meds = facts.medications;
  for (let i = 0; i < meds.length; i++) {
    const m = meds[i]!;
    if (drugs.includes(m.identity.drug) && isCurrent(m, facts.today)) out.push(m);
  }
  return out;
}

/** Another course of an osteoporosis drug ran on after `course` ended: the pause or stop it began is over. */
export function osteoporosisDrugUsedAfter(facts: PatientFacts, course: Course): boolean {
  return facts.courses.some((c) => c !== course && OSTEOPOROSIS_CLASSES.includes(c.drugClass) && c.end > course.end);
}
