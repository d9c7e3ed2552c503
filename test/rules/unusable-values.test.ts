/**
 * rules.md section 1: "A value in an unknown unit is not used and the card says so." Through the
 * facts stage (NOW = 2026-06-15): the card that finds the lab missing, out of date or due names the
 * unread result in its why-trace and evidence, in Danish and English.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/index.js';
import { formatFinding } from '../../src/cards/text/findings.js';
import { renderCards } from '../../src/cards/render.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { coding, condition, factsOf, medicationRequest, observation, patient, SYS } from '../helpers/facts-builders.js';
import { ctxOf } from '../helpers/facts.js';

const run = (resources: readonly UntrustedResource[]): Recommendation[] => evaluateRules('patient-view', ctxOf(factsOf(resources)));
const card = (recs: readonly Recommendation[], topic: string) => recs.find((r) => r.topic === topic);
const unread = (rec: Recommendation | undefined) => rec?.findings.filter((f) => f.kind === 'unusable-value') ?? [];

/** The English data-unavailable card's summary and detail, as the GP reads them. */
const dataCardText = (recs: readonly Recommendation[]): string =>
  renderCards(recs, { lang: 'en', patientRef: 'Patient/p1', today: '2026-06-15', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS }, { grouping: 'separate', ruleSet: 'patient-view' })
    .filter((c) => c.source.topic?.code === 'data-unavailable')
    .map((c) => `${c.summary}\n${c.detail ?? ''}`)
    .join('\n');

const hipFracture = condition({ id: 'hip', system: SYS.sks, code: 'DS720', onset: '2026-01-05', lowEnergy: true });
const tScore = observation({ code: '38267-1', value: -2.8, ucum: '{T-score}', date: '2026-02-01' });
const vitaminD = (value: number, unit: string, date: string, id: string) => observation({ id, code: '62292-8', value, ucum: unit, date });
const egfr = (value: number, unit: string, date: string, id: string) => observation({ id, code: '62238-1', value, ucum: unit, date });
const p1np = (value: number, unit: string, date: string, id: string) => observation({ id, code: '77370-5', value, ucum: unit, date });

