import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { predEq } from '../../src/facts/glucocorticoid.js';
import { draftGlucocorticoidExposure } from '../../src/rules/prescribing/glucocorticoid-exposure.js';
import { rxGlucocorticoidBoneProtection } from '../../src/rules/prescribing/rx-glucocorticoid-bone-protection.js';
import { calcium, condition, course, creatinine, ctx as ctxMarker, ctxOf, draft, egfr, glucocorticoid, medication, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder, others: readonly DraftOrder[] = []) =>
  rxGlucocorticoidBoneProtection(ctxOf(patient({ sex: 'female', age: 70, ...input, drafts: [d, ...others] })), d);

const prednisolone = (dailyDoseMg: number, durationDays?: number, extra: Partial<DraftOrder> = {}) =>
  draft('glucocorticoid', { dailyDoseMg, ...(durationDays === undefined ? {} : { durationDays }), ...extra });

describe('glucocorticoid exposure a draft adds (card l. 32-33 footnote *)', () => {
  it('reaches 3 calendar months with 92 days from 2026-11-26 (→ 2027-02-26), not with 89 days', () => {
    const f = patient({ age: 70 });
    expect(draftGlucocorticoidExposure(f, prednisolone(10, 92)).highDoseThreeMonths).toBe(true);
    const short = draftGlucocorticoidExposure(f, prednisolone(10, 89));
    expect(short.highDoseThreeMonths).toBe(false);
    // …but 10 mg × 89 days = 890 mg > 450 mg: the card's yearly limit is reached all the same.
    expect(short.overYearLimit).toBe(true);
    expect(short.addsMg).toBe(890);
  });

  it('never counts exactly 5 mg daily as "> 5 mg", and counts 5.1 mg', () => {
    const f = patient({ age: 70 });
    expect(draftGlucocorticoidExposure(f, prednisolone(5, 92)).highDoseThreeMonths).toBe(false);
    expect(draftGlucocorticoidExposure(f, prednisolone(5.1, 92)).highDoseThreeMonths).toBe(true);
  });

  it('converts to prednisolone equivalents: dexamethasone 1 mg = 6.67 mg; 70 days = 466.9 mg > 450', () => {
    const dexa = draft('glucocorticoid', { dailyDoseMg: 1, durationDays: 70, identity: { prednisoloneFactor: 6.67 } });
    const e = draftGlucocorticoidExposure(patient({ age: 70 }), dexa);
    expect(e.dailyMg).toBeCloseTo(6.67);
    expect(e.overYearLimit).toBe(true);
  });

  it('rounds a draft\'s prednisolone equivalent to 0.01 mg as a record\'s: dexamethasone 0.75 mg is 5 mg (not 5.0025), so 90 days reach neither limit', () => {
    const dexa = (mg: number) => draft('glucocorticoid', { dailyDoseMg: mg, durationDays: 90, identity: { prednisoloneFactor: 6.67 } });
    const f = patient({ age: 70 });
    expect(draftGlucocorticoidExposure(f, dexa(0.75))).toMatchObject({ dailyMg: 5, highDoseThreeMonths: false, overYearLimit: false, reached: false });
    // Patient-view reads the same course, recorded, as 5 mg a day too (facts/glucocorticoid.ts `predEq`).
    expect(predEq(medication('glucocorticoid', '2026-06-01', { dailyDoseMg: 0.75, identity: { prednisoloneFactor: 6.67 } }))).toBe(5);
    expect(draftGlucocorticoidExposure(f, dexa(0.76)).reached).toBe(true);
  });

  it('adds the draft to the record: 300 mg in August + 7.5 mg × 21 days (157.5 mg) = 457.5 mg > 450 within one year', () => {
    const august = medication('glucocorticoid', '2026-08-01', { status: 'completed', end: '2026-08-30', dailyDoseMg: 10 });
    const f = patient({ age: 70, medications: [august], glucocorticoid: glucocorticoid({ cumulativeMg12Months: 300 }) });
    expect(draftGlucocorticoidExposure(f, prednisolone(7.5, 21)).overYearLimit).toBe(true);
    expect(draftGlucocorticoidExposure(f, prednisolone(7.5, 20)).overYearLimit).toBe(false); // 300 + 150 = 450
  });

  it('counts 450 mg within one 12-month window ("på et år"), not the past year plus the coming one', () => {
    // 200 mg in the last days of November 2025, 300 mg planned from today (2026-11-26): no 12-month
    // window holds more than 220 mg of them, although the two sums add up to 500.
    const lastYear = medication('glucocorticoid', '2025-11-27', { status: 'completed', end: '2025-12-01', dailyDoseMg: 40 });
    const f = patient({ age: 70, medications: [lastYear], glucocorticoid: glucocorticoid({ cumulativeMg12Months: 200 }) });
    expect(draftGlucocorticoidExposure(f, prednisolone(10, 30)).overYearLimit).toBe(false);
    // The same 200 mg in October 2026: within a year of the new course, 500 mg > 450.
    const recent = medication('glucocorticoid', '2026-10-01', { status: 'completed', end: '2026-10-05', dailyDoseMg: 40 });
    const g = patient({ age: 70, medications: [recent], glucocorticoid: glucocorticoid({ cumulativeMg12Months: 200 }) });
    expect(draftGlucocorticoidExposure(g, prednisolone(10, 30)).overYearLimit).toBe(true);
  });

  it('counts a continued > 5 mg course from its start: since 2026-09-26, a 30-day renewal ends 2026-12-26 = 3 months', () => {
    const running = medication('glucocorticoid', '2026-09-26', { dailyDoseMg: 10 });
    const f = patient({ age: 70, medications: [running], glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 10, cumulativeMg12Months: 0 }) });
    const e = draftGlucocorticoidExposure(f, prednisolone(10, 30));
    expect(e.continues?.ref).toBe(running.ref);
    expect(e.highDoseThreeMonths).toBe(true);
    expect(draftGlucocorticoidExposure(f, prednisolone(10, 29)).highDoseThreeMonths).toBe(false);
  });

  it('adds nothing for an unknown duration or dose', () => {
    const f = patient({ age: 70 });
    expect(draftGlucocorticoidExposure(f, prednisolone(20)).reached).toBe(false);
    expect(draftGlucocorticoidExposure(f, draft('glucocorticoid', { durationDays: 365 })).reached).toBe(false);
  });
});

