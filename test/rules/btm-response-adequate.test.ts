import { describe, expect, it } from 'vitest';
import { btmResponseAdequate } from '../../src/rules/follow-up/btm-response-adequate.js';
import { calcium, course, ctxOf, ctx as ctxMarker, egfr, glucocorticoid, p1np, patient } from '../helpers/facts.js';

// TODAY = 2026-11-26; alendronate from 2026-03-02, so on-treatment markers count from 2026-06-02
const woman = { sex: 'female' as const, age: 68 };
const start = '2026-03-02';

describe('btm-response-adequate (card l. 170 "> 30% fald fra initial KM" → "Fortsæt behandling")', () => {
  it('fires when the marker fell more than 30 % from the baseline: 100 → 69.9 is a 30.1 % fall', () => {
    const baseline = p1np(100, '2026-02-20');
    const latest = p1np(69.9, '2026-06-10');
    const c = course('alendronate', start);
    const rec = btmResponseAdequate(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, latest] } })));
    expect(rec).toMatchObject({ topic: 'btm-response-adequate', indicator: 'info', reasons: ['fall-from-baseline'], comparedWith: 'baseline' });
    expect(rec?.evidence).toEqual([latest.ref, baseline.ref, ...c.refs]);
    expect(rec?.findings[0]).toMatchObject({ kind: 'marker-change', marker: 'p1np', baseline: 100, latest: 69.9, fallPercent: 30.1 });
  });

  it('with the latest eGFR ≤ 35 still reports the fall but holds the bisphosphonate, as the endocrinology referral says (not "continue")', () => {
    const markers = [p1np(100, '2026-02-20'), p1np(60, '2026-06-10')];
    const low = egfr(35, '2026-10-01');
    const rec = btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, egfr: [egfr(50, '2026-03-01'), low] } })));
    expect(rec).toMatchObject({ reasons: ['fall-from-baseline'], notContinued: 'egfr-low' });
    expect(rec?.evidence).toContain(low.ref);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', value: 35 }));
    const ok = btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, egfr: [egfr(36, '2026-10-01')] } })));
    expect(ok?.notContinued).toBeUndefined();
  });

  it('with a current low calcium (card l. 42) still reports the fall but holds the bisphosphonate until corrected; an old low value, corrected since, does not [choice]', () => {
    const markers = [p1np(100, '2026-02-20'), p1np(60, '2026-06-10')];
    const low = calcium(2.01, '2026-11-15');
    const rec = btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, calcium: [low] } })));
    expect(rec).toMatchObject({ reasons: ['fall-from-baseline'], notContinued: 'hypocalcaemia' });
    expect(rec?.evidence).toContain(low.ref);
    // Low 100 days ago (past the 90-day window): nothing held now.
    expect(btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, calcium: [calcium(2.01, '2026-08-18')] } })))?.notContinued).toBeUndefined();
    // A normal calcium since: nothing held.
    expect(btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, calcium: [calcium(2.01, '2026-11-01'), calcium(2.3, '2026-11-20')] } })))?.notContinued).toBeUndefined();
    // The kidney hold comes first.
    expect(btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, calcium: [low], egfr: [egfr(30, '2026-11-01')] } })))?.notContinued).toBe('egfr-low');
  });

  it('does not fire at a fall of exactly 30 % (100 → 70; CTX 0.50 → 0.35)', () => {
    const p = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(70, '2026-06-10')] } });
    expect(btmResponseAdequate(ctxOf(p))).toBeUndefined();
    // (0.50 − 0.35) / 0.50 = 30 % exactly (not 30.000000000000004 %)
    const c = patient({ ...woman, courses: [course('alendronate', start)], glucocorticoid: glucocorticoid({ active: true }), labs: { boneMarkers: [ctxMarker(0.5, '2026-02-20'), ctxMarker(0.35, '2026-06-10')] } });
    expect(btmResponseAdequate(ctxOf(c))).toBeUndefined();
  });

  it('without a baseline compares with the premenopausal mean (default P1NP 35 µg/L) and says it is less certain', () => {
    const latest = p1np(34, '2026-06-10');
    const rec = btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [latest] } })));
    expect(rec?.reasons).toEqual(['below-premenopausal-mean']);
    expect(rec?.comparedWith).toBe('premenopausal-mean');
    expect(rec?.findings[0]).toMatchObject({ kind: 'marker-change', latest: 34, premenopausalMean: 35 });
    expect(btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(35, '2026-06-10')] } })))).toBeUndefined();
  });

  it("uses the lab's premenopausal mean on the Observation before the configured default", () => {
    const facts = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(30, '2026-06-10', { premenopausalMean: 28 })] } });
    expect(btmResponseAdequate(ctxOf(facts))).toBeUndefined();
    expect(btmResponseAdequate(ctxOf(facts, { premenopausalMean: { p1np: 40, ctx: 0.3 } }))).toBeUndefined();
    const noLabMean = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(38, '2026-06-10')] } });
    expect(btmResponseAdequate(ctxOf(noLabMean, { premenopausalMean: { p1np: 40, ctx: 0.3 } }))?.reasons).toEqual(['below-premenopausal-mean']);
  });

  it('does not take a marker older than 90 days before start as the baseline', () => {
    // 2026-03-02 − 90 days = 2025-12-02; the 2025-12-01 value is no baseline → mean: 30 < 35
    const facts = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(32, '2025-12-01'), p1np(30, '2026-06-10')] } });
    expect(btmResponseAdequate(ctxOf(facts))?.reasons).toEqual(['below-premenopausal-mean']);
    const onDay = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(32, '2025-12-02'), p1np(30, '2026-06-10')] } });
    expect(btmResponseAdequate(ctxOf(onDay))).toBeUndefined(); // 32 → 30: 6 % fall
  });

  it('judges the latest on-treatment marker', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(60, '2026-02-20'), p1np(55, '2026-06-10'), p1np(30, '2026-10-01')] } });
    expect(btmResponseAdequate(ctxOf(facts))?.findings[0]).toMatchObject({ latest: 30, fallPercent: 50 });
  });

  it('does not fire off oral treatment or before any on-treatment marker', () => {
    expect(btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('denosumab', start)], labs: { boneMarkers: [p1np(10, '2026-06-10')] } })))).toBeUndefined();
    expect(btmResponseAdequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(10, '2026-02-20')] } })))).toBeUndefined();
  });
});
