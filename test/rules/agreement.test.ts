/**
 * rules.md section 6: cards of one answer do not disagree (src/rules/agreement.ts).
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatientView, evaluatePrescribing } from '../../src/rules/index.js';
import { oneClinic } from '../../src/rules/agreement.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import { calcium, condition, course, ctxOf, draft, egfr, fracture, height, intolerance, p1np, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';
import { fiveYears } from './bisphosphonate-pause.helpers.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 72, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.8 })], fractures: [fracture('spine', '2025-01-01')], vitals: { height: [height(162, '2026-01-01')] } };
const treatment = (labs: FactsInput['labs']) => evaluatePatientView(ctxOf(patient({ ...woman, labs }))).find((r) => r.topic === 'treatment-indicated');

describe('agreement between the cards of one answer', () => {
  it('the treatment card says to correct first what the pre-start checks found failed (hypocalcaemia, 25-OH-D ≤ 50)', () => {
    const ok = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    expect(treatment(ok)).not.toHaveProperty('correctFirst');
    expect(treatment({ ...ok, calcium: [calcium(2.14, '2026-11-01')] })).toMatchObject({ correctFirst: ['hypocalcaemia'] });
    expect(treatment({ ...ok, vitaminD: [vitaminD(50, '2026-11-01')] })).toMatchObject({ correctFirst: ['vitamin-d-low'] });
    // eGFR ≤ 35 is a referral, not a correction.
    expect(treatment({ ...ok, egfr: [egfr(30, '2026-11-01')], vitaminD: [vitaminD(40, '2026-11-01')] })).not.toHaveProperty('correctFirst');
  });

  it('a site that hides pretreatment-checks (disabledTopics) still gets "correct first" and no pre-selected start', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.0, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    const recs = evaluatePatientView(ctxOf(patient({ ...woman, labs }), { disabledTopics: ['pretreatment-checks'] }));
    expect(recs.find((r) => r.topic === 'pretreatment-checks')).toBeUndefined();
    const card = recs.find((r) => r.topic === 'treatment-indicated');
    expect(card).toMatchObject({ correctFirst: ['hypocalcaemia'] });
    expect(card?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }]);
  });

  it('hiding a card (disabledTopics) never turns another back to "continue": a hidden switch card still keeps the marker card from saying continue', () => {
    const markers = [p1np(60, '2026-01-05'), p1np(20, '2026-06-10')];
    const input = { sex: 'female' as const, age: 72, courses: [course('alendronate', '2026-01-10')], intolerances: [intolerance('alendronate')], labs: { boneMarkers: markers } };
    const recs = evaluatePatientView(ctxOf(patient(input), { disabledTopics: ['switch-to-parenteral'] }));
    expect(recs.find((r) => r.topic === 'switch-to-parenteral')).toBeUndefined();
    expect(recs.find((r) => r.topic === 'btm-response-adequate')).toMatchObject({ notContinued: 'switch-to-parenteral' });
    // A hidden replacing card replaces nothing: the site does not lose both.
    const inadequate = evaluatePatientView(ctxOf(patient({ ...input, intolerances: [], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(45, '2026-07-25')] } }), { disabledTopics: ['switch-to-parenteral'] }));
    expect(inadequate.map((r) => r.topic)).toContain('btm-response-inadequate');
  });

  it('after a recent fracture the first marker\'s day is said once: by the checks card when it speaks, else by the treatment card', () => {
    const ok = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    const recs = (labs: FactsInput['labs']) => evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, fractures: [fracture('hip', '2026-09-01')], vitals: { height: [height(162, '2026-01-01')] }, labs })));
    const quiet = recs(ok);
    expect(quiet.find((r) => r.topic === 'pretreatment-checks')).toBeUndefined();
    expect(quiet.find((r) => r.topic === 'treatment-indicated')).toMatchObject({ markerAfterFracture: '2027-09-01' });
    const checked = recs({ ...ok, vitaminD: [] });
    expect(checked.find((r) => r.topic === 'pretreatment-checks')?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2027-09-01' });
    expect(checked.find((r) => r.topic === 'treatment-indicated')).not.toHaveProperty('markerAfterFracture');
  });

  it('a start that waits for a correction is offered, not recommended (the EHR must not pre-select it)', () => {
    const ok = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    expect(treatment(ok)?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
    expect(treatment({ ...ok, calcium: [calcium(2.14, '2026-11-01')] })?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }]);
    expect(treatment({ ...ok, vitaminD: [vitaminD(50, '2026-11-01')] })?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }]);
  });

  it('with the latest eGFR ≤ 35 no card offers a bisphosphonate in one click: the endocrinology referral takes its place (card l. 41 "Tjek, at eGFR > 35")', () => {
    const stopped = course('denosumab', '2023-02-15', { lastDose: '2026-05-15', status: 'stopped', stoppedOn: '2026-08-01' });
    const card = (value: number) => evaluatePatientView(ctxOf(patient({ ...woman, courses: [stopped], labs: { egfr: [egfr(value, '2026-11-01')] } }))).find((r) => r.topic === 'denosumab-stopped');
    expect(card(36)?.suggestions).toEqual([
      { kind: 'referral', to: 'zoledronic-acid', recommended: true },
      { kind: 'prescribe', drug: 'alendronate-tablet' },
      { kind: 'referral', to: 'endocrinology' },
    ]);
    // She is an anabolic candidate too: the one referral to the clinic asks that as well (`oneClinic`).
    expect(card(35)?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, alsoAnabolic: true }]);
    expect(card(35)).toMatchObject({ egfrLow: true, reasons: ['no-follow-on-therapy'] });
  });

  it('one endocrinology referral per answer: a marker that does not fall at eGFR ≤ 35 says refer, the referral card carries the order', () => {
    const input = { ...woman, fractures: [], courses: [course('alendronate', '2025-10-01')], labs: { egfr: [egfr(30, '2026-11-01')], boneMarkers: [p1np(60, '2025-09-20'), p1np(50, '2026-08-01')] } };
    const recs = evaluatePatientView(ctxOf(patient(input)));
    expect(recs.map((r) => r.topic)).toEqual(expect.arrayContaining(['btm-response-inadequate', 'endocrinology-referral']));
    const referring = recs.filter((r) => r.suggestions?.some((x) => x.kind === 'referral' && x.to === 'endocrinology') === true);
    expect(referring.map((r) => r.topic)).toEqual(['endocrinology-referral']);
    // A site that hides the referral card (disabledTopics) keeps the referral where it was.
    const hidden = evaluatePatientView(ctxOf(patient(input), { disabledTopics: ['endocrinology-referral'] }));
    expect(hidden.find((r) => r.topic === 'btm-response-inadequate')?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
  });

  it('one DXA order per answer: the 5-year DXA card keeps it, the continue card asking for a hip T-score says so without a second order', () => {
    const performer = { display: 'OUH Osteoporoseklinik' };
    // 5.2 years of alendronate, the only DXA a spine scan from before the course.
    const input = { ...fiveYears({ dxa: [scan('2019-06-01', { 'lumbar-spine': -2.7 }, { performer })] }), courses: [course('alendronate', '2021-09-01')] };
    const recs = evaluatePatientView(ctxOf(patient(input)));
    const dxaOrders = recs.filter((r) => r.suggestions?.some((x) => x.kind === 'dxa') === true);
    expect(dxaOrders.map((r) => r.topic)).toEqual(['dxa-follow-up-due']);
    expect(dxaOrders[0]?.suggestions).toEqual([{ kind: 'dxa', performer }]);
    expect(recs.find((r) => r.topic === 'bisphosphonate-continue')).toMatchObject({ reasons: ['hip-t-score-missing'] });
    expect(recs.find((r) => r.topic === 'bisphosphonate-continue')?.suggestions).toBeUndefined();
    // A site that hides the DXA card (disabledTopics) keeps the DXA on the continue card.
    const hidden = evaluatePatientView(ctxOf(patient(input), { disabledTopics: ['dxa-follow-up-due'] }));
    expect(hidden.find((r) => r.topic === 'bisphosphonate-continue')?.suggestions).toEqual([{ kind: 'dxa', performer }]);
  });

  it('a critical card keeps its own endocrinology referral beside the referral card (denosumab overdue, eGFR ≤ 35)', () => {
    const input = { ...woman, fractures: [], courses: [course('denosumab', '2024-04-20', { lastDose: '2026-04-20' })], labs: { egfr: [egfr(52, '2026-06-01'), egfr(33, '2026-11-25')] } };
    const recs = evaluatePatientView(ctxOf(patient(input)));
    const overdue = recs.find((r) => r.topic === 'denosumab-overdue');
    expect(overdue?.indicator).toBe('critical');
    expect(overdue?.suggestions?.some((x) => x.kind === 'referral' && x.to === 'endocrinology')).toBe(true);
  });

  it('a low calcium holds the oral drug only until corrected: a serious side effect beside it says what it says (not "correct, then go on")', () => {
    const onj = condition('osteonecrosis-of-jaw', { onset: '2026-09-01' });
    const input = { ...woman, fractures: [], courses: [course('alendronate', '2026-03-02')], conditions: [onj], labs: { calcium: [calcium(2.05, '2026-11-15')], boneMarkers: [p1np(100, '2026-02-20'), p1np(60, '2026-06-10')] } };
    const adequate = evaluatePatientView(ctxOf(patient(input))).find((r) => r.topic === 'btm-response-adequate');
    expect(adequate).toMatchObject({ notContinued: 'serious-side-effect' });
    const { conditions: _none, ...lowOnly } = input;
    expect(evaluatePatientView(ctxOf(patient(lowOnly))).find((r) => r.topic === 'btm-response-adequate')).toMatchObject({ notContinued: 'hypocalcaemia' });
  });

  it('an anabolic candidate beside a critical denosumab card: the injection or follow-on comes first, the anabolic referral is offered, not pre-selected (rules.md §6)', () => {
    const candidate = { sex: 'female' as const, age: 78, dxa: [scan('2026-02-01', { 'lumbar-spine': -3.0 })], fractures: [fracture('hip', '2026-09-01')] };
    const stopped = course('denosumab', '2023-03-01', { lastDose: '2025-09-01', status: 'stopped', stoppedOn: '2025-10-01' });
    const recs = evaluatePatientView(ctxOf(patient({ ...candidate, courses: [stopped] })));
    expect(recs.find((r) => r.topic === 'denosumab-stopped')).toMatchObject({ indicator: 'critical', anabolicCandidate: true });
    const anabolic = recs.find((r) => r.topic === 'anabolic-treatment-consideration');
    expect(anabolic).toMatchObject({ afterDenosumab: 'stopped' });
    expect(anabolic?.suggestions?.some((x) => 'recommended' in x && x.recommended === true)).toBe(false);
    const overdue = evaluatePatientView(ctxOf(patient({ ...candidate, courses: [course('denosumab', '2023-03-01', { lastDose: '2026-03-01' })] })));
    expect(overdue.find((r) => r.topic === 'denosumab-overdue')).toMatchObject({ anabolicCandidate: true });
    expect(overdue.find((r) => r.topic === 'anabolic-treatment-consideration')).toMatchObject({ afterDenosumab: 'overdue' });
    // Without a critical denosumab card the anabolic referral stands as before.
    const plain = evaluatePatientView(ctxOf(patient({ ...candidate, courses: [course('denosumab', '2023-03-01', { lastDose: '2026-09-01' })] }))).find((r) => r.topic === 'anabolic-treatment-consideration');
    expect(plain).toBeDefined();
    expect(plain).not.toHaveProperty('afterDenosumab');
  });

  it('an anabolic candidate offered the second choice: each start of the alternatives takes the anabolic referral along, the referral alone comes last (rules.md §2 "the start while the specialist decides")', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    const candidate = { sex: 'female' as const, age: 76, dxa: [scan('2026-02-01', { 'lumbar-spine': -2.9 })], fractures: [fracture('spine', '2025-05-20')], labs };
    const treatment = (input: FactsInput) => evaluatePatientView(ctxOf(patient({ ...candidate, ...input }))).find((r) => r.topic === 'treatment-indicated');
    const ulcer = treatment({ conditions: [condition('peptic-ulcer', { onset: '2026-09-05' })] });
    expect(ulcer).toMatchObject({ choice: 'second-choice', anabolicCandidate: true });
    expect(ulcer?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, withAnabolicReferral: true },
      { kind: 'referral', to: 'zoledronic-acid', alsoAnabolic: true },
      { kind: 'referral', to: 'anabolic-treatment' },
    ]);
    // The anabolic card offers it no second time, and says where it is (any click on the treatment card sends it).
    const recs = evaluatePatientView(ctxOf(patient({ ...candidate, conditions: [condition('peptic-ulcer', { onset: '2026-09-05' })] })));
    const anabolic = recs.find((r) => r.topic === 'anabolic-treatment-consideration');
    expect(anabolic).toMatchObject({ referralOnTreatmentCard: true });
    expect(anabolic).not.toHaveProperty('suggestions');
    // Neither parenteral drug tolerated: no start left, the clinic referral (pre-selected) asks the anabolic question.
    const none = evaluatePatientView(ctxOf(patient({ ...candidate, conditions: [condition('peptic-ulcer', { onset: '2026-09-05' })], intolerances: [intolerance('denosumab'), intolerance('zoledronic-acid')] })));
    expect(none.find((r) => r.topic === 'treatment-indicated')?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, alsoAnabolic: true }]);
    expect(none.find((r) => r.topic === 'anabolic-treatment-consideration')).toMatchObject({ referralCombined: true });
    // One start (the first choice): the referral rides beside it as before, nothing combined.
    const first = treatment({});
    expect(first).toMatchObject({ choice: 'first-choice', anabolicCandidate: true });
    expect(first?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
    const beside = evaluatePatientView(ctxOf(patient(candidate))).find((r) => r.topic === 'anabolic-treatment-consideration');
    expect(beside).not.toHaveProperty('referralOnTreatmentCard');
    expect(beside?.suggestions).toEqual([{ kind: 'referral', to: 'anabolic-treatment', recommended: true }]);
  });

  it('one referral to the clinic: beside a recommended endocrinology referral the second-choice starts go without the anabolic referral, which the clinic referral asks (oneClinic)', () => {
    const treatment: Recommendation = {
      topic: 'treatment-indicated',
      indicator: 'warning',
      reasons: ['spine-fracture'],
      evidence: ['Condition/f'],
      findings: [],
      suggestions: [
        { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, withAnabolicReferral: true },
        { kind: 'referral', to: 'zoledronic-acid', alsoAnabolic: true },
        { kind: 'referral', to: 'anabolic-treatment' },
      ],
      selectionBehavior: 'at-most-one',
      choice: 'second-choice',
      anabolicCandidate: true,
    };
    const referral: Recommendation = { topic: 'endocrinology-referral', indicator: 'warning', reasons: ['egfr-falling'], evidence: ['Observation/e'], findings: [], suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }], selectionBehavior: 'any' };
    const [start, clinic] = oneClinic([treatment, referral]);
    expect(start?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
      { kind: 'referral', to: 'zoledronic-acid' },
    ]);
    expect(clinic?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, alsoAnabolic: true }]);
  });

  it('alendronate and denosumab drafted together beside an ulcer: the tablet is removed once, the denosumab draft is not offered for removal', () => {
    const aln = draft('alendronate');
    const dmab = draft('denosumab');
    const labs = { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs, conditions: [condition('peptic-ulcer')], drafts: [aln, dmab] })));
    const removals = recs.flatMap((r) => (r.suggestions ?? []).filter((x) => x.kind === 'remove-draft').map((x) => [r.topic, x.kind === 'remove-draft' ? x.draft : '']));
    expect(removals).toEqual([['rx-oral-contraindicated', aln.ref]]);
    expect(recs.some((r) => r.suggestions?.some((x) => x.kind === 'prescribe' && x.drug === 'denosumab-biosimilar') === true)).toBe(false);
    // The duplicate is the second draft of the basket, the denosumab, whose only double is the tablet
    // the contraindication card removes: no duplicate card stands on either.
    expect(recs.filter((r) => r.topic === 'rx-duplicate-antiresorptive')).toEqual([]);
  });

  it('on alendronate with an ulcer, a renewal and denosumab drafted together: the tablet is removed, the denosumab is the switch (no card removes it)', () => {
    const aln = draft('alendronate');
    const dmab = draft('denosumab');
    const labs = { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs, courses: [course('alendronate', '2023-01-10')], conditions: [condition('peptic-ulcer')], drafts: [aln, dmab] })));
    const removed = recs.flatMap((r) => (r.suggestions ?? []).flatMap((x) => (x.kind === 'remove-draft' ? [x.draft] : [])));
    expect(removed).toEqual([aln.ref]);
    expect(recs.find((r) => r.topic === 'rx-duplicate-antiresorptive' && r.draft === dmab.ref)).toMatchObject({ switchAdvised: true, switchFor: 'oral-contraindicated' });
  });

  it('an inadequate marker fall whose re-check has come: the marker is ordered (btm-follow-up-due), no reminder for a day gone by', () => {
    const input = { sex: 'female' as const, age: 72, courses: [course('alendronate', '2025-10-01')], labs: { boneMarkers: [p1np(60, '2025-09-25'), p1np(50, '2026-08-01')] } };
    const recs = evaluatePatientView(ctxOf(patient(input)));
    expect(recs.find((r) => r.topic === 'btm-follow-up-due')?.suggestions).toEqual([expect.objectContaining({ kind: 'lab' })]);
    expect(recs.find((r) => r.topic === 'btm-response-inadequate')?.suggestions?.some((x) => x.kind === 'reminder')).toBe(false);
    // Before the re-check is due the reminder stays (nothing orders the marker yet).
    const early = evaluatePatientView(ctxOf(patient({ ...input, labs: { boneMarkers: [p1np(60, '2025-09-25'), p1np(50, '2026-10-01')] } })));
    expect(early.find((r) => r.topic === 'btm-response-inadequate')?.suggestions?.[0]).toMatchObject({ kind: 'reminder', due: '2027-01-01' });
  });

  it('the yearly zoledronic acid infusion card holds the infusion at eGFR ≤ 35, beside the referral that says so', () => {
    const zol = course('zoledronic-acid', '2024-12-20', { lastDose: '2025-12-20' });
    const recs = evaluatePatientView(ctxOf(patient({ ...woman, courses: [zol], labs: { egfr: [egfr(30, '2026-11-20')], calcium: [calcium(2.3, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] } })));
    expect(recs.find((r) => r.topic === 'zoledronic-acid-infusion-due')).toMatchObject({ egfrLow: true });
    expect(recs.find((r) => r.topic === 'endocrinology-referral')?.reasons).toContain('egfr-low');
  });

  it('a bone marker that fell does not say "continue treatment" beside the 10-year card or the pause card (rules.md section 3)', () => {
    const markers = (start: string) => [p1np(60, start), p1np(20, '2026-10-01')];
    const adequate = (input: FactsInput) => evaluatePatientView(ctxOf(patient({ sex: 'female', age: 75, ...input }))).find((r) => r.topic === 'btm-response-adequate');
    const tenYears = adequate({ courses: [course('alendronate', '2016-06-01')], labs: { boneMarkers: markers('2016-05-15') }, dxa: [scan('2026-06-01', { 'total-hip': -2.7 })] });
    expect(tenYears).toMatchObject({ notContinued: 'ten-years' });
    const pause = adequate({ courses: [course('alendronate', '2021-06-01')], labs: { boneMarkers: markers('2021-05-15') }, dxa: [scan('2026-06-01', { 'total-hip': -1.9 })] });
    expect(pause).toMatchObject({ notContinued: 'pause-candidate' });
    const early = adequate({ courses: [course('alendronate', '2024-06-01')], labs: { boneMarkers: markers('2024-05-15') }, dxa: [scan('2026-06-01', { 'total-hip': -1.9 })] });
    expect(early).toBeDefined();
    expect(early?.notContinued).toBeUndefined();
  });

  it('a bone marker due beside a hold (eGFR ≤ 35), a switch (intolerance) or a serious side effect: no "continue", no marker ordered', () => {
    const due = (input: FactsInput) => evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', '2026-07-01')], ...input }))).find((r) => r.topic === 'btm-follow-up-due');
    const held = due({ labs: { egfr: [egfr(33, '2026-11-01')] } });
    expect(held).toMatchObject({ notContinued: 'egfr-low' });
    expect(held).not.toHaveProperty('suggestions');
    expect(due({ intolerances: [intolerance('alendronate')] })).toMatchObject({ notContinued: 'switch-to-parenteral' });
    const plain = due({ labs: { egfr: [egfr(60, '2026-11-01')] } });
    expect(plain).not.toHaveProperty('notContinued');
    expect(plain?.suggestions).toHaveLength(1);
  });

  it('a bone marker due at 6 or 11 years (none ever taken) does not say "> 30 %: continue" beside the pause or 10-year card', () => {
    const due = (start: string, hip: number) => evaluatePatientView(ctxOf(patient({ sex: 'female', age: 75, courses: [course('alendronate', start)], dxa: [scan('2026-06-01', { 'total-hip': hip })] }))).find((r) => r.topic === 'btm-follow-up-due');
    expect(due('2020-09-01', -2.0)).toMatchObject({ notContinued: 'pause-candidate' });
    expect(due('2015-09-01', -2.7)).toMatchObject({ notContinued: 'ten-years' });
    expect(due('2025-09-01', -2.0)).not.toHaveProperty('notContinued');
  });

  it('no "continue treatment" beside the referral for osteonecrosis of the jaw or an atypical femoral fracture on treatment', () => {
    const recs = evaluatePatientView(ctxOf(patient({ sex: 'female', age: 75, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2026-06-01', { 'total-hip': -2.7 })], conditions: [condition('atypical-femoral-fracture', { onset: '2026-08-01' })] })));
    expect(recs.find((r) => r.topic === 'endocrinology-referral')).toMatchObject({ seriousSideEffect: true });
    expect(recs.find((r) => r.topic === 'bisphosphonate-continue')).toMatchObject({ notContinued: 'serious-side-effect' });
  });

  it('no "give the yearly zoledronic acid infusion now" beside "hold the bisphosphonate" for osteonecrosis of the jaw on zoledronic acid', () => {
    const onZoledronic = { sex: 'female' as const, age: 76, courses: [course('zoledronic-acid', '2023-12-01', { lastDose: '2025-12-01' })], dxa: [scan('2026-06-01', { 'total-hip': -2.7 })] };
    const due = evaluatePatientView(ctxOf(patient(onZoledronic)));
    expect(due.map((r) => r.topic)).toContain('zoledronic-acid-infusion-due');
    const held = evaluatePatientView(ctxOf(patient({ ...onZoledronic, conditions: [condition('osteonecrosis-of-jaw', { onset: '2026-09-01' })] })));
    expect(held.find((r) => r.topic === 'endocrinology-referral')).toMatchObject({ seriousSideEffect: true });
    expect(held.map((r) => r.topic)).not.toContain('zoledronic-acid-infusion-due');
  });

  it('prescribing: two critical cards of one draft do not both remove it (accepting both sent two deletes)', () => {
    const d = draft('alendronate');
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { egfr: [egfr(30, '2026-11-20')], calcium: [calcium(2.05, '2026-11-20')], vitaminD: [vitaminD(60, '2026-11-20')] }, drafts: [d] })));
    const egfrCard = recs.find((r) => r.topic === 'rx-egfr-too-low');
    const calciumCard = recs.find((r) => r.topic === 'rx-hypocalcaemia');
    expect(egfrCard?.suggestions).toContainEqual(expect.objectContaining({ kind: 'referral', replacesDraft: d.ref }));
    expect(calciumCard?.suggestions?.some((s) => s.kind === 'remove-draft')).toBe(false);
    expect(calciumCard?.suggestions).toContainEqual(expect.objectContaining({ kind: 'labs' }));
    // Alone, the calcium card removes the draft.
    const alone = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { egfr: [egfr(70, '2026-11-20')], calcium: [calcium(2.05, '2026-11-20')] }, drafts: [d] })));
    expect(alone.find((r) => r.topic === 'rx-hypocalcaemia')?.suggestions).toContainEqual({ kind: 'remove-draft', draft: d.ref });
  });

  it('prescribing: the referral the critical eGFR card carries is not offered again on the ulcer card of the same draft (one click, one order)', () => {
    const d = draft('alendronate');
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { egfr: [egfr(33, '2026-11-01')] }, conditions: [condition('peptic-ulcer')], drafts: [d] })));
    const referral = { kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: d.ref };
    expect(recs.find((r) => r.topic === 'rx-egfr-too-low')?.suggestions).toEqual([referral]);
    const ulcer = recs.find((r) => r.topic === 'rx-oral-contraindicated');
    expect(ulcer).toMatchObject({ egfrLow: true, reasons: ['ulcer'] });
    expect(ulcer).not.toHaveProperty('suggestions');
    expect(ulcer).not.toHaveProperty('selectionBehavior');
    // With eGFR 40 the ulcer card keeps its own second-choice suggestions.
    const fine = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { egfr: [egfr(40, '2026-11-01')] }, conditions: [condition('peptic-ulcer')], drafts: [d] })));
    expect(fine.find((r) => r.topic === 'rx-oral-contraindicated')?.suggestions).toHaveLength(2);
  });

  it('a wrong dose of a drug barred for the draft (eGFR ≤ 35, oral contraindication): rx-dose-interval says so and offers no correction that would keep the drug', () => {
    const daily = draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 });
    const dose = (input: Partial<FactsInput>) => evaluatePrescribing(ctxOf(patient({ ...woman, ...input, drafts: [daily] }))).find((r) => r.topic === 'rx-dose-interval');
    const barredByEgfr = dose({ labs: { egfr: [egfr(30, '2026-11-01')] } });
    expect(barredByEgfr).toMatchObject({ indicator: 'critical', reasons: ['too-frequent'], barred: 'rx-egfr-too-low' });
    expect(barredByEgfr).not.toHaveProperty('suggestions');
    expect(dose({ labs: { egfr: [egfr(60, '2026-11-01')] }, conditions: [condition('peptic-ulcer')] })).toMatchObject({ barred: 'rx-oral-contraindicated' });
    // A low calcium: not now — rx-hypocalcaemia removes the order, so no "correct it" beside it.
    const barredByCalcium = dose({ labs: { egfr: [egfr(60, '2026-11-01')], calcium: [calcium(2.0, '2026-11-20')] } });
    expect(barredByCalcium).toMatchObject({ barred: 'rx-hypocalcaemia' });
    expect(barredByCalcium).not.toHaveProperty('suggestions');
    // Not barred: the correction to once weekly stays, recommended.
    const fine = dose({ labs: { egfr: [egfr(60, '2026-11-01')] } });
    expect(fine).not.toHaveProperty('barred');
    expect(fine?.suggestions).toHaveLength(1);
  });

  it('Prolia dosed yearly: the biosimilar switch carries the schedule correction, so neither click leaves the order yearly', () => {
    const prolia = draft('denosumab', { identity: { brandProlia: true }, doseMgPerAdministration: 60, intervalDays: 365 });
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { calcium: [calcium(2.4, '2026-11-20')] }, drafts: [prolia] })));
    const fix = recs.find((r) => r.topic === 'rx-denosumab-schedule')?.suggestions?.find((s) => s.kind === 'fix-schedule');
    expect(fix).toMatchObject({ schedule: 'six-monthly', doseMg: 60 });
    expect(recs.find((r) => r.topic === 'rx-denosumab-biosimilar')?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, replaces: { draft: prolia.ref, mode: 'update' }, schedule: { schedule: 'six-monthly', doseMg: 60 } },
    ]);
    // Dosed right: the switch keeps the draft's own dosage.
    const right = draft('denosumab', { identity: { brandProlia: true }, doseMgPerAdministration: 60, intervalDays: 182.625 });
    const fine = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { calcium: [calcium(2.4, '2026-11-20')] }, drafts: [right] })));
    expect(fine.find((r) => r.topic === 'rx-denosumab-biosimilar')?.suggestions?.[0]).not.toHaveProperty('schedule');
  });

  it('a significant BMD fall on treatment (endocrinology-referral bmd-fall): the pause candidate says no pause and sets no pause reminder', () => {
    const years = course('alendronate', '2020-06-01');
    const hip = (significantDecrease: boolean) => scan('2026-06-01', { 'total-hip': -2.0 }, { significantDecrease });
    const pause = (significantDecrease: boolean) =>
      evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [years], dxa: [hip(significantDecrease)] }))).find((r) => r.topic === 'bisphosphonate-pause-candidate');
    expect(pause(false)).not.toHaveProperty('notPaused');
    expect(pause(false)?.suggestions).toHaveLength(1);
    expect(pause(true)).toMatchObject({ notPaused: 'treatment-failure', reasons: ['five-years'] });
    expect(pause(true)).not.toHaveProperty('suggestions');
  });

  it('the 5-year DXA due beside a pause candidate resting on an older scan: the pause waits for it, no "DXA in 2 years" reminder', () => {
    // Alendronate from 2020-06-01: the 5-year mark 2025-06-01; the hip scan of 2025-01-10 is before it.
    const years = course('alendronate', '2020-06-01');
    const run = (scanDate: string) => evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [years], dxa: [scan(scanDate, { 'total-hip': -2.0 })] })));
    const before = run('2025-01-10');
    expect(before.find((r) => r.topic === 'dxa-follow-up-due')?.reasons).toEqual(['five-year-dxa']);
    const pause = before.find((r) => r.topic === 'bisphosphonate-pause-candidate');
    expect(pause).toMatchObject({ dxaFirst: '2025-01-10', reasons: ['five-years'] });
    expect(pause).not.toHaveProperty('suggestions');
    // A scan after the mark: no 5-year DXA card, the pause with its reminder as before.
    const after = run('2025-07-01');
    expect(after.find((r) => r.topic === 'dxa-follow-up-due')).toBeUndefined();
    expect(after.find((r) => r.topic === 'bisphosphonate-pause-candidate')).not.toHaveProperty('dxaFirst');
  });

  it('a marker that still does not fall after 5 years (switch-to-parenteral): the pause candidate says no pause (card "Behandlingssvigt": "Manglende suppression af knoglemarkør")', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    const recs = evaluatePatientView(
      ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', '2020-06-01')], dxa: [scan('2026-06-01', { 'total-hip': -2.0 })], labs: { ...labs, boneMarkers: [p1np(50, '2020-05-20'), p1np(40, '2026-03-10'), p1np(39, '2026-09-15')] } })),
    );
    expect(recs.find((r) => r.topic === 'switch-to-parenteral')?.reasons).toEqual(['persistent-insufficient-fall']);
    expect(recs.find((r) => r.topic === 'bisphosphonate-pause-candidate')).toMatchObject({ notPaused: 'treatment-failure' });
  });

  it('a first insufficient marker fall beside the pause candidate: the pause waits for the re-check, with no DXA reminder', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    const run = (latest: number, on = '2026-09-15') =>
      evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', '2021-01-10')], dxa: [scan('2026-06-01', { 'total-hip': -2.0 })], labs: { ...labs, boneMarkers: [p1np(58, '2021-01-05'), p1np(latest, on)] } })));
    const insufficient = run(50);
    expect(insufficient.map((r) => r.topic)).toContain('btm-response-inadequate');
    const pause = insufficient.find((r) => r.topic === 'bisphosphonate-pause-candidate');
    expect(pause).toMatchObject({ notPaused: 'marker-recheck' });
    expect(pause).not.toHaveProperty('suggestions');
    // Its re-check due (the fall measured in July): the marker card asks for it, and says nothing of a pause.
    const due = run(50, '2026-07-01');
    expect(due.find((r) => r.topic === 'btm-follow-up-due')).toMatchObject({ reasons: ['recheck-after-correction'] });
    expect(due.find((r) => r.topic === 'btm-follow-up-due')).not.toHaveProperty('notContinued');
    expect(run(30).find((r) => r.topic === 'bisphosphonate-pause-candidate')).not.toHaveProperty('notPaused');
  });

  it('at eGFR ≤ 35 no marker is ordered beside the pause or the 10-year card: the bisphosphonate is held', () => {
    const labs = { egfr: [egfr(30, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
    for (const start of ['2021-01-10', '2016-01-10']) {
      const recs = evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', start)], dxa: [scan('2026-06-01', { 'total-hip': -2.0 })], labs })));
      const marker = recs.find((r) => r.topic === 'btm-follow-up-due');
      expect(marker, start).toMatchObject({ notContinued: 'egfr-low' });
      expect(marker, start).not.toHaveProperty('suggestions');
    }
  });

  it('the pause candidate beside "hold the bisphosphonate until the endocrinologist answers" (eGFR ≤ 35, osteonecrosis of the jaw): held now, no "DXA in 2 years" of its own', () => {
    const labs = (value: number) => ({ egfr: [egfr(value, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] });
    // Five and a half years, the 5-year DXA taken (2026-10-01, hip −1.9).
    const pause = (input: FactsInput) => evaluatePatientView(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2021-05-26')], ...input })))).find((r) => r.topic === 'bisphosphonate-pause-candidate');
    expect(pause({ labs: labs(36) })).not.toHaveProperty('notPaused');
    expect(pause({ labs: labs(36) })?.suggestions).toEqual([{ kind: 'reminder', what: 'dxa', due: '2028-11-26' }]);
    expect(pause({ labs: labs(35) })).toMatchObject({ notPaused: 'egfr-low', reasons: ['five-years'] });
    expect(pause({ labs: labs(35) })).not.toHaveProperty('suggestions');
    // The eGFR the hold rests on is named.
    expect(pause({ labs: labs(35) })?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', value: 35 }));
    // 34, then a repeat of 38: the referral still holds (repeats below 45), and so does the pause card.
    const repeated = { ...labs(34), egfr: [egfr(38, '2026-11-10'), egfr(34, '2026-10-01')] };
    expect(evaluatePatientView(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2021-05-26')], labs: repeated })))).find((r) => r.topic === 'endocrinology-referral')?.reasons).toContain('egfr-low');
    expect(pause({ labs: repeated })).toMatchObject({ notPaused: 'egfr-low' });
    const jaw = pause({ labs: labs(70), conditions: [condition('osteonecrosis-of-jaw', { onset: '2026-10-01' })] });
    expect(jaw).toMatchObject({ notPaused: 'serious-side-effect', reasons: ['five-years'] });
    expect(jaw).not.toHaveProperty('suggestions');
    expect(jaw?.findings).toContainEqual(expect.objectContaining({ kind: 'condition', concept: 'osteonecrosis-of-jaw' }));
    // Beside a treatment failure too: "do not pause, change the treatment" would say go on giving the held drug.
    const failing = pause({ labs: labs(30), dxa: [scan('2026-10-01', { 'total-hip': -1.9 }, { significantDecrease: true })] });
    expect(failing).toMatchObject({ notPaused: 'egfr-low' });
    expect(pause({ labs: labs(70), dxa: [scan('2026-10-01', { 'total-hip': -1.9 }, { significantDecrease: true })] })).toMatchObject({ notPaused: 'treatment-failure' });
  });

  it('the insufficient marker beside a failure referral or 10 years: no re-check and no start of its own, another card decides', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')], boneMarkers: [p1np(60, '2024-01-05'), p1np(50, '2024-04-20')] };
    const failing = evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', '2024-01-10')], dxa: [scan('2026-06-01', { 'total-hip': -2.6 }, { significantDecrease: true })], labs })));
    expect(failing.find((r) => r.topic === 'endocrinology-referral')?.reasons).toEqual(['bmd-fall']);
    const marker = failing.find((r) => r.topic === 'btm-response-inadequate');
    expect(marker).toMatchObject({ notContinued: 'treatment-failure' });
    expect(marker).not.toHaveProperty('suggestions');
    const decade = evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', '2016-01-10')], dxa: [scan('2026-06-01', { 'total-hip': -2.0 })], labs: { ...labs, boneMarkers: [p1np(58, '2016-01-05'), p1np(50, '2026-09-15')] } })));
    expect(decade.map((r) => r.topic)).toContain('bisphosphonate-ten-years');
    expect(decade.find((r) => r.topic === 'btm-response-inadequate')).toMatchObject({ notContinued: 'ten-years' });
  });

  it('a BMD fall on treatment with an adequate marker: btm-response-adequate does not say continue beside the failure referral', () => {
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')], boneMarkers: [p1np(60, '2024-01-05'), p1np(30, '2024-04-20')] };
    const recs = (significantDecrease: boolean) =>
      evaluatePatientView(ctxOf(patient({ sex: 'female', age: 72, courses: [course('alendronate', '2024-01-10')], dxa: [scan('2026-06-01', { 'total-hip': -2.6 }, { significantDecrease })], labs })));
    expect(recs(true).find((r) => r.topic === 'endocrinology-referral')?.reasons).toEqual(['bmd-fall']);
    expect(recs(true).find((r) => r.topic === 'btm-response-adequate')).toMatchObject({ notContinued: 'treatment-failure' });
    expect(recs(false).find((r) => r.topic === 'btm-response-adequate')).not.toHaveProperty('notContinued');
  });

  it('a T-score measured at 25-OH-D ≤ 50 (vitamin-d-before-dxa): the treatment card says so (tScoreAtLowVitaminD)', () => {
    const smoker = { smoking: { current: true, ref: 'Observation/smoking' } };
    const base = { sex: 'female' as const, age: 72, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.8 })], lifestyle: smoker, vitals: { height: [height(162, '2026-01-01')] } };
    const labs = (atDxa: number) => ({ egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(atDxa, '2026-05-01'), vitaminD(80, '2026-11-01')] });
    const recs = (atDxa: number) => evaluatePatientView(ctxOf(patient({ ...base, labs: labs(atDxa) })));
    expect(recs(40).map((r) => r.topic)).toContain('vitamin-d-before-dxa');
    expect(recs(40).find((r) => r.topic === 'treatment-indicated')).toMatchObject({ tScoreAtLowVitaminD: true });
    expect(recs(60).find((r) => r.topic === 'treatment-indicated')).not.toHaveProperty('tScoreAtLowVitaminD');
    // Resting on that T-score alone, the start is offered, not pre-selected; a spine fracture stands on its own.
    expect(recs(40).find((r) => r.topic === 'treatment-indicated')?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }]);
    expect(recs(60).find((r) => r.topic === 'treatment-indicated')?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
    const fractured = evaluatePatientView(ctxOf(patient({ ...base, fractures: [fracture('spine', '2026-03-01')], labs: labs(40) }))).find((r) => r.topic === 'treatment-indicated');
    expect(fractured?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
  });
});

describe('one click, one order across the cards of a basket (prescribing hooks) [choice]', () => {
  const two = (labs: FactsInput['labs']) => {
    const aln = draft('alendronate');
    const zol = draft('zoledronic-acid');
    return { aln, zol, recs: evaluatePrescribing(ctxOf(patient({ ...woman, labs, drafts: [aln, zol] }))) };
  };
  const all = (recs: readonly { suggestions?: readonly unknown[] }[]) => recs.flatMap((r) => r.suggestions ?? []);

  it('an order that acts on no draft (colecalciferol) is offered once, however many drafts bring it', () => {
    const { recs } = two({ egfr: [egfr(60, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(40, '2026-11-01')] });
    expect(all(recs).filter((s) => (s as { kind: string; drug?: string }).kind === 'prescribe' && (s as { drug?: string }).drug === 'colecalciferol')).toHaveLength(1);
  });

  it('a lab test is ordered once in the basket, whatever note each draft\'s card gives it (before the infusion, none)', () => {
    // Denosumab in use: each draft's duplicate card says "stop it, or remove" and both keep their
    // pre-start checks (as they do drafted alone together: must-not-go-ahead.ts `duplicateRemoval`).
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, courses: [course('denosumab', '2024-01-01', { lastDose: '2026-09-26' })], drafts: [draft('alendronate'), draft('zoledronic-acid')] })));
    expect(new Set(recs.filter((r) => r.topic === 'rx-lab-missing').map((r) => r.draft)).size).toBe(2);
    const ordered = all(recs).flatMap((s) => {
      const spec = s as { kind: string; lab?: string; labs?: readonly string[] };
      return spec.kind === 'lab' && spec.lab !== undefined ? [spec.lab] : spec.kind === 'labs' ? [...(spec.labs ?? [])] : [];
    });
    expect(ordered.filter((lab) => lab === 'calcium')).toHaveLength(1);
    expect(ordered.filter((lab) => lab === 'vitamin-d')).toHaveLength(1);
    expect(new Set(ordered).size).toBe(ordered.length);
    // The eGFR is the creatinine with its calculated eGFR: one kidney test, not an eGFR and a creatinine.
    expect(ordered.filter((lab) => lab === 'egfr' || lab === 'creatinine')).toHaveLength(1);
    expect(ordered).toEqual(expect.arrayContaining(['calcium', 'vitamin-d']));
  });

  it('a referral in place of a draft is the referral offered: a denosumab start beside it gets no second one to the same clinic', () => {
    const aln = draft('alendronate');
    const dmab = draft('denosumab');
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs: { egfr: [egfr(30, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')] }, drafts: [aln, dmab] })));
    const referrals = all(recs).filter((s) => (s as { kind: string; to?: string }).kind === 'referral' && (s as { to?: string }).to === 'endocrinology') as { replacesDraft?: string }[];
    // The critical alendronate card keeps its referral (it takes the draft away); the denosumab card's text still says to agree it with endocrinology.
    expect(referrals).toEqual([expect.objectContaining({ replacesDraft: aln.ref })]);
    expect(recs.map((r) => r.topic)).toEqual(expect.arrayContaining(['rx-egfr-too-low']));
  });

  it('whichever draft comes first: a denosumab start listed before the barred alendronate gets no second referral', () => {
    const labs = { calcium: [calcium(2.75, '2026-11-01')], vitaminD: [vitaminD(40, '2026-11-01')], egfr: [egfr(60, '2026-11-01')] };
    const onj = condition('osteonecrosis-of-jaw', { onset: '2026-09-01' });
    for (const order of [['denosumab', 'alendronate'], ['alendronate', 'denosumab']] as const) {
      const drafts = order.map((d) => draft(d));
      const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs, conditions: [onj], drafts })));
      const referrals = all(recs).filter((s) => (s as { kind: string; to?: string }).kind === 'referral' && (s as { to?: string }).to === 'endocrinology');
      expect(referrals, order.join(' then ')).toHaveLength(1);
    }
  });

  it('a referral offered only as the alternative to a recommended switch takes no referral from another card', () => {
    // Zoledronic acid not tolerated: "switch to denosumab" recommended, a referral in its place not.
    // The denosumab draft's high calcium still needs its own referral in one click.
    const zol = draft('zoledronic-acid');
    const dmab = draft('denosumab');
    const labs = { calcium: [calcium(2.75, '2026-11-01')], vitaminD: [vitaminD(40, '2026-11-01')], egfr: [egfr(60, '2026-11-01')] };
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs, intolerances: [intolerance('zoledronic-acid', '2025-01-01')], drafts: [zol, dmab] })));
    const plain = all(recs).filter((s) => (s as { kind: string; to?: string; replacesDraft?: string }).kind === 'referral' && (s as { to?: string }).to === 'endocrinology' && (s as { replacesDraft?: string }).replacesDraft === undefined);
    expect(plain).toHaveLength(1);
  });

  it('a draft a critical card removes is not removed again by the duplicate card', () => {
    const { aln, zol, recs } = two({ egfr: [egfr(30, '2026-11-01')] });
    const removals = all(recs).filter((s) => (s as { kind: string }).kind === 'remove-draft') as { draft: string }[];
    expect(removals.filter((s) => s.draft === aln.ref || s.draft === zol.ref)).toEqual([]);
    expect(recs.filter((r) => r.topic === 'rx-egfr-too-low')).toHaveLength(2);
  });
});

describe('a due follow-up DXA beside the pause card (README "Pause after the 5-year DXA")', () => {
  it('the 2-year DXA of a restarted course: the pause waits for it, and says which scan', () => {
    const courses = [course('alendronate', '2016-01-01', { status: 'ended', end: '2018-01-01' }), course('alendronate', '2022-03-01')];
    const recs = evaluatePatientView(ctxOf(patient({ sex: 'female', age: 74, courses, dxa: [scan('2020-06-01', { 'total-hip': -2.1, 'lumbar-spine': -2.3 })] })));
    expect(recs.find((r) => r.topic === 'dxa-follow-up-due')?.reasons).toContain('two-year-dxa');
    const pause = recs.find((r) => r.topic === 'bisphosphonate-pause-candidate');
    expect(pause).toMatchObject({ dxaFirst: '2020-06-01', dueDxa: 'two-year' });
    expect(pause?.suggestions ?? []).toEqual([]);
  });
});
