import { describe, expect, it } from 'vitest';
import { boneMarkerFlow, markerDue } from '../../src/rules/follow-up/bone-markers.js';
import { btmResponseInadequate } from '../../src/rules/follow-up/btm-response-inadequate.js';
import { switchToParenteral } from '../../src/rules/follow-up/switch-to-parenteral.js';
import { calcium, condition, course, ctx as ctxMarker, ctxOf, egfr, glucocorticoid, intolerance, p1np, patient, vitaminD } from '../helpers/facts.js';

// TODAY = 2026-11-26; alendronate from 2026-01-10
const woman = { sex: 'female' as const, age: 72 };
const start = '2026-01-10';

describe('switch-to-parenteral (card l. 181 "< 30% fald" after the re-check → l. 132 "Start eller henvis til parenteral behandling")', () => {
  it('a confirmed insufficient P1NP fall stands under a glucocorticoid in use today, also one measured under an earlier course of it (a glucocorticoid lowers P1NP: no less a failure)', () => {
    const markers = [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(45, '2026-07-25')];
    const gc = glucocorticoid({ active: true, currentDailyMg: 10, uses: [{ start: '2026-03-01', end: '2026-08-01' }, { start: '2026-10-01', end: '2026-11-26' }] });
    const rec = switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], glucocorticoid: gc, labs: { boneMarkers: markers } })));
    expect(rec).toMatchObject({ reasons: ['persistent-insufficient-fall'] });
    // A CTX taken since (the marker the card asks for under glucocorticoid) goes on from it: no switch on the old failure.
    const later = [ctxMarker(0.5, '2026-08-01'), ctxMarker(0.2, '2026-11-01'), ...markers];
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], glucocorticoid: gc, labs: { boneMarkers: later } })))).toBeUndefined();
  });

  it('fires when the re-check after an inadequate marker is still inadequate', () => {
    // 60 → 50 (16.7 %) on 2026-04-20, re-check 60 → 45 (25 %) on 2026-07-25
    const baseline = p1np(60, '2026-01-05');
    const first = p1np(50, '2026-04-20');
    const recheck = p1np(45, '2026-07-25');
    const c = course('alendronate', start);
    const rec = switchToParenteral(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, first, recheck] } })));
    expect(rec).toMatchObject({ topic: 'switch-to-parenteral', indicator: 'warning', reasons: ['persistent-insufficient-fall'], selectionBehavior: 'at-most-one' });
    expect(rec?.evidence).toEqual([recheck.ref, baseline.ref, first.ref, ...c.refs]);
    expect(rec?.suggestions).toEqual([
      { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
      { kind: 'referral', to: 'zoledronic-acid' },
      { kind: 'referral', to: 'endocrinology' },
    ]);
  });

  it('a second sample within 3 months of the first inadequate one is no re-check (l. 181 "Tag KM 3 mdr. efter"): the re-check comes 3 months after the first', () => {
    const baseline = p1np(60, '2026-01-05');
    const first = p1np(50, '2026-04-20');
    const c = course('alendronate', start);
    const judge = (second: string) => switchToParenteral(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, first, p1np(49, second)] } })));
    expect(judge('2026-04-27')).toBeUndefined();
    expect(judge('2026-07-19')).toBeUndefined();
    // The boundary: 3 months after the first inadequate marker.
    expect(judge('2026-07-20')).toMatchObject({ reasons: ['persistent-insufficient-fall'] });
    // An early second sample and then the real re-check: the re-check is compared with the first.
    const recheck = p1np(45, '2026-07-25');
    const rec = switchToParenteral(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, first, p1np(49, '2026-04-27'), recheck] } })));
    expect(rec).toMatchObject({ reasons: ['persistent-insufficient-fall'] });
    const early = patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, first, p1np(49, '2026-04-27')] } });
    const flow = boneMarkerFlow(ctxOf(early));
    expect(flow === undefined ? undefined : markerDue(flow, '2026-11-26')).toMatchObject({ reasons: ['recheck-after-correction'], due: '2026-07-20' });
    // The inadequate-response card names the same re-check date.
    expect(btmResponseInadequate(ctxOf(early))?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2026-07-20' });
  });

  it('a re-check on the day 3 months on counts at a month end (30 Nov → 28 Feb, the day the re-check is asked for)', () => {
    const c = course('alendronate', '2025-08-01');
    const markers = [p1np(60, '2025-07-25'), p1np(50, '2025-11-30'), p1np(48, '2026-02-28')];
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: markers } })))).toMatchObject({ reasons: ['persistent-insufficient-fall'] });
  });

  it('keeps a CTX series begun under prednisolone when the prednisolone stops: the failure does not disappear (l. 140-142)', () => {
    const markers = [ctxMarker(0.6, '2026-01-05'), ctxMarker(0.5, '2026-04-20'), ctxMarker(0.45, '2026-07-25')];
    const c = course('alendronate', start);
    const stopped = glucocorticoid({ active: false, currentDailyMg: 0, cumulativeMg12Months: 900 });
    const rec = switchToParenteral(ctxOf(patient({ ...woman, courses: [c], glucocorticoid: stopped, labs: { boneMarkers: markers } })));
    expect(rec).toMatchObject({ topic: 'switch-to-parenteral', reasons: ['persistent-insufficient-fall'] });
    // A P1NP taken after the CTX series makes the series P1NP (no baseline: the premenopausal mean).
    const later = p1np(20, '2026-10-25', { premenopausalMean: 40 });
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [c], glucocorticoid: stopped, labs: { boneMarkers: [...markers, later] } })))).toBeUndefined();
  });

  it('the checks before a start hold for the second choice too: no recommended denosumab with a low calcium or 25-OH-D ≤ 50, none at all with eGFR ≤ 35', () => {
    const markers = [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(45, '2026-07-25')];
    const judge = (labs: Record<string, unknown>) => switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, ...labs } })));
    const low = judge({ calcium: [calcium(2.02, '2026-11-01')] });
    expect(low).toMatchObject({ correctFirst: ['hypocalcaemia'], reasons: ['persistent-insufficient-fall'] });
    expect(low?.suggestions?.[0]).toEqual({ kind: 'prescribe', drug: 'denosumab-biosimilar' });
    expect(judge({ vitaminD: [vitaminD(35, '2026-11-01')] })).toMatchObject({ correctFirst: ['vitamin-d-low'] });
    const kidney = judge({ egfr: [egfr(33, '2026-11-01')] });
    expect(kidney).toMatchObject({ egfrLow: true });
    // rules.md section 2 "no drug is suggested for a start in general practice": the referral only.
    expect(kidney?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    // Normal values: denosumab recommended as before.
    expect(judge({ calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')], egfr: [egfr(60, '2026-11-01')] })?.suggestions?.[0]).toEqual({ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true });
    // Osteonecrosis of the jaw on record: denosumab and zoledronic acid can cause it too — the specialist chooses.
    const jaw = switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers }, conditions: [condition('osteonecrosis-of-jaw', { onset: '2026-09-01' })] })));
    expect(jaw).toMatchObject({ seriousSideEffect: true, reasons: ['persistent-insufficient-fall'] });
    expect(jaw?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    expect(jaw?.findings).toContainEqual(expect.objectContaining({ kind: 'condition', concept: 'osteonecrosis-of-jaw' }));
  });

  it('does not fire after one inadequate marker, or when the re-check fell enough', () => {
    const one = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-04-20')] } });
    expect(switchToParenteral(ctxOf(one))).toBeUndefined();
    const fixed = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(40, '2026-07-25')] } });
    expect(switchToParenteral(ctxOf(fixed))).toBeUndefined(); // 60 → 40: 33.3 %
  });

  it('fires for a recorded intolerance to an oral bisphosphonate', () => {
    const allergy = intolerance('alendronate');
    const rec = switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], intolerances: [allergy] })));
    expect(rec?.reasons).toEqual(['intolerance']);
    expect(rec?.evidence[0]).toBe(allergy.ref);
    expect(rec?.findings).toContainEqual({ kind: 'intolerance', drug: 'alendronate', ref: allergy.ref });
  });

  it('fires for active non-adherence, and names every reason that holds', () => {
    const nonAdherence = condition('non-adherence');
    const rec = switchToParenteral(
      ctxOf(patient({ ...woman, courses: [course('alendronate', start)], conditions: [nonAdherence], intolerances: [intolerance('risedronate', '2026-05-01')], labs: { boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(45, '2026-07-25')] } })),
    );
    expect(rec?.reasons).toEqual(['persistent-insufficient-fall', 'intolerance', 'non-adherence']);
    expect(rec?.evidence).toContain(nonAdherence.ref);
  });

  it('does not take an intolerance to another oral bisphosphonate recorded before this course as intolerance of it', () => {
    // risedronate gave stomach pain in 2021; alendronate has been taken since without a record of trouble
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], intolerances: [intolerance('risedronate', '2021-11-05')] })))).toBeUndefined();
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], intolerances: [{ ...intolerance('alendronate'), classOnly: true }] })))?.reasons).toEqual(['intolerance']);
  });

  it('does not fire for resolved non-adherence, an intolerance to another drug class, or off oral treatment', () => {
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], conditions: [condition('non-adherence', { active: false })] })))).toBeUndefined();
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], intolerances: [intolerance('denosumab')] })))).toBeUndefined();
    expect(switchToParenteral(ctxOf(patient({ ...woman, courses: [course('denosumab', start)], intolerances: [intolerance('alendronate')] })))).toBeUndefined();
  });
});
