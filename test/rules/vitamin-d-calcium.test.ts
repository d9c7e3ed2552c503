import { describe, expect, it } from 'vitest';
import { vitaminDCalcium } from '../../src/rules/initiation/vitamin-d-calcium.js';
import { calcium, course, ctxOf, medication, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';
import { factsOf, medicationStatement as medicationStatementB, observation as observationB, SYS } from '../helpers/facts-builders.js';
import type { UntrustedResource } from '../../src/shared/json.js';

const run = (input: FactsInput) => vitaminDCalcium(ctxOf(patient(input)));
const diagnosed: FactsInput = { age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.8 })] };

describe('vitamin-d-calcium (card l. 96-119: D-vitamin og kalk)', () => {
  it('fires when the diagnosis criteria are met and no vitamin D supplement is recorded, suggesting colecalciferol', () => {
    const rec = run(diagnosed);
    expect(rec).toMatchObject({ topic: 'vitamin-d-calcium', indicator: 'info', reasons: ['no-vitamin-d-supplement'], evidence: ['Patient/p1'] });
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'colecalciferol' }]);
  });

  it('fires below the 70 nmol/L target despite a supplement, with no new order: 69.9 fires, 70 does not', () => {
    const d3 = medication('colecalciferol', '2025-01-01');
    const low = vitaminD(69.9, '2026-10-01');
    const rec = run({ ...diagnosed, medications: [d3], labs: { vitaminD: [low] } });
    expect(rec?.reasons).toEqual(['vitamin-d-below-target']);
    expect(rec?.evidence).toEqual([low.ref, d3.ref]);
    expect(rec).not.toHaveProperty('suggestions');
    expect(run({ ...diagnosed, medications: [d3], labs: { vitaminD: [vitaminD(70, '2026-10-01')] } })).toBeUndefined();
  });

  it('a 25-OH-D reported ">60" on a supplement cannot tell "< 70": no card, as with none; "<60" is below target; "<130" is not read as above 125 (terminology.md l. 1063)', () => {
    const d3 = medication('colecalciferol', '2025-01-01');
    const bound = (value: number, comparator: '<' | '>') => ({ ...vitaminD(value, '2026-10-01'), comparator });
    expect(run({ ...diagnosed, medications: [d3], labs: { vitaminD: [bound(60, '>')] } })).toBeUndefined();
    expect(run({ ...diagnosed, medications: [d3], labs: { vitaminD: [bound(60, '<')] } })?.reasons).toEqual(['vitamin-d-below-target']);
    expect(run({ ...diagnosed, medications: [d3], labs: { vitaminD: [bound(70, '>')] } })).toBeUndefined();
    // No supplement: D3 is offered beside "<130" (it may be 80), withheld beside ">130".
    expect(run({ ...diagnosed, labs: { vitaminD: [bound(130, '<')] } })).not.toHaveProperty('withhold');
    expect(run({ ...diagnosed, labs: { vitaminD: [bound(130, '>')] } })).toMatchObject({ withhold: 'vitamin-d-high' });
  });

  it('below target on a supplement begun less than 3 months before the value: recheck from start + 3 months, not a higher dose (l. 103)', () => {
    const low = vitaminD(40, '2026-10-01');
    // Begun after the value: the value says nothing about it yet.
    const after = run({ ...diagnosed, medications: [medication('colecalciferol', '2026-10-20')], labs: { vitaminD: [low] } });
    expect(after).toMatchObject({ reasons: ['vitamin-d-below-target'], supplementRecheck: { from: '2027-01-20' } });
    expect(after?.supplementRecheck).not.toHaveProperty('now');
    // Begun 2 months 30 days before the value, 3 months have passed by today: recheck now.
    expect(run({ ...diagnosed, medications: [medication('colecalciferol', '2026-07-02')], labs: { vitaminD: [low] } })?.supplementRecheck).toEqual({ from: '2026-10-02', now: true });
    // Exactly 3 months before: the value shows the supplement's effect, the advice is a higher dose.
    expect(run({ ...diagnosed, medications: [medication('colecalciferol', '2026-07-01')], labs: { vitaminD: [low] } })).not.toHaveProperty('supplementRecheck');
  });

  it('does not say "no supplement recorded" when the medication list could not be had (rules.md "Missing data")', () => {
    expect(run({ ...diagnosed, unavailable: ['medicationStatements'] })).toBeUndefined();
    const below = run({ ...diagnosed, unavailable: ['medicationRequests'], labs: { vitaminD: [vitaminD(42, '2026-10-01')] } });
    expect(below).toMatchObject({ reasons: ['vitamin-d-below-target'], supplementUnknown: true });
    // No supplement is known, so none was "recently started": no recheck date.
    expect(below).not.toHaveProperty('supplementRecheck');
    expect(run({ ...diagnosed, unavailable: ['observations'] })?.reasons).toEqual(['no-vitamin-d-supplement']);
  });

  it('names both reasons when the level is low and nothing is taken', () => {
    expect(run({ ...diagnosed, labs: { vitaminD: [vitaminD(42, '2026-10-01')] } })?.reasons).toEqual(['vitamin-d-below-target', 'no-vitamin-d-supplement']);
  });

  it('uses only a current 25-OH-D (180 days): a low value from 2026-05-29 (181 days) does not count', () => {
    const d3 = medication('colecalciferol', '2025-01-01');
    expect(run({ ...diagnosed, medications: [d3], labs: { vitaminD: [vitaminD(40, '2026-05-29')] } })).toBeUndefined();
    expect(run({ ...diagnosed, medications: [d3], labs: { vitaminD: [vitaminD(40, '2026-05-30')] } })?.reasons).toEqual(['vitamin-d-below-target']);
  });

  it('counts a calcium + D3 combination as a supplement, not a calcium salt alone (terminology.md l. 936-949)', () => {
    const combination = medication('calcium-carbonate', '2025-01-01', { identity: { alsoContains: ['colecalciferol'] } });
    expect(run({ ...diagnosed, medications: [combination] })).toBeUndefined();
    // A12AA05 lactate, A12AA20 mixed salts, a US acetate: calcium ('calcium-other') with no vitamin D.
    const rec = run({ ...diagnosed, medications: [medication('calcium-other', '2025-01-01')] });
    expect(rec?.reasons).toEqual(['no-vitamin-d-supplement']);
    expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'colecalciferol' }]);
  });

  it('does not count an active analogue (alfacalcidol, calcitriol: "not routine supplements", l. 936) and shows it', () => {
    const alfacalcidol = medication('active-vitamin-d', '2025-01-01');
    const rec = run({ ...diagnosed, medications: [alfacalcidol] });
    expect(rec?.reasons).toEqual(['no-vitamin-d-supplement']);
    expect(rec?.findings).toEqual([{ kind: 'medication', drug: 'active-vitamin-d', date: '2025-01-01', ref: alfacalcidol.ref }]);
    expect(rec?.evidence).toEqual(['Patient/p1', alfacalcidol.ref]);
    // Beside a D3 supplement it is nothing to name.
    expect(run({ ...diagnosed, medications: [alfacalcidol, medication('colecalciferol', '2025-01-01')] })).toBeUndefined();
  });

  it('does not count calcium carbonate alone or a stopped vitamin D', () => {
    expect(run({ ...diagnosed, medications: [medication('calcium-carbonate', '2025-01-01')] })?.reasons).toEqual(['no-vitamin-d-supplement']);
    expect(run({ ...diagnosed, medications: [medication('colecalciferol', '2024-01-01', { status: 'stopped' })] })?.reasons).toEqual(['no-vitamin-d-supplement']);
  });

  it('adds ppi-user for a current proton pump inhibitor (calcium citrate)', () => {
    const ppi = medication('ppi', '2023-05-01');
    const rec = run({ ...diagnosed, medications: [ppi] });
    expect(rec?.reasons).toEqual(['no-vitamin-d-supplement', 'ppi-user']);
    expect(rec?.evidence).toContain(ppi.ref);
  });

  it('does not fire for a PPI alone when vitamin D is taken and in target', () => {
    expect(run({ ...diagnosed, medications: [medication('ppi', '2023-05-01'), medication('colecalciferol', '2025-01-01')], labs: { vitaminD: [vitaminD(90, '2026-10-01')] } })).toBeUndefined();
  });

  it('also covers a patient on treatment without the diagnosis criteria ("…eller er i behandling")', () => {
    expect(run({ age: 70, courses: [course('alendronate', '2025-06-01')] })?.reasons).toEqual(['no-vitamin-d-supplement']);
  });

  it('does not fire without diagnosis or treatment, or outside the population (a man of 59 on treatment)', () => {
    expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.0 })] })).toBeUndefined();
    expect(run({ sex: 'male', birthDate: '1966-11-27', age: 59, courses: [course('alendronate', '2025-06-01')] })).toBeUndefined();
  });

  it('offers no supplement with hypercalcaemia (2.60 > 2.51, any age), says why, and names the calcium', () => {
    const ca = calcium(2.6, '2025-03-01');
    const rec = run({ ...diagnosed, labs: { calcium: [ca] } });
    expect(rec).toMatchObject({ reasons: ['no-vitamin-d-supplement'], withhold: 'hypercalcaemia' });
    expect(rec).not.toHaveProperty('suggestions');
    expect(rec?.evidence).toContain(ca.ref);
    // 2.51 is the upper limit itself: not raised.
    expect(run({ ...diagnosed, labs: { calcium: [calcium(2.51, '2026-10-01')] } })?.suggestions).toEqual([{ kind: 'prescribe', drug: 'colecalciferol' }]);
  });

  it('offers no D3 above the card\'s 70–125 nmol/L (126 with no supplement recorded), does at 125', () => {
    const rec = run({ ...diagnosed, labs: { vitaminD: [vitaminD(126, '2026-10-01')] } });
    expect(rec).toMatchObject({ reasons: ['no-vitamin-d-supplement'], withhold: 'vitamin-d-high' });
    expect(rec).not.toHaveProperty('suggestions');
    expect(run({ ...diagnosed, labs: { vitaminD: [vitaminD(125, '2026-10-01')] } })?.suggestions).toEqual([{ kind: 'prescribe', drug: 'colecalciferol' }]);
  });
});

