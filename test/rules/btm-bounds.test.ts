/**
 * A bone marker reported as a bound ("<20", ">20", "≥35"): it decides a verdict only when every
 * value it allows gives the same one (terminology.md l. 1063 "parse the comparators"; as the other
 * labs, rules/predicates/labs.ts). A ">20" had been read as 20: a fall of > 30 % and "continue" for
 * a value that may be anything above 20. Otherwise the marker is no decisive value, and the card
 * names it as not used (`unusable-value`, reason `bound`).
 */
import { describe, expect, it } from 'vitest';
import { btmResponseAdequate } from '../../src/rules/follow-up/btm-response-adequate.js';
import { btmResponseInadequate } from '../../src/rules/follow-up/btm-response-inadequate.js';
import { btmFollowUpDue } from '../../src/rules/follow-up/btm-follow-up-due.js';
import { switchToParenteral } from '../../src/rules/follow-up/switch-to-parenteral.js';
import { endocrinologyReferral } from '../../src/rules/follow-up/endocrinology-referral.js';
import { evaluateRules } from '../../src/rules/index.js';
import { formatFinding } from '../../src/cards/text/findings.js';
import type { Finding } from '../../src/contract/findings.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { BoneMarkerMeasurement, Comparator } from '../../src/facts/types.js';
import { course, ctxOf, p1np, patient } from '../helpers/facts.js';

// TODAY = 2026-11-26; alendronate from 2026-03-02: on-treatment markers count from 2026-06-02.
const woman = { sex: 'female' as const, age: 68 };
const start = '2026-03-02';
const bound = (comparator: Comparator, value: number, date: string, extra: Partial<BoneMarkerMeasurement> = {}): BoneMarkerMeasurement => p1np(value, date, { comparator, ...extra });
const onAlendronate = (...markers: BoneMarkerMeasurement[]) => ctxOf(patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: markers } }));
const all = (...markers: BoneMarkerMeasurement[]): Recommendation[] => evaluateRules('patient-view', onAlendronate(...markers));
const card = (recs: readonly Recommendation[], topic: string) => recs.find((r) => r.topic === topic);
const boundsNamed = (rec: Recommendation | undefined): Finding[] => rec?.findings.filter((f) => f.kind === 'unusable-value' && f.reason === 'bound') ?? [];

describe('oral flow: a follow-up marker reported as a bound (card l. 170 "> 30% fald fra initial KM")', () => {
  it('">20" after 40 is no fall of 50 %: neither adequate nor inadequate, the marker is still due and the bound is named', () => {
    const gt20 = bound('>', 20, '2026-06-10');
    const ctx = onAlendronate(p1np(40, '2026-02-20'), gt20);
    expect(btmResponseAdequate(ctx)).toBeUndefined();
    expect(btmResponseInadequate(ctx)).toBeUndefined();
    expect(btmFollowUpDue(ctx)?.reasons).toEqual(['three-months-on-treatment']);
    const recs = all(p1np(40, '2026-02-20'), gt20);
    const due = card(recs, 'btm-follow-up-due');
    expect(boundsNamed(due)).toEqual([{ kind: 'unusable-value', concept: 'p1np', ref: gt20.ref, date: '2026-06-10', unit: 'ug/L', reason: 'bound', comparator: '>', value: 20 }]);
    expect(due?.evidence).toContain(gt20.ref);
    expect(card(recs, 'btm-response-adequate')).toBeUndefined();
  });

  it('"<20" after 100 fell more than 80 %: adequate, shown with its bound ("fald > 80 %")', () => {
    const rec = btmResponseAdequate(onAlendronate(p1np(100, '2026-02-20'), bound('<', 20, '2026-06-10')));
    expect(rec?.reasons).toEqual(['fall-from-baseline']);
    const f = rec?.findings[0];
    expect(f).toMatchObject({ kind: 'marker-change', baseline: 100, latest: 20, latestComparator: '<', fallPercent: 80, fallComparator: '>' });
    expect(formatFinding(f!, 'da')).toBe('P1NP 100 → <20 µg/L (fald > 80 %; 20.02.2026 → 10.06.2026)');
    expect(formatFinding(f!, 'en')).toContain('P1NP 100 → <20 µg/L (fall > 80 %;');
  });

  it('boundary: "<70" after 100 is a fall of more than 30 % (adequate); "≤70" may be exactly 30 % (undecided)', () => {
    expect(btmResponseAdequate(onAlendronate(p1np(100, '2026-02-20'), bound('<', 70, '2026-06-10')))?.reasons).toEqual(['fall-from-baseline']);
    const le70 = onAlendronate(p1np(100, '2026-02-20'), bound('<=', 70, '2026-06-10'));
    expect(btmResponseAdequate(le70)).toBeUndefined();
    expect(btmResponseInadequate(le70)).toBeUndefined();
    expect(btmFollowUpDue(le70)?.reasons).toEqual(['three-months-on-treatment']);
  });

  it('">70" after 100 fell less than 30 %: inadequate, decided ("fald < 30 %"); ">69" may have fallen 31 % (undecided)', () => {
    const rec = btmResponseInadequate(onAlendronate(p1np(100, '2026-02-20'), bound('>', 70, '2026-06-10')));
    expect(rec?.reasons).toEqual(['insufficient-fall']);
    expect(rec?.findings[0]).toMatchObject({ fallPercent: 30, fallComparator: '<', latestComparator: '>' });
    expect(formatFinding(rec!.findings[0]!, 'da')).toContain('(fald < 30 %;');
    expect(btmResponseInadequate(onAlendronate(p1np(100, '2026-02-20'), bound('>', 69, '2026-06-10')))).toBeUndefined();
  });

  it('without a baseline: "<30" is below the premenopausal mean of 35 (adequate), ">35" is not (inadequate), ">20" and "<40" cannot tell', () => {
    const lt30 = btmResponseAdequate(onAlendronate(bound('<', 30, '2026-06-10')));
    expect(lt30?.reasons).toEqual(['below-premenopausal-mean']);
    expect(lt30?.findings[0]).toMatchObject({ latest: 30, latestComparator: '<', premenopausalMean: 35 });
    expect(formatFinding(lt30!.findings[0]!, 'da')).toBe('P1NP <30 µg/L (10.06.2026; præmenopausalt gennemsnit 35 µg/L)');
    expect(btmResponseInadequate(onAlendronate(bound('>', 35, '2026-06-10')))?.reasons).toEqual(['insufficient-fall']);
    for (const m of [bound('>', 20, '2026-06-10'), bound('<', 40, '2026-06-10')]) {
      expect(btmResponseAdequate(onAlendronate(m))).toBeUndefined();
      expect(btmResponseInadequate(onAlendronate(m))).toBeUndefined();
      expect(btmFollowUpDue(onAlendronate(m))).toMatchObject({ reasons: ['three-months-on-treatment'], noBaseline: true });
    }
  });
});

