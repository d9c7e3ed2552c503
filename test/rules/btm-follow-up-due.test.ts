import { describe, expect, it } from 'vitest';
import { btmFollowUpDue } from '../../src/rules/follow-up/btm-follow-up-due.js';
import { fractureBeforeStart } from '../../src/rules/follow-up/bone-markers.js';
import { course, ctxOf, fracture, glucocorticoid, p1np, ctx as ctxMarker, patient, TODAY } from '../helpers/facts.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 70 };

describe('btm-follow-up-due (card l. 183: "Tag KM 3 mdr. efter patienten er startet behandling")', () => {
  it('fires 3 months after the start of alendronate with no marker since, suggesting P1NP', () => {
    // start 2026-08-26 + 3 months = 2026-11-26 = today: due (the day itself counts)
    const alendronate = course('alendronate', '2026-08-26');
    const rec = btmFollowUpDue(ctxOf(patient({ ...woman, courses: [alendronate] })));
    expect(rec).toMatchObject({ topic: 'btm-follow-up-due', indicator: 'info', reasons: ['three-months-on-treatment'], marker: 'p1np' });
    expect(rec?.evidence).toEqual(alendronate.refs);
    expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'p1np' }]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2026-11-26' });
  });

  it('says whether a baseline marker exists (without one, the first marker is read against the premenopausal mean)', () => {
    const alendronate = course('alendronate', '2026-08-26');
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [alendronate] })))).toMatchObject({ noBaseline: true });
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [alendronate], labs: { boneMarkers: [p1np(60, '2026-08-20')] } })))).not.toHaveProperty('noBaseline');
  });

  it('does not fire the day before the 3 months are reached', () => {
    // start 2026-08-27 + 3 months = 2026-11-27 > today
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-08-27')] })))).toBeUndefined();
  });

  it('keeps asking for the first marker however long ago it fell due (rules.md sets no upper limit)', () => {
    // start 2023-02-01: due 2023-05-01, still no marker today (2026-11-26).
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2023-02-01')] })))?.reasons).toEqual(['three-months-on-treatment']);
  });

  it('stops a year after the marker fell due when a site sets boneMarkerWindowMonths 12', () => {
    // start 2025-08-26: due 2025-11-26; the window closes 2026-11-26 (today); start 2025-08-27: due 2025-11-27, still open today
    const site = { boneMarkerWindowMonths: 12 };
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-08-26')] }), site))).toBeUndefined();
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-08-27')] }), site))?.reasons).toEqual(['three-months-on-treatment']);
  });

  it('asks for CTX fasting before 10 am while the patient is on glucocorticoid', () => {
    const rec = btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-06-01')], glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 7.5 }) })));
    expect(rec?.marker).toBe('ctx');
    expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);
  });

  it('does not count a P1NP as the marker when CTX is the marker (no comparison across kinds)', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', '2026-06-01')], glucocorticoid: glucocorticoid({ active: true }), labs: { boneMarkers: [p1np(20, '2026-10-01')] } });
    expect(btmFollowUpDue(ctxOf(facts))?.reasons).toEqual(['three-months-on-treatment']);
  });

  it('does not fire once a usable on-treatment marker exists', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', '2026-06-01')], labs: { boneMarkers: [p1np(25, '2026-09-15')] } });
    expect(btmFollowUpDue(ctxOf(facts))).toBeUndefined();
  });

  it('does not count a marker taken before start + 3 months', () => {
    // start 2026-08-01: on-treatment markers from 2026-11-01; the 2026-10-15 marker is too early
    const facts = patient({ ...woman, courses: [course('alendronate', '2026-08-01')], labs: { boneMarkers: [p1np(25, '2026-10-15')] } });
    expect(btmFollowUpDue(ctxOf(facts))?.reasons).toEqual(['three-months-on-treatment']);
  });

  it('does not fire without an active oral bisphosphonate course (markers apply to oral treatment only)', () => {
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('denosumab', '2026-05-01')] })))).toBeUndefined();
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-01-01', { status: 'stopped', end: '2026-01-01' })] })))).toBeUndefined();
  });
});

