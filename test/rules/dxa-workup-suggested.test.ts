import { describe, expect, it } from 'vitest';
import { dxaWorkupSuggested } from '../../src/rules/initiation/dxa-workup-suggested.js';
import { condition, course, ctxOf, fracture, glucocorticoid, medication, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const run = (input: FactsInput) => dxaWorkupSuggested(ctxOf(patient(input)));
const smoker: FactsInput['lifestyle'] = { smoking: { current: true, date: '2026-03-01', ref: 'Observation/smoke' } };

describe('dxa-workup-suggested [extension: DSAM ch. 4, card l. 35-37, 123]', () => {
  it('suggests a DXA and a 25-OH-D first for a risk factor without any DXA', () => {
    const rec = run({ age: 66, lifestyle: smoker });
    expect(rec).toMatchObject({
      topic: 'dxa-workup-suggested',
      indicator: 'info',
      reasons: ['risk-smoking'],
      evidence: ['Observation/smoke'],
      selectionBehavior: 'any',
      vitaminD: 'unknown',
    });
    expect(rec?.suggestions).toEqual([{ kind: 'dxa' }, { kind: 'lab', lab: 'vitamin-d' }]);
    expect(rec?.findings).toContainEqual({ kind: 'dxa' });
  });

  it('counts a DXA exactly 5 years ago (2021-11-26) as within 5 years; one on 2021-11-25 is too old and its department is reused', () => {
    const labs = { vitaminD: [vitaminD(80, '2026-10-01')] };
    expect(run({ age: 66, lifestyle: smoker, labs, dxa: [scan('2021-11-26', { 'lumbar-spine': -1.5 })] })).toBeUndefined();
    const performer = { reference: 'Organization/dxa-bispebjerg', display: 'Bispebjerg Hospital, Osteoporoseklinikken' };
    const rec = run({ age: 66, lifestyle: smoker, labs, dxa: [scan('2021-11-25', { 'lumbar-spine': -1.5 }, { performer })] });
    expect(rec?.suggestions).toEqual([{ kind: 'dxa', performer }]);
    expect(rec?.vitaminD).toBe('ok');
  });

  it('counts no calcaneus or humerus scan (site other) as a DXA (terminology.md: not WHO diagnostic sites), a forearm one it does', () => {
    const labs = { vitaminD: [vitaminD(80, '2026-10-01')] };
    const heel = run({ age: 66, lifestyle: smoker, labs, dxa: [scan('2025-05-01', { other: -3.0 })] });
    expect(heel).toMatchObject({ topic: 'dxa-workup-suggested' });
    // Not named as "the latest DXA" beside "no recent DXA".
    expect(heel?.findings).toContainEqual({ kind: 'dxa' });
    expect(run({ age: 66, lifestyle: smoker, labs, dxa: [scan('2025-05-01', { other: -3.0, forearm: -1.2 })] })).toBeUndefined();
  });

  it('adds colecalciferol when the current 25-OH-D is exactly 50, not at 50.1', () => {
    const d = vitaminD(50, '2026-10-01');
    const rec = run({ age: 66, lifestyle: smoker, labs: { vitaminD: [d] } });
    expect(rec?.suggestions).toEqual([{ kind: 'dxa' }, { kind: 'prescribe', drug: 'colecalciferol' }]);
    expect(rec?.evidence).toContain(d.ref);
    expect(rec?.vitaminD).toBe('low');
    expect(run({ age: 66, lifestyle: smoker, labs: { vitaminD: [vitaminD(50.1, '2026-10-01')] } })?.suggestions).toEqual([{ kind: 'dxa' }]);
  });

  it('does not order a second vitamin D when one is already taken [choice]', () => {
    const rec = run({ age: 66, lifestyle: smoker, medications: [medication('colecalciferol', '2026-01-01')], labs: { vitaminD: [vitaminD(40, '2026-10-01')] } });
    expect(rec?.suggestions).toEqual([{ kind: 'dxa' }]);
    expect(rec?.vitaminD).toBe('low');
  });

  it('fires for glucocorticoid exposure and for glucocorticoid treatment below the threshold', () => {
    const gc = glucocorticoid({ active: true, currentDailyMg: 5, highDoseThreeMonths: false });
    expect(run({ age: 66, glucocorticoid: gc })?.reasons).toEqual(['risk-glucocorticoid']);
  });

  it('counts malabsorption other than coeliac disease as a disease causing bone loss (rules.md: "malabsorption/coeliac/IBD")', () => {
    expect(run({ age: 66, conditions: [condition('malabsorption')] })?.reasons).toEqual(['risk-disease']);
  });

  it('names every risk factor in the card\'s order', () => {
    expect(run({ age: 82, lifestyle: smoker, conditions: [condition('rheumatoid-arthritis')] })?.reasons).toEqual(['risk-disease', 'risk-smoking', 'risk-age-over-80']);
  });

  it('does not fire without a risk factor, when the diagnosis criteria are met (also by a possible fracture), on treatment or outside the population', () => {
    expect(run({ age: 66 })).toBeUndefined();
    expect(run({ age: 66, lifestyle: smoker, fractures: [fracture('hip', '2025-01-01', 'unknown')] })).toBeUndefined();
    expect(run({ age: 66, lifestyle: smoker, courses: [course('alendronate', '2026-01-01')] })).toBeUndefined();
    expect(run({ sex: 'male', birthDate: '1966-11-27', age: 59, lifestyle: smoker })).toBeUndefined();
    expect(run({ sex: 'male', birthDate: '1966-11-26', age: 60, lifestyle: smoker })?.reasons).toEqual(['risk-smoking']);
  });
});
