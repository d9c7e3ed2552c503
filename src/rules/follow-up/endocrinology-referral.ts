/**
 * Topic `endocrinology-referral` — source-card-da.txt:
 *
 * l. 249-250 "Henvisning til endokrinolog ved"
 * l. 218-233 "Behandlingssvigt trods god compliance: Fald (=signifikant fald) i knoglemasse i ryg
 *            og/eller hofte oplyst i DXA-skanningssvar eller ≥ 2 lavenergibrud efter mindst et års
 *            behandling. Manglende suppression af knoglemarkør. Uacceptable bivirkninger, som ikke
 *            kan kompenseres i almen praksis. Progredierende nyrefunktionstab og inden eGFR er under
 *            35 ml/min. Når denosumab (Prolia) planlægges seponeret. Mistanke om
 *            udredningskrævende sekundær osteoporose."
 *
 * When (v2, before treatment): in population, not on treatment, meeting the diagnosis criteria or
 *   the indication, with hypercalcaemia or Z-score ≤ −2.0 → `secondary-osteoporosis` (rules.md
 *   section 2 "Suspected secondary osteoporosis before treatment"); `treatment-indicated` then
 *   offers this referral instead of a drug start.
 * When: on treatment (an active osteoporosis course) and any of:
 *   - `bmd-fall`: a DXA result flagged as a significant fall (interpretation D) dated after the
 *     start of the current treatment (the earliest start of the active courses, or of the
 *     treatment they continue after a switch: `continuousTreatmentStart`);
 *   - `fractures-on-treatment`: ≥ 2 distinct low-energy (incl. possible) fractures dated from
 *     treatment start + 1 year;
 *   - `no-btm-suppression`: on a parenteral course (denosumab, zoledronic acid), the latest bone
 *     marker from 3 months after its start is not below the premenopausal mean [choice: the card
 *     gives no threshold; the lab's premenopausal mean is the card's own yardstick (l. 147-148)] —
 *     and was taken while the drug was in effect (`inEffect`): l. 225 "Manglende suppression af
 *     knoglemarkør" is a failure of the treatment (l. 218 "Behandlingssvigt trods god
 *     compliance"), and a marker taken after the drug has lapsed — more than 7 months after the
 *     last denosumab injection (l. 79), more than 12 after the last zoledronic acid infusion
 *     (l. 59-60 "årligt") — shows the missed dose, which `denosumab-overdue` /
 *     `zoledronic-acid-infusion-due` speak of. A zoledronic acid infusion 22 months back and a
 *     P1NP of 55 had got "refer: no suppression" beside "the yearly infusion was due" [choice].
 *     Not for oral courses: there the card's marker flow applies, and `switch-to-parenteral`
 *     carries the persistent insufficient fall (with an endocrinology referral as an option);
 *     a marker reported as a bound decides only when every value it allows is on one side of the
 *     mean (">35" is not below 35, "<30" is); ">20" or "<40" is passed over for the newest one that
 *     can, and named as not used [choice: `newestDeciding`];
 *   - `intolerance`: intolerance recorded to ≥ 2 different osteoporosis drugs [choice, settings];
 *     or, on an antiresorptive, osteonecrosis of the jaw or an atypical femoral fracture since
 *     treatment start ("uacceptable bivirkninger"; `seriousSideEffect`) [choice];
 *   - `egfr-falling`: ≥ 2 eGFR values, the latest lower than the one before and below 45 [choice,
 *     settings] — "inden eGFR er under 35";
 *   - `egfr-low` (v2): on an oral bisphosphonate or zoledronic acid and the latest eGFR (any age,
 *     as the start check) ≤ 35 — one value is enough; the text says to repeat the eGFR and hold
 *     the bisphosphonate until the specialist has answered [extension: SmPC]; a repeat a little
 *     above 35 does not end it (predicates/kidney.ts `heldEgfr`);
 *   - `denosumab-stop`: an active denosumab course with a planned end in the future;
 *   - `secondary-osteoporosis`: the latest calcium is raised (hypercalcaemia), or the latest
 *     Z-score is ≤ −2.0 [extension: DES NBV].
 * When (paused, rules.md section 1): a `bmd-fall` or `fractures-on-treatment` during the oral
 *   bisphosphonate course the pause or stop ended [choice: `failureOfEndedOralCourse`].
 * Then: warning — one card naming every reason; suggestion: referral to endocrinology.
 * Reasons: `bmd-fall`, `fractures-on-treatment`, `no-btm-suppression`, `intolerance`,
 *          `egfr-falling`, `egfr-low`, `denosumab-stop`, `secondary-osteoporosis`.
 */
