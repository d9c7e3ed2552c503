import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards } from '../../src/cards/render.js';
import { dxaFollowUpDue } from '../../src/rules/follow-up/dxa-follow-up-due.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { course, ctxOf, patient, scan } from '../helpers/facts.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 70 };
const rigshospitalet = { reference: 'Organization/rh-dxa', display: 'Rigshospitalet, Knoglescanning' };

describe('dxa-follow-up-due (card l. 160-168: "Tidligst efter 2 års behandling og efter 5 års behandling. Henvis til samme hospital")', () => {
  it('fires on the 2-year mark with no scan since (2024-11-26 + 24 months = 2026-11-26), referring to the previous performer', () => {
    const before = scan('2024-10-01', { 'lumbar-spine': -2.7, 'total-hip': -2.1 }, { performer: rigshospitalet });
    const c = course('alendronate', '2024-11-26');
    const rec = dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [c], dxa: [before] })));
    expect(rec).toMatchObject({ topic: 'dxa-follow-up-due', indicator: 'info', reasons: ['two-year-dxa'] });
    expect(rec?.suggestions).toEqual([{ kind: 'dxa', performer: rigshospitalet }]);
    expect(rec?.evidence).toEqual([...c.refs, ...before.refs]);
    expect(rec?.findings).toContainEqual({ kind: 'dxa', date: '2024-10-01', performer: rigshospitalet, ref: before.refs[0] });
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'dxa', date: '2026-11-26' });
  });

  it('does not fire the day before the 2-year mark', () => {
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2024-11-27')] })))).toBeUndefined();
  });

  it('does not fire when a scan was taken on or after the 2-year mark', () => {
    const facts = patient({ ...woman, courses: [course('denosumab', '2024-01-10', { lastDose: '2026-07-10' })], dxa: [scan('2026-01-10', { 'total-hip': -2.0 })] });
    expect(dxaFollowUpDue(ctxOf(facts))).toBeUndefined();
  });

  it('counts a scan whose values are not on record (a DXA report only) as taken, and refers to its performer at the next mark', () => {
    const report = scan('2026-01-10', {}, { performer: rigshospitalet });
    const facts = patient({ ...woman, courses: [course('alendronate', '2024-01-10')], dxa: [report] });
    expect(dxaFollowUpDue(ctxOf(facts))).toBeUndefined();
    const later = patient({ ...woman, courses: [course('alendronate', '2021-11-26')], dxa: [report] });
    expect(dxaFollowUpDue(ctxOf(later))?.suggestions).toEqual([{ kind: 'dxa', performer: rigshospitalet }]);
  });

  it('fires on the 5-year mark when the last scan was the 2-year one (2021-11-26 + 60 months = 2026-11-26)', () => {
    const twoYear = scan('2024-02-01', { 'total-hip': -2.2 }, { performer: rigshospitalet });
    const rec = dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2021-11-26')], dxa: [twoYear] })));
    expect(rec?.reasons).toEqual(['five-year-dxa']);
    expect(rec?.suggestions).toEqual([{ kind: 'dxa', performer: rigshospitalet }]);
  });

  it('asks for the 2-year scan between the marks when none was taken, and nothing after the 5-year scan', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', '2023-06-01')], dxa: [scan('2023-05-01', { 'lumbar-spine': -2.6 })] });
    expect(dxaFollowUpDue(ctxOf(facts))?.reasons).toEqual(['two-year-dxa']);
    const done = patient({ ...woman, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2025-07-01', { 'lumbar-spine': -2.4 })] });
    expect(dxaFollowUpDue(ctxOf(done))).toBeUndefined();
  });

  it("refers to the performer of the latest scan that names one, and counts from the earliest active antiresorptive's start", () => {
    const named = scan('2022-01-01', { 'total-hip': -2.4 }, { performer: rigshospitalet });
    const unnamed = scan('2023-01-01', { 'total-hip': -2.3 });
    const facts = patient({ ...woman, courses: [course('alendronate', '2021-11-01'), course('denosumab', '2025-01-01', { lastDose: '2026-07-01' })], dxa: [named, unnamed] });
    const rec = dxaFollowUpDue(ctxOf(facts));
    expect(rec?.reasons).toEqual(['five-year-dxa']);
    expect(rec?.suggestions).toEqual([{ kind: 'dxa', performer: rigshospitalet }]);
  });

  it('suggests a DXA without performer when no scan is recorded', () => {
    const rec = dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-06-01', { lastDose: '2026-06-01' })] })));
    expect(rec?.suggestions).toEqual([{ kind: 'dxa' }]);
    expect(rec?.findings).toContainEqual({ kind: 'dxa' });
  });

  it('does not fire off treatment (an ended course)', () => {
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2019-01-01', { status: 'ended', end: '2024-01-01' })] })))).toBeUndefined();
  });

  it('counts anabolic treatment (rules.md section 1 "On treatment": "an anabolic drug with an active statement/request")', () => {
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('teriparatide', '2024-11-26')] })))?.reasons).toEqual(['two-year-dxa']);
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('teriparatide', '2024-11-27')] })))).toBeUndefined();
    // Teriparatide, then alendronate: the years count from the teriparatide start.
    const teriparatide = course('teriparatide', '2024-01-01', { status: 'ended', end: '2025-12-31' });
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-01-01'), teriparatide] })))?.reasons).toEqual(['two-year-dxa']);
  });

  it('counts the years of treatment across a switch: five years of alendronate, then denosumab, is the five-year mark [choice]', () => {
    const alendronate = course('alendronate', '2020-01-01', { status: 'ended', end: '2025-06-01', supersededOn: '2025-06-01', supersededBy: 'denosumab' });
    const denosumab = course('denosumab', '2025-06-01', { lastDose: '2026-06-01' });
    const old = scan('2021-03-01', { 'lumbar-spine': -2.7 });
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [denosumab, alendronate], dxa: [old] })))?.reasons).toEqual(['five-year-dxa']);
    // A pause of years between them is no switch: the denosumab course starts the count.
    const paused = course('alendronate', '2015-01-01', { status: 'ended', end: '2020-01-01' });
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [denosumab, paused], dxa: [old] })))).toBeUndefined();
  });
});


