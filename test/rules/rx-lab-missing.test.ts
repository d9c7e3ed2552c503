import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxLabMissing } from '../../src/rules/prescribing/rx-lab-missing.js';
import { calcium, course, creatinine, ctxOf, draft, egfr, patient, vitaminD, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxLabMissing(ctxOf(patient({ age: 70, ...input, drafts: [d] })), d);

/** Current labs for an oral start on 2026-11-26. */
const oralLabs = () => ({ egfr: [egfr(70, '2026-10-01')], calcium: [calcium(2.4, '2026-10-01')], vitaminD: [vitaminD(80, '2026-10-01')] });

describe('rx-lab-missing (card l. 41-43 checks before a start; l. 75 before each infusion; l. 80 before each injection)', () => {
  it('asks for eGFR, calcium and 25-OH-D before an alendronate start with no labs, one order each', () => {
    const d = draft('alendronate');
    const rec = judge({}, d);
    expect(rec).toMatchObject({ topic: 'rx-lab-missing', indicator: 'warning', reasons: ['egfr-missing', 'calcium-missing', 'vitamin-d-missing'], selectionBehavior: 'any' });
    expect(rec?.evidence).toEqual([d.ref, 'Patient/p1']);
    expect(rec?.suggestions).toEqual([
      { kind: 'lab', lab: 'egfr' },
      { kind: 'lab', lab: 'calcium' },
      { kind: 'lab', lab: 'vitamin-d' },
    ]);
    expect(rec?.findings).toContainEqual({ kind: 'lab-missing', lab: 'vitamin-d', withinDays: 180 });
  });

  it('counts an eGFR of 2026-08-28 as current (90 days before 2026-11-26) but not one of 2026-08-27 (91 days), showing the old value', () => {
    const labs = oralLabs();
    expect(judge({ labs: { ...labs, egfr: [egfr(70, '2026-08-28')] } }, draft('alendronate'))).toBeUndefined();
    const old = egfr(70, '2026-08-27');
    const rec = judge({ labs: { ...labs, egfr: [old] } }, draft('alendronate'));
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.evidence).toContain(old.ref);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', date: '2026-08-27' }));
  });

  it('an eGFR reported "<60" in the window cannot decide "eGFR > 35": egfr-missing, and no "older than" value (it is not old); "<36" and ">60" count (terminology.md l. 1063)', () => {
    const bound = egfr(60, '2026-11-01', { comparator: '<' });
    const rec = judge({ labs: { ...oralLabs(), egfr: [bound] } }, draft('alendronate'));
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 90 });
    expect(rec?.findings.some((f) => f.kind === 'lab')).toBe(false);
    // A newer bound makes an older exact 70 not current either: it may contradict it.
    expect(judge({ labs: { ...oralLabs(), egfr: [bound, egfr(70, '2026-10-01')] } }, draft('alendronate'))?.reasons).toEqual(['egfr-missing']);
    expect(judge({ labs: { ...oralLabs(), egfr: [egfr(36, '2026-11-01', { comparator: '<' })] } }, draft('alendronate'))).toBeUndefined();
    expect(judge({ labs: { ...oralLabs(), egfr: [egfr(60, '2026-11-01', { comparator: '>' })] } }, draft('alendronate'))).toBeUndefined();
    // Calcium "<2.40" and 25-OH-D ">30" likewise; "<2.15" and ">50" decide.
    const calciumBound = calcium(2.4, '2026-11-01', 'total', { comparator: '<' });
    const vitaminDBound = { ...vitaminD(30, '2026-11-01'), comparator: '>' as const };
    expect(judge({ labs: { ...oralLabs(), calcium: [calciumBound], vitaminD: [vitaminDBound] } }, draft('alendronate'))?.reasons).toEqual(['calcium-missing', 'vitamin-d-missing']);
    expect(judge({ labs: { ...oralLabs(), calcium: [calcium(2.15, '2026-11-01', 'total', { comparator: '<' })], vitaminD: [{ ...vitaminD(50, '2026-11-01'), comparator: '>' as const }] } }, draft('alendronate'))).toBeUndefined();
  });

  it('keeps 25-OH-D current for 180 days: 2026-05-30 counts, 2026-05-29 does not', () => {
    const labs = oralLabs();
    expect(judge({ labs: { ...labs, vitaminD: [vitaminD(80, '2026-05-30')] } }, draft('alendronate'))).toBeUndefined();
    expect(judge({ labs: { ...labs, vitaminD: [vitaminD(80, '2026-05-29')] } }, draft('alendronate'))?.reasons).toEqual(['vitamin-d-missing']);
  });

  it('asks for calcium, creatinine and 25-OH-D within 30 days before a zoledronic acid infusion (card l. 75; rules.md "creatinine/eGFR")', () => {
    const d = draft('zoledronic-acid');
    // Labs of 2026-10-26 are 31 days old on 2026-11-26: too old before an infusion.
    const labs = { calcium: [calcium(2.4, '2026-10-26')], creatinine: [creatinine(70, '2026-10-26')], vitaminD: [vitaminD(80, '2026-10-26')] };
    const rec = judge({ labs }, d);
    expect(rec).toMatchObject({ reasons: ['calcium-missing', 'creatinine-missing', 'vitamin-d-missing'], before: 'infusion' });
    expect(rec?.suggestions).toContainEqual({ kind: 'lab', lab: 'creatinine', note: 'before-infusion' });
    // An eGFR 60 days old is not current before an infusion (card l. 75: before each infusion); one within the 30 days is the kidney test.
    expect(judge({ labs: { ...labs, egfr: [egfr(60, '2026-09-27')] } }, d)?.reasons).toEqual(['calcium-missing', 'creatinine-missing', 'vitamin-d-missing']);
    expect(judge({ labs: { ...labs, egfr: [egfr(60, '2026-11-01')] } }, d)?.reasons).toEqual(['calcium-missing', 'vitamin-d-missing']);
  });

  it('takes a current creatinine alone as the kidney test when the eGFR it gives (CKD-EPI 2021) is above 35, and asks for the eGFR when it is not or cannot be worked out', () => {
    const fresh = (crea: number) => ({ calcium: [calcium(2.35, '2026-11-16')], creatinine: [creatinine(crea, '2026-11-16')], vitaminD: [vitaminD(75, '2026-11-16')] });
    // A woman of 69 on the day of the sample: 78 µmol/L gives about 68, 125 about 40, 145 about 34.
    expect(judge({ sex: 'female', labs: fresh(78) }, draft('zoledronic-acid'))).toBeUndefined();
    expect(judge({ sex: 'female', labs: fresh(125) }, draft('zoledronic-acid'))).toBeUndefined();
    expect(judge({ sex: 'female', labs: fresh(145) }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
    // With no sex the equation knows, the creatinine shows nothing.
    expect(judge({ sex: 'unknown', labs: fresh(78) }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
    // An eGFR of the same days that cannot decide ("<60") is not overruled by the estimate.
    expect(judge({ sex: 'female', labs: { ...fresh(78), egfr: [egfr(60, '2026-11-16', { comparator: '<' })] } }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
  });

  it('holds the eGFR before an infusion to the 30 days: a 37-day-old eGFR of 36 beside a fresh creatinine of 250 had let the infusion go ahead; 2026-10-27 counts, 2026-10-26 does not', () => {
    const labs = { calcium: [calcium(2.4, '2026-11-20')], creatinine: [creatinine(250, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] };
    const rec = judge({ labs: { ...labs, egfr: [egfr(36, '2026-10-20')] } }, draft('zoledronic-acid'));
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 30, lastDate: '2026-10-20' });
    expect(judge({ labs: { ...labs, egfr: [egfr(60, '2026-10-26')] } }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
    // The creatinine of 250 (2026-11-20) is newer than an eGFR of 2026-10-27 and gives about 16: a new eGFR is asked for, the creatinine shown.
    const newer = judge({ sex: 'female', labs: { ...labs, egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'));
    expect(newer?.reasons).toEqual(['egfr-missing']);
    expect(newer?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 30, newerCreatinine: { value: 250, date: '2026-11-20' } });
    expect(newer?.evidence).toContain(labs.creatinine[0]?.ref);
    // The contradicted eGFR is shown and cited beside the creatinine.
    expect(newer?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', value: 60 }));
    // With no sex the equation knows, the lower (woman's) estimate is held to 35: 150 µmol/L gives about 32 (a man's about 43).
    expect(judge({ sex: 'unknown', labs: { ...labs, creatinine: [creatinine(150, '2026-11-20')], egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
    expect(judge({ sex: 'male', labs: { ...labs, creatinine: [creatinine(150, '2026-11-20')], egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'))).toBeUndefined();
    expect(judge({ sex: 'unknown', labs: { ...labs, egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
    // A bound: ">200" can show 35 or less (and is shown with its comparator), "<200" cannot.
    const above = judge({ sex: 'female', labs: { ...labs, creatinine: [{ ...creatinine(200, '2026-11-20'), comparator: '>' as const }], egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'));
    expect(above?.findings).toContainEqual({ kind: 'lab-missing', lab: 'egfr', withinDays: 30, newerCreatinine: { value: 200, date: '2026-11-20', comparator: '>' } });
    expect(judge({ sex: 'female', labs: { ...labs, creatinine: [{ ...creatinine(200, '2026-11-20'), comparator: '<' as const }], egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'))).toBeUndefined();
    // Taken the same day as the eGFR, the creatinine is the eGFR's own: the eGFR stands.
    expect(judge({ sex: 'female', labs: { ...labs, creatinine: [creatinine(250, '2026-10-27')], egfr: [egfr(60, '2026-10-27')] } }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('asks for a new eGFR before an alendronate start when a newer creatinine gives 35 or less (card l. 41 "Tjek, at eGFR > 35"): the zoledronic acid check held it, the oral start had passed', () => {
    const labs = { calcium: [calcium(2.4, '2026-10-20')], vitaminD: [vitaminD(80, '2026-10-20')], egfr: [egfr(55, '2026-10-20')] };
    const rec = judge({ sex: 'male', labs: { ...labs, creatinine: [creatinine(203, '2026-11-20')] } }, draft('alendronate'));
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab-missing', lab: 'egfr', newerCreatinine: { value: 203, date: '2026-11-20' } }));
    // A creatinine that gives more than 35, or one of the eGFR's own day: the eGFR stands.
    expect(judge({ sex: 'male', labs: { ...labs, creatinine: [creatinine(90, '2026-11-20')] } }, draft('alendronate'))).toBeUndefined();
    expect(judge({ sex: 'male', labs: { ...labs, creatinine: [creatinine(203, '2026-10-20')] } }, draft('alendronate'))).toBeUndefined();
  });

  it('asks for an eGFR beside a current creatinine with none: the card checks "eGFR > 35", and a creatinine of 260 alone had silenced every card', () => {
    const labs = { calcium: [calcium(2.4, '2026-11-16')], creatinine: [creatinine(260, '2026-11-16')], vitaminD: [vitaminD(80, '2026-11-16')] };
    const rec = judge({ labs }, draft('zoledronic-acid'));
    expect(rec?.reasons).toEqual(['egfr-missing']);
    expect(rec?.suggestions).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr' }));
    // An eGFR within the infusion's 30 days answers it; one of 86 days does not.
    expect(judge({ labs: { ...labs, egfr: [egfr(60, '2026-09-01')] } }, draft('zoledronic-acid'))?.reasons).toEqual(['egfr-missing']);
    expect(judge({ labs: { ...labs, egfr: [egfr(60, '2026-11-16')] } }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('accepts an eGFR in place of creatinine before an infusion, and labs exactly 30 days old', () => {
    // 2026-10-27 is 30 days before 2026-11-26.
    const labs = { calcium: [calcium(2.4, '2026-10-27')], egfr: [egfr(60, '2026-10-27')], vitaminD: [vitaminD(80, '2026-10-27')] };
    expect(judge({ labs }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('asks only for calcium within 30 days before a continuing denosumab injection', () => {
    const onDenosumab = { courses: [course('denosumab', '2024-01-01', { lastDose: '2026-05-26' })] };
    expect(judge({ ...onDenosumab, labs: { calcium: [calcium(2.4, '2026-10-27')] } }, draft('denosumab'))).toBeUndefined();
    const rec = judge({ ...onDenosumab, labs: { calcium: [calcium(2.4, '2026-10-26')] } }, draft('denosumab'));
    expect(rec).toMatchObject({ reasons: ['calcium-missing'], suggestions: [{ kind: 'lab', lab: 'calcium', note: 'before-injection' }] });
  });

  it('asks for eGFR and 25-OH-D too before a denosumab start (card l. 41-43: before any antiresorptive start)', () => {
    const d = draft('denosumab');
    const rec = judge({ labs: { calcium: [calcium(2.4, '2026-11-20')] } }, d);
    expect(rec).toMatchObject({ reasons: ['egfr-missing', 'vitamin-d-missing'], before: 'injection' });
    expect(judge({ labs: { ...oralLabs(), calcium: [calcium(2.4, '2026-11-20')] } }, d)).toBeUndefined();
    // The start windows are those of any start (90 / 180 days); calcium keeps its 30 days before the injection.
    expect(judge({ labs: oralLabs() }, d)?.reasons).toEqual(['calcium-missing']);
    expect(judge({ labs: { ...oralLabs(), calcium: [calcium(2.4, '2026-11-20')], egfr: [egfr(70, '2026-08-27')] } }, d)?.reasons).toEqual(['egfr-missing']);
  });

  it('ignores a value dated after today and drafts that are not antiresorptives', () => {
    expect(judge({ labs: { ...oralLabs(), calcium: [calcium(2.4, '2026-12-01')] } }, draft('denosumab'))?.reasons).toEqual(['calcium-missing']);
    expect(judge({}, draft('teriparatide'))).toBeUndefined();
    expect(judge({}, draft('calcium-carbonate'))).toBeUndefined();
  });
});