import type { BoneMarkerMeasurement, Course, DrugClass, DxaScan, PatientFacts, Ref } from '../../facts/types.js';
import { addMonths, addYears, type LocalDate } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { seriousSideEffectsSince } from '../predicates/conditions.js';
import { conditionFinding, courseFinding, labFinding, scoreFinding } from '../predicates/findings.js';
import { distinctFractures, fractureCount, fractureFinding, lowEnergyFractures } from '../predicates/fractures.js';
import { diagnosisCriteria, treatmentIndication } from '../predicates/indication.js';
import { below, belowVerdict, upTo } from '../predicates/labs.js';
import { bisphosphonateOnLowEgfr } from '../predicates/kidney.js';
import { activeOsteoporosisCourses, continuousTreatmentStart, isAntiresorptive, isOnTreatment, latestCourse, OSTEOPOROSIS_CLASSES, osteoporosisDrugUsedAfter } from '../predicates/medication.js';
import { inPopulation } from '../predicates/population.js';
import { secondaryOsteoporosisSigns } from '../predicates/secondary-osteoporosis.js';
import { perContext } from '../memo.js';
import { boneMarkerFlow, endedCourseFlow, persistentlyInadequate, verdictFindings } from './bone-markers.js';
import { MAX_INTERVAL_MONTHS } from './denosumab.js';
import { INFUSION_INTERVAL_MONTHS } from './zoledronic-acid-infusion-due.js';
import type { PatientRule, RuleContext } from '../types.js';
import type { GuidelineSettings } from '../settings.js';
import type { Finding } from '../../contract/findings.js';
import { lastCountedDay } from '../predicates/data-horizon.js';

/** "≥ 2 lavenergibrud efter mindst et års behandling". */
const FRACTURES_ON_TREATMENT = 2;
const FRACTURES_AFTER_YEARS = 1;
/** Bone markers judge a treatment from 3 months after its start (as l. 183 for oral treatment). */
const MARKER_AFTER_MONTHS = 3;

interface Part {
  readonly reason: Reason;
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
  /** Fractures on treatment that count only as possible (unknown mechanism): the card says "if low-energy". */
  readonly ifLowEnergy?: true;
}

/** A flagged DXA after `start`, up to `end` (the last counted day; the pause's start for a course that has ended). */
function bmdFall(facts: PatientFacts, start: LocalDate, end: LocalDate = lastCountedDay(facts.today)): Part | undefined {
  const scans: DxaScan[] = [];
  for (let i = 0; i < facts.dxa.scans.length; i++) {
    const s = facts.dxa.scans[i]!;
    if (s.significantDecrease && s.date > start && s.date <= end) scans.push(s);
  }
  if (scans.length === 0) return undefined;
  const findings: Finding[] = [];
  const evidence: Ref[] = [];
  for (const s of scans) {
    const flagged = [...s.tScores, ...s.bmd, ...s.zScores].filter((x) => x.significantDecrease);
    const flaggedT = s.tScores.filter((x) => x.significantDecrease);
    if (flaggedT.length > 0) findings.push(...flaggedT.map((x) => scoreFinding('t-score', x)));
    else findings.push({ kind: 'dxa', date: s.date, ...(s.performer === undefined ? {} : { performer: s.performer }), ...(s.refs[0] === undefined ? {} : { ref: s.refs[0] }) });
    evidence.push(...(flagged.length > 0 ? flagged.map((x) => x.ref) : s.refs));
  }
  return { reason: 'bmd-fall', findings, evidence };
}

