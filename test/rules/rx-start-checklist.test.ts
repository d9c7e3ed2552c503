import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxStartChecklist } from '../../src/rules/prescribing/rx-start-checklist.js';
import { calcium, course, ctx as ctxMarker, ctxOf, draft, glucocorticoid, height, p1np, patient, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder, others: readonly DraftOrder[] = []) =>
  rxStartChecklist(ctxOf(patient({ age: 70, ...input, drafts: [d, ...others] })), d);

describe('rx-start-checklist (card l. 41-51 "Før start af antiresorptiv behandling")', () => {
  it('lists a missing baseline P1NP and height for a first alendronate course and orders the P1NP', () => {
    const d = draft('alendronate');
    const rec = judge({}, d);
    expect(rec).toMatchObject({ topic: 'rx-start-checklist', indicator: 'info', reasons: ['baseline-btm-missing', 'height-missing'], drugClass: 'oral-bisphosphonate' });
    expect(rec?.evidence).toEqual([d.ref, 'Patient/p1']);
    expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'p1np' }]);
    expect(rec?.findings).toContainEqual({ kind: 'lab-missing', lab: 'p1np', withinDays: 90 });
  });

  it('with a high latest calcium says refer first (suspected secondary osteoporosis, as patient-view), the referral recommended', () => {
    const d = draft('alendronate');
    const high = calcium(2.8, '2026-11-20');
    const rec = judge({ labs: { calcium: [high] } }, d);
    expect(rec).toMatchObject({ indicator: 'info', calciumHigh: true });
    expect(rec?.suggestions?.[0]).toEqual({ kind: 'referral', to: 'endocrinology', recommended: true });
    expect(rec?.evidence).toContain(high.ref);
    expect(judge({ labs: { calcium: [calcium(2.4, '2026-11-20')] } }, d)).not.toHaveProperty('calciumHigh');
  });

  it('is not said about the oncology products (denosumab 120 mg, zoledronic acid 4 mg); 60 mg and 5 mg get it', () => {
    expect(judge({}, draft('denosumab', { doseMgPerAdministration: 120 }))).toBeUndefined();
    expect(judge({}, draft('zoledronic-acid', { doseMgPerAdministration: 4 }))).toBeUndefined();
    expect(judge({}, draft('denosumab', { doseMgPerAdministration: 60 }))).toBeDefined();
    expect(judge({}, draft('zoledronic-acid', { doseMgPerAdministration: 5 }))).toBeDefined();
  });

  it('asks for a fasting CTX instead of P1NP under glucocorticoid — in the record or in the same basket', () => {
    const gc = glucocorticoid({ active: true, currentDailyMg: 10 });
    expect(judge({ glucocorticoid: gc }, draft('alendronate'))?.suggestions).toEqual([{ kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);
    expect(judge({}, draft('alendronate'), [draft('glucocorticoid', { selected: false })])?.suggestions).toEqual([{ kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);
  });

  it('accepts a P1NP taken 90 days before the start (2026-08-28) but not 91 days (2026-08-27)', () => {
    const h = [height(165, '2025-01-01')];
    const ok = judge({ vitals: { height: h }, labs: { boneMarkers: [p1np(60, '2026-08-28')] } }, draft('alendronate'));
    expect(ok?.reasons).toEqual(['first-course']);
    expect(ok?.suggestions).toBeUndefined();
    expect(judge({ vitals: { height: h }, labs: { boneMarkers: [p1np(60, '2026-08-27')] } }, draft('alendronate'))?.reasons).toEqual(['baseline-btm-missing']);
  });

  it('wants the marker follow-up will use [choice]: a CTX is no baseline when no glucocorticoid is given', () => {
    expect(judge({ vitals: { height: [height(165, '2025-01-01')] }, labs: { boneMarkers: [ctxMarker(0.5, '2026-11-01')] } }, draft('alendronate'))?.reasons).toEqual(['baseline-btm-missing']);
  });

  it('needs no bone marker for a parenteral start: a first denosumab course with height recorded is the plain checklist', () => {
    const rec = judge({ vitals: { height: [height(165, '2025-01-01')] } }, draft('denosumab'));
    expect(rec).toMatchObject({ reasons: ['first-course'], drugClass: 'denosumab' });
    expect(rec?.suggestions).toBeUndefined();
  });

  it('does not claim a first course when the medication history could not be had (general advice instead)', () => {
    const h = { vitals: { height: [height(165, '2025-01-01')] } };
    expect(judge({ ...h, unavailable: ['medicationStatements'] }, draft('denosumab'))?.reasons).toEqual(['guideline-advice']);
    expect(judge({ ...h, unavailable: ['medicationAdministrations'] }, draft('denosumab'))?.reasons).toEqual(['guideline-advice']);
    expect(judge({ ...h, unavailable: ['allergies'] }, draft('denosumab'))?.reasons).toEqual(['first-course']);
  });

  it('is silent for a renewal, a switch, and the follow-on after denosumab', () => {
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('alendronate'))).toBeUndefined();
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('denosumab'))).toBeUndefined();
    expect(judge({ courses: [course('denosumab', '2018-01-01', { status: 'ended', lastDose: '2019-01-01' })] }, draft('alendronate'))).toBeUndefined();
  });

  it('speaks on a restart after a stop or pause (rules.md section 4 "a restart after a stop or pause" is a start): a new baseline marker [choice]', () => {
    const paused = course('alendronate', '2016-01-01', { status: 'ended', end: '2022-01-01' });
    const rec = judge({ courses: [paused] }, draft('alendronate'));
    expect(rec).toMatchObject({ topic: 'rx-start-checklist', missingMarker: 'p1np' });
    expect(rec?.reasons).toContain('baseline-btm-missing');
    // Nothing missing: the general reason, never "first course".
    const complete = judge({ courses: [paused], labs: { boneMarkers: [p1np(50, '2026-11-01')] }, vitals: { height: [height(165, '2025-01-01')] } }, draft('alendronate'));
    expect(complete?.reasons).toEqual(['guideline-advice']);
    // A zoledronic acid course long over, then alendronate: a start as well.
    expect(judge({ courses: [course('zoledronic-acid', '2019-01-01', { status: 'stopped', lastDose: '2021-01-01' })] }, draft('alendronate'))?.topic).toBe('rx-start-checklist');
  });

  it('a denosumab restart after a stop gets it; another oral bisphosphonate within 3 months of the last one\'s end (a switch inside the course) and a restart after 10 years do not', () => {
    const stopped = course('denosumab', '2020-01-01', { status: 'stopped', lastDose: '2024-06-01' });
    expect(judge({ courses: [stopped] }, draft('denosumab'))?.topic).toBe('rx-start-checklist');
    // Risedronate ended 6 days ago, alendronate drafted: one oral course goes on.
    const ended = course('risedronate', '2024-01-01', { status: 'ended', end: '2026-11-20' });
    expect(judge({ courses: [ended] }, draft('alendronate'))).toBeUndefined();
    // Ended 3 months ago to the day: a pause, so a restart.
    expect(judge({ courses: [course('risedronate', '2024-01-01', { status: 'ended', end: '2026-08-26' })] }, draft('alendronate'))?.topic).toBe('rx-start-checklist');
    // Ten years of oral bisphosphonate: rx-bisphosphonate-duration refers instead of a start.
    expect(judge({ courses: [course('risedronate', '2014-01-01', { status: 'ended', end: '2024-06-01' })] }, draft('alendronate'))).toBeUndefined();
  });

  it('does not judge anabolic or unrelated drafts', () => {
    expect(judge({}, draft('teriparatide'))).toBeUndefined();
    expect(judge({}, draft('colecalciferol'))).toBeUndefined();
  });
});
