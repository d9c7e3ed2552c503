/** Small constructors that turn facts into the why-trace findings a card shows. */
import type { BoneMarkerMeasurement, CalciumMeasurement, ConditionFact, Course, DxaScan, DxaScore, GlucocorticoidExposure, Measurement, Ref } from '../../facts/types.js';
import type { CorrectFirst } from './labs.js';
import { addDays, addYears, daysBetween, monthsBetween, yearsBetween, type LocalDate } from '../../time/local-date.js';
import { isParenteral } from '../../facts/usage-spans.js';
import type { Finding, LabFinding, LabOrder } from '../../contract/findings.js';

export function scoreFinding(kind: 't-score' | 'z-score', s: DxaScore): Finding {
  return { kind, value: s.value, site: s.site, date: s.date, ref: s.ref };
}

export function labFinding(lab: LabOrder, m: Measurement): LabFinding {
  return {
    kind: 'lab',
    lab,
    value: m.value,
    unit: m.unit,
    date: m.date,
    ref: m.ref,
    ...(m.comparator === undefined ? {} : { comparator: m.comparator }),
    ...(m.reported === undefined ? {} : { reported: m.reported }),
  };
}

export function calciumFinding(c: CalciumMeasurement): LabFinding {
  const lab = c.kind === 'ionised' ? 'calcium-ionised' : c.kind === 'corrected' ? 'calcium-corrected' : 'calcium';
  // The comparator too: a reported "<2.10" is shown as such, never as "2.10" (labFinding does the same).
  return {
    kind: 'lab',
    lab,
    value: c.value,
    unit: c.unit,
    date: c.date,
    ref: c.ref,
    calciumKind: c.kind,
    ...(c.comparator === undefined ? {} : { comparator: c.comparator }),
    ...(c.reported === undefined ? {} : { reported: c.reported }),
  };
}

export function markerFinding(m: BoneMarkerMeasurement): LabFinding {
  return labFinding(m.marker, m);
}

/**
 * A marker reported only as a bound its verdict cannot be decided by ("<50" before 20: a fall of
 * 5 % or 60 %), named as not used (as rules/unusable-values.ts names the other labs' bounds).
 */
export function markerBoundFinding(m: BoneMarkerMeasurement): Finding {
  return { kind: 'unusable-value', concept: m.marker, ref: m.ref, date: m.date, unit: m.unit, reason: 'bound', ...(m.comparator === undefined ? {} : { comparator: m.comparator }), value: m.value };
}

/** A CTX taken after 10 that no verdict rests on (page 2 l. 145 "fastende før kl. 10"), named with its time. */
export function notFastingFinding(m: BoneMarkerMeasurement): Finding {
  return { kind: 'unusable-value', concept: m.marker, ref: m.ref, date: m.date, reason: 'not-fasting', ...(m.notFastingAt === undefined ? {} : { time: m.notFastingAt }) };
}

/**
 * Years of a course to one decimal, never rounded up past a whole calendar year not yet reached:
 * beside the 5-to-10-year cards, 9 years and 362 days is "9,9 år", not "10,0" (the thresholds
 * count calendar years, rules.md "Time words").
 */
function shownYears(from: LocalDate, to: LocalDate): number {
  const whole = yearsBetween(from, to);
  const yearStart = addYears(from, whole);
  const rest = daysBetween(yearStart, to) / daysBetween(yearStart, addYears(from, whole + 1));
  return Math.min(whole + Math.round(rest * 10) / 10, whole + 0.9);
}

export function courseFinding(c: Course, today: LocalDate): Finding {
  return {
    kind: 'course',
    drugClass: c.drugClass,
    drugs: c.drugs,
    start: c.start,
    // An ended oral course's last day of use counts (facts/courses.ts `durationDays`): 15 June 2015 to 14 June 2020 is 5.0 years.
    years: shownYears(c.start, c.status === 'active' ? today : isParenteral(c.drugClass) ? c.end : addDays(c.end, 1)),
    status: c.status,
    refs: c.refs,
  };
}

export function lastDoseFinding(c: Course, today: LocalDate): Extract<Finding, { readonly kind: 'last-dose' }> {
  return {
    kind: 'last-dose',
    drugClass: c.drugClass,
    date: c.lastDose,
    months: monthsBetween(c.lastDose, today),
    ...(c.refs[0] === undefined ? {} : { ref: c.refs[0] }),
  };
}

/**
 * The glucocorticoid exposure as the card shows it (doses in prednisolone equivalents);
 * `draftAddsMg`: what the order (`orders` > 1: the basket's glucocorticoid orders together) adds.
 */
export function glucocorticoidFinding(gc: GlucocorticoidExposure, draftAddsMg?: number, orders = 1): Finding {
  return {
    kind: 'glucocorticoid',
    dailyMg: gc.currentDailyMg,
    cumulativeMg12Months: gc.cumulativeMg12Months,
    refs: gc.refs,
    ...(draftAddsMg === undefined ? {} : { draftAddsMg }),
    ...(draftAddsMg !== undefined && orders > 1 ? { draftOrders: orders } : {}),
    ...(gc.doseUnknown === true ? { doseUnknown: true as const } : {}),
    ...(gc.planned === true ? { planned: true as const } : {}),
  };
}

export function conditionFinding(c: ConditionFact): Finding {
  const date = c.abatement ?? c.onset ?? c.recorded;
  return { kind: 'condition', concept: c.concept, ref: c.ref, ...(date === undefined ? {} : { date }), ...(c.nonSpecific === true ? { catchAllCode: c.code.code } : {}) };
}

/** The failed checks before a start as the why-trace shows them: the low calcium, the low 25-OH-D, and their references. */
export function correctFirstFindings(checks: CorrectFirst): { readonly findings: Finding[]; readonly refs: Ref[] } {
  const findings: Finding[] = [];
  const refs: Ref[] = [];
  if (checks.calcium !== undefined) {
    findings.push(calciumFinding(checks.calcium));
    refs.push(checks.calcium.ref);
  }
  if (checks.vitaminD !== undefined) {
    findings.push(labFinding('vitamin-d', checks.vitaminD));
    refs.push(checks.vitaminD.ref);
  }
  return { findings, refs };
}

/** A DXA examination as the cards name it ("Seneste DXA-skanning <date>, <where>"). */
export function dxaScanFinding(s: DxaScan): Finding {
  return { kind: 'dxa', date: s.date, ...(s.performer === undefined ? {} : { performer: s.performer }), ...(s.refs[0] === undefined ? {} : { ref: s.refs[0] }) };
}