describe('rx-glucocorticoid-bone-protection (card l. 32-33: "Ved prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år behandles, hvis t-score < -1,0")', () => {
  it('asks for a DXA and a fasting CTX when 10 mg daily for 92 days (920 mg) is prescribed to a woman of 70 with no DXA', () => {
    const d = prednisolone(10, 92);
    const rec = judge({}, d);
    expect(rec).toMatchObject({ topic: 'rx-glucocorticoid-bone-protection', indicator: 'warning', reasons: ['exposure-threshold', 'no-dxa'], advice: 'dxa' });
    expect(rec?.evidence[0]).toBe(d.ref);
    expect(rec?.suggestions).toEqual([{ kind: 'dxa' }, { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'glucocorticoid', draftAddsMg: 920 }));
  });

  it('counts a calcaneus-only scan as no DXA (terminology.md: not a WHO diagnostic site)', () => {
    const heel = judge({ dxa: [scan('2025-05-01', { other: -0.5 })] }, prednisolone(10, 92));
    expect(heel?.reasons).toEqual(['exposure-threshold', 'no-dxa']);
    expect(heel?.findings).toContainEqual({ kind: 'dxa' });
    expect(judge({ dxa: [scan('2025-05-01', { 'total-hip': -0.5 })] }, prednisolone(10, 92))?.reasons).not.toContain('no-dxa');
  });

  it('gives no card for exactly 5 mg daily for 90 days (450 mg is not "> 450"), a card for 5.1 mg (459 mg)', () => {
    expect(judge({}, prednisolone(5, 90))).toBeUndefined();
    expect(judge({}, prednisolone(5.1, 90))?.reasons).toContain('exposure-threshold');
  });

  it('counts 5 mg daily for 3 calendar months (92 days = 460 mg) through the yearly limit (> 450 mg), though not as "> 5 mg"', () => {
    expect(judge({}, prednisolone(5, 92))?.reasons).toContain('exposure-threshold');
  });

  it('fires for 10 mg daily for 89 days as well as 92 days: 890 mg > 450 mg even without 3 months', () => {
    expect(judge({}, prednisolone(10, 89))).toBeDefined();
    expect(judge({}, prednisolone(10, 92))).toBeDefined();
    expect(judge({}, prednisolone(10, 45))).toBeUndefined(); // 450 mg, not > 450
  });

  it('proposes alendronate when the T-score is below −1.0, and only the threshold at −1.0 with a recent DXA', () => {
    const t = scan('2025-06-01', { 'lumbar-spine': -1.1 });
    const treat = judge({ dxa: [t] }, prednisolone(10, 92));
    expect(treat).toMatchObject({ reasons: ['exposure-threshold', 't-score-below-minus-1'], advice: 'treat' });
    expect(treat?.evidence).toContain(t.refs[0]);
    expect(treat?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'alendronate-tablet', recommended: true },
      { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' },
    ]);
    // What the start rests on comes first, the draft being signed last: a long detail keeps the first lines of its findings.
    expect(treat?.findings.map((f) => f.kind)).toEqual(['t-score', 'glucocorticoid', 'draft']);
    const atLimit = judge({ dxa: [scan('2025-06-01', { 'lumbar-spine': -1.0 })] }, prednisolone(10, 92));
    expect(atLimit).toMatchObject({ reasons: ['exposure-threshold'], advice: 'exposure' });
    expect(atLimit?.suggestions).toBeUndefined();
  });

  it('refers instead of proposing alendronate when oral treatment is barred or eGFR ≤ 35', () => {
    const dxa = [scan('2025-06-01', { 'total-hip': -1.8 })];
    expect(judge({ dxa, conditions: [condition('peptic-ulcer')] }, prednisolone(10, 92))?.suggestions?.[0]).toEqual({ kind: 'referral', to: 'parenteral-treatment', recommended: true });
    expect(judge({ dxa, labs: { egfr: [egfr(30, '2026-10-01')] } }, prednisolone(10, 92))?.suggestions?.[0]).toEqual({ kind: 'referral', to: 'endocrinology', recommended: true });
  });

  it('names what chose the referral (treatWith) in its findings and evidence: the eGFR, the ulcer', () => {
    const dxa = [scan('2025-06-01', { 'total-hip': -1.8 })];
    const ulcer = condition('peptic-ulcer');
    const barred = judge({ dxa, conditions: [ulcer] }, prednisolone(10, 92));
    expect(barred).toMatchObject({ treatWith: 'parenteral', reasons: ['exposure-threshold', 't-score-below-minus-1'] });
    expect(barred?.evidence).toContain(ulcer.ref);
    const e = egfr(30, '2026-10-01');
    const kidney = judge({ dxa, labs: { egfr: [e] } }, prednisolone(10, 92));
    expect(kidney).toMatchObject({ treatWith: 'endocrinology' });
    expect(kidney?.evidence).toContain(e.ref);
    expect(kidney?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', value: 30 }));
    expect(judge({ dxa }, prednisolone(10, 92))).toMatchObject({ treatWith: 'alendronate' });
  });

  it('corrects first (card l. 42-43): no one-click alendronate with a low calcium; D3 recommended and alendronate not with 25-OH-D ≤ 50', () => {
    const dxa = [scan('2025-06-01', { 'total-hip': -1.8 })];
    const low = judge({ dxa, labs: { calcium: [calcium(2.05, '2026-11-01')] } }, prednisolone(10, 92));
    expect(low).toMatchObject({ advice: 'treat', correctFirst: ['hypocalcaemia'], reasons: ['exposure-threshold', 't-score-below-minus-1'] });
    expect(low?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'vitamin-d'] }, { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);

    const d = judge({ dxa, labs: { vitaminD: [vitaminD(50, '2026-11-01')] } }, prednisolone(10, 92));
    expect(d).toMatchObject({ correctFirst: ['vitamin-d-low'] });
    expect(d?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'alendronate-tablet' },
      { kind: 'prescribe', drug: 'colecalciferol', recommended: true },
      { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' },
    ]);
    // 51 nmol/L passes the check ("> 50"); a current D3 supplement is not ordered twice.
    expect(judge({ dxa, labs: { vitaminD: [vitaminD(51, '2026-11-01')] } }, prednisolone(10, 92))?.correctFirst).toBeUndefined();
    const onD3 = judge({ dxa, labs: { vitaminD: [vitaminD(40, '2026-11-01')] }, medications: [medication('colecalciferol', '2026-10-01')] }, prednisolone(10, 92));
    expect(onD3?.suggestions?.map((s) => (s.kind === 'prescribe' ? s.drug : s.kind))).toEqual(['alendronate-tablet', 'lab']);
  });

  it('asks for a new DXA when the last one (T ≥ −1.0) is more than 5 years old, and skips the CTX when a recent one exists', () => {
    const rec = judge({ dxa: [scan('2021-11-25', { 'lumbar-spine': -0.5 })], labs: { boneMarkers: [ctxMarker(0.4, '2026-11-01')] } }, prednisolone(10, 92));
    expect(rec?.reasons).toEqual(['exposure-threshold', 'no-dxa']);
    expect(rec?.suggestions).toEqual([{ kind: 'dxa' }]);
  });

  it('fires on a renewal with unknown duration when the record already meets the footnote', () => {
    const gc = glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true, cumulativeMg12Months: 1200 });
    expect(judge({ glucocorticoid: gc }, prednisolone(10))?.reasons).toContain('exposure-threshold');
    expect(judge({}, prednisolone(10))).toBeUndefined();
  });

  it('counts the basket\'s glucocorticoid orders together, and says it once: two orders of 5 mg for 90 days are 10 mg daily and 900 mg', () => {
    const first = prednisolone(5, 90);
    const second = prednisolone(5, 90);
    // Each alone: 450 mg, exactly 5 mg daily — not the footnote.
    expect(judge({}, first)).toBeUndefined();
    const f = patient({ sex: 'female', age: 70, drafts: [first, second] });
    expect(draftGlucocorticoidExposure(f, first)).toMatchObject({ addsMg: 900, overYearLimit: true, reached: true, withOrders: [second] });
    // Methylprednisolone 4 mg (5 mg prednisolone) with prednisolone 5 mg, both for 92 days: > 5 mg daily for 3 months.
    const methyl = draft('glucocorticoid', { dailyDoseMg: 4, durationDays: 92, identity: { prednisoloneFactor: 1.25 } });
    expect(draftGlucocorticoidExposure(patient({ sex: 'female', age: 70, drafts: [methyl, prednisolone(5, 92)] }), methyl).highDoseThreeMonths).toBe(true);
    const ctx = ctxOf(f);
    const card = rxGlucocorticoidBoneProtection(ctx, first);
    expect(card?.reasons).toContain('exposure-threshold');
    expect(card?.evidence).toContain(second.ref);
    expect(card?.findings).toContainEqual(expect.objectContaining({ kind: 'glucocorticoid', draftAddsMg: 900, draftOrders: 2 }));
    // One message for the basket: the second order gets none of its own.
    expect(rxGlucocorticoidBoneProtection(ctx, second)).toBeUndefined();
    // order-select: the order selected carries it when the earlier one only gives context.
    const context = { ...first, selected: false };
    const selected = ctxOf(patient({ sex: 'female', age: 70, drafts: [context, second] }));
    expect(rxGlucocorticoidBoneProtection(selected, second)?.reasons).toContain('exposure-threshold');
  });

  it('of two orders, the one with a known course carries the card, though an order of unknown duration comes first', () => {
    const open = prednisolone(10);
    const known = prednisolone(10, 100);
    const ctx = ctxOf(patient({ sex: 'female', age: 70, drafts: [open, known] }));
    expect(rxGlucocorticoidBoneProtection(ctx, open)).toBeUndefined();
    const card = rxGlucocorticoidBoneProtection(ctx, known);
    expect(card?.findings).toContainEqual(expect.objectContaining({ kind: 'glucocorticoid', draftAddsMg: 1000 }));
  });

  it('is silent when bone protection runs or is ordered in the same basket, or outside the population', () => {
    expect(judge({ courses: [course('alendronate', '2025-01-01')] }, prednisolone(10, 92))).toBeUndefined();
    expect(judge({ courses: [course('teriparatide', '2026-06-01')] }, prednisolone(10, 92))).toBeUndefined(); // [choice]
    expect(judge({}, prednisolone(10, 92), [draft('alendronate', { selected: false })])).toBeUndefined();
    expect(judge({ age: 45 }, prednisolone(10, 92))).toBeUndefined();
    expect(judge({ sex: 'male', age: 59 }, prednisolone(10, 92))).toBeUndefined();
  });
});

