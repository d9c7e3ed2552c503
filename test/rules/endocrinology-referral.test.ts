import { describe, expect, it } from 'vitest';
import { treatmentIndicated } from '../../src/rules/initiation/treatment-indicated.js';
import { endocrinologyReferral } from '../../src/rules/follow-up/endocrinology-referral.js';
import { calcium, condition, course, ctxOf, egfr, fracture, intolerance, p1np, patient, scan } from '../helpers/facts.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 73 };
const alendronate = (): ReturnType<typeof course> => course('alendronate', '2023-03-01');

describe('endocrinology-referral (card l. 249-250 "Henvisning til endokrinolog ved", l. 218-233)', () => {
  it('fires for a significant BMD fall stated in a DXA result after the start of treatment', () => {
    const fall = scan('2025-06-01', { 'lumbar-spine': -3.0 }, { significantDecrease: true });
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], dxa: [fall] })));
    expect(rec).toMatchObject({ topic: 'endocrinology-referral', indicator: 'warning', reasons: ['bmd-fall'] });
    expect(rec?.evidence).toEqual(fall.refs);
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
  });

  it('does not count a significant fall on a scan from before treatment', () => {
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], dxa: [scan('2023-02-01', { 'lumbar-spine': -3.0 }, { significantDecrease: true })] })))).toBeUndefined();
  });

  it('fires for ≥ 2 low-energy fractures from one year of treatment on (2023-03-01 + 1 year = 2024-03-01)', () => {
    const a = fracture('forearm', '2024-03-01');
    const b = fracture('upper-arm', '2025-10-01', 'unknown');
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], fractures: [a, b] })));
    expect(rec?.reasons).toEqual(['fractures-on-treatment']);
    expect(rec?.evidence).toEqual([a.ref, b.ref]);
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], fractures: [fracture('forearm', '2024-02-29'), b] })))).toBeUndefined();
  });

  it('fires when a parenteral treatment does not suppress the bone marker (not below the premenopausal mean)', () => {
    const deno = course('denosumab', '2026-01-10', { lastDose: '2026-07-10' });
    const marker = p1np(40, '2026-06-01');
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [deno], labs: { boneMarkers: [marker] } })));
    expect(rec?.reasons).toEqual(['no-btm-suppression']);
    expect(rec?.evidence).toEqual([marker.ref, ...deno.refs]);
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [deno], labs: { boneMarkers: [p1np(20, '2026-06-01')] } })))).toBeUndefined();
  });

  it('a late injection continues the treatment: the marker taken a year into denosumab still counts once the earlier course no longer does', () => {
    // Injections from 2024-04-01; the one after 2025-04-01 came 8 months late (2025-12-01): a course of its own.
    const first = course('denosumab', '2024-04-01', { lastDose: '2025-04-01', status: 'ended' });
    const late = course('denosumab', '2025-12-01', { lastDose: '2026-06-01' });
    const marker = p1np(45, '2025-04-01');
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [late, first], labs: { boneMarkers: [marker] } })));
    expect(rec?.reasons).toEqual(['no-btm-suppression']);
    // Only the same drug's treatment: a marker on the alendronate before denosumab is no failure of denosumab.
    const oral = course('alendronate', '2024-01-01', { status: 'ended', end: '2025-11-20' });
    const onOral = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [late, oral], labs: { boneMarkers: [p1np(45, '2025-06-01')] } })));
    expect(onOral).toBeUndefined();
  });

  it('does not add no-btm-suppression for an oral course (switch-to-parenteral carries the marker failure)', () => {
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { boneMarkers: [p1np(60, '2023-02-20'), p1np(58, '2023-07-01'), p1np(57, '2023-10-05')] } })))).toBeUndefined();
  });

  it('fires for intolerance to 2 different osteoporosis drugs, not to one', () => {
    const a = intolerance('alendronate');
    const b = intolerance('zoledronic-acid');
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [course('denosumab', '2026-01-10', { lastDose: '2026-07-10' })], intolerances: [a, b] })));
    expect(rec?.reasons).toEqual(['intolerance']);
    expect(rec?.evidence).toEqual([a.ref, b.ref]);
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], intolerances: [a, intolerance('alendronate')] })))).toBeUndefined();
  });

  it('fires for a falling eGFR below 45 (52 → 44), not for 52 → 46 or a rising one', () => {
    const before = egfr(52, '2026-03-01');
    const last = egfr(44, '2026-10-01');
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { egfr: [before, last] } })));
    expect(rec?.reasons).toEqual(['egfr-falling']);
    expect(rec?.evidence).toEqual([last.ref, before.ref]);
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { egfr: [egfr(52, '2026-03-01'), egfr(46, '2026-10-01')] } })))).toBeUndefined();
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { egfr: [egfr(40, '2026-03-01'), egfr(44, '2026-10-01')] } })))).toBeUndefined();
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { egfr: [egfr(40, '2026-10-01')] } })))).toBeUndefined();
  });

  it('a falling eGFR as far as reported bounds can tell: "<40" after 52 falls below 45; "<60" after 70 may be 59, and 44 after "<60" may not have fallen (terminology.md l. 1063)', () => {
    const judge = (values: ReturnType<typeof egfr>[]) => endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { egfr: values } })));
    expect(judge([egfr(52, '2026-03-01'), egfr(40, '2026-10-01', { comparator: '<' })])?.reasons).toEqual(['egfr-falling']);
    expect(judge([egfr(70, '2026-03-01'), egfr(60, '2026-10-01', { comparator: '<' })])).toBeUndefined();
    expect(judge([egfr(60, '2026-03-01', { comparator: '<' }), egfr(44, '2026-10-01')])).toBeUndefined();
    expect(judge([egfr(60, '2026-03-01', { comparator: '>' }), egfr(44, '2026-10-01')])?.reasons).toEqual(['egfr-falling']);
  });

  it('a repeat eGFR a little above 35 does not end the hold a value ≤ 35 began (34 → 36); one at 45 or more, or 6 months on, does', () => {
    const low = egfr(34, '2026-06-01');
    const judge = (values: ReturnType<typeof egfr>[]) => endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { egfr: values } })));
    const rec = judge([egfr(41, '2025-03-01'), egfr(38, '2025-09-01'), low, egfr(36, '2026-10-01')]);
    expect(rec?.reasons).toEqual(['egfr-low']);
    expect(rec?.evidence).toContain(low.ref);
    expect(judge([low, egfr(46, '2026-10-01')])).toBeUndefined();
    expect(judge([egfr(34, '2026-04-01'), egfr(36, '2026-10-01')])).toBeUndefined();
    // A value ≤ 35 from before the course began was the start check's: no hold from it.
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [course('alendronate', '2026-09-01')], labs: { egfr: [egfr(34, '2026-07-01'), egfr(40, '2026-08-25')] } })))).toBeUndefined();
    // Rising or stable kidneys with no value ≤ 35: nothing (48 → 36 → 40 → 43 → 44).
    expect(judge([egfr(48, '2025-01-01'), egfr(36, '2025-06-01'), egfr(40, '2025-12-01'), egfr(43, '2026-05-01'), egfr(44, '2026-10-01')])).toBeUndefined();
  });

  it('fires when denosumab is planned to stop', () => {
    const deno = course('denosumab', '2024-01-10', { lastDose: '2026-07-10', plannedEnd: '2027-01-10' });
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [deno] })));
    expect(rec?.reasons).toEqual(['denosumab-stop']);
    expect(rec?.evidence).toEqual(deno.refs);
  });

  it('fires for suspected secondary osteoporosis: hypercalcaemia or Z-score ≤ −2.0 [extension]', () => {
    const ca = calcium(2.7, '2026-10-01');
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { calcium: [ca] } })))?.evidence).toEqual([ca.ref]);
    const z = scan('2026-01-01', { 'lumbar-spine': -2.6 }, { zScores: { 'lumbar-spine': -2.0 } });
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], dxa: [z] })))?.reasons).toEqual(['secondary-osteoporosis']);
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], dxa: [scan('2026-01-01', { 'lumbar-spine': -2.6 }, { zScores: { 'lumbar-spine': -1.9 } })] })))).toBeUndefined();
  });

  it('reads every calcium of the newest day: a high ionised value is not hidden by a normal total one of the same day', () => {
    const total = calcium(2.38, '2026-10-01');
    const ionised = calcium(1.4, '2026-10-01', 'ionised');
    for (const labs of [[total, ionised], [ionised, total]]) {
      const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { calcium: labs } })));
      expect(rec?.reasons).toEqual(['secondary-osteoporosis']);
      expect(rec?.evidence).toEqual([ionised.ref]);
    }
    // A high value of an earlier day, with a normal one since, is not the current state.
    const earlier = calcium(1.4, '2026-09-01', 'ionised');
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], labs: { calcium: [total, earlier] } })))).toBeUndefined();
  });

  it('gives one card naming every reason', () => {
    const rec = endocrinologyReferral(
      ctxOf(patient({ ...woman, courses: [alendronate()], dxa: [scan('2025-06-01', { 'lumbar-spine': -3.0 }, { significantDecrease: true })], labs: { calcium: [calcium(2.8, '2026-10-01')] } })),
    );
    expect(rec?.reasons).toEqual(['bmd-fall', 'secondary-osteoporosis']);
  });

  it('does not fire for a patient not on treatment', () => {
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, labs: { calcium: [calcium(2.8, '2026-10-01')] } })))).toBeUndefined();
  });

  it('refers for osteonecrosis of the jaw or an atypical femoral fracture on an antiresorptive ("uacceptable bivirkninger", reason intolerance) [choice]', () => {
    const onj = condition('osteonecrosis-of-jaw', { onset: '2026-05-01' });
    const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], conditions: [onj] })));
    expect(rec).toMatchObject({ reasons: ['intolerance'], seriousSideEffect: true });
    expect(rec?.evidence).toEqual([onj.ref]);
    const aff = condition('atypical-femoral-fracture', { recorded: '2025-01-10' });
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [course('denosumab', '2023-03-01', { lastDose: '2026-09-01' })], conditions: [aff] })))).toMatchObject({ seriousSideEffect: true });
    // Before the treatment began, or on an anabolic drug only: not a side effect of this treatment.
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], conditions: [condition('osteonecrosis-of-jaw', { onset: '2022-01-01' })] })))).toBeUndefined();
    expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [course('teriparatide', '2026-01-01')], conditions: [aff] })))).toBeUndefined();
    // With intolerance to two drugs as well: one reason, both findings.
    const both = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [alendronate()], conditions: [onj], intolerances: [intolerance('alendronate'), intolerance('risedronate')] })));
    expect(both?.reasons).toEqual(['intolerance']);
  });

  describe('a treatment failure before a pause [choice: failureBeforePause]', () => {
    // Alendronate 2019-01-01 → 2024-03-01 (5.2 years), then paused: hip −2.3, no fractures.
    const paused = (): ReturnType<typeof course> => course('alendronate', '2019-01-01', { status: 'ended', end: '2024-03-01' });
    const hip = (date: string, significantDecrease: boolean): ReturnType<typeof scan> => scan(date, { 'total-hip': -2.3 }, { significantDecrease });

    it('refers for a significant BMD fall during the course the pause followed, naming the ended course', () => {
      const fall = hip('2023-06-01', true);
      const c = paused();
      const rec = endocrinologyReferral(ctxOf(patient({ ...woman, courses: [c], dxa: [fall] })));
      expect(rec).toMatchObject({ topic: 'endocrinology-referral', indicator: 'warning', reasons: ['bmd-fall'] });
      expect(rec?.evidence).toEqual([...fall.refs, ...c.refs]);
      expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'course' }));
    });

    it('refers for ≥ 2 low-energy fractures from one year into that course up to its end', () => {
      // A low-energy fracture in the 5 years before the pause start is no pause at all (pause
      // criteria), so the course here ran 2012–2019 with its fractures in its second year.
      const early = course('alendronate', '2012-01-01', { status: 'ended', end: '2019-03-01' });
      const dxa = [hip('2017-06-01', false)];
      const inSecondYear = [fracture('forearm', '2013-02-01'), fracture('upper-arm', '2013-05-01')];
      expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [early], dxa, fractures: inSecondYear })))?.reasons).toEqual(['fractures-on-treatment']);
      // One of them in the first year of treatment: not "efter mindst et års behandling".
      const oneInFirstYear = [fracture('forearm', '2012-12-01'), fracture('upper-arm', '2013-05-01')];
      expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [early], dxa, fractures: oneInFirstYear })))).toBeUndefined();
    });

    it('does not refer for a fall flagged before the course, during the pause, or unflagged', () => {
      expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [paused()], dxa: [hip('2018-12-01', true)] })))).toBeUndefined();
      expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [paused()], dxa: [hip('2026-04-01', true)] })))).toBeUndefined();
      expect(endocrinologyReferral(ctxOf(patient({ ...woman, courses: [paused()], dxa: [hip('2023-06-01', false)] })))).toBeUndefined();
    });

    it('refers after a course stopped before 5 years after a failure too, and treatment-indicated offers the second choice, not the failed drug (card l. 22 "2. Valg … behandlingssvigt")', () => {
      const short = course('alendronate', '2021-01-01', { status: 'stopped', end: '2024-03-01' });
      const input = { ...woman, age: 70, courses: [short], dxa: [hip('2023-06-01', true)], fractures: [fracture('spine', '2022-09-01', 'low-energy')] };
      const rec = endocrinologyReferral(ctxOf(patient(input)));
      expect(rec?.reasons).toEqual(['bmd-fall']);
      expect(rec?.evidence).toEqual(expect.arrayContaining([...short.refs]));
      const start = treatmentIndicated(ctxOf(patient(input)));
      expect(start).toMatchObject({ topic: 'treatment-indicated', choice: 'second-choice' });
      expect(start?.reasons).toContain('bmd-fall');
      expect(start?.suggestions).toEqual([
        { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true },
        { kind: 'referral', to: 'zoledronic-acid' },
      ]);
      // No failure during the course: no referral, and the initiation cards decide as before.
      const noFall = { ...input, dxa: [hip('2023-06-01', false)] };
      expect(endocrinologyReferral(ctxOf(patient(noFall)))).toBeUndefined();
      expect(treatmentIndicated(ctxOf(patient(noFall)))).toMatchObject({ topic: 'treatment-indicated', choice: 'first-choice' });
      // Another osteoporosis drug used since: the failure was answered.
      const since = course('denosumab', '2024-06-01', { status: 'ended', lastDose: '2024-06-01' });
      expect(endocrinologyReferral(ctxOf(patient({ ...input, courses: [short, since] })))).toBeUndefined();
    });

    it('a marker that still did not fall at the re-check before the course was stopped: treatment-indicated offers the second choice, with no referral card (card l. 150-152, rules.md section 2 "has failed (section 3)")', () => {
      // Alendronate 2025-02-05 → stopped 2025-09-01; P1NP 60 (baseline) → 50 (3 months) → 45 (re-check 3 months on).
      const stopped = course('alendronate', '2025-02-05', { status: 'stopped', end: '2025-09-01' });
      const spine = scan('2025-01-10', { 'lumbar-spine': -2.8 });
      const markers = [p1np(45, '2025-08-20'), p1np(50, '2025-05-15'), p1np(60, '2025-02-01')];
      const input = { ...woman, age: 81, courses: [stopped], dxa: [spine], labs: { boneMarkers: markers } };
      const start = treatmentIndicated(ctxOf(patient(input)));
      expect(start).toMatchObject({ topic: 'treatment-indicated', choice: 'second-choice' });
      expect(start?.reasons).toContain('persistent-insufficient-fall');
      expect(start?.suggestions?.[0]).toEqual({ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true });
      expect(endocrinologyReferral(ctxOf(patient(input)))).toBeUndefined();
      // Controls: the re-check adequate (a 30 % fall: 60 → 40), or only one inadequate marker before the stop — first choice.
      const adequate = [p1np(40, '2025-08-20'), p1np(50, '2025-05-15'), p1np(60, '2025-02-01')];
      expect(treatmentIndicated(ctxOf(patient({ ...input, labs: { boneMarkers: adequate } })))).toMatchObject({ choice: 'first-choice' });
      const once = [p1np(50, '2025-05-15'), p1np(60, '2025-02-01')];
      expect(treatmentIndicated(ctxOf(patient({ ...input, labs: { boneMarkers: once } })))).toMatchObject({ choice: 'first-choice' });
      // A marker taken after the stop tells nothing of the course.
      const afterStop = [p1np(45, '2025-10-20'), p1np(50, '2025-05-15'), p1np(60, '2025-02-01')];
      expect(treatmentIndicated(ctxOf(patient({ ...input, labs: { boneMarkers: afterStop } })))).toMatchObject({ choice: 'first-choice' });
    });
  });
});
