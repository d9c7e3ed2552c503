import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxAnabolicSpecialist } from '../../src/rules/prescribing/rx-anabolic-specialist.js';
import { condition, ctxOf, draft, patient, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxAnabolicSpecialist(ctxOf(patient({ sex: 'female', age: 72, ...input, drafts: [d] })), d);

describe('rx-anabolic-specialist (card l. 205-216 "Overvejelse om anabol (knogleopbyggende) behandling")', () => {
  it('calls teriparatide specialist treatment and offers the referral in place of the draft', () => {
    const d = draft('teriparatide');
    const rec = judge({}, d);
    expect(rec).toMatchObject({ topic: 'rx-anabolic-specialist', indicator: 'info', reasons: ['specialist-drug'], evidence: [d.ref] });
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'anabolic-treatment', recommended: true, replacesDraft: d.ref }]);
  });

  it('stops romosozumab after a myocardial infarction, even a past one: critical', () => {
    const mi = condition('myocardial-infarction', { active: false, onset: '2019-04-01' });
    const rec = judge({ conditions: [mi] }, draft('romosozumab'));
    expect(rec).toMatchObject({ indicator: 'critical', reasons: ['specialist-drug', 'cardiovascular-history'] });
    expect(rec?.evidence).toContain(mi.ref);
  });

  it('romosozumab for a man: info with the reason of the row (the text says women only); critical with a stroke as well', () => {
    expect(judge({ sex: 'male', age: 70 }, draft('romosozumab'))).toMatchObject({ indicator: 'info', reasons: ['specialist-drug'], romosozumabForMan: true });
    expect(judge({ sex: 'male', age: 70, conditions: [condition('stroke')] }, draft('romosozumab'))).toMatchObject({
      indicator: 'critical',
      reasons: ['specialist-drug', 'cardiovascular-history'],
      romosozumabForMan: true,
    });
    expect(judge({}, draft('romosozumab'))).toMatchObject({ romosozumabForMan: false });
  });

  it('keeps teriparatide and abaloparatide at info whatever the heart history, and ignores antiresorptives', () => {
    expect(judge({ conditions: [condition('stroke')] }, draft('teriparatide'))?.indicator).toBe('info');
    expect(judge({ sex: 'male', age: 70 }, draft('abaloparatide'))?.indicator).toBe('info');
    expect(judge({}, draft('alendronate'))).toBeUndefined();
  });
});
