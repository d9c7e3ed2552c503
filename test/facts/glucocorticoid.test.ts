import { describe, expect, it } from 'vitest';
import { glucocorticoidExposure } from '../../src/facts/glucocorticoid.js';
import type { MedicationRecord } from '../../src/facts/types.js';
import { factsOf, medicationRequest, medicationStatement } from '../helpers/facts-builders.js';

const TODAY = '2026-06-15';

function gc(o: { start: string; end?: string; mg?: number; factor?: number; status?: string; ref?: string; source?: MedicationRecord['source'] }): MedicationRecord {
  return {
    ref: o.ref ?? `MedicationStatement/${o.start}`,
    source: o.source ?? 'MedicationStatement',
    status: o.status ?? 'completed',
    start: o.start,
    ...(o.end === undefined ? {} : { end: o.end }),
    ...(o.mg === undefined ? {} : { dailyDoseMg: o.mg }),
    identity: { drug: 'glucocorticoid', drugClass: 'glucocorticoid', effervescent: false, brandProlia: false, matchedBy: 'atc', prednisoloneFactor: o.factor ?? 1 },
  };
}

describe('glucocorticoid exposure in prednisolone equivalents (card footnote *)', () => {
  it('methylprednisolone 4 mg/day = 5 mg prednisolone: exactly 5 does not exceed 5', () => {
    const f = factsOf([medicationStatement({ atc: 'H02AB04', text: 'Medrol 4 mg', status: 'active', start: '2025-06-01', dose: { value: 4, unit: 'mg' } })]);
    expect(f.glucocorticoid).toMatchObject({ currentDailyMg: 5, highDoseThreeMonths: false, active: true });
    // 5 mg × the 366 days of the window (2025-06-15 … 2026-06-15, the boundary day included) = 1830 mg
    expect(f.glucocorticoid.cumulativeMg12Months).toBe(1830);
    expect(f.glucocorticoid.meetsThreshold).toBe(true);
  });

  it('dexamethasone: 0.75 mg is 5 mg (not more), 1.5 mg is 10 mg prednisolone', () => {
    expect(glucocorticoidExposure([gc({ start: '2026-01-01', mg: 0.75, factor: 6.67, status: 'active' })], TODAY)).toMatchObject({ currentDailyMg: 5, highDoseThreeMonths: false });
    expect(glucocorticoidExposure([gc({ start: '2026-01-01', mg: 1.5, factor: 6.67, status: 'active' })], TODAY)).toMatchObject({ currentDailyMg: 10, highDoseThreeMonths: true });
  });

  it('> 5 mg/day for 3 calendar months: the last day counts, one day short does not', () => {
    // 1 Jan – 31 Mar is 3 calendar months with its last day included
    expect(glucocorticoidExposure([gc({ start: '2026-01-01', end: '2026-03-31', mg: 7.5 })], TODAY).highDoseThreeMonths).toBe(true);
    expect(glucocorticoidExposure([gc({ start: '2026-01-01', end: '2026-03-30', mg: 7.5 })], TODAY).highDoseThreeMonths).toBe(false);
    // month-end: 30 Nov – 27 Feb is 3 months (30 Nov + 3 months = 28 Feb, the day after the last)
    expect(glucocorticoidExposure([gc({ start: '2025-11-30', end: '2026-02-27', mg: 10 })], TODAY).highDoseThreeMonths).toBe(true);
    expect(glucocorticoidExposure([gc({ start: '2025-11-30', end: '2026-02-26', mg: 10 })], TODAY).highDoseThreeMonths).toBe(false);
  });

  it('a high-dose run that ended more than 12 months ago no longer counts', () => {
    expect(glucocorticoidExposure([gc({ start: '2024-01-01', end: '2025-06-15', mg: 10 })], TODAY).highDoseThreeMonths).toBe(true);
    expect(glucocorticoidExposure([gc({ start: '2024-01-01', end: '2025-06-14', mg: 10 })], TODAY).highDoseThreeMonths).toBe(false);
  });

  it('use that reached footnote * before the last 12 months is a past exposure (the risk factor of footnote **), named by its own last day and records', () => {
    // A high-dose run of 3 months ended 2025-06-14: no longer the threshold, still a past exposure.
    expect(glucocorticoidExposure([gc({ start: '2024-01-01', end: '2025-06-14', mg: 10, ref: 'MedicationStatement/long' })], TODAY)).toMatchObject({
      meetsThreshold: false,
      pastExposure: { lastUse: '2025-06-14', refs: ['MedicationStatement/long'] },
    });
    // A small course since then is not the run's: neither its last day nor its record.
    const later = glucocorticoidExposure([gc({ start: '2019-01-01', end: '2019-06-30', mg: 10, ref: 'MedicationStatement/long' }), gc({ start: '2026-03-01', end: '2026-03-07', mg: 5, ref: 'MedicationStatement/short' })], TODAY);
    expect(later.pastExposure).toEqual({ lastUse: '2019-06-30', refs: ['MedicationStatement/long'] });
    // One day short of 3 months at > 5 mg (890 mg), 30 mg for seven weeks, a course broken by a five-day pause: > 450 mg in a year.
    expect(glucocorticoidExposure([gc({ start: '2020-01-01', end: '2020-03-30', mg: 10 })], TODAY).pastExposure).toEqual({ lastUse: '2020-03-30', refs: ['MedicationStatement/2020-01-01'] });
    expect(glucocorticoidExposure([gc({ start: '2024-01-01', end: '2024-02-18', mg: 30 })], TODAY).pastExposure?.lastUse).toBe('2024-02-18');
    const broken = [gc({ start: '2024-01-01', end: '2024-02-29', mg: 10 }), gc({ start: '2024-03-06', end: '2024-04-30', mg: 10 })];
    expect(glucocorticoidExposure(broken, TODAY).pastExposure).toEqual({ lastUse: '2024-04-30', refs: ['MedicationStatement/2024-01-01', 'MedicationStatement/2024-03-06'] });
    // Exactly 450 mg, and 1 mg daily for a year (366 mg): never footnote *.
    expect(glucocorticoidExposure([gc({ start: '2020-03-01', end: '2020-03-15', mg: 30 })], TODAY).pastExposure).toBeUndefined();
    expect(glucocorticoidExposure([gc({ start: '2020-01-01', end: '2020-12-31', mg: 1 })], TODAY)).not.toHaveProperty('pastExposure');
    // Meeting the threshold now is not "past".
    expect(glucocorticoidExposure([gc({ start: '2024-01-01', end: '2025-06-15', mg: 10 })], TODAY)).not.toHaveProperty('pastExposure');
  });

  it('consecutive records join into one run; a day at ≤ 5 mg breaks it', () => {
    const joined = [gc({ start: '2026-01-01', end: '2026-02-15', mg: 10 }), gc({ start: '2026-02-16', end: '2026-04-05', mg: 7.5 })];
    expect(glucocorticoidExposure(joined, TODAY).highDoseThreeMonths).toBe(true);
    const broken = [gc({ start: '2026-01-01', end: '2026-02-15', mg: 10 }), gc({ start: '2026-02-16', end: '2026-02-20', mg: 5 }), gc({ start: '2026-02-21', end: '2026-04-05', mg: 10 })];
    expect(glucocorticoidExposure(broken, TODAY).highDoseThreeMonths).toBe(false);
  });

  it('cumulative mg in the last 12 months: > 450 meets the threshold, exactly 450 does not', () => {
    // 30 mg × 15 days = 450 mg
    const burst = glucocorticoidExposure([gc({ start: '2026-03-01', end: '2026-03-15', mg: 30 })], TODAY);
    expect(burst).toMatchObject({ cumulativeMg12Months: 450, meetsThreshold: false, highDoseThreeMonths: false, active: false, lastUse: '2026-03-15' });
    const more = glucocorticoidExposure([gc({ start: '2026-03-01', end: '2026-03-16', mg: 30 })], TODAY);
    expect(more).toMatchObject({ cumulativeMg12Months: 480, meetsThreshold: true });
    // only the days inside the window count: 2025-06-15, 12 months before today, is its first day
    expect(glucocorticoidExposure([gc({ start: '2025-06-01', end: '2025-06-20', mg: 10 })], TODAY).cumulativeMg12Months).toBe(60);
  });

  it('"within 12 months" includes the boundary day (rules.md: "within N … months includes the boundary day")', () => {
    // 460 mg of which the first 10 mg fall on 2025-06-15, 12 months before today: all of it counts
    expect(glucocorticoidExposure([gc({ start: '2025-06-15', end: '2025-07-30', mg: 10 })], TODAY)).toMatchObject({ cumulativeMg12Months: 460, meetsThreshold: true });
    // one day earlier, the first day falls out: 450, not more
    expect(glucocorticoidExposure([gc({ start: '2025-06-14', end: '2025-07-29', mg: 10 })], TODAY)).toMatchObject({ cumulativeMg12Months: 450, meetsThreshold: false });
    // a single dose on the boundary day
    expect(glucocorticoidExposure([gc({ start: '2025-06-15', end: '2025-06-15', mg: 460 })], TODAY).meetsThreshold).toBe(true);
  });

  it('overlapping records of one drug count once (the higher dose); different drugs add up', () => {
    const same = [gc({ start: '2026-05-01', end: '2026-05-10', mg: 10, ref: 'MedicationRequest/a' }), gc({ start: '2026-05-01', end: '2026-05-10', mg: 10, ref: 'MedicationStatement/b' })];
    expect(glucocorticoidExposure(same, TODAY)).toMatchObject({ cumulativeMg12Months: 100, refs: ['MedicationRequest/a', 'MedicationStatement/b'] });
    const different = [gc({ start: '2026-05-01', end: '2026-05-10', mg: 10 }), gc({ start: '2026-05-01', end: '2026-05-10', mg: 20, factor: 0.25 })];
    expect(glucocorticoidExposure(different, TODAY).cumulativeMg12Months).toBe(150);
  });

  it('a record without a dose is use without a number: active and refs, but no mg', () => {
    const e = glucocorticoidExposure([gc({ start: '2026-01-01', status: 'active' })], TODAY);
    expect(e).toMatchObject({ active: true, currentDailyMg: 0, cumulativeMg12Months: 0, meetsThreshold: false, lastUse: TODAY });
  });

  it('a planned course (draft) is added: 10 mg for 90 days from today reaches the 3 months and > 450 mg', () => {
    const e = glucocorticoidExposure([], TODAY, [{ dailyMg: 10, startDate: TODAY, durationDays: 92 }]);
    expect(e).toMatchObject({ highDoseThreeMonths: true, cumulativeMg12Months: 920, meetsThreshold: true, currentDailyMg: 0, active: false });
    const short = glucocorticoidExposure([], TODAY, [{ dailyMg: 25, startDate: TODAY, durationDays: 10 }]);
    expect(short).toMatchObject({ highDoseThreeMonths: false, cumulativeMg12Months: 250, meetsThreshold: false });
    // with the record: 300 mg taken in the past months + 250 planned = 550
    const combined = glucocorticoidExposure([gc({ start: '2026-04-01', end: '2026-04-30', mg: 10 })], TODAY, [{ dailyMg: 25, startDate: TODAY, durationDays: 10 }]);
    expect(combined.cumulativeMg12Months).toBe(550);
  });

  it('planned courses of one basket add up: two orders of 5 mg for 92 days are 10 mg daily, and 920 mg', () => {
    const five = { dailyMg: 5, startDate: TODAY, durationDays: 92 };
    expect(glucocorticoidExposure([], TODAY, [five])).toMatchObject({ highDoseThreeMonths: false, cumulativeMg12Months: 460 });
    expect(glucocorticoidExposure([], TODAY, [five, five])).toMatchObject({ highDoseThreeMonths: true, cumulativeMg12Months: 920, meetsThreshold: true });
    // 4 mg methylprednisolone (5 mg prednisolone) and 5 mg prednisolone for 30 days: 300 mg, no run of 3 months.
    const month = { dailyMg: 5, startDate: TODAY, durationDays: 30 };
    expect(glucocorticoidExposure([], TODAY, [month, month])).toMatchObject({ highDoseThreeMonths: false, cumulativeMg12Months: 300, meetsThreshold: false });
  });

  it('an active record\'s own planned end counts ahead ("actual or expected"): 10 mg from two weeks ago to 6 months on is exposure now [choice]', () => {
    const planned = gc({ start: '2026-06-01', end: '2026-12-01', mg: 10, status: 'active' });
    expect(glucocorticoidExposure([planned], TODAY)).toMatchObject({ highDoseThreeMonths: true, meetsThreshold: true, active: true, currentDailyMg: 10, planned: true });
    // Planned to last less than 3 months (to 2026-08-31): not the 3 months; 10 mg × 92 days = 920 mg is over 450 though.
    const short = glucocorticoidExposure([gc({ start: '2026-06-01', end: '2026-08-30', mg: 10, status: 'active' })], TODAY);
    expect(short.highDoseThreeMonths).toBe(false);
    expect(short.cumulativeMg12Months).toBe(910);
    // 5 mg a day for 2 weeks then to 2026-07-31: neither (exactly 5 mg; 61 days × 5 = 305 mg).
    expect(glucocorticoidExposure([gc({ start: '2026-06-01', end: '2026-07-31', mg: 5, status: 'active' })], TODAY).meetsThreshold).toBe(false);
    // The same record completed, or active with no end: recorded use only, as before.
    expect(glucocorticoidExposure([gc({ start: '2026-06-01', end: '2026-12-01', mg: 10, status: 'completed' })], TODAY).highDoseThreeMonths).toBe(false);
    expect(glucocorticoidExposure([gc({ start: '2026-06-01', mg: 10, status: 'active' })], TODAY)).toMatchObject({ highDoseThreeMonths: false, cumulativeMg12Months: 150 });
    // Taken as needed (a rescue pack): its end says until when it may be taken, not that it is.
    expect(glucocorticoidExposure([{ ...planned, asNeeded: true }], TODAY)).toMatchObject({ highDoseThreeMonths: false, cumulativeMg12Months: 150 });
    // An estimated end (a prescription's validity or supply) plans nothing: recorded use only.
    expect(glucocorticoidExposure([{ ...planned, source: 'MedicationRequest', endEstimated: true }], TODAY)).toMatchObject({ highDoseThreeMonths: false, cumulativeMg12Months: 150 });
  });

  it('reads "taken as needed" from the dosage: asNeededBoolean, asNeededCodeableConcept, "ved behov", "PRN"', () => {
    const base = medicationStatement({ atc: 'H02AB06', text: 'Prednisolon 5 mg', status: 'active', start: '2026-06-01', dose: { value: 2, unit: 'stk' } });
    const withDosage = (dosage: Record<string, unknown>) => factsOf([{ ...base, dosage: [{ ...(base.dosage as Record<string, unknown>[])[0], ...dosage }] }]).medications[0]?.asNeeded;
    expect(withDosage({ asNeededBoolean: true })).toBe(true);
    expect(withDosage({ asNeededCodeableConcept: { text: 'astma' } })).toBe(true);
    expect(withDosage({ text: '2 tabletter ved behov' })).toBe(true);
    expect(withDosage({ text: '2 tabs PRN flare' })).toBe(true);
    expect(withDosage({ text: '2 tabletter dagligt' })).toBeUndefined();
    // A regular schedule with an as-needed rise is a daily course.
    expect(withDosage({ text: '10 mg dagligt, ved behov øges til 15 mg' })).toBeUndefined();
    expect(withDosage({ asNeededBoolean: false })).toBeUndefined();
  });

  it('looks at most a year ahead: an end in 2099 is a year of planned use, not a century', () => {
    const far = glucocorticoidExposure([gc({ start: '2026-06-01', end: '2099-12-31', mg: 2, status: 'active' })], TODAY);
    // 2 mg a day: never > 5, and a year of it is 730 mg — over 450, as a year of it would be.
    expect(far.highDoseThreeMonths).toBe(false);
    expect(far.cumulativeMg12Months).toBeLessThanOrEqual(2 * 367);
    expect(far.meetsThreshold).toBe(true);
  });

  it('only systemic glucocorticoids count (an inhaled steroid by name is not one)', () => {
    const f = factsOf([
      medicationStatement({ text: 'Prednisolon 25 mg', status: 'active', start: '2026-05-01', dose: { value: 1, unit: 'stk' } }),
      medicationStatement({ text: 'Beclometason inhalation', status: 'active', start: '2026-01-01' }),
      medicationRequest({ text: 'Hydrocortison creme', authoredOn: '2026-01-01' }),
    ]);
    expect(f.glucocorticoid).toMatchObject({ currentDailyMg: 25, refs: [expect.stringMatching(/^MedicationStatement\//)] });
    expect(f.glucocorticoid.refs).toHaveLength(1);
  });
});

describe('a structured taper counts at its lowest step [choice, as a range at its low end]', () => {
  // 2026-03-01 … 2026-05-23 (84 days): 20 mg for 7 days, then 2.5 mg for 77 — 332.5 mg, never > 5 mg for 3 months.
  const line = (mg: number, days: number, extra: Record<string, unknown>) => ({ ...extra, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: days, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' } } }, doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }] });
  const taper = (lines: Record<string, unknown>[]) => ({ ...medicationStatement({ atc: 'H02AB06', text: 'Prednisolon 5 mg', status: 'completed', start: '2026-03-01', end: '2026-05-23' }), dosage: lines });

  it('sequenced lines: not 20 mg over the whole course (no false exposure)', () => {
    const f = factsOf([taper([line(20, 7, { sequence: 1 }), line(2.5, 77, { sequence: 2 })])]);
    expect(f.glucocorticoid).toMatchObject({ highDoseThreeMonths: false, meetsThreshold: false });
    expect(f.glucocorticoid.cumulativeMg12Months).toBeLessThan(450);
  });

  it('every step timed: the duration-weighted mean keeps the course\'s total (30 mg × 56 d then 2.5 mg × 28 d = 1,750 mg)', () => {
    const f = factsOf([taper([line(30, 56, { sequence: 1 }), line(2.5, 28, { sequence: 2 })])]);
    expect(f.glucocorticoid.meetsThreshold).toBe(true);
    expect(f.glucocorticoid.cumulativeMg12Months).toBeGreaterThan(1700);
    expect(f.glucocorticoid.cumulativeMg12Months).toBeLessThan(1800);
  });

  it('lines with their own bounds and no sequence are steps, not doses taken together', () => {
    const f = factsOf([taper([line(20, 7, {}), line(2.5, 77, {})])]);
    expect(f.glucocorticoid.meetsThreshold).toBe(false);
  });

  it('morning and evening lines of one step still add up (10 + 5 mg a day for 6 months)', () => {
    const day = (mg: number, when: string) => ({ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: [when] } }, doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }] });
    const f = factsOf([{ ...medicationStatement({ atc: 'H02AB06', text: 'Prednisolon 5 mg', status: 'active', start: '2025-12-01' }), dosage: [day(10, 'MORN'), day(5, 'EVE')] }]);
    expect(f.glucocorticoid).toMatchObject({ currentDailyMg: 15, highDoseThreeMonths: true });
  });
});

describe('a glucocorticoid whose dose cannot be read', () => {
  it('marks the exposure doseUnknown (in use within 12 months), not when every dose is read or the record is older', () => {
    expect(factsOf([medicationStatement({ atc: 'H02AB06', text: 'Prednisolon', status: 'active', start: '2026-03-01', sig: 'efter aftale' })]).glucocorticoid).toMatchObject({ doseUnknown: true, currentDailyMg: 0 });
    expect(factsOf([medicationStatement({ atc: 'H02AB06', text: 'Prednisolon 5 mg', status: 'active', start: '2026-03-01', sig: '2 tabletter dagligt' })]).glucocorticoid.doseUnknown).toBeUndefined();
    expect(factsOf([medicationStatement({ atc: 'H02AB06', text: 'Prednisolon', status: 'completed', start: '2024-01-01', end: '2024-03-01', sig: 'efter aftale' })]).glucocorticoid.doseUnknown).toBeUndefined();
  });
});

describe('uses: the days of glucocorticoid use, record by record (what a sample was taken under)', () => {
  it('lists each record in use up to today, a dose known or not, and none of other drugs', () => {
    const records = [gc({ start: '2026-03-01', mg: 10, status: 'active' }), gc({ start: '2025-01-01', end: '2025-02-28' }), gc({ start: '2024-06-01', end: '2024-06-10', mg: 5 })];
    expect(glucocorticoidExposure(records, TODAY).uses).toEqual([
      { start: '2026-03-01', end: TODAY },
      { start: '2025-01-01', end: '2025-02-28' },
      { start: '2024-06-01', end: '2024-06-10' },
    ]);
    expect(glucocorticoidExposure([], TODAY).uses).toEqual([]);
  });
});
