import { describe, expect, it } from 'vitest';
import { coding, condition, factsOf, observation, SYS } from '../helpers/facts-builders.js';

describe('vitals', () => {
  it('height: NPU03794 is in metres (also without a unit), LOINC 8302-2 in cm or inches; the highest is kept', () => {
    const f = factsOf([
      observation({ code: 'NPU03794', system: SYS.npuOid, value: 1.66, date: '2026-05-01' }),
      observation({ code: 'NPU03794', system: SYS.npuUrl, value: 1.7, unit: 'm', date: '2016-05-01' }),
      observation({ code: '8302-2', value: 66, ucum: '[in_i]', date: '2020-01-01' }),
    ]);
    expect(f.vitals.height.map((h) => [h.date, h.value, h.unit])).toEqual([
      ['2026-05-01', 166, 'cm'],
      ['2020-01-01', 167.64, 'cm'],
      ['2016-05-01', 170, 'cm'],
    ]);
    expect(f.vitals.maxHeight).toMatchObject({ value: 170, date: '2016-05-01' });
  });

  it('a LOINC 8302-2 height with no unit is unusable', () => {
    const f = factsOf([observation({ id: 'h', code: '8302-2', value: 168, date: '2026-05-01' })]);
    expect(f.vitals.height).toEqual([]);
    expect(f.vitals.maxHeight).toBeUndefined();
    expect(f.unusable).toEqual([{ concept: 'height', reason: 'unknown-unit', date: '2026-05-01', ref: 'Observation/h' }]);
  });

  it('a body measure no person has in the unit the code implies is unusable: NPU03794 (metres) sent as 164 without a unit [choice]', () => {
    const f = factsOf([
      observation({ id: 'cm', code: 'NPU03794', system: SYS.npuOid, value: 164, date: '2026-05-01' }),
      observation({ id: 'ok', code: 'NPU03794', system: SYS.npuOid, value: 1.64, date: '2025-05-01' }),
      observation({ id: 'w', code: '29463-7', value: 6500, ucum: 'kg', date: '2026-05-01' }),
    ]);
    expect(f.vitals.height.map((h) => h.ref)).toEqual(['Observation/ok']);
    expect(f.vitals.weight).toEqual([]);
    expect(f.unusable).toEqual(expect.arrayContaining([expect.objectContaining({ concept: 'height', reason: 'unknown-unit', ref: 'Observation/cm' }), expect.objectContaining({ concept: 'weight', ref: 'Observation/w' })]));
  });

  it('BMI (LOINC 39156-5, NPU27281) in kg/m² and weight in kg', () => {
    const f = factsOf([
      observation({ code: '39156-5', value: 18.4, ucum: 'kg/m2', date: '2026-05-01' }),
      observation({ code: 'NPU27281', system: SYS.npuOid, value: 21, unit: 'kg/m²', date: '2025-05-01' }),
      observation({ code: '29463-7', value: 130, ucum: '[lb_av]', date: '2026-05-01' }),
    ]);
    expect(f.vitals.bmi.map((b) => b.value)).toEqual([18.4, 21]);
    expect(f.vitals.weight[0]?.value).toBeCloseTo(58.967, 3);
  });
});

