import { describe, expect, it } from 'vitest';
import { boneHealthyLifestyle } from '../../src/rules/initiation/bone-healthy-lifestyle.js';
import { bmi, condition, course, ctxOf, egfr, fracture, patient, scan, type FactsInput } from '../helpers/facts.js';

const run = (input: FactsInput) => boneHealthyLifestyle(ctxOf(patient(input)));
const tScore = () => scan('2026-08-12', { 'lumbar-spine': -2.7 });

describe('bone-healthy-lifestyle (card l. 84-94: Non-farmakologisk (knoglevenlig livsstil))', () => {
  it('goes with diagnosis-criteria-met and gives the general advice when nothing personal is recorded', () => {
    const dxa = tScore();
    expect(run({ age: 70, dxa: [dxa] })).toEqual({
      topic: 'bone-healthy-lifestyle',
      indicator: 'info',
      reasons: ['guideline-advice'],
      evidence: [dxa.refs[0]],
      findings: [],
    });
  });

  it('names current smoking (also as a condition on the problem list)', () => {
    const rec = run({ age: 70, dxa: [tScore()], lifestyle: { smoking: { current: true, date: '2026-01-01', ref: 'Observation/smoke' } } });
    expect(rec).toMatchObject({ reasons: ['smoker'], evidence: ['Observation/smoke'] });
    const smoker = condition('smoker', { onset: '2010-01-01' });
    expect(run({ age: 70, dxa: [tScore()], conditions: [smoker] })).toMatchObject({ reasons: ['smoker'], evidence: [smoker.ref] });
  });

  it('does not name smoking when a later smoking status says ex-smoker', () => {
    const smoker = condition('smoker', { onset: '2010-01-01' });
    expect(run({ age: 70, dxa: [tScore()], conditions: [smoker], lifestyle: { smoking: { current: false, date: '2025-03-01', ref: 'Observation/ex' } } })?.reasons).toEqual(['guideline-advice']);
  });

  it('names falls, alcohol and low BMI, in that order', () => {
    const rec = run({
      age: 70,
      dxa: [tScore()],
      conditions: [condition('falls', { onset: '2026-05-01' })],
      lifestyle: { alcoholUnitsPerDay: { value: 4, date: '2026-02-01', ref: 'Observation/alc' } },
      vitals: { bmi: [bmi(18.4, '2026-06-01')] },
    });
    expect(rec?.reasons).toEqual(['falls', 'alcohol', 'low-bmi']);
    expect(rec?.evidence).toContain('Observation/alc');
  });

  it('goes with treatment-indicated even when the diagnosis is already on the problem list', () => {
    expect(run({ age: 70, fractures: [fracture('spine', '2026-04-01')], conditions: [condition('osteoporosis')] })?.reasons).toEqual(['guideline-advice']);
  });

  it('is not shown without treatment-indicated or diagnosis-criteria-met, or for a patient on treatment', () => {
    expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.0 })], lifestyle: { smoking: { current: true, ref: 'Observation/s' } } })).toBeUndefined();
    expect(run({ age: 70, dxa: [tScore()], conditions: [condition('osteoporosis')] })).toBeUndefined();
    expect(run({ age: 70, dxa: [tScore()], courses: [course('alendronate', '2026-01-01')] })).toBeUndefined();
  });
});

describe('bone-healthy-lifestyle evidence', () => {
  it('rests the general advice on the indication, not on the eGFR that made it a referral', () => {
    const fx = fracture('spine', '2026-04-01');
    expect(run({ age: 70, fractures: [fx], labs: { egfr: [egfr(30, '2026-10-01')] } })?.evidence).toEqual([fx.ref]);
  });
});