describe('oral flow: a baseline reported as a bound', () => {
  it('">100" before 20 is a fall of at least 80 %: adequate', () => {
    const rec = btmResponseAdequate(onAlendronate(bound('>', 100, '2026-02-20'), p1np(20, '2026-06-10')));
    expect(rec?.findings[0]).toMatchObject({ baseline: 100, baselineComparator: '>', fallPercent: 80, fallComparator: '>' });
    expect(formatFinding(rec!.findings[0]!, 'en')).toContain('P1NP >100 → 20 µg/L (fall > 80 %;');
  });

  it('"<50" before 40 fell less than 20 %: inadequate', () => {
    expect(btmResponseInadequate(onAlendronate(bound('<', 50, '2026-02-20'), p1np(40, '2026-06-10')))?.findings[0]).toMatchObject({ fallPercent: 20, fallComparator: '<' });
  });

  it('"<50" before 20 cannot tell the fall (5 % or 60 %): held against the premenopausal mean as without a baseline, the baseline named as not used', () => {
    const baseline = bound('<', 50, '2026-02-20');
    const rec = btmResponseAdequate(onAlendronate(baseline, p1np(20, '2026-06-10')));
    expect(rec).toMatchObject({ reasons: ['below-premenopausal-mean'], comparedWith: 'premenopausal-mean' });
    expect(boundsNamed(rec)).toEqual([expect.objectContaining({ ref: baseline.ref, comparator: '<', value: 50 })]);
    expect(rec?.evidence).toContain(baseline.ref);
    // With the lab's mean of 15 the 20 is not below it: inadequate, the baseline named there too.
    expect(boundsNamed(btmResponseInadequate(onAlendronate(baseline, p1np(20, '2026-06-10', { premenopausalMean: 15 }))))).toHaveLength(1);
  });
});

