/**
 * Facts stage, rules.md section 1 (v2): the faults of issue 12 where they live — overlapping
 * courses, follow-on after denosumab, distinct vertebrae, same-day duplicates, deceased, data
 * that does not count. NOW = 2026-06-15 (facts-builders).
 */
import { describe, expect, it } from 'vitest';
import { countFractures } from '../../src/facts/fracture-count.js';
import { icd10cmSide } from '../../src/facts/fractures.js';
import { condition, factsOf, medicationAdministration, medicationRequest, medicationStatement, observation, patient, SYS } from '../helpers/facts-builders.js';
import type { UntrustedResource } from '../../src/shared/json.js';

const ALN = { atc: 'M05BA04', text: 'Alendronat 70 mg' } as const;
const DMAB = { atc: 'M05BX04', text: 'Obodence 60 mg' } as const;
const ZOL = { atc: 'M05BA08', text: 'Aclasta 5 mg' } as const;

const denosumabCourse = (f: ReturnType<typeof factsOf>) => f.courses.find((c) => c.drugClass === 'denosumab');

describe('follow-on after denosumab (v2): only a start, dispensing or dose after the last injection counts', () => {
  const injections = [
    medicationAdministration({ id: 'd1', ...DMAB, date: '2024-09-01' }),
    medicationAdministration({ id: 'd2', ...DMAB, date: '2025-03-01' }),
    medicationAdministration({ id: 'd3', ...DMAB, date: '2025-09-01' }),
  ];

  it('a zoledronic acid infusion before the switch is not a follow-on, and its course ends at the first injection', () => {
    const f = factsOf([medicationAdministration({ id: 'z', ...ZOL, date: '2024-03-01' }), ...injections]);
    expect(denosumabCourse(f)?.supersededOn).toBeUndefined();
    const zol = f.courses.find((c) => c.drugClass === 'zoledronic-acid');
    expect(zol).toMatchObject({ status: 'ended', supersededOn: '2024-09-01', supersededBy: 'denosumab' });
  });

  it('a stale active alendronate statement from before denosumab is not a follow-on and no longer makes the patient "on alendronate"', () => {
    const f = factsOf([medicationStatement({ id: 'a', ...ALN, status: 'active', start: '2021-01-10' }), ...injections]);
    expect(denosumabCourse(f)?.supersededOn).toBeUndefined();
    const aln = f.courses.find((c) => c.drugClass === 'oral-bisphosphonate');
    expect(aln).toMatchObject({ status: 'ended', end: '2024-09-01', supersededOn: '2024-09-01' });
  });

  it('alendronate prescribed after the last injection is the follow-on (the day after counts, the same day does not)', () => {
    const after = factsOf([...injections, medicationRequest({ id: 'r', ...ALN, authoredOn: '2025-09-02', supply: { value: 84, unit: 'd' } })]);
    expect(denosumabCourse(after)).toMatchObject({ supersededOn: '2025-09-02', supersededBy: 'oral-bisphosphonate', status: 'ended' });
    const sameDay = factsOf([...injections, medicationRequest({ id: 'r', ...ALN, authoredOn: '2025-09-01', supply: { value: 84, unit: 'd' } })]);
    expect(denosumabCourse(sameDay)?.supersededOn).toBeUndefined();
  });

  it('an undated active statement proves nothing about order: not a follow-on', () => {
    const f = factsOf([...injections, medicationStatement({ id: 'u', ...ALN, status: 'active' })]);
    expect(denosumabCourse(f)?.supersededOn).toBeUndefined();
  });
});