describe('rx-glucocorticoid-bone-protection beside a high calcium (rules.md section 2: suspected secondary osteoporosis) [choice]', () => {
  it('refers to endocrinology instead of starting alendronate or vitamin D', () => {
    const pred = prednisolone(10, 180);
    const rec = rxGlucocorticoidBoneProtection(
      ctxOf(patient({ sex: 'female', age: 70, labs: { calcium: [calcium(2.75, '2026-11-01')], vitaminD: [vitaminD(40, '2026-11-01')] }, dxa: [scan('2026-06-01', { 'lumbar-spine': -1.6 })], drafts: [pred] })),
      pred,
    );
    expect(rec).toMatchObject({ advice: 'treat', treatWith: 'endocrinology', calciumHigh: true });
    expect(rec?.suggestions).toContainEqual({ kind: 'referral', to: 'endocrinology', recommended: true });
    expect(JSON.stringify(rec?.suggestions)).not.toMatch(/alendronate|colecalciferol/);
  });

  it('no eGFR and a creatinine that gives 35 or less: the eGFR first, ordered, and alendronate offered, not pre-selected (as patient-view)', () => {
    const pred = prednisolone(10, 180);
    const rec = rxGlucocorticoidBoneProtection(ctxOf(patient({ sex: 'female', age: 76, labs: { creatinine: [creatinine(230, '2026-11-01')] }, dxa: [scan('2026-06-01', { 'lumbar-spine': -1.6 })], drafts: [pred] })), pred);
    expect(rec).toMatchObject({ advice: 'treat', treatWith: 'alendronate', correctFirst: ['egfr-missing'] });
    expect(rec?.suggestions).toContainEqual({ kind: 'lab', lab: 'egfr' });
    expect(rec?.suggestions).toContainEqual({ kind: 'prescribe', drug: 'alendronate-tablet' });
    const fine = rxGlucocorticoidBoneProtection(ctxOf(patient({ sex: 'female', age: 76, labs: { creatinine: [creatinine(70, '2026-11-01')] }, dxa: [scan('2026-06-01', { 'lumbar-spine': -1.6 })], drafts: [pred] })), pred);
    expect(fine).not.toHaveProperty('correctFirst');
  });

  it('after osteonecrosis of the jaw or an atypical femoral fracture: the referral, no alendronate (as patient-view and the alendronate draft\'s card)', () => {
    const pred = prednisolone(10, 180);
    for (const concept of ['osteonecrosis-of-jaw', 'atypical-femoral-fracture'] as const) {
      const rec = rxGlucocorticoidBoneProtection(
        ctxOf(patient({ sex: 'female', age: 70, conditions: [condition(concept, { onset: '2024-03-01' })], dxa: [scan('2026-06-01', { 'lumbar-spine': -1.6 })], drafts: [pred] })),
        pred,
      );
      expect(rec, concept).toMatchObject({ advice: 'treat', treatWith: 'endocrinology', seriousSideEffect: true });
      expect(rec?.suggestions, concept).toContainEqual({ kind: 'referral', to: 'endocrinology', recommended: true });
      expect(JSON.stringify(rec?.suggestions), concept).not.toMatch(/alendronate/);
      expect(rec?.findings, concept).toContainEqual(expect.objectContaining({ kind: 'condition', concept }));
    }
  });
});
