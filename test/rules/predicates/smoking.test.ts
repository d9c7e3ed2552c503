import { describe, expect, it } from 'vitest';
import { riskFactors } from '../../../src/rules/predicates/risk-factors.js';
import { DEFAULT_SETTINGS as S } from '../../../src/rules/settings.js';
import { condition, patient } from '../../helpers/facts.js';

const smoking = (input: Parameters<typeof patient>[0]) => riskFactors(patient(input), S).find((r) => r.reason === 'risk-smoking');

describe('risk factor "rygning" (card l. 35-37)', () => {
  it('reads current smoking from the smoking status', () => {
    expect(smoking({ age: 70, lifestyle: { smoking: { current: true, ref: 'Observation/s' } } })?.evidence).toEqual(['Observation/s']);
    expect(smoking({ age: 70, lifestyle: { smoking: { current: false, ref: 'Observation/s' } } })).toBeUndefined();
  });

  it('also reads an active smoker condition on the problem list', () => {
    const c = condition('smoker', { onset: '2015-04-01' });
    expect(smoking({ age: 70, conditions: [c] })?.evidence).toEqual([c.ref]);
    expect(smoking({ age: 70, conditions: [condition('smoker', { active: false })] })).toBeUndefined();
  });

  it('lets a smoking status dated after the condition (or undated) overrule it; an older status does not', () => {
    const c = condition('smoker', { onset: '2015-04-01' });
    expect(smoking({ age: 70, conditions: [c], lifestyle: { smoking: { current: false, date: '2020-01-01', ref: 'Observation/ex' } } })).toBeUndefined();
    expect(smoking({ age: 70, conditions: [c], lifestyle: { smoking: { current: false, ref: 'Observation/ex' } } })).toBeUndefined();
    expect(smoking({ age: 70, conditions: [c], lifestyle: { smoking: { current: false, date: '2010-01-01', ref: 'Observation/ex' } } })?.evidence).toEqual([c.ref]);
  });
});