describe('overlapping courses (v2): the later-started antiresorptive is current', () => {
  it('denosumab started during an active alendronate course ends the alendronate course on that day', () => {
    const f = factsOf([
      medicationStatement({ id: 'a', ...ALN, status: 'active', start: '2022-01-01' }),
      medicationAdministration({ id: 'd1', ...DMAB, date: '2026-02-01' }),
    ]);
    expect(f.courses.filter((c) => c.status === 'active').map((c) => c.drugClass)).toEqual(['denosumab']);
    expect(f.courses.find((c) => c.drugClass === 'oral-bisphosphonate')).toMatchObject({ end: '2026-02-01', status: 'ended' });
  });

  it('alendronate restarted after a zoledronic acid infusion is a new course, and zoledronic acid is no longer current', () => {
    const f = factsOf([
      medicationRequest({ id: 'a1', ...ALN, authoredOn: '2024-01-01', supply: { value: 84, unit: 'd' } }),
      medicationAdministration({ id: 'z', ...ZOL, date: '2024-03-01' }),
      medicationRequest({ id: 'a2', ...ALN, authoredOn: '2026-05-01', supply: { value: 84, unit: 'd' } }),
    ]);
    const oral = f.courses.filter((c) => c.drugClass === 'oral-bisphosphonate');
    expect(oral.map((c) => c.start).sort()).toEqual(['2024-01-01', '2026-05-01']);
    expect(f.courses.find((c) => c.drugClass === 'zoledronic-acid')).toMatchObject({ status: 'ended', supersededOn: '2026-05-01' });
  });
});

