import { describe, expect, it } from 'vitest';
import { denosumabOverdue } from '../../src/rules/follow-up/denosumab-overdue.js';
import type { LocalDate } from '../../src/time/local-date.js';
import { calcium, course, ctxOf, egfr, patient } from '../helpers/facts.js';
import { renderCards } from '../../src/cards/render.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';

const woman = { sex: 'female' as const, age: 77 };

function onDenosumab(today: LocalDate, last: LocalDate, opts: { status?: 'active' | 'ended' } = {}): ReturnType<typeof patient> {
  return patient({ ...woman, today, courses: [course('denosumab', '2024-10-26', { lastDose: last, today, ...opts })] });
}

describe('denosumab-overdue (card l. 79 "Der må max gå 7 måneder")', () => {
  const last = '2026-04-26';

  it('is not overdue at 7 months to the day (2026-04-26 + 7 months = 2026-11-26)', () => {
    expect(denosumabOverdue(ctxOf(onDenosumab('2026-11-26', last)))).toBeUndefined();
  });

  it('is critical from 7 months + 1 day (2026-11-27), proposing the injection now', () => {
    const facts = onDenosumab('2026-11-27', last);
    const rec = denosumabOverdue(ctxOf(facts));
    expect(rec).toMatchObject({ topic: 'denosumab-overdue', indicator: 'critical', reasons: ['overdue'] });
    expect(rec?.evidence).toEqual(facts.courses[0]?.refs);
    expect(rec?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
      { kind: 'lab', lab: 'calcium', note: 'before-injection' },
      { kind: 'referral', to: 'endocrinology' },
    ]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'denosumab-injection', date: '2026-10-26', past: true });
  });

  it('stays critical with no upper time limit, also once the course counts as ended (14 months) [choice]', () => {
    expect(denosumabOverdue(ctxOf(onDenosumab('2026-11-26', '2025-09-01', { status: 'ended' })))?.indicator).toBe('critical');
  });

  it('leaves out the calcium test when a calcium from the last 30 days exists', () => {
    const facts = patient({ ...woman, today: '2026-11-27', courses: [course('denosumab', '2024-10-26', { lastDose: last, today: '2026-11-27' })], labs: { calcium: [calcium(2.4, '2026-11-20')] } });
    const rec = denosumabOverdue(ctxOf(facts));
    expect(rec?.suggestions?.map((s) => s.kind)).toEqual(['prescribe', 'referral']);
  });

  it('does not fire when another antiresorptive followed the last injection, or denosumab is recorded stopped', () => {
    const followOn = patient({
      ...woman,
      courses: [course('denosumab', '2024-10-26', { lastDose: '2026-01-10', status: 'ended', supersededOn: '2026-07-10', supersededBy: 'zoledronic-acid' }), course('zoledronic-acid', '2026-07-10', { lastDose: '2026-07-10' })],
    });
    expect(denosumabOverdue(ctxOf(followOn))).toBeUndefined();
    const stopped = patient({ ...woman, courses: [course('denosumab', '2024-10-26', { lastDose: '2026-01-10', status: 'stopped', stoppedOn: '2026-06-01' })] });
    expect(denosumabOverdue(ctxOf(stopped))).toBeUndefined();
  });

  it('with a low latest calcium recommends the endocrinology referral, not the injection, and rechecks calcium and vitamin D [choice]', () => {
    const low = calcium(2.05, '2026-11-20');
    const facts = patient({ ...woman, today: '2026-11-27', courses: [course('denosumab', '2024-10-26', { lastDose: last, today: '2026-11-27' })], labs: { calcium: [low] } });
    const rec = denosumabOverdue(ctxOf(facts));
    expect(rec).toMatchObject({ indicator: 'critical', reasons: ['overdue', 'hypocalcaemia'], calciumLow: true });
    expect(rec?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar' },
      { kind: 'labs', labs: ['calcium', 'vitamin-d'], note: 'before-injection' },
      { kind: 'referral', to: 'endocrinology', recommended: true },
    ]);
    expect(rec?.evidence).toContain(low.ref);
  });

  it('at eGFR ≤ 35 says the follow-on is no bisphosphonate in general practice and shows the eGFR (as denosumab-stopped)', () => {
    const low = egfr(30, '2026-11-01');
    const facts = patient({ ...woman, today: '2026-12-05', courses: [course('denosumab', '2024-10-26', { lastDose: '2026-04-26', today: '2026-12-05' })], labs: { egfr: [low] } });
    const rec = denosumabOverdue(ctxOf(facts));
    expect(rec).toMatchObject({ indicator: 'critical', egfrLow: true });
    expect(rec?.evidence).toContain(low.ref);
    const [card] = renderCards(rec === undefined ? [] : [rec], { lang: 'da', patientRef: 'Patient/p1', today: '2026-12-05', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(card?.detail).toContain('ved eGFR ≤ 35 ikke bisfosfonat');
    expect(card?.detail).not.toContain('typisk zoledronsyre');
  });

  // rules.md "Missing data": administrations that could not be fetched may hold the last injection.
  it('with a medication key unavailable still fires critical, but names the missing data, flags it for the text and pre-selects nothing', () => {
    const facts = { ...onDenosumab('2026-11-27', last), unavailable: ['medicationAdministrations'] };
    const rec = denosumabOverdue(ctxOf(facts));
    expect(rec).toMatchObject({ topic: 'denosumab-overdue', indicator: 'critical', reasons: ['overdue'], medicationListUnavailable: true });
    expect(rec?.findings).toContainEqual({ kind: 'unavailable', key: 'medicationAdministrations' });
    expect(rec?.suggestions?.some((s) => 'recommended' in s && s.recommended === true)).toBe(false);
    const [card] = renderCards(rec === undefined ? [] : [rec], { lang: 'da', patientRef: 'Patient/p1', today: '2026-11-27', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(card?.summary).toMatch(/^Tjek seneste denosumab-injektion \(medicindata mangler\)/);
    expect(card?.detail).toMatch(/^\*\*Medicindata kunne ikke hentes:\*\*/);
    expect(card?.suggestions?.some((s) => s.isRecommended === true)).toBe(false);
    expect(denosumabOverdue(ctxOf({ ...onDenosumab('2026-11-27', last), unavailable: ['observations'] }))).not.toHaveProperty('medicationListUnavailable');
  });
});
