/**
 * rules.md section 4 (v2):
 * - "Start or renewal": a draft starts treatment when it is a first course, a restart after a stop or
 *   pause, or a switch to another antiresorptive; it renews when the same drug is ongoing. The "Før
 *   start" checks (rx-start-checklist, and for oral bisphosphonates rx-lab-missing and
 *   rx-vitamin-d-low) are for starts only; zoledronic acid (calcium, creatinine/eGFR, 25-OH-D within
 *   30 days, 25-OH-D ≤ 50) and denosumab (calcium within 30 days) checks stay on renewals;
 *   rx-egfr-too-low and rx-hypocalcaemia apply to every draft.
 * - "A draft that must not go ahead": rx-egfr-too-low critical, rx-hypocalcaemia, rx-dose-interval,
 *   rx-oral-contraindicated silence rx-start-checklist, rx-lab-missing, rx-vitamin-d-low,
 *   rx-swallowing-difficulty, rx-denosumab-biosimilar for that same draft.
 * - rx-start-checklist: no baseline marker after a fracture in the last 6 months (card l. 150-152).
 */
import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { evaluatePrescribing } from '../../src/rules/index.js';
import { rxLabMissing } from '../../src/rules/prescribing/rx-lab-missing.js';
import { rxStartChecklist } from '../../src/rules/prescribing/rx-start-checklist.js';
import { rxVitaminDLow } from '../../src/rules/prescribing/rx-vitamin-d-low.js';
import { startOrRenewal } from '../../src/rules/prescribing/start-or-renewal.js';
import type { RecognisedDraft } from '../../src/rules/prescribing/draft.js';
import { calcium, condition, course, ctxOf, draft, egfr, fracture, height, medication, p1np, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const facts = (input: FactsInput, d: DraftOrder) => patient({ sex: 'female', age: 72, ...input, drafts: [d] });
const topics = (input: FactsInput, d: DraftOrder) => evaluatePrescribing(ctxOf(facts(input, d))).map((r) => r.topic).sort();
const kind = (input: FactsInput, d: DraftOrder) => startOrRenewal(facts(input, d), d as RecognisedDraft);

/** Old labs (eGFR and calcium 91+ days, 25-OH-D 181+ days) with a low 25-OH-D. */
const oldLabs = { egfr: [egfr(70, '2026-03-01')], calcium: [calcium(2.4, '2026-03-01')], vitaminD: [vitaminD(40, '2025-10-01')] };

describe('start or renewal (rules.md section 4, v2)', () => {
  it('classifies first course, renewal, switch and restart', () => {
    const d = draft('alendronate');
    expect(kind({}, d)).toBe('first-course');
    expect(kind({ courses: [course('alendronate', '2024-01-01')] }, d)).toBe('renewal');
    expect(kind({ courses: [course('risedronate', '2024-01-01')] }, d)).toBe('switch');
    expect(kind({ courses: [course('denosumab', '2025-01-01', { lastDose: '2026-06-01' })] }, d)).toBe('switch');
    expect(kind({ courses: [course('alendronate', '2018-01-01', { status: 'stopped', end: '2024-01-01', stoppedOn: '2024-01-01' })] }, d)).toBe('restart');
    expect(kind({ courses: [course('alendronate', '2018-01-01', { status: 'ended', end: '2023-01-01' })] }, d)).toBe('restart');
  });

  it('a script within 3 months after the oral course ran out continues it (rules.md section 1 "unbroken across gaps shorter than 3 months"): a renewal', () => {
    // TODAY 2026-11-26. Ran out 2026-11-24 (2 days late) and 2026-08-27 (just under 3 months): renewals.
    const d = draft('alendronate');
    const ended = (end: string) => course('alendronate', '2024-01-01', { status: 'ended', end });
    expect(kind({ courses: [ended('2026-11-24')] }, d)).toBe('renewal');
    expect(kind({ courses: [ended('2026-08-27')] }, d)).toBe('renewal');
    expect(kind({ courses: [ended('2026-08-26')] }, d)).toBe('restart');
    expect(topics({ courses: [ended('2026-11-24')], labs: oldLabs }, d)).not.toContain('rx-lab-missing');
    // Stopped is a stop, and another drug is a switch, however recent.
    expect(kind({ courses: [course('alendronate', '2024-01-01', { status: 'stopped', end: '2026-11-24', stoppedOn: '2026-11-24' })] }, d)).toBe('restart');
    expect(kind({ courses: [ended('2026-11-24')] }, draft('risedronate'))).toBe('restart');
  });

  it('the later of two overlapping active courses is the current one: alendronate after a newer denosumab course is a switch', () => {
    const courses = [course('alendronate', '2020-01-01'), course('denosumab', '2025-01-01', { lastDose: '2026-06-01' })];
    expect(kind({ courses }, draft('alendronate'))).toBe('switch');
    expect(kind({ courses }, draft('denosumab'))).toBe('renewal');
  });

  it('within one oral course the newest record names the drug: alendronate after risedronate → alendronate renews', () => {
    const ris = medication('risedronate', '2024-01-01', { status: 'completed', end: '2025-01-01' });
    const aln = medication('alendronate', '2025-01-02');
    const c = { ...course('alendronate', '2024-01-01'), drugs: ['risedronate', 'alendronate'] as const, refs: [ris.ref, aln.ref] };
    expect(kind({ courses: [c], medications: [ris, aln] }, draft('alendronate'))).toBe('renewal');
    expect(kind({ courses: [c], medications: [ris, aln] }, draft('risedronate'))).toBe('switch');
  });

  it('a renewal of ongoing alendronate gets no "before start" cards: no lab-missing, no vitamin-d-low (the sandbox renewal)', () => {
    const input = { labs: oldLabs, courses: [course('alendronate', '2024-01-01')] };
    const d = draft('alendronate');
    expect(rxLabMissing(ctxOf(facts(input, d)), d)).toBeUndefined();
    expect(rxVitaminDLow(ctxOf(facts(input, d)), d)).toBeUndefined();
    expect(topics(input, d)).toEqual([]);
  });

  it('a start still gets them: first course, switch from risedronate, restart after a stop', () => {
    const d = draft('alendronate');
    for (const courses of [[], [course('risedronate', '2024-01-01')], [course('alendronate', '2018-01-01', { status: 'stopped', end: '2024-01-01', stoppedOn: '2024-01-01' })]]) {
      const input = { labs: oldLabs, courses };
      expect(rxLabMissing(ctxOf(facts(input, d)), d)?.reasons).toEqual(['egfr-missing', 'calcium-missing', 'vitamin-d-missing']);
      expect(rxVitaminDLow(ctxOf(facts(input, d)), d)?.reasons).toEqual(['vitamin-d-low']);
    }
  });

  it('zoledronic acid keeps its checks before every infusion, renewals included; denosumab keeps calcium within 30 days', () => {
    const zol = draft('zoledronic-acid');
    const onZol = { labs: oldLabs, courses: [course('zoledronic-acid', '2024-01-01', { lastDose: '2025-11-20' })] };
    expect(kind(onZol, zol)).toBe('renewal');
    expect(rxLabMissing(ctxOf(facts(onZol, zol)), zol)?.reasons).toEqual(['calcium-missing', 'creatinine-missing', 'vitamin-d-missing']);
    expect(rxVitaminDLow(ctxOf(facts(onZol, zol)), zol)).toMatchObject({ reasons: ['vitamin-d-low'], start: false });
    expect(rxVitaminDLow(ctxOf(facts({ labs: oldLabs }, zol)), zol)).toMatchObject({ reasons: ['vitamin-d-low'], start: true });
    const den = draft('denosumab');
    const onDen = { labs: oldLabs, courses: [course('denosumab', '2024-01-01', { lastDose: '2026-05-26' })] };
    expect(rxLabMissing(ctxOf(facts(onDen, den)), den)?.reasons).toEqual(['calcium-missing']);
    // v2: 25-OH-D ≤ 50 is a start check for denosumab, not a check before each injection.
    expect(rxVitaminDLow(ctxOf(facts(onDen, den)), den)).toBeUndefined();
  });

  it('rx-egfr-too-low and rx-hypocalcaemia apply to a renewal too', () => {
    const input = { labs: { egfr: [egfr(30, '2026-11-01')], calcium: [calcium(2.0, '2026-11-01')] }, courses: [course('alendronate', '2024-01-01')] };
    expect(topics(input, draft('alendronate'))).toEqual(['rx-egfr-too-low', 'rx-hypocalcaemia']);
  });
});

describe('a draft that must not go ahead gets no "how to start" cards (rules.md section 4, v2)', () => {
  const startInput = { labs: oldLabs, conditions: [condition('dysphagia')] };

  it('without a blocking card, a first alendronate start gets the how-to-start cards', () => {
    expect(topics(startInput, draft('alendronate'))).toEqual(['rx-lab-missing', 'rx-start-checklist', 'rx-swallowing-difficulty', 'rx-vitamin-d-low']);
  });

  it('eGFR ≤ 35 (critical), hypocalcaemia, a daily 70 mg dose or an ulcer each leave only the "do not" cards', () => {
    const d = draft('alendronate');
    expect(topics({ ...startInput, labs: { ...oldLabs, egfr: [egfr(30, '2026-03-01')] } }, d)).toEqual(['rx-egfr-too-low']);
    expect(topics({ ...startInput, labs: { ...oldLabs, calcium: [calcium(2.0, '2026-03-01')] } }, d)).toEqual(['rx-hypocalcaemia']);
    expect(topics(startInput, draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 }))).toEqual(['rx-dose-interval']);
    expect(topics({ ...startInput, conditions: [condition('dysphagia'), condition('peptic-ulcer')] }, d)).toEqual(['rx-oral-contraindicated']);
  });

  describe('a renewal after ≥ 5 years barred for the drug itself: no five-year "renew" beside the bar', () => {
    const years = (start: string) => ({ courses: [course('alendronate', start)], dxa: [scan('2026-01-01', { 'total-hip': -2.8 })] });
    const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };

    it('without a bar the five-year card says renew (hip T −2.8)', () => {
      expect(evaluatePrescribing(ctxOf(facts({ ...years('2020-01-01'), labs }, draft('alendronate'))))).toContainEqual(
        expect.objectContaining({ topic: 'rx-bisphosphonate-duration', pause: 'criteria-not-met' }),
      );
    });

    it('eGFR 30, calcium 2.0 or an ulcer: only the bar; a wrong dose keeps the duration card', () => {
      const d = draft('alendronate');
      expect(topics({ ...years('2020-01-01'), labs: { ...labs, egfr: [egfr(30, '2026-11-01')] } }, d)).toEqual(['rx-egfr-too-low']);
      expect(topics({ ...years('2020-01-01'), labs: { ...labs, calcium: [calcium(2.0, '2026-11-01')] } }, d)).toEqual(['rx-hypocalcaemia']);
      expect(topics({ ...years('2020-01-01'), labs, conditions: [condition('peptic-ulcer')] }, d)).not.toContain('rx-bisphosphonate-duration');
      expect(topics({ ...years('2020-01-01'), labs }, draft('alendronate', { doseMgPerAdministration: 70, intervalDays: 1 }))).toEqual(['rx-bisphosphonate-duration', 'rx-dose-interval']);
    });

    it('the ten-year card agrees with the bar and stays', () => {
      expect(topics({ ...years('2015-01-01'), labs: { ...labs, egfr: [egfr(30, '2026-11-01')] } }, draft('alendronate'))).toEqual(['rx-bisphosphonate-duration', 'rx-egfr-too-low']);
    });
  });

  it('the denosumab-start warning of rx-egfr-too-low does not block: Prolia start with eGFR 30 keeps the biosimilar card', () => {
    const d = draft('denosumab', { identity: { brandProlia: true } });
    const t = topics({ labs: { egfr: [egfr(30, '2026-11-01')], calcium: [calcium(2.4, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-01')] }, vitals: { height: [height(160, '2026-01-01')] } }, d);
    expect(t).toContain('rx-egfr-too-low');
    expect(t).toContain('rx-denosumab-biosimilar');
  });

  it('a too-early denosumab injection blocks the biosimilar card of that draft', () => {
    const d = draft('denosumab', { identity: { brandProlia: true } });
    const input = { labs: { calcium: [calcium(2.4, '2026-11-20')] }, courses: [course('denosumab', '2024-01-01', { lastDose: '2026-08-01' })], medications: [medication('denosumab', '2026-08-01', { status: 'completed' })] };
    const t = topics(input, d);
    expect(t).toContain('rx-dose-interval');
    expect(t).not.toContain('rx-denosumab-biosimilar');
  });
});

describe('rx-start-checklist after a recent fracture (rules.md section 4, v2; card l. 150-152)', () => {
  const judge = (input: FactsInput) => {
    const d = draft('alendronate');
    return rxStartChecklist(ctxOf(facts({ vitals: { height: [height(160, '2026-01-01')] }, ...input }, d)), d);
  };

  it('asks for no baseline marker after a fracture in the 6 months before the start; the first marker comes a year after it', () => {
    const f = fracture('forearm', '2026-08-10', 'unknown');
    const rec = judge({ fractures: [f] });
    expect(rec?.reasons).toEqual(['first-course']);
    expect(rec?.suggestions).toBeUndefined();
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2027-08-10' });
    expect(rec?.evidence).toContain(f.ref);
  });

  it('boundary: a fracture exactly 6 months before (2026-05-26) counts; one a day earlier does not', () => {
    expect(judge({ fractures: [fracture('hip', '2026-05-26')] })?.reasons).toEqual(['first-course']);
    expect(judge({ fractures: [fracture('hip', '2026-05-25')] })?.reasons).toEqual(['baseline-btm-missing']);
  });

  it('asks for the baseline as before with no recent fracture, and is satisfied by a P1NP within 90 days', () => {
    expect(judge({})?.reasons).toEqual(['baseline-btm-missing']);
    expect(judge({ labs: { boneMarkers: [p1np(50, '2026-11-01')] } })?.reasons).toEqual(['first-course']);
  });
});
