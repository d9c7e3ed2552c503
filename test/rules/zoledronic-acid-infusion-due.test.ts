import { describe, expect, it } from 'vitest';
import { zoledronicAcidInfusionDue } from '../../src/rules/follow-up/zoledronic-acid-infusion-due.js';
import { zoledronicAcidInfusionDueTexts } from '../../src/cards/text/follow-up/zoledronic-acid-infusion-due.js';
import { calcium, course, creatinine, ctxOf, egfr, patient, vitaminD } from '../helpers/facts.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 80 };

describe('zoledronic-acid-infusion-due (card l. 60 "5 mg i.v. årligt", l. 75 "P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion")', () => {
  it('fires 11 months after the last infusion (2025-12-26 + 11 months = 2026-11-26), ordering the missing labs in one suggestion', () => {
    const zol = course('zoledronic-acid', '2024-12-26', { lastDose: '2025-12-26' });
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol] })));
    expect(rec).toMatchObject({ topic: 'zoledronic-acid-infusion-due', indicator: 'info', reasons: ['infusion-due', 'calcium-missing', 'creatinine-missing', 'vitamin-d-missing'] });
    expect(rec?.evidence).toEqual(zol.refs);
    // The card's "-kreatinin" (rules.md "creatinine/eGFR"): with neither, the creatinine is ordered.
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'creatinine', 'vitamin-d'], note: 'before-infusion' }]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'zoledronic-acid-infusion', date: '2026-12-26' });
  });

  it('an eGFR "<60", a 25-OH-D ">30" or a calcium "<2.40" before the infusion cannot decide their checks: ordered as missing (terminology.md l. 1063)', () => {
    const zol = course('zoledronic-acid', '2024-12-26', { lastDose: '2025-12-26' });
    const labs = {
      egfr: [egfr(60, '2026-11-20', { comparator: '<' as const })],
      creatinine: [creatinine(80, '2026-11-20')],
      calcium: [calcium(2.4, '2026-11-20', 'total', { comparator: '<' })],
      vitaminD: [{ ...vitaminD(30, '2026-11-20'), comparator: '>' as const }],
    };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs })));
    expect(rec?.reasons).toEqual(['infusion-due', 'calcium-missing', 'egfr-missing', 'vitamin-d-missing']);
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'egfr', 'vitamin-d'], note: 'before-infusion' }]);
  });

  it('a due date in the past is marked so ("was due on <date>", never "coming"); today itself is not past', () => {
    const late = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2023-11-26', { lastDose: '2024-11-26' })] })));
    expect(late).toMatchObject({ due: '2025-11-26', overdue: true });
    expect(late?.findings).toContainEqual({ kind: 'due-date', what: 'zoledronic-acid-infusion', date: '2025-11-26', past: true });
    const onTheDay = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-11-26', { lastDose: '2025-11-26' })] })));
    expect(onTheDay).toMatchObject({ due: '2026-11-26', overdue: false });
    expect(onTheDay?.findings).toContainEqual({ kind: 'due-date', what: 'zoledronic-acid-infusion', date: '2026-11-26' });
  });

  it('does not fire the day before 11 months', () => {
    expect(zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-27', { lastDose: '2025-12-27' })] })))).toBeUndefined();
  });

  it('counts labs from the last 30 days; an eGFR stands for creatinine', () => {
    const ca = calcium(2.4, '2026-10-27'); // 30 days before today
    const gfr = egfr(62, '2026-11-01');
    const d = vitaminD(80, '2026-10-26'); // 31 days: not current
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' })], labs: { calcium: [ca], egfr: [gfr], vitaminD: [d] } })));
    expect(rec?.reasons).toEqual(['infusion-due', 'vitamin-d-missing']);
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['vitamin-d'], note: 'before-infusion' }]);
    expect(rec?.evidence).toEqual(expect.arrayContaining([ca.ref, gfr.ref]));
  });

  it('has no suggestion when every lab is current', () => {
    const labs = { calcium: [calcium(2.4, '2026-11-20')], creatinine: [creatinine(70, '2026-11-20')], egfr: [egfr(70, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' })], labs })));
    expect(rec?.reasons).toEqual(['infusion-due']);
    expect(rec).not.toHaveProperty('suggestions');
  });

  it('does not fire when zoledronic acid is stopped or ended', () => {
    expect(zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01', status: 'stopped' })] })))).toBeUndefined();
    expect(zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2022-12-01', { lastDose: '2024-10-01', status: 'ended' })] })))).toBeUndefined();
  });

  it('reads the month from the settings', () => {
    expect(zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-26', { lastDose: '2025-12-26' })] }), { zoledronicDueMonths: 12 }))).toBeUndefined();
  });

  it('says a low latest calcium or 25-OH-D ≤ 50 (card l. 42-43), whatever its age, and tests it again [choice]', () => {
    const labs = { calcium: [calcium(2.05, '2026-11-20')], egfr: [egfr(70, '2026-11-20')], vitaminD: [vitaminD(50, '2026-09-01')] };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' })], labs })));
    expect(rec).toMatchObject({ indicator: 'info', reasons: ['infusion-due', 'vitamin-d-missing', 'hypocalcaemia', 'vitamin-d-low'], calciumLow: true, vitaminDLow: true });
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['vitamin-d', 'calcium'], note: 'before-infusion' }]);
    // 51 nmol/L passes "> 50".
    const ok = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' })], labs: { ...labs, calcium: [calcium(2.3, '2026-11-20')], vitaminD: [vitaminD(51, '2026-11-20')] } })));
    expect(ok?.reasons).toEqual(['infusion-due']);
    expect(ok).not.toHaveProperty('calciumLow');
    expect(ok).not.toHaveProperty('vitaminDLow');
  });

  it('a current 25-OH-D ≤ 50 is not ordered again (l. 101-103 "Tjek tidligst efter 3 mdr."): it is the test before the infusion; a low calcium is', () => {
    const zol = course('zoledronic-acid', '2024-12-20', { lastDose: '2025-12-20' });
    const current = { calcium: [calcium(2.4, '2026-11-20')], egfr: [egfr(70, '2026-11-20')], creatinine: [creatinine(70, '2026-11-20')], vitaminD: [vitaminD(42, '2026-11-20')] };
    const low = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: current })));
    expect(low).toMatchObject({ reasons: ['infusion-due', 'vitamin-d-low'], vitaminDLow: true, missingLabs: [] });
    expect(low).not.toHaveProperty('suggestions');
    // With a low calcium too, only the calcium is tested again.
    const both = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...current, calcium: [calcium(2.05, '2026-11-20')] } })));
    expect(both).toMatchObject({ reasons: ['infusion-due', 'hypocalcaemia', 'vitamin-d-low'], calciumLow: true, vitaminDLow: true });
    expect(both?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium'], note: 'before-infusion' }]);
  });

  it('a current creatinine alone is not the kidney check (card l. 41 "Tjek, at eGFR > 35"): it asks for the eGFR, as rx-lab-missing does', () => {
    const zol = course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' });
    const crea = creatinine(300, '2026-11-20');
    const labs = { calcium: [calcium(2.4, '2026-11-20')], creatinine: [crea], vitaminD: [vitaminD(80, '2026-11-20')] };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs })));
    expect(rec).toMatchObject({ reasons: ['infusion-due', 'egfr-missing'], missingLabs: ['egfr'] });
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['egfr'], note: 'before-infusion' }]);
    expect(rec?.evidence).toContain(crea.ref);
    // An eGFR older than the 30 days before the infusion does not count either.
    const old = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...labs, egfr: [egfr(60, '2026-10-26')] } })));
    expect(old?.missingLabs).toEqual(['egfr']);
    // An eGFR within 30 days is the check (with or without its creatinine) …
    const ok = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...labs, egfr: [egfr(60, '2026-11-20')] } })));
    expect(ok?.reasons).toEqual(['infusion-due']);
    expect(ok?.missingLabs).toEqual([]);
    // … unless a newer creatinine gives 35 or less (300 µmol/L after an eGFR of 60): a new eGFR, and the finding says why.
    const newer = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...labs, egfr: [egfr(60, '2026-10-27')] } })));
    expect(newer?.missingLabs).toEqual(['egfr']);
    expect(newer?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 30, newerCreatinine: { value: 300, date: '2026-11-20' } });
  });

  it('asks for the eGFR, not a creatinine, where no creatinine could settle the check: an undecided eGFR of the window, an older eGFR ≤ 35, an unknown sex', () => {
    const zol = course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' });
    const base = { calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const undecided = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...base, egfr: [egfr(60, '2026-11-20', { comparator: '<' })] } })));
    expect(undecided?.missingLabs).toEqual(['egfr']);
    const olderLow = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...base, egfr: [egfr(30, '2026-08-01')] } })));
    expect(olderLow?.missingLabs).toEqual(['egfr']);
    const unknownSex = zoledronicAcidInfusionDue(ctxOf(patient({ sex: 'unknown', age: 80, courses: [zol], labs: base })));
    expect(unknownSex?.reasons).toEqual(['infusion-due', 'egfr-missing']);
    // A patient the equation knows, with neither value: the card's creatinine.
    expect(zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: base })))?.reasons).toEqual(['infusion-due', 'creatinine-missing']);
  });

  it('takes a current creatinine alone as the kidney test when the eGFR it gives (CKD-EPI 2021) is above 35 (rules.md "creatinine/eGFR")', () => {
    const zol = course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' });
    // A woman of 80: 80 µmol/L gives about 61.
    const labs = { calcium: [calcium(2.4, '2026-11-20')], creatinine: [creatinine(80, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs })));
    expect(rec).toMatchObject({ reasons: ['infusion-due'], missingLabs: [] });
    // Not over an older latest eGFR ≤ 35: the infusion is held, and a current eGFR asked for.
    const low = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...labs, egfr: [egfr(30, '2026-08-01')] } })));
    expect(low).toMatchObject({ reasons: ['infusion-due', 'egfr-missing'], egfrLow: true });
  });

  it('holds the infusion at a latest eGFR ≤ 35, also when that eGFR is older than 30 days (it also asks for a current one)', () => {
    const zol = course('zoledronic-acid', '2024-12-01', { lastDose: '2025-12-01' });
    const labs = { calcium: [calcium(2.4, '2026-11-20')], creatinine: [creatinine(150, '2026-11-20')], egfr: [egfr(30, '2026-08-01')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs })));
    expect(rec).toMatchObject({ reasons: ['infusion-due', 'egfr-missing'], egfrLow: true });
  });
});