describe('btm-follow-up-due — fracture within 6 months before start (card l. 152: "Mål ét år efter fraktur")', () => {
  // start 2026-08-26; fracture 2026-03-01 is within 6 months before (from 2026-02-26)
  const alendronate = (): ReturnType<typeof course> => course('alendronate', '2026-08-26', { today: '2027-03-01' });

  it('gives no card before one year after the fracture, even though 3 months have passed', () => {
    const fx = fracture('forearm', '2026-03-01', 'high-energy');
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-08-26')], fractures: [fx] })))).toBeUndefined();
  });

  it('fires one year after the fracture (2026-03-01 + 12 months = 2027-03-01), any mechanism', () => {
    const fx = fracture('forearm', '2026-03-01', 'high-energy');
    const c = alendronate();
    const rec = btmFollowUpDue(ctxOf(patient({ ...woman, today: '2027-03-01', courses: [c], fractures: [fx] })));
    expect(rec?.reasons).toEqual(['three-months-on-treatment', 'fracture-before-start']);
    expect(rec?.evidence).toEqual([...c.refs, fx.ref]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2027-03-01' });
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, today: '2027-02-28', courses: [course('alendronate', '2026-08-26', { today: '2027-02-28' })], fractures: [fx] })))).toBeUndefined();
  });

  it('does not use a marker taken before one year after the fracture', () => {
    const fx = fracture('hip', '2026-03-01');
    const facts = patient({ ...woman, today: '2027-03-01', courses: [alendronate()], fractures: [fx], labs: { boneMarkers: [p1np(20, '2026-12-01')] } });
    expect(btmFollowUpDue(ctxOf(facts))?.reasons).toEqual(['three-months-on-treatment', 'fracture-before-start']);
  });

  it('a fracture dated only by a year that may fall after the start is not known to be before it: the baseline stands', () => {
    // start 2026-08-26; "2026" can mean any day up to 2026-12-31.
    const year = { ...fracture('spine', '2026-03-01'), latestDate: '2026-12-31' };
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-08-26')], fractures: [year] })))?.reasons).toEqual(['three-months-on-treatment']);
    // This month's "2026-11" on TODAY 2026-11-26 with the start today: days after today are not days it can mean.
    const thisMonth = { ...fracture('spine', '2026-11-01'), latestDate: '2026-11-30' };
    expect(fractureBeforeStart(patient({ ...woman, fractures: [thisMonth] }), '2026-11-26')).toBe(thisMonth);
    // "2026-03" lies wholly before the start: it counts.
    const month = { ...fracture('spine', '2026-03-01'), latestDate: '2026-03-31' };
    expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-08-26')], fractures: [month] })))).toBeUndefined();
  });

  it('counts a fracture exactly 6 months before start, not one a day earlier', () => {
    // start 2026-08-26 − 6 months = 2026-02-26
    const at = btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-08-26')], fractures: [fracture('spine', '2026-02-26')] })));
    expect(at).toBeUndefined(); // due 2027-02-26, not yet
    const before = btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-08-26')], fractures: [fracture('spine', '2026-02-25')] })));
    expect(before?.reasons).toEqual(['three-months-on-treatment']);
  });
});

