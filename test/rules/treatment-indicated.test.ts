import { describe, expect, it } from 'vitest';
import { treatmentIndicated } from '../../src/rules/initiation/treatment-indicated.js';
import { bmi, condition, course, ctxOf, egfr, fracture, glucocorticoid, intolerance, patient, scan, type FactsInput } from '../helpers/facts.js';

const run = (input: FactsInput) => treatmentIndicated(ctxOf(patient(input)));

const lowBmi = { bmi: [bmi(18.2, '2026-06-01')] };

describe('treatment-indicated (card l. 26-27, 32-33, 39: indikation for at drøfte behandling)', () => {
  describe('the first marker after a recent fracture (card p. 2 l. 150-152 "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før behandlingsstart. Mål ét år efter fraktur")', () => {
    // TODAY 2026-11-26: 6 months back is 2026-05-26.
    const tScore = { age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.7 })], ...{ vitals: lowBmi } };
    it('an oral start says when the first marker comes, naming the fracture when it is not the indication', () => {
      const rec = run({ ...tScore, fractures: [fracture('other', '2026-05-26', 'high-energy')] });
      expect(rec).toMatchObject({ choice: 'first-choice', markerAfterFracture: '2027-05-26' });
      expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'fracture', site: 'other', anyMechanism: true }));
      expect(rec?.evidence).toEqual(expect.arrayContaining([expect.stringMatching(/^Condition\//)]));
      // The hip fracture that is the indication is named once.
      const hip = run({ age: 70, fractures: [fracture('hip', '2026-09-01', 'low-energy')] });
      expect(hip).toMatchObject({ markerAfterFracture: '2027-09-01' });
      expect(hip?.findings.filter((f) => f.kind === 'fracture')).toHaveLength(1);
    });

    it('not after 6 months, nor before a parenteral start (no marker)', () => {
      expect(run({ ...tScore, fractures: [fracture('other', '2026-05-25', 'high-energy')] })).not.toHaveProperty('markerAfterFracture');
      const ulcer = run({ age: 70, fractures: [fracture('hip', '2026-09-01', 'low-energy')], conditions: [condition('peptic-ulcer', { onset: '2026-09-05' })] });
      expect(ulcer).toMatchObject({ choice: 'second-choice' });
      expect(ulcer).not.toHaveProperty('markerAfterFracture');
    });
  });

  describe('after osteonecrosis of the jaw or an atypical femoral fracture on an antiresorptive (card p. 1 "… meget sjældne, men alvorlige"; referral "Uacceptable bivirkninger")', () => {
    const stoppedForIt = course('alendronate', '2019-03-01', { status: 'stopped', end: '2025-03-01', stoppedOn: '2025-03-01' });
    it('no start in general practice: the endocrinology referral instead, the condition named', () => {
      for (const concept of ['osteonecrosis-of-jaw', 'atypical-femoral-fracture'] as const) {
        const rec = run({ age: 74, dxa: [scan('2026-06-01', { 'total-hip': -2.7 })], vitals: lowBmi, courses: [stoppedForIt], conditions: [condition(concept, { onset: '2025-02-10' })] });
        expect(rec, concept).toMatchObject({ choice: 'referral', suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }] });
        expect(rec?.reasons, concept).toContain('intolerance');
        expect(rec?.findings, concept).toContainEqual(expect.objectContaining({ kind: 'condition', concept }));
      }
    });

    it('also when it came before the treatment on record, or with none on record (the prescribing hook reads it so too)', () => {
      const before = run({ age: 74, dxa: [scan('2026-06-01', { 'total-hip': -2.7 })], vitals: lowBmi, courses: [stoppedForIt], conditions: [condition('osteonecrosis-of-jaw', { onset: '2018-05-01' })] });
      expect(before).toMatchObject({ choice: 'referral' });
      expect(run({ age: 74, dxa: [scan('2026-06-01', { 'total-hip': -2.7 })], vitals: lowBmi, conditions: [condition('osteonecrosis-of-jaw', { onset: '2025-02-10' })] })).toMatchObject({ choice: 'referral' });
      expect(run({ age: 74, dxa: [scan('2026-06-01', { 'total-hip': -2.7 })], vitals: lowBmi })).toMatchObject({ choice: 'first-choice' });
    });
  });

  describe('the indication', () => {
    it('indicates treatment for T-score ≤ −2.5 with an earlier low-energy forearm fracture as the risk factor', () => {
      const rec = run({ age: 68, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.6 })], fractures: [fracture('forearm', '2025-02-01', 'low-energy')] });
      expect(rec?.reasons).toEqual(['t-score-with-risk-factor', 'risk-prior-fracture']);
    });

    it('counts a forearm fracture of unknown mechanism as a possible low-energy one (rules.md section 1: the safer reading), as the anabolic referral does', () => {
      const rec = run({ age: 68, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.7 })], fractures: [fracture('forearm', '2025-02-01', 'unknown')] });
      // Its reason code ends in -possible (rules.md section 1); a known one beside it makes it certain.
      expect(rec?.reasons).toEqual(['t-score-with-risk-factor', 'risk-prior-fracture-possible']);
      const both = run({ age: 68, dxa: [scan('2026-06-01', { 'lumbar-spine': -2.7 })], fractures: [fracture('forearm', '2025-02-01', 'unknown'), fracture('upper-arm', '2024-02-01', 'low-energy')] });
      expect(both?.reasons).toEqual(['t-score-with-risk-factor', 'risk-prior-fracture']);
      expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'fracture', site: 'forearm', possible: true }));
    });

    it('fires for a T-score ≤ −2.5 with a risk factor, naming it, and proposes alendronate 70 mg weekly (first choice)', () => {
      const dxa = scan('2026-08-12', { 'total-hip': -2.7 });
      const facts = patient({ age: 70, dxa: [dxa], vitals: lowBmi });
      const rec = treatmentIndicated(ctxOf(facts));
      expect(rec).toMatchObject({ topic: 'treatment-indicated', indicator: 'warning', reasons: ['t-score-with-risk-factor', 'risk-low-bmi'], choice: 'first-choice', selectionBehavior: 'at-most-one' });
      expect(rec?.evidence).toEqual([dxa.refs[0], facts.vitals.bmi[0]?.ref]);
      expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
    });

    it('meets "T-score ≤ -2,5" at exactly −2.5 and not at −2.4', () => {
      expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.5 })], vitals: lowBmi })?.reasons).toContain('t-score-with-risk-factor');
      expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.4 })], vitals: lowBmi })).toBeUndefined();
    });

    it('does not fire for a T-score ≤ −2.5 without any risk factor (risk-factor-review instead)', () => {
      expect(run({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.9 })] })).toBeUndefined();
    });

    it('fires for a low-energy spine or hip fracture without any DXA', () => {
      const fx = fracture('hip', '2026-02-10');
      expect(run({ age: 75, fractures: [fx] })).toMatchObject({ reasons: ['hip-fracture'], evidence: [fx.ref], choice: 'first-choice' });
    });

    it('fires for a spine fracture of unknown mechanism as possible', () => {
      expect(run({ age: 75, fractures: [fracture('spine', '2026-02-10', 'unknown')] })?.reasons).toEqual(['spine-fracture-possible']);
    });

    it('does not fire for a forearm fracture alone (not spine or hip)', () => {
      expect(run({ age: 75, fractures: [fracture('forearm', '2026-02-10')] })).toBeUndefined();
    });
  });

  describe('glucocorticoid footnote * (prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år, T-score < -1,0)', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -1.5 })];

    it('does not indicate treatment at T −1.5 with prednisolone exactly 5 mg daily for 3 months (5 mg × 90 d = 450 mg: neither > 5 mg nor > 450 mg)', () => {
      const gc = glucocorticoid({ active: true, currentDailyMg: 5, highDoseThreeMonths: false, cumulativeMg12Months: 450 });
      expect(gc.meetsThreshold).toBe(false);
      expect(run({ age: 66, glucocorticoid: gc, dxa })).toBeUndefined();
    });

    it('indicates treatment at T −1.5 with prednisolone 5.1 mg daily for 3 months', () => {
      const gc = glucocorticoid({ active: true, currentDailyMg: 5.1, highDoseThreeMonths: true, cumulativeMg12Months: 459 });
      const rec = run({ age: 66, glucocorticoid: gc, dxa });
      expect(rec?.reasons).toEqual(['glucocorticoid-t-score', 'risk-glucocorticoid']);
      expect(rec?.evidence).toEqual(expect.arrayContaining([...gc.refs, dxa[0]?.refs[0]]));
    });

    it('indicates treatment after more than 450 mg in a year even at a low daily dose now', () => {
      const gc = glucocorticoid({ active: false, currentDailyMg: 0, highDoseThreeMonths: false, cumulativeMg12Months: 451 });
      expect(run({ age: 66, glucocorticoid: gc, dxa })?.reasons).toContain('glucocorticoid-t-score');
    });

    it('does not indicate treatment under exposure at T-score exactly −1.0 ("< -1,0")', () => {
      const gc = glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true });
      expect(run({ age: 66, glucocorticoid: gc, dxa: [scan('2026-08-12', { 'lumbar-spine': -1.0 })] })).toBeUndefined();
    });
  });

  describe('eGFR ≤ 35: the check before start fails (card l. 41 "Tjek, at eGFR > 35 ml/min")', () => {
    const base: FactsInput = { age: 78, fractures: [fracture('spine', '2026-04-01')] };

    it('at eGFR exactly 35 suggests no drug but a referral to endocrinology', () => {
      const e = egfr(35, '2026-10-01');
      const rec = run({ ...base, labs: { egfr: [e] } });
      expect(rec).toMatchObject({ indicator: 'warning', reasons: ['spine-fracture', 'egfr-low'], choice: 'referral' });
      expect(rec?.evidence).toContain(e.ref);
      expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    });

    it('at eGFR 35.1 proposes alendronate', () => {
      const rec = run({ ...base, labs: { egfr: [egfr(35.1, '2026-10-01')] } });
      expect(rec?.choice).toBe('first-choice');
      expect(rec?.reasons).not.toContain('egfr-low');
    });

    it('uses the latest eGFR whatever its age (two years old, 30) [choice]', () => {
      expect(run({ ...base, labs: { egfr: [egfr(30, '2024-11-01')] } })?.choice).toBe('referral');
    });

    it('judges only the newest value: 30 last year, 52 this month is fine', () => {
      expect(run({ ...base, labs: { egfr: [egfr(30, '2025-11-01'), egfr(52, '2026-11-02')] } })?.choice).toBe('first-choice');
    });

    it('takes precedence over the second choice', () => {
      const rec = run({ ...base, labs: { egfr: [egfr(28, '2026-10-01')] }, conditions: [condition('peptic-ulcer')] });
      expect(rec?.choice).toBe('referral');
      expect(rec?.suggestions?.some((s) => s.kind === 'prescribe')).toBe(false);
    });
  });

  describe('second choice (card l. 22: kontraindikation (fx ulcus), utålelige bivirkninger, compliance)', () => {
    const base: FactsInput = { age: 70, fractures: [fracture('hip', '2026-04-01')] };

    it('proposes a denosumab biosimilar first and a zoledronic acid referral for an active peptic ulcer', () => {
      const ulcer = condition('peptic-ulcer');
      const rec = run({ ...base, conditions: [ulcer] });
      expect(rec).toMatchObject({ reasons: ['hip-fracture', 'ulcer'], choice: 'second-choice', selectionBehavior: 'at-most-one' });
      expect(rec?.evidence).toContain(ulcer.ref);
      expect(rec?.suggestions).toEqual([
        { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
        { kind: 'referral', to: 'zoledronic-acid' },
      ]);
    });

    it('counts an ulcer healed 12 months ago (2025-11-26) but not 13 months ago (2025-10-26)', () => {
      expect(run({ ...base, conditions: [condition('peptic-ulcer', { active: false, abatement: '2025-11-26' })] })?.choice).toBe('second-choice');
      expect(run({ ...base, conditions: [condition('peptic-ulcer', { active: false, abatement: '2025-10-26' })] })?.choice).toBe('first-choice');
    });

    it('goes to second choice for a recorded alendronate intolerance, oesophageal disease, inability to stay upright or non-adherence', () => {
      expect(run({ ...base, intolerances: [intolerance('alendronate')] })?.reasons).toContain('intolerance');
      expect(run({ ...base, conditions: [condition('oesophageal-disorder')] })?.reasons).toContain('oesophageal-disease');
      expect(run({ ...base, conditions: [condition('cannot-stay-upright')] })?.reasons).toContain('cannot-stay-upright');
      expect(run({ ...base, conditions: [condition('non-adherence')] })?.reasons).toContain('non-adherence');
    });
  });

  describe('medication list unavailable (rules.md section 1 "Missing data": "not on treatment" is unknown)', () => {
    const base: FactsInput = { age: 70, fractures: [fracture('hip', '2026-04-01')] };

    it('still fires, names the missing list and pre-selects no start, for any medication key', () => {
      for (const key of ['medicationStatements', 'medicationRequests', 'medicationAdministrations']) {
        const rec = run({ ...base, unavailable: [key] });
        expect(rec).toMatchObject({ topic: 'treatment-indicated', choice: 'first-choice', medicationListUnavailable: true });
        expect(rec?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }]);
      }
      const second = run({ ...base, conditions: [condition('peptic-ulcer')], unavailable: ['medicationStatements'] });
      expect(second?.suggestions).toEqual([
        { kind: 'prescribe', drug: 'denosumab-biosimilar' },
        { kind: 'referral', to: 'zoledronic-acid' },
      ]);
    });

    it('is not flagged when another key is missing, nor on a referral instead of a start', () => {
      expect(run({ ...base, unavailable: ['observations'] })).not.toHaveProperty('medicationListUnavailable');
      expect(run({ ...base, unavailable: ['observations'] })?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
      const referral = run({ ...base, labs: { egfr: [egfr(30, '2026-11-01')] }, unavailable: ['medicationStatements'] });
      expect(referral?.choice).toBe('referral');
      expect(referral).not.toHaveProperty('medicationListUnavailable');
    });
  });

  describe('swallowing difficulty (card l. 55-57: Brusetablet (Binosto) kan anvendes ved synkebesvær)', () => {
    it('recommends the effervescent tablet, keeps the ordinary tablet as the alternative, and stays oral', () => {
      const dys = condition('dysphagia');
      const rec = run({ age: 70, fractures: [fracture('spine', '2026-04-01')], conditions: [dys] });
      expect(rec).toMatchObject({ reasons: ['spine-fracture', 'dysphagia'], choice: 'first-choice', selectionBehavior: 'at-most-one' });
      expect(rec?.evidence).toContain(dys.ref);
      expect(rec?.suggestions).toEqual([
        { kind: 'prescribe', drug: 'alendronate-effervescent', recommended: true },
        { kind: 'prescribe', drug: 'alendronate-tablet' },
      ]);
    });
  });

  describe('who it applies to', () => {
    const fractures = [fracture('spine', '2026-04-01')];

    it('does not fire for a patient on treatment (active denosumab) ', () => {
      expect(run({ age: 70, fractures, courses: [course('denosumab', '2026-06-01')] })).toBeUndefined();
    });

    it('applies to a man on his 60th birthday (born 1966-11-26) but not the day before (born 1966-11-27)', () => {
      expect(run({ sex: 'male', birthDate: '1966-11-27', age: 59, fractures })).toBeUndefined();
      expect(run({ sex: 'male', birthDate: '1966-11-26', age: 60, fractures })?.reasons).toEqual(['spine-fracture']);
    });
  });
});
