import { describe, expect, it } from 'vitest';
import { riskFactorReview } from '../../src/rules/initiation/risk-factor-review.js';
import { calcium, condition, course, ctxOf, egfr, fracture, glucocorticoid, intolerance, patient, scan, type FactsInput } from '../helpers/facts.js';
import { renderCards } from '../../src/cards/render.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';

const run = (input: FactsInput) => riskFactorReview(ctxOf(patient(input)));

describe('risk-factor-review (card l. 26-27, 35-37: T-score ≤ -2,5* og mindst én risikofaktor**)', () => {
  it('fires for a T-score ≤ −2.5 without fracture and without a recorded risk factor', () => {
    const dxa = scan('2026-08-12', { 'lumbar-spine': -2.6, 'total-hip': -1.2 });
    expect(run({ age: 68, dxa: [dxa] })).toEqual({
      topic: 'risk-factor-review',
      indicator: 'info',
      reasons: ['t-score-without-risk-factor'],
      evidence: [dxa.refs[0]],
      findings: [{ kind: 't-score', value: -2.6, site: 'lumbar-spine', date: '2026-08-12', ref: dxa.refs[0] }],
    });
  });

  it('names an oral bisphosphonate stopped after 5 (not 10) years with hip T-score ≤ −2.5 (card l. 185-199 "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år")', () => {
    // TODAY 2026-11-26; the hip −2.7 measured before the stop.
    const dxa = [scan('2026-03-10', { 'total-hip': -2.7 })];
    const stopped = (start: string, end: string) => course('alendronate', start, { status: 'stopped', end, stoppedOn: end });
    const judged = (input: FactsInput) => run({ sex: 'female', age: 78, dxa, ...input });
    const fiveYears = stopped('2021-03-01', '2026-04-01');
    const rec = judged({ courses: [fiveYears] });
    expect(rec).toMatchObject({ topic: 'risk-factor-review', stoppedAgainstCard: true, reasons: ['t-score-without-risk-factor'] });
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'course', drugClass: 'oral-bisphosphonate', status: 'stopped' }));
    expect(rec?.evidence).toEqual(expect.arrayContaining([...fiveYears.refs]));
    // Before 5 years, from 10 years, or treated again since: the card's duration sentence does not apply.
    expect(judged({ courses: [stopped('2021-06-01', '2026-04-01')] })).not.toHaveProperty('stoppedAgainstCard');
    expect(judged({ courses: [stopped('2016-03-01', '2026-04-01')] })).not.toHaveProperty('stoppedAgainstCard');
    // Something against taking it again: a serious side effect since the start, an ulcer now, an intolerance recorded.
    expect(judged({ courses: [fiveYears], conditions: [condition('osteonecrosis-of-jaw', { onset: '2026-03-01' })] })).not.toHaveProperty('stoppedAgainstCard');
    expect(judged({ courses: [fiveYears], conditions: [condition('peptic-ulcer', { onset: '2026-09-01' })] })).not.toHaveProperty('stoppedAgainstCard');
    expect(judged({ courses: [fiveYears], intolerances: [intolerance('alendronate')] })).not.toHaveProperty('stoppedAgainstCard');
    expect(judged({ courses: [fiveYears], conditions: [condition('osteonecrosis-of-jaw', { onset: '2015-01-01' })] })).not.toHaveProperty('stoppedAgainstCard');
    // Two courses that add up to 5 years: both are named.
    const two = judged({ dxa: [scan('2024-01-10', { 'total-hip': -2.7 })], courses: [stopped('2016-01-01', '2019-01-01'), course('risedronate', '2021-01-01', { status: 'stopped', end: '2024-03-01', stoppedOn: '2024-03-01' })] });
    expect(two).toMatchObject({ stoppedAgainstCard: true });
    expect(two?.findings.filter((f) => f.kind === 'course')).toHaveLength(2);
    // A hip T-score above −2.5 when it stopped: a pause (no risk-factor-review at all while it holds).
    expect(run({ sex: 'female', age: 78, courses: [fiveYears], dxa: [scan('2026-03-10', { 'total-hip': -2.3, 'lumbar-spine': -2.8 })] })).toBeUndefined();
    const [da] = renderCards(rec === undefined ? [] : [rec], { lang: 'da', patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(da?.summary).toContain('stoppet efter ≥ 5 år trods lav T-score i hoften');
    expect(da?.summary).not.toContain('endnu ikke indikation');
    expect(da?.detail).toContain('kan behandlingen udstrækkes til 10 år');
    const [en] = renderCards(rec === undefined ? [] : [rec], { lang: 'en', patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(en?.summary).toContain('stopped after ≥ 5 years despite a low hip T-score');
    expect(en?.summary.length).toBeLessThan(140);
    // At eGFR ≤ 35 the summary refers, it does not say resume; a suspected secondary cause is worked up first.
    const low = judged({ courses: [fiveYears], labs: { egfr: [egfr(30, '2026-10-01')] } });
    const [lowCard] = renderCards(low === undefined ? [] : [low], { lang: 'da', patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(lowCard?.summary).toContain('ved eGFR ≤ 35: henvis til endokrinolog');
    expect(lowCard?.summary).not.toContain('genoptage');
    expect(low?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    expect(judged({ courses: [fiveYears], labs: { calcium: [calcium(2.8, '2026-10-01')] } })).not.toHaveProperty('stoppedAgainstCard');
  });

  it('with the latest eGFR ≤ 35 (card l. 41) names it and says a treatment would not be alendronate; at 36 it stays first choice', () => {
    const dxa = scan('2026-08-12', { 'total-hip': -2.6 });
    const low = run({ age: 68, dxa: [dxa], labs: { egfr: [egfr(35, '2026-10-01')] } });
    expect(low).toMatchObject({ topic: 'risk-factor-review', egfrLow: true });
    expect(low?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr' }));
    const [card] = renderCards(low === undefined ? [] : [low], { lang: 'da', patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(card?.detail).toContain('ved eGFR ≤ 35 ikke alendronat');
    expect(card?.detail).not.toContain('1. valg alendronat');
    expect(run({ age: 68, dxa: [dxa], labs: { egfr: [egfr(36, '2026-10-01')] } })).not.toHaveProperty('egfrLow');
  });

  it('counts age over 80 only when certain: a birth year of 1946 (79 or 80 in June 2026) is no risk factor of age yet', () => {
    const dxa = [scan('2026-03-12', { 'lumbar-spine': -2.6 })];
    expect(run({ age: 80, ageAtLeast: 79, dxa })?.reasons).toEqual(['t-score-without-risk-factor']);
    expect(run({ age: 80, ageAtLeast: 80, dxa })).toBeUndefined();
    expect(run({ age: 80, dxa })).toBeUndefined();
  });

  it('fires at T-score exactly −2.5 and not at −2.4', () => {
    expect(run({ age: 68, dxa: [scan('2026-08-12', { 'total-hip': -2.5 })] })?.reasons).toEqual(['t-score-without-risk-factor']);
    expect(run({ age: 68, dxa: [scan('2026-08-12', { 'total-hip': -2.4 })] })).toBeUndefined();
  });

  it('does not fire once a risk factor is recorded (then treatment-indicated fires)', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -2.6 })];
    expect(run({ age: 68, dxa, lifestyle: { smoking: { current: true, ref: 'Observation/smoke' } } })).toBeUndefined();
    expect(run({ age: 68, dxa, conditions: [condition('rheumatoid-arthritis')] })).toBeUndefined();
  });

  it('a risk-factor disease known only by a catch-all code (ICPC-2 T99, A29) is no risk factor: it fires and names the code to ask about (terminology.md §2 weak evidence)', () => {
    const dxa = scan('2026-08-12', { 'lumbar-spine': -2.6 });
    const t99 = condition('primary-hyperparathyroidism', { nonSpecific: true, weak: true, onset: '2025-01-10', code: { system: 'http://hl7.org/fhir/sid/icpc-2', code: 'T99' } });
    const a29 = condition('falls', { nonSpecific: true, weak: true, code: { system: 'http://hl7.org/fhir/sid/icpc-2', code: 'A29' } });
    const rec = run({ age: 68, dxa: [dxa], conditions: [t99, a29] });
    expect(rec?.evidence).toEqual([dxa.refs[0], t99.ref, a29.ref]);
    expect(rec?.findings).toEqual([
      expect.objectContaining({ kind: 't-score' }),
      { kind: 'condition', concept: 'primary-hyperparathyroidism', date: '2025-01-10', ref: t99.ref, catchAllCode: 'T99' },
      { kind: 'condition', concept: 'falls', ref: a29.ref, catchAllCode: 'A29' },
    ]);
    // The same disease by a specific code is a risk factor: no review card.
    expect(run({ age: 68, dxa: [dxa], conditions: [condition('primary-hyperparathyroidism')] })).toBeUndefined();
  });

  it('treats glucocorticoid treatment as a risk factor even below the footnote * threshold (5 mg daily)', () => {
    const gc = glucocorticoid({ active: true, currentDailyMg: 5, highDoseThreeMonths: false });
    expect(run({ age: 68, glucocorticoid: gc, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.6 })] })).toBeUndefined();
  });

  it('counts glucocorticoid use that reached footnote * more than 12 months ago (footnote ** "glukokortikoidbehandling" has no time limit): no review card, the treatment card names it', () => {
    const past = glucocorticoid({ active: false, highDoseThreeMonths: false, cumulativeMg12Months: 0, pastExposure: { lastUse: '2025-10-25', refs: ['MedicationStatement/pred'] }, lastUse: '2025-10-25' });
    const dxa = [scan('2026-09-15', { 'lumbar-spine': -2.6 })];
    expect(run({ age: 72, glucocorticoid: past, dxa })).toBeUndefined();
    expect(run({ age: 72, glucocorticoid: glucocorticoid({ active: false, highDoseThreeMonths: false, cumulativeMg12Months: 0, lastUse: '2025-10-25' }), dxa })).toMatchObject({ topic: 'risk-factor-review' });
  });

  it('does not fire with a low-energy or possible spine/hip fracture', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -2.6 })];
    expect(run({ age: 68, dxa, fractures: [fracture('spine', '2025-01-01', 'unknown')] })).toBeUndefined();
  });

  it('does not fire with a low-energy or possible fracture of another site (rules.md "without fracture"): its summary would say "no fracture"', () => {
    const dxa = [scan('2026-08-12', { 'lumbar-spine': -2.6 })];
    expect(run({ age: 68, dxa, fractures: [fracture('forearm', '2025-01-01', 'low-energy')] })).toBeUndefined();
    expect(run({ age: 68, dxa, fractures: [fracture('pelvis', '2019-01-01', 'unknown')] })).toBeUndefined();
    expect(run({ age: 68, dxa, fractures: [fracture('forearm', '2025-01-01', 'high-energy')] })?.reasons).toEqual(['t-score-without-risk-factor']);
  });

  it('does not fire for a patient on treatment', () => {
    expect(run({ age: 68, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.6 })], courses: [course('alendronate', '2026-09-01')] })).toBeUndefined();
  });

  it('looks at the latest DXA: an old −2.8 followed by −2.2 does not fire', () => {
    expect(run({ age: 68, dxa: [scan('2020-01-01', { 'lumbar-spine': -2.8 }), scan('2026-08-12', { 'lumbar-spine': -2.2 })] })).toBeUndefined();
  });
});
