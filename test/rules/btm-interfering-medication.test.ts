import { describe, expect, it } from 'vitest';
import { btmInterferingMedication } from '../../src/rules/follow-up/btm-interfering-medication.js';
import { course, ctxOf, medication, p1np, patient } from '../helpers/facts.js';

// TODAY = 2026-11-26; 3 months back = 2026-08-26
const woman = { sex: 'female' as const, age: 66 };
const dueCourse = (): ReturnType<typeof course> => course('alendronate', '2026-08-01'); // marker due 2026-11-01

describe('btm-interfering-medication (card l. 157-158 "Anden medicin kan specielt ved start/dosisændring påvirke værdierne")', () => {
  it('fires when a marker is due and an antiepileptic was started within 3 months', () => {
    const c = dueCourse();
    const med = medication('antiepileptic', '2026-08-26');
    const rec = btmInterferingMedication(ctxOf(patient({ ...woman, courses: [c], medications: [med] })));
    expect(rec).toMatchObject({ topic: 'btm-interfering-medication', indicator: 'info', reasons: ['interfering-medication'] });
    expect(rec?.evidence).toEqual([med.ref, ...c.refs]);
    expect(rec?.findings).toContainEqual({ kind: 'medication', drug: 'antiepileptic', date: '2026-08-26', ref: med.ref });
  });

  it('does not fire for a start more than 3 months ago (2026-08-25)', () => {
    expect(btmInterferingMedication(ctxOf(patient({ ...woman, courses: [dueCourse()], medications: [medication('aromatase-inhibitor', '2026-08-25')] })))).toBeUndefined();
  });

  it('fires when a marker was taken within the last 30 days even if none is due', () => {
    const marker = p1np(30, '2026-11-10');
    const rec = btmInterferingMedication(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-05-01')], labs: { boneMarkers: [marker] }, medications: [medication('anti-androgen', '2026-10-01')] })));
    expect(rec?.evidence).toContain(marker.ref);
  });

  it('does not fire when no marker is due or recent', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', '2026-05-01')], labs: { boneMarkers: [p1np(30, '2026-09-01')] }, medications: [medication('anti-oestrogen', '2026-10-01')] });
    expect(btmInterferingMedication(ctxOf(facts))).toBeUndefined();
  });

  it('treats a new record at another dose as a dose change, and one at the same dose as a renewal', () => {
    const older = medication('antiepileptic', '2024-01-01', { dailyDoseMg: 300 });
    expect(btmInterferingMedication(ctxOf(patient({ ...woman, courses: [dueCourse()], medications: [older, medication('antiepileptic', '2026-10-01', { dailyDoseMg: 600 })] })))?.reasons).toEqual(['interfering-medication']);
    expect(btmInterferingMedication(ctxOf(patient({ ...woman, courses: [dueCourse()], medications: [older, medication('antiepileptic', '2026-10-01', { dailyDoseMg: 300 })] })))).toBeUndefined();
  });

  it('does not fire off oral treatment or for other drugs', () => {
    expect(btmInterferingMedication(ctxOf(patient({ ...woman, courses: [course('denosumab', '2026-05-01')], medications: [medication('antiepileptic', '2026-10-01')] })))).toBeUndefined();
    expect(btmInterferingMedication(ctxOf(patient({ ...woman, courses: [dueCourse()], medications: [medication('ppi', '2026-10-01')] })))).toBeUndefined();
  });
});
