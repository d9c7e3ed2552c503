import { describe, expect, it } from 'vitest';
import { denosumabStopped } from '../../src/rules/follow-up/denosumab-stopped.js';
import { calcium, condition, course, ctxOf, intolerance, medication, patient } from '../helpers/facts.js';
import { evaluatePatientView } from '../../src/rules/index.js';

// TODAY = 2026-11-26
const woman = { sex: 'female' as const, age: 77 };

describe('denosumab-stopped (card l. 81-82 "Hvis denosumab seponeres, SKAL anden behandling igangsættes")', () => {
  it('fires critical when denosumab is recorded stopped with nothing after it, showing the zoledronic acid date', () => {
    // last injection 2026-08-15 + 6 months = 2027-02-15
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-08-15', status: 'stopped', stoppedOn: '2026-11-01' });
    const rec = denosumabStopped(ctxOf(patient({ ...woman, courses: [deno] })));
    expect(rec).toMatchObject({ topic: 'denosumab-stopped', indicator: 'critical', reasons: ['no-follow-on-therapy'], selectionBehavior: 'at-most-one' });
    expect(rec?.evidence).toEqual(deno.refs);
    expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'follow-on-after-denosumab', date: '2027-02-15' });
    expect(rec?.suggestions).toEqual([
      { kind: 'referral', to: 'zoledronic-acid', recommended: true },
      { kind: 'prescribe', drug: 'alendronate-tablet' },
      { kind: 'referral', to: 'endocrinology' },
    ]);
  });

  it('after osteonecrosis of the jaw or an atypical femoral fracture: no bisphosphonate follow-on in general practice, the endocrinology referral the one option', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-08-15', status: 'stopped', stoppedOn: '2026-11-01' });
    for (const concept of ['osteonecrosis-of-jaw', 'atypical-femoral-fracture'] as const) {
      const rec = denosumabStopped(ctxOf(patient({ ...woman, courses: [deno], conditions: [condition(concept, { onset: '2026-10-01' })] })));
      expect(rec, concept).toMatchObject({ indicator: 'critical', reasons: ['no-follow-on-therapy'], seriousSideEffect: true });
      expect(rec?.suggestions, concept).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
      expect(rec?.findings, concept).toContainEqual(expect.objectContaining({ kind: 'condition', concept }));
    }
  });

  it('with a low latest calcium says so and recommends the endocrinology referral, not the infusion or the tablet [choice]', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-08-15', status: 'stopped', stoppedOn: '2026-11-01' });
    const low = calcium(1.12, '2026-11-10', 'ionised');
    const rec = denosumabStopped(ctxOf(patient({ ...woman, courses: [deno], labs: { calcium: [low] } })));
    expect(rec).toMatchObject({ indicator: 'critical', reasons: ['no-follow-on-therapy', 'hypocalcaemia'], calciumLow: true });
    expect(rec?.evidence).toContain(low.ref);
    expect(rec?.suggestions).toEqual([
      { kind: 'referral', to: 'zoledronic-acid' },
      { kind: 'prescribe', drug: 'alendronate-tablet' },
      { kind: 'referral', to: 'endocrinology', recommended: true },
    ]);
  });

  it('offers no alendronate where oral bisphosphonate is not possible (card l. 22 "Ved kontraindikation (fx ulcus)"), naming the barrier', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-03-01', status: 'stopped', stoppedOn: '2026-04-01' });
    const ulcer = condition('peptic-ulcer', { onset: '2026-06-01' });
    const rec = denosumabStopped(ctxOf(patient({ ...woman, courses: [deno], conditions: [ulcer] })));
    expect(rec).toMatchObject({ indicator: 'critical', reasons: ['no-follow-on-therapy'], oralBarred: true });
    expect(rec?.evidence).toContain(ulcer.ref);
    expect(rec?.suggestions).toEqual([
      { kind: 'referral', to: 'zoledronic-acid', recommended: true },
      { kind: 'referral', to: 'endocrinology' },
    ]);
    for (const concept of ['oesophageal-disorder', 'cannot-stay-upright', 'non-adherence'] as const) {
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno], conditions: [condition(concept)] })))?.oralBarred).toBe(true);
    }
    // An ulcer more than 12 months ago, or none: alendronate is one of the options.
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno], conditions: [condition('peptic-ulcer', { active: false, onset: '2024-06-01' })] })))).not.toHaveProperty('oralBarred');
  });

  it('with the ulcer and zoledronic acid not tolerated, the endocrinology referral is what is left, and it is recommended', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-03-01', status: 'stopped', stoppedOn: '2026-04-01' });
    const recs = evaluatePatientView(ctxOf(patient({ ...woman, courses: [deno], conditions: [condition('peptic-ulcer', { onset: '2026-06-01' })], intolerances: [intolerance('zoledronic-acid', '2024-01-01')] })));
    const rec = recs.find((r) => r.topic === 'denosumab-stopped');
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    expect(rec?.notOffered).toEqual(['zoledronic-acid']);
  });

  it('zoledronic acid not tolerated: no zoledronic acid referral, notOffered names it (the text follows it); with alendronate not tolerated too, endocrinology only', () => {
    const deno = course('denosumab', '2023-06-01', { lastDose: '2025-12-01', status: 'stopped', stoppedOn: '2026-02-01' });
    const stopped = (drugs: readonly ('zoledronic-acid' | 'alendronate')[]) =>
      evaluatePatientView(ctxOf(patient({ ...woman, courses: [deno], intolerances: drugs.map((d) => intolerance(d, '2024-01-01')) }))).find((r) => r.topic === 'denosumab-stopped');
    const zol = stopped(['zoledronic-acid']);
    expect(zol?.notOffered).toEqual(['zoledronic-acid']);
    expect(zol?.suggestions).toEqual([{ kind: 'prescribe', drug: 'alendronate-tablet' }, { kind: 'referral', to: 'endocrinology' }]);
    const both = stopped(['zoledronic-acid', 'alendronate']);
    expect(both?.notOffered).toContain('zoledronic-acid');
    expect(both?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
  });

  it('clamps the follow-on date to the month end (2026-05-31 + 6 months = 2026-11-30)', () => {
    const deno = course('denosumab', '2024-05-31', { lastDose: '2026-05-31', status: 'stopped', stoppedOn: '2026-07-01' });
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno] })))?.findings).toContainEqual({ kind: 'due-date', what: 'follow-on-after-denosumab', date: '2026-11-30' });
  });

  it('names a follow-on date that has passed as due then (stopped more than 6 months after the last injection)', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-03-01', status: 'stopped', stoppedOn: '2026-04-01' });
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno] })))?.findings).toContainEqual({ kind: 'due-date', what: 'follow-on-after-denosumab', date: '2026-09-01', past: true });
  });

  it('does not fire when zoledronic acid or an oral bisphosphonate followed the last injection', () => {
    const deno = (by: 'zoledronic-acid' | 'alendronate') =>
      course('denosumab', '2023-02-15', { lastDose: '2026-02-15', status: 'stopped', stoppedOn: '2026-06-01', supersededOn: '2026-08-15', supersededBy: by });
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno('zoledronic-acid'), course('zoledronic-acid', '2026-08-15')] })))).toBeUndefined();
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno('alendronate'), course('alendronate', '2026-08-15')] })))).toBeUndefined();
  });

  describe('a follow-on that ended too soon [choice: oral bisphosphonate for 12 months or more after denosumab]', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2025-02-15', status: 'stopped', stoppedOn: '2025-06-01', supersededOn: '2025-08-15', supersededBy: 'alendronate' });

    it('fires when the alendronate that followed was stopped a month later, naming it', () => {
      const alendronate = course('alendronate', '2025-08-15', { status: 'stopped', end: '2025-09-15', stoppedOn: '2025-09-15' });
      const rec = denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, alendronate] })));
      expect(rec?.reasons).toEqual(['no-follow-on-therapy']);
      expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'course', drugClass: 'oral-bisphosphonate', start: '2025-08-15', status: 'stopped' }));
      expect(rec?.evidence).toEqual([...deno.refs, ...alendronate.refs]);
    });

    it('fires when it ran out after 11 months, not after 12 (the boundary day counts)', () => {
      const ran = (end: string) => course('alendronate', '2025-08-15', { status: 'ended', end });
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, ran('2026-07-14')] })))?.topic).toBe('denosumab-stopped');
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, ran('2026-08-15')] })))).toBeUndefined();
    });

    it('does not fire for a follow-on whose supply ran out lately without a recorded stop (a late refill), as it does 3 months on', () => {
      const ranOut = course('alendronate', '2025-08-15', { status: 'ended', end: '2026-11-08' });
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, { ...ranOut, start: '2026-06-01' }] })))).toBeUndefined();
      const longAgo = course('alendronate', '2025-08-15', { status: 'ended', end: '2025-10-01' });
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, longAgo] })))?.topic).toBe('denosumab-stopped');
    });

    it('fires within the oral gap when the record states the follow-on ended — a statement completed, of unknown status, or active with its period\'s end passed — not a supply that ran out', () => {
      const ended = { ...course('alendronate', '2025-08-15', { status: 'ended', end: '2026-11-01' }), start: '2026-10-01', refs: ['MedicationStatement/aln'] };
      const statement = (status: string, endEstimated?: boolean) => medication('alendronate', '2026-10-01', { ref: 'MedicationStatement/aln', status, end: '2026-11-01', ...(endEstimated === undefined ? {} : { endEstimated }) });
      for (const stated of [statement('completed'), statement('unknown'), statement('active', false)]) {
        expect(denosumabStopped(ctxOf(patient({ ...woman, medications: [stated], courses: [deno, ended] })))?.topic).toBe('denosumab-stopped');
      }
      const prescribed = { ...statement('active', true), ref: 'MedicationRequest/aln', source: 'MedicationRequest' as const };
      expect(denosumabStopped(ctxOf(patient({ ...woman, medications: [prescribed], courses: [deno, { ...ended, refs: [prescribed.ref] }] })))).toBeUndefined();
      // A completed FMK statement begun the day of the prescription it mirrors: the prescription's reading holds, in either order.
      const mirrored = statement('completed');
      for (const medications of [[mirrored, prescribed], [prescribed, mirrored]]) {
        expect(denosumabStopped(ctxOf(patient({ ...woman, medications, courses: [deno, { ...ended, refs: [mirrored.ref, prescribed.ref] }] })))).toBeUndefined();
      }
    });

    it('does not fire while the follow-on is in use, or when a later zoledronic acid infusion followed the stopped tablet', () => {
      const stopped = course('alendronate', '2025-08-15', { status: 'stopped', end: '2025-09-15', stoppedOn: '2025-09-15' });
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, course('alendronate', '2025-08-15')] })))).toBeUndefined();
      expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, stopped, course('zoledronic-acid', '2025-11-01')] })))).toBeUndefined();
    });
  });

  it('still fires when the only other antiresorptive ended before the last injection', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-02-15', status: 'stopped', stoppedOn: '2026-06-01' });
    const earlier = course('alendronate', '2015-01-01', { status: 'ended', end: '2022-12-01' });
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [deno, earlier] })))?.reasons).toEqual(['no-follow-on-therapy']);
  });

  it('does not fire while denosumab is active', () => {
    expect(denosumabStopped(ctxOf(patient({ ...woman, courses: [course('denosumab', '2023-02-15', { lastDose: '2026-08-15' })] })))).toBeUndefined();
  });

  it('with a medication key unavailable (a follow-on may be missing) names it and pre-selects no follow-on', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-08-15', status: 'stopped', stoppedOn: '2026-11-01' });
    const rec = denosumabStopped(ctxOf({ ...patient({ ...woman, courses: [deno] }), unavailable: ['medicationStatements'] }));
    expect(rec).toMatchObject({ topic: 'denosumab-stopped', indicator: 'critical', medicationListUnavailable: true });
    expect(rec?.findings).toContainEqual({ kind: 'unavailable', key: 'medicationStatements' });
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'zoledronic-acid' }, { kind: 'prescribe', drug: 'alendronate-tablet' }, { kind: 'referral', to: 'endocrinology' }]);
  });
});
