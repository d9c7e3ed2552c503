/**
 * rules.md sections 2–3 (v2), through the facts stage: FHIR resources → facts → every
 * patient-view rule. NOW = 2026-06-15 unless given. Each block names the v2 passage it checks.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/index.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { condition, factsOf, medicationAdministration, medicationRequest, medicationStatement, observation, patient, SYS } from '../helpers/facts-builders.js';
import { ctxOf } from '../helpers/facts.js';

const ALN = { atc: 'M05BA04', text: 'Alendronat 70 mg' } as const;
const DMAB = { atc: 'M05BX04', text: 'Obodence 60 mg' } as const;
const ZOL = { atc: 'M05BA08', text: 'Aclasta 5 mg' } as const;
const rh = { reference: 'Organization/rh', display: 'Rigshospitalet, Knoglescanning' };

function run(resources: readonly UntrustedResource[], o: { now?: string; patient?: UntrustedResource } = {}): Recommendation[] {
  const facts = factsOf(resources, { ...(o.now === undefined ? {} : { now: new Date(`${o.now}T10:00:00Z`) }), ...(o.patient === undefined ? {} : { patient: o.patient }) });
  return evaluateRules('patient-view', ctxOf(facts));
}
const topics = (recs: readonly Recommendation[]) => recs.map((r) => r.topic).sort();
const card = (recs: readonly Recommendation[], topic: string) => recs.find((r) => r.topic === topic);

const hipFracture = (onset: string, id = 'hip') => condition({ id, system: SYS.sks, code: 'DS720', onset, lowEnergy: true });
const tScores = (date: string, lumbar: number, hip: number, performer?: { reference: string; display: string }) => [
  observation({ code: '38267-1', value: lumbar, ucum: '{T-score}', date, ...(performer === undefined ? {} : { performer }) }),
  observation({ code: '38264-8', value: hip, ucum: '{T-score}', date, ...(performer === undefined ? {} : { performer }) }),
];
const lowBmi = observation({ code: '39156-5', value: 18, ucum: 'kg/m2', date: '2026-01-10' });
const egfr = (value: number, date: string, id?: string) => observation({ ...(id === undefined ? {} : { id }), code: '62238-1', value, ucum: 'mL/min/{1.73_m2}', date });
const calcium = (value: number, date: string) => observation({ code: 'NPU01443', system: SYS.npuOid, value, unit: 'mmol/L', date });
const HELD = ['treatment-indicated', 'pretreatment-checks', 'risk-factor-review', 'dxa-workup-suggested', 'diagnosis-criteria-met'];

describe('denosumab overdue or stopped without follow-on: never beside a start card (rules.md section 3 v2)', () => {
  const injections = ['2024-09-01', '2025-03-01', '2025-09-01'].map((date, i) => medicationAdministration({ id: `d${i}`, ...DMAB, date }));

  it('an earlier zoledronic acid infusion (still within its 24 months) is no follow-on: denosumab-overdue fires, no infusion card, no start cards', () => {
    const switched = ['2025-01-10', '2025-07-10'].map((date, i) => medicationAdministration({ id: `sw${i}`, ...DMAB, date }));
    const recs = run([medicationAdministration({ id: 'z', ...ZOL, date: '2024-08-01' }), ...switched, hipFracture('2024-01-05'), ...tScores('2024-02-01', -3.1, -2.6), lowBmi]);
    expect(topics(recs)).toContain('denosumab-overdue');
    expect(topics(recs)).not.toContain('zoledronic-acid-infusion-due');
    for (const held of HELD) expect(topics(recs)).not.toContain(held);
  });

  it('a stale active alendronate statement from before the switch is no follow-on either', () => {
    const recs = run([medicationStatement({ id: 'a', ...ALN, status: 'active', start: '2020-01-01' }), ...injections, hipFracture('2024-01-05')]);
    expect(topics(recs)).toContain('denosumab-overdue');
    for (const held of HELD) expect(topics(recs)).not.toContain(held);
  });

  it('stopped without follow-on: denosumab-stopped offers zoledronic acid, alendronate 70 mg weekly and the endocrinology referral', () => {
    const recs = run([...injections, medicationStatement({ id: 's', ...DMAB, status: 'stopped', start: '2024-09-01', end: '2025-12-01' }), hipFracture('2024-01-05')]);
    expect(card(recs, 'denosumab-stopped')?.suggestions).toEqual([
      { kind: 'referral', to: 'zoledronic-acid', recommended: true },
      { kind: 'prescribe', drug: 'alendronate-tablet' },
      { kind: 'referral', to: 'endocrinology' },
    ]);
    for (const held of HELD) expect(topics(recs)).not.toContain(held);
  });

  it('alendronate prescribed after the last injection is the follow-on: no denosumab card', () => {
    const recs = run([...injections, medicationRequest({ id: 'r', ...ALN, authoredOn: '2026-03-01', supply: { value: 84, unit: 'd' }, repeats: 3 })]);
    expect(topics(recs)).not.toContain('denosumab-overdue');
    expect(topics(recs)).not.toContain('denosumab-stopped');
  });
});

describe('treatment pause (rules.md section 1 "Paused", sections 2 and 3 v2)', () => {
  // Alendronate 2018-01-01 → 2025-06-01 (7 years 5 months); hip −2.0 before the stop, lumbar −2.7 (diagnosis met); low BMI (a risk factor).
  const paused = [medicationStatement({ id: 'aln', ...ALN, status: 'completed', start: '2018-01-01', end: '2025-06-01' }), ...tScores('2025-04-01', -2.7, -2.0, rh), lowBmi];

  it('one year into the pause: pause-ongoing with the DXA date to come; no start card although the indication holds', () => {
    const recs = run(paused);
    const review = card(recs, 'bisphosphonate-pause-review');
    expect(review?.reasons).toEqual(['pause-ongoing']);
    expect(review?.findings).toContainEqual({ kind: 'due-date', what: 'dxa', date: '2027-06-01' });
    for (const held of HELD) expect(topics(recs)).not.toContain(held);
  });

  it('2.5 years into the pause with no DXA since: pause-dxa-due with a DXA referral to the previous performer (boundary: the 2-year day counts)', () => {
    const due = card(run(paused, { now: '2027-12-01' }), 'bisphosphonate-pause-review');
    expect(due?.reasons).toEqual(['pause-dxa-due']);
    expect(due?.suggestions).toEqual([{ kind: 'dxa', performer: rh }]);
    expect(card(run(paused, { now: '2027-06-01' }), 'bisphosphonate-pause-review')?.reasons).toEqual(['pause-dxa-due']);
    expect(card(run(paused, { now: '2027-05-31' }), 'bisphosphonate-pause-review')?.reasons).toEqual(['pause-ongoing']);
  });

  it('the pause DXA due with a current 25-OH-D ≤ 50: vitamin D first (card "OBS: D-vitamin bør være i niveau før DXA-skanning"); 51 not', () => {
    const vitD = (value: number) => observation({ code: 'NPU10267', system: SYS.npuOid, value, unit: 'nmol/L', date: '2027-10-01' });
    const low = card(run([...paused, vitD(50)], { now: '2027-12-01' }), 'bisphosphonate-pause-review');
    expect(low).toMatchObject({ reasons: ['pause-dxa-due'], vitaminDLow: true });
    expect(low?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'vitamin-d', value: 50 }));
    expect(card(run([...paused, vitD(51)], { now: '2027-12-01' }), 'bisphosphonate-pause-review')).not.toHaveProperty('vitaminDLow');
  });

  it('a DXA after the pause start with hip T-score > −2.5: the pause continues, next DXA 2 years after that scan', () => {
    const recs = run([...paused, ...tScores('2027-08-01', -2.6, -2.2, rh)], { now: '2027-12-01' });
    const review = card(recs, 'bisphosphonate-pause-review');
    expect(review?.reasons).toEqual(['pause-continues']);
    expect(review?.findings).toContainEqual({ kind: 'due-date', what: 'dxa', date: '2029-08-01' });
    expect(topics(recs)).not.toContain('treatment-indicated');
  });

  it('a low-energy fracture after the pause start, or a later hip T-score ≤ −2.5, ends it: treatment-indicated with pause-ended', () => {
    const byFracture = run([...paused, condition({ id: 'fx', system: SYS.sks, code: 'DS525', onset: '2026-03-01', lowEnergy: true })]);
    expect(card(byFracture, 'treatment-indicated')?.reasons).toContain('pause-ended');
    expect(topics(byFracture)).not.toContain('bisphosphonate-pause-review');
    const byDxa = run([...paused, ...tScores('2027-08-01', -2.4, -2.5, rh)], { now: '2027-12-01' });
    expect(card(byDxa, 'treatment-indicated')?.reasons).toContain('pause-ended');
  });

  it('a fracture of unknown mechanism ends the pause "if low-energy" (rules.md section 1), a low-energy one for certain', () => {
    const unknown = card(run([...paused, condition({ id: 'fx', system: SYS.sks, code: 'DS525', onset: '2026-03-01' })]), 'treatment-indicated');
    expect(unknown?.reasons).toContain('pause-ended');
    expect(unknown).toMatchObject({ pauseEndedIfLowEnergy: true });
    const known = card(run([...paused, condition({ id: 'fx', system: SYS.sks, code: 'DS525', onset: '2026-03-01', lowEnergy: true })]), 'treatment-indicated');
    expect(known).not.toHaveProperty('pauseEndedIfLowEnergy');
  });

  it('glucocorticoid after the pause start up to the card\'s exposure, with T-score < −1.0, ends it (footnote *; the pause needs "udløsende årsager … korrigeret")', () => {
    // Prednisolone 10 mg daily since 2026-02-01: > 5 mg daily for 3 months by today (2026-06-15).
    const pred = medicationStatement({ id: 'pred', atc: 'H02AB06', display: 'Prednisolon', start: '2026-02-01', dose: { value: 10, unit: 'mg', frequency: 1, period: 1, periodUnit: 'd' } });
    const recs = run([...paused, pred]);
    const treatment = card(recs, 'treatment-indicated');
    expect(treatment?.reasons).toEqual(expect.arrayContaining(['pause-ended', 'glucocorticoid-t-score']));
    expect(topics(recs)).not.toContain('bisphosphonate-pause-review');
    // Below the card's exposure (since 2026-05-01: 1.5 months, 450 mg is not "> 450"): the pause holds.
    const short = medicationStatement({ id: 'pred', atc: 'H02AB06', display: 'Prednisolon', start: '2026-05-02', dose: { value: 10, unit: 'mg', frequency: 1, period: 1, periodUnit: 'd' } });
    expect(topics(run([...paused, short]))).not.toContain('treatment-indicated');
  });

  it('not paused when the course ended before 5 years or while a criterion failed: the initiation rules apply as usual', () => {
    const short = run([medicationStatement({ id: 'aln', ...ALN, status: 'completed', start: '2021-07-01', end: '2025-06-01' }), ...tScores('2025-04-01', -2.7, -2.0), lowBmi]);
    expect(topics(short)).toContain('treatment-indicated');
    expect(topics(short)).not.toContain('bisphosphonate-pause-review');
    const lowHip = run([medicationStatement({ id: 'aln', ...ALN, status: 'completed', start: '2018-01-01', end: '2025-06-01' }), ...tScores('2025-04-01', -2.7, -2.6), lowBmi]);
    expect(topics(lowHip)).toContain('treatment-indicated');
    expect(topics(lowHip)).not.toContain('bisphosphonate-pause-review');
  });

  it('the pause ends when an antiresorptive is started again', () => {
    const restarted = run([...paused, medicationRequest({ id: 'r', ...ALN, authoredOn: '2026-05-01', supply: { value: 84, unit: 'd' } })]);
    expect(topics(restarted)).not.toContain('bisphosphonate-pause-review');
  });

  it('disabledTopics switches the review card off', () => {
    const facts = factsOf(paused);
    expect(evaluateRules('patient-view', ctxOf(facts, { disabledTopics: ['bisphosphonate-pause-review'] })).map((r) => r.topic)).not.toContain('bisphosphonate-pause-review');
  });
});

describe('10 years of oral bisphosphonate already taken (card l. 198-199 "kan behandling udstrækkes til 10 år": the limit)', () => {
  // Alendronate 2013-07-01 → 2023-06-30: exactly 10 years (3652 days, the last day counting); hip −2.0
  // at the stop, lumbar −2.7, no fracture: paused. Today 2026-06-15.
  const tenYears = (end: string) => [medicationStatement({ id: 'aln', ...ALN, status: 'completed', start: '2013-07-01', end }), ...tScores('2023-04-01', -2.7, -2.0, rh), lowBmi];
  const hipFractureAfter = condition({ id: 'fx', system: SYS.sks, code: 'DS720', onset: '2026-03-01', lowEnergy: true });

  it('the pause ended by a new fracture: the treatment card refers to endocrinology (reason ten-years), never alendronate again', () => {
    const treatment = card(run([...tenYears('2023-06-30'), hipFractureAfter]), 'treatment-indicated');
    expect(treatment).toMatchObject({ indicator: 'warning', choice: 'referral' });
    expect(treatment?.reasons).toEqual(expect.arrayContaining(['pause-ended', 'ten-years']));
    // A new hip fracture makes her an anabolic candidate: the one referral asks that too (`oneClinic`).
    expect(treatment?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, alsoAnabolic: true }]);
    expect(treatment?.evidence).toContain('MedicationStatement/aln');
  });

  it('boundary: one day short of 10 years, the pause that ended restarts alendronate (first choice), no ten-years', () => {
    const treatment = card(run([...tenYears('2023-06-29'), hipFractureAfter]), 'treatment-indicated');
    expect(treatment).toMatchObject({ choice: 'first-choice' });
    expect(treatment?.reasons).not.toContain('ten-years');
    expect(treatment?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }]);
  });

  it('not paused (stopped at 10 years with hip T-score ≤ −2.5): the indication still gets the referral, not alendronate', () => {
    const stoppedLow = [medicationStatement({ id: 'aln', ...ALN, status: 'completed', start: '2013-07-01', end: '2023-06-30' }), ...tScores('2023-04-01', -2.7, -2.6, rh), lowBmi];
    const recs = run(stoppedLow);
    expect(topics(recs)).not.toContain('bisphosphonate-pause-review');
    expect(card(recs, 'treatment-indicated')).toMatchObject({ choice: 'referral', reasons: expect.arrayContaining(['t-score-with-risk-factor', 'ten-years']) });
  });

  it('the pause review knows the 10 years are taken (tenYears): what ends the pause leads to the referral; one day short it does not', () => {
    const review = card(run(tenYears('2023-06-30')), 'bisphosphonate-pause-review');
    expect(review).toMatchObject({ reasons: ['pause-dxa-due'], tenYears: true });
    expect(card(run(tenYears('2023-06-29')), 'bisphosphonate-pause-review')).not.toHaveProperty('tenYears');
  });
});

describe('no-btm-suppression only for a marker taken while the drug was in effect (card l. 218-225; l. 79 "max 7 måneder", l. 59-60 "årligt")', () => {
  // Today 2026-06-15. P1NP 55 is above the premenopausal mean (35): no suppression, if the drug was in effect.
  const p1np = (date: string, value = 55) => observation({ id: `p1np-${date}`, code: '77370-5', value, ucum: 'ug/L', date });
  const zol = (...dates: string[]) => dates.map((date) => medicationAdministration({ id: `zol-${date}`, ...ZOL, date }));
  const referral = (recs: readonly Recommendation[]) => card(recs, 'endocrinology-referral')?.reasons ?? [];

  it('zoledronic acid: a marker 17 months after the last infusion is no treatment failure — the overdue infusion card speaks', () => {
    const recs = run([...zol('2024-01-15', '2025-01-15'), p1np('2026-06-10')]);
    expect(referral(recs)).not.toContain('no-btm-suppression');
    expect(card(recs, 'zoledronic-acid-infusion-due')?.reasons).toContain('infusion-due');
  });

  it('zoledronic acid boundary: a marker exactly 12 months after the last infusion counts; a day later it does not', () => {
    expect(referral(run([...zol('2024-01-15', '2025-01-15'), p1np('2026-01-15')]))).toContain('no-btm-suppression');
    expect(referral(run([...zol('2024-01-15', '2025-01-15'), p1np('2026-01-16')]))).not.toContain('no-btm-suppression');
    // In effect and suppressed: nothing to refer for.
    expect(referral(run([...zol('2024-01-15', '2025-01-15'), p1np('2025-09-01', 20)]))).not.toContain('no-btm-suppression');
  });

  it('the infusion given late after the marker does not make the lapsed marker a failure: the dose before the sample decides', () => {
    // Infused 2025-01-15, marker 2026-03-01 (13.5 months, lapsed), then the late infusion 2026-03-10.
    expect(referral(run([...zol('2024-01-15', '2025-01-15', '2026-03-10'), p1np('2026-03-01')]))).not.toContain('no-btm-suppression');
    // A marker 3 months after the late infusion, still not suppressed, is the failure.
    expect(referral(run([...zol('2024-01-15', '2025-01-15', '2026-03-10'), p1np('2026-06-10')]))).toContain('no-btm-suppression');
  });

  it('denosumab: a marker 7 months after the last injection counts (the day is still in time); 7 months and a day, not', () => {
    const den = ['2025-01-10', '2025-07-10', '2025-11-10'].map((date) => medicationAdministration({ id: `den-${date}`, ...DMAB, date }));
    expect(referral(run([...den, p1np('2026-06-10')]))).toContain('no-btm-suppression');
    expect(referral(run([...den, p1np('2026-06-11')]))).not.toContain('no-btm-suppression');
  });
});

describe('alendronate as the follow-on after denosumab (card l. 81-82 "SKAL anden behandling igangsættes")', () => {
  // Six years of alendronate before denosumab; hip −2.0, no fracture: the pause criteria hold.
  const before = [medicationStatement({ id: 'aln-old', ...ALN, status: 'completed', start: '2013-01-01', end: '2019-01-01' }), ...tScores('2026-01-10', -2.3, -2.0)];
  const injections = ['2024-06-01', '2024-12-01', '2025-06-01'].map((date, i) => medicationAdministration({ id: `d${i}`, ...DMAB, date }));
  const dmabStopped = medicationStatement({ id: 's', ...DMAB, status: 'stopped', start: '2019-02-01', end: '2025-11-01' });
  const followOn = medicationRequest({ id: 'f', ...ALN, authoredOn: '2025-12-01', supply: { value: 84, unit: 'd' }, repeats: 6 });
  const PAUSE = ['bisphosphonate-pause-candidate', 'bisphosphonate-continue', 'bisphosphonate-ten-years', 'bisphosphonate-pause-review'];

  it('in its first 12 months: no pause invited by the years before denosumab; after them the years add up again', () => {
    const young = run([...before, ...injections, dmabStopped, followOn]);
    for (const t of [...PAUSE, 'denosumab-stopped', 'denosumab-overdue']) expect(topics(young)).not.toContain(t);
    const held = run([...before, ...injections, dmabStopped, followOn], { now: '2026-12-02' });
    expect(topics(held)).toContain('bisphosphonate-pause-candidate');
  });

  it('stopped after two months: denosumab-stopped, and no treatment pause beside it', () => {
    const stopped = medicationStatement({ id: 'f', ...ALN, status: 'stopped', start: '2025-12-01', end: '2026-02-01' });
    const recs = run([...before, ...injections, dmabStopped, stopped]);
    expect(topics(recs)).toContain('denosumab-stopped');
    for (const t of PAUSE) expect(topics(recs)).not.toContain(t);
  });
});

describe('endocrinology-referral: eGFR ≤ 35 on an oral bisphosphonate or zoledronic acid (rules.md section 3 v2)', () => {
  const onAlendronate = medicationStatement({ id: 'a', ...ALN, status: 'active', start: '2024-01-01' });
  it('one eGFR of 28 is enough; exactly 35 fires, 36 does not', () => {
    expect(card(run([onAlendronate, egfr(28, '2026-05-01')]), 'endocrinology-referral')?.reasons).toContain('egfr-low');
    expect(card(run([onAlendronate, egfr(35, '2026-05-01')]), 'endocrinology-referral')?.reasons).toContain('egfr-low');
    expect(card(run([onAlendronate, egfr(36, '2026-05-01')]), 'endocrinology-referral')?.reasons ?? []).not.toContain('egfr-low');
  });
  it('a same-day copy of one eGFR is no fall', () => {
    const recs = run([onAlendronate, egfr(40, '2026-05-01', 'e1'), egfr(52, '2026-05-01', 'e2')]);
    expect(card(recs, 'endocrinology-referral')?.reasons ?? []).not.toContain('egfr-falling');
  });
});

describe('suspected secondary osteoporosis before treatment (rules.md section 2 v2)', () => {
  it('hypercalcaemia with an indication: referral instead of a drug start, and endocrinology-referral', () => {
    const recs = run([hipFracture('2025-10-01'), calcium(2.72, '2026-05-01')]);
    const treatment = card(recs, 'treatment-indicated');
    expect(treatment?.reasons).toContain('secondary-osteoporosis');
    expect(treatment?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    expect(card(recs, 'endocrinology-referral')?.reasons).toEqual(['secondary-osteoporosis']);
  });
  it('normal calcium: the usual drug start, no referral', () => {
    const recs = run([hipFracture('2025-10-01'), calcium(2.4, '2026-05-01')]);
    expect(card(recs, 'treatment-indicated')?.suggestions?.[0]).toMatchObject({ kind: 'prescribe', drug: 'alendronate-tablet' });
    expect(topics(recs)).not.toContain('endocrinology-referral');
  });
});

describe('pretreatment-checks: no baseline bone marker after a fracture in the last 6 months (rules.md section 2 v2)', () => {
  const reasons = (onset: string) => card(run([hipFracture(onset)]), 'pretreatment-checks')?.reasons ?? [];
  it('a fracture 4 months ago, or exactly 6 months ago: no baseline marker asked, the detail gets the date one year after', () => {
    expect(reasons('2026-02-15')).not.toContain('baseline-btm-missing');
    expect(reasons('2025-12-15')).not.toContain('baseline-btm-missing');
    expect(card(run([hipFracture('2026-02-15')]), 'pretreatment-checks')?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2027-02-15' });
  });
  it('a fracture 6 months and a day ago: the baseline marker is asked', () => {
    expect(reasons('2025-12-14')).toContain('baseline-btm-missing');
  });
});

describe('fractures counted by vertebra (rules.md section 1 v2)', () => {
  it('a man with two vertebrae broken on one day gets anabolic-treatment-consideration (two spine fractures)', () => {
    const man = patient({ gender: 'male', birthDate: '1950-01-01' });
    const recs = run(
      [condition({ id: 'l1', system: SYS.icd10cm, code: 'S32.010A', onset: '2018-03-01', lowEnergy: true }), condition({ id: 'l2', system: SYS.icd10cm, code: 'S32.020A', onset: '2018-03-01', lowEnergy: true })],
      { patient: man },
    );
    expect(card(recs, 'anabolic-treatment-consideration')?.reasons).toContain('man-two-spine-fractures');
  });
});

describe('anabolic candidates not on treatment: one decision (rules.md section 2 v2)', () => {
  it('the treatment card frames its drug as the start while the specialist decides', () => {
    const recs = run([hipFracture('2026-01-10'), ...tScores('2026-02-01', -3.0, -2.8)]);
    expect(topics(recs)).toContain('anabolic-treatment-consideration');
    expect(card(recs, 'treatment-indicated')).toMatchObject({ choice: 'first-choice', anabolicCandidate: true });
  });
});

describe('deceased (rules.md section 1 v2): no cards on any hook', () => {
  it('patient-view and prescribing answer nothing, not even data-unavailable', () => {
    const facts = factsOf([hipFracture('2026-01-10'), medicationAdministration({ ...DMAB, date: '2025-01-01' })], {
      patient: { ...patient(), deceasedDateTime: '2026-05-01' },
      unavailable: ['observations'],
    });
    expect(evaluateRules('patient-view', ctxOf(facts))).toEqual([]);
    expect(evaluateRules('prescribing', ctxOf(facts))).toEqual([]);
  });
});

describe('follow-on after denosumab is a use, not an order on hold (rules.md section 1 v2)', () => {
  it('a zoledronic acid request on hold after the last injection is no follow-on: denosumab-overdue stays', () => {
    const injections = ['2025-09-01', '2026-03-01'].map((date, i) => medicationAdministration({ id: `d${i}`, ...DMAB, date }));
    const onHold = medicationRequest({ id: 'zol-hold', ...ZOL, status: 'on-hold', authoredOn: '2026-10-01' });
    const recs = run([...injections, onHold], { now: '2026-11-26' });
    expect(card(recs, 'denosumab-overdue')?.indicator).toBe('critical');
  });
});

describe('exactly 5 years of oral bisphosphonate (rules.md section 1 v2 "Paused")', () => {
  // Five yearly scripts from 15 June 2018: the last covers up to 14 June 2023, five full years of use.
  const scripts = (years: number) =>
    Array.from({ length: years }, (_, i) => medicationRequest({ id: `aln${i}`, ...ALN, status: 'completed', authoredOn: `${2018 + i}-06-15`, supply: { value: 1, unit: 'a' } }));
  const record = [...tScores('2023-05-01', -2.6, -2.2), lowBmi];

  it('a course whose supplies cover exactly 5 years ends in a pause: the pause review, no start card', () => {
    const recs = run([...scripts(5), ...record]);
    expect(topics(recs)).toContain('bisphosphonate-pause-review');
    expect(topics(recs)).not.toContain('treatment-indicated');
  });

  it('one script short (4 years) is no pause: the initiation rules apply', () => {
    const recs = run([...scripts(4), ...record]);
    expect(topics(recs)).not.toContain('bisphosphonate-pause-review');
    expect(topics(recs)).toContain('treatment-indicated');
  });
});

describe('future-dated data (rules.md section 1 v2)', () => {
  it('is named on the data-unavailable card with reason future-dated and the resource as evidence', () => {
    const du = card(run([egfr(20, '2027-01-01', 'typo')]), 'data-unavailable');
    expect(du).toMatchObject({ reasons: ['future-dated'], evidence: ['Observation/typo'] });
  });

  it('a DXA and an eGFR dated tomorrow are not future-dated: they count like results of today, with no data-unavailable card', () => {
    const recs = run([hipFracture('2026-01-05'), ...tScores('2026-06-16', -2.8, -2.6), egfr(25, '2026-06-16', 'tomorrow')]);
    expect(topics(recs)).not.toContain('data-unavailable');
    expect(card(recs, 'diagnosis-criteria-met')?.reasons).toContain('t-score');
    // eGFR 25 (≤ 35) of tomorrow is the latest eGFR: the start checks send the patient to the endocrinologist instead of missing it.
    expect(card(recs, 'pretreatment-checks')?.evidence).toContain('Observation/tomorrow');
  });

  it('a denosumab injection dated tomorrow counts as given: no overdue card for the one before it', () => {
    const injections = ['2025-03-01', '2025-09-01', '2026-06-16'].map((date, i) => medicationAdministration({ id: `d${i}`, ...DMAB, date }));
    const recs = run([...injections, hipFracture('2024-01-05'), ...tScores('2024-02-01', -3.1, -2.6)]);
    expect(topics(recs)).not.toContain('denosumab-overdue');
    expect(topics(recs)).not.toContain('data-unavailable');
    expect(topics(recs)).not.toContain('treatment-indicated');
  });

  it('a result two days ahead is future-dated and does not count', () => {
    const recs = run([...tScores('2026-06-17', -2.8, -2.6)]);
    expect(topics(recs)).toContain('data-unavailable');
    expect(topics(recs)).not.toContain('diagnosis-criteria-met');
  });
});

describe('a later encounter for a fracture is not a new fracture (rules.md section 1, "Counting fractures" (v2) [choice])', () => {
  // Alendronate since 2023-03-01; a low-energy forearm fracture on treatment in 2025, seen again at later encounters (7th character D).
  const oral = medicationRequest({ id: 'a', ...ALN, authoredOn: '2023-03-01', supply: { value: 84, unit: 'd' }, repeats: 20 });
  const forearm = (code: string, onset: string, id: string) => condition({ id, system: SYS.icd10cm, code, onset, lowEnergy: true });

  it('the fracture on treatment followed up twice is one: no endocrinology referral for "fractures on treatment"', () => {
    const recs = run([oral, forearm('S52.531A', '2025-02-01', 'f1'), forearm('S52.531D', '2025-03-20', 'f2'), forearm('S52.531D', '2025-06-02', 'f3')]);
    expect(card(recs, 'endocrinology-referral')?.reasons ?? []).not.toContain('fractures-on-treatment');
  });

  it('a second fracture on treatment (an initial encounter of another site) still refers', () => {
    const recs = run([oral, forearm('S52.531A', '2025-02-01', 'f1'), forearm('S52.531D', '2025-03-20', 'f2'), condition({ id: 'h', system: SYS.icd10cm, code: 'S42.201A', onset: '2025-09-01', lowEnergy: true })]);
    expect(card(recs, 'endocrinology-referral')?.reasons).toContain('fractures-on-treatment');
  });
});

describe('review of the day: restarts, history codes', () => {
  it('alendronate restarted years after zoledronic acid followed denosumab is no young follow-on: the ten-year card stays', () => {
    const recs = run([
      medicationStatement({ id: 'a1', ...ALN, status: 'completed', start: '2008-01-01', end: '2018-01-01' }),
      ...['2018-02-01', '2018-08-01', '2019-02-01'].map((date, i) => medicationAdministration({ id: `dd${i}`, ...DMAB, date })),
      medicationAdministration({ id: 'z', ...ZOL, date: '2019-08-01' }),
      medicationRequest({ id: 'a2', ...ALN, authoredOn: '2026-03-01', supply: { value: 84, unit: 'd' }, repeats: 3 }),
    ]);
    expect(topics(recs)).toContain('bisphosphonate-ten-years');
  });

  it('a personal-history fracture code written down years before the pause window is no recent fracture', () => {
    const history = condition({ id: 'z', code: 'Z87.310', system: SYS.icd10cm, recorded: '2015-03-01' });
    const onAln = [medicationStatement({ id: 'aln', ...ALN, status: 'active', start: '2020-01-01' }), ...tScores('2026-01-10', -2.3, -2.0)];
    expect(topics(run([...onAln, history]))).toContain('bisphosphonate-pause-candidate');
    expect(topics(run([...onAln, condition({ id: 'z', code: 'Z87.310', system: SYS.icd10cm, recorded: '2025-03-01' })]))).not.toContain('bisphosphonate-pause-candidate');
  });
});