function fracturesOnTreatment(ctx: RuleContext, start: LocalDate, end: LocalDate = lastCountedDay(ctx.today)): Part | undefined {
  const from = addYears(start, FRACTURES_AFTER_YEARS);
  const records = lowEnergyFractures(ctx.facts, ctx.settings).filter((c) => c.fracture.date !== undefined && c.fracture.date >= from && c.fracture.date <= end);
  if (fractureCount(records) < FRACTURES_ON_TREATMENT) return undefined;
  const fs = distinctFractures(records);
  // Counted as fractures, not records: one record of two vertebrae is two (rules.md section 1).
  const ifLowEnergy = fractureCount(records.filter((c) => !c.possible)) < FRACTURES_ON_TREATMENT;
  return { reason: 'fractures-on-treatment', findings: fs.map(fractureFinding), evidence: fs.map((c) => c.fracture.ref), ...(ifLowEnergy ? { ifLowEnergy: true as const } : {}) };
}

/** Suppressed: below the premenopausal mean (the lab's, else the setting) — a bound only when every value it allows is (labs.ts). */
function suppressedVerdict(m: BoneMarkerMeasurement, settings: GuidelineSettings): boolean | undefined {
  return belowVerdict(m, m.premenopausalMean ?? settings.premenopausalMean[m.marker]);
}

/**
 * The newest marker dated from `from` up to `today` that can tell whether it is suppressed, and the
 * newer ones reported as a bound that cannot ("<40" or ">20" against a mean of 35) — no decisive
 * value: passed over, and named as not used (unusable-values.ts) [choice: as an older failing eGFR
 * still fails (labs.ts `latestDeciding`), a newer bound hides neither an older failure nor claims
 * suppression; a ">20" had passed for 20, suppressed]. The list is newest first, and frozen: an
 * indexed loop.
 */
function newestDeciding(markers: readonly BoneMarkerMeasurement[], from: LocalDate, today: LocalDate, settings: GuidelineSettings): { readonly marker?: BoneMarkerMeasurement; readonly undecided: readonly BoneMarkerMeasurement[] } {
  const undecided: BoneMarkerMeasurement[] = [];
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i]!;
    if (m.date < from || m.date > lastCountedDay(today)) continue;
    if (suppressedVerdict(m, settings) !== undefined) return { marker: m, undecided };
    undecided.push(m);
  }
  return { undecided };
}

interface Suppression {
  readonly part?: Part;
  /** Markers reported as a bound that could not tell, newer than the one that decided. */
  readonly undecided: readonly BoneMarkerMeasurement[];
}

/**
 * How long after an injection or infusion the drug still holds a marker down: up to the day the
 * card's schedule runs out — denosumab's "max 7 måneder" (l. 79; `denosumab-overdue` from the day
 * after), zoledronic acid's year (l. 59-60; `zoledronic-acid-infusion-due` "was due" from the day
 * after). The day itself counts [choice: the rules' own limits, no grace of a marker's own].
 */
const IN_EFFECT_MONTHS: Readonly<Partial<Record<DrugClass, number>>> = { denosumab: MAX_INTERVAL_MONTHS, 'zoledronic-acid': INFUSION_INTERVAL_MONTHS };

/**
 * The marker of `day` was taken while the drug was in effect: within its months of the last dose
 * of the drug before that day (a sample drawn on an injection day shows the dose before it — it is
 * taken first). A course without its dose dates (not built from the record) has its last dose.
 */
function inEffect(facts: PatientFacts, drugClass: DrugClass, day: LocalDate): boolean {
  const months = IN_EFFECT_MONTHS[drugClass];
  if (months === undefined) return true;
  let last: LocalDate | undefined;
  for (const c of facts.courses) {
    if (c.drugClass !== drugClass) continue;
    if (c.doses === undefined) {
      if (c.start < day && c.lastDose >= day) return true;
      if (c.lastDose < day && (last === undefined || c.lastDose > last)) last = c.lastDose;
      continue;
    }
    for (const d of c.doses) if (d < day && (last === undefined || d > last)) last = d;
  }
  return last !== undefined && day <= addMonths(last, months);
}

