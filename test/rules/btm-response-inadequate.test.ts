import { describe, expect, it } from 'vitest';
import { btmResponseInadequate } from '../../src/rules/follow-up/btm-response-inadequate.js';
import { course, ctxOf, egfr, p1np, patient } from '../helpers/facts.js';

// TODAY = 2026-11-26; alendronate from 2026-03-02
const woman = { sex: 'female' as const, age: 68 };
const start = '2026-03-02';

describe('btm-response-inadequate (card l. 170 "< 30% fald fra initial KM" → l. 178-179)', () => {
  it('fires at a fall of exactly 30 % (100 → 70 does not meet "> 30 %")', () => {
    const baseline = p1np(100, '2026-02-20');
    const latest = p1np(70, '2026-06-10');
    const c = course('alendronate', start);
    const rec = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, latest] } })));
    expect(rec).toMatchObject({ topic: 'btm-response-inadequate', indicator: 'warning', reasons: ['insufficient-fall'], selectionBehavior: 'at-most-one' });
    expect(rec?.evidence).toEqual([latest.ref, baseline.ref, ...c.refs]);
    expect(rec?.findings[0]).toMatchObject({ kind: 'marker-change', fallPercent: 30 });
  });

  it('suggests re-measuring 3 months after the marker (recommended), or a parenteral start or referral', () => {
    // 2026-06-10 + 3 months = 2026-09-10
    const rec = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(80, '2026-06-10')] } })));
    expect(rec?.suggestions).toEqual([
      { kind: 'reminder', what: 'bone-marker', due: '2026-09-10', recommended: true, marker: 'p1np' },
      { kind: 'prescribe', drug: 'denosumab-biosimilar' },
      { kind: 'referral', to: 'zoledronic-acid' },
    ]);
    // TODAY 2026-11-26: that date has passed — the re-check is due now (the card says so).
    expect(rec).toMatchObject({ recheckDue: '2026-09-10', recheckPassed: true });
    const recent = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(80, '2026-10-10')] } })));
    expect(recent).not.toHaveProperty('recheckPassed');
  });

  it('with the latest eGFR ≤ 35 says the parenteral start is the specialist\'s and shows the eGFR (card l. 41); 36 does not', () => {
    const markers = [p1np(100, '2026-02-20'), p1np(80, '2026-06-10')];
    const low = egfr(35, '2026-11-01');
    const rec = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, egfr: [low] } })));
    expect(rec).toMatchObject({ egfrLow: true, suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }] });
    expect(rec?.evidence).toContain(low.ref);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', value: 35 }));
    const ok = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers, egfr: [egfr(36, '2026-11-01')] } })));
    expect(ok).not.toHaveProperty('egfrLow');
  });

  it('does not fire at a 30.1 % fall (100 → 69.9)', () => {
    expect(btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(69.9, '2026-06-10')] } })))).toBeUndefined();
  });

  it('fires without a baseline when the marker is not below the premenopausal mean (35 µg/L)', () => {
    const rec = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(35, '2026-06-10')] } })));
    expect(rec?.reasons).toEqual(['insufficient-fall']);
    expect(rec?.comparedWith).toBe('premenopausal-mean');
  });

  it('a reported "<20" after 28 is a fall of more than 28.6 % — maybe more than 30 %: no insufficient fall is claimed (test/rules/btm-bounds.test.ts)', () => {
    const rec = btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(28, '2026-02-20'), p1np(20, '2026-06-10', { comparator: '<' })] } })));
    expect(rec).toBeUndefined();
    // "<19" after 28 fell more than 32 %: no insufficient fall either, an adequate one.
    expect(btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [p1np(28, '2026-02-20'), p1np(19, '2026-06-10', { comparator: '<' })] } })))).toBeUndefined();
  });

  it('does not fire when the marker rose but the patient is not on oral treatment', () => {
    expect(btmResponseInadequate(ctxOf(patient({ ...woman, courses: [course('zoledronic-acid', start)], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(90, '2026-06-10')] } })))).toBeUndefined();
  });
});