describe('zoledronic-acid-infusion-due: tests that will be too old on the due day (rules.md: within 30 days before the infusion)', () => {
  const labsOf = (date: string) => ({ calcium: [calcium(2.4, date)], creatinine: [creatinine(70, date)], egfr: [egfr(70, date)], vitaminD: [vitaminD(80, date)] });
  const zol = course('zoledronic-acid', '2024-12-20', { lastDose: '2025-12-20' }); // due 2026-12-20

  it('every test in, the oldest 30 days old before the due day: the last infusion day they cover is named, the reasons stay', () => {
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...labsOf('2026-11-20'), calcium: [calcium(2.4, '2026-11-10')] } })));
    expect(rec?.reasons).toEqual(['infusion-due']);
    expect(rec).toMatchObject({ due: '2026-12-20', labsHoldUntil: '2026-12-10' });
    expect(zoledronicAcidInfusionDueTexts.da.summary(rec!)).toBe('Årlig zoledronsyre-infusion 20.12.2026: prøverne dækker en infusion til og med 10.12.2026 – gentag dem, hvis den gives senere');
    expect(zoledronicAcidInfusionDueTexts.en.summary(rec!)).toContain('the tests cover an infusion up to');
  });

  it('boundary: tests 30 days before the due day cover it ("prøverne foreligger")', () => {
    const rec = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: labsOf('2026-11-20') })));
    expect(rec).not.toHaveProperty('labsHoldUntil');
    expect(zoledronicAcidInfusionDueTexts.da.summary(rec!)).toBe('Årlig zoledronsyre-infusion 20.12.2026: prøverne før infusion foreligger');
  });

  it('a test missing, or the due day past: no cover date (the tests are asked for, or the infusion is given now)', () => {
    const missing = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [zol], labs: { ...labsOf('2026-11-10'), vitaminD: [] } })));
    expect(missing?.reasons).toContain('vitamin-d-missing');
    expect(missing).not.toHaveProperty('labsHoldUntil');
    const late = zoledronicAcidInfusionDue(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', '2024-10-20', { lastDose: '2025-10-20' })], labs: labsOf('2026-11-10') })));
    expect(late).toMatchObject({ overdue: true });
    expect(late).not.toHaveProperty('labsHoldUntil');
  });
});
