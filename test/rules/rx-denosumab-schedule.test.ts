import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxDenosumabSchedule } from '../../src/rules/prescribing/rx-denosumab-schedule.js';
import { calcium, ctxOf, draft, egfr, medication, patient, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxDenosumabSchedule(ctxOf(patient({ age: 70, ...input, drafts: [d] })), d);

describe('rx-denosumab-schedule (card l. 78-82 "Opsæt system, så inj. huskes hver 6. måned … max 7 måneder")', () => {
  it('reminds of the next injection 6 months after the draft start: 2026-11-26 + 6 months = 2027-05-26', () => {
    const d = draft('denosumab');
    const rec = judge({}, d);
    expect(rec).toMatchObject({ topic: 'rx-denosumab-schedule', indicator: 'info', reasons: ['schedule'], evidence: [d.ref] });
    expect(rec?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2027-05-26' }]);
  });

  it('recalls the injection that is due when the draft is too early (rx-dose-interval: not now): last 2026-07-01 → reminder 2027-01-01, never 12 months after the last', () => {
    const last = medication('denosumab', '2026-07-01', { status: 'completed' });
    expect(judge({ medications: [last] }, draft('denosumab'))?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2027-01-01' }]);
    // On time (6 months after 2026-05-26): from the draft's own day.
    const onTime = medication('denosumab', '2026-05-26', { status: 'completed' });
    expect(judge({ medications: [onTime] }, draft('denosumab'))?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2027-05-26' }]);
  });

  it('recalls an injection held for a low calcium (rx-hypocalcaemia), never 6 months after a draft that will not be given', () => {
    const low = { calcium: [calcium(2.05, '2026-11-20')] };
    const remind = (last: string) => {
      const rec = judge({ labs: low, medications: [medication('denosumab', last, { status: 'completed' })] }, draft('denosumab'));
      expect(rec?.heldUntil).toBeDefined();
      return rec?.suggestions;
    };
    // Due still ahead (last 2026-06-10 → due 2026-12-10): the due day.
    expect(remind('2026-06-10')).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2026-12-10' }]);
    // Due passed, within 7 months (last 2026-05-10 → limit 2026-12-10): the limit.
    expect(remind('2026-05-10')).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2026-12-10' }]);
    // Both passed (last 2026-03-01): no date left to recall — given once calcium is corrected (heldPastLimit).
    expect(remind('2026-03-01')).toEqual([]);
    expect(judge({ labs: low, medications: [medication('denosumab', '2026-03-01', { status: 'completed' })] }, draft('denosumab'))).toMatchObject({ heldPastLimit: true });
    // Due today (last 2026-05-26): not given today, so the limit (2026-12-26) is recalled.
    expect(remind('2026-05-26')).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2026-12-26' }]);
    // A normal calcium: the ordinary recall 6 months after this injection.
    const rec = judge({ labs: { calcium: [calcium(2.3, '2026-11-20')] }, medications: [medication('denosumab', '2026-05-10', { status: 'completed' })] }, draft('denosumab'));
    expect(rec?.heldUntil).toBeUndefined();
    expect(rec?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2027-05-26' }]);
  });

  it('a first injection held back for a low calcium: no reminder six months from today, the schedule begins when it is given', () => {
    const rec = judge({ labs: { calcium: [calcium(2.0, '2026-11-20')] } }, draft('denosumab'));
    expect(rec).toMatchObject({ topic: 'rx-denosumab-schedule', reasons: ['schedule'], startHeld: true });
    expect(rec?.suggestions ?? []).not.toContainEqual(expect.objectContaining({ kind: 'reminder' }));
    expect(rec?.findings).not.toContainEqual(expect.objectContaining({ kind: 'due-date' }));
    expect(judge({ labs: { calcium: [calcium(2.4, '2026-11-20')] } }, draft('denosumab'))?.suggestions).toContainEqual(expect.objectContaining({ kind: 'reminder', due: '2027-05-26' }));
  });

  it('warns when the draft plans the injection past 7 months after the last one (l. 79 "max 7 måneder") and moves it to the due day', () => {
    // Last 2026-06-01: due 2026-12-01, limit 2027-01-01. Planned 2027-02-01: late.
    const last = medication('denosumab', '2026-06-01', { status: 'completed' });
    const rec = judge({ medications: [last] }, draft('denosumab', { start: '2027-02-01' }));
    expect(rec).toMatchObject({ indicator: 'warning', reasons: ['schedule'], plannedLate: { planned: '2027-02-01', lastInjection: '2026-06-01', latestInTime: '2027-01-01' } });
    expect(rec?.evidence).toContain(last.ref);
    expect(rec?.suggestions).toEqual([
      expect.objectContaining({ kind: 'fix-schedule', schedule: 'six-monthly', doseMg: 60, from: '2026-12-01' }),
      { kind: 'reminder', what: 'denosumab-injection', due: '2027-06-01' },
    ]);
    // Boundary: planned on the limit itself is in time.
    const onLimit = judge({ medications: [last] }, draft('denosumab', { start: '2027-01-01' }));
    expect(onLimit?.indicator).toBe('info');
    expect(onLimit?.plannedLate).toBeUndefined();
    expect(judge({ medications: [last] }, draft('denosumab', { start: '2027-01-02' }))?.plannedLate?.latestInTime).toBe('2027-01-01');
  });

  it('a late plan whose due day has passed is moved to today; a draft for today is not "planned late" (denosumab-overdue speaks of that)', () => {
    const last = medication('denosumab', '2026-04-01', { status: 'completed' });
    // Limit 2026-11-01 has passed; planned 2026-12-15: give it now.
    expect(judge({ medications: [last] }, draft('denosumab', { start: '2026-12-15' }))?.suggestions).toContainEqual(expect.objectContaining({ kind: 'fix-schedule', from: '2026-11-26' }));
    expect(judge({ medications: [last] }, draft('denosumab'))).toMatchObject({ indicator: 'info' });
    // A first injection planned ahead: nothing to be late after.
    expect(judge({}, draft('denosumab', { start: '2027-03-01' }))?.indicator).toBe('info');
  });

  it('clamps to the month end: a planned start on 2027-08-31 is due 2028-02-29', () => {
    expect(judge({}, draft('denosumab', { start: '2027-08-31' }))?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2028-02-29' }]);
  });

  it('an order written weeks before it is signed is given from today: reminder today + 6 months, never a date in the past', () => {
    for (const start of ['2026-04-01', '2026-09-26']) {
      expect(judge({}, draft('denosumab', { start }))?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2027-05-26' }]);
    }
  });

  it('warns with eGFR 29 (below 30: higher hypocalcaemia risk), not with eGFR 30', () => {
    const e = egfr(29, '2026-10-01');
    const rec = judge({ labs: { egfr: [e] } }, draft('denosumab'));
    expect(rec).toMatchObject({ indicator: 'warning', reasons: ['egfr-below-30', 'schedule'] });
    expect(rec?.evidence).toContain(e.ref);
    expect(judge({ labs: { egfr: [egfr(30, '2026-10-01')] } }, draft('denosumab'))?.indicator).toBe('info');
  });

  it('an eGFR reported "<60" is not read as below 30; "<30" is, and a newer "<60" does not hide an older 25 (terminology.md l. 1063)', () => {
    expect(judge({ labs: { egfr: [egfr(60, '2026-10-01', { comparator: '<' })] } }, draft('denosumab'))?.indicator).toBe('info');
    expect(judge({ labs: { egfr: [egfr(30, '2026-10-01', { comparator: '<' })] } }, draft('denosumab'))).toMatchObject({ indicator: 'warning', reasons: ['egfr-below-30', 'schedule'] });
    expect(judge({ labs: { egfr: [egfr(60, '2026-11-01', { comparator: '<' }), egfr(25, '2026-06-01')] } }, draft('denosumab'))?.reasons).toEqual(['egfr-below-30', 'schedule']);
  });

  it('leaves the follow-on to endocrinology at eGFR ≤ 35 (zoledronic acid barred, l. 41), not above', () => {
    expect(judge({ labs: { egfr: [egfr(35, '2026-10-01')] } }, draft('denosumab'))).toMatchObject({ indicator: 'info', egfrLow: true });
    expect(judge({ labs: { egfr: [egfr(29, '2026-10-01')] } }, draft('denosumab'))).toMatchObject({ indicator: 'warning', egfrLow: true });
    expect(judge({ labs: { egfr: [egfr(36, '2026-10-01')] } }, draft('denosumab'))?.egfrLow).toBeUndefined();
    expect(judge({}, draft('denosumab'))?.egfrLow).toBeUndefined();
  });

  it('is silent for the 120 mg oncology product (Xgeva, monthly), not for 60 mg or an unknown dose', () => {
    expect(judge({}, draft('denosumab', { doseMgPerAdministration: 120 }))).toBeUndefined();
    expect(judge({}, draft('denosumab', { doseMgPerAdministration: 60 }))).toBeDefined();
    expect(judge({}, draft('denosumab'))).toBeDefined();
  });

  it('denosumab drafted twice: one recall, on the first draft (the second is the duplicate)', () => {
    const first = draft('denosumab');
    const second = draft('denosumab');
    const ctx = ctxOf(patient({ age: 70, drafts: [first, second] }));
    expect(rxDenosumabSchedule(ctx, first)).toBeDefined();
    expect(rxDenosumabSchedule(ctx, second)).toBeUndefined();
  });

  it('concerns denosumab only', () => {
    expect(judge({}, draft('zoledronic-acid'))).toBeUndefined();
  });

  describe('dosed further apart than the card\'s 7 months (l. 79 "Der må max gå 7 måneder") [choice]', () => {
    it('every 12 months: a warning whose first suggestion corrects the draft to every 6 months', () => {
      const d = draft('denosumab', { doseMgPerAdministration: 60, intervalDays: 365.25 });
      const rec = judge({}, d);
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['schedule'], orderedEveryDays: 365.25 });
      expect(rec?.suggestions?.[0]).toEqual({ kind: 'fix-schedule', draft: d.ref, schedule: 'six-monthly', doseMg: 60 });
      expect(rec?.findings).toContainEqual({ kind: 'dose-interval', drug: 'denosumab', intervalDays: 365.25, scheduleDays: 6 * 30.4375, ref: d.ref });
    });

    it('7 months exactly (213 days) is within the card; 8 months is not', () => {
      expect(judge({}, draft('denosumab', { intervalDays: 7 * 30.4375 }))).toMatchObject({ indicator: 'info' });
      expect(judge({}, draft('denosumab', { intervalDays: 7 * 30.4375 }))).not.toHaveProperty('orderedEveryDays');
      expect(judge({}, draft('denosumab', { intervalDays: 8 * 30.4375 }))).toMatchObject({ indicator: 'warning', orderedEveryDays: 8 * 30.4375 });
      expect(judge({}, draft('denosumab', { intervalDays: 182.625 }))).toMatchObject({ indicator: 'info' });
    });
  });
});
