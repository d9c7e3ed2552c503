import { describe, expect, it } from 'vitest';
import { bisphosphonateContinue } from '../../src/rules/follow-up/bisphosphonate-continue.js';
import { course, ctxOf, egfr, fracture, glucocorticoid, patient, scan } from '../helpers/facts.js';
import { fiveYears } from './bisphosphonate-pause.helpers.js';

// TODAY = 2026-11-26
describe('bisphosphonate-continue (card l. 185-199 — a pause criterion fails: "kan behandling udstrækkes til 10 år")', () => {
  it('names a hip T-score at or below −2.5 (exactly −2.5 fails "> −2,5")', () => {
    const dxa = scan('2026-10-01', { 'lumbar-spine': -2.0, 'total-hip': -2.5 });
    const facts = patient(fiveYears({ dxa: [dxa] }));
    const rec = bisphosphonateContinue(ctxOf(facts));
    expect(rec).toMatchObject({ topic: 'bisphosphonate-continue', indicator: 'info', reasons: ['hip-t-score-low'] });
    expect(rec?.evidence).toEqual([...(facts.courses[0]?.refs ?? []), dxa.tScores[1]?.ref]);
    expect(rec?.suggestions).toBeUndefined();
  });

  it('with the latest eGFR ≤ 35 holds the bisphosphonate (as endocrinology-referral egfr-low) instead of saying continue', () => {
    const dxa = scan('2026-10-01', { 'total-hip': -2.7 });
    const low = egfr(30, '2026-11-01');
    const rec = bisphosphonateContinue(ctxOf(patient(fiveYears({ dxa: [dxa], labs: { egfr: [low] } }))));
    expect(rec).toMatchObject({ reasons: ['hip-t-score-low'], notContinued: 'egfr-low' });
    expect(rec?.evidence).toContain(low.ref);
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears({ dxa: [dxa], labs: { egfr: [egfr(40, '2026-11-01')] } }))))?.notContinued).toBeUndefined();
  });

  it('names a missing hip T-score and suggests a DXA at the same department', () => {
    const performer = { display: 'Aarhus Universitetshospital' };
    const rec = bisphosphonateContinue(ctxOf(patient(fiveYears({ dxa: [scan('2020-01-01', { 'lumbar-spine': -2.7 }, { performer })] }))));
    expect(rec?.reasons).toEqual(['hip-t-score-missing']);
    expect(rec?.suggestions).toEqual([{ kind: 'dxa', performer }]);
  });

  it('names a low-energy spine or hip fracture at any time, possible ones included', () => {
    const hip = fracture('hip', undefined, 'unknown');
    const rec = bisphosphonateContinue(ctxOf(patient(fiveYears({ fractures: [hip] }))));
    expect(rec?.reasons).toEqual(['prior-spine-hip-fracture']);
    expect(rec?.evidence).toContain(hip.ref);
    expect(rec?.findings).toContainEqual({ kind: 'fracture', site: 'hip', possible: true, ref: hip.ref });
  });

  it('names another low-energy fracture within 5 years, the day 5 years ago included (2021-11-26)', () => {
    const wrist = fracture('forearm', '2021-11-26');
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears({ fractures: [wrist] }))))?.reasons).toEqual(['recent-fracture']);
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears({ fractures: [fracture('forearm', '2021-11-25')] }))))).toBeUndefined();
  });

  it('counts an undated low-energy other fracture as recent [choice]', () => {
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears({ fractures: [fracture('upper-arm', undefined)] }))))?.reasons).toEqual(['recent-fracture']);
  });

  it('names glucocorticoid that is active or stopped less than 12 months ago', () => {
    const gc = glucocorticoid({ active: false, lastUse: '2026-06-01' });
    const rec = bisphosphonateContinue(ctxOf(patient(fiveYears({ glucocorticoid: gc }))));
    expect(rec?.reasons).toEqual(['ongoing-glucocorticoid']);
    expect(rec?.evidence).toEqual(expect.arrayContaining([...gc.refs]));
  });

  it('names every failed criterion at once', () => {
    const rec = bisphosphonateContinue(
      ctxOf(patient(fiveYears({ dxa: [], fractures: [fracture('spine', '2019-03-01'), fracture('pelvis', '2025-02-01')], glucocorticoid: glucocorticoid({ active: true }) }))),
    );
    expect(rec?.reasons).toEqual(['hip-t-score-missing', 'prior-spine-hip-fracture', 'recent-fracture', 'ongoing-glucocorticoid']);
  });

  it('does not fire when every pause criterion holds, before 5 years, or from 10 years', () => {
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears())))).toBeUndefined();
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2021-11-27')], fractures: [fracture('spine', '2019-03-01')] }))))).toBeUndefined();
    expect(bisphosphonateContinue(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2016-11-26')], fractures: [fracture('spine', '2019-03-01')] }))))).toBeUndefined();
  });
});
