import { describe, expect, it } from 'vitest';
import { denosumabInjectionDue } from '../../src/rules/follow-up/denosumab-injection-due.js';
import type { LocalDate } from '../../src/time/local-date.js';
import { calcium, course, ctxOf, patient } from '../helpers/facts.js';

const woman = { sex: 'female' as const, age: 77 };

/** A denosumab patient on `today` whose last injection was `last` (course start a year earlier). */
function onDenosumab(today: LocalDate, last: LocalDate, extra: Parameters<typeof patient>[0] = {}): ReturnType<typeof patient> {
  return patient({ ...woman, today, courses: [course('denosumab', '2025-04-26', { lastDose: last, today })], ...extra });
}

describe('denosumab-injection-due (card l. 64 "hver 6. måned", l. 78-80 "Der må max gå 7 måneder. P-calcium kontrolleres forud for injektion")', () => {
  const last = '2026-04-26';

  it('is quiet until 5 months after the last injection (2026-04-26 + 5 months = 2026-09-26)', () => {
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-09-25', last)))).toBeUndefined();
  });

  it('announces the coming injection (info) from 5 months, with a recall and a calcium test', () => {
    const facts = onDenosumab('2026-09-26', last);
    const rec = denosumabInjectionDue(ctxOf(facts));
    expect(rec).toMatchObject({ topic: 'denosumab-injection-due', indicator: 'info', reasons: ['upcoming', 'calcium-missing'], selectionBehavior: 'any' });
    expect(rec?.evidence).toEqual(facts.courses[0]?.refs);
    // next injection: 2026-04-26 + 6 months = 2026-10-26
    expect(rec?.suggestions).toEqual([
      { kind: 'lab', lab: 'calcium', note: 'before-injection' },
      { kind: 'reminder', what: 'denosumab-injection', due: '2026-10-26' },
    ]);
  });

  it('is still info the day before 6 months (2026-10-25)', () => {
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-10-25', last)))?.indicator).toBe('info');
  });

  it('is a warning from 6 months to the day (2026-10-26)', () => {
    const rec = denosumabInjectionDue(ctxOf(onDenosumab('2026-10-26', last)));
    expect(rec?.indicator).toBe('warning');
    expect(rec?.reasons).toEqual(['due', 'calcium-missing']);
  });

  it('is still due (warning), not overdue, at 7 months to the day (2026-11-26)', () => {
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-11-26', last)))?.reasons[0]).toBe('due');
  });

  it('hands over to denosumab-overdue from 7 months + 1 day (2026-11-27)', () => {
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-11-27', last)))).toBeUndefined();
  });

  it('clamps to the month end: 2026-05-31 + 6 months = 2026-11-30', () => {
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-11-29', '2026-05-31')))?.indicator).toBe('info');
    const rec = denosumabInjectionDue(ctxOf(onDenosumab('2026-11-30', '2026-05-31')));
    expect(rec?.indicator).toBe('warning');
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'denosumab-injection', date: '2026-11-30' });
  });

  it('names a due date already passed (between 6 and 7 months) as due then', () => {
    const rec = denosumabInjectionDue(ctxOf(onDenosumab('2026-12-15', '2026-05-31')));
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'denosumab-injection', date: '2026-11-30', past: true });
  });

  it('does not ask for calcium when one was taken within 30 days, and shows it', () => {
    const ca = calcium(2.35, '2026-09-26');
    const facts = onDenosumab('2026-10-26', last, { labs: { calcium: [ca] } });
    const rec = denosumabInjectionDue(ctxOf(facts));
    expect(rec?.reasons).toEqual(['due']);
    expect(rec?.evidence).toContain(ca.ref);
    expect(rec?.suggestions).toEqual([{ kind: 'reminder', what: 'denosumab-injection', due: '2026-10-26' }]);
    // 31 days old is not current
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-10-26', last, { labs: { calcium: [calcium(2.35, '2026-09-25')] } })))?.reasons).toEqual(['due', 'calcium-missing']);
  });

  it('does not fire when denosumab is recorded stopped or another antiresorptive followed it', () => {
    const stopped = patient({ ...woman, today: '2026-10-26', courses: [course('denosumab', '2025-04-26', { lastDose: last, status: 'stopped', stoppedOn: '2026-06-01', today: '2026-10-26' })] });
    expect(denosumabInjectionDue(ctxOf(stopped))).toBeUndefined();
    const followOn = onDenosumab('2026-10-26', last, {
      courses: [course('denosumab', '2025-04-26', { lastDose: last, today: '2026-10-26', status: 'ended', supersededOn: '2026-10-01', supersededBy: 'zoledronic-acid' }), course('zoledronic-acid', '2026-10-01', { today: '2026-10-26' })],
    });
    expect(denosumabInjectionDue(ctxOf(followOn))).toBeUndefined();
  });

  it('reads the announcement month from the settings', () => {
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-09-26', last), { denosumabInfoMonths: 6 }))).toBeUndefined();
  });

  it('an announcement month past the due date (the settings allow up to 12) never silences the due injection at 6 months', () => {
    for (const denosumabInfoMonths of [7, 12]) {
      expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-11-10', last), { denosumabInfoMonths }))).toMatchObject({ indicator: 'warning', reasons: expect.arrayContaining(['due']) });
      expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-10-25', last), { denosumabInfoMonths }))).toBeUndefined();
    }
  });

  it('says a low latest calcium outright (any kind of its day, any age) and asks calcium and vitamin D again [choice]', () => {
    const low = calcium(1.1, '2026-10-20', 'ionised');
    const normalTotal = calcium(2.3, '2026-10-20');
    const rec = denosumabInjectionDue(ctxOf(onDenosumab('2026-10-26', last, { labs: { calcium: [normalTotal, low] } })));
    expect(rec).toMatchObject({ indicator: 'warning', reasons: ['due', 'hypocalcaemia'], calciumLow: true });
    expect(rec?.evidence).toContain(low.ref);
    expect(rec?.suggestions?.[0]).toEqual({ kind: 'labs', labs: ['calcium', 'vitamin-d'], note: 'before-injection' });
    // Held for the calcium: the recall is for the 7-month limit, as at prescribing — not "today".
    expect(rec?.suggestions).toContainEqual({ kind: 'reminder', what: 'denosumab-injection', due: '2026-11-26' });
    expect(denosumabInjectionDue(ctxOf(onDenosumab('2026-10-26', last, { labs: { calcium: [calcium(2.3, '2026-10-20')] } })))?.suggestions).toContainEqual({ kind: 'reminder', what: 'denosumab-injection', due: '2026-10-26' });
    // Low, but older than 30 days: both missing and low.
    const old = denosumabInjectionDue(ctxOf(onDenosumab('2026-10-26', last, { labs: { calcium: [calcium(2.0, '2026-08-01')] } })));
    expect(old?.reasons).toEqual(['due', 'calcium-missing', 'hypocalcaemia']);
    // A normal calcium after the low one: no longer low.
    const corrected = denosumabInjectionDue(ctxOf(onDenosumab('2026-10-26', last, { labs: { calcium: [calcium(2.3, '2026-10-24'), calcium(2.0, '2026-10-01')] } })));
    expect(corrected?.reasons).toEqual(['due']);
    expect(corrected).not.toHaveProperty('calciumLow');
  });

  it('with a medication key unavailable names it and flags it (a later injection may be missing)', () => {
    const rec = denosumabInjectionDue(ctxOf({ ...onDenosumab('2026-10-26', last), unavailable: ['medicationRequests'] }));
    expect(rec).toMatchObject({ topic: 'denosumab-injection-due', indicator: 'warning', medicationListUnavailable: true });
    expect(rec?.findings).toContainEqual({ kind: 'unavailable', key: 'medicationRequests' });
  });
});