describe('counting fractures (v2)', () => {
  const fx = (id: string, system: string, code: string, onset: string, extra: { bodySite?: string } = {}) => condition({ id, system, code, onset, ...extra });

  it('two vertebrae on one day are two fractures (ICD-10-CM levels, SKS regions, bodySite levels)', () => {
    expect(countFractures(factsOf([fx('a', SYS.icd10cm, 'S32.010A', '2026-03-01'), fx('b', SYS.icd10cm, 'S32.020A', '2026-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS220', '2026-03-01'), fx('b', SYS.sks, 'DS320', '2026-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DM800', '2026-03-01', { bodySite: 'L1' }), fx('b', SYS.sks, 'DM800', '2026-03-01', { bodySite: 'Th12' })]).fractures)).toBe(2);
  });

  it('the same vertebra (or one record without a level) recorded twice on a day is one fracture', () => {
    expect(countFractures(factsOf([fx('a', SYS.icd10cm, 'S32.010A', '2026-03-01'), fx('b', SYS.sks, 'DM800', '2026-03-01', { bodySite: 'L1' })]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('a', SYS.icd10cm, 'S32.010A', '2026-03-01'), fx('b', SYS.icd10cm, 'M80.08XA', '2026-03-01')]).fractures)).toBe(1);
  });

  it('a record without a level beside a thoracic and a lumbar one is one of them: two fractures, in any order and on any of the days', () => {
    const records = [fx('m', SYS.icd10, 'M80.08', '2015-03-01'), fx('t', SYS.sks, 'DS220', '2015-03-01'), fx('l', SYS.sks, 'DS320', '2015-03-01')];
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for (const order of orders) expect(countFractures(factsOf(order.map((i) => records[i]!)).fractures)).toBe(2);
    // The unnamed one first in time: the thoracic and lumbar records days later are still two.
    expect(countFractures(factsOf([fx('m', SYS.icd10, 'M80.08', '2015-03-01'), fx('t', SYS.sks, 'DS220', '2015-03-05'), fx('l', SYS.sks, 'DS320', '2015-03-10')]).fractures)).toBe(2);
    // US codes alike; and levels: L1, L2 and an unnamed record are two.
    expect(countFractures(factsOf([fx('m', SYS.icd10cm, 'M80.08XA', '2015-03-01'), fx('t', SYS.icd10cm, 'S22.000A', '2015-03-01'), fx('l', SYS.icd10cm, 'S32.000A', '2015-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('m', SYS.icd10cm, 'M80.08XA', '2015-03-01'), fx('a', SYS.icd10cm, 'S32.010A', '2015-03-01'), fx('b', SYS.icd10cm, 'S32.020A', '2015-03-01')]).fractures)).toBe(2);
  });

  it('a record that names no vertebra or side neither joins nor stretches the fractures that do', () => {
    // A lumbar follow-up tells which fracture the unnamed record was: beside a thoracic one, two.
    expect(countFractures(factsOf([fx('m', SYS.icd10cm, 'M80.08XA', '2026-03-01'), fx('t', SYS.icd10cm, 'S22.000A', '2026-03-05'), fx('l', SYS.icd10cm, 'S32.000D', '2026-05-20')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('l', SYS.icd10cm, 'S32.000D', '2026-05-20'), fx('t', SYS.icd10cm, 'S22.000A', '2026-03-05'), fx('m', SYS.icd10cm, 'M80.08XA', '2026-03-01')]).fractures)).toBe(2);
    // T12 recorded twice 11 days apart is one fracture, also with an unnamed record 5 days before the first.
    const t12 = [fx('a', SYS.sks, 'DS220', '2026-03-06', { bodySite: 'Th12' }), fx('b', SYS.sks, 'DS220', '2026-03-17', { bodySite: 'Th12' })];
    expect(countFractures(factsOf(t12).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('m', SYS.icd10, 'M80.08', '2026-03-01'), ...t12]).fractures)).toBe(1);
    // Right and left are two fractures of a limb, even on one day; one naming no side is one of them.
    expect(countFractures(factsOf([fx('r', SYS.icd10cm, 'S72.001A', '2025-09-01'), fx('l', SYS.icd10cm, 'S72.002A', '2025-09-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('r', SYS.icd10cm, 'S52.501A', '2025-09-01'), fx('l', SYS.icd10cm, 'S52.502A', '2025-09-10')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('u', SYS.icd10cm, 'S72.009A', '2025-09-01'), fx('r', SYS.icd10cm, 'S72.001A', '2025-09-01'), fx('l', SYS.icd10cm, 'S72.002A', '2025-09-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('r', SYS.icd10cm, 'S72.001A', '2025-09-01'), fx('u', SYS.icd10cm, 'S72.009A', '2025-09-05')]).fractures)).toBe(1);
    // The pelvis is one ring: its right and left pubic rami on one day are one fracture.
    const rami = factsOf([fx('r', SYS.icd10cm, 'S32.511A', '2025-09-01'), fx('l', SYS.icd10cm, 'S32.512A', '2025-09-01')]).fractures;
    expect(rami.map((f) => [f.site, f.side])).toEqual([['pelvis', 'right'], ['pelvis', 'left']]);
    expect(countFractures(rami)).toBe(1);
    // Records naming nothing stay as before: the same site within 14 days of the first is one.
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS720', '2025-09-01'), fx('b', SYS.sks, 'DS720', '2025-09-10')]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS720', '2025-09-01'), fx('b', SYS.sks, 'DS720', '2025-09-20')]).fractures)).toBe(2);
  });

  it('a level inside an ICD-10-CM pair (T12 in "T11-T12") is the same vertebra, also for a later encounter', () => {
    expect(countFractures(factsOf([fx('p', SYS.icd10cm, 'S22.080A', '2026-03-01'), fx('l', SYS.icd10cm, 'M80.08XA', '2026-03-01', { bodySite: 'T12' })]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('p', SYS.icd10cm, 'S22.070A', '2026-03-01'), fx('l', SYS.sks, 'DS220', '2026-03-01', { bodySite: 'Th10' })]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('p', SYS.icd10cm, 'S22.080A', '2026-03-01'), fx('l', SYS.sks, 'DS220', '2026-03-01', { bodySite: 'Th10' })]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('p', SYS.icd10cm, 'S22.080A', '2025-03-01'), fx('f', SYS.icd10cm, 'M80.08XD', '2026-03-01', { bodySite: 'T12' })]).fractures)).toBe(1);
  });

  it('an ICD-10-CM level pair (S22.07 "T9-T10") is one fracture, though its display names both levels', () => {
    const pair = (id: string, code: string, display: string) => condition({ id, system: SYS.icd10cm, code, display, onset: '2026-03-01' });
    expect(countFractures(factsOf([pair('a', 'S22.070A', 'Wedge compression fracture of T9-T10 vertebra, initial encounter')]).fractures)).toBe(1);
    expect(countFractures(factsOf([pair('a', 'S22.060A', 'Wedge compression fracture of T7-T8 vertebra, initial encounter')]).fractures)).toBe(1);
    // Another level named beside the pair still counts.
    expect(countFractures(factsOf([condition({ id: 'b', system: SYS.icd10cm, code: 'S22.070A', display: 'Wedge compression fracture of T9-T10 vertebra', bodySite: 'T9, L1', onset: '2026-03-01' })]).fractures)).toBe(2);
  });

  it('a code for multiple vertebral fractures counts as two', () => {
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS221', '2026-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('a', SYS.icd10, 'S22.1', '2026-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS127', '2026-03-01')]).fractures)).toBe(2);
  });

  it('a cervical vertebra is a spine fracture and a region of its own ("cervical, thoracic, lumbar"); a fracture of the hyoid (S12.8) is not', () => {
    const cervical = factsOf([fx('c', SYS.sks, 'DS122', '2026-03-01')]).fractures;
    expect(cervical.map((f) => [f.site, f.vertebra])).toEqual([['spine', 'cervical']]);
    expect(factsOf([fx('c', SYS.icd10cm, 'S12.400A', '2026-03-01')]).fractures.map((f) => f.vertebra)).toEqual(['C5']);
    expect(countFractures(factsOf([fx('c', SYS.sks, 'DS121', '2026-03-01'), fx('t', SYS.sks, 'DS220', '2026-03-01')]).fractures)).toBe(2);
    expect(factsOf([fx('h', SYS.icd10, 'S12.8', '2026-03-01')]).fractures.filter((f) => f.site === 'spine')).toEqual([]);
  });

  it('different sites on one day count separately; the same site within 14 days is one (boundary: day 14 one, day 15 two)', () => {
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS720', '2026-03-01'), fx('b', SYS.sks, 'DS525', '2026-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS720', '2026-03-01'), fx('b', SYS.sks, 'DS721', '2026-03-15')]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('a', SYS.sks, 'DS720', '2026-03-01'), fx('b', SYS.sks, 'DS721', '2026-03-16')]).fractures)).toBe(2);
  });

  it('collapsed vertebrae (M48.5) in two regions are two fractures; a span of regions or no region cannot be told apart', () => {
    expect(countFractures(factsOf([fx('t', SYS.icd10cm, 'M48.54XA', '2026-03-01'), fx('l', SYS.icd10cm, 'M48.56XA', '2026-03-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('t', SYS.sks, 'DM4854', '2026-03-01'), fx('l', SYS.sks, 'DM4856', '2026-03-01')]).fractures)).toBe(2);
    expect(factsOf([fx('c', SYS.icd10, 'M48.52', '2026-03-01')]).fractures.map((f) => f.vertebra)).toEqual(['cervical']);
    expect(countFractures(factsOf([fx('t', SYS.icd10cm, 'M48.55XA', '2026-03-01'), fx('l', SYS.icd10cm, 'M48.56XA', '2026-03-01')]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('t', SYS.icd10cm, 'M48.54XA', '2026-03-01'), fx('l', SYS.icd10cm, 'M48.54XA', '2026-03-05')]).fractures)).toBe(1);
  });

  it('an ICD-10-CM later encounter (7th character D, G, K, P, S) of a site recorded before is that fracture, up to two years after', () => {
    const hip = (code: string, onset: string) => fx(code, SYS.icd10cm, code, onset);
    for (const later of ['S72.001D', 'S72.001G', 'S72.001K', 'S72.001P', 'S72.001S']) {
      expect(countFractures(factsOf([hip('S72.001A', '2024-01-10'), hip(later, '2025-11-02')]).fractures)).toBe(1);
    }
    // The earlier record stands for it: the later date does not make a recent fracture.
    expect(factsOf([hip('S72.001A', '2024-01-10'), hip('S72.001D', '2025-11-02')]).fractures.map((f) => f.date)).toEqual(['2024-01-10']);
    // A new fracture is an initial encounter: two hips a year apart are two.
    expect(countFractures(factsOf([hip('S72.001A', '2024-01-10'), hip('S72.002A', '2025-11-02')]).fractures)).toBe(2);
    // Another site, or another vertebra, is another fracture.
    expect(countFractures(factsOf([hip('S72.001A', '2024-01-10'), fx('w', SYS.icd10cm, 'S52.531D', '2025-11-02')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('l1', SYS.icd10cm, 'S32.010A', '2024-01-10'), fx('l2', SYS.icd10cm, 'S32.020D', '2025-11-02')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('l1', SYS.icd10cm, 'S32.010A', '2024-01-10'), fx('l1d', SYS.icd10cm, 'S32.010D', '2024-01-29')]).fractures)).toBe(1);
  });

  it('a later encounter of the OTHER side is another fracture (us54: right hip 2019, left hip recorded only as S72.002D in 2025)', () => {
    const f = factsOf([fx('r', SYS.icd10cm, 'S72.001A', '2019-05-01'), fx('l', SYS.icd10cm, 'S72.002D', '2025-06-15')]).fractures;
    expect(f.map((x) => [x.ref, x.date, x.side])).toEqual([
      ['Condition/l', '2025-06-15', 'left'],
      ['Condition/r', '2019-05-01', 'right'],
    ]);
    // The other side a month later is still another fracture; an unnamed side (S72.009D, S72.90XD) may be either.
    expect(countFractures(factsOf([fx('r', SYS.icd10cm, 'S72.001A', '2025-05-01'), fx('l', SYS.icd10cm, 'S72.002D', '2025-06-01')]).fractures)).toBe(2);
    expect(countFractures(factsOf([fx('r', SYS.icd10cm, 'S72.001A', '2025-05-01'), fx('u', SYS.icd10cm, 'S72.009D', '2025-06-01')]).fractures)).toBe(1);
    expect(countFractures(factsOf([fx('u', SYS.icd10cm, 'S72.90XA', '2025-05-01'), fx('l', SYS.icd10cm, 'S72.002D', '2025-06-01')]).fractures)).toBe(1);
    // Right then left then a left follow-up: it continues the left one, not the first record of the site.
    const three = factsOf([fx('r', SYS.icd10cm, 'S72.001A', '2025-01-01'), fx('l', SYS.icd10cm, 'S72.002A', '2025-03-01'), fx('ld', SYS.icd10cm, 'S72.002D', '2025-04-01')]).fractures;
    expect(three.map((x) => x.ref)).toEqual(['Condition/l', 'Condition/r']);
  });

  it('a later encounter or sequela of the same side years after the record is still that fracture, not a new one', () => {
    const f = factsOf([fx('a', SYS.icd10cm, 'S72.001A', '2019-05-01'), fx('d', SYS.icd10cm, 'S72.001D', '2025-06-15')]).fractures;
    expect(f.map((x) => [x.ref, x.date])).toEqual([['Condition/a', '2019-05-01']]);
    expect(countFractures(factsOf([fx('a', SYS.icd10cm, 'S72.001A', '2021-01-01'), fx('s', SYS.icd10cm, 'S72.001S', '2026-01-01')]).fractures)).toBe(1);
  });

  it('the side of ICD-10-CM fracture codes: limb and pelvic-ring families (6th character, 5th before X), ribs (5th), M80 limb sites; none for vertebrae', () => {
    expect(icd10cmSide('S72.001A')).toBe('right');
    expect(icd10cmSide('S72.002D')).toBe('left');
    expect(icd10cmSide('S72.009A')).toBeUndefined();
    expect(icd10cmSide('S72.034A')).toBe('right'); // nondisplaced, right
    expect(icd10cmSide('S72.035A')).toBe('left');
    expect(icd10cmSide('S7221XA')).toBe('right'); // subtrochanteric, right
    expect(icd10cmSide('S72.8X2A')).toBe('left');
    expect(icd10cmSide('S72.90XA')).toBeUndefined();
    expect(icd10cmSide('S52.531A')).toBe('right');
    expect(icd10cmSide('S32.402A')).toBe('left');
    expect(icd10cmSide('S22.32XA')).toBe('left');
    expect(icd10cmSide('M80.051A')).toBe('right');
    expect(icd10cmSide('M80.08XA')).toBeUndefined();
    expect(icd10cmSide('S22.001A')).toBeUndefined(); // thoracic vertebra: the 6th character is the kind of fracture
    expect(icd10cmSide('S32.011A')).toBeUndefined();
    expect(icd10cmSide('S22.21XA')).toBeUndefined(); // sternum
  });

  it('a later encounter with nothing before it is the fracture (first recorded elsewhere); one dated before the initial record is not merged', () => {
    expect(factsOf([fx('d', SYS.icd10cm, 'S72.001D', '2025-11-02')]).fractures.map((f) => [f.site, f.date, f.followUp])).toEqual([['hip', '2025-11-02', true]]);
    expect(countFractures(factsOf([fx('d', SYS.icd10cm, 'S72.001D', '2023-05-01'), fx('a', SYS.icd10cm, 'S72.001A', '2025-11-02')]).fractures)).toBe(2);
    // Two follow-ups and no initial record: the first stands for both.
    expect(countFractures(factsOf([fx('d1', SYS.icd10cm, 'S72.001D', '2025-03-01'), fx('d2', SYS.icd10cm, 'S72.001D', '2025-11-02')]).fractures)).toBe(1);
  });

  it('the follow-up\'s low-energy evidence goes to the fracture it continues (M80 subsequent encounter after an S-code)', () => {
    const f = factsOf([fx('a', SYS.icd10cm, 'S72.001A', '2024-01-10'), fx('m', SYS.icd10cm, 'M80.051D', '2024-06-01')]).fractures;
    expect(f.map((x) => [x.ref, x.mechanism, x.date])).toEqual([['Condition/a', 'low-energy', '2024-01-10']]);
  });

  it('WHO ICD-10 and SKS codes carry no encounter character: never a follow-up', () => {
    expect(factsOf([fx('a', SYS.sks, 'DS7200D', '2025-11-02')]).fractures[0]?.followUp).toBeUndefined();
    expect(factsOf([fx('a', SYS.icd10cm, 'S72.001A', '2025-11-02')]).fractures[0]?.followUp).toBeUndefined();
  });
});

describe('same-day duplicates (v2): one measurement per concept and day', () => {
  it('two P1NP results of one day are one: the later issued, else the later id', () => {
    const byIssued = factsOf([
      observation({ id: 'p-b', code: '77370-5', value: 80, ucum: 'ug/L', date: '2026-03-01', issued: '2026-03-01T10:00:00Z' }),
      observation({ id: 'p-a', code: '77370-5', value: 40, ucum: 'ug/L', date: '2026-03-01', issued: '2026-03-02T10:00:00Z' }),
    ]);
    expect(byIssued.labs.boneMarkers.map((m) => m.ref)).toEqual(['Observation/p-a']);
    const byId = factsOf([
      observation({ id: 'p-2', code: '77370-5', value: 80, ucum: 'ug/L', date: '2026-03-01' }),
      observation({ id: 'p-10', code: '77370-5', value: 40, ucum: 'ug/L', date: '2026-03-01' }),
    ]);
    expect(byId.labs.boneMarkers.map((m) => m.ref)).toEqual(['Observation/p-10']);
  });

  it('an eGFR recorded twice on a day is one value, so a "fall" needs two days; P1NP and CTX of one day both stay', () => {
    const f = factsOf([
      observation({ id: 'e1', code: '62238-1', value: 52, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01' }),
      observation({ id: 'e2', code: '62238-1', value: 44, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01' }),
      observation({ id: 'p', code: '77370-5', value: 40, ucum: 'ug/L', date: '2026-05-01' }),
      observation({ id: 'c', code: '41171-0', value: 300, ucum: 'pg/mL', date: '2026-05-01' }),
    ]);
    expect(f.labs.egfr).toHaveLength(1);
    expect(f.labs.boneMarkers.map((m) => m.marker).sort()).toEqual(['ctx', 'p1np']);
  });
});

describe('one resource sent twice in different versions: the later version counts, in either order', () => {
  const egfr = (value: number, meta: Record<string, string>, status = 'final') => ({ ...observation({ id: 'eg', code: '62238-1', value, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', status }), meta });

  it('by meta.versionId (numeric), else meta.lastUpdated; a corrected low eGFR is not lost behind its first version', () => {
    for (const order of [0, 1]) {
      const copies = [egfr(70, { versionId: '1' }), egfr(22, { versionId: '2' }, 'corrected')];
      const f = factsOf(order === 0 ? copies : copies.reverse());
      expect(f.labs.egfr.map((m) => m.value)).toEqual([22]);
    }
    const byTime = factsOf([egfr(70, { lastUpdated: '2026-05-02T08:00:00Z' }), egfr(22, { lastUpdated: '2026-05-01T08:00:00+00:00' })]);
    expect(byTime.labs.egfr.map((m) => m.value)).toEqual([70]);
    expect(factsOf([egfr(70, { versionId: '9' }), egfr(22, { versionId: '10' })]).labs.egfr.map((m) => m.value)).toEqual([22]);
  });

  it('an entered-in-error later version withdraws the result; undecidable copies keep the first, as identical ones do', () => {
    expect(factsOf([egfr(22, { versionId: '1' }), egfr(22, { versionId: '2' }, 'entered-in-error')]).labs.egfr).toEqual([]);
    expect(factsOf([egfr(70, {}), egfr(22, {})]).labs.egfr.map((m) => m.value)).toEqual([70]);
    expect(factsOf([egfr(70, { versionId: '1' }), egfr(70, { versionId: '1' })]).labs.egfr.map((m) => m.value)).toEqual([70]);
  });
});

describe('deceased (v2)', () => {
  it('deceasedBoolean true or any deceasedDateTime makes the patient deceased; false does not', () => {
    expect(factsOf([], { patient: { ...patient(), deceasedBoolean: true } }).deceased).toBe(true);
    expect(factsOf([], { patient: { ...patient(), deceasedDateTime: '2026-05-01' } }).deceased).toBe(true);
    expect(factsOf([], { patient: { ...patient(), deceasedBoolean: false } }).deceased).toBe(false);
    expect(factsOf([]).deceased).toBe(false);
  });
});

describe('data that does not count (v2)', () => {
  it('a registered (pending) Observation is not read; preliminary is', () => {
    const f = factsOf([
      observation({ id: 'reg', code: '62238-1', value: 20, ucum: 'mL/min/{1.73_m2}', date: '2026-05-01', status: 'registered' }),
      observation({ id: 'pre', code: '62238-1', value: 60, ucum: 'mL/min/{1.73_m2}', date: '2026-04-01', status: 'preliminary' }),
    ]);
    expect(f.labs.egfr.map((m) => m.ref)).toEqual(['Observation/pre']);
    expect(f.unusable).toEqual([]);
  });

  it('a clinical date more than one day after today is left out and named; tomorrow still counts', () => {
    const f = factsOf([
      observation({ id: 'tomorrow', code: '62238-1', value: 60, ucum: 'mL/min/{1.73_m2}', date: '2026-06-16' }),
      observation({ id: 'future', code: '62238-1', value: 20, ucum: 'mL/min/{1.73_m2}', date: '2026-06-17' }),
      condition({ id: 'fx', system: SYS.sks, code: 'DS720', onset: '2027-01-01' }),
      medicationStatement({ id: 'ms', ...ALN, status: 'active', start: '2026-09-01' }),
      medicationRequest({ id: 'mr', ...ALN, authoredOn: '2026-12-01' }),
    ]);
    expect(f.labs.egfr.map((m) => m.ref)).toEqual(['Observation/tomorrow']);
    expect(f.fractures).toEqual([]);
    expect(f.medications).toEqual([]);
    expect(f.futureDated.map((x) => x.ref).sort()).toEqual(['Condition/fx', 'MedicationRequest/mr', 'MedicationStatement/ms', 'Observation/future']);
    // Named as the GP finds them in the record: the date and the code's text, else its display.
    expect(f.futureDated.find((x) => x.ref === 'Observation/future')).toMatchObject({ date: '2026-06-17' });
    expect(f.futureDated.find((x) => x.ref === 'Condition/fx')).toMatchObject({ date: '2027-01-01' });
  });

  it('a future-dated resource keeps its name from the record (text, else display), whitespace tidied and cut at 60 characters', () => {
    const named = (resource: UntrustedResource) => factsOf([resource]).futureDated[0];
    const base = observation({ id: 'o', code: '62238-1', value: 20, ucum: 'mL/min/{1.73_m2}', date: '2026-09-01' });
    expect(named({ ...base, code: { coding: [{ system: 'http://loinc.org', code: '62238-1', display: 'eGFR CKD-EPI' }] } })).toEqual({ ref: 'Observation/o', date: '2026-09-01', name: 'eGFR CKD-EPI' });
    expect(named({ ...base, code: { text: '  P-eGFR\n (beregnet) ', coding: [{ system: 'http://loinc.org', code: '62238-1', display: 'eGFR' }] } })?.name).toBe('P-eGFR (beregnet)');
    expect(named({ ...base, code: { text: 'x'.repeat(100), coding: [{ system: 'http://loinc.org', code: '62238-1' }] } })?.name).toBe(`${'x'.repeat(59)}…`);
    expect(named({ ...base, code: { coding: [{ system: 'http://loinc.org', code: '62238-1' }] } })).toEqual({ ref: 'Observation/o', date: '2026-09-01' });
    const ms = medicationStatement({ id: 'ms', ...ALN, status: 'active', start: '2026-09-01' });
    expect(named({ ...ms, medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m', display: 'Alendronat 70 mg' } })?.name).toBe('Alendronat 70 mg');
  });

  it('a period with only its end dates the resource: an injection given by then, a fracture\'s onset; a future one is named', () => {
    const { effectiveDateTime: _d, ...given } = medicationAdministration({ id: 'inj', ...DMAB, date: '2026-04-20' });
    const f = factsOf([
      medicationAdministration({ id: 'inj-1', ...DMAB, date: '2025-09-18' }),
      { ...given, effectivePeriod: { end: '2026-04-20T10:05:00+02:00' } },
      { ...condition({ id: 'fx', system: SYS.sks, code: 'DS720' }), onsetPeriod: { end: '2026-05-01' }, recordedDate: '2026-06-10' },
      { ...medicationAdministration({ id: 'inj-future', ...DMAB }), effectivePeriod: { end: '2026-09-01' } },
    ]);
    expect(denosumabCourse(f)?.lastDose).toBe('2026-04-20');
    expect(f.fractures.map((x) => [x.ref, x.date])).toEqual([['Condition/fx', '2026-05-01']]);
    expect(f.futureDated.map((x) => x.ref)).toEqual(['MedicationAdministration/inj-future']);
  });

  it('a period end after the day the Condition was written down ("no end": 2099) dates nothing: the recordedDate does, and nothing is future-dated', () => {
    const f = factsOf([
      { ...condition({ id: 'fx', system: SYS.sks, code: 'DS720' }), onsetPeriod: { end: '2099-12-31' }, recordedDate: '2026-05-01' },
      { ...condition({ id: 'ra', system: 'http://hl7.org/fhir/sid/icd-10', code: 'M05.9' }), onsetPeriod: { end: '2099-12-31' }, recordedDate: '2020-01-01' },
    ]);
    expect(f.fractures.map((x) => [x.ref, x.date])).toEqual([['Condition/fx', '2026-05-01']]);
    expect(f.futureDated).toEqual([]);
    expect(f.conditions.map((c) => c.ref)).toContain('Condition/ra');
    // A partial entry date means up to its last day: an end within that year dates the onset.
    const partial = factsOf([{ ...condition({ id: 'fx-y', system: SYS.sks, code: 'DS520' }), onsetPeriod: { end: '2025-12-15' }, recordedDate: '2025' }]);
    expect(partial.fractures.map((x) => [x.ref, x.date])).toEqual([['Condition/fx-y', '2025-12-15']]);
  });

  it('a future onset written as onsetString or onsetAge is left out and named, as one in onsetDateTime', () => {
    const f = factsOf(
      [
        { ...condition({ id: 'fx-string', system: SYS.sks, code: 'DS720' }), onsetString: '2027-01-10' },
        { ...condition({ id: 'fx-age', system: SYS.sks, code: 'DS320' }), onsetAge: { value: 80, unit: 'a' } },
      ],
      { patient: patient({ birthDate: '1950-03-10' }) },
    );
    expect(f.fractures).toEqual([]);
    expect(f.futureDated.map((x) => x.ref).sort()).toEqual(['Condition/fx-age', 'Condition/fx-string']);
  });

  it('MedicationStatements not-taken, entered-in-error and intended do not count', () => {
    const f = factsOf(['not-taken', 'entered-in-error', 'intended'].map((status) => medicationStatement({ id: status, ...ALN, status, start: '2025-01-01' })));
    expect(f.medications).toEqual([]);
  });
});
