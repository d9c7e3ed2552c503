/**
 * rx-dose-interval — rules.md section 4 (v2) [extension: SmPC]: "alendronate 70 mg more than once a
 * week; denosumab 60 mg more often than every 6 months, or a new injection less than 5 months after
 * the last; zoledronic acid 5 mg more than once a year. Suggestion: update the draft to the right
 * schedule." Card l. 53-54 "Alendronat 70 mg ugetablet", l. 59-60 "5 mg i.v. årligt", l. 64 "60 mg
 * s.c. hver 6. måned".
 */
import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxDoseInterval } from '../../src/rules/prescribing/rx-dose-interval.js';
import { ctxOf, draft, medication, patient, type FactsInput } from '../helpers/facts.js';

const judge = (d: DraftOrder, input: FactsInput = {}) => rxDoseInterval(ctxOf(patient({ age: 72, ...input, drafts: [d] })), d);
const alendronate = (intervalDays: number | undefined, doseMg = 70) => draft('alendronate', { doseMgPerAdministration: doseMg, ...(intervalDays === undefined ? {} : { intervalDays }) });

describe('rx-dose-interval (rules.md section 4, v2; card l. 53-54, 59-60, 64)', () => {
  it('fires critical for alendronate 70 mg daily — a sevenfold overdose — and offers the weekly schedule as an update of the draft', () => {
    const d = alendronate(1);
    const rec = judge(d);
    expect(rec).toMatchObject({ topic: 'rx-dose-interval', indicator: 'critical', reasons: ['too-frequent'], draft: d.ref, schedule: 'weekly' });
    expect(rec?.evidence).toEqual([d.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'fix-schedule', draft: d.ref, schedule: 'weekly', doseMg: 70 }]);
    expect(rec?.findings).toContainEqual({ kind: 'dose-interval', drug: 'alendronate', doseMg: 70, intervalDays: 1, scheduleDays: 7, ref: d.ref });
  });

  it('fires for 70 mg twice a week, and for the other weekly tablet, 35 mg daily [extension: SmPC] — its fix 35 mg weekly, not 70 mg on a 35 mg tablet', () => {
    expect(judge(alendronate(3.5))?.reasons).toEqual(['too-frequent']);
    const rec = judge(alendronate(1, 35));
    expect(rec).toMatchObject({ indicator: 'critical', schedule: 'weekly', scheduleDoseMg: 35 });
    expect(rec?.suggestions).toEqual([expect.objectContaining({ kind: 'fix-schedule', schedule: 'weekly', doseMg: 35 })]);
  });

  it('rules.md names alendronate 70 mg: a draft whose known dose and strength are another is not judged — 40 mg daily (Paget\'s disease) gets nothing', () => {
    expect(judge(alendronate(1, 40))).toBeUndefined();
    expect(judge(draft('alendronate', { doseMgPerAdministration: 40, intervalDays: 1, identity: { strengthMg: 40 } }))).toBeUndefined();
    // Two 40 mg tablets a day (80 mg): still no 70 mg tablet, nothing to put 70 mg on.
    expect(judge(draft('alendronate', { doseMgPerAdministration: 80, intervalDays: 1, identity: { strengthMg: 40 } }))).toBeUndefined();
  });

  it('the product\'s strength counts beside the dose: two 70 mg tablets a day are still the weekly tablet given daily; two 35 mg tablets (70 mg) a dose are 70 mg', () => {
    expect(judge(draft('alendronate', { doseMgPerAdministration: 140, intervalDays: 1, identity: { strengthMg: 70 } }))).toMatchObject({ indicator: 'critical', scheduleDoseMg: 70 });
    expect(judge(draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1, identity: { strengthMg: 35 } }))).toMatchObject({ indicator: 'critical', scheduleDoseMg: 70 });
    // A 70 mg tablet whose dose is unknown, given daily: judged by its strength.
    expect(judge(draft('alendronate', { intervalDays: 1, identity: { strengthMg: 70 } }))?.indicator).toBe('critical');
  });

  it('does not fire for 70 mg once a week, for 10 mg daily (a daily strength), or when the interval is unknown', () => {
    expect(judge(alendronate(7))).toBeUndefined();
    expect(judge(alendronate(1, 10))).toBeUndefined();
    expect(judge(alendronate(undefined))).toBeUndefined();
    expect(judge(draft('alendronate', { intervalDays: 1 }))).toBeUndefined(); // dose unknown: a daily 10 mg tablet is possible
  });

  it('boundary: every 6 days is more than once a week; every 7 days is not', () => {
    expect(judge(alendronate(6))).toBeDefined();
    expect(judge(alendronate(7))).toBeUndefined();
  });

  it('denosumab: every 3 months fires; every 6 months, 26 weeks or 180 days does not (5 % for how a schedule is written)', () => {
    const den = (intervalDays: number) => draft('denosumab', { doseMgPerAdministration: 60, intervalDays });
    expect(judge(den(3 * 30.4375))).toMatchObject({ indicator: 'critical', schedule: 'six-monthly', suggestions: [{ kind: 'fix-schedule', schedule: 'six-monthly', doseMg: 60 }] });
    expect(judge(den(5 * 30.4375))).toBeDefined();
    expect(judge(den(6 * 30.4375))).toBeUndefined();
    expect(judge(den(182))).toBeUndefined();
    expect(judge(den(180))).toBeUndefined();
  });

  it('denosumab: a new injection less than 5 months after the last fires, with the due date; exactly 5 months does not', () => {
    // Last injection 2026-07-01; 5 months later is 2026-12-01, after today 2026-11-26.
    const last = medication('denosumab', '2026-07-01', { status: 'completed' });
    const d = draft('denosumab', { doseMgPerAdministration: 60 });
    const rec = judge(d, { medications: [last] });
    expect(rec).toMatchObject({ indicator: 'critical', schedule: 'six-monthly', nextInjection: '2027-01-01', suggestions: [{ kind: 'fix-schedule', schedule: 'six-monthly', from: '2027-01-01' }] });
    expect(rec?.evidence).toEqual([d.ref, last.ref]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'denosumab-injection', date: '2027-01-01' });
    expect(judge(d, { medications: [medication('denosumab', '2026-06-26', { status: 'completed' })] })).toBeUndefined();
    // A draft dated at the due date is not early.
    expect(judge(draft('denosumab', { start: '2026-12-01' }), { medications: [last] })).toBeUndefined();
  });

  it('denosumab: with administrations on record, a later prescription is no injection — an overdue injection is not held back', () => {
    const d = draft('denosumab', { doseMgPerAdministration: 60 });
    const given = medication('denosumab', '2026-04-26', { status: 'completed', source: 'MedicationAdministration', ref: 'MedicationAdministration/ma-1' });
    const prescribed = medication('denosumab', '2026-09-26', { source: 'MedicationRequest', ref: 'MedicationRequest/mr-1' });
    // Given 7 months ago, prescribed 2 months ago: the injection is due, not early.
    expect(judge(d, { medications: [given, prescribed] })).toBeUndefined();
    // Given 3 months ago: early, whatever was prescribed.
    const recent = medication('denosumab', '2026-08-26', { status: 'completed', source: 'MedicationAdministration', ref: 'MedicationAdministration/ma-2' });
    expect(judge(d, { medications: [recent, prescribed] })?.indicator).toBe('critical');
    // No administrations recorded (prescriptions only): the prescription date stands for the injection (rules.md section 1).
    expect(judge(d, { medications: [prescribed] })?.indicator).toBe('critical');
  });

  it('an undated statement (read as from today) is no injection today: an overdue injection is not held back on its word', () => {
    const d = draft('denosumab', { doseMgPerAdministration: 60 });
    const given = medication('denosumab', '2026-03-20', { status: 'completed', source: 'MedicationAdministration', ref: 'MedicationAdministration/ma-1' });
    const undated = medication('denosumab', '2026-11-26', { status: 'active', startUnknown: true, ref: 'MedicationStatement/ms-undated' });
    expect(judge(d, { medications: [given, undated] })).toBeUndefined();
    expect(judge(d, { medications: [undated] })).toBeUndefined();
  });

  it('a statement of a period of use is no injection on its end day, nor an order dated after the last administration', () => {
    const d = draft('denosumab', { doseMgPerAdministration: 60 });
    // One injection's six months (2026-04-01 – 2026-10-01): the injection was on 2026-04-01, the next is due, not early.
    const period = medication('denosumab', '2026-04-01', { status: 'completed', end: '2026-10-01', source: 'MedicationStatement', ref: 'MedicationStatement/ms-period' });
    expect(judge(d, { medications: [period] })).toBeUndefined();
    const given = medication('denosumab', '2026-04-26', { status: 'completed', source: 'MedicationAdministration', ref: 'MedicationAdministration/ma-1' });
    for (const status of ['active', 'on-hold']) {
      const planned = medication('denosumab', '2026-10-01', { status, source: 'MedicationRequest', ref: 'MedicationRequest/mr-planned' });
      expect(judge(d, { medications: [given, planned] }), status).toBeUndefined();
    }
  });

  it('a completed prescription or statement after the last administration is an injection given elsewhere: a new one is too early, as the courses read it', () => {
    const d = draft('denosumab', { doseMgPerAdministration: 60 });
    const given = medication('denosumab', '2026-04-26', { status: 'completed', source: 'MedicationAdministration', ref: 'MedicationAdministration/ma-1' });
    const records = [
      medication('denosumab', '2026-10-01', { status: 'completed', source: 'MedicationRequest', ref: 'MedicationRequest/mr-dispensed' }),
      medication('denosumab', '2026-10-01', { status: 'completed', source: 'MedicationStatement', ref: 'MedicationStatement/ms-done' }),
    ];
    for (const elsewhere of records) {
      const rec = judge(d, { medications: [given, elsewhere] });
      expect(rec, elsewhere.ref).toMatchObject({ indicator: 'critical', reasons: ['too-frequent'], nextInjection: '2027-04-01' });
      expect(rec?.evidence, elsewhere.ref).toContain(elsewhere.ref);
    }
    // Boundary: given exactly 5 months before today (2026-06-26) a draft is not early; a completed
    // prescription the day after that administration makes it early by one day.
    const fiveMonths = medication('denosumab', '2026-06-26', { status: 'completed', source: 'MedicationAdministration', ref: 'MedicationAdministration/ma-2' });
    expect(judge(d, { medications: [fiveMonths] })).toBeUndefined();
    const dayAfter = medication('denosumab', '2026-06-27', { status: 'completed', source: 'MedicationRequest', ref: 'MedicationRequest/mr-next-day' });
    expect(judge(d, { medications: [fiveMonths, dayAfter] })).toMatchObject({ indicator: 'critical', nextInjection: '2026-12-27' });
    // The medication list's active statement, listed after that administration, is no injection (facts/usage-spans.ts).
    const listed = medication('denosumab', '2026-06-27', { status: 'active', source: 'MedicationStatement', ref: 'MedicationStatement/ms-fmk' });
    expect(judge(d, { medications: [fiveMonths, listed] })).toBeUndefined();
  });

  it('risedronate 35 mg weekly / 150 mg monthly and ibandronate 150 mg monthly [extension: SmPC]: daily is an overdose; the daily strengths are not judged', () => {
    const ris = (doseMgPerAdministration: number, intervalDays: number) => judge(draft('risedronate', { doseMgPerAdministration, intervalDays }));
    const iban = (doseMgPerAdministration: number, intervalDays: number) => judge(draft('ibandronate', { doseMgPerAdministration, intervalDays }));
    expect(ris(35, 1)).toMatchObject({ indicator: 'critical', reasons: ['too-frequent'], schedule: 'weekly', scheduleDoseMg: 35 });
    expect(ris(35, 1)?.suggestions).toEqual([expect.objectContaining({ kind: 'fix-schedule', schedule: 'weekly', doseMg: 35 })]);
    expect(ris(35, 7)).toBeUndefined();
    expect(ris(5, 1)).toBeUndefined();
    expect(ris(150, 7)).toMatchObject({ schedule: 'monthly', scheduleDoseMg: 150 });
    expect(ris(150, 30.4375)).toBeUndefined();
    expect(iban(150, 1)).toMatchObject({ indicator: 'critical', schedule: 'monthly', scheduleDoseMg: 150 });
    expect(iban(150, 30)).toBeUndefined();
  });

  it('zoledronic acid: every 6 months fires; yearly and every 52 weeks do not', () => {
    const zol = (intervalDays: number) => draft('zoledronic-acid', { doseMgPerAdministration: 5, intervalDays });
    expect(judge(zol(182.625))).toMatchObject({ indicator: 'critical', schedule: 'yearly' });
    expect(judge(zol(365.25))).toBeUndefined();
    expect(judge(zol(364))).toBeUndefined();
  });

  it('zoledronic acid: a new infusion less than 11 months after the last is "more than once a year"; from 11 months it is not [choice]', () => {
    // Last infusion 2026-07-26: four months before today (2026-11-26); the next is due 2027-07-26.
    const last = medication('zoledronic-acid', '2026-07-26', { status: 'completed' });
    const d = draft('zoledronic-acid', { doseMgPerAdministration: 5 });
    const rec = judge(d, { medications: [last] });
    expect(rec).toMatchObject({ indicator: 'critical', reasons: ['too-frequent'], schedule: 'yearly', nextInjection: '2027-07-26' });
    expect(rec?.evidence).toEqual([d.ref, last.ref]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'zoledronic-acid-infusion', date: '2027-07-26' });
    // 11 months after 2025-12-26 is 2026-11-26 (today): due soon, not early. A denosumab injection is another drug.
    expect(judge(d, { medications: [medication('zoledronic-acid', '2025-12-26', { status: 'completed' })] })).toBeUndefined();
    expect(judge(d, { medications: [medication('denosumab', '2026-07-26', { status: 'completed' })] })).toBeUndefined();
  });

  it('leaves other strengths and drugs alone: zoledronic acid 4 mg and denosumab 120 mg (oncology schedules), risedronate, prednisolone', () => {
    expect(judge(draft('zoledronic-acid', { doseMgPerAdministration: 4, intervalDays: 28 }))).toBeUndefined();
    expect(judge(draft('denosumab', { doseMgPerAdministration: 120, intervalDays: 28 }))).toBeUndefined();
    // Nor their too-early check: Zometa 4 mg a month after the last infusion is the oncology schedule.
    expect(judge(draft('zoledronic-acid', { doseMgPerAdministration: 4 }), { medications: [medication('zoledronic-acid', '2026-10-29', { status: 'completed' })] })).toBeUndefined();
    // Neither dose nor strength known: denosumab and zoledronic acid are taken for the osteoporosis product (the safer reading).
    expect(judge(draft('zoledronic-acid', { intervalDays: 28 }))).toMatchObject({ indicator: 'critical', scheduleDoseMg: 5 });
    expect(judge(draft('denosumab', { intervalDays: 28 }))).toMatchObject({ indicator: 'critical', scheduleDoseMg: 60 });
    expect(judge(draft('risedronate', { doseMgPerAdministration: 5, intervalDays: 1 }))).toBeUndefined();
    expect(judge(draft('glucocorticoid', { doseMgPerAdministration: 10, intervalDays: 1 }))).toBeUndefined();
  });
});