describe('a value in an unknown unit is named on the card that misses it (rules.md section 1)', () => {
  it('25-OH-D in pmol/L: the start checks still ask for vitamin D, and say the result was not used', () => {
    const recs = run([hipFracture, tScore, vitaminD(80, 'pmol/L', '2026-06-01', 'vd-pmol')]);
    const checks = card(recs, 'pretreatment-checks');
    expect(checks?.reasons).toContain('vitamin-d-missing');
    expect(unread(checks)).toEqual([{ kind: 'unusable-value', concept: 'vitamin-d', unit: 'pmol/L', date: '2026-06-01', ref: 'Observation/vd-pmol' }]);
    expect(checks?.evidence).toContain('Observation/vd-pmol');
    const [f] = unread(checks);
    expect(formatFinding(f!, 'da')).toBe('Værdi ikke brugt – ukendt enhed ("pmol/L"): P-25-OH-vitamin D (01.06.2026)');
    expect(formatFinding(f!, 'en')).toContain('Value not used – unknown unit ("pmol/L"): 25-OH vitamin D');
  });

  it('says so on the folded treatment card too (section 6: the start checks ride on it)', () => {
    const recs = run([hipFracture, tScore, vitaminD(80, 'pmol/L', '2026-06-01', 'vd-pmol')]);
    const ctx = { lang: 'da' as const, patientRef: 'Patient/p1', today: '2026-06-15', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS };
    const cards = renderCards(recs, ctx, { grouping: 'folded', ruleSet: 'patient-view' });
    const carrier = cards.find((c) => JSON.stringify(c.extension['osteo-cds.topics'] ?? []).includes('pretreatment-checks'));
    expect(carrier?.source.topic?.code).not.toBe('pretreatment-checks');
    expect(carrier?.detail).toContain('Værdi ikke brugt – ukendt enhed ("pmol/L"): P-25-OH-vitamin D (01.06.2026)');
  });

  it('eGFR in mL/s newer than an out-of-date usable value: the start checks name the newer one they could not read', () => {
    const recs = run([hipFracture, tScore, egfr(70, 'mL/min/{1.73_m2}', '2026-01-10', 'egfr-old'), egfr(0.5, 'mL/s', '2026-06-10', 'egfr-mls')]);
    const checks = card(recs, 'pretreatment-checks');
    expect(checks?.reasons).toContain('egfr-missing');
    expect(unread(checks)).toEqual([{ kind: 'unusable-value', concept: 'egfr', unit: 'mL/s', date: '2026-06-10', ref: 'Observation/egfr-mls' }]);
    expect(checks?.evidence).toContain('Observation/egfr-mls');
  });

  it('an unreadable result older than the used one, or older than the freshness window, is not named', () => {
    const older = run([hipFracture, tScore, vitaminD(80, 'nmol/L', '2026-06-01', 'vd-ok'), vitaminD(80, 'pmol/L', '2026-05-01', 'vd-pmol')]);
    expect(older.flatMap(unread)).toEqual([]);
    const stale = run([hipFracture, tScore, vitaminD(80, 'pmol/L', '2025-06-01', 'vd-pmol')]);
    expect(unread(card(stale, 'pretreatment-checks'))).toEqual([]);
  });

  it('P1NP in pmol/L after an alendronate start: the marker follow-up card says the result was not used', () => {
    const aln = medicationRequest({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2025-11-01', status: 'active', supply: { value: 365, unit: 'd' } });
    const recs = run([hipFracture, tScore, aln, p1np(120, 'pmol/L', '2026-05-20', 'p1np-pmol')]);
    const due = card(recs, 'btm-follow-up-due');
    expect(due).toBeDefined();
    expect(unread(due).map((f) => f.ref)).toEqual(['Observation/p1np-pmol']);
  });
  it('a newer eGFR in an unknown unit that no card is about is named on the data-unavailable card (reason unknown-unit)', () => {
    const aln = medicationRequest({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2026-05-01', status: 'active', supply: { value: 1, unit: 'a' } });
    const recs = run([aln, egfr(70, 'mL/min/{1.73_m2}', '2026-03-01', 'egfr-ok'), egfr(30, 'mg/dL', '2026-06-01', 'egfr-odd')]);
    const data = card(recs, 'data-unavailable');
    expect(data).toMatchObject({ indicator: 'info', reasons: ['unknown-unit'], evidence: ['Observation/egfr-odd'] });
    expect(unread(data)).toEqual([{ kind: 'unusable-value', concept: 'egfr', unit: 'mg/dL', date: '2026-06-01', ref: 'Observation/egfr-odd' }]);
    // Older than the usable value: nothing rests on it, nothing to say.
    const older = run([aln, egfr(70, 'mL/min/{1.73_m2}', '2026-06-01', 'egfr-ok'), egfr(30, 'mg/dL', '2026-03-01', 'egfr-odd')]);
    expect(card(older, 'data-unavailable')).toBeUndefined();
  });
});

describe('results with no number but the lab\'s flag, or with no date, are named, never dropped without a word', () => {
  const aln = medicationRequest({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2026-05-01', status: 'active', supply: { value: 1, unit: 'a' } });
  const calcium = (id: string, date: string | undefined, value?: number, interpretation?: string[]) =>
    observation({ id, code: '2000-8', ...(value === undefined ? {} : { value, ucum: 'mmol/L' }), ...(date === undefined ? {} : { date }), ...(interpretation === undefined ? {} : { interpretation }) });

  it('a calcium flagged "L" with no number, newer than a normal one, is named (flagged low) on the data-unavailable card (reason unreadable-value)', () => {
    const recs = run([aln, calcium('ca-ok', '2026-05-01', 2.38), calcium('ca-low', '2026-06-01', undefined, ['L'])]);
    const data = card(recs, 'data-unavailable');
    expect(data).toMatchObject({ reasons: ['unreadable-value'], evidence: ['Observation/ca-low'] });
    const [f] = unread(data);
    expect(f).toEqual({ kind: 'unusable-value', concept: 'calcium', date: '2026-06-01', ref: 'Observation/ca-low', reason: 'no-value', flag: 'low' });
    expect(formatFinding(f!, 'da')).toBe('Værdi ikke brugt – intet tal, markeret lav: P-calcium (01.06.2026)');
    const detail = (rs: readonly Recommendation[]): string =>
      renderCards(rs, { lang: 'da', patientRef: 'Patient/p1', today: '2026-06-15', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS }, { grouping: 'separate', ruleSet: 'patient-view' })
        .filter((c) => c.source.topic?.code === 'data-unavailable')
        .map((c) => c.detail ?? '')
        .join('\n');
    expect(detail(recs)).toContain('Et svar markeret lavt eller højt tages alvorligt');
    // Undated only: no word of flags.
    const undatedOnly = run([aln, observation({ id: 'egfr-undated', code: '62238-1', value: 70, ucum: 'mL/min/{1.73_m2}' })]);
    expect(detail(undatedOnly)).toContain('uden dato kan ikke bruges');
    expect(detail(undatedOnly)).not.toContain('markeret lavt');
    // A flag from years back says nothing of today.
    expect(card(run([aln, calcium('ca-low', '2024-05-01', undefined, ['L'])]), 'data-unavailable')).toBeUndefined();
    // No flag (a comment, "see note"), or older than the usable one: nothing to say.
    expect(card(run([aln, calcium('ca-ok', '2026-05-01', 2.38), calcium('ca-note', '2026-06-01')]), 'data-unavailable')).toBeUndefined();
    expect(card(run([aln, calcium('ca-ok', '2026-06-01', 2.38), calcium('ca-low', '2026-05-01', undefined, ['L'])]), 'data-unavailable')).toBeUndefined();
  });

  it('an undated lab value beside a dated one of its lab adds nothing: not named', () => {
    const dated = observation({ id: 'egfr-dated', code: '62238-1', value: 70, ucum: 'mL/min/{1.73_m2}', date: '2026-06-01' });
    const undated = observation({ id: 'egfr-undated', code: '62238-1', value: 70, ucum: 'mL/min/{1.73_m2}' });
    expect(card(run([aln, dated, undated]), 'data-unavailable')).toBeUndefined();
    expect(card(run([aln, undated]), 'data-unavailable')?.reasons).toEqual(['unreadable-value']);
  });

  it('an undated T-score is named beside "no DXA scan" (it may be the newest), in Danish and English', () => {
    const undated = observation({ id: 'ts-undated', code: '38267-1', value: -2.9, ucum: '{T-score}' });
    const recs = run([hipFracture, undated]);
    const named = recs.flatMap(unread).find((f) => f.ref === 'Observation/ts-undated');
    expect(named).toMatchObject({ concept: 't-score', reason: 'no-date' });
    expect(formatFinding(named!, 'da')).toBe('Værdi ikke brugt – ingen dato: T-score (DXA)');
    expect(formatFinding(named!, 'en')).toBe('Value not used – no date: T-score (DXA)');
  });
});

describe('a number written so it cannot be read is named as not used, never passed over for an older value (rules.md section 1)', () => {
  const aln = medicationRequest({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2026-05-01', status: 'active', supply: { value: 1, unit: 'a' } });
  const dnk = (id: string, date: string, valueString: string) => observation({ id, system: SYS.npuOid, code: 'DNK35302', valueString, date });
  const ok = observation({ id: 'egfr-ok', code: '62238-1', value: 71, ucum: 'mL/min/{1.73_m2}', date: '2026-03-01' });

  it('on treatment, an "eGFR 30" newer than the exact 71 goes on the data-unavailable card (unreadable-value), quoted, in Danish and English', () => {
    const recs = run([aln, ok, dnk('egfr-text', '2026-06-01', 'eGFR 30')]);
    const data = card(recs, 'data-unavailable');
    expect(data).toMatchObject({ indicator: 'info', reasons: ['unreadable-value'], evidence: ['Observation/egfr-text'] });
    const [f] = unread(data);
    expect(f).toEqual({ kind: 'unusable-value', concept: 'egfr', ref: 'Observation/egfr-text', date: '2026-06-01', reason: 'unreadable', text: 'eGFR 30' });
    expect(formatFinding(f!, 'da')).toBe('Værdi ikke brugt – kan ikke læses ("eGFR 30"): eGFR (01.06.2026)');
    expect(formatFinding(f!, 'en')).toBe('Value not used – cannot be read ("eGFR 30"): eGFR (1 Jun 2026)');
    const text = dataCardText(recs);
    expect(text).toContain('Check the record: a value that cannot be read was left out of the assessment');
    expect(text).toContain('a number written so the service cannot read it');
    expect(text).not.toContain('no number');
    // Older than the exact value: the answer rests on the newer one, nothing to say.
    expect(card(run([aln, dnk('egfr-text', '2026-02-01', 'eGFR 30'), ok]), 'data-unavailable')).toBeUndefined();
  });

  it('the start checks name an unreadable eGFR ("- 30": a lab is never negative) and still ask for one', () => {
    const recs = run([hipFracture, tScore, dnk('egfr-minus', '2026-06-01', '- 30')]);
    const checks = card(recs, 'pretreatment-checks');
    expect(checks?.reasons).toContain('egfr-missing');
    expect(unread(checks)).toEqual([{ kind: 'unusable-value', concept: 'egfr', ref: 'Observation/egfr-minus', date: '2026-06-01', reason: 'unreadable', text: '- 30' }]);
    expect(checks?.evidence).toContain('Observation/egfr-minus');
  });

  it('"=<35" and "⩽35" are read as ≤ 35 and decide the check; "ca. 30" is 30', () => {
    for (const written of ['=<35', '\u2a7d35', 'ca. 30', '=30']) {
      const recs = run([hipFracture, tScore, ok, dnk('egfr-new', '2026-06-01', written)]);
      expect(card(recs, 'treatment-indicated')?.reasons, written).toContain('egfr-low');
      expect(recs.flatMap(unread), written).toEqual([]);
    }
  });
});

describe('a DXA score whose number cannot be read: the scan was done, the value is named (rules.md section 1)', () => {
  const smoker = observation({ id: 'smoke', code: '72166-2', valueCode: coding(SYS.snomed, '449868002'), date: '2026-04-01' });
  const spine = (id: string, date: string, valueString: string) => observation({ id, code: '38267-1', valueString, date });
  const hip = (id: string, date: string, value: number) => observation({ id, code: '38264-8', value, date });

  it('"T-score -2,6" and "T: -2.6" are read: T ≤ −2.5 with a risk factor, no "no DXA scan"', () => {
    for (const written of ['T-score -2,6', 'T: -2.6', 'T-score: \u22122,6', '- 2,6']) {
      const recs = run([smoker, spine('ts', '2026-04-15', written)]);
      expect(card(recs, 'treatment-indicated')?.reasons, written).toContain('t-score-with-risk-factor');
      expect(card(recs, 'dxa-workup-suggested'), written).toBeUndefined();
      expect(recs.flatMap(unread), written).toEqual([]);
    }
  });

  it('an unreadable T-score two months ago is named on the data-unavailable card, and is no scan: a scan known only by it would be the latest DXA with no T-score (the pause had been judged on an older hip, bone protection on "not below −1.0")', () => {
    const recs = run([smoker, spine('ts-text', '2026-04-15', 'T-score L1-L4: -2,6')]);
    expect(card(recs, 'dxa-workup-suggested')).toBeDefined();
    const data = card(recs, 'data-unavailable');
    expect(data).toMatchObject({ reasons: ['unreadable-value'], evidence: ['Observation/ts-text'] });
    const [f] = unread(data);
    expect(f).toEqual({ kind: 'unusable-value', concept: 't-score', ref: 'Observation/ts-text', date: '2026-04-15', reason: 'unreadable', text: 'T-score L1-L4: -2,6' });
    expect(formatFinding(f!, 'da')).toBe('Værdi ikke brugt – kan ikke læses ("T-score L1-L4: -2,6"): T-score (DXA) (15.04.2026)');
  });

  it('a readable hip of the same scan still decides (the unread spine hides nothing), and the spine is named', () => {
    const recs = run([smoker, spine('ts-text', '2026-04-15', 'T-score L1-L4: -2,6'), hip('hip', '2026-04-15', -2.7)]);
    const indicated = card(recs, 'treatment-indicated');
    expect(indicated?.reasons).toContain('t-score-with-risk-factor');
    expect(indicated?.evidence).toContain('Observation/hip');
    expect(recs.flatMap(unread).map((f) => f.ref)).toContain('Observation/ts-text');
  });

  it('an unreadable score older than a scan with a readable one is not named; a newer one is, beside the older scan the answer rests on', () => {
    const older = run([smoker, spine('ts-text', '2025-04-15', 'T-score L1-L4: -2,6'), hip('hip', '2026-04-15', -1.2)]);
    expect(older.flatMap(unread)).toEqual([]);
    const newer = run([smoker, hip('hip', '2024-04-15', -2.7), spine('ts-text', '2026-04-15', 'T-score L1-L4: -1,0')]);
    expect(card(newer, 'treatment-indicated')?.evidence).toContain('Observation/hip');
    expect(newer.flatMap(unread).map((f) => f.ref)).toEqual(['Observation/ts-text']);
  });
});

describe('a reported bound that cannot decide its lab\'s check is named as not used, where its lab is asked for (terminology.md l. 1063)', () => {
  const aln = medicationRequest({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2026-05-01', status: 'active', supply: { value: 1, unit: 'a' } });
  const dnk = (id: string, date: string, valueString: string) => observation({ id, system: SYS.npuOid, code: 'DNK35302', valueString, date });

  it('eGFR "<60": the start checks ask for eGFR (no exact result) and name the bound, in Danish and English', () => {
    const recs = run([hipFracture, tScore, dnk('egfr-lt60', '2026-06-01', '<60')]);
    const checks = card(recs, 'pretreatment-checks');
    expect(checks?.reasons).toContain('egfr-missing');
    expect(checks?.reasons).not.toContain('egfr-low');
    expect(card(recs, 'treatment-indicated')?.reasons).not.toContain('egfr-low');
    const [f] = unread(checks);
    expect(f).toEqual({ kind: 'unusable-value', concept: 'egfr', ref: 'Observation/egfr-lt60', date: '2026-06-01', unit: 'mL/min/{1.73_m2}', reason: 'bound', comparator: '<', value: 60 });
    expect(checks?.evidence).toContain('Observation/egfr-lt60');
    expect(formatFinding(f!, 'da')).toBe('Værdi ikke brugt – kun angivet som <60 ml/min/1,73 m², som ikke afgør om eGFR > 35 ml/min: eGFR (01.06.2026)');
    expect(formatFinding(f!, 'en')).toBe('Value not used – reported only as <60 mL/min/1.73 m², which does not tell whether eGFR > 35 mL/min: eGFR (1 Jun 2026)');
    const missing = checks?.findings.find((g) => g.kind === 'lab-missing' && g.lab === 'egfr');
    expect(missing).toMatchObject({ onlyBounds: true });
    expect(formatFinding(missing!, 'en')).toBe('eGFR: no exact result in the last 90 days – take a new one');
  });

  it('a bound that decides is used, not named: "<36" fails the check, ">60" passes it', () => {
    const low = run([hipFracture, tScore, dnk('egfr-lt36', '2026-06-01', '<36')]);
    expect(card(low, 'treatment-indicated')?.reasons).toContain('egfr-low');
    expect(low.flatMap(unread)).toEqual([]);
    const fine = run([hipFracture, tScore, dnk('egfr-gt60', '2026-06-01', '>60')]);
    expect(card(fine, 'pretreatment-checks')?.reasons ?? []).not.toContain('egfr-missing');
    expect(fine.flatMap(unread)).toEqual([]);
  });

  it('on treatment, where no card asks for eGFR, a "<60" newer than the last exact eGFR goes on the data-unavailable card (unreadable-value)', () => {
    const ok = observation({ id: 'egfr-ok', code: '62238-1', value: 70, ucum: 'mL/min/{1.73_m2}', date: '2026-03-01' });
    const recs = run([aln, ok, dnk('egfr-lt60', '2026-06-01', '<60')]);
    const data = card(recs, 'data-unavailable');
    expect(data).toMatchObject({ indicator: 'info', reasons: ['unreadable-value'], evidence: ['Observation/egfr-lt60'] });
    const text = dataCardText(recs);
    expect(text).toContain('a value reported only as a bound (e.g. “<60”) was left out of the assessment');
    expect(text).toContain('Measure again for an exact result');
    expect(text).not.toContain('no number');
    // Older than the exact value: the answer rests on the newer one, nothing to say.
    expect(card(run([aln, dnk('egfr-lt60', '2026-02-01', '<60'), ok]), 'data-unavailable')).toBeUndefined();
  });

  it('25-OH-D ">30" and calcium "<2.40" likewise: the start checks ask for them and name the bounds', () => {
    const d = observation({ id: 'vd-gt30', system: SYS.npuOid, code: 'NPU10267', value: 30, comparator: '>', unit: 'nmol/L', date: '2026-06-01' });
    const ca = observation({ id: 'ca-lt240', code: '2000-8', value: 2.4, comparator: '<', ucum: 'mmol/L', date: '2026-06-01' });
    const checks = card(run([hipFracture, tScore, d, ca]), 'pretreatment-checks');
    expect(checks?.reasons).toEqual(expect.arrayContaining(['vitamin-d-missing', 'calcium-missing']));
    expect(checks?.reasons).not.toContain('hypocalcaemia');
    expect(unread(checks).map((f) => [f.ref, f.kind === 'unusable-value' ? f.reason : undefined])).toEqual([
      ['Observation/ca-lt240', 'bound'],
      ['Observation/vd-gt30', 'bound'],
    ]);
    const named = unread(checks).find((f) => f.ref === 'Observation/ca-lt240');
    expect(formatFinding(named!, 'en')).toBe('Value not used – reported only as <2.4 mmol/L, which does not tell whether there is hypocalcaemia: calcium (1 Jun 2026)');
  });
});

describe('a risk factor or body measure in an unknown unit is named too (rules.md section 1: "the card says so")', () => {
  // T-score −2.8 without a fracture: the answer is about risk factors (risk-factor-review).
  const alcohol = (value: number, unit: string, date: string, id: string) => observation({ id, code: '74013-4', value, ucum: unit, date });
  const bmi = (value: number, unit: string, date: string, id: string) => observation({ id, code: '39156-5', value, ucum: unit, date });

  it('alcohol in mL a day: "no risk factor recorded" beside it names the value it could not use', () => {
    const recs = run([tScore, alcohol(90, 'mL/d', '2026-05-01', 'alc-ml')]);
    expect(card(recs, 'risk-factor-review')).toBeDefined();
    const data = card(recs, 'data-unavailable');
    expect(data?.reasons).toContain('unknown-unit');
    expect(unread(data)).toEqual([{ kind: 'unusable-value', concept: 'alcohol-intake', unit: 'mL/d', date: '2026-05-01', ref: 'Observation/alc-ml' }]);
    expect(dataCardText(recs)).toContain('Value not used – unknown unit ("mL/d"): alcohol intake (1 May 2026)');
  });

  it('a BMI in % newer than a usable one is named; one older than a usable one is not', () => {
    const newer = run([tScore, bmi(24, 'kg/m2', '2026-01-10', 'bmi-ok'), bmi(17, '%', '2026-05-01', 'bmi-pct')]);
    expect(unread(card(newer, 'data-unavailable')).map((f) => f.ref)).toEqual(['Observation/bmi-pct']);
    const older = run([tScore, bmi(17, '%', '2025-05-01', 'bmi-pct'), bmi(24, 'kg/m2', '2026-01-10', 'bmi-ok')]);
    expect(card(older, 'data-unavailable')).toBeUndefined();
  });

  it('a BMI in % as the only possible risk factor of a woman in the population, not on treatment: the data card names it (else no card said so)', () => {
    const recs = run([bmi(17, '%', '2026-05-01', 'bmi-pct')]);
    expect(recs.map((r) => r.topic)).toEqual(['data-unavailable']);
    expect(unread(card(recs, 'data-unavailable')).map((f) => f.ref)).toEqual(['Observation/bmi-pct']);
  });

  it('not in a prescribing hook with no card: only patient-view names a measure beside no card', () => {
    const facts = factsOf([bmi(17, '%', '2026-05-01', 'bmi-pct')]);
    expect(evaluateRules('prescribing', ctxOf(facts))).toEqual([]);
  });

  it('not for a patient outside the population: a man of 50 with a BMI in % gets no card', () => {
    const man = factsOf([bmi(17, '%', '2026-05-01', 'bmi-pct')], { patient: patient({ gender: 'male', birthDate: '1976-01-01' }) });
    expect(evaluateRules('patient-view', ctxOf(man))).toEqual([]);
  });

  it('not beside follow-up cards, which no risk factor changes: on alendronate, a BMI in % is not named', () => {
    const onAlendronate = medicationRequest({ atc: 'M05BA04', authoredOn: '2026-03-01', text: 'Alendronat 70 mg 1 tablet ugentligt' });
    const recs = run([tScore, onAlendronate, bmi(17, '%', '2026-05-01', 'bmi-pct')]);
    expect(recs.length).toBeGreaterThan(0);
    expect(recs.some((r) => r.topic === 'treatment-indicated' || r.topic === 'risk-factor-review')).toBe(false);
    expect(card(recs, 'data-unavailable')).toBeUndefined();
  });

  it('"height not measured" beside a height in an unknown unit: the card that asks for it names it', () => {
    const height = observation({ id: 'h-in', code: '8302-2', value: 165, ucum: 'tommer?', date: '2026-05-01' });
    const recs = run([hipFracture, tScore, height]);
    const checks = card(recs, 'pretreatment-checks');
    expect(checks?.reasons).toContain('height-missing');
    expect(unread(checks)).toEqual([{ kind: 'unusable-value', concept: 'height', unit: 'tommer?', date: '2026-05-01', ref: 'Observation/h-in' }]);
    expect(card(recs, 'data-unavailable')).toBeUndefined();
  });

  it('alcohol just under 3 units is under them: 35.95 g/d is no risk factor', () => {
    const recs = run([tScore, alcohol(35.95, 'g/d', '2026-05-01', 'alc-g')]);
    expect(card(recs, 'risk-factor-review')).toBeDefined();
  });

  it('grams of alcohol a day are converted (12 g a unit): 36 g/d is the risk factor of 3 units a day', () => {
    const recs = run([tScore, alcohol(36, 'g/d', '2026-05-01', 'alc-g')]);
    expect(card(recs, 'treatment-indicated')?.reasons).toContain('risk-alcohol');
    expect(card(recs, 'data-unavailable')).toBeUndefined();
  });
});
