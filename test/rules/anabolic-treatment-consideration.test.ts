import { describe, expect, it } from 'vitest';
import { anabolicTreatmentConsideration } from '../../src/rules/follow-up/anabolic-treatment-consideration.js';
import { condition, course, ctxOf, fracture, patient, scan } from '../helpers/facts.js';

// TODAY = 2026-11-26; 3 years back = 2023-11-26
const woman = { sex: 'female' as const, age: 71 };
const man = { sex: 'male' as const, age: 66 };

describe('anabolic-treatment-consideration — women (card l. 211-213 "T-score < -2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller ryg indenfor 3 år")', () => {
  it('fires for T-score −2.6 and a hip fracture exactly 3 years ago (2023-11-26), with a referral', () => {
    const dxa = scan('2026-01-15', { 'lumbar-spine': -2.6, 'total-hip': -2.1 });
    const hip = fracture('hip', '2023-11-26');
    const rec = anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa: [dxa], fractures: [hip] })));
    expect(rec).toMatchObject({ topic: 'anabolic-treatment-consideration', indicator: 'warning', reasons: ['woman-fracture-3y'], candidate: 'woman' });
    expect(rec?.evidence).toEqual([dxa.tScores[0]?.ref, hip.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'anabolic-treatment', recommended: true }]);
  });

  it('does not fire for a fracture 3 years + 1 day ago (2023-11-25)', () => {
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa: [scan('2026-01-15', { 'lumbar-spine': -2.6 })], fractures: [fracture('hip', '2023-11-25')] })))).toBeUndefined();
  });

  it('a fracture dated only by its month or year counts when a day it can mean is within the 3 years (the safer reading)', () => {
    const dxa = [scan('2026-01-15', { 'lumbar-spine': -2.6 })];
    const month = { ...fracture('hip', '2023-11-01'), latestDate: '2023-11-30' };
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa, fractures: [month] })))?.reasons).toEqual(['woman-fracture-3y']);
    const year = { ...fracture('hip', '2023-01-01'), latestDate: '2023-12-31' };
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa, fractures: [year] })))?.reasons).toEqual(['woman-fracture-3y']);
    const oldMonth = { ...fracture('hip', '2023-10-01'), latestDate: '2023-10-31' };
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa, fractures: [oldMonth] })))).toBeUndefined();
  });

  it('does not fire at T-score exactly −2.5 (the card says < −2,5)', () => {
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa: [scan('2026-01-15', { 'total-hip': -2.5 })], fractures: [fracture('forearm', '2026-03-01')] })))).toBeUndefined();
  });

  it('counts pelvis, upper arm, forearm and spine, and a fracture of unknown mechanism as possible', () => {
    for (const site of ['pelvis', 'upper-arm', 'forearm', 'spine'] as const) {
      expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa: [scan('2026-01-15', { 'femoral-neck': -3.1 })], fractures: [fracture(site, '2025-06-01', 'unknown')] })))?.reasons).toEqual(['woman-fracture-3y']);
    }
  });

  it('does not count other sites or high-energy fractures', () => {
    const dxa = [scan('2026-01-15', { 'femoral-neck': -3.1 })];
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa, fractures: [fracture('other', '2025-06-01')] })))).toBeUndefined();
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa, fractures: [fracture('hip', '2025-06-01', 'high-energy')] })))).toBeUndefined();
  });

  it('says romosozumab is excluded when the record has a myocardial infarction or stroke (any status) [extension: SmPC]', () => {
    const mi = condition('myocardial-infarction', { active: false, onset: '2019-04-01' });
    const rec = anabolicTreatmentConsideration(ctxOf(patient({ ...woman, dxa: [scan('2026-01-15', { 'lumbar-spine': -3.0 })], fractures: [fracture('spine', '2026-02-01')], conditions: [mi] })));
    expect(rec?.candidate).toBe('woman-cardiovascular');
    expect(rec?.findings).toContainEqual({ kind: 'condition', concept: 'myocardial-infarction', date: '2019-04-01', ref: mi.ref });
    expect(rec?.evidence).toContain(mi.ref);
  });

  it('fires for patients not on treatment and not while an anabolic course is active [choice]', () => {
    const base = { ...woman, dxa: [scan('2026-01-15', { 'lumbar-spine': -3.0 })], fractures: [fracture('spine', '2026-02-01')] };
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...base, courses: [course('alendronate', '2026-02-10')] })))?.reasons).toEqual(['woman-fracture-3y']);
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...base, courses: [course('teriparatide', '2026-06-01')] })))).toBeUndefined();
  });

  it('after a completed anabolic course counts only fractures after its last day (teriparatide 2024-03-01 → 2026-03-01) [choice]', () => {
    const done = course('teriparatide', '2024-03-01', { status: 'ended', end: '2026-03-01' });
    const base = { ...woman, dxa: [scan('2024-01-15', { 'total-hip': -3.0 })], courses: [done, course('alendronate', '2026-03-02')] };
    // The forearm fracture that led to the teriparatide, and one on its last day: no second referral.
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...base, fractures: [fracture('forearm', '2024-02-01'), fracture('spine', '2026-03-01')] })))).toBeUndefined();
    // A new fracture the day after: the question is asked again.
    const rec = anabolicTreatmentConsideration(ctxOf(patient({ ...base, fractures: [fracture('forearm', '2024-02-01'), fracture('spine', '2026-03-02')] })));
    expect(rec?.reasons).toEqual(['woman-fracture-3y']);
    expect(rec?.findings).toHaveLength(2);
  });

  it('does not fire for a woman who is not postmenopausal', () => {
    expect(anabolicTreatmentConsideration(ctxOf(patient({ sex: 'female', age: 45, dxa: [scan('2026-01-15', { 'lumbar-spine': -3.0 })], fractures: [fracture('spine', '2026-02-01')] })))).toBeUndefined();
  });
});