describe('dxa-follow-up-due: a late denosumab injection continues the treatment (rules.md section 1: on denosumab until 12 months after the last injection) [choice]', () => {
  // TODAY 2026-11-26. Injections from 2024-01-10 to 2025-07-10, then one 7 months and 10 days later.
  const late = course('denosumab', '2026-02-20', { lastDose: '2026-08-20' });
  const earlier = (status: 'ended' | 'stopped') => course('denosumab', '2024-01-10', { status, lastDose: '2025-07-10', end: '2025-07-10' });

  it('counts the years from the first injection: the 2-year DXA is due', () => {
    const rec = dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [late, earlier('ended')], dxa: [scan('2023-12-01', { 'lumbar-spine': -2.8 })] })));
    expect(rec).toMatchObject({ topic: 'dxa-follow-up-due', reasons: ['two-year-dxa'] });
  });

  it('a course recorded stopped is not continued that way: the late restart is a new start', () => {
    expect(dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [late, earlier('stopped')], dxa: [scan('2023-12-01', { 'lumbar-spine': -2.8 })] })))).toBeUndefined();
  });
});

describe('dxa-follow-up-due shows the courses its years are counted over', () => {
  it('denosumab then zoledronic acid: the 5-year DXA names both courses, and no pause advice (no oral bisphosphonate)', () => {
    const dmab = course('denosumab', '2019-01-10', { status: 'ended', lastDose: '2024-03-01', supersededOn: '2024-09-01', supersededBy: 'zoledronic-acid' });
    const zol = course('zoledronic-acid', '2024-09-01', { lastDose: '2025-09-01' });
    const rec = dxaFollowUpDue(ctxOf(patient({ ...woman, courses: [zol, dmab], dxa: [scan('2018-12-01', { 'lumbar-spine': -2.8 })] })));
    expect(rec?.reasons).toEqual(['five-year-dxa']);
    expect(rec?.findings.filter((f) => f.kind === 'course').map((f) => (f.kind === 'course' ? f.drugClass : ''))).toEqual(expect.arrayContaining(['denosumab', 'zoledronic-acid']));
    expect(rec?.evidence).toEqual(expect.arrayContaining([...dmab.refs, ...zol.refs]));
    const [card] = renderCards([rec!], { lang: 'da', patientRef: 'Patient/p', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(card?.detail).not.toContain('peroral bisfosfonat afgør');
  });
});