/**
 * `no-btm-suppression` on a parenteral course, and the marker bounds that could not tell: the
 * newest deciding marker decides (`newestDeciding`); taken after the drug lapsed, it judges no
 * treatment (the overdue dose speaks). Bounds newer than it are named on the referral when it
 * fires, else on the data card (unusable-values.ts `markerBounds`).
 */
export const markerSuppression = perContext((ctx): Suppression => {
  const { facts, settings } = ctx;
  const parenteral = activeOsteoporosisCourses(facts).filter((c) => c.drugClass === 'denosumab' || c.drugClass === 'zoledronic-acid');
  const undecided: BoneMarkerMeasurement[] = [];
  for (const course of parenteral) {
    // From the start of the treatment with this drug: a late injection opens a course of its own,
    // but continues the treatment (the marker taken a year into it is still the failure).
    const from = addMonths(continuousTreatmentStart(facts, [course], true) ?? course.start, MARKER_AFTER_MONTHS);
    const found = newestDeciding(facts.labs.boneMarkers, from, facts.today, settings);
    // A bound taken after the drug lapsed would judge nothing even if exact: not named.
    for (const u of found.undecided) if (!undecided.includes(u) && inEffect(facts, course.drugClass, u.date)) undecided.push(u);
    const m = found.marker;
    if (m === undefined || !inEffect(facts, course.drugClass, m.date)) continue;
    if (suppressedVerdict(m, settings) === true) continue;
    const mean = m.premenopausalMean ?? settings.premenopausalMean[m.marker];
    const part: Part = {
      reason: 'no-btm-suppression',
      findings: [
        { kind: 'marker-change', marker: m.marker, latest: m.value, ...(m.comparator === undefined ? {} : { latestComparator: m.comparator }), latestDate: m.date, premenopausalMean: mean, ref: m.ref },
        courseFinding(course, facts.today),
      ],
      evidence: [m.ref, ...course.refs],
    };
    return { part, undecided };
  }
  return { undecided };
});

function noMarkerSuppression(ctx: RuleContext): Part | undefined {
  return markerSuppression(ctx).part;
}

function intolerances(ctx: RuleContext): Part | undefined {
  const relevant = ctx.facts.intolerances.filter((i) => OSTEOPOROSIS_CLASSES.includes(i.drugClass) || i.drugClass === 'other-bisphosphonate');
  const drugs = new Set(relevant.map((i) => i.drug));
  if (drugs.size < ctx.settings.intoleranceDrugsForReferral) return undefined;
  return {
    reason: 'intolerance',
    findings: relevant.map((i): Finding => ({ kind: 'intolerance', drug: i.drug, ref: i.ref })),
    evidence: relevant.map((i) => i.ref),
  };
}

/**
 * Card page 1 "Kæbenekrose og atypisk femurfraktur er meget sjældne, men alvorlige" and the
 * referral reason "Uacceptable bivirkninger, som ikke kan kompenseres i almen praksis":
 * osteonecrosis of the jaw or an atypical femoral fracture since the antiresorptive treatment
 * began is the reason `intolerance` ("uacceptable bivirkninger") [choice; the SmPCs: stop the
 * bisphosphonate while it is assessed — denosumab only with a follow-on plan].
 */
function seriousSideEffect(facts: PatientFacts, courses: readonly Course[], start: LocalDate): Part | undefined {
  if (!courses.some((c) => isAntiresorptive(c.drugClass))) return undefined;
  const found = seriousSideEffectsSince(facts, start);
  if (found.length === 0) return undefined;
  return { reason: 'intolerance', findings: found.map(conditionFinding), evidence: found.map((c) => c.ref) };
}