describe('vitamin-d-calcium: a dose raise restarts the 3 months (l. 101-103 "… stigning … efter 3 mdr. Tjek tidligst efter 3 mdr.")', () => {
  // NOW 2026-06-15. D3 20 µg daily since 2025-01-01, raised to 40 µg on 2026-02-01.
  const D3 = { atc: 'A11CC05', text: 'D-vitamin 20 mikrogram' } as const;
  const before = medicationStatementB({ id: 'd20', ...D3, status: 'completed', start: '2025-01-01', end: '2026-01-31', dose: { value: 20, unit: 'ug' } });
  const raised = medicationStatementB({ id: 'd40', ...D3, status: 'active', start: '2026-02-01', dose: { value: 40, unit: 'ug' } });
  const spine = observationB({ code: '38267-1', value: -2.8, ucum: '{T-score}', date: '2026-01-10' });
  const vitD = (date: string) => observationB({ code: 'NPU10267', system: SYS.npuOid, value: 55, unit: 'nmol/L', date });
  const judge = (...resources: UntrustedResource[]) => vitaminDCalcium(ctxOf(factsOf(resources)));

  it('a value taken a month after the raise gives the recheck day 3 months after it, not "raise the dose"', () => {
    expect(judge(before, raised, spine, vitD('2026-03-01'))).toMatchObject({ reasons: ['vitamin-d-below-target'], supplementRecheck: { from: '2026-05-01', now: true } });
  });

  it('3 months after the raise, or with no raise, the value shows the dose: no recheck day', () => {
    expect(judge(before, raised, spine, vitD('2026-05-01'))).toMatchObject({ reasons: ['vitamin-d-below-target'] });
    expect(judge(before, raised, spine, vitD('2026-05-01'))).not.toHaveProperty('supplementRecheck');
    const same = medicationStatementB({ id: 'd20b', ...D3, status: 'active', start: '2026-02-01', dose: { value: 20, unit: 'ug' } });
    expect(judge(before, same, spine, vitD('2026-03-01'))).toMatchObject({ reasons: ['vitamin-d-below-target'] });
    expect(judge(before, same, spine, vitD('2026-03-01'))).not.toHaveProperty('supplementRecheck');
  });
});
