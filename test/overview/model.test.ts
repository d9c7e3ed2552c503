/**
 * src/overview/model.ts: fixture patients read the way the app reads them (src/overview/record.ts)
 * → the series the overview draws. The rules' own predicates decide overdue, baseline and pause,
 * so these agree with the cards the same fixtures expect.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { overviewModel, type OverviewModel } from '../../src/overview/model.js';
import { calcium, course, p1np, patient } from '../helpers/facts.js';
import { factsOf, medicationStatement, observation } from '../helpers/facts-builders.js';
import { factsOfRecord, overviewTerminology, prefetchOfRecord, resolvedRecord, type RecordAnswers } from '../../src/overview/record.js';

function fixture(name: string): { answers: RecordAnswers; patientId: string; now: Date; expected: { topics: string[] } } {
  const request = JSON.parse(readFileSync(new URL(`../../fixtures/${name}/request.json`, import.meta.url), 'utf8')) as { context: { patientId: string }; prefetch: Record<string, unknown> };
  const expected = JSON.parse(readFileSync(new URL(`../../fixtures/${name}/expected.json`, import.meta.url), 'utf8')) as { now: string; topics: string[] };
  const answers = Object.fromEntries(Object.entries(request.prefetch).map(([key, value]) => [key, [value]]));
  return { answers, patientId: request.context.patientId, now: new Date(expected.now), expected };
}

function modelOf(name: string, site?: unknown): OverviewModel {
  const f = fixture(name);
  return overviewModel(factsOfRecord(resolvedRecord(f.patientId, f.answers), f.now, overviewTerminology(site)));
}

describe('overview model', () => {
  it('denosumab overdue: one course, one mark per injection day, the next injection overdue', () => {
    const m = modelOf('follow-up-denosumab-overdue');
    expect(m.today).toBe('2026-11-26');
    expect(m.tScores).toHaveLength(2);
    expect(m.tScores.every((t) => t.performer === 'Bispebjerg Hospital, Osteoporoseklinik')).toBe(true);
    expect(m.courses.map((c) => [c.drugClass, c.status])).toEqual([['denosumab', 'active']]);
    expect(m.doses.map((d) => d.date)).toEqual(['2024-03-20', '2024-09-19', '2025-03-20', '2025-09-18', '2026-03-20']);
    expect(m.due).toEqual([{ drugClass: 'denosumab', due: '2026-09-20', latestInTime: '2026-10-20', overdue: true, lastDose: '2026-03-20' }]);
    // The shared axis spans the first fact to past today.
    expect(m.axis.from <= '2024-03-20' && m.axis.to > m.today).toBe(true);
  });

  it('a marker fall under 30 %: the baseline, the 30 % line and the verdicts of the marker flow', () => {
    const m = modelOf('follow-up-btm-persistent-insufficient-fall');
    expect(m.markerFlow).toMatchObject({ marker: 'p1np', baseline: { date: '2026-01-05', value: 60 }, line30: 42 });
    expect(m.markers.map((p) => [p.date, p.baseline, p.fallPercent, p.adequate])).toEqual([
      ['2026-01-05', true, undefined, undefined],
      ['2026-04-20', false, 16.666667, false],
      ['2026-07-25', false, 25, false],
    ]);
  });

  it('a marker reported as a bound keeps its comparator, and a fall known only as a bound says so ("<20" after 100: > 80 %)', () => {
    const m = overviewModel(
      patient({ sex: 'female', age: 70, courses: [course('alendronate', '2026-03-01')], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(20, '2026-06-10', { comparator: '<' })] } }),
    );
    expect(m.markers.map((p) => [p.value, p.comparator, p.fallPercent, p.fallComparator, p.adequate])).toEqual([
      [100, undefined, undefined, undefined, undefined],
      [20, '<', 80, '>', true],
    ]);
  });

  it('a bisphosphonate pause: the stopped course and the pause from its end to today', () => {
    const m = modelOf('follow-up-bisphosphonate-pause-one-year');
    expect(m.courses.map((c) => [c.drugClass, c.start, c.end, c.status])).toEqual([['oral-bisphosphonate', '2017-04-01', '2025-05-15', 'stopped']]);
    expect(m.intervals).toEqual([{ kind: 'pause', drugClass: 'oral-bisphosphonate', start: '2025-05-15', end: '2026-06-15', ended: false }]);
    expect(m.due).toEqual([]);
  });

  it('draws the site’s own codes only with the site terminology the service passes on', () => {
    const site = JSON.parse(readFileSync(new URL('../../fixtures/facts-danish-woman/terminology-site.json', import.meta.url), 'utf8')) as unknown;
    const without = modelOf('facts-danish-woman');
    const withSite = modelOf('facts-danish-woman', site);
    expect(withSite.markers.length).toBeGreaterThan(without.markers.length);
  });

  it('gives the limits the cards use, and a glucocorticoid band with its daily dose', () => {
    const m = modelOf('initiation-dxa-workup-glucocorticoid');
    expect(m.egfrLimit).toBe(35);
    expect(m.tScoreLines).toEqual({ osteoporosis: -2.5, osteopenia: -1 });
    expect(m.adequateFallPercent).toBe(30);
    expect(m.glucocorticoid.length).toBeGreaterThan(0);
    expect(m.glucocorticoid.every((g) => g.start <= g.end && g.end <= m.today)).toBe(true);
  });

  it('hands the service the record as a complete prefetch', () => {
    const f = fixture('follow-up-denosumab-overdue');
    const prefetch = prefetchOfRecord(f.answers);
    expect(Object.keys(prefetch).sort()).toEqual(Object.keys(f.answers).sort());
    expect((prefetch.patient as { id: string }).id).toBe(f.patientId);
  });

  it('refuses a record without a Patient', () => {
    expect(() => resolvedRecord('x', { patient: [{ resourceType: 'OperationOutcome' }] })).toThrow(/no Patient/);
  });
});

describe('overview model: calcium outside its range as the rules read it', () => {
  it('marks a reported ">2.51" and a lab-flagged value outside, as hypercalcaemia and hypocalcaemia read them', () => {
    const labs = { calcium: [calcium(2.51, '2026-10-01', 'total', { comparator: '>' }), calcium(2.3, '2026-09-01', 'total', { interpretation: ['L'] }), calcium(2.4, '2026-08-01')] };
    const m = overviewModel(patient({ sex: 'female', age: 70, labs }));
    expect(m.calcium.map((p) => [p.date, p.outside])).toEqual([
      ['2026-08-01', false],
      ['2026-09-01', true],
      ['2026-10-01', true],
    ]);
  });
});

describe('overview model: a CTX taken after 10 (card page 2 l. 145)', () => {
  it('carries its time and no verdict, as the cards judge no response on it', () => {
    const f = factsOf([
      medicationStatement({ id: 'pred', atc: 'H02AB06', text: 'Prednisolon 5 mg', status: 'active', start: '2025-06-01', dose: { value: 10, unit: 'mg' } }),
      medicationStatement({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', status: 'active', start: '2026-01-01' }),
      observation({ id: 'base', code: '41171-0', value: 0.6, ucum: 'ug/L', date: '2025-12-20T08:00:00+01:00' }),
      observation({ id: 'on', code: '41171-0', value: 0.35, ucum: 'ug/L', date: '2026-04-10T15:30:00+02:00' }),
    ]);
    const late = overviewModel(f).markers.find((p) => p.ref === 'Observation/on');
    expect(late).toMatchObject({ notFastingAt: '15:30' });
    expect(late).not.toHaveProperty('adequate');
    expect(overviewModel(f).markers.find((p) => p.ref === 'Observation/base')).not.toHaveProperty('notFastingAt');
  });
});
