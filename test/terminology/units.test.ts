import { describe, expect, it } from 'vitest';
import { CANONICAL_UNIT, conversionFactor, toCanonical, UCUM_SYSTEM } from '../../src/terminology/index.js';

describe('unit conversion to canonical units (terminology.md section 8)', () => {
  it('25-OH-D: ng/mL × 2.496 = nmol/L; µg/L = ng/mL', () => {
    expect(toCanonical('vitamin-d', 20, { code: 'ng/mL', system: UCUM_SYSTEM })).toBe(49.92);
    expect(toCanonical('vitamin-d', 20, { unit: 'µg/l' })).toBe(49.92);
    expect(toCanonical('vitamin-d', 75, { unit: 'nmol/l' })).toBe(75);
  });

  it('calcium: mg/dL × 0.2495 = mmol/L', () => {
    // 9.2 mg/dL × 0.2495 = 2.2954 mmol/L
    expect(toCanonical('calcium', 9.2, { code: 'mg/dL', system: UCUM_SYSTEM })).toBe(2.2954);
    expect(toCanonical('calcium', 2.3, { unit: 'mmol/l' })).toBe(2.3);
  });

  it('creatinine: mg/dL × 88.42 = µmol/L, Danish spellings of µmol/L', () => {
    expect(toCanonical('creatinine', 1, { unit: 'mg/dL' })).toBe(88.42);
    for (const unit of ['mikromol/L', 'µmol/l', 'μmol/L', 'umol/L', 'micromol/L']) expect(toCanonical('creatinine', 70, { unit })).toBe(70);
  });

  it('P1NP and CTX: ng/mL = µg/L; ng/L and pg/mL ÷ 1000', () => {
    expect(toCanonical('p1np', 45, { unit: 'ng/ml' })).toBe(45);
    expect(toCanonical('p1np', 60000, { unit: 'pg/mL' })).toBe(60);
    expect(toCanonical('p1np', 60000, { unit: 'ng/L' })).toBe(60);
    expect(toCanonical('p1np', 45, { unit: 'mikrog/L' })).toBe(45);
    expect(toCanonical('ctx', 450, { unit: 'pg/ml' })).toBe(0.45);
    expect(toCanonical('ctx', 450, { unit: 'nanog/L' })).toBe(0.45);
    expect(toCanonical('ctx', 0.45, { code: 'ug/L', system: UCUM_SYSTEM })).toBe(0.45);
  });

  it('eGFR: every common spelling of mL/min/1.73 m²', () => {
    for (const unit of ['mL/min/1,73 m2', 'ml/min/1.73m2', 'mL/min/{1.73_m2}', 'mL/min/1.73 m²', 'mL/min/1.73m^2', 'ml/min']) {
      expect(toCanonical('egfr', 62, { unit }), unit).toBe(62);
    }
  });

  it('height: m × 100, in × 2.54; albumin g/dL × 10; BMD mg/cm² ÷ 1000; weight lb', () => {
    expect(toCanonical('height', 1.68, { unit: 'm' })).toBe(168);
    expect(toCanonical('height', 65, { code: '[in_i]', system: UCUM_SYSTEM })).toBe(165.1);
    expect(toCanonical('albumin', 4.1, { code: 'g/dL', system: UCUM_SYSTEM })).toBe(41);
    expect(toCanonical('bmd', 812, { unit: 'mg/cm2' })).toBe(0.812);
    expect(toCanonical('weight', 150, { code: '[lb_av]', system: UCUM_SYSTEM })).toBe(68.0388555);
  });

  it('alcohol: US drinks per day × 14/12, Danish units per week ÷ 7', () => {
    expect(toCanonical('alcohol', 3, { code: '{drinks}/d', system: UCUM_SYSTEM })).toBe(3.5);
    expect(toCanonical('alcohol', 21, { unit: 'genstande/uge' })).toBe(3);
  });

  it('alcohol in grams of ethanol: 12 g a Danish unit', () => {
    expect(toCanonical('alcohol', 36, { code: 'g/d', system: UCUM_SYSTEM })).toBe(3);
    expect(toCanonical('alcohol', 252, { unit: 'g/uge' })).toBe(3);
    expect(toCanonical('alcohol', 36, { unit: 'g/day' })).toBe(3);
  });

  it('an unknown unit, or a unit of another quantity, converts to nothing', () => {
    expect(toCanonical('vitamin-d', 20, { unit: 'furlongs' })).toBeUndefined();
    expect(toCanonical('vitamin-d', 20, { unit: 'mg/dL' })).toBeUndefined();
    expect(toCanonical('calcium', 2.3, { unit: 'nmol/L' })).toBeUndefined();
    expect(toCanonical('height', 168, {})).toBeUndefined();
  });

  it('prefers the UCUM code, falls back to the unit text, ignores codes of other systems', () => {
    expect(toCanonical('vitamin-d', 20, { code: 'ng/mL', system: UCUM_SYSTEM, unit: 'whatever' })).toBe(49.92);
    expect(toCanonical('vitamin-d', 20, { code: 'xyz', system: UCUM_SYSTEM, unit: 'ng/mL' })).toBe(49.92);
    expect(toCanonical('vitamin-d', 20, { code: 'ng/mL', system: 'urn:local:units' })).toBeUndefined();
    expect(toCanonical('vitamin-d', 20, { code: 'ng/mL' })).toBe(49.92);
  });

  it('uses a unit implied by the code only when the value has none', () => {
    expect(toCanonical('height', 1.7, {}, 'm')).toBe(170);
    expect(toCanonical('height', 170, { unit: 'cm' }, 'm')).toBe(170);
  });

  it('takes scores whatever their unit', () => {
    expect(toCanonical('score', -2.6, { unit: '{T-score}' })).toBe(-2.6);
    expect(toCanonical('score', -2.6, {})).toBe(-2.6);
    expect(conversionFactor('score', 'anything')).toBe(1);
  });

  it('states every fact in the units of issue 3 (25-OH-D nmol/L, calcium mmol/L, creatinine µmol/L, P1NP and CTX µg/L, eGFR mL/min/1.73 m², height cm, BMI kg/m²)', () => {
    expect(CANONICAL_UNIT).toMatchObject({
      'vitamin-d': 'nmol/L',
      calcium: 'mmol/L',
      creatinine: 'umol/L',
      p1np: 'ug/L',
      ctx: 'ug/L',
      egfr: 'mL/min/{1.73_m2}',
      height: 'cm',
      bmi: 'kg/m2',
    });
  });
});
