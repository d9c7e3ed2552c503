import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxBisphosphonateDuration } from '../../src/rules/prescribing/rx-bisphosphonate-duration.js';
import { course, ctxOf, draft, fracture, p1np, patient, scan, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxBisphosphonateDuration(ctxOf(patient({ age: 75, ...input, drafts: [d] })), d);

describe('rx-bisphosphonate-duration (card l. 183-199 "Behandlingspause bør overvejes efter 5 år … udstrækkes til 10 år")', () => {
  it('suggests considering a pause when alendronate is renewed exactly 5 years after the start (2021-11-26 → 2026-11-26)', () => {
    const d = draft('alendronate');
    const c = course('alendronate', '2021-11-26');
    const rec = judge({ courses: [c] }, d);
    expect(rec).toMatchObject({ topic: 'rx-bisphosphonate-duration', indicator: 'info', reasons: ['five-years'] });
    expect(rec?.evidence).toEqual([d.ref, ...c.refs]);
  });

  it('is silent one day short of 5 years (start 2021-11-27)', () => {
    expect(judge({ courses: [course('alendronate', '2021-11-27')] }, draft('alendronate'))).toBeUndefined();
  });

  it('words a draft after an ended course (a restart during a pause) as a restart, a renewal of the current course not', () => {
    const paused = course('alendronate', '2017-01-01', { status: 'ended', end: '2023-06-01' });
    expect(judge({ courses: [paused] }, draft('alendronate'))).toMatchObject({ reasons: ['five-years'], restart: true });
    expect(judge({ courses: [course('alendronate', '2020-01-01')] }, draft('alendronate'))).toMatchObject({ reasons: ['five-years'], restart: false });
  });

  it('warns at exactly 10 years (2016-11-26), stays at five-years one day short (2016-11-27)', () => {
    expect(judge({ courses: [course('alendronate', '2016-11-26')] }, draft('alendronate'))).toMatchObject({ indicator: 'warning', reasons: ['ten-years'] });
    expect(judge({ courses: [course('alendronate', '2016-11-27')] }, draft('alendronate'))?.reasons).toEqual(['five-years']);
  });

  it('a restart after 10 years (a pause that ended, a course stopped at the limit) offers the endocrinology referral; one day short, a restart card without it', () => {
    // 2012-11-26 → 2022-11-26: exactly 10 years (3652 days).
    const ten = judge({ courses: [course('alendronate', '2012-11-26', { status: 'ended', end: '2022-11-26' })] }, draft('alendronate'));
    expect(ten).toMatchObject({ indicator: 'warning', reasons: ['ten-years'], restart: true, suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }] });
    const short = judge({ courses: [course('alendronate', '2012-11-26', { status: 'ended', end: '2022-11-25' })] }, draft('alendronate'));
    expect(short).toMatchObject({ reasons: ['five-years'], restart: true });
    expect(short).not.toHaveProperty('suggestions');
    // A renewal at 10 years keeps its card as it was: reassess, no referral pre-selected.
    expect(judge({ courses: [course('alendronate', '2016-11-26')] }, draft('alendronate'))).not.toHaveProperty('suggestions');
  });

  it('adds up the courses: 2015-01-01→2019-01-01 (1461 days) + 2025-11-26→today (365 days) = 1826 days = 5 years', () => {
    const courses = [course('alendronate', '2015-01-01', { status: 'ended', end: '2019-01-01' }), course('risedronate', '2025-11-26')];
    expect(judge({ courses }, draft('alendronate'))?.reasons).toEqual(['five-years']);
  });

  it('is silent on an oral bisphosphonate drafted while zoledronic acid is current (a switch or duplicate, rx-duplicate-antiresorptive), not while another oral one is', () => {
    const years = course('alendronate', '2019-01-01', { status: 'ended', end: '2024-01-01' });
    const zol = course('zoledronic-acid', '2025-01-15', { lastDose: '2026-01-15' });
    expect(judge({ courses: [years, zol], dxa: [scan('2026-01-01', { 'total-hip': -2.7 })] }, draft('alendronate'))).toBeUndefined();
    const rise = course('risedronate', '2020-06-01');
    expect(judge({ courses: [rise], dxa: [scan('2026-01-01', { 'total-hip': -2.7 })] }, draft('alendronate'))).toMatchObject({ reasons: ['five-years'], pause: 'criteria-not-met' });
  });

  it('concerns oral bisphosphonates only', () => {
    expect(judge({ courses: [course('alendronate', '2015-01-01')] }, draft('zoledronic-acid'))).toBeUndefined();
  });
  it('is silent on the follow-on after denosumab (card l. 81-82 "SKAL anden behandling igangsættes"), however long ago the last injection', () => {
    const years = course('alendronate', '2013-01-01', { status: 'ended', end: '2019-01-01' });
    const dmab = (lastDose: string) => course('denosumab', '2019-02-01', { status: 'stopped', lastDose });
    expect(judge({ courses: [years, dmab('2026-05-26')] }, draft('alendronate'))).toBeUndefined();
    // Over 12 months past and nothing followed: patient-view is critical (denosumab-stopped), the draft is the follow-on.
    expect(judge({ courses: [years, dmab('2025-11-25')] }, draft('alendronate'))).toBeUndefined();
    // Once a follow-on has held (zoledronic acid after the last injection), an alendronate draft is judged as any.
    const held = course('denosumab', '2019-02-01', { status: 'stopped', lastDose: '2023-05-01', supersededOn: '2023-11-01', supersededBy: 'zoledronic-acid' });
    const zol = course('zoledronic-acid', '2023-11-01', { status: 'ended', lastDose: '2023-11-01', end: '2023-11-01' });
    expect(judge({ courses: [years, held, zol] }, draft('alendronate'))?.reasons).toEqual(['five-years']);
    // An oral follow-on renewed in its first 12 months, the last injection over 12 months ago: still no pause invited.
    const late = course('denosumab', '2019-02-01', { status: 'stopped', lastDose: '2025-05-01', supersededOn: '2026-01-05', supersededBy: 'alendronate' });
    expect(judge({ courses: [years, late, course('alendronate', '2026-01-05')] }, draft('alendronate'))).toBeUndefined();
    const heldOral = course('denosumab', '2019-02-01', { status: 'stopped', lastDose: '2024-05-01', supersededOn: '2024-11-01', supersededBy: 'alendronate' });
    expect(judge({ courses: [years, heldOral, course('alendronate', '2024-11-01')] }, draft('alendronate'))?.reasons).toEqual(['five-years']);
  });

  describe('the pause criteria at 5 years (l. 186-190 "Seponering kan ske, hvis …"), as patient-view judges them', () => {
    const c = course('alendronate', '2020-01-01');

    it('all hold (hip T −2.0, no fractures): consider a pause', () => {
      const hip = scan('2026-01-01', { 'total-hip': -2.0 });
      const rec = judge({ courses: [c], dxa: [hip] }, draft('alendronate'));
      expect(rec).toMatchObject({ reasons: ['five-years'], pause: 'criteria-met' });
      expect(rec?.evidence).toContain(hip.refs[0]);
    });

    it('hip T −2.5 (not "> −2,5") or a spine fracture: renew, with what failed in the findings', () => {
      const rec = judge({ courses: [c], dxa: [scan('2026-01-01', { 'total-hip': -2.5 })] }, draft('alendronate'));
      expect(rec).toMatchObject({ reasons: ['five-years'], indicator: 'info', pause: 'criteria-not-met' });
      expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 't-score', site: 'total-hip', value: -2.5 }));
      const spine = fracture('spine', '2019-06-01');
      expect(judge({ courses: [c], dxa: [scan('2026-01-01', { 'total-hip': -1.5 })], fractures: [spine] }, draft('alendronate'))?.pause).toBe('criteria-not-met');
      // A failed criterion decides even without a hip T-score.
      expect(judge({ courses: [c], fractures: [spine] }, draft('alendronate'))?.pause).toBe('criteria-not-met');
    });

    it('all hold but a long glucocorticoid course is ordered in the same basket: renew, no pause (card "evt. udløsende årsager er korrigeret, fx længerevarende glukokortikoidbehandling")', () => {
      const hip = scan('2026-01-01', { 'total-hip': -2.0 });
      const aln = draft('alendronate');
      const long = draft('glucocorticoid', { dailyDoseMg: 10, durationDays: 180 });
      const short = draft('glucocorticoid', { dailyDoseMg: 10, durationDays: 7 });
      const withBasket = (others: DraftOrder[]) => rxBisphosphonateDuration(ctxOf(patient({ age: 75, courses: [c], dxa: [hip], drafts: [aln, ...others] })), aln);
      const rec = withBasket([long]);
      expect(rec).toMatchObject({ reasons: ['five-years'], pause: 'criteria-not-met' });
      expect(rec?.evidence).toContain(long.ref);
      // A week's course is no "længerevarende" cause: the pause stays possible.
      expect(withBasket([short])).toMatchObject({ pause: 'criteria-met' });
    });

    it('only the hip T-score missing: a DXA decides', () => {
      const rec = judge({ courses: [c] }, draft('alendronate'));
      expect(rec?.pause).toBe('hip-t-score-missing');
      expect(rec?.suggestions).toEqual([{ kind: 'dxa' }]);
    });

    it('all hold but the hip BMD fell significantly on treatment: no pause, the endocrinologist decides (card "behandlingssvigt trods compliance")', () => {
      const fell = scan('2026-01-01', { 'total-hip': -2.0 }, { significantDecrease: true });
      const rec = judge({ courses: [c], dxa: [fell] }, draft('alendronate'));
      expect(rec).toMatchObject({ reasons: ['five-years'], pause: 'treatment-failure', indicator: 'warning' });
      expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
      expect(rec?.evidence).toEqual(expect.arrayContaining([...fell.refs]));
      // The same fall before the course began is no failure of it.
      expect(judge({ courses: [c], dxa: [scan('2019-06-01', { 'total-hip': -2.0 }, { significantDecrease: true }), scan('2026-01-01', { 'total-hip': -2.0 })] }, draft('alendronate'))?.pause).toBe('criteria-met');
    });

    it('all hold but the marker still does not fall after its re-check (switch-to-parenteral on patient-view): no pause either', () => {
      const markers = { boneMarkers: [p1np(50, '2019-12-20'), p1np(40, '2026-03-10'), p1np(39, '2026-09-15')] };
      const rec = judge({ courses: [c], dxa: [scan('2026-01-01', { 'total-hip': -2.0 })], labs: markers }, draft('alendronate'));
      expect(rec?.pause).toBe('treatment-failure');
    });

    it('not judged at 10 years or on a restart', () => {
      expect(judge({ courses: [course('alendronate', '2016-01-01')] }, draft('alendronate'))).not.toHaveProperty('pause');
      expect(judge({ courses: [course('alendronate', '2017-01-01', { status: 'ended', end: '2023-06-01' })] }, draft('alendronate'))).not.toHaveProperty('pause');
    });
  });
});
