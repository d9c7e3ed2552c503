import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxSwallowingDifficulty } from '../../src/rules/prescribing/rx-swallowing-difficulty.js';
import { condition, ctxOf, draft, medication, patient, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxSwallowingDifficulty(ctxOf(patient({ age: 70, ...input, drafts: [d] })), d);

describe('rx-swallowing-difficulty (card l. 55-57 "Brusetablet (Binosto) kan anvendes ved synkebesvær")', () => {
  it('offers to switch an alendronate tablet to the effervescent tablet when swallowing difficulty is recorded', () => {
    const d = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 7 });
    const dysphagia = condition('dysphagia');
    const rec = judge({ conditions: [dysphagia] }, d);
    expect(rec).toMatchObject({ topic: 'rx-swallowing-difficulty', indicator: 'info', reasons: ['dysphagia'] });
    expect(rec?.evidence).toEqual([d.ref, dysphagia.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: d.ref, mode: 'update' } }]);
  });

  it('a draft not dosed 70 mg once a week (10 mg daily, or no schedule) gets Binosto\'s own dosage in the switch, never its own kept (70 mg a day)', () => {
    for (const dosed of [{ doseMgPerAdministration: 10, intervalDays: 1 }, { doseMgPerAdministration: 70, intervalDays: 1 }, { doseMgPerAdministration: 70 }, {}]) {
      const d = draft('alendronate', dosed);
      expect(judge({ conditions: [condition('dysphagia')] }, d)?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: d.ref, mode: 'update' }, drugDosage: true }]);
    }
  });

  it('is silent when the draft already is the effervescent tablet, or without active swallowing difficulty', () => {
    expect(judge({ conditions: [condition('dysphagia')] }, draft('alendronate', { identity: { effervescent: true } }))).toBeUndefined();
    expect(judge({ conditions: [condition('dysphagia', { active: false })] }, draft('alendronate'))).toBeUndefined();
    expect(judge({}, draft('alendronate'))).toBeUndefined();
  });

  it('concerns alendronate only (no effervescent risedronate exists)', () => {
    expect(judge({ conditions: [condition('dysphagia')] }, draft('risedronate'))).toBeUndefined();
  });

  it('adds vitamin D3 beside the switch when the drafted tablet held it (alendronate + colecalciferol) and no other D3 is taken', () => {
    const combo = draft('alendronate', { identity: { alsoContains: ['colecalciferol'] }, doseMgPerAdministration: 70, intervalDays: 7 });
    const rec = judge({ conditions: [condition('dysphagia')] }, combo);
    expect(rec).toMatchObject({ losesVitaminD: true, selectionBehavior: 'any' });
    expect(rec?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: combo.ref, mode: 'update' } },
      { kind: 'prescribe', drug: 'colecalciferol' },
    ]);
    const onD3 = judge({ conditions: [condition('dysphagia')], medications: [medication('colecalciferol', '2026-01-01')] }, combo);
    expect(onD3).not.toHaveProperty('losesVitaminD');
    expect(onD3?.suggestions).toHaveLength(1);
    expect(judge({ conditions: [condition('dysphagia')] }, draft('alendronate'))).not.toHaveProperty('losesVitaminD');
  });
});
