import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxCalciumCarbonatePpi } from '../../src/rules/prescribing/rx-calcium-carbonate-ppi.js';
import { ctxOf, draft, medication, patient, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder, others: readonly DraftOrder[] = []) =>
  rxCalciumCarbonatePpi(ctxOf(patient({ sex: 'female', age: 70, ...input, drafts: [d, ...others] })), d);

describe('rx-calcium-carbonate-ppi (card l. 113-115 "Calcium-citrat … Kan overvejes til patienter, som bruger PPI")', () => {
  it('offers calcium citrate in place of calcium carbonate for a current PPI user', () => {
    const d = draft('calcium-carbonate');
    const ppi = medication('ppi', '2025-03-01');
    const rec = judge({ medications: [ppi] }, d);
    expect(rec).toMatchObject({ topic: 'rx-calcium-carbonate-ppi', indicator: 'info', reasons: ['ppi-user'] });
    expect(rec?.evidence).toEqual([d.ref, ppi.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'calcium-citrate', recommended: true, replaces: { draft: d.ref, mode: 'update' } }]);
  });

  it('offers vitamin D3 alongside when the carbonate product also holds D3 (citrate alone would drop it)', () => {
    const d = draft('calcium-carbonate', { identity: { alsoContains: ['colecalciferol'] } });
    const rec = judge({ medications: [medication('ppi', '2025-03-01')] }, d);
    expect(rec).toMatchObject({ withVitaminD: 'offered', selectionBehavior: 'any' });
    expect(rec?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'calcium-citrate', recommended: true, replaces: { draft: d.ref, mode: 'update' } },
      { kind: 'prescribe', drug: 'colecalciferol', recommended: true },
    ]);
  });

  it('offers no second D3 when plain vitamin D3 is already taken (card l. 98: 20–40 µg)', () => {
    const d = draft('calcium-carbonate', { identity: { alsoContains: ['colecalciferol'] } });
    const rec = judge({ medications: [medication('ppi', '2025-03-01'), medication('colecalciferol', '2025-01-01')] }, d);
    expect(rec).toMatchObject({ withVitaminD: 'covered', selectionBehavior: 'at-most-one' });
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'calcium-citrate', recommended: true, replaces: { draft: d.ref, mode: 'update' } }]);
  });

  it('counts a PPI ordered in the same basket, even unselected', () => {
    const ppi = draft('ppi', { selected: false });
    expect(judge({}, draft('calcium-carbonate'), [ppi])?.evidence).toContain(ppi.ref);
  });

  it('is silent with a stopped PPI, for calcium citrate, and outside the population', () => {
    expect(judge({ medications: [medication('ppi', '2025-03-01', { status: 'stopped' })] }, draft('calcium-carbonate'))).toBeUndefined();
    expect(judge({ medications: [medication('ppi', '2025-03-01')] }, draft('calcium-citrate'))).toBeUndefined();
    expect(judge({ age: 45, medications: [medication('ppi', '2025-03-01')] }, draft('calcium-carbonate'))).toBeUndefined();
  });
});
