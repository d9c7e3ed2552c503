import { describe, expect, it } from 'vitest';
import { diagnosisCriteriaMet } from '../../src/rules/initiation/diagnosis-criteria-met.js';
import { calcium, condition, course, ctxOf, fracture, patient, scan, type FactsInput } from '../helpers/facts.js';

const run = (input: FactsInput) => diagnosisCriteriaMet(ctxOf(patient(input)));

describe('diagnosis-criteria-met (card l. 11-13: T-score ≤ -2,5 og/eller lavenergibrud i ryg og/eller hofte)', () => {
  it('fires for a T-score ≤ −2.5 with no osteoporosis on the problem list, suggesting the diagnosis without fracture', () => {
    const dxa = scan('2026-08-12', { 'lumbar-spine': -2.8, 'total-hip': -1.9 });
    const rec = run({ age: 70, dxa: [dxa] });
    expect(rec).toMatchObject({ topic: 'diagnosis-criteria-met', indicator: 'info', reasons: ['t-score'], evidence: [dxa.refs[0]] });
    expect(rec?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: false }]);
  });

  it('with a secondary cause suspected (a raised calcium) the diagnosis suggested names no kind (causeOpen), not "postmenopausal"', () => {
    const rec = run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.8 })], labs: { calcium: [calcium(2.75, '2026-11-01')] } });
    expect(rec?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: false, causeOpen: true }]);
  });

  it('meets the criterion at T-score exactly −2.5 and not at −2.4', () => {
    expect(run({ age: 70, dxa: [scan('2026-08-12', { 'femoral-neck': -2.5 })] })?.reasons).toEqual(['t-score']);
    expect(run({ age: 70, dxa: [scan('2026-08-12', { 'femoral-neck': -2.4 })] })).toBeUndefined();
  });

  it('fires for a low-energy spine fracture alone and suggests the diagnosis with fracture', () => {
    const fx = fracture('spine', '2026-03-02', 'low-energy');
    const rec = run({ age: 72, fractures: [fx] });
    expect(rec).toMatchObject({ reasons: ['spine-fracture'], evidence: [fx.ref] });
    // The diagnosis names the fracture it rests on (its evidence): it is that fracture's diagnosis, not another fracture.
    expect(rec?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: true, fractures: [fx.ref] }]);
  });

  it('counts a hip fracture of unknown mechanism as possible ("hvis lavenergibrud")', () => {
    const fx = fracture('hip', '2025-06-01', 'unknown');
    expect(run({ age: 80, fractures: [fx] })).toMatchObject({ reasons: ['hip-fracture-possible'], evidence: [fx.ref] });
  });

  it('suggests the diagnosis with fracture (M80) when the criteria rest on a possibly low-energy fracture alone: the card says "if it was low-energy", and then it is M80', () => {
    const hip = fracture('hip', '2025-06-01', 'unknown');
    expect(run({ age: 80, fractures: [hip] })?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: true, fractures: [hip.ref] }]);
    // Beside a T-score ≤ −2.5 the diagnosis stands whatever the mechanism: without fracture (M81).
    expect(run({ age: 80, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.8 })], fractures: [fracture('hip', '2025-06-01', 'unknown')] })?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: false }]);
  });

  it('suggests the diagnosis with fracture (M80) beside a T-score ≤ −2.5 when a known low-energy fracture of another site is on record', () => {
    const dxa = scan('2026-08-12', { 'lumbar-spine': -2.8 });
    const forearm = fracture('forearm', '2025-02-01', 'low-energy');
    const rec = run({ age: 70, dxa: [dxa], fractures: [forearm] });
    expect(rec?.reasons).toEqual(['t-score']);
    expect(rec?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: true, fractures: [forearm.ref] }]);
    // A forearm fracture of unknown mechanism or a high-energy one does not.
    expect(run({ age: 70, dxa: [dxa], fractures: [fracture('forearm', '2025-02-01', 'unknown')] })?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: false }]);
    expect(run({ age: 70, dxa: [dxa], fractures: [fracture('forearm', '2025-02-01', 'high-energy')] })?.suggestions).toEqual([{ kind: 'diagnosis', withFracture: false }]);
  });

  it('names both the T-score and the fracture when both are there', () => {
    expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -3.1 })], fractures: [fracture('hip', '2024-01-01')] })?.reasons).toEqual(['t-score', 'hip-fracture']);
  });

  it('does not count a high-energy fracture or a forearm fracture', () => {
    expect(run({ age: 70, fractures: [fracture('spine', '2026-01-01', 'high-energy'), fracture('forearm', '2026-01-01')] })).toBeUndefined();
  });

  it('does not fire when osteoporosis is on the problem list, whatever its status', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -2.8 })];
    expect(run({ age: 70, dxa, conditions: [condition('osteoporosis')] })).toBeUndefined();
    expect(run({ age: 70, dxa, conditions: [condition('osteoporosis', { active: false })] })).toBeUndefined();
  });

  it('does not fire for a patient on treatment, but does after an ended course', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -2.8 })];
    expect(run({ age: 70, dxa, courses: [course('alendronate', '2025-01-01')] })).toBeUndefined();
    expect(run({ age: 70, dxa, courses: [course('alendronate', '2015-01-01', { status: 'ended', end: '2020-01-01' })] })?.reasons).toEqual(['t-score']);
  });

  it('applies to a man from his 60th birthday: born 1966-11-27 he is 59 on 2026-11-26, born 1966-11-26 he is 60', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -2.9 })];
    expect(run({ sex: 'male', birthDate: '1966-11-27', age: 59, dxa })).toBeUndefined();
    expect(run({ sex: 'male', birthDate: '1966-11-26', age: 60, dxa })?.reasons).toEqual(['t-score']);
    expect(run({ sex: 'male', birthDate: '1966-11-25', age: 60, dxa })?.reasons).toEqual(['t-score']);
  });

  it('does not apply to a woman of 48 without a recorded menopause', () => {
    expect(run({ sex: 'female', age: 48, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.9 })] })).toBeUndefined();
  });
});