describe('lifestyle: smoking', () => {
  it('the latest LOINC 72166-2 answer decides: SNOMED current smoker codes and LOINC LA answers', () => {
    const older = observation({ code: '72166-2', valueCode: coding(SYS.snomed, '8517006', 'Ex-smoker'), date: '2024-01-01' });
    const newer = observation({ id: 'now', code: '72166-2', valueCode: coding(SYS.loinc, 'LA18976-3', 'Current every day smoker'), date: '2026-01-01' });
    expect(factsOf([older, newer]).lifestyle.smoking).toEqual({ current: true, date: '2026-01-01', ref: 'Observation/now' });
    const quit = observation({ id: 'quit', code: '72166-2', valueCode: coding(SYS.snomed, '8517006'), date: '2026-03-01' });
    expect(factsOf([newer, quit]).lifestyle.smoking).toEqual({ current: false, date: '2026-03-01', ref: 'Observation/quit' });
  });

  it('reads Danish answer text: "Ryger dagligt" is current, "Tidligere ryger" and "Ikke-ryger" are not', () => {
    const at = (valueText: string) => factsOf([observation({ code: '72166-2', valueText, date: '2026-01-01' })]).lifestyle.smoking?.current;
    expect(at('Ryger dagligt')).toBe(true);
    expect(at('Tidligere ryger')).toBe(false);
    expect(at('Ikke-ryger')).toBe(false);
    expect(at('Never smoker')).toBe(false);
    expect(at('ukendt')).toBeUndefined();
  });

  it('a SNOMED smoker finding sent as the Observation code counts', () => {
    const f = factsOf([observation({ code: '449868002', system: SYS.snomed, date: '2026-01-01' })]);
    expect(f.lifestyle.smoking?.current).toBe(true);
  });

  it('an active tobacco dependence Condition (ICD-10 F17 / SKS DF17 / ICD-10-CM Z72.0) makes a current smoker unless a newer Observation says otherwise', () => {
    for (const [system, code] of [
      [SYS.icd10, 'F17.2'],
      [SYS.sks, 'DF172'],
      [SYS.icd10cm, 'Z72.0'],
    ] as const) {
      const f = factsOf([condition({ id: 'tob', code, system, clinicalStatus: 'active', onset: '2025-01-01' })]);
      expect(f.lifestyle.smoking).toEqual({ current: true, date: '2025-01-01', ref: 'Condition/tob' });
    }
    const olderObs = observation({ code: '72166-2', valueCode: coding(SYS.snomed, '266919005'), date: '2024-01-01' });
    const newerObs = observation({ id: 'n', code: '72166-2', valueCode: coding(SYS.snomed, '8517006'), date: '2026-01-01' });
    const tobacco = condition({ id: 'tob', code: 'DF17', system: SYS.sks, clinicalStatus: 'active', onset: '2025-01-01' });
    expect(factsOf([olderObs, tobacco]).lifestyle.smoking?.current).toBe(true);
    expect(factsOf([newerObs, tobacco]).lifestyle.smoking).toEqual({ current: false, date: '2026-01-01', ref: 'Observation/n' });
  });

  it.each([
    ['77176002', 'Smoker (finding)'],
    ['449868002', 'Smokes tobacco daily (finding)'],
    ['65568007', 'Cigarette smoker (finding)'],
    ['428071000124103', 'Heavy tobacco smoker (finding)'],
  ])('a SNOMED current-smoker finding %s recorded as a Condition is a current smoker while active, not once resolved', (code, display) => {
    const active = condition({ id: 'smk', codings: [coding(SYS.snomed, code, display)], clinicalStatus: 'active', onset: '2020-01-01' });
    expect(factsOf([active]).lifestyle.smoking).toEqual({ current: true, date: '2020-01-01', ref: 'Condition/smk' });
    const codeOnly = condition({ id: 'smk', codings: [coding(SYS.snomed, code)], clinicalStatus: 'active', onset: '2020-01-01' });
    expect(factsOf([codeOnly]).lifestyle.smoking?.current).toBe(true);
    const resolved = condition({ id: 'smk', codings: [coding(SYS.snomed, code, display)], clinicalStatus: 'resolved', onset: '2020-01-01', abatement: '2024-06-01' });
    expect(factsOf([resolved]).lifestyle.smoking).toEqual({ current: false, date: '2024-06-01', ref: 'Condition/smk' });
  });

  it('SNOMED ex-smoker and never-smoked findings recorded as a Condition make no current smoker', () => {
    for (const [code, display] of [['8517006', 'Ex-smoker (finding)'], ['266919005', 'Never smoked tobacco (finding)']] as const) {
      const f = factsOf([condition({ id: 'ex', codings: [coding(SYS.snomed, code, display)], clinicalStatus: 'active', onset: '2020-01-01' })]);
      expect(f.lifestyle.smoking?.current).not.toBe(true);
    }
  });

  it('a tobacco-dependence Condition still "active" but with a passed abatement date: smoking stopped that day', () => {
    const abated = condition({ id: 'f17', code: 'DF172', system: SYS.sks, clinicalStatus: 'active', onset: '2015-01-01', abatement: '2024-03-01' });
    expect(factsOf([abated]).lifestyle.smoking).toEqual({ current: false, date: '2024-03-01', ref: 'Condition/f17' });
  });

  it('an ex-smoker entry newer than an old active tobacco-dependence one ends that smoking; an older one does not end newer smoking', () => {
    const f17 = condition({ id: 'f17', code: 'DF172', system: SYS.sks, clinicalStatus: 'active', onset: '2015-01-01' });
    const ex = condition({ id: 'ex', codings: [coding(SYS.snomed, '8517006', 'Ex-smoker (finding)')], clinicalStatus: 'active', onset: '2023-05-01' });
    expect(factsOf([f17, ex]).lifestyle.smoking).toEqual({ current: false, date: '2023-05-01', ref: 'Condition/ex' });
    const exOld = condition({ id: 'ex', codings: [coding(SYS.snomed, '8517006')], clinicalStatus: 'active', onset: '2010-01-01' });
    expect(factsOf([f17, exOld]).lifestyle.smoking?.current).toBe(true);
  });
});

describe('lifestyle: alcohol and falls', () => {
  it('alcohol: LOINC 74013-4 US drinks per day × 14/12; Danish units per week ÷ 7', () => {
    const f = factsOf([observation({ id: 'us', code: '74013-4', value: 3, ucum: '{drinks}/d', date: '2026-01-01' })]);
    expect(f.lifestyle.alcoholUnitsPerDay).toEqual({ value: 3.5, date: '2026-01-01', ref: 'Observation/us' });
    const dk = factsOf([observation({ code: '74013-4', value: 28, unit: 'genstande/uge', date: '2026-02-01' })]);
    expect(dk.lifestyle.alcoholUnitsPerDay?.value).toBe(4);
    const noUnit = factsOf([observation({ code: '74013-4', value: 2, date: '2026-02-01' })]);
    expect(noUnit.lifestyle.alcoholUnitsPerDay?.value).toBeCloseTo(2.3333, 4);
  });

  it('falls: LOINC 52552-7 with a count above 0 or a yes answer; the latest answer decides', () => {
    const count = observation({ id: 'c', code: '52552-7', value: 2, date: '2026-01-01' });
    expect(factsOf([count]).lifestyle.fallsReported).toEqual({ date: '2026-01-01', ref: 'Observation/c' });
    const yes = observation({ id: 'y', code: '52552-7', valueCode: coding(SYS.loinc, 'LA33-6', 'Yes'), date: '2026-02-01' });
    expect(factsOf([yes]).lifestyle.fallsReported?.ref).toBe('Observation/y');
    const none = observation({ code: '52552-7', value: 0, date: '2026-03-01' });
    expect(factsOf([count, none]).lifestyle.fallsReported).toBeUndefined();
    // Yes as SNOMED CT's qualifier or HL7's yes/no table, with no text to read.
    for (const answer of [{ system: SYS.snomed, code: '373066001' }, { system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y' }]) {
      const coded = observation({ id: 'a', code: '52552-7', valueCode: { system: answer.system, code: answer.code }, date: '2026-02-01' });
      expect(factsOf([coded]).lifestyle.fallsReported?.ref).toBe('Observation/a');
    }
  });
});
