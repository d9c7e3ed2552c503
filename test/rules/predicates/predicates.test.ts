import { describe, expect, it } from 'vitest';
import { diagnosticTScore, hipTScore } from '../../../src/rules/predicates/dxa.js';
import { distinctFractures, lowEnergy } from '../../../src/rules/predicates/fractures.js';
import { courseFinding } from '../../../src/rules/predicates/findings.js';
import { diagnosisCriteria, oralBisphosphonateBarriers, treatmentIndication } from '../../../src/rules/predicates/indication.js';
import {
  atOrBelow,
  atOrBelowVerdict,
  below,
  belowVerdict,
  currentDeciding,
  decidesCalciumCheck,
  decidesEgfrCheck,
  highCalciumVerdict,
  isHypercalcaemia,
  isHypocalcaemia,
  latestDeciding,
  latestWithin,
  lowCalciumVerdict,
} from '../../../src/rules/predicates/labs.js';
import { oralBisphosphonateYearsReached } from '../../../src/rules/predicates/medication.js';
import { inPopulation } from '../../../src/rules/predicates/population.js';
import { riskFactors } from '../../../src/rules/predicates/risk-factors.js';
import { DEFAULT_SETTINGS as S } from '../../../src/rules/settings.js';
import { bmi, calcium, condition, course, egfr, fracture, glucocorticoid, height, intolerance, patient, scan, TODAY, weight, type FactsInput } from '../../helpers/facts.js';

describe('population (card header: postmenopausale kvinder og mænd over 60 år)', () => {
  it('takes a woman of 50 without a recorded menopause as postmenopausal, not one of 49', () => {
    expect(inPopulation(patient({ sex: 'female', age: 50 }), S)).toBe(true);
    expect(inPopulation(patient({ sex: 'female', age: 49 }), S)).toBe(false);
  });
  it('takes a younger woman with a recorded menopause', () => {
    expect(inPopulation(patient({ sex: 'female', age: 46, menopauseRecorded: { ref: 'Condition/m' } }), S)).toBe(true);
  });
  it('takes a man from his 60th birthday on', () => {
    expect(inPopulation(patient({ sex: 'male', age: 59 }), S)).toBe(false);
    expect(inPopulation(patient({ sex: 'male', age: 60 }), S)).toBe(true);
  });
  it('takes a patient whose sex is neither female nor male where both readings agree: from 60, or with a recorded menopause [choice]', () => {
    for (const sex of ['unknown', 'other'] as const) {
      expect(inPopulation(patient({ sex, age: 60 }), S), sex).toBe(true);
      expect(inPopulation(patient({ sex, age: 59 }), S), sex).toBe(false);
      expect(inPopulation(patient({ sex, age: 55, menopauseRecorded: { ref: 'Condition/m' } }), S), sex).toBe(true);
    }
  });
});

describe('T-score from the latest DXA', () => {
  it('takes the lowest of spine, total hip and femoral neck; forearm only when neither spine nor hip exists', () => {
    const f = patient({ dxa: [scan('2026-08-12', { 'lumbar-spine': -2.1, 'femoral-neck': -2.6, forearm: -3.5 }), scan('2020-01-01', { 'lumbar-spine': -3.9 })] });
    expect(diagnosticTScore(f)?.value).toBe(-2.6);
    expect(diagnosticTScore(patient({ dxa: [scan('2026-08-12', { forearm: -2.7 })] }))?.value).toBe(-2.7);
    expect(hipTScore(f)?.site).toBe('femoral-neck');
  });

  it('reads spine and hip recorded up to 30 days apart as one DXA (spine −2.8 on 1 Oct, hip −1.0 on 2 Oct → −2.8) [choice]', () => {
    expect(diagnosticTScore(patient({ dxa: [scan('2026-10-02', { 'total-hip': -1.0 }), scan('2026-10-01', { 'lumbar-spine': -2.8 })] }))?.value).toBe(-2.8);
    expect(diagnosticTScore(patient({ dxa: [scan('2026-10-31', { 'total-hip': -1.0 }), scan('2026-10-01', { 'lumbar-spine': -2.8 })] }))?.value).toBe(-2.8);
    // 31 days apart: two examinations, the latest counts.
    expect(diagnosticTScore(patient({ dxa: [scan('2026-11-01', { 'total-hip': -1.0 }), scan('2026-10-01', { 'lumbar-spine': -2.8 })] }))?.value).toBe(-1.0);
  });

  it('a newer forearm-only scan neither hides the spine measured before it nor is hidden by it: the lower counts [choice]', () => {
    const spine = scan('2024-03-01', { 'lumbar-spine': -2.8 });
    expect(diagnosticTScore(patient({ dxa: [scan('2026-03-01', { forearm: -2.0 }), spine] }))?.value).toBe(-2.8);
    expect(diagnosticTScore(patient({ dxa: [scan('2026-03-01', { forearm: -3.1 }), spine] }))?.value).toBe(-3.1);
    // A forearm recorded the day after spine and hip is part of that DXA: it does not count.
    expect(diagnosticTScore(patient({ dxa: [scan('2026-03-02', { forearm: -2.9 }), scan('2026-03-01', { 'lumbar-spine': -1.8, 'total-hip': -1.6 })] }))?.value).toBe(-1.8);
    // An older forearm-only scan does not count beside a newer spine.
    expect(diagnosticTScore(patient({ dxa: [spine, scan('2020-03-01', { forearm: -3.5 })] }))?.value).toBe(-2.8);
  });
});

