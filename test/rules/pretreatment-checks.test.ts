import { describe, expect, it } from 'vitest';
import { pretreatmentChecks } from '../../src/rules/initiation/pretreatment-checks.js';
import { evaluatePatientView } from '../../src/rules/index.js';
import type { Measurement } from '../../src/facts/types.js';
import { bmi, calcium, condition, creatinine, ctx, ctxOf, egfr, glucocorticoid, height, medication, p1np, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const run = (input: FactsInput) => pretreatmentChecks(ctxOf(patient(input)));

/** A woman of 70 with T −2.7 and low BMI: treatment-indicated, first choice (alendronate). */
const indicated: FactsInput = { age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.7 })] };
const vitals = { bmi: [bmi(18.2, '2026-06-01')], height: [height(162, '2019-05-01')] };
const goodLabs = () => ({
  egfr: [egfr(62, '2026-10-01')],
  calcium: [calcium(2.35, '2026-10-01')],
  vitaminD: [vitaminD(82, '2026-10-01')],
  boneMarkers: [p1np(48, '2026-10-01')],
});

describe('pretreatment-checks (card l. 41-51: Før start af antiresorptiv behandling)', () => {
  it('does not fire when every check is done and passes', () => {
    expect(run({ ...indicated, vitals, labs: goodLabs() })).toBeUndefined();
  });

  it('asks for a new eGFR when a newer creatinine gives 35 or less (card l. 41 "Tjek, at eGFR > 35"): the eGFR of 62 is no longer current', () => {
    const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), creatinine: [creatinine(250, '2026-10-20')] } });
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab-missing', lab: 'egfr', newerCreatinine: { value: 250, date: '2026-10-20' } }));
    expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'egfr' }]);
    // A creatinine giving more than 35, or taken with the eGFR: nothing to ask.
    expect(run({ ...indicated, vitals, labs: { ...goodLabs(), creatinine: [creatinine(80, '2026-10-20')] } })).toBeUndefined();
    expect(run({ ...indicated, vitals, labs: { ...goodLabs(), creatinine: [creatinine(250, '2026-10-01')] } })).toBeUndefined();
  });

  it('no eGFR and a creatinine that gives 35 or less: the eGFR is asked for with the creatinine named, and the start is not pre-selected', () => {
    const { egfr: _egfr, ...noEgfr } = goodLabs();
    const rec = run({ ...indicated, vitals, labs: { ...noEgfr, creatinine: [creatinine(230, '2026-10-20')] } });
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab-missing', lab: 'egfr', creatinineAtLimit: { value: 230, date: '2026-10-20' } }));
    expect(rec?.evidence.some((r) => r.startsWith('Observation/'))).toBe(true);
    const recs = evaluatePatientView(ctxOf(patient({ ...indicated, sex: 'female', vitals, labs: { ...noEgfr, creatinine: [creatinine(230, '2026-10-20')] } })));
    expect(recs.find((r) => r.topic === 'treatment-indicated')?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }]);
    // The treatment card says the eGFR comes first ("Tag eGFR først").
    expect(recs.find((r) => r.topic === 'treatment-indicated')).toMatchObject({ correctFirst: ['egfr-missing'] });
    // A creatinine that gives more than 35 (or none): eGFR missing, nothing more; the start stays pre-selected.
    const fine = run({ ...indicated, vitals, labs: { ...noEgfr, creatinine: [creatinine(70, '2026-10-20')] } });
    expect(fine?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 90 });
    const start = evaluatePatientView(ctxOf(patient({ ...indicated, sex: 'female', vitals, labs: { ...noEgfr, creatinine: [creatinine(70, '2026-10-20')] } })));
    expect(start.find((r) => r.topic === 'treatment-indicated')?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
  });

  it('does not fire when treatment is not indicated (T-score ≤ −2.5 without risk factor)', () => {
    expect(run({ ...indicated })).toBeUndefined();
  });

  it('lists every missing check as info with a lab order each and the patient as evidence', () => {
    const rec = run({ ...indicated, vitals: { bmi: vitals.bmi } });
    expect(rec).toMatchObject({
      topic: 'pretreatment-checks',
      indicator: 'info',
      reasons: ['egfr-missing', 'calcium-missing', 'vitamin-d-missing', 'baseline-btm-missing', 'height-missing'],
      evidence: ['Patient/p1'],
      selectionBehavior: 'any',
      choice: 'first-choice',
    });
    expect(rec?.suggestions).toEqual([
      { kind: 'lab', lab: 'egfr' },
      { kind: 'lab', lab: 'calcium' },
      { kind: 'lab', lab: 'vitamin-d' },
      { kind: 'lab', lab: 'p1np' },
    ]);
    expect(rec?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 90 });
    expect(rec?.findings).toContainEqual({ kind: 'lab-missing', lab: 'vitamin-d', withinDays: 180 });
  });

  describe('eGFR > 35', () => {
    it('fails at eGFR exactly 35 (warning, evidence the value, re-check ordered, no bone marker for a referral)', () => {
      const e = egfr(35, '2026-10-01');
      const labs = { ...goodLabs(), egfr: [e], boneMarkers: [] };
      const rec = run({ ...indicated, vitals, labs });
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['egfr-low'], evidence: [e.ref], choice: 'referral' });
      expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'egfr' }]);
    });

    it('passes at eGFR 35.1', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), egfr: [egfr(35.1, '2026-10-01')] } })).toBeUndefined();
    });

    it('is current for 90 days: 2026-08-28 is 90 days before 2026-11-26, 2026-08-27 is 91', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), egfr: [egfr(70, '2026-08-28')] } })).toBeUndefined();
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), egfr: [egfr(70, '2026-08-27')] } })?.reasons).toEqual(['egfr-missing']);
    });

    it('keeps an old low eGFR as failed and asks for a current one', () => {
      const old = egfr(31, '2025-01-10');
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), egfr: [old] } });
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['egfr-low', 'egfr-missing'] });
      expect(rec?.evidence).toEqual([old.ref, 'Patient/p1']);
    });
  });

  describe('no hypocalcaemia', () => {
    it('fails for a total calcium of 2.10 mmol/L without a lab range (< 2.15)', () => {
      const ca = calcium(2.1, '2026-10-01');
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [ca] } });
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['hypocalcaemia'], evidence: [ca.ref] });
      expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'calcium' }]);
    });

    it('passes at 2.15 mmol/L (the lower limit itself is normal)', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [calcium(2.15, '2026-10-01')] } })).toBeUndefined();
    });

    it('flags a low ionised calcium taken the same day as a normal total calcium [choice]', () => {
      const ion = calcium(1.1, '2026-10-01', 'ionised');
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [calcium(2.3, '2026-10-01'), ion] } });
      expect(rec?.reasons).toEqual(['hypocalcaemia']);
      expect(rec?.evidence).toEqual([ion.ref]);
    });

    it('keeps an old low calcium as a failed check, as eGFR (README "the newest value whatever its age"): the prescribing hook bars the start on it', () => {
      // TODAY 2026-11-26: 2026-03-01 is outside the 90 days.
      const old = calcium(2.0, '2026-03-01');
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [old] } });
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['hypocalcaemia', 'calcium-missing'] });
      expect(rec?.evidence).toContain(old.ref);
      expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'calcium' }]);
      // An old normal value is only missing.
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [calcium(2.3, '2026-03-01')] } })?.reasons).toEqual(['calcium-missing']);
    });

    it('lets a newer normal value replace an older low one', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [calcium(2.05, '2026-09-01'), calcium(2.3, '2026-10-15')] } })).toBeUndefined();
    });
  });

  describe('P-25-OH-Vit.D > 50', () => {
    it('fails at exactly 50 nmol/L (warning; no immediate re-test, the card checks after 3 months)', () => {
      const d = vitaminD(50, '2026-10-01');
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [d] } });
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['vitamin-d-low'], evidence: [d.ref] });
      expect(rec).not.toHaveProperty('suggestions');
    });

    it('a reported bound that cannot tell ("≥50" may be 50, eGFR "<60" may be 34) is no current value: the check asks for the lab (info), it neither fails nor passes (terminology.md l. 1063)', () => {
      const cases: readonly (readonly [Measurement, Measurement])[] = [
        [{ ...vitaminD(50, '2026-10-01'), comparator: '>=' }, egfr(35, '2026-10-01', { comparator: '>=' })],
        [{ ...vitaminD(60, '2026-10-01'), comparator: '<' }, egfr(60, '2026-10-01', { comparator: '<' })],
        [{ ...vitaminD(30, '2026-10-01'), comparator: '>' }, egfr(30, '2026-10-01', { comparator: '>' })],
      ];
      for (const [d, e] of cases) {
        const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [d], egfr: [e] } });
        expect(rec).toMatchObject({ indicator: 'info', reasons: ['egfr-missing', 'vitamin-d-missing'] });
        expect(rec?.suggestions).toEqual(expect.arrayContaining([{ kind: 'lab', lab: 'egfr' }, { kind: 'lab', lab: 'vitamin-d' }]));
      }
      // A bound that can tell decides: "<51" (whole numbers: 50 or less) and "<36" fail, ">50" and ">35" pass.
      const low = run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [{ ...vitaminD(51, '2026-10-01'), comparator: '<' as const }], egfr: [egfr(36, '2026-10-01', { comparator: '<' })] } });
      expect(low).toMatchObject({ indicator: 'warning', reasons: ['egfr-low', 'vitamin-d-low'] });
      const strict = run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [{ ...vitaminD(50, '2026-10-01'), comparator: '>' as const }], egfr: [egfr(35, '2026-10-01', { comparator: '>' })] } });
      expect(strict).toBeUndefined();
    });

    it('a newer eGFR "<60" makes an older 70 not current (it may contradict it): egfr-missing, not a pass', () => {
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), egfr: [egfr(60, '2026-11-01', { comparator: '<' }), egfr(70, '2026-10-01')] } });
      expect(rec).toMatchObject({ indicator: 'info', reasons: ['egfr-missing'] });
    });

    it('a calcium reported "<2.40" (the range starts at 2.15) cannot tell hypocalcaemia: calcium-missing; "<2.15" is low, ">2.20" is not', () => {
      const bound = (value: number, comparator: '<' | '>') => ({ ...calcium(value, '2026-10-01'), comparator });
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [bound(2.4, '<')] } })).toMatchObject({ indicator: 'info', reasons: ['calcium-missing'] });
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [bound(2.15, '<')] } })).toMatchObject({ indicator: 'warning', reasons: ['hypocalcaemia'] });
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [bound(2.2, '>')] } })).toBeUndefined();
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), calcium: [bound(2.0, '>')] } })).toMatchObject({ indicator: 'info', reasons: ['calcium-missing'] });
    });

    it('on the glucocorticoid indication (diagnosis criteria not met, no vitamin-d-calcium card) offers D3 first, recommended; not beside a supplement', () => {
      const steroid: FactsInput = { age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -1.6 })], glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true }) };
      const rec = run({ ...steroid, vitals, labs: { ...goodLabs(), vitaminD: [vitaminD(45, '2026-10-01')] } });
      expect(rec?.reasons).toEqual(['vitamin-d-low', 'baseline-btm-missing']);
      expect(rec?.suggestions).toContainEqual({ kind: 'prescribe', drug: 'colecalciferol', recommended: true });
      const taking = run({ ...steroid, vitals, medications: [medication('colecalciferol', '2026-01-01')], labs: { ...goodLabs(), vitaminD: [vitaminD(45, '2026-10-01')] } });
      expect(taking?.suggestions ?? []).not.toContainEqual(expect.objectContaining({ drug: 'colecalciferol' }));
    });

    it('passes at 50.1 nmol/L', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [vitaminD(50.1, '2026-10-01')] } })).toBeUndefined();
    });

    it('is current for 180 days: 2026-05-30 is 180 days before 2026-11-26, 2026-05-29 is 181', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [vitaminD(80, '2026-05-30')] } })).toBeUndefined();
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), vitaminD: [vitaminD(80, '2026-05-29')] } })?.reasons).toEqual(['vitamin-d-missing']);
    });
  });

  describe('baseline bone marker (card l. 44 "Mål knoglemarkør ved peroral behandling"; p. 2 l. 140-145)', () => {
    it('asks for P1NP within 90 days: 2026-08-28 counts, 2026-08-27 does not', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), boneMarkers: [p1np(50, '2026-08-28')] } })).toBeUndefined();
      const rec = run({ ...indicated, vitals, labs: { ...goodLabs(), boneMarkers: [p1np(50, '2026-08-27')] } });
      expect(rec).toMatchObject({ indicator: 'info', reasons: ['baseline-btm-missing'] });
      expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'p1np' }]);
    });

    it('accepts a CTX instead of P1NP', () => {
      expect(run({ ...indicated, vitals, labs: { ...goodLabs(), boneMarkers: [ctx(0.5, '2026-10-01')] } })).toBeUndefined();
    });

    it('asks for a fasting CTX (before 10 am) when the patient is on glucocorticoid; P1NP does not count then', () => {
      const gc = glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true });
      const rec = run({ age: 70, glucocorticoid: gc, dxa: [scan('2026-08-12', { 'lumbar-spine': -1.8 })], vitals, labs: goodLabs() });
      expect(rec?.reasons).toEqual(['baseline-btm-missing']);
      expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);
      expect(rec?.findings).toEqual([{ kind: 'lab-missing', lab: 'ctx', withinDays: 90 }]);
    });

    it('is not asked for when parenteral treatment is proposed (second choice)', () => {
      expect(run({ ...indicated, vitals, conditions: [condition('peptic-ulcer')], labs: { ...goodLabs(), boneMarkers: [] } })).toBeUndefined();
    });
  });

  describe('height', () => {
    it('accepts any height ever recorded [choice] and asks for one when none is', () => {
      expect(run({ ...indicated, vitals: { bmi: vitals.bmi, height: [height(160, '2005-01-01')] }, labs: goodLabs() })).toBeUndefined();
      expect(run({ ...indicated, vitals: { bmi: vitals.bmi }, labs: goodLabs() })).toMatchObject({ indicator: 'info', reasons: ['height-missing'], evidence: ['Patient/p1'] });
    });
  });

  it('is a warning when one check fails and others are only missing', () => {
    const rec = run({ ...indicated, vitals: { bmi: vitals.bmi }, labs: { egfr: [egfr(30, '2026-11-01')] } });
    expect(rec?.indicator).toBe('warning');
    expect(rec?.reasons).toEqual(['egfr-low', 'calcium-missing', 'vitamin-d-missing', 'height-missing']);
  });
});
