import { describe, expect, it } from 'vitest';
import { condition, factsOf, observation, patient, PATIENT_ID, SYS } from '../helpers/facts-builders.js';

describe('patient: sex, birth date, age', () => {
  it('reads sex and the age in completed years on today (Danish date)', () => {
    const f = factsOf([], { patient: patient({ gender: 'male', birthDate: '1966-06-15' }), now: new Date('2026-06-15T10:00:00Z') });
    expect(f).toMatchObject({ sex: 'male', birthDate: '1966-06-15', age: 60, today: '2026-06-15', patientRef: `Patient/${PATIENT_ID}` });
  });

  it('60th birthday: 59 the day before, 60 on the day — with today taken in Danish time', () => {
    const man = patient({ gender: 'male', birthDate: '1966-11-26' });
    expect(factsOf([], { patient: man, now: new Date('2026-11-25T12:00:00Z') }).age).toBe(59);
    expect(factsOf([], { patient: man, now: new Date('2026-11-26T00:00:00+01:00') }).age).toBe(60);
    // 22:59Z on the 25th is 23:59 in Copenhagen (winter time): still the day before
    expect(factsOf([], { patient: man, now: new Date('2026-11-25T22:59:00Z') }).age).toBe(59);
    // 23:30Z on the 25th is already the 26th in Copenhagen
    expect(factsOf([], { patient: man, now: new Date('2026-11-25T23:30:00Z') })).toMatchObject({ today: '2026-11-26', age: 60 });
  });

  it('a partial birth date counts from its first day', () => {
    expect(factsOf([], { patient: patient({ birthDate: '1966' }), now: new Date('2026-01-01T12:00:00Z') })).toMatchObject({ birthDate: '1966-01-01', age: 60 });
    expect(factsOf([], { patient: patient({ birthDate: '1966-11' }), now: new Date('2026-10-31T12:00:00Z') }).age).toBe(59);
  });

  it('a partial birth date also gives the age it guarantees, from its last day; a full one none', () => {
    // "1946" on 2026-06-01: 80 if born in January, 79 if in December.
    expect(factsOf([], { patient: patient({ birthDate: '1946' }), now: new Date('2026-06-01T12:00:00Z') })).toMatchObject({ age: 80, ageAtLeast: 79 });
    expect(factsOf([], { patient: patient({ birthDate: '1946-05' }), now: new Date('2026-06-01T12:00:00Z') })).toMatchObject({ age: 80, ageAtLeast: 80 });
    expect(factsOf([], { patient: patient({ birthDate: '1946' }), now: new Date('2026-12-31T12:00:00Z') })).toMatchObject({ age: 80, ageAtLeast: 80 });
    expect(factsOf([], { patient: patient({ birthDate: '2026' }), now: new Date('2026-06-01T12:00:00Z') })).toMatchObject({ age: 0, ageAtLeast: 0 });
    expect(factsOf([], { patient: patient({ birthDate: '1946-05-17' }), now: new Date('2026-06-01T12:00:00Z') })).not.toHaveProperty('ageAtLeast');
  });

  it('unknown or invalid sex and birth date give unknown / no age', () => {
    const f = factsOf([], { patient: { resourceType: 'Patient', id: 'x', gender: 'F', birthDate: '31-12-1950' } });
    expect(f.sex).toBe('unknown');
    expect(f.birthDate).toBeUndefined();
    expect(f.age).toBeUndefined();
    expect(f.patientRef).toBe('Patient/x');
  });
});

