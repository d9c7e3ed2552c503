import { describe, expect, it } from 'vitest';
import { glucocorticoidExposure } from '../../src/facts/glucocorticoid.js';
import { draft, factsOf, medicationRequest, TODAY } from '../helpers/facts-builders.js';

describe('draft orders of a prescribing hook', () => {
  it('are classified like the record: drug, dose, selection, start (today when not stated)', () => {
    const d = medicationRequest({ id: 'd1', status: 'draft', rxnorm: '904431', display: 'Alendronic acid 70 MG Oral Tablet', dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
    const other = medicationRequest({ id: 'd2', status: 'draft', atc: 'A12AA04', text: 'Calcium carbonat 500 mg', authoredOn: '2026-06-14' });
    const f = factsOf([], { drafts: [draft(d), draft(other, false)] });
    expect(f.drafts).toEqual([
      {
        ref: 'MedicationRequest/d1',
        identity: expect.objectContaining({ drug: 'alendronate', drugClass: 'oral-bisphosphonate', matchedBy: 'rxnorm', strengthMg: 70 }),
        selected: true,
        dailyDoseMg: 10,
        start: TODAY,
        doseMgPerAdministration: 70,
        intervalDays: 7,
      },
      { ref: 'MedicationRequest/d2', identity: expect.objectContaining({ drug: 'calcium-carbonate' }), selected: false, start: '2026-06-14' },
    ]);
  });

  it('the same order sent twice under one reference is one draft (rules.md section 4: one card per rule and draft order); two different orders under one reference are both judged', () => {
    const d = (text: string) => medicationRequest({ id: 'd1', status: 'draft', atc: 'M05BA04', text, dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
    const other = medicationRequest({ id: 'd2', status: 'draft', atc: 'A12AA04', text: 'Calcium carbonat 500 mg' });
    const same = factsOf([], { drafts: [draft(d('Alendronat 70 mg')), draft(other), draft(d('Alendronat 70 mg'))] });
    expect(same.drafts.map((x) => [x.ref, x.identity?.strengthMg])).toEqual([
      ['MedicationRequest/d1', 70],
      ['MedicationRequest/d2', 500],
    ]);
    // The same order with its keys in another order, or stamped with `meta.lastUpdated`, is the same order.
    const first = d('Alendronat 70 mg');
    const reordered = Object.fromEntries(Object.entries(first).reverse()) as typeof first;
    const stamped = { ...first, meta: { lastUpdated: '2026-11-26T10:00:00+01:00' } };
    expect(factsOf([], { drafts: [draft(first), draft(reordered), draft(stamped)] }).drafts).toHaveLength(1);
    // A weekly and a daily copy: dropping either without a word could hide a critical dose card.
    const differing = factsOf([], { drafts: [draft(d('Alendronat 70 mg')), draft(other), draft(d('Alendronat 35 mg'))] });
    expect(differing.drafts.map((x) => [x.ref, x.identity?.strengthMg])).toEqual([
      ['MedicationRequest/d1', 70],
      ['MedicationRequest/d2', 500],
      ['MedicationRequest/d1', 35],
    ]);
  });

  it('a draft in the record data is not a record: drafts come only from the hook context', () => {
    const f = factsOf([medicationRequest({ status: 'draft', atc: 'M05BA04', authoredOn: '2026-06-15' })]);
    expect(f.medications).toEqual([]);
  });

  it('the order being signed, back in the record\'s own search (same id, stored active before signing), is the draft, not a course of it', () => {
    const order = (status: string) => medicationRequest({ id: 'aln-new', status, atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: TODAY, dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
    const earlier = medicationRequest({ id: 'aln-2025', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2025-06-01', dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
    const f = factsOf([order('active'), earlier], { drafts: [draft(order('draft'))] });
    expect(f.medications.map((m) => m.ref)).toEqual(['MedicationRequest/aln-2025']);
    expect(f.drafts.map((d) => d.ref)).toEqual(['MedicationRequest/aln-new']);
  });

  it('an order written before the draft that carries its id is the order the draft renews in place: the course, kept', () => {
    const running = medicationRequest({ id: 'rx-aln', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2020-11-01', dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
    const renewal = medicationRequest({ id: 'rx-aln', status: 'draft', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: TODAY, dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
    expect(factsOf([running], { drafts: [draft(renewal)] }).medications.map((m) => [m.ref, m.start])).toEqual([['MedicationRequest/rx-aln', '2020-11-01']]);
  });

  it('planned duration: supply × (1 + repeats), validity, dosage bounds, quantity ÷ daily units', () => {
    const days = (o: Parameters<typeof medicationRequest>[0]) => factsOf([], { drafts: [draft(medicationRequest({ status: 'draft', authoredOn: TODAY, ...o }))] }).drafts[0]?.durationDays;
    expect(days({ atc: 'H02AB06', supply: { value: 30, unit: 'd' }, repeats: 2 })).toBe(90);
    expect(days({ atc: 'H02AB06', supply: { value: 3, unit: 'mo' } })).toBe(92); // 15 Jun → 14 Sep
    expect(days({ atc: 'H02AB06', validity: { start: TODAY, end: '2026-07-14' } })).toBe(30);
    expect(days({ atc: 'H02AB06', text: 'Prednisolon 5 mg', quantity: { value: 60, unit: 'stk' }, dose: { value: 2, unit: 'stk' } })).toBe(30);
    expect(days({ atc: 'H02AB06' })).toBeUndefined();
  });

  it('planned duration from the dosage text too ("i 3 måneder", "for 14 days"): the longest plan counts', () => {
    const withText = (text: string, o: Parameters<typeof medicationRequest>[0] = {}) =>
      factsOf([], { drafts: [draft({ ...medicationRequest({ status: 'draft', authoredOn: TODAY, atc: 'H02AB06', text: 'Prednisolon 5 mg', ...o }), dosageInstruction: [{ text }] })] }).drafts[0];
    // 15 Jun + 3 calendar months: 14 Sep, 92 days — the "3 mdr." of the card's footnote.
    expect(withText('2 tabl. à 5 mg dagligt i 3 måneder')).toMatchObject({ dailyDoseMg: 10, durationDays: 92 });
    expect(withText('1 tablet daily for 14 days')?.durationDays).toBe(14);
    expect(withText('2 tabletter dagligt x 2 uger')?.durationDays).toBe(14);
    // Two lengths named, or none: unknown; beside a structured supply the longer counts, as for an explicit end.
    expect(withText('2 tabl. dagligt i 3 dage, derefter 1 tabl. i 2 uger')?.durationDays).toBeUndefined();
    expect(withText('2 tabletter dagligt')?.durationDays).toBeUndefined();
    expect(withText('2 tabl. dagligt i 3 måneder', { supply: { value: 30, unit: 'd' } })?.durationDays).toBe(92);
    expect(withText('2 tabl. dagligt i 14 dage', { supply: { value: 30, unit: 'd' } })?.durationDays).toBe(30);
  });

  it('planned duration of a taper in numbered steps (Dosage.sequence): the steps one after another, 40-30-20-10 mg × 7 days = 28 days at 25 mg (700 mg)', () => {
    const step = (sequence: number, mg: number, duration: object) => ({
      sequence,
      timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: duration } },
      doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg' } }],
    });
    const taper = (lines: object[]) => factsOf([], { drafts: [draft({ ...medicationRequest({ status: 'draft', authoredOn: TODAY, atc: 'H02AB06', text: 'Prednisolon 5 mg' }), dosageInstruction: lines })] }).drafts[0];
    const week = { value: 7, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' };
    expect(taper([step(1, 40, week), step(2, 30, week), step(3, 20, week), step(4, 10, week)])).toMatchObject({ dailyDoseMg: 25, durationDays: 28 });
    // A step with no length: the steps give no course length; the first step's own end stands.
    expect(taper([step(1, 40, week), { sequence: 2, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 10, unit: 'mg' } }] }])?.durationDays).toBe(7);
  });

  it('feeds the glucocorticoid exposure of the planned course: prednisolone 5 mg × 2 for 92 days', () => {
    const d = medicationRequest({ id: 'p', status: 'draft', atc: 'H02AB06', text: 'Prednisolon 5 mg', supply: { value: 3, unit: 'mo' }, dose: { value: 2, unit: 'stk' } });
    const f = factsOf([], { drafts: [draft(d)] });
    const order = f.drafts[0];
    expect(order).toMatchObject({ dailyDoseMg: 10, durationDays: 92 });
    const factor = order?.identity?.prednisoloneFactor ?? 1;
    const exposure = glucocorticoidExposure(f.medications, f.today, [{ dailyMg: (order?.dailyDoseMg ?? 0) * factor, startDate: order?.start ?? f.today, durationDays: order?.durationDays ?? 0 }]);
    expect(exposure).toMatchObject({ highDoseThreeMonths: true, meetsThreshold: true, cumulativeMg12Months: 920 });
  });

  it('reads a dosage given only as text ("2 tabletter dagligt") for the daily dose, as the glucocorticoid exposure needs it', () => {
    const d = medicationRequest({ id: 'p', status: 'draft', atc: 'H02AB06', text: 'Prednisolon 5 mg', supply: { value: 3, unit: 'mo' } });
    const withText = { ...d, dosageInstruction: [{ text: '2 tabletter dagligt' }] };
    expect(factsOf([], { drafts: [draft(withText)] }).drafts[0]).toMatchObject({ dailyDoseMg: 10, durationDays: 92, doseMgPerAdministration: 10, intervalDays: 1 });
    // A weekly alendronate tablet written "1 tablet hver morgen" is the daily dosing it says for the dosing check
    // (rx-dose-interval), but no daily dose for the supply: such texts often say only when in the day.
    const aln = { ...medicationRequest({ id: 'a', status: 'draft', rxnorm: '904431', display: 'Alendronic acid 70 MG Oral Tablet' }), dosageInstruction: [{ text: '1 tablet hver morgen' }] };
    const weekly = factsOf([], { drafts: [draft(aln)] }).drafts[0];
    expect(weekly).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 1 });
    expect(weekly?.dailyDoseMg).toBeUndefined();
  });

  it('an unknown drug is a draft without identity', () => {
    const f = factsOf([], { drafts: [draft(medicationRequest({ id: 'x', status: 'draft', text: 'Enalapril 10 mg' }))] });
    expect(f.drafts).toEqual([{ ref: 'MedicationRequest/x', selected: true, start: TODAY }]);
  });
});