describe('low-energy fractures', () => {
  it('counts an unknown-mechanism fracture of a relevant site as possible only in population', () => {
    const hip = fracture('hip', '2026-01-01', 'unknown');
    expect(lowEnergy(hip, patient({ sex: 'female', age: 70 }), S)).toBe('possible');
    expect(lowEnergy(hip, patient({ sex: 'male', age: 55 }), S)).toBe('no');
    expect(lowEnergy(fracture('other', '2026-01-01', 'unknown'), patient({ age: 70 }), S)).toBe('no');
    expect(lowEnergy(fracture('spine', '2026-01-01', 'high-energy'), patient({ age: 70 }), S)).toBe('no');
  });
});

describe('diagnosis criteria and indication (card l. 13-15, 28-35)', () => {
  it('meets the diagnosis at T-score exactly −2.5, not at −2.4', () => {
    expect(diagnosisCriteria(patient({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.5 })] }), S)?.reasons).toEqual(['t-score']);
    expect(diagnosisCriteria(patient({ age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.4 })] }), S)).toBeUndefined();
  });
  it('indicates treatment for a T-score ≤ −2.5 only with a risk factor, naming it', () => {
    const dxa = [scan('2026-08-12', { 'total-hip': -2.7 })];
    expect(treatmentIndication(patient({ age: 70, dxa }), S)).toBeUndefined();
    const withBmi = treatmentIndication(patient({ age: 70, dxa, vitals: { bmi: [bmi(18.5, '2026-06-01')] } }), S);
    expect(withBmi?.reasons).toEqual(['t-score-with-risk-factor', 'risk-low-bmi']);
  });
  it('indicates treatment under glucocorticoid exposure from T-score < −1.0, not at −1.0', () => {
    const gc = glucocorticoid({ active: true, currentDailyMg: 10, highDoseThreeMonths: true });
    expect(treatmentIndication(patient({ age: 70, glucocorticoid: gc, dxa: [scan('2026-08-12', { 'lumbar-spine': -1.1 })] }), S)?.reasons).toContain('glucocorticoid-t-score');
    expect(treatmentIndication(patient({ age: 70, glucocorticoid: gc, dxa: [scan('2026-08-12', { 'lumbar-spine': -1.0 })] }), S)?.reasons ?? []).not.toContain('glucocorticoid-t-score');
  });
  it('shows every distinct spine and hip fracture it rests on: two vertebrae of one day are two findings, each naming its vertebra', () => {
    const l1 = { ...fracture('spine', '2026-03-09'), vertebra: 'L1' };
    const l2 = { ...fracture('spine', '2026-03-09'), vertebra: 'L2' };
    const judged = treatmentIndication(patient({ age: 75, fractures: [l1, l2] }), S);
    expect(judged?.reasons).toEqual(['spine-fracture']);
    expect(judged?.findings).toEqual([expect.objectContaining({ kind: 'fracture', vertebra: 'L1' }), expect.objectContaining({ kind: 'fracture', vertebra: 'L2' })]);
  });
  it('indicates treatment for a possible hip fracture with a -possible reason', () => {
    expect(treatmentIndication(patient({ age: 75, fractures: [fracture('hip', '2025-03-01', 'unknown')] }), S)?.reasons).toEqual(['hip-fracture-possible']);
  });
});

