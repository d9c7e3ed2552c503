import { describe, expect, it } from 'vitest';
import { factsOf, medicationAdministration, medicationRequest, medicationStatement } from '../helpers/facts-builders.js';
import { buildCourses } from '../../src/facts/courses.js';
import type { MedicationRecord } from '../../src/facts/types.js';

const ALN = { atc: 'M05BA04', text: 'Alendronat 70 mg' } as const;
const DMAB = { atc: 'M05BX04', text: 'Obodence 60 mg' } as const;
const ZOL = { atc: 'M05BA08', text: 'Aclasta 5 mg' } as const;

function record(o: Partial<MedicationRecord> & { start: string; drugClass: MedicationRecord['identity']['drugClass']; drug?: MedicationRecord['identity']['drug'] }): MedicationRecord {
  return {
    ref: `MedicationStatement/${o.start}`,
    source: 'MedicationStatement',
    status: 'completed',
    ...o,
    identity: { drug: o.drug ?? 'alendronate', drugClass: o.drugClass, effervescent: false, brandProlia: false, matchedBy: 'atc' },
  };
}

describe('courses: oral bisphosphonate, joined across gaps shorter than 3 months', () => {
  it('an active prescription whose supply ran out less than 3 months ago is a late refill: still on treatment [choice]', () => {
    // today 2026-06-15; 84 days from 2026-01-10 last covers 2026-04-03, + 3 months = 2026-07-03
    const late = factsOf([medicationRequest({ id: 'r', ...ALN, authoredOn: '2026-01-10', supply: { value: 84, unit: 'd' } })]);
    expect(late.courses[0]).toMatchObject({ start: '2026-01-10', end: '2026-06-15', status: 'active' });
    // The gap has passed (84 days from 2025-12-01 last covers 2026-02-22, + 3 months = 2026-05-22): ended on its last covered day.
    const gone = factsOf([medicationRequest({ id: 'r', ...ALN, authoredOn: '2025-12-01', supply: { value: 84, unit: 'd' } })]);
    expect(gone.courses[0]).toMatchObject({ end: '2026-02-22', status: 'ended' });
    // A completed prescription, or a statement whose stated period ended, is no late refill.
    expect(factsOf([medicationRequest({ id: 'r', ...ALN, status: 'completed', authoredOn: '2026-01-10', supply: { value: 84, unit: 'd' } })]).courses[0]?.status).toBe('ended');
    expect(factsOf([medicationStatement({ id: 's', ...ALN, status: 'active', start: '2026-01-10', end: '2026-04-03' })]).courses[0]?.status).toBe('ended');
  });

  it('a gap of 2.9 months joins; 3.1 months starts a new course', () => {
    // first record ends 2024-01-31; + 3 calendar months = 2024-04-30
    const first = medicationStatement({ id: 'a', ...ALN, status: 'completed', start: '2023-02-01', end: '2024-01-31' });
    const joined = factsOf([first, medicationStatement({ id: 'b', ...ALN, status: 'completed', start: '2024-04-27', end: '2025-01-31' })]);
    expect(joined.courses).toHaveLength(1);
    expect(joined.courses[0]).toMatchObject({ start: '2023-02-01', end: '2025-01-31', status: 'ended', refs: ['MedicationStatement/a', 'MedicationStatement/b'] });
    const split = factsOf([first, medicationStatement({ id: 'b', ...ALN, status: 'completed', start: '2024-05-04', end: '2025-01-31' })]);
    expect(split.courses.map((c) => [c.start, c.end])).toEqual([
      ['2024-05-04', '2025-01-31'],
      ['2023-02-01', '2024-01-31'],
    ]);
  });

  it('month-end arithmetic: a course ending 30 November joins a restart on 27 February, not on 28 February (30 Nov + 3 months = 28 Feb)', () => {
    const first = medicationStatement({ id: 'a', ...ALN, status: 'completed', start: '2024-06-01', end: '2025-11-30' });
    const next = (start: string) => factsOf([first, medicationStatement({ id: 'b', ...ALN, status: 'completed', start, end: '2026-04-01' })]).courses.length;
    expect(next('2026-02-27')).toBe(1);
    expect(next('2026-02-28')).toBe(2);
  });

  it('an active statement without an end runs to today and makes the course active', () => {
    const f = factsOf([medicationStatement({ ...ALN, status: 'active', start: '2021-06-15' })]);
    expect(f.courses[0]).toMatchObject({ drugClass: 'oral-bisphosphonate', drugs: ['alendronate'], start: '2021-06-15', end: '2026-06-15', lastDose: '2026-06-15', status: 'active', durationDays: 1826 });
  });

  it('switching alendronate → risedronate stays one oral bisphosphonate course', () => {
    const f = factsOf([
      medicationStatement({ ...ALN, status: 'completed', start: '2022-01-01', end: '2023-12-31' }),
      medicationStatement({ atc: 'M05BA07', status: 'active', start: '2024-01-15' }),
    ]);
    expect(f.courses).toHaveLength(1);
    expect(f.courses[0]?.drugs).toEqual(['alendronate', 'risedronate']);
  });

  it('stopped: a stopped statement dated on/after the last use; completed is not a stop', () => {
    const stopped = factsOf([medicationStatement({ ...ALN, status: 'stopped', start: '2020-01-01', end: '2025-01-01' })]);
    expect(stopped.courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2025-01-01', end: '2025-01-01' });
    const completed = factsOf([medicationStatement({ ...ALN, status: 'completed', start: '2020-01-01', end: '2025-01-01' })]);
    expect(completed.courses[0]).toMatchObject({ status: 'ended' });
    expect(completed.courses[0]?.stoppedOn).toBeUndefined();
  });

  it('a stop followed by later use is not a stop of the later course', () => {
    const f = factsOf([
      medicationStatement({ id: 'old', ...ALN, status: 'stopped', start: '2020-01-01', end: '2022-01-01' }),
      medicationStatement({ id: 'new', ...ALN, status: 'active', start: '2024-01-01' }),
    ]);
    expect(f.courses.map((c) => [c.start, c.status])).toEqual([
      ['2024-01-01', 'active'],
      ['2020-01-01', 'stopped'],
    ]);
  });

  it('a stop recorded mid-pack (after the last prescription, before its supply ran out) stops the course on that day', () => {
    const scripts = ['2022-10-19', '2023-01-19', '2023-04-19'].map((d) => medicationRequest({ ...ALN, status: 'completed', authoredOn: d, supply: { value: 84, unit: 'd' } }));
    const fmk = medicationStatement({ ...ALN, status: 'stopped', start: '2022-10-19', end: '2023-06-01' });
    const f = factsOf([...scripts, fmk], { now: new Date('2023-06-10T12:00:00Z') });
    expect(f.courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2023-06-01', end: '2023-06-01' });
    // A stop before the last prescription was issued is no stop of the course that went on.
    const early = medicationStatement({ ...ALN, status: 'stopped', start: '2022-10-19', end: '2023-03-01' });
    expect(factsOf([...scripts, early], { now: new Date('2023-06-10T12:00:00Z') }).courses[0]).toMatchObject({ status: 'active' });
    // A prescription written in the 14 days before the stop is the renewal or switch it made room for.
    const renewal = medicationRequest({ ...ALN, status: 'active', authoredOn: '2023-05-28', supply: { value: 84, unit: 'd' } });
    expect(factsOf([...scripts, renewal, fmk], { now: new Date('2023-06-10T12:00:00Z') }).courses[0]).toMatchObject({ status: 'active' });
    // An older prescription stopped after its renewal was written: the renewal runs on.
    const oldStopped = medicationRequest({ ...ALN, status: 'stopped', authoredOn: '2023-01-19', supply: { value: 84, unit: 'd' } });
    expect(factsOf([scripts[0]!, oldStopped, scripts[2]!], { now: new Date('2023-06-10T12:00:00Z') }).courses[0]).toMatchObject({ status: 'active' });
    // A renewal cancelled while a supply runs (withdrawn, not a stop) stops nothing.
    const withdrawn = medicationRequest({ ...ALN, status: 'cancelled', authoredOn: '2023-05-01' });
    expect(factsOf([...scripts, withdrawn], { now: new Date('2023-06-10T12:00:00Z') }).courses[0]).toMatchObject({ status: 'active' });
  });

  it('a cancelled request stops the course only when nothing of the class was used after it', () => {
    const use = medicationRequest({ ...ALN, status: 'completed', authoredOn: '2025-01-01', supply: { value: 84, unit: 'd' } });
    const cancelled = medicationRequest({ ...ALN, status: 'cancelled', authoredOn: '2025-03-30' });
    expect(factsOf([use, cancelled]).courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2025-03-30' });
    const later = medicationRequest({ ...ALN, status: 'completed', authoredOn: '2025-04-10', supply: { value: 84, unit: 'd' } });
    expect(factsOf([use, cancelled, later]).courses[0]?.status).toBe('ended');
  });

  it('a denosumab statement begun long before the recorded injections, ending in the future, plans the end of the course running now', () => {
    const statement = medicationStatement({ ...DMAB, id: 'ms-dmab', start: '2024-01-10', end: '2027-01-10' });
    const given = medicationAdministration({ ...DMAB, id: 'ma-dmab', date: '2026-03-10' });
    const current = factsOf([statement, given]).courses.find((c) => c.drugClass === 'denosumab' && c.status === 'active');
    expect(current).toMatchObject({ lastDose: '2026-03-10', plannedEnd: '2027-01-10' });
    expect(current?.refs).toContain('MedicationStatement/ms-dmab');
    // Its end passed: no plan.
    const passed = medicationStatement({ ...DMAB, start: '2024-01-10', end: '2026-05-01' });
    expect(factsOf([passed, given]).courses.find((c) => c.drugClass === 'denosumab' && c.status === 'active')?.plannedEnd).toBeUndefined();
  });

  it('an injection statement in use with no end (or stopped at its end) joins the injections recorded meanwhile into one course, implying no dose', () => {
    // NOW 2026-06-15 (facts-builders).
    const open = medicationStatement({ ...DMAB, id: 'ms-open', start: '2022-01-10' });
    const shots = [medicationAdministration({ ...DMAB, date: '2025-07-10' }), medicationAdministration({ ...DMAB, date: '2026-01-10' })];
    const courses = factsOf([open, ...shots]).courses.filter((c) => c.drugClass === 'denosumab');
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ start: '2022-01-10', lastDose: '2026-01-10', status: 'active' });
    // The open statement alone implies no injection since its start: the course lapsed long ago.
    expect(factsOf([open]).courses[0]).toMatchObject({ start: '2022-01-10', lastDose: '2022-01-10', status: 'ended' });
    // Stopped at its end: one course to the stop.
    const stopped = medicationStatement({ ...DMAB, id: 'ms-stop', status: 'stopped', start: '2023-01-10', end: '2026-02-01' });
    const stoppedCourses = factsOf([stopped, ...shots]).courses.filter((c) => c.drugClass === 'denosumab');
    expect(stoppedCourses).toHaveLength(1);
    expect(stoppedCourses[0]).toMatchObject({ start: '2023-01-10', lastDose: '2026-01-10', status: 'stopped' });
  });

  it('an open injection statement reaches only to the first dose recorded from its start on: later gaps between doses still break the course, and another drug first leaves it no reach', () => {
    // NOW 2026-06-15.
    const open = medicationStatement({ ...DMAB, id: 'ms-open', start: '2019-01-10' });
    const early = [medicationAdministration({ ...DMAB, date: '2019-01-10' }), medicationAdministration({ ...DMAB, date: '2019-07-10' })];
    const late = [medicationAdministration({ ...DMAB, date: '2025-07-10' }), medicationAdministration({ ...DMAB, date: '2026-01-10' })];
    const gap = factsOf([open, ...early, ...late]).courses.filter((c) => c.drugClass === 'denosumab');
    expect(gap.map((c) => [c.start, c.lastDose])).toEqual([
      ['2025-07-10', '2026-01-10'],
      ['2019-01-10', '2019-07-10'],
    ]);
    // Alendronate between the statement's start and the first injection: the statement is stale.
    const aln = medicationStatement({ ...ALN, status: 'completed', start: '2021-01-01', end: '2023-01-01' });
    const switched = factsOf([medicationStatement({ ...DMAB, start: '2020-01-10' }), aln, ...late]).courses.filter((c) => c.drugClass === 'denosumab');
    expect(switched.find((c) => c.status === 'active')?.start).toBe('2025-07-10');
  });

  it('a statement with no effective[x] starts on its dosage\'s boundsPeriod.start, not on dateAsserted (the day it was written down)', () => {
    const statement = { ...medicationStatement({ ...ALN, asserted: '2026-05-01' }), dosage: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', boundsPeriod: { start: '2020-01-05' } } } }] };
    expect(factsOf([statement]).courses[0]).toMatchObject({ drugClass: 'oral-bisphosphonate', start: '2020-01-05', status: 'active' });
    // Without a start of use anywhere, dateAsserted is the start still.
    expect(factsOf([medicationStatement({ ...ALN, asserted: '2026-05-01' })]).courses[0]?.start).toBe('2026-05-01');
  });

  it('an active request with a future end of its dosing gives a planned end; the validity of the prescription or an estimated supply end does not', () => {
    const bounded = { ...medicationRequest({ ...ALN, authoredOn: '2026-01-01' }), dosageInstruction: [{ timing: { repeat: { boundsPeriod: { start: '2026-01-01', end: '2026-12-31' } } } }] };
    const planned = factsOf([bounded]);
    expect(planned.courses[0]).toMatchObject({ status: 'active', plannedEnd: '2026-12-31', end: '2026-06-15' });
    // A Danish prescription is valid for up to two years: that is how long it may be dispensed, not a plan to stop.
    const valid = factsOf([medicationRequest({ ...ALN, authoredOn: '2026-01-01', validity: { start: '2026-01-01', end: '2026-12-31' } })]);
    expect(valid.courses[0]?.plannedEnd).toBeUndefined();
    const supplied = factsOf([medicationRequest({ ...ALN, authoredOn: '2026-05-01', supply: { value: 90, unit: 'd' } })]);
    expect(supplied.courses[0]?.plannedEnd).toBeUndefined();
    expect(supplied.courses[0]?.status).toBe('active');
  });
});

describe('courses: denosumab (7 months) and zoledronic acid (15 months)', () => {
  it('6-monthly injections join into one course; the last injection is the last dose', () => {
    const f = factsOf([
      medicationAdministration({ ...DMAB, date: '2024-07-10' }),
      medicationAdministration({ ...DMAB, date: '2025-01-12' }),
      medicationAdministration({ ...DMAB, date: '2025-07-14' }),
      medicationAdministration({ ...DMAB, date: '2026-01-20' }),
    ]);
    expect(f.courses).toHaveLength(1);
    expect(f.courses[0]).toMatchObject({ drugClass: 'denosumab', start: '2024-07-10', lastDose: '2026-01-20', status: 'active', end: '2026-06-15' });
  });

  it('an 8-month gap between injections starts a new course (8 ≥ 7)', () => {
    const f = factsOf([
      medicationAdministration({ ...DMAB, date: '2024-01-10' }),
      medicationAdministration({ ...DMAB, date: '2024-07-10' }),
      medicationAdministration({ ...DMAB, date: '2025-03-10' }),
    ]);
    expect(f.courses.map((c) => [c.start, c.lastDose])).toEqual([
      ['2025-03-10', '2025-03-10'],
      ['2024-01-10', '2024-07-10'],
    ]);
  });

  it('denosumab is active until 12 months after the last injection (the boundary day included), then ended', () => {
    const injection = medicationAdministration({ ...DMAB, date: '2025-06-15' });
    expect(factsOf([injection]).courses[0]?.status).toBe('active');
    expect(factsOf([injection], { now: new Date('2026-06-16T10:00:00Z') }).courses[0]).toMatchObject({ status: 'ended', end: '2025-06-15' });
  });

  it('injection dates from requests (authoredOn) and statements (start and end)', () => {
    const f = factsOf([
      medicationStatement({ ...DMAB, status: 'completed', start: '2023-01-05', end: '2024-07-05' }),
      medicationRequest({ ...DMAB, status: 'completed', authoredOn: '2025-01-03' }),
    ]);
    expect(f.courses).toHaveLength(1);
    expect(f.courses[0]).toMatchObject({ start: '2023-01-05', lastDose: '2025-01-03', status: 'ended' });
  });

  it('denosumab recorded stopped after the last injection is stopped', () => {
    const f = factsOf([
      medicationAdministration({ ...DMAB, date: '2025-08-01' }),
      medicationStatement({ ...DMAB, status: 'stopped', start: '2023-02-01', end: '2026-01-10' }),
    ]);
    expect(f.courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-01-10', lastDose: '2025-08-01' });
  });

  it('denosumab whose latest prescription is stopped, though written before the last injection given on it, stops at that injection; an active prescription after it continues', () => {
    const doses = ['2025-08-15', '2026-02-16', '2026-08-14'].map((date) => medicationAdministration({ ...DMAB, date }));
    const stoppedRx = medicationRequest({ ...DMAB, id: 'rx-stopped', status: 'stopped', authoredOn: '2026-08-01' });
    expect(factsOf([...doses, stoppedRx], { now: new Date('2026-12-05T10:00:00Z') }).courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-08-14', lastDose: '2026-08-14' });
    const renewed = medicationRequest({ ...DMAB, id: 'rx-new', status: 'active', authoredOn: '2026-08-10' });
    expect(factsOf([...doses, stoppedRx, renewed], { now: new Date('2026-12-05T10:00:00Z') }).courses[0]).toMatchObject({ status: 'active', lastDose: '2026-08-14' });
  });

  it('an injection given after a stop the record dates (a statement\'s end, its dateAsserted) goes on: the drug was given again', () => {
    const now = { now: new Date('2026-03-01T10:00:00Z') };
    const doses = ['2025-01-10', '2025-07-10', '2026-01-15'].map((date) => medicationAdministration({ ...DMAB, date }));
    const ended = medicationStatement({ ...DMAB, id: 'fmk', status: 'stopped', start: '2025-01-10', end: '2025-09-01' });
    expect(factsOf([...doses, ended], now).courses[0]).toMatchObject({ status: 'active', lastDose: '2026-01-15' });
    const asserted = medicationStatement({ ...DMAB, id: 'fmk', status: 'stopped', start: '2025-01-10', asserted: '2025-09-01' });
    expect(factsOf([...doses, asserted], now).courses[0]).toMatchObject({ status: 'active', lastDose: '2026-01-15' });
    // Not so: a statement asserted stopped after the injection (the latest word), nor a prescription
    // whose supply ran out before it — a supply's end is no stop, and the stop stands.
    const assertedAfter = medicationStatement({ ...DMAB, id: 'fmk', status: 'stopped', start: '2025-01-10', end: '2025-09-01', asserted: '2026-02-01' });
    expect(factsOf([...doses, assertedAfter], now).courses[0]).toMatchObject({ status: 'stopped' });
    // A statement dated by one day alone (its start, its dateAsserted, or both the same) may have been
    // stopped any day after it: the stop stands.
    for (const dated of [{ asserted: '2025-09-01' }, { start: '2025-09-01' }, { start: '2025-01-10', asserted: '2025-01-10' }]) {
      const once = medicationStatement({ ...DMAB, id: 'fmk', status: 'stopped', ...dated });
      expect(factsOf([...doses, once], now).courses[0], JSON.stringify(dated)).toMatchObject({ status: 'stopped' });
    }
    const supplied = medicationRequest({ ...DMAB, id: 'rx', status: 'stopped', authoredOn: '2025-08-01', supply: { value: 30, unit: 'd' } });
    expect(factsOf([...doses, supplied], now).courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-01-15' });
  });

  it('a zoledronic acid order stopped after its infusion is a closed order: the course is not stopped', () => {
    const infusions = [medicationAdministration({ ...ZOL, date: '2024-06-01' }), medicationAdministration({ ...ZOL, date: '2025-06-10' })];
    const orders = [medicationRequest({ ...ZOL, id: 'z1', status: 'completed', authoredOn: '2024-05-20' }), medicationRequest({ ...ZOL, id: 'z2', status: 'stopped', authoredOn: '2025-06-01' })];
    expect(factsOf([...infusions, ...orders], { now: new Date('2026-06-01T10:00:00Z') }).courses[0]).not.toMatchObject({ status: 'stopped' });
  });

  it('not so where the record says more: each order closed as stopped after its injection (an EHR\'s habit), or a statement in use', () => {
    const now = { now: new Date('2026-12-05T10:00:00Z') };
    const doses = ['2025-06-05', '2025-12-05', '2026-06-05'].map((date) => medicationAdministration({ ...DMAB, date }));
    const orders = ['2025-05-28', '2025-11-28', '2026-05-28'].map((authoredOn, i) => medicationRequest({ ...DMAB, id: `rx-${i}`, status: 'stopped', authoredOn }));
    expect(factsOf([...doses, ...orders], now).courses[0]).toMatchObject({ status: 'active', lastDose: '2026-06-05' });
    const inUse = medicationStatement({ ...DMAB, id: 'fmk', status: 'active', start: '2025-05-01' });
    expect(factsOf([...doses, orders[2]!, inUse], now).courses[0]).toMatchObject({ status: 'active', lastDose: '2026-06-05' });
  });

  it('zoledronic acid: yearly infusions join (< 15 months), active for 24 months after the last', () => {
    const f = factsOf([
      medicationAdministration({ ...ZOL, date: '2023-03-01' }),
      medicationAdministration({ ...ZOL, date: '2024-05-01' }),
      medicationAdministration({ ...ZOL, date: '2025-06-01' }),
    ]);
    expect(f.courses).toHaveLength(1);
    expect(f.courses[0]).toMatchObject({ drugClass: 'zoledronic-acid', start: '2023-03-01', lastDose: '2025-06-01', status: 'active' });
    const gap = factsOf([medicationAdministration({ ...ZOL, date: '2022-01-01' }), medicationAdministration({ ...ZOL, date: '2023-04-01' })]);
    expect(gap.courses).toHaveLength(2);
  });
});

describe('courses: every class, as a pure function', () => {
  it('returns courses of all classes, newest first, duration capped at today (an ended course counts its last day of use)', () => {
    const courses = buildCourses(
      [
        record({ start: '2025-01-01', drugClass: 'ppi', drug: 'ppi', status: 'active' }),
        record({ start: '2019-01-01', end: '2020-01-01', drugClass: 'oral-bisphosphonate' }),
      ],
      '2026-06-15',
    );
    expect(courses.map((c) => [c.drugClass, c.status, c.durationDays])).toEqual([
      ['ppi', 'active', 530],
      ['oral-bisphosphonate', 'ended', 366],
    ]);
  });

  it('ignores records that start in the future', () => {
    expect(buildCourses([record({ start: '2027-01-01', drugClass: 'oral-bisphosphonate', status: 'active' })], '2026-06-15')).toEqual([]);
  });
});

describe('courses: records on hold and undated injection records (today 2026-06-15)', () => {
  it('an oral bisphosphonate on hold keeps its years of use, up to its end or its last assertion, and is no use now', () => {
    const withEnd = factsOf([medicationStatement({ id: 's', ...ALN, status: 'on-hold', start: '2020-06-01', end: '2025-07-01' })]);
    expect(withEnd.courses[0]).toMatchObject({ start: '2020-06-01', end: '2025-07-01', status: 'ended' });
    const asserted = factsOf([medicationStatement({ id: 's', ...ALN, status: 'on-hold', start: '2020-06-01', asserted: '2025-07-01' })]);
    expect(asserted.courses[0]).toMatchObject({ start: '2020-06-01', end: '2025-07-01', status: 'ended' });
    const request = factsOf([medicationRequest({ id: 'r', ...ALN, status: 'on-hold', authoredOn: '2020-06-01', validity: { start: '2020-06-01', end: '2025-07-01' } })]);
    expect(request.courses[0]).toMatchObject({ start: '2020-06-01', status: 'ended' });
    expect(request.courses[0]?.durationDays).toBeGreaterThan(5 * 365);
  });

  it('an oral bisphosphonate on hold is no use now, though its planned end or supply reaches past today', () => {
    // The statement planned to 2027; the order was written for a year's supply: neither is taken while held.
    const planned = factsOf([medicationStatement({ id: 's', ...ALN, status: 'on-hold', start: '2026-03-01', end: '2027-01-01', asserted: '2026-05-01' })]);
    expect(planned.courses[0]).toMatchObject({ start: '2026-03-01', end: '2026-05-01', status: 'ended' });
    const supplied = factsOf([medicationRequest({ id: 'r', ...ALN, status: 'on-hold', authoredOn: '2026-03-01', supply: { value: 336, unit: 'd' } })]);
    expect(supplied.courses[0]).toMatchObject({ start: '2026-03-01', status: 'ended' });
    // No day for the hold: its years count up to yesterday (seven years of alendronate are not one day).
    const years = factsOf([medicationStatement({ id: 's', ...ALN, status: 'on-hold', start: '2019-01-01', end: '2027-01-01' })]);
    expect(years.courses[0]).toMatchObject({ start: '2019-01-01', end: '2026-06-14', status: 'ended' });
    // Asserted today: still on hold today, its use ended yesterday at the latest.
    const today = factsOf([medicationStatement({ id: 's', ...ALN, status: 'on-hold', start: '2025-06-01', asserted: '2026-06-15' })]);
    expect(today.courses[0]).toMatchObject({ end: '2026-06-14', status: 'ended' });
  });

  it('denosumab on hold keeps its last injection (the overdue schedule), and is no follow-on to another drug', () => {
    // Its period of use ended 2025-09-20: the last injection no later than 6 months before.
    const held = factsOf([medicationStatement({ id: 's', ...DMAB, status: 'on-hold', start: '2024-03-20', end: '2025-09-20' })]);
    expect(held.courses[0]).toMatchObject({ drugClass: 'denosumab', lastDose: '2025-03-20' });
    const order = factsOf([medicationRequest({ id: 'r', ...DMAB, status: 'on-hold', authoredOn: '2025-09-20' })]);
    expect(order.courses[0]).toMatchObject({ drugClass: 'denosumab', lastDose: '2025-09-20' });
    // Alendronate on hold after the last injection: not the follow-on that ends the denosumab course.
    const after = factsOf([medicationAdministration({ id: 'd', ...DMAB, date: '2025-09-20' }), medicationRequest({ id: 'a', ...ALN, status: 'on-hold', authoredOn: '2026-03-01' })]);
    expect(after.courses.find((c) => c.drugClass === 'denosumab')).not.toHaveProperty('supersededOn');
  });

  it('an undated active injection statement is no dose today beside dated doses; alone, it still says the patient is on the drug', () => {
    const undated = medicationStatement({ id: 'u', ...DMAB, status: 'active' });
    const dated = medicationAdministration({ id: 'd', ...DMAB, date: '2025-10-01' });
    expect(factsOf([dated, undated]).courses).toEqual([expect.objectContaining({ drugClass: 'denosumab', lastDose: '2025-10-01' })]);
    expect(factsOf([undated]).courses).toEqual([expect.objectContaining({ drugClass: 'denosumab', status: 'active' })]);
    const zol = factsOf([medicationAdministration({ id: 'z', ...ZOL, date: '2025-05-01' }), medicationStatement({ id: 'zu', ...ZOL, status: 'active' })]);
    expect(zol.courses[0]).toMatchObject({ lastDose: '2025-05-01' });
  });
});

describe('courses: which denosumab records are injections (today 2026-06-15)', () => {
  const BIOSIMILAR = { atc: 'M05BX04', text: 'Obodence 60 mg' } as const;
  const PROLIA = { atc: 'M05BX04', text: 'Prolia 60 mg' } as const;

  it('Prolia stopped and a biosimilar started the same day (or prescribed ahead) is no stop: the product changed, not the drug', () => {
    const switched = factsOf([
      medicationAdministration({ id: 'p', ...PROLIA, date: '2025-12-01' }),
      medicationStatement({ id: 'ps', ...PROLIA, status: 'stopped', start: '2024-06-01', end: '2026-06-01' }),
      medicationStatement({ id: 'bs', ...BIOSIMILAR, status: 'active', start: '2026-06-01' }),
    ]);
    expect(switched.courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'active' });
    expect(switched.courses[0]).not.toHaveProperty('stoppedOn');
    // Stopped with nothing of the drug after it: stopped.
    const stopped = factsOf([medicationAdministration({ id: 'p', ...PROLIA, date: '2025-12-01' }), medicationStatement({ id: 'ps', ...PROLIA, status: 'stopped', start: '2024-06-01', end: '2026-06-01' })]);
    expect(stopped.courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-06-01' });
  });

  it('the FMK switch: the biosimilar entered first (and injected), Prolia stopped ten days later — the drug goes on (rules.md section 1, the later drug is current)', () => {
    const history = [
      medicationAdministration({ id: 'p1', ...PROLIA, date: '2025-09-05' }),
      medicationStatement({ id: 'ps', ...PROLIA, status: 'stopped', start: '2023-03-10', end: '2026-03-20' }),
      medicationAdministration({ id: 'b1', ...BIOSIMILAR, date: '2026-03-10' }),
    ];
    const switched = factsOf([...history, medicationStatement({ id: 'bs', ...BIOSIMILAR, status: 'active', start: '2026-03-10', asserted: '2026-06-01' })]);
    expect(switched.courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'active', lastDose: '2026-03-10' });
    expect(switched.courses[0]).not.toHaveProperty('stoppedOn');
    // Controls: without the new entry, or with it closed before the stop, or as an order left
    // active (a prescription not closed is no use), or begun before the stopped one (stale): stopped.
    expect(factsOf(history).courses[0]).toMatchObject({ status: 'stopped', stoppedOn: '2026-03-20' });
    expect(factsOf([...history, medicationStatement({ id: 'bs', ...BIOSIMILAR, status: 'active', start: '2026-03-10', end: '2026-03-15' })]).courses[0]).toMatchObject({ status: 'stopped' });
    expect(factsOf([...history, medicationRequest({ id: 'br', ...BIOSIMILAR, status: 'active', authoredOn: '2026-03-10' })]).courses[0]).toMatchObject({ status: 'stopped' });
    expect(factsOf([...history, medicationStatement({ id: 'old', ...BIOSIMILAR, status: 'active', start: '2023-01-01' })]).courses[0]).toMatchObject({ status: 'stopped' });
    // A new entry the list last confirmed before the stop, or never (no dateAsserted), may be one nobody closed: stopped.
    expect(factsOf([...history, medicationStatement({ id: 'bs', ...BIOSIMILAR, status: 'active', start: '2026-03-10', asserted: '2026-03-10' })]).courses[0]).toMatchObject({ status: 'stopped' });
    expect(factsOf([...history, medicationStatement({ id: 'bs', ...BIOSIMILAR, status: 'active', start: '2026-03-10' })]).courses[0]).toMatchObject({ status: 'stopped' });
    // An Obodence entry from 2024 that was never injected while Prolia went on (given 2025-09-05): the switch never happened, the stop stands.
    const staleSwitch = [
      medicationAdministration({ id: 'p0', ...PROLIA, date: '2025-03-07' }),
      medicationAdministration({ id: 'p1', ...PROLIA, date: '2025-09-05' }),
      medicationStatement({ id: 'ps', ...PROLIA, status: 'stopped', start: '2023-03-10', end: '2026-01-10' }),
      medicationStatement({ id: 'bs', ...BIOSIMILAR, status: 'active', start: '2024-09-06', asserted: '2026-06-01' }),
    ];
    expect(factsOf(staleSwitch).courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'stopped', stoppedOn: '2026-01-10' });
  });

  it('the same for an oral drug: generic alendronate entered in May, Fosamax stopped in June — one course of 12 years, not a pause', () => {
    const FOSAMAX = { atc: 'M05BA04', text: 'Fosamax 70 mg' } as const;
    const f = factsOf([
      medicationStatement({ id: 'fos', ...FOSAMAX, status: 'stopped', start: '2014-05-01', end: '2024-06-30' }),
      medicationStatement({ id: 'gen', ...ALN, status: 'active', start: '2024-05-15', asserted: '2026-05-01' }),
    ]);
    expect(f.courses).toEqual([expect.objectContaining({ drugClass: 'oral-bisphosphonate', status: 'active', start: '2014-05-01' })]);
  });

  it('a stop recorded on the day of the last injection or infusion is a stop: that dose continues nothing', () => {
    const prolia = factsOf([
      medicationAdministration({ id: 'a1', ...PROLIA, date: '2026-01-05' }),
      medicationAdministration({ id: 'a2', ...PROLIA, date: '2026-06-05' }),
      medicationStatement({ id: 'ps', ...PROLIA, status: 'stopped', start: '2024-06-01', end: '2026-06-05' }),
    ]);
    expect(prolia.courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'stopped', stoppedOn: '2026-06-05', lastDose: '2026-06-05' });
    const zol = factsOf([
      medicationAdministration({ id: 'z1', ...ZOL, date: '2025-06-01' }),
      medicationStatement({ id: 'zs', ...ZOL, status: 'stopped', start: '2024-06-01', end: '2025-06-01' }),
    ]);
    expect(zol.courses[0]).toMatchObject({ drugClass: 'zoledronic-acid', status: 'stopped' });
    // The biosimilar's first injection given the day Prolia was stopped is a switch, no stop.
    const switched = factsOf([
      medicationAdministration({ id: 'a1', ...PROLIA, date: '2025-12-05' }),
      medicationStatement({ id: 'ps', ...PROLIA, status: 'stopped', start: '2024-06-01', end: '2026-06-05' }),
      medicationAdministration({ id: 'b1', ...BIOSIMILAR, date: '2026-06-05' }),
    ]);
    expect(switched.courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'active' });
    // So is one biosimilar for another (Obodence stopped, the first Zadenvi injection that day).
    const biosimilars = factsOf([
      medicationAdministration({ id: 'o1', ...BIOSIMILAR, date: '2025-12-05' }),
      medicationStatement({ id: 'os', ...BIOSIMILAR, status: 'stopped', start: '2024-06-01', end: '2026-06-05' }),
      medicationAdministration({ id: 'z1', atc: 'M05BX04', text: 'Zadenvi 60 mg', date: '2026-06-05' }),
    ]);
    expect(biosimilars.courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'active' });
    // One product written two ways is no switch: "Inj. Prolia 60 mg" stopped at its "Prolia 60 mg" injection.
    const written = factsOf([
      medicationAdministration({ id: 'p1', atc: 'M05BX04', text: 'Prolia 60 mg', date: '2026-06-05' }),
      medicationStatement({ id: 'ps', atc: 'M05BX04', text: 'Inj. Prolia 60 mg', status: 'stopped', start: '2024-06-01', end: '2026-06-05' }),
    ]);
    expect(written.courses[0]).toMatchObject({ drugClass: 'denosumab', status: 'stopped' });
  });

  it('with administrations on record, a prescription written ahead of the next injection is no injection', () => {
    const f = factsOf([
      medicationAdministration({ id: 'a1', ...DMAB, date: '2025-06-01' }),
      medicationAdministration({ id: 'a2', ...DMAB, date: '2025-11-20' }),
      medicationRequest({ id: 'ahead', ...DMAB, authoredOn: '2026-04-01' }),
    ]);
    expect(f.courses[0]).toMatchObject({ lastDose: '2025-11-20' });
    // Without administrations the prescription is the injection date (rules.md section 1 "the latest of these").
    expect(factsOf([medicationRequest({ id: 'only', ...DMAB, authoredOn: '2026-04-01' })]).courses[0]).toMatchObject({ lastDose: '2026-04-01' });
  });

  it('a completed prescription or statement after the last administration is an injection given elsewhere (rules.md section 1 "the latest of these")', () => {
    const given = [medicationAdministration({ id: 'a1', ...DMAB, date: '2025-06-01' }), medicationAdministration({ id: 'a2', ...DMAB, date: '2025-11-20' })];
    // The GP prescribed, the patient fetched the pen, the injection was given elsewhere.
    const dispensed = factsOf([...given, medicationRequest({ id: 'done', ...DMAB, status: 'completed', authoredOn: '2026-05-20' })]);
    expect(dispensed.courses[0]).toMatchObject({ lastDose: '2026-05-20', status: 'active' });
    expect(dispensed.courses[0]?.refs).toContain('MedicationRequest/done');
    const taken = factsOf([...given, medicationStatement({ id: 'fmk', ...DMAB, status: 'completed', start: '2026-05-20' })]);
    expect(taken.courses[0]).toMatchObject({ lastDose: '2026-05-20' });
    // Boundary: the day after the last administration counts.
    const next = factsOf([...given, medicationRequest({ id: 'done', ...DMAB, status: 'completed', authoredOn: '2025-11-21' })]);
    expect(next.courses[0]).toMatchObject({ lastDose: '2025-11-21' });
  });

  it('an order after the last administration — active, on hold, draft — or a statement active or on hold is still no injection', () => {
    const given = [medicationAdministration({ id: 'a1', ...DMAB, date: '2025-06-01' }), medicationAdministration({ id: 'a2', ...DMAB, date: '2025-11-20' })];
    for (const status of ['active', 'on-hold', 'draft']) {
      const f = factsOf([...given, medicationRequest({ id: 'ahead', ...DMAB, status, authoredOn: '2025-11-21' })]);
      expect(f.courses[0], status).toMatchObject({ lastDose: '2025-11-20' });
    }
    // An active statement is the medication list's entry (listed, or its product switched), not an injection [choice].
    for (const status of ['on-hold', 'active']) {
      const listed = factsOf([...given, medicationStatement({ id: 'fmk', ...DMAB, status, start: '2026-05-20' })]);
      expect(listed.courses[0], status).toMatchObject({ lastDose: '2025-11-20' });
    }
  });

  it('an injection course lists its dose dates, oldest first (what was in effect on a day is read from them); an oral course none', () => {
    const f = factsOf([
      medicationAdministration({ id: 'a2', ...DMAB, date: '2025-11-20' }),
      medicationAdministration({ id: 'a1', ...DMAB, date: '2025-06-01' }),
      medicationRequest({ id: 'done', ...DMAB, status: 'completed', authoredOn: '2026-05-20' }),
      medicationRequest({ id: 'ahead', ...DMAB, authoredOn: '2026-06-10' }),
    ]);
    expect(f.courses[0]).toMatchObject({ doses: ['2025-06-01', '2025-11-20', '2026-05-20'], lastDose: '2026-05-20' });
    expect(factsOf([medicationStatement({ id: 's', ...ALN, status: 'active', start: '2025-01-01' })]).courses[0]).not.toHaveProperty('doses');
  });

  it('a statement of a period of use: its last injection no later than 6 months before its end, not on the end day', () => {
    const one = factsOf([medicationStatement({ id: 's', ...DMAB, status: 'completed', start: '2025-10-01', end: '2026-04-01' })]);
    expect(one.courses[0]).toMatchObject({ lastDose: '2025-10-01' });
    const years = factsOf([medicationStatement({ id: 's', ...DMAB, status: 'completed', start: '2023-03-01', end: '2026-03-01' })]);
    expect(years.courses[0]).toMatchObject({ start: '2023-03-01', lastDose: '2025-09-01' });
  });
});
