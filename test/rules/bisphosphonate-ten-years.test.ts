import { describe, expect, it } from 'vitest';
import { bisphosphonateTenYears } from '../../src/rules/follow-up/bisphosphonate-ten-years.js';
import { course, ctxOf, patient } from '../helpers/facts.js';
import { woman } from './bisphosphonate-pause.helpers.js';

// TODAY = 2026-11-26
describe('bisphosphonate-ten-years (card l. 198-199 "kan behandling udstrækkes til 10 år")', () => {
  it('fires on the 10th anniversary (2016-11-26 → 2026-11-26) with an endocrinology referral', () => {
    const c = course('alendronate', '2016-11-26');
    const rec = bisphosphonateTenYears(ctxOf(patient({ ...woman, courses: [c] })));
    expect(rec).toMatchObject({ topic: 'bisphosphonate-ten-years', indicator: 'warning', reasons: ['ten-years'] });
    expect(rec?.evidence).toEqual(c.refs);
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
  });

  it('does not fire the day before the 10th anniversary', () => {
    expect(bisphosphonateTenYears(ctxOf(patient({ ...woman, courses: [course('alendronate', '2016-11-27')] })))).toBeUndefined();
  });

  it('adds up all oral bisphosphonate courses (6 + 4 years)', () => {
    const courses = [course('alendronate', '2008-01-01', { status: 'ended', end: '2014-01-01' }), course('alendronate', '2022-11-26')];
    const rec = bisphosphonateTenYears(ctxOf(patient({ ...woman, courses })));
    expect(rec?.reasons).toEqual(['ten-years']);
    expect(rec?.evidence).toEqual([...(courses[1]?.refs ?? []), ...(courses[0]?.refs ?? [])]);
  });

  it('does not fire when oral treatment has stopped', () => {
    expect(bisphosphonateTenYears(ctxOf(patient({ ...woman, courses: [course('alendronate', '2010-01-01', { status: 'stopped', end: '2021-01-01' })] })))).toBeUndefined();
  });
});