describe('distinct fractures', () => {
  it('a fracture is what all its records say: its first record, low-energy when one says so, the vertebra one names', () => {
    const l1 = { ...fracture('spine', '2026-01-10', 'unknown'), vertebra: 'L1', ref: 'Condition/l1' };
    const m80 = { ...fracture('spine', '2026-01-10', 'low-energy'), ref: 'Condition/m80' };
    expect(distinctFractures([{ fracture: l1, possible: true }, { fracture: m80, possible: false }])).toEqual([
      { possible: false, fracture: { ...l1, mechanism: 'low-energy' } },
    ]);
    expect(distinctFractures([{ fracture: m80, possible: false }, { fracture: l1, possible: true }])).toEqual([{ possible: false, fracture: { ...m80, vertebra: 'L1' } }]);
    // Nothing to add: the first record as it is.
    const first = { fracture: { ...m80, vertebra: 'L1' }, possible: false };
    expect(distinctFractures([first, { fracture: l1, possible: true }])[0]).toBe(first);
  });
});

describe('risk factors', () => {
  it('counts a height loss of 4 cm from the highest recorded height, not 3.9', () => {
    const f = (latest: number) => patient({ vitals: { height: [height(168, '2010-01-01'), height(latest, '2026-01-01')] } });
    expect(riskFactors(f(164), S).map((r) => r.reason)).toEqual(['risk-height-loss']);
    expect(riskFactors(f(164.1), S)).toEqual([]);
    // Unrounded: 3.96 cm (inches converted) is not 4; 4 cm between decimals whose difference a float misses by a hair is.
    expect(riskFactors(f(164.04), S)).toEqual([]);
    const decimals = patient({ vitals: { height: [height(165.3, '2010-01-01'), height(161.3, '2026-01-01')] } });
    expect(riskFactors(decimals, S).map((r) => r.reason)).toEqual(['risk-height-loss']);
  });

  it('counts an earlier low-energy fracture at another site than spine or hip [extension: DSAM ch. 4], not a high-energy one', () => {
    const forearm = fracture('forearm', '2024-05-01', 'low-energy');
    expect(riskFactors(patient({ age: 70, fractures: [forearm] }), S)).toEqual([
      { reason: 'risk-prior-fracture', findings: [{ kind: 'fracture', site: 'forearm', possible: false, ref: forearm.ref, date: '2024-05-01' }], evidence: [forearm.ref] },
    ]);
    expect(riskFactors(patient({ age: 70, fractures: [fracture('forearm', '2024-05-01', 'high-energy')] }), S)).toEqual([]);
    // Spine and hip fractures are criteria of their own, not risk factors.
    expect(riskFactors(patient({ age: 70, fractures: [fracture('spine', '2024-05-01', 'unknown')] }), S)).toEqual([]);
    expect(riskFactors(patient({ age: 70, fractures: [fracture('hip', '2024-05-01', 'low-energy')] }), S)).toEqual([]);
  });

  it('counts a fracture of unknown mechanism as possibly low-energy, as rules.md section 1 counts it wherever a low-energy one counts', () => {
    const humerus = fracture('upper-arm', '2024-05-01', 'unknown');
    expect(riskFactors(patient({ age: 70, fractures: [humerus] }), S)).toEqual([
      { reason: 'risk-prior-fracture-possible', findings: [{ kind: 'fracture', site: 'upper-arm', possible: true, ref: humerus.ref, date: '2024-05-01' }], evidence: [humerus.ref] },
    ]);
    // Not of the sites the guideline names (toes, fingers, skull …), and not outside the population.
    expect(riskFactors(patient({ age: 70, fractures: [fracture('other', '2024-05-01', 'unknown')] }), S)).toEqual([]);
    expect(riskFactors(patient({ age: 40, fractures: [fracture('forearm', '2024-05-01', 'unknown')] }), S)).toEqual([]);
  });
});

