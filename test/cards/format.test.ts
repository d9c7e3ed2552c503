import { describe, expect, it } from 'vitest';
import { formatNumber, formatOneDecimal, formatUnit } from '../../src/cards/format.js';

describe('numbers as a Danish GP reads them', () => {
  it('uses a decimal comma and a real minus in Danish, a point in English', () => {
    expect(formatNumber(2.35, 'da')).toBe('2,35');
    expect(formatNumber(1234.5, 'da')).toBe('1.234,5');
    expect(formatNumber(2.35, 'en')).toBe('2.35');
    expect(formatOneDecimal(-2.5, 'da')).toBe('−2,5');
  });

  it('shows a third decimal below 10, so a converted calcium of 2.1457 is not shown as the limit 2,15', () => {
    expect(formatNumber(2.1457, 'da')).toBe('2,146');
    expect(formatNumber(2.15, 'da')).toBe('2,15');
    expect(formatNumber(33.333, 'da')).toBe('33,33');
  });
});

describe('the eGFR unit', () => {
  it('reads "ml/min/1,73 m²" in Danish, as the guideline card writes ml/min, and "mL/min/1.73 m²" in English', () => {
    expect(formatUnit('mL/min/{1.73_m2}', 'da')).toBe('ml/min/1,73 m²');
    expect(formatUnit('mL/min/{1.73_m2}', 'en')).toBe('mL/min/1.73 m²');
  });
});
