import { describe, expect, it } from 'vitest';
import { ckdEpi2021, creatinineShowsEgfrAboveLimit } from '../../../src/rules/predicates/creatinine-egfr.js';
import { creatinine, patient } from '../../helpers/facts.js';

describe('the eGFR a creatinine gives (CKD-EPI 2021), for the kidney test before an infusion (card l. 41 "Tjek, at eGFR > 35")', () => {
  it('matches the published equation: a woman of 50 with 0.8 mg/dL (70.7 µmol/L) about 89, a man of 60 with 1.0 mg/dL about 86', () => {
    expect(ckdEpi2021(70.736, 50, true)).toBeCloseTo(89.7, 0);
    expect(ckdEpi2021(88.42, 60, false)).toBeCloseTo(86.2, 0);
    // Below κ (the α exponent): a woman of 50 with 0.6 mg/dL about 109, a man of 40 with 0.7 mg/dL about 119.
    expect(ckdEpi2021(53.052, 50, true)).toBeCloseTo(109.3, 0);
    expect(ckdEpi2021(61.894, 40, false)).toBeCloseTo(119.5, 0);
  });

  it('shows "> 35" only when the estimate is above it, for a known sex and an adult age on the day of the sample', () => {
    // A woman of 80 on 2026-11-16: 120 µmol/L gives about 39, 135 about 35 (not above).
    const woman = patient({ sex: 'female', birthDate: '1946-11-16' });
    expect(creatinineShowsEgfrAboveLimit(woman, creatinine(120, '2026-11-16'))).toBe(true);
    expect(creatinineShowsEgfrAboveLimit(woman, creatinine(135, '2026-11-16'))).toBe(false);
    expect(creatinineShowsEgfrAboveLimit(patient({ sex: 'unknown', birthDate: '1946-11-16' }), creatinine(60, '2026-11-16'))).toBe(false);
    expect(creatinineShowsEgfrAboveLimit(patient({ sex: 'female' }), creatinine(60, '2026-11-16'))).toBe(false);
    expect(creatinineShowsEgfrAboveLimit(patient({ sex: 'male', birthDate: '2010-01-01' }), creatinine(60, '2026-11-16'))).toBe(false);
  });

  it('reads a bound only where every value it allows shows it: "<120" does, ">60" does not', () => {
    const woman = patient({ sex: 'female', birthDate: '1946-11-16' });
    expect(creatinineShowsEgfrAboveLimit(woman, { ...creatinine(120, '2026-11-16'), comparator: '<' })).toBe(true);
    expect(creatinineShowsEgfrAboveLimit(woman, { ...creatinine(60, '2026-11-16'), comparator: '>' })).toBe(false);
  });
});
