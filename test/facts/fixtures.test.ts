import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/facts/build-facts.js';
import { loadTerminology } from '../../src/terminology/index.js';
import { terminology } from '../helpers/facts-builders.js';
import { readRequest, resolvedFromRequest } from '../helpers/facts-prefetch.js';

const fixture = (name: string, file = 'request.json') => fileURLToPath(new URL(`../../fixtures/${name}/${file}`, import.meta.url));

describe('fixture: a Danish woman (NPU/DNK labs, SKS diagnoses, ATC drugs, Danish units, DXA by LOINC and by text)', () => {
  const request = readRequest(fixture('facts-danish-woman'));
  const now = new Date('2026-04-15T09:00:00+02:00');
  const facts = buildFacts(resolvedFromRequest(request), [], now, terminology());

  it('patient, population facts and menopause', () => {
    expect(facts).toMatchObject({ today: '2026-04-15', patientRef: 'Patient/dk-karen-1954', sex: 'female', birthDate: '1954-08-31', age: 71 });
    expect(facts.menopauseRecorded).toEqual({ date: '2005-06-01', ref: 'Condition/menopause' });
    expect(facts.unavailable).toEqual([]);
  });

  it('labs in canonical units, newest first, with ranges; the entered-in-error calcium is gone', () => {
    expect(facts.labs.vitaminD.map((m) => [m.value, m.date, m.interpretation])).toEqual([
      [42, '2026-03-10', ['L']],
      [68, '2025-09-01', []],
    ]);
    expect(facts.labs.vitaminD[0]).toMatchObject({ referenceLow: 50, referenceHigh: 160, ref: 'Observation/npu-vitd-2603' });
    expect(facts.labs.egfr.map((m) => m.value)).toEqual([58, 63]);
    expect(facts.labs.creatinine).toEqual([expect.objectContaining({ value: 84, unit: 'umol/L', referenceLow: 45, referenceHigh: 90 })]);
    expect(facts.labs.calcium.map((m) => [m.kind, m.value])).toEqual([
      ['total', 2.31],
      ['ionised', 1.21],
    ]);
    expect(facts.labs.albumin.map((m) => m.value)).toEqual([38]);
    expect(facts.unusable).toEqual([]);
  });

  it('the local P1NP code is unknown to the built-in bindings, and read once the site terminology adds it', () => {
    expect(facts.labs.boneMarkers).toEqual([]);
    const site = loadTerminology(fixture('facts-danish-woman', 'terminology-site.json'));
    const withSite = buildFacts(resolvedFromRequest(request), [], now, site);
    expect(withSite.labs.boneMarkers).toEqual([
      expect.objectContaining({ marker: 'p1np', value: 61, unit: 'ug/L', date: '2026-01-10', premenopausalMean: 48, referenceLow: 15, referenceHigh: 90 }),
    ]);
  });

  it('one DXA scan: lumbar spine by LOINC, femoral neck by text, BMD, the performer', () => {
    expect(facts.dxa.scans).toHaveLength(1);
    const scan = facts.dxa.scans[0];
    expect(scan).toMatchObject({
      date: '2026-02-17',
      performer: { reference: 'Organization/hvh-osteoporoseklinik', display: 'Hvidovre Hospital, Osteoporoseklinik' },
      significantDecrease: false,
    });
    expect(scan?.tScores.map((s) => [s.site, s.value])).toEqual([
      ['lumbar-spine', -2.8],
      ['femoral-neck', -2.3],
    ]);
    expect(scan?.bmd.map((s) => [s.site, s.value])).toEqual([['lumbar-spine', 0.781]]);
  });

  it('vitals and lifestyle: height in metres (one without a unit), the highest height, an ex-smoker', () => {
    expect(facts.vitals.height.map((h) => [h.date, h.value])).toEqual([
      ['2026-03-10', 164],
      ['2012-05-02', 169],
    ]);
    expect(facts.vitals.maxHeight?.value).toBe(169);
    expect(facts.vitals.bmi.map((b) => b.value)).toEqual([22.1]);
    expect(facts.lifestyle).toEqual({ smoking: { current: false, date: '2026-03-10', ref: 'Observation/rygning-2603' } });
  });

  it('conditions and a low-energy forearm fracture', () => {
    expect(facts.fractures).toEqual([
      { site: 'forearm', date: '2024-01-15', mechanism: 'low-energy', ref: 'Condition/radiusfraktur', code: { system: 'urn:oid:1.2.208.176.2.4.12', code: 'DS525', display: 'Fraktur af distale ende af radius' } },
    ]);
    const summary = facts.conditions.map((c) => [c.concept, c.active, c.weak, c.ref]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['osteoporosis', true, false, 'Condition/osteoporose'],
        ['osteoporosis', true, true, 'Condition/osteoporose-icpc'],
        ['rheumatoid-arthritis', true, false, 'Condition/leddegigt'],
        ['peptic-ulcer', false, false, 'Condition/ulcus'],
        ['menopause', false, false, 'Condition/menopause'],
      ]),
    );
    expect(summary).toHaveLength(5);
    expect(facts.familyHistory).toEqual([{ ref: 'FamilyMemberHistory/mor', date: '2026-02-20' }]);
  });

  it('medication: ATC-coded records, courses, glucocorticoid exposure, intolerance', () => {
    const alendronate = facts.medications.find((m) => m.ref === 'MedicationStatement/fmk-alendronat');
    expect(alendronate).toMatchObject({ status: 'active', start: '2026-03-01', dailyDoseMg: 10, identity: { drug: 'alendronate', strengthMg: 70, matchedBy: 'atc', effervescent: false } });
    const calcium = facts.medications.find((m) => m.ref === 'MedicationStatement/fmk-kalk');
    expect(calcium?.identity).toMatchObject({ drug: 'calcium-carbonate', alsoContains: ['colecalciferol'] });
    expect(facts.courses.map((c) => [c.drugClass, c.status, c.start])).toEqual(
      expect.arrayContaining([
        ['oral-bisphosphonate', 'active', '2026-03-01'],
        ['calcium', 'active', '2026-03-01'],
        ['ppi', 'active', '2023-05-10'],
        ['glucocorticoid', 'ended', '2025-09-01'],
      ]),
    );
    expect(facts.courses.find((c) => c.drugClass === 'oral-bisphosphonate')?.refs).toEqual(['MedicationStatement/fmk-alendronat', 'MedicationRequest/recept-alendronat']);
    // prednisolone 2 × 5 mg = 10 mg/day from 1 Sep 2025 to 31 Jan 2026: 153 days, 1530 mg, > 3 months
    expect(facts.glucocorticoid).toEqual({
      currentDailyMg: 0,
      highDoseThreeMonths: true,
      cumulativeMg12Months: 1530,
      meetsThreshold: true,
      active: false,
      lastUse: '2026-01-31',
      refs: ['MedicationStatement/fmk-prednisolon'],
      uses: [{ start: '2025-09-01', end: '2026-01-31' }],
    });
    expect(facts.intolerances).toEqual([{ drug: 'risedronate', drugClass: 'oral-bisphosphonate', date: '2021-11-05', ref: 'AllergyIntolerance/risedronat-intolerance' }]);
  });

  it('has a frozen structure: no fact can be added, removed or replaced', () => {
    expect(Object.isFrozen(facts)).toBe(true);
    expect(Object.isFrozen(facts.labs)).toBe(true);
    expect(Object.isFrozen(facts.labs.vitaminD)).toBe(true);
    expect(Object.isFrozen(facts.dxa.scans)).toBe(true);
    expect(() => (facts.labs.vitaminD as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('fixture: a sandbox man (Synthea style: LOINC 38265-5, SNOMED fractures, RxNorm 904420, category as an object, US units)', () => {
  const request = readRequest(fixture('facts-sandbox-man'));
  const facts = buildFacts(resolvedFromRequest(request), [], new Date('2026-04-15T14:00:00Z'), terminology());

  it('patient and the unavailable key', () => {
    expect(facts).toMatchObject({ patientRef: 'Patient/smart-1288992', sex: 'male', age: 65 });
    expect(facts.menopauseRecorded).toBeUndefined();
    expect(facts.unavailable).toEqual(['medicationAdministrations']);
  });

  it('US units converted; eGFR ">60"; the other patient\'s result ignored', () => {
    expect(facts.labs.vitaminD.map((m) => [m.value, m.date, m.ref])).toEqual([[44.928, '2025-11-03', 'Observation/vitd']]); // 18 ng/mL × 2.496
    expect(facts.labs.calcium[0]).toMatchObject({ kind: 'total', value: 2.27045, referenceLow: 2.1457, referenceHigh: 2.56985 });
    expect(facts.labs.creatinine[0]?.value).toBe(106.104);
    expect(facts.labs.egfr[0]).toMatchObject({ value: 60, comparator: '>' });
    expect(facts.vitals.height[0]?.value).toBe(175.3);
    expect(facts.vitals.bmi[0]?.value).toBe(27.1);
  });

  it('the sandbox T-score 38265-5 is a T-score (forearm by its code)', () => {
    expect(facts.dxa.scans).toEqual([
      {
        date: '2025-11-03',
        tScores: [expect.objectContaining({ site: 'forearm', value: -2.7, ref: 'Observation/dxa-tscore' })],
        zScores: [],
        bmd: [],
        refs: ['Observation/dxa-tscore'],
        significantDecrease: false,
      },
    ]);
  });

  it('a current smoker', () => {
    expect(facts.lifestyle.smoking).toEqual({ current: true, date: '2025-11-03', ref: 'Observation/smoking' });
  });

  it('SNOMED fractures: osteoporotic (low-energy, site other), vertebral (unknown); the ICD-10-CM hip fracture from a car crash is high-energy; the refuted one is gone', () => {
    expect(facts.fractures.map((f) => [f.ref, f.site, f.mechanism, f.date])).toEqual([
      ['Condition/fx-osteoporotic', 'other', 'low-energy', '2025-10-20'],
      ['Condition/fx-vertebral', 'spine', 'unknown', '2024-06-01'],
      ['Condition/icd-hip', 'hip', 'high-energy', '2019-07-04'],
    ]);
    expect(facts.conditions.map((c) => c.concept).sort()).toEqual(['copd', 'osteoporosis', 'osteoporosis']);
  });

  it('RxNorm requests: alendronate 904420 active, omeprazole a PPI, a short prednisone burst below the thresholds', () => {
    expect(facts.medications.map((m) => [m.identity.drug, m.identity.matchedBy, m.status, m.dailyDoseMg])).toEqual([
      ['glucocorticoid', 'rxnorm', 'completed', 20],
      ['alendronate', 'rxnorm', 'active', 10],
      ['ppi', 'rxnorm', 'active', 20],
    ]);
    expect(facts.courses.find((c) => c.drugClass === 'oral-bisphosphonate')).toMatchObject({ status: 'active', start: '2025-11-10', drugs: ['alendronate'] });
    // prednisone 20 mg for 10 days (1–10 Dec 2025) = 200 mg
    expect(facts.glucocorticoid).toMatchObject({ cumulativeMg12Months: 200, highDoseThreeMonths: false, meetsThreshold: false, active: false, lastUse: '2025-12-10' });
    expect(facts.intolerances).toEqual([]);
    expect(facts.familyHistory).toEqual([]);
  });
});