describe('oral bisphosphonate barriers (card "2. Valg")', () => {
  it('names an ulcer within 12 months and a recorded intolerance', () => {
    const f = patient({
      conditions: [condition('peptic-ulcer', { active: false, abatement: '2026-02-01' })],
      intolerances: [intolerance('alendronate')],
    });
    expect(oralBisphosphonateBarriers(f, S).reasons).toEqual(['ulcer', 'intolerance']);
    expect(oralBisphosphonateBarriers(patient({ conditions: [condition('peptic-ulcer', { active: false, abatement: '2025-11-25' })] }), S).reasons).toEqual([]);
  });
});

describe('labs', () => {
  it('uses the lab range for hypocalcaemia, else 2.15 mmol/L total and 1.18 ionised', () => {
    expect(isHypocalcaemia(calcium(2.14, TODAY))).toBe(true);
    expect(isHypocalcaemia(calcium(2.15, TODAY))).toBe(false);
    expect(isHypocalcaemia(calcium(2.18, TODAY, 'total', { referenceLow: 2.2 }))).toBe(true);
    expect(isHypocalcaemia(calcium(1.17, TODAY, 'ionised'))).toBe(true);
  });
  it('reads a reported bound as deciding a check only when every value it allows is on one side (terminology.md l. 1063)', () => {
    const e = (value: number, comparator?: '<' | '<=' | '>' | '>=') => egfr(value, TODAY, comparator === undefined ? {} : { comparator });
    // "Tjek, at eGFR > 35": "<60" may be 34 or 59 — it cannot tell; "<35" and "<36" (whole numbers: 35 or less) can.
    expect([atOrBelowVerdict(e(60, '<'), 35), atOrBelowVerdict(e(36, '<'), 35), atOrBelowVerdict(e(35, '<'), 35), atOrBelowVerdict(e(37, '<'), 35)]).toEqual([undefined, true, true, undefined]);
    expect(atOrBelowVerdict(e(35.5, '<'), 35)).toBeUndefined();
    expect([atOrBelowVerdict(e(35, '<='), 35), atOrBelowVerdict(e(36, '<='), 35)]).toEqual([true, undefined]);
    // ">35" and ">90" pass; ">30" cannot tell; "≥35" may be exactly 35 (fails "> 35"), "≥36" passes.
    expect([atOrBelowVerdict(e(35, '>'), 35), atOrBelowVerdict(e(90, '>'), 35), atOrBelowVerdict(e(30, '>'), 35)]).toEqual([false, false, undefined]);
    expect([atOrBelowVerdict(e(35, '>='), 35), atOrBelowVerdict(e(36, '>='), 35)]).toEqual([undefined, false]);
    expect([atOrBelowVerdict(e(35), 35), atOrBelowVerdict(e(36), 35)]).toEqual([true, false]);
    // atOrBelow: only what the value establishes.
    expect([atOrBelow(e(60, '<'), 35), atOrBelow(e(30, '>'), 35), atOrBelow(e(35, '>='), 35), atOrBelow(e(36, '<'), 35)]).toEqual([false, false, false, true]);
    // below(): "<30" is below 30, "<31" and "≤30" may be 30; "≥30" and ">30" are not below 30; ">29" cannot tell.
    expect([belowVerdict(e(30, '<'), 30), belowVerdict(e(31, '<'), 30), belowVerdict(e(30, '<='), 30), belowVerdict(e(29, '<='), 30)]).toEqual([true, undefined, undefined, true]);
    expect([belowVerdict(e(30, '>='), 30), belowVerdict(e(30, '>'), 30), belowVerdict(e(29, '>'), 30)]).toEqual([false, false, undefined]);
    expect([below(e(60, '<'), 70), below(e(80, '<'), 70), below(e(60, '>'), 70), below(e(80), 70)]).toEqual([true, false, false, false]);
  });

  it('reads a reported calcium as low or high only when every value it allows is (card l. 42 "Ikke hypocalcæmi")', () => {
    const c = (value: number, comparator?: '<' | '<=' | '>' | '>=', kind: 'total' | 'ionised' = 'total') => calcium(value, TODAY, kind, comparator === undefined ? {} : { comparator });
    // Low below 2.15 (no range): "<2.15" and "<2.10" are, "<2.30" cannot tell; ">2.15" is not, ">2.10" cannot tell.
    expect([lowCalciumVerdict(c(2.15, '<')), lowCalciumVerdict(c(2.1, '<')), lowCalciumVerdict(c(2.3, '<')), lowCalciumVerdict(c(2.14, '<='))]).toEqual([true, true, undefined, true]);
    expect([lowCalciumVerdict(c(2.15, '>')), lowCalciumVerdict(c(2.1, '>')), lowCalciumVerdict(c(2.15, '>=')), lowCalciumVerdict(c(2.3))]).toEqual([false, undefined, false, false]);
    expect([isHypocalcaemia(c(2.3, '<')), isHypocalcaemia(c(2.1, '<')), isHypocalcaemia(c(2.1, '>'))]).toEqual([false, true, false]);
    expect(decidesCalciumCheck(c(2.3, '<'))).toBe(false);
    expect(decidesCalciumCheck(c(2.3))).toBe(true);
    // High above 2.51 (ionised 1.32): ">2.51" is as high as a plain 2.52, ">2.40" cannot tell; "<2.51" is not high, "<2.60" cannot tell.
    expect([highCalciumVerdict(c(2.51, '>')), highCalciumVerdict(c(2.4, '>')), highCalciumVerdict(c(2.51, '>=')), highCalciumVerdict(c(1.32, '>', 'ionised'))]).toEqual([true, undefined, undefined, true]);
    expect([highCalciumVerdict(c(2.51, '<')), highCalciumVerdict(c(2.6, '<')), highCalciumVerdict(c(2.51))]).toEqual([false, undefined, false]);
    expect([isHypercalcaemia(c(2.6, '<')), isHypercalcaemia(c(2.4, '>')), isHypercalcaemia(c(2.51, '>'))]).toEqual([false, false, true]);
    // The lab's own flag decides a bound that cannot: ">2.00" flagged H is not low, "<2.60" flagged L is low and not high.
    expect(lowCalciumVerdict(calcium(2.0, TODAY, 'total', { comparator: '>', interpretation: ['H'] }))).toBe(false);
    expect(highCalciumVerdict(calcium(2.6, TODAY, 'total', { comparator: '<', interpretation: ['L'] }))).toBe(false);
    expect(lowCalciumVerdict(calcium(2.6, TODAY, 'total', { comparator: '<', interpretation: ['L'] }))).toBe(true);
  });

  it('a bound that cannot tell makes its check not current, and is passed over for the latest value (latestDeciding)', () => {
    const bound = egfr(60, '2026-11-20', { comparator: '<' });
    const older = egfr(30, '2026-10-01');
    // Newest first, as facts lists are.
    expect(currentDeciding([bound, older], TODAY, 90, decidesEgfrCheck)).toBeUndefined();
    expect(latestDeciding([bound, older], TODAY, decidesEgfrCheck)).toBe(older);
    expect(currentDeciding([egfr(36, '2026-11-20', { comparator: '<' }), older], TODAY, 90, decidesEgfrCheck)?.value).toBe(36);
  });

  it('takes a value as current within the window, the boundary day included', () => {
    // 2026-11-26 − 90 days = 2026-08-28
    expect(latestWithin([egfr(60, '2026-08-28')], TODAY, 90)).toBeDefined();
    expect(latestWithin([egfr(60, '2026-08-27')], TODAY, 90)).toBeUndefined();
  });
});

