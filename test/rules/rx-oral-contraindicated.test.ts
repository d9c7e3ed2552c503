import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxOralContraindicated } from '../../src/rules/prescribing/rx-oral-contraindicated.js';
import { calcium, condition, course, ctxOf, draft, egfr, intolerance, medication, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxOralContraindicated(ctxOf(patient({ age: 70, ...input, drafts: [d] })), d);

describe('rx-oral-contraindicated (card l. 22 "2. Valg (parenteral) Ved kontraindikation (fx ulcus)")', () => {
  it('warns against alendronate with an active peptic ulcer and offers denosumab biosimilar or zoledronic acid in its place', () => {
    const d = draft('alendronate');
    const ulcer = condition('peptic-ulcer');
    const rec = judge({ conditions: [ulcer] }, d);
    expect(rec).toMatchObject({ topic: 'rx-oral-contraindicated', indicator: 'warning', reasons: ['ulcer'], selectionBehavior: 'at-most-one' });
    expect(rec?.evidence).toEqual([d.ref, ulcer.ref]);
    expect(rec?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, replaces: { draft: d.ref, mode: 'delete-create' } },
      { kind: 'referral', to: 'zoledronic-acid', replacesDraft: d.ref },
    ]);
  });

  it('with the second choice already in the basket (alendronate and Obodence drafted together) only removes the tablet: no second denosumab order', () => {
    const aln = draft('alendronate');
    const dmab = draft('denosumab');
    const rec = rxOralContraindicated(ctxOf(patient({ age: 70, conditions: [condition('peptic-ulcer')], drafts: [aln, dmab] })), aln);
    expect(rec).toMatchObject({ reasons: ['ulcer'], parenteralDrafted: 'denosumab' });
    expect(rec?.suggestions).toEqual([{ kind: 'remove-draft', draft: aln.ref, recommended: true }]);
    // An oncology dose (Xgeva 120 mg) is no second choice for osteoporosis.
    const xgeva = draft('denosumab', { doseMgPerAdministration: 120 });
    const beside = rxOralContraindicated(ctxOf(patient({ age: 70, conditions: [condition('peptic-ulcer')], drafts: [aln, xgeva] })), aln);
    expect(beside).not.toHaveProperty('parenteralDrafted');
  });

  it('with the latest eGFR ≤ 35 offers neither zoledronic acid nor a denosumab start: the endocrinology referral takes the draft\'s place (eGFR 36 keeps the second choice)', () => {
    const d = draft('alendronate');
    const low = judge({ conditions: [condition('peptic-ulcer')], labs: { egfr: [egfr(35, '2026-10-01')] } }, d);
    expect(low).toMatchObject({ indicator: 'warning', reasons: ['ulcer'], egfrLow: true });
    expect(low?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: d.ref }]);
    const fine = judge({ conditions: [condition('peptic-ulcer')], labs: { egfr: [egfr(36, '2026-10-01')] } }, d);
    expect(fine?.egfrLow).toBeUndefined();
    expect(fine?.suggestions?.map((s) => s.kind)).toEqual(['prescribe', 'referral']);
  });

  it('with denosumab injected < 5 months ago (or zoledronic acid < 11 months) the second choice is running: the suggestion removes the draft', () => {
    const d = draft('alendronate');
    const ulcer = condition('peptic-ulcer');
    const recent = judge({ conditions: [ulcer], courses: [course('denosumab', '2025-02-26', { lastDose: '2026-08-26' })] }, d);
    expect(recent).toMatchObject({ reasons: ['ulcer'], onParenteral: 'denosumab' });
    expect(recent?.suggestions).toEqual([{ kind: 'remove-draft', draft: d.ref }]);
    expect(judge({ conditions: [ulcer], courses: [course('zoledronic-acid', '2026-02-01', { lastDose: '2026-02-01' })] }, d)?.onParenteral).toBe('zoledronic-acid');
    // The next injection is near (5 months on): the denosumab order is the next dose, offered as before.
    const due = judge({ conditions: [ulcer], courses: [course('denosumab', '2025-02-26', { lastDose: '2026-06-26' })] }, d);
    expect(due?.onParenteral).toBeUndefined();
    expect(due?.suggestions?.[0]).toMatchObject({ kind: 'prescribe', drug: 'denosumab-biosimilar' });
  });

  it('counts a healed ulcer within 12 months: healed 2025-11-26 (12 months before 2026-11-26) counts, 2025-11-25 does not', () => {
    expect(judge({ conditions: [condition('peptic-ulcer', { active: false, abatement: '2025-11-26' })] }, draft('alendronate'))?.reasons).toEqual(['ulcer']);
    expect(judge({ conditions: [condition('peptic-ulcer', { active: false, abatement: '2025-11-25' })] }, draft('alendronate'))).toBeUndefined();
  });

  it('names oesophageal disease and inability to stay upright together', () => {
    const rec = judge({ conditions: [condition('oesophageal-disorder'), condition('cannot-stay-upright')] }, draft('risedronate'));
    expect(rec?.reasons).toEqual(['oesophageal-disease', 'cannot-stay-upright']);
  });

  it('does not treat non-adherence or swallowing difficulty as contraindications', () => {
    expect(judge({ conditions: [condition('non-adherence'), condition('dysphagia')] }, draft('alendronate'))).toBeUndefined();
  });

  it('a recorded intolerance to an oral bisphosphonate bars a start (card l. 22 "utålelige bivirkninger"): the second choice, reason intolerance [choice]', () => {
    const i = intolerance('alendronate', '2019-01-01');
    const rec = judge({ intolerances: [i] }, draft('alendronate'));
    expect(rec).toMatchObject({ topic: 'rx-oral-contraindicated', indicator: 'warning', reasons: ['intolerance'] });
    expect(rec?.seriousSideEffect).toBeUndefined();
    expect(rec?.findings).toContainEqual({ kind: 'intolerance', drug: 'alendronate', ref: i.ref });
    expect(rec?.evidence).toContain(i.ref);
    expect(rec?.suggestions?.map((x) => x.kind)).toEqual(['prescribe', 'referral']);
    // Risedronate after an alendronate intolerance: the same class, the same bar.
    expect(judge({ intolerances: [i] }, draft('risedronate'))?.reasons).toEqual(['intolerance']);
    // An intolerance to denosumab says nothing about the tablet.
    expect(judge({ intolerances: [intolerance('denosumab', '2019-01-01')] }, draft('alendronate'))).toBeUndefined();
  });

  it('a zoledronic acid draft with zoledronic acid (or the bisphosphonates as a class) not tolerated: denosumab in its place, or the endocrinologist [choice]', () => {
    const i = intolerance('zoledronic-acid', '2023-01-01');
    const rec = judge({ intolerances: [i] }, draft('zoledronic-acid'));
    expect(rec).toMatchObject({ topic: 'rx-oral-contraindicated', indicator: 'warning', reasons: ['intolerance'], notOffered: ['zoledronic-acid'] });
    expect(rec?.seriousSideEffect).toBeUndefined();
    expect(rec?.suggestions?.map((x) => (x.kind === 'prescribe' ? x.drug : x.kind === 'referral' ? x.to : x.kind))).toEqual(['denosumab-biosimilar', 'endocrinology']);
    expect(judge({ intolerances: [{ ...intolerance('alendronate'), classOnly: true }] }, draft('zoledronic-acid'))?.reasons).toEqual(['intolerance']);
    // With eGFR ≤ 35: the referral alone.
    expect(judge({ intolerances: [i], labs: { egfr: [egfr(30, '2026-11-01')] } }, draft('zoledronic-acid'))?.suggestions).toEqual([expect.objectContaining({ kind: 'referral', to: 'endocrinology', recommended: true })]);
    // An alendronate intolerance says nothing about the infusion.
    expect(judge({ intolerances: [intolerance('alendronate')] }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('an intolerance the record has outlived does not bar: a renewal of the running course, or an oral course begun after it', () => {
    const i = intolerance('alendronate', '2019-01-01');
    expect(judge({ intolerances: [i], courses: [course('alendronate', '2024-01-01')] }, draft('alendronate'))).toBeUndefined();
    expect(judge({ intolerances: [i], courses: [course('alendronate', '2020-01-01', { status: 'ended', end: '2022-01-01' })] }, draft('alendronate'))).toBeUndefined();
    // A course before the intolerance (the one it ended): the bar stands on a restart.
    expect(judge({ intolerances: [i], courses: [course('alendronate', '2016-01-01', { status: 'ended', end: '2019-01-01' })] }, draft('alendronate'))?.reasons).toEqual(['intolerance']);
  });

  it('does not judge parenteral drafts', () => {
    expect(judge({ conditions: [condition('peptic-ulcer')] }, draft('denosumab'))).toBeUndefined();
  });

  it('with a low latest calcium removes the draft instead of recommending a second-choice start (rx-hypocalcaemia beside it) [choice]', () => {
    const d = draft('alendronate');
    const rec = judge({ conditions: [condition('peptic-ulcer')], labs: { calcium: [calcium(2.0, '2026-11-20')] } }, d);
    expect(rec).toMatchObject({ reasons: ['ulcer'], calciumLow: true });
    expect(rec?.suggestions).toEqual([{ kind: 'remove-draft', draft: d.ref }]);
    expect(judge({ conditions: [condition('peptic-ulcer')], labs: { calcium: [calcium(2.3, '2026-11-20')] } }, d)).not.toHaveProperty('calciumLow');
  });

  it('an atypical femoral fracture or osteonecrosis of the jaw ever recorded: remove the draft for the endocrinology referral, not the second choice', () => {
    for (const concept of ['atypical-femoral-fracture', 'osteonecrosis-of-jaw'] as const) {
      const d = draft('alendronate');
      const c = condition(concept, { active: false, onset: '2019-03-01' });
      const rec = judge({ conditions: [c] }, d);
      expect(rec).toMatchObject({ reasons: ['intolerance'], seriousSideEffect: true, indicator: 'warning' });
      expect(rec?.evidence).toEqual([d.ref, c.ref]);
      expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: d.ref }]);
    }
    // With an ulcer too, both reasons are named; the referral still takes the draft's place.
    const both = judge({ conditions: [condition('peptic-ulcer'), condition('atypical-femoral-fracture')] }, draft('alendronate'));
    expect(both?.reasons).toEqual(['ulcer', 'intolerance']);
    expect(both?.suggestions).toEqual([expect.objectContaining({ kind: 'referral', to: 'endocrinology' })]);
  });

  it('a zoledronic acid draft (a bisphosphonate too) after jaw osteonecrosis or an atypical femoral fracture: the referral in its place; no other barrier, nor denosumab, is judged', () => {
    const d = draft('zoledronic-acid');
    const onj = condition('osteonecrosis-of-jaw', { onset: '2026-09-01' });
    const rec = judge({ courses: [course('zoledronic-acid', '2023-12-01', { lastDose: '2025-12-01' })], conditions: [onj] }, d);
    expect(rec).toMatchObject({ topic: 'rx-oral-contraindicated', reasons: ['intolerance'], seriousSideEffect: true, indicator: 'warning', draft: d.ref });
    expect(rec?.evidence).toEqual([d.ref, onj.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: d.ref }]);
    expect(judge({ conditions: [condition('peptic-ulcer')] }, draft('zoledronic-acid'))).toBeUndefined();
    expect(judge({ conditions: [onj] }, draft('denosumab'))).toBeUndefined();
  });

  it('the tablet that was to follow a denosumab recorded stopped (card l. 81-82 "SKAL anden behandling"): zoledronic acid, recommended; no denosumab restart', () => {
    const d = draft('alendronate');
    const stopped = course('denosumab', '2023-05-05', { lastDose: '2026-05-05', status: 'stopped', stoppedOn: '2026-11-01' });
    const rec = judge({ conditions: [condition('peptic-ulcer')], courses: [stopped] }, d);
    expect(rec).toMatchObject({ reasons: ['ulcer'], afterDenosumabStop: true });
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'zoledronic-acid', recommended: true, replacesDraft: d.ref }]);
    // Denosumab running on schedule (its follow-on due, not stopped): the second choice as usual.
    const due = judge({ conditions: [condition('peptic-ulcer')], courses: [course('denosumab', '2023-05-05', { lastDose: '2026-05-05' })] }, d);
    expect(due).not.toHaveProperty('afterDenosumabStop');
    expect(due?.suggestions?.[0]).toMatchObject({ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true });
  });

  it('with 25-OH-D ≤ 50 (card l. 43) the second choice is offered, not recommended: vitamin D first', () => {
    const d = draft('alendronate');
    const low = vitaminD(35, '2026-11-10');
    const rec = judge({ conditions: [condition('peptic-ulcer')], labs: { vitaminD: [low] } }, d);
    expect(rec).toMatchObject({ vitaminDLow: true, reasons: ['ulcer'] });
    // The vitamin D is the first click (recommended); the second choice stays, for later.
    expect(rec?.suggestions?.slice(0, 2)).toEqual([
      { kind: 'prescribe', drug: 'colecalciferol', recommended: true, replaces: { draft: d.ref, mode: 'delete-create' } },
      { kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: d.ref, mode: 'delete-create' } },
    ]);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'vitamin-d', value: 35 }));
    // A D3 taken or ordered already: no second one.
    const onD3 = judge({ conditions: [condition('peptic-ulcer')], labs: { vitaminD: [low] }, medications: [medication('colecalciferol', '2026-10-01')] }, d);
    expect(onD3?.suggestions?.[0]).toEqual({ kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: d.ref, mode: 'delete-create' } });
    expect(judge({ conditions: [condition('peptic-ulcer')], labs: { vitaminD: [vitaminD(51, '2026-11-10')] } }, d)).not.toHaveProperty('vitaminDLow');
  });

  describe('a renewal at 5-10 years (card l. 185-194 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis …")', () => {
    const years = course('alendronate', '2020-01-01');
    const ulcer = condition('peptic-ulcer');

    it('pause criteria met (hip T −2.0, no fractures): the pause is the recommended option, the second choice offered', () => {
      const d = draft('alendronate');
      const hip = scan('2026-01-01', { 'total-hip': -2.0 });
      const rec = judge({ conditions: [ulcer], courses: [years], dxa: [hip] }, d);
      expect(rec).toMatchObject({ pauseCriteriaMet: true, reasons: ['ulcer'], selectionBehavior: 'at-most-one' });
      expect(rec?.suggestions).toEqual([
        { kind: 'remove-draft', draft: d.ref, pause: true, recommended: true },
        { kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: d.ref, mode: 'delete-create' } },
        { kind: 'referral', to: 'zoledronic-acid', replacesDraft: d.ref },
      ]);
      expect(rec?.evidence).toContain(hip.refs[0]);
    });

    it('hip T −2.5, no hip DXA, a BMD fall, 4 years, 10 years or a restart: the second choice as before', () => {
      const d = draft('alendronate');
      const second = (input: FactsInput) => {
        const rec = judge({ conditions: [ulcer], ...input }, d);
        expect(rec).not.toHaveProperty('pauseCriteriaMet');
        return rec?.suggestions?.[0];
      };
      const recommended = { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, replaces: { draft: d.ref, mode: 'delete-create' } };
      expect(second({ courses: [years], dxa: [scan('2026-01-01', { 'total-hip': -2.5 })] })).toEqual(recommended);
      expect(second({ courses: [years] })).toEqual(recommended);
      expect(second({ courses: [course('alendronate', '2022-01-01')], dxa: [scan('2026-01-01', { 'total-hip': -2.0 })] })).toEqual(recommended);
      expect(second({ courses: [course('alendronate', '2015-01-01')], dxa: [scan('2026-01-01', { 'total-hip': -2.0 })] })).toEqual(recommended);
      expect(second({ courses: [course('alendronate', '2017-01-01', { status: 'ended', end: '2023-01-01' })], dxa: [scan('2026-01-01', { 'total-hip': -2.0 })] })).toEqual(recommended);
      // A significant BMD fall on treatment: a failing treatment is changed, not paused.
      expect(second({ courses: [years], dxa: [scan('2026-01-01', { 'total-hip': -2.0 }, { significantDecrease: true })] })).toEqual(recommended);
    });
  });
});