function egfrFalling(ctx: RuleContext): Part | undefined {
  const [last, before] = upTo(ctx.facts.labs.egfr, ctx.today, 2);
  if (last === undefined || before === undefined) return undefined;
  // Falling as far as the values can tell: the newest one's highest possible value under the one
  // before's lowest (a bound: "<V" has no lower end, ">V" no upper one) — "<60" after 70 falls,
  // 50 after "<60" may not.
  const highest = last.comparator === '>' || last.comparator === '>=' ? Infinity : last.value;
  const lowest = before.comparator === '<' || before.comparator === '<=' ? -Infinity : before.value;
  const falling = highest < lowest || (last.comparator === '<' && highest === lowest);
  if (!falling || !below(last, ctx.settings.egfrFallingBelow)) return undefined;
  return { reason: 'egfr-falling', findings: [labFinding('egfr', before), labFinding('egfr', last)], evidence: [last.ref, before.ref] };
}

function denosumabStop(facts: PatientFacts): Part | undefined {
  const planned = activeOsteoporosisCourses(facts).find((c) => c.drugClass === 'denosumab' && c.plannedEnd !== undefined && c.plannedEnd > facts.today);
  if (planned === undefined) return undefined;
  return { reason: 'denosumab-stop', findings: [courseFinding(planned, facts.today)], evidence: planned.refs };
}

function secondaryOsteoporosis(facts: PatientFacts): Part | undefined {
  const signs = secondaryOsteoporosisSigns(facts);
  return signs === undefined ? undefined : { reason: 'secondary-osteoporosis', findings: signs.findings, evidence: signs.evidence };
}

/**
 * v2: on an oral bisphosphonate or zoledronic acid with the latest eGFR ≤ 35 (one value is
 * enough: "inden eGFR er under 35" has already passed) [extension: SmPC, not recommended below 35].
 */
function egfrLowOnBisphosphonate(facts: PatientFacts): Part | undefined {
  const low = bisphosphonateOnLowEgfr(facts);
  if (low === undefined) return undefined;
  return { reason: 'egfr-low', findings: [labFinding('egfr', low.egfr), ...low.courses.map((c) => courseFinding(c, facts.today))], evidence: [low.egfr.ref, ...low.courses.flatMap((c) => c.refs)] };
}

/**
 * v2 (rules.md section 2, "Suspected secondary osteoporosis before treatment"): a patient in
 * population, not on treatment, who meets the diagnosis criteria or the indication, with signs
 * of a secondary cause.
 */
function secondaryBeforeTreatment(ctx: RuleContext): Part | undefined {
  const { facts, settings } = ctx;
  if (isOnTreatment(facts) || !inPopulation(facts, settings)) return undefined;
  const basis = diagnosisCriteria(facts, settings) ?? treatmentIndication(facts, settings);
  if (basis === undefined) return undefined;
  const signs = secondaryOsteoporosis(facts);
  if (signs === undefined) return undefined;
  return { ...signs, findings: [...signs.findings, ...basis.findings], evidence: [...signs.evidence, ...basis.evidence] };
}

/**
 * "Behandlingssvigt" on the treatment running now: a significant BMD fall or fractures on treatment
 * (this card's), or an oral bisphosphonate's marker that still does not fall ("Manglende
 * suppression af knoglemarkør": `switch-to-parenteral`'s). The prescribing hooks ask it — a failing
 * treatment is not paused, as patient-view says (rules/agreement.ts).
 */
export function treatmentFailure(ctx: RuleContext): Part | undefined {
  const start = continuousTreatmentStart(ctx.facts, activeOsteoporosisCourses(ctx.facts));
  if (start === undefined) return undefined;
  const failure = bmdFall(ctx.facts, start) ?? fracturesOnTreatment(ctx, start);
  if (failure !== undefined) return failure;
  const flow = boneMarkerFlow(ctx);
  const persistent = flow === undefined ? undefined : persistentlyInadequate(flow);
  return persistent === undefined
    ? undefined
    : { reason: 'persistent-insufficient-fall', findings: verdictFindings(...persistent), evidence: persistent.flatMap((v) => v.evidence) };
}

/**
 * A treatment failure during the oral bisphosphonate course that has ended — a pause after 5 years
 * or a stop before [choice, the safer reading]: the card advises the pause for a treatment that
 * worked ("Behandlingspause bør overvejes efter 5 år" beside "Henvisning til endokrinolog ved
 * behandlingssvigt"), and a GP who stops a failing alendronate to wait for the specialist has not
 * answered the failure — so the referral stands until an osteoporosis drug is used again, and
 * `treatment-indicated` does not offer the failed first choice meanwhile (it had proposed
 * alendronate again, as "1. valg", the day it was stopped).
 */
