import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxVitaminDLow } from '../../src/rules/prescribing/rx-vitamin-d-low.js';
import { calcium, condition, course, ctxOf, draft, egfr, medication, patient, vitaminD, type FactsInput } from '../helpers/facts.js';
import { evaluatePrescribing } from '../../src/rules/index.js';

const judge = (input: FactsInput, d: DraftOrder, others: readonly DraftOrder[] = []) =>
  rxVitaminDLow(ctxOf(patient({ age: 70, ...input, drafts: [d, ...others] })), d);

describe('rx-vitamin-d-low (card l. 43 "Tjek, at P-25-OH-Vit.D > 50 nmol/L")', () => {
  it('carries the 25-OH-D as the lab reported it (ng/mL), for the summary to show', () => {
    const d = { ...vitaminD(49.92, '2026-11-20'), reported: { value: 20, unit: 'ng/mL' } };
    expect(judge({ labs: { vitaminD: [d] } }, draft('zoledronic-acid'))?.vitaminD).toMatchObject({ value: 49.92, reported: { value: 20, unit: 'ng/mL' } });
  });

  it('warns at 25-OH-D exactly 50 nmol/L and suggests vitamin D3', () => {
    const d = draft('alendronate');
    const v = vitaminD(50, '2026-09-01');
    const rec = judge({ labs: { vitaminD: [v] } }, d);
    expect(rec).toMatchObject({ topic: 'rx-vitamin-d-low', indicator: 'warning', reasons: ['vitamin-d-low'] });
    expect(rec?.evidence).toEqual([d.ref, v.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'colecalciferol', recommended: true }]);
  });

  it('a 25-OH-D reported "<60" or ">30" cannot tell "> 50": no warning; "<51" (whole numbers: 50 or less) warns; a newer "<60" does not hide an older 40 (terminology.md l. 1063)', () => {
    const bound = (value: number, comparator: '<' | '>', date = '2026-10-01') => ({ ...vitaminD(value, date), comparator });
    expect(judge({ labs: { vitaminD: [bound(60, '<')] } }, draft('alendronate'))).toBeUndefined();
    expect(judge({ labs: { vitaminD: [bound(30, '>')] } }, draft('alendronate'))).toBeUndefined();
    expect(judge({ labs: { vitaminD: [bound(51, '<')] } }, draft('alendronate'))?.reasons).toEqual(['vitamin-d-low']);
    const old = vitaminD(40, '2026-06-01');
    expect(judge({ labs: { vitaminD: [bound(60, '<', '2026-11-01'), old] } }, draft('alendronate'))?.evidence).toContain(old.ref);
  });

  it('passes 50.1 nmol/L', () => {
    expect(judge({ labs: { vitaminD: [vitaminD(50.1, '2026-09-01')] } }, draft('alendronate'))).toBeUndefined();
  });

  it('uses the latest value whatever its age and shows its date', () => {
    const rec = judge({ labs: { vitaminD: [vitaminD(38, '2024-02-10')] } }, draft('denosumab'));
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'vitamin-d', value: 38, date: '2024-02-10' }));
  });

  it('proposes no second supplement when vitamin D3 is already current or in the basket', () => {
    const low = { labs: { vitaminD: [vitaminD(40, '2026-09-01')] } };
    const current = judge({ ...low, medications: [medication('colecalciferol', '2026-01-01')] }, draft('alendronate'));
    expect(current).toMatchObject({ reasons: ['vitamin-d-low'], onSupplement: true });
    expect(current?.suggestions).toBeUndefined();
    expect(current?.supplementOrderedNow).toBeUndefined();
    const basket = judge(low, draft('alendronate'), [draft('colecalciferol', { selected: false })]);
    expect(basket?.suggestions).toBeUndefined();
    // Ordered in this basket, not yet taken: the text must not say "already has".
    expect(basket).toMatchObject({ onSupplement: true, supplementOrderedNow: true });
  });

  it('counts vitamin D3 in a combination: a current calcium + D3 tablet, or alendronate + colecalciferol itself', () => {
    const low = { labs: { vitaminD: [vitaminD(40, '2026-09-01')] } };
    const combo = medication('calcium-other', '2026-01-01', { identity: { alsoContains: ['colecalciferol'] } });
    expect(judge({ ...low, medications: [combo] }, draft('alendronate'))?.onSupplement).toBe(true);
    expect(judge(low, draft('alendronate', { identity: { alsoContains: ['colecalciferol'] } }))?.onSupplement).toBe(true);
    expect(judge({ ...low, medications: [medication('calcium-carbonate', '2026-01-01')] }, draft('alendronate'))?.onSupplement).toBe(false);
  });

  it('with the latest calcium high: no vitamin D in one click, the endocrinology referral instead (suspected secondary osteoporosis) [choice]', () => {
    const high = calcium(2.75, '2026-11-01');
    const rec = judge({ labs: { vitaminD: [vitaminD(40, '2026-11-01')], calcium: [high] } }, draft('zoledronic-acid'));
    expect(rec).toMatchObject({ indicator: 'warning', reasons: ['vitamin-d-low'], calciumHigh: true });
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    expect(rec?.evidence).toContain(high.ref);
    // A normal calcium: vitamin D3 as before.
    expect(judge({ labs: { vitaminD: [vitaminD(40, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')] } }, draft('zoledronic-acid'))?.suggestions).toEqual([{ kind: 'prescribe', drug: 'colecalciferol', recommended: true }]);
  });

  it('no card offers vitamin D in one click beside a high calcium (rules/high-calcium.ts): the swallowing card\'s lost D3 says why', () => {
    // Alendronate + colecalciferol with swallowing difficulty: the effervescent tablet loses the D3 (rx-swallowing-difficulty).
    const combo = draft('alendronate', { identity: { alsoContains: ['colecalciferol'] } });
    const input = (ca: number) => patient({ sex: 'female', age: 70, courses: [course('alendronate', '2025-01-01')], labs: { calcium: [calcium(ca, '2026-11-01')], egfr: [egfr(70, '2026-11-01')] }, conditions: [condition('dysphagia')], drafts: [combo] });
    const d3 = (ca: number) => evaluatePrescribing(ctxOf(input(ca))).flatMap((r) => (r.suggestions ?? []).filter((s) => s.kind === 'prescribe' && s.drug === 'colecalciferol'));
    expect(d3(2.4).length).toBeGreaterThan(0);
    expect(d3(2.75)).toEqual([]);
    expect(evaluatePrescribing(ctxOf(input(2.75))).find((r) => r.topic === 'rx-swallowing-difficulty')).toMatchObject({ vitaminDWithheld: true });
  });


  it('does not judge non-antiresorptive drafts', () => {
    expect(judge({ labs: { vitaminD: [vitaminD(20, '2026-09-01')] } }, draft('glucocorticoid'))).toBeUndefined();
  });
});
