/**
 * A dosing interval in words, named by a schedule only within the tolerance the dose-interval rule
 * judges by (SCHEDULE_TOLERANCE, one number for both): an interval the rule flags as more frequent
 * than a schedule is never called by that schedule's name.
 */
import { describe, expect, it } from 'vitest';
import { intervalWords } from '../../src/cards/text/findings.js';
import { SCHEDULE_TOLERANCE } from '../../src/contract/suggestions.js';

const SIX_MONTHS = 6 * 30.4375;

describe('intervalWords', () => {
  it('names the schedules as written, within the tolerance', () => {
    expect(intervalWords(1, 'da')).toBe('dagligt');
    expect(intervalWords(7, 'da')).toBe('ugentligt');
    expect(intervalWords(6.8, 'en')).toBe('weekly');
    expect(intervalWords(182, 'da')).toBe('hver 6. måned');
    expect(intervalWords(SIX_MONTHS, 'en')).toBe('every 6 months');
    expect(intervalWords(364, 'da')).toBe('årligt');
    expect(intervalWords(0.5, 'da')).toBe('2 gange dagligt');
  });

  it('does not call an interval the rule flags (below the tolerance) by the schedule it falls short of', () => {
    const justFlagged = SIX_MONTHS * (1 - SCHEDULE_TOLERANCE) - 1;
    expect(intervalWords(justFlagged, 'da')).not.toBe('hver 6. måned');
    expect(intervalWords(170, 'da')).toBe('hver 170. dag');
    expect(intervalWords(168, 'da')).toBe('hver 24. uge');
    expect(intervalWords(168, 'en')).toBe('every 24 weeks');
    expect(intervalWords(7 * (1 - SCHEDULE_TOLERANCE) - 0.1, 'da')).not.toBe('ugentligt');
    expect(intervalWords(330, 'en')).toBe('every 11 months');
  });
});