describe('anabolic-treatment-consideration — men (card l. 214-216 "T-score ≤ -3,0 og lavenergibrud i ryg inden for seneste 3 år eller som har ≥ 2 lavenergibrud i ryg")', () => {
  it('fires for T-score exactly −3.0 and a spine fracture within 3 years', () => {
    const dxa = scan('2026-01-15', { 'lumbar-spine': -3.0 });
    const spine = fracture('spine', '2023-11-26');
    const rec = anabolicTreatmentConsideration(ctxOf(patient({ ...man, dxa: [dxa], fractures: [spine] })));
    expect(rec?.reasons).toEqual(['man-spine-fracture-3y']);
    expect(rec?.evidence).toEqual([dxa.tScores[0]?.ref, spine.ref]);
    expect(rec?.candidate).toBe('man');
  });

  it('does not fire for T-score −2.9 with one spine fracture, or a hip fracture (men: spine only)', () => {
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...man, dxa: [scan('2026-01-15', { 'lumbar-spine': -2.9 })], fractures: [fracture('spine', '2025-01-01')] })))).toBeUndefined();
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...man, dxa: [scan('2026-01-15', { 'lumbar-spine': -3.5 })], fractures: [fracture('hip', '2025-01-01')] })))).toBeUndefined();
  });

  it('fires for ≥ 2 low-energy spine fractures at any time, whatever the T-score', () => {
    const a = fracture('spine', '2012-03-01');
    const b = fracture('spine', '2015-09-01');
    const rec = anabolicTreatmentConsideration(ctxOf(patient({ ...man, dxa: [scan('2026-01-15', { 'lumbar-spine': -1.2 })], fractures: [a, b] })));
    expect(rec?.reasons).toEqual(['man-two-spine-fractures']);
    expect(rec?.evidence).toEqual([a.ref, b.ref]);
  });

  it('after a completed anabolic course, two spine fractures before it do not ask again; two after it do [choice]', () => {
    const done = course('teriparatide', '2020-01-01', { status: 'ended', end: '2022-01-01' });
    const base = { ...man, dxa: [scan('2026-01-15', { 'lumbar-spine': -1.2 })], courses: [done] };
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...base, fractures: [fracture('spine', '2012-03-01'), fracture('spine', '2019-09-01')] })))).toBeUndefined();
    // An undated fracture cannot be placed after the course.
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...base, fractures: [fracture('spine', '2012-03-01'), fracture('spine', undefined), fracture('spine', '2024-09-01')] })))).toBeUndefined();
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...base, fractures: [fracture('spine', '2023-03-01'), fracture('spine', '2024-09-01')] })))?.reasons).toEqual(['man-two-spine-fractures']);
  });

  it('counts the same spine fracture recorded twice (same day) once', () => {
    expect(anabolicTreatmentConsideration(ctxOf(patient({ ...man, fractures: [fracture('spine', '2015-09-01'), fracture('spine', '2015-09-01')] })))).toBeUndefined();
  });

  it('names both reasons when both hold', () => {
    const rec = anabolicTreatmentConsideration(ctxOf(patient({ ...man, dxa: [scan('2026-01-15', { 'lumbar-spine': -3.2 })], fractures: [fracture('spine', '2012-03-01'), fracture('spine', '2026-03-01')] })));
    expect(rec?.reasons).toEqual(['man-spine-fracture-3y', 'man-two-spine-fractures']);
  });

  it('does not fire for a man under 60', () => {
    expect(anabolicTreatmentConsideration(ctxOf(patient({ sex: 'male', age: 59, fractures: [fracture('spine', '2012-03-01', 'low-energy'), fracture('spine', '2015-09-01', 'low-energy')] })))).toBeUndefined();
  });
});
