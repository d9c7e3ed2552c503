/**
 * rules.md section 6: cards of one answer do not disagree (src/rules/agreement.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatientView } from '../../src/rules/index.js';
import { calcium, ctxOf, egfr, fracture, height, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 72, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.8 })], fractures: [fracture('spine', '2025-01-01')], vitals: { height: [height(162, '2026-01-01')] } };
const treatment = (labs: FactsInput['labs']) => evaluatePatientView(ctxOf(patient({ ...woman, labs }))).find((r) => r.topic === 'treatment-indicated');

describe('agreement between the cards of one answer', () => {
  it('the treatment card says to correct first what the pre-start checks found failed (hypocalcaemia, 25-OH-D ≤ 50)', () => {
    const ok = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    expect(treatment(ok)).not.toHaveProperty('correctFirst');
    expect(treatment({ ...ok, calcium: [calcium(2.14, '2026-11-01')] })).toMatchObject({ correctFirst: ['hypocalcaemia'] });
    expect(treatment({ ...ok, vitaminD: [vitaminD(50, '2026-11-01')] })).toMatchObject({ correctFirst: ['vitamin-d-low'] });
    // eGFR ≤ 35 is a referral, not a correction.
    expect(treatment({ ...ok, egfr: [egfr(30, '2026-11-01')], vitaminD: [vitaminD(40, '2026-11-01')] })).not.toHaveProperty('correctFirst');
  });
});