describe('oral flow: a newer bound beside an older decided marker', () => {
  it('after an adequate marker, a newer ">20" (baseline 40) does not let the older response be claimed; the data card names the bound', () => {
    const gt20 = bound('>', 20, '2026-10-01');
    const markers = [p1np(40, '2026-02-20'), p1np(20, '2026-06-10'), gt20];
    expect(btmResponseAdequate(onAlendronate(...markers))).toBeUndefined();
    const recs = all(...markers);
    expect(card(recs, 'btm-response-adequate')).toBeUndefined();
    expect(boundsNamed(card(recs, 'data-unavailable')).map((f) => f.kind === 'unusable-value' && f.ref)).toEqual([gt20.ref]);
  });

  it('after an insufficient fall, a newer bound that cannot tell hides nothing: the card stands and names it', () => {
    const lt75 = bound('<', 75, '2026-07-01');
    const recs = all(p1np(100, '2026-02-20'), p1np(80, '2026-06-10'), lt75);
    const rec = card(recs, 'btm-response-inadequate');
    expect(rec?.findings[0]).toMatchObject({ latest: 80, fallPercent: 20 });
    expect(boundsNamed(rec).map((f) => f.kind === 'unusable-value' && f.ref)).toEqual([lt75.ref]);
  });

  it('a re-check reported "<75" (fall > 25 %, maybe > 30 %) is no second insufficient fall: no switch, the re-check is still due and names it', () => {
    const lt75 = bound('<', 75, '2026-09-15');
    const ctx = onAlendronate(p1np(100, '2026-02-20'), p1np(80, '2026-06-10'), lt75);
    expect(switchToParenteral(ctx)).toBeUndefined();
    expect(btmFollowUpDue(ctx)?.reasons).toEqual(['recheck-after-correction']);
    const due = card(all(p1np(100, '2026-02-20'), p1np(80, '2026-06-10'), lt75), 'btm-follow-up-due');
    expect(boundsNamed(due).map((f) => f.kind === 'unusable-value' && f.ref)).toEqual([lt75.ref]);
    // ">75" is a fall of less than 25 %: the second insufficient fall.
    expect(switchToParenteral(onAlendronate(p1np(100, '2026-02-20'), p1np(80, '2026-06-10'), bound('>', 75, '2026-09-15')))?.reasons).toEqual(['persistent-insufficient-fall']);
  });
});

describe('endocrinology-referral `no-btm-suppression` on a parenteral course (card "Manglende suppression af knoglemarkør")', () => {
  const deno = course('denosumab', '2026-01-10', { lastDose: '2026-07-10' });
  const onDenosumab = (...markers: BoneMarkerMeasurement[]) => ctxOf(patient({ ...woman, courses: [deno], labs: { boneMarkers: markers } }));

  it('">20" against a mean of 35 may be 100: no claim of suppression — and no referral on it either; the data card names it', () => {
    const gt20 = bound('>', 20, '2026-06-01');
    expect(endocrinologyReferral(onDenosumab(gt20))).toBeUndefined();
    const recs = evaluateRules('patient-view', onDenosumab(gt20));
    expect(boundsNamed(card(recs, 'data-unavailable')).map((f) => f.kind === 'unusable-value' && f.ref)).toEqual([gt20.ref]);
  });

  it('"<40" may be suppressed: no referral; ">35" and "≥35" are not below 35: referral; "<35" is suppressed', () => {
    expect(endocrinologyReferral(onDenosumab(bound('<', 40, '2026-06-01')))).toBeUndefined();
    expect(endocrinologyReferral(onDenosumab(bound('>', 35, '2026-06-01')))?.reasons).toEqual(['no-btm-suppression']);
    expect(endocrinologyReferral(onDenosumab(bound('>=', 35, '2026-06-01')))?.findings[0]).toMatchObject({ latest: 35, latestComparator: '>=' });
    expect(endocrinologyReferral(onDenosumab(bound('<', 35, '2026-06-01')))).toBeUndefined();
  });

  it('a newer bound that cannot tell does not hide an older marker not suppressed: the referral stands and names it', () => {
    const lt40 = bound('<', 40, '2026-07-01');
    const recs = evaluateRules('patient-view', onDenosumab(p1np(50, '2026-05-01'), lt40));
    const rec = card(recs, 'endocrinology-referral');
    expect(rec?.reasons).toEqual(['no-btm-suppression']);
    expect(boundsNamed(rec).map((f) => f.kind === 'unusable-value' && f.ref)).toEqual([lt40.ref]);
  });
});

describe('the bound named in words', () => {
  it('says which check it cannot decide, in Danish and English', () => {
    const f: Finding = { kind: 'unusable-value', concept: 'p1np', ref: 'Observation/x', date: '2026-06-10', unit: 'ug/L', reason: 'bound', comparator: '>', value: 20 };
    expect(formatFinding(f, 'da')).toBe('Værdi ikke brugt – kun angivet som >20 µg/L, som ikke afgør om knoglemarkøren er faldet > 30 % eller under præmenopausalt gennemsnit: P1NP (10.06.2026)');
    expect(formatFinding(f, 'en')).toContain('Value not used – reported only as >20 µg/L, which does not tell whether the bone marker fell more than 30 % or is below the premenopausal mean: P1NP');
  });
});