describe('years of oral bisphosphonate', () => {
  it('reaches 5 years on the fifth anniversary of the start, not the day before', () => {
    expect(oralBisphosphonateYearsReached(patient({ courses: [course('alendronate', '2021-11-26')] }), 5)).toBe(true);
    expect(oralBisphosphonateYearsReached(patient({ courses: [course('alendronate', '2021-11-27')] }), 5)).toBe(false);
  });

  it('reaches them for a start on 29 February on the 28th, its clamped anniversary (rules.md "Time words")', () => {
    const leap = (today: string) => patient({ today, courses: [course('alendronate', '2020-02-29', { today })] });
    expect(oralBisphosphonateYearsReached(leap('2025-02-28'), 5)).toBe(true);
    expect(oralBisphosphonateYearsReached(leap('2025-02-27'), 5)).toBe(false);
  });
});

describe('low BMI from weight and height (risk factor "lav BMI" < 19 kg/m²) [choice]', () => {
  const reasonsOf = (vitals: FactsInput['vitals']) => riskFactors(patient({ age: 70, vitals }), S).map((f) => f.reason);

  it('works the BMI out from a weight newer than any recorded BMI and the height measured by then', () => {
    // 48 kg / 1.62² = 18.29
    const w = weight(48, '2026-09-01');
    const h = height(162, '2025-01-01');
    const factors = riskFactors(patient({ age: 70, vitals: { weight: [w], height: [h] } }), S);
    expect(factors).toContainEqual({ reason: 'risk-low-bmi', findings: [{ kind: 'measurement', measure: 'bmi', value: 18.29, unit: 'kg/m²', date: '2026-09-01', ref: w.ref }], evidence: [w.ref, h.ref] });
    // 50 kg / 1.62² = 19.05: not low.
    expect(reasonsOf({ weight: [weight(50, '2026-09-01')], height: [h] })).not.toContain('risk-low-bmi');
  });

  it('compares the quotient itself with 19, not a rounded one: 51 kg at 164 cm (18.96) is low, as a recorded 18.96 is', () => {
    const factors = riskFactors(patient({ age: 70, vitals: { weight: [weight(51, '2026-09-01')], height: [height(164, '2025-01-01')] } }), S);
    expect(factors.find((f) => f.reason === 'risk-low-bmi')?.findings).toEqual([expect.objectContaining({ measure: 'bmi', value: 18.96 })]);
    // 53.8 kg at 168.3 cm is 18.9936…: low, and shown 18.99 — never "19" on a card that calls it under 19.
    const edge = riskFactors(patient({ age: 70, vitals: { weight: [weight(53.8, '2026-09-01')], height: [height(168.3, '2025-01-01')] } }), S);
    expect(edge.find((f) => f.reason === 'risk-low-bmi')?.findings).toEqual([expect.objectContaining({ value: 18.99 })]);
    expect(reasonsOf({ weight: [weight(53.82, '2026-09-01')], height: [height(168.3, '2025-01-01')] })).not.toContain('risk-low-bmi');
  });

  it('prefers the newer of the two: a recorded BMI after the weight, or a weight after the recorded BMI', () => {
    const h = height(162, '2025-01-01');
    expect(reasonsOf({ bmi: [bmi(18.2, '2026-10-01')], weight: [weight(60, '2026-09-01')], height: [h] })).toContain('risk-low-bmi');
    expect(reasonsOf({ bmi: [bmi(18.2, '2025-10-01')], weight: [weight(60, '2026-09-01')], height: [h] })).not.toContain('risk-low-bmi');
  });

  it('makes no BMI without a height, or from an implausible one (a height in metres filed as cm)', () => {
    expect(reasonsOf({ weight: [weight(40, '2026-09-01')] })).not.toContain('risk-low-bmi');
    expect(reasonsOf({ weight: [weight(40, '2026-09-01')], height: [height(1.62, '2025-01-01')] })).not.toContain('risk-low-bmi');
  });
});

describe('courseFinding years (shown beside the 5- and 10-year cards)', () => {
  const years = (start: string, today: string): number | undefined => {
    const f = courseFinding(course('alendronate', start), today);
    return f.kind === 'course' ? f.years : undefined;
  };

  it('never rounds up to a calendar year not yet reached: 9 years and 364 days is 9.9, the anniversary 10.0', () => {
    expect(years('2016-12-05', '2026-12-04')).toBe(9.9);
    expect(years('2016-12-05', '2026-12-05')).toBe(10);
    expect(years('2021-12-06', '2026-12-05')).toBe(4.9);
    expect(years('2021-12-05', '2026-12-05')).toBe(5);
  });

  it('rounds within the year: 6 months is 0.5, three weeks 0.1, 6 years and 5 weeks 6.1', () => {
    expect(years('2026-06-05', '2026-12-05')).toBe(0.5);
    expect(years('2026-11-14', '2026-12-05')).toBe(0.1);
    expect(years('2020-10-31', '2026-12-05')).toBe(6.1);
  });
});