describe('patient: menopause recorded', () => {
  it('from a Condition N95.1 (SKS DN951) or SNOMED 76498008, dated by onset', () => {
    const f = factsOf([condition({ id: 'm', code: 'DN951', system: SYS.sks, onset: '2010-04-01' })]);
    expect(f.menopauseRecorded).toEqual({ date: '2010-04-01', ref: 'Condition/m' });
    expect(f.conditions.map((c) => c.concept)).toEqual(['menopause']);
  });

  it('from an early menopause (primary ovarian failure E28.3, SKS DE283, ICD-10-CM E28.310): a recorded menopause too', () => {
    for (const [code, system] of [['E28.3', SYS.icd10], ['DE283', SYS.sks], ['E28.310', 'http://hl7.org/fhir/sid/icd-10-cm']] as const) {
      const f = factsOf([condition({ id: 'poi', code, system, onset: '2020-03-01' })]);
      expect(f.menopauseRecorded, code).toEqual({ date: '2020-03-01', ref: 'Condition/poi' });
      expect(f.conditions.map((c) => c.concept)).toContain('early-menopause');
    }
  });

  it('from an Observation coded or valued postmenopausal', () => {
    const f = factsOf([observation({ id: 'o', code: '76498008', system: SYS.snomed, date: '2012-01-01' })]);
    expect(f.menopauseRecorded).toEqual({ date: '2012-01-01', ref: 'Observation/o' });
  });

  it('a menopause with onset before age 45 is also an early menopause', () => {
    const woman = patient({ birthDate: '1970-05-01' });
    const early = factsOf([condition({ code: 'N95.1', system: SYS.icd10, onset: '2014-01-01' })], { patient: woman });
    expect(early.conditions.map((c) => c.concept).sort()).toEqual(['early-menopause', 'menopause']);
    const byAge = factsOf([condition({ code: '76498008', onsetAge: 42 })], { patient: woman });
    expect(byAge.conditions.map((c) => c.concept).sort()).toEqual(['early-menopause', 'menopause']);
    const normal = factsOf([condition({ code: 'N95.1', system: SYS.icd10, onset: '2021-01-01' })], { patient: woman });
    expect(normal.conditions.map((c) => c.concept)).toEqual(['menopause']);
  });
});

describe('patient: what the stage reads', () => {
  it('drops resources of another patient, keeps those without a subject or with an unknown reference form', () => {
    // One result per day: same-day results of one lab are one measurement (rules.md section 1 v2).
    let day = 0;
    const mine = (id: string, subject?: string | null) => {
      day += 1;
      return observation({ id, code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: `2026-01-0${day}`, subject });
    };
    const f = factsOf([
      mine('own'),
      mine('absolute', `http://localhost:8080/fhir/Patient/${PATIENT_ID}`),
      mine('history', `Patient/${PATIENT_ID}/_history/3`),
      mine('other', 'Patient/someone-else'),
      mine('other-absolute', 'https://ehr.example.dk/fhir/Patient/someone-else'),
      mine('none', null),
      mine('uuid', 'urn:uuid:5f1b8ad0-6f4f-4c77-9b43-0d4a6f0a1f3e'),
    ]);
    expect(f.labs.calcium.map((m) => m.ref).sort()).toEqual(
      ['Observation/absolute', 'Observation/history', 'Observation/none', 'Observation/own', 'Observation/uuid'].sort(),
    );
  });

  it('reads a resource sent twice only once', () => {
    const o = observation({ id: 'dup', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-01-01' });
    expect(factsOf([o, o, { ...o }]).labs.calcium).toHaveLength(1);
  });

  it('tells resources apart by type and id, the types interleaved and parsed from JSON as an EHR sends them', () => {
    const o = observation({ id: 'x', code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: 'mmol/L', date: '2026-01-01' });
    const c = condition({ id: 'x', code: 'DM810', system: SYS.sks, onset: '2025-01-01' });
    const later = observation({ id: 'y', code: 'NPU01443', system: SYS.npuOid, value: 2.4, unit: 'mmol/L', date: '2026-02-01' });
    const sent = JSON.parse(JSON.stringify([o, c, o, later, c, later])) as typeof o[];
    const f = factsOf(sent);
    expect(f.labs.calcium.map((m) => m.ref)).toEqual(['Observation/y', 'Observation/x']);
    expect(f.conditions.map((k) => k.ref)).toEqual(['Condition/x']);
  });

  it('passes the unavailable prefetch keys through', () => {
    expect(factsOf([], { unavailable: ['medicationStatements', 'allergies'] }).unavailable).toEqual(['medicationStatements', 'allergies']);
  });
});
