import { describe, expect, it } from 'vitest';
import { INITIATION_TOPICS } from '../../src/contract/topics.js';
import { evaluatePatientView } from '../../src/rules/index.js';
import { INITIATION_RULES } from '../../src/rules/initiation/index.js';
import { bmi, calcium, ctxOf, egfr, fracture, height, p1np, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const topics = (input: FactsInput) => evaluatePatientView(ctxOf(patient(input))).map((r) => r.topic).sort();

describe('the initiation rules together (rules.md section 2)', () => {
  it('registers one rule for every topic of section 2', () => {
    expect(Object.keys(INITIATION_RULES).sort()).toEqual([...INITIATION_TOPICS].sort());
  });

  it('a woman of 72 with T −2.8 and low BMI and nothing else: diagnosis, indication, checks, vitamin D/calcium, lifestyle', () => {
    expect(topics({ age: 72, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.8 })], vitals: { bmi: [bmi(18.1, '2026-08-12')] } })).toEqual(
      ['bone-healthy-lifestyle', 'diagnosis-criteria-met', 'pretreatment-checks', 'treatment-indicated', 'vitamin-d-calcium'].sort(),
    );
  });

  it('a woman of 68 with T −2.6 and no risk factor: diagnosis, risk-factor review, vitamin D/calcium, lifestyle — no treatment card', () => {
    expect(topics({ age: 68, dxa: [scan('2026-08-12', { 'total-hip': -2.6 })] })).toEqual(['bone-healthy-lifestyle', 'diagnosis-criteria-met', 'risk-factor-review', 'vitamin-d-calcium']);
  });

  it('a fully worked-up woman with a hip fracture: only the treatment proposal and its companions', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(90, '2026-11-01')], boneMarkers: [p1np(55, '2026-11-01')] };
    expect(topics({ age: 79, fractures: [fracture('hip', '2026-09-15')], labs, vitals: { height: [height(158, '2026-11-01')] } })).toEqual(
      ['bone-healthy-lifestyle', 'diagnosis-criteria-met', 'treatment-indicated', 'vitamin-d-calcium'].sort(),
    );
  });
});