describe('btm-follow-up-due — re-check (card l. 172: "Tag KM 3 mdr. efter og revurdér")', () => {
  const start = '2026-01-10';
  const baseline = p1np(60, '2026-01-05');

  it('fires 3 months after the first inadequate marker when nothing newer was taken', () => {
    // 60 → 50: fall 16.7 % (≤ 30 %); re-check due 2026-04-20 + 3 months = 2026-07-20 ≤ today
    const first = p1np(50, '2026-04-20');
    const c = course('alendronate', start);
    const rec = btmFollowUpDue(ctxOf(patient({ ...woman, courses: [c], labs: { boneMarkers: [baseline, first] } })));
    expect(rec?.reasons).toEqual(['recheck-after-correction']);
    expect(rec?.evidence).toEqual([...c.refs, first.ref, baseline.ref]);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'bone-marker', date: '2026-07-20' });
  });

  it('does not fire before 3 months have passed since the inadequate marker', () => {
    // 2026-08-27 + 3 months = 2026-11-27 > today
    const facts = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [baseline, p1np(50, '2026-08-27')] } });
    expect(btmFollowUpDue(ctxOf(facts))).toBeUndefined();
    // 2026-08-26 + 3 months = 2026-11-26 = today
    const due = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [baseline, p1np(50, '2026-08-26')] } });
    expect(btmFollowUpDue(ctxOf(due))?.reasons).toEqual(['recheck-after-correction']);
  });

  it('does not fire after a second inadequate marker (that is switch-to-parenteral) or an adequate one', () => {
    const two = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [baseline, p1np(50, '2026-04-20'), p1np(48, '2026-07-25')] } });
    expect(btmFollowUpDue(ctxOf(two))).toBeUndefined();
    const ok = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [baseline, p1np(30, '2026-04-20')] } });
    expect(btmFollowUpDue(ctxOf(ok))).toBeUndefined();
  });

  it('re-checks an inadequate marker that follows an adequate one (first inadequate in a row)', () => {
    const facts = patient({ ...woman, courses: [course('alendronate', start)], labs: { boneMarkers: [baseline, p1np(30, '2026-04-20'), p1np(55, '2026-07-01')] } });
    expect(btmFollowUpDue(ctxOf(facts))?.reasons).toEqual(['recheck-after-correction']);
  });

  describe('a P1NP series and a glucocorticoid begun after it (l. 140-142 "CTX anvendes i stedet for P1NP …")', () => {
    // Alendronate from 2025-01-10: the 3-month marker is due from 2025-04-10.
    const since = (start: string) => glucocorticoid({ active: true, currentDailyMg: 10, uses: [{ start, end: TODAY }] });
    const adequate = [p1np(60, '2025-01-05'), p1np(30, '2025-04-20')];

    it('a fall of more than 30 % shown before the glucocorticoid began still stands: no marker is asked again', () => {
      const facts = patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2026-06-01'), labs: { boneMarkers: adequate } });
      expect(btmFollowUpDue(ctxOf(facts))).toBeUndefined();
      // The same series with the glucocorticoid begun before the 3-month P1NP: that P1NP may be the glucocorticoid's, CTX is asked.
      const under = patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2025-03-01'), labs: { boneMarkers: adequate } });
      expect(btmFollowUpDue(ctxOf(under))).toMatchObject({ reasons: ['three-months-on-treatment'], marker: 'ctx' });
      // Begun the day after the P1NP: it stands; on the day of the P1NP: it does not.
      expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2025-04-21'), labs: { boneMarkers: adequate } })))).toBeUndefined();
      expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2025-04-20'), labs: { boneMarkers: adequate } })))?.marker).toBe('ctx');
    });

    it('a series still open when the glucocorticoid began (an insufficient fall awaiting its re-check) goes on in CTX', () => {
      const open = patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2026-06-01'), labs: { boneMarkers: [p1np(60, '2025-01-05'), p1np(50, '2025-04-20')] } });
      expect(btmFollowUpDue(ctxOf(open))).toMatchObject({ marker: 'ctx' });
    });

    it('a series taken under a glucocorticoid is no series before it: a course across it with a gap, or an earlier course', () => {
      const gapped = glucocorticoid({ active: true, currentDailyMg: 10, uses: [{ start: '2023-12-01', end: '2025-06-27' }, { start: '2025-06-30', end: TODAY }] });
      expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: gapped, labs: { boneMarkers: adequate } })))?.marker).toBe('ctx');
      const earlier = glucocorticoid({ active: true, currentDailyMg: 10, uses: [{ start: '2025-03-01', end: '2025-05-01' }, { start: '2026-06-01', end: TODAY }] });
      expect(btmFollowUpDue(ctxOf(patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: earlier, labs: { boneMarkers: adequate } })))?.marker).toBe('ctx');
    });

    it('a P1NP taken since under the glucocorticoid reopens the series in CTX (back at its baseline, it is no response to pass over)', () => {
      const later = patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2026-06-01'), labs: { boneMarkers: [p1np(62, '2026-10-01'), ...adequate] } });
      expect(btmFollowUpDue(ctxOf(later))?.marker).toBe('ctx');
    });

    it('a CTX taken since the glucocorticoid began is the series again', () => {
      const checked = patient({ ...woman, courses: [course('alendronate', '2025-01-10')], glucocorticoid: since('2026-06-01'), labs: { boneMarkers: [ctxMarker(0.6, '2026-08-01'), ...adequate] } });
      // CTX 0.6 without a baseline is above the premenopausal mean: a re-check is due 3 months on.
      expect(btmFollowUpDue(ctxOf(checked))).toMatchObject({ reasons: ['recheck-after-correction'], marker: 'ctx' });
    });
  });

  it('keeps CTX as the re-check marker under glucocorticoid', () => {
    const facts = patient({
      ...woman,
      courses: [course('alendronate', start)],
      glucocorticoid: glucocorticoid({ active: true }),
      labs: { boneMarkers: [ctxMarker(0.5, '2026-01-02'), ctxMarker(0.4, '2026-05-01')] },
    });
    const rec = btmFollowUpDue(ctxOf(facts));
    expect(rec?.reasons).toEqual(['recheck-after-correction']);
    expect(rec?.suggestions).toEqual([{ kind: 'lab', lab: 'ctx', note: 'fasting-before-10' }]);
    expect(TODAY).toBe('2026-11-26');
  });
});