export const failureOfEndedOralCourse = perContext((ctx): Part | undefined => {
  const { facts } = ctx;
  const course = endedOralCourse(ctx);
  if (course === undefined) return undefined;
  const start = continuousTreatmentStart(facts, [course]);
  if (start === undefined) return undefined;
  const failure = bmdFall(facts, start, course.end) ?? fracturesOnTreatment(ctx, start, course.end);
  return failure === undefined
    ? undefined
    : { ...failure, findings: [...failure.findings, courseFinding(course, facts.today)], evidence: [...failure.evidence, ...course.refs] };
});

/**
 * The ended oral bisphosphonate course whose bone marker still did not fall at the re-check
 * (source-card-da.txt l. 150-152 "Tag KM 3 mdr. efter og revurdér" → "Overvej skift til
 * parenteral behandling"): the failure `switch-to-parenteral` speaks of while the course runs,
 * read from the markers taken up to its end. No referral card of its own (on treatment it is an
 * option of `switch-to-parenteral`, not this card's reason): `treatment-indicated` offers the
 * second choice instead of the failed first (rules.md section 2 "has failed (section 3)"); it had
 * proposed alendronate again once the failing course was stopped.
 */
export const markerFailureOfEndedOralCourse = perContext((ctx): Part | undefined => {
  const course = endedOralCourse(ctx);
  const persistent = course === undefined ? undefined : persistentlyInadequate(endedCourseFlow(ctx, course));
  return course === undefined || persistent === undefined
    ? undefined
    : { reason: 'persistent-insufficient-fall', findings: [...verdictFindings(...persistent), courseFinding(course, ctx.facts.today)], evidence: [...persistent.flatMap((v) => v.evidence), ...course.refs] };
});

/** The latest oral bisphosphonate course, ended, with no osteoporosis drug used since, of a patient not on treatment: the one whose failure is still unanswered. */
function endedOralCourse(ctx: RuleContext): Course | undefined {
  const { facts } = ctx;
  if (isOnTreatment(facts)) return undefined;
  const course = latestCourse(facts, 'oral-bisphosphonate');
  return course === undefined || course.status === 'active' || osteoporosisDrugUsedAfter(facts, course) ? undefined : course;
}

export const endocrinologyReferral: PatientRule<'endocrinology-referral'> = (ctx) => {
  const { facts } = ctx;
  const courses = activeOsteoporosisCourses(facts);
  const start = continuousTreatmentStart(facts, courses);
  const sideEffect = start === undefined ? undefined : seriousSideEffect(facts, courses, start);

  const candidates =
    start === undefined
      ? [secondaryBeforeTreatment(ctx), failureOfEndedOralCourse(ctx)]
      : [
          bmdFall(facts, start),
          fracturesOnTreatment(ctx, start),
          noMarkerSuppression(ctx),
          intolerances(ctx),
          sideEffect,
          egfrFalling(ctx),
          egfrLowOnBisphosphonate(facts),
          denosumabStop(facts),
          secondaryOsteoporosis(facts),
        ];
  const parts = candidates.filter((p): p is Part => p !== undefined);
  if (parts.length === 0) return undefined;
  return {
    topic: 'endocrinology-referral',
    indicator: 'warning',
    // rules.md §1: a fracture of unknown mechanism counts, but the card says "if low-energy" (no
    // `-possible` reason is listed for this card: the reason stays, the text says it).
    ...(parts.some((p) => p.ifLowEnergy === true) ? { fracturesIfLowEnergy: true as const } : {}),
    reasons: [...new Set(parts.map((p) => p.reason))],
    evidence: [...new Set(parts.flatMap((p) => p.evidence))],
    findings: parts.flatMap((p) => p.findings),
    suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }],
    selectionBehavior: 'any',
    ...(sideEffect === undefined ? {} : { seriousSideEffect: true as const }),
  };
};
