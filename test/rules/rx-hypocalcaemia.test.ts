import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxHypocalcaemia } from '../../src/rules/prescribing/rx-hypocalcaemia.js';
import { calcium, course, ctxOf, draft, medication, patient, vitaminD, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxHypocalcaemia(ctxOf(patient({ age: 70, ...input, drafts: [d] })), d);

describe('rx-hypocalcaemia (card l. 42 "Tjek, at der Ikke er hypocalcæmi")', () => {
  it('carries the calcium as the lab reported it (mg/dL) and its comparator, for the summary to show', () => {
    const ca = calcium(2.096, '2026-11-20', 'total', { reported: { value: 8.4, unit: 'mg/dL' } });
    expect(judge({ labs: { calcium: [ca] } }, draft('zoledronic-acid'))?.calcium).toMatchObject({ value: 2.096, reported: { value: 8.4, unit: 'mg/dL' } });
    const below = calcium(2.1, '2026-11-20', 'total', { comparator: '<' });
    expect(judge({ labs: { calcium: [below] } }, draft('zoledronic-acid'))?.calcium).toMatchObject({ value: 2.1, comparator: '<' });
  });

  it('stops denosumab with total calcium 2.10 mmol/L (< 2.15 without a lab range): critical, order calcium and 25-OH-D', () => {
    const d = draft('denosumab');
    const ca = calcium(2.1, '2026-11-20');
    const rec = judge({ labs: { calcium: [ca] } }, d);
    expect(rec).toMatchObject({ topic: 'rx-hypocalcaemia', indicator: 'critical', reasons: ['hypocalcaemia'] });
    expect(rec?.evidence).toEqual([d.ref, ca.ref]);
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'vitamin-d'] }, { kind: 'remove-draft', draft: d.ref }]);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'calcium', value: 2.1 }));
  });

  it('a calcium reported "<2.40" cannot tell hypocalcaemia (range from 2.15): no critical; "<2.15" is low; ">2.10" cannot tell either (terminology.md l. 1063)', () => {
    const d = draft('alendronate');
    expect(judge({ labs: { calcium: [calcium(2.4, '2026-11-01', 'total', { comparator: '<' })] } }, d)).toBeUndefined();
    expect(judge({ labs: { calcium: [calcium(2.15, '2026-11-01', 'total', { comparator: '<' })] } }, d)).toMatchObject({ indicator: 'critical', reasons: ['hypocalcaemia'] });
    expect(judge({ labs: { calcium: [calcium(2.1, '2026-11-01', 'total', { comparator: '>' })] } }, d)).toBeUndefined();
    // A newer bound that cannot tell does not clear an older low value: the older one is the latest that can.
    const low = calcium(2.05, '2026-09-01');
    expect(judge({ labs: { calcium: [calcium(2.4, '2026-11-01', 'total', { comparator: '<' }), low] } }, d)?.evidence).toContain(low.ref);
  });

  it('a current 25-OH-D is not ordered again; a low one is shown as the likely cause', () => {
    const d = draft('alendronate');
    const low = vitaminD(30, '2026-11-20');
    const rec = judge({ labs: { calcium: [calcium(2.05, '2026-11-20')], vitaminD: [low] } }, d);
    expect(rec?.suggestions?.[0]).toEqual({ kind: 'labs', labs: ['calcium'] });
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'vitamin-d', value: 30 }));
    expect(rec?.evidence).toContain(low.ref);
    const normal = judge({ labs: { calcium: [calcium(2.05, '2026-11-20')], vitaminD: [vitaminD(80, '2026-11-20')] } }, d);
    expect(normal?.suggestions?.[0]).toEqual({ kind: 'labs', labs: ['calcium'] });
    expect(normal?.findings.some((f) => f.kind === 'lab' && f.lab === 'vitamin-d')).toBe(false);
    // The text says which was measured: `vitaminD` names the current value's reading.
    expect(rec?.vitaminD).toBe('low');
    expect(normal?.vitaminD).toBe('adequate');
    // None current (180 days): ordered with the calcium.
    const old = judge({ labs: { calcium: [calcium(2.05, '2026-11-20')], vitaminD: [vitaminD(30, '2026-05-01')] } }, d);
    expect(old?.suggestions?.[0]).toEqual({ kind: 'labs', labs: ['calcium', 'vitamin-d'] });
    expect(old?.vitaminD).toBeUndefined();
  });

  it('offers to remove an alendronate or zoledronic acid draft in one click (it must not be signed as it stands)', () => {
    for (const drug of ['alendronate', 'zoledronic-acid'] as const) {
      const d = draft(drug);
      expect(judge({ labs: { calcium: [calcium(2.1, '2026-11-20')] } }, d)?.suggestions).toContainEqual({ kind: 'remove-draft', draft: d.ref });
    }
  });

  it('keeps a zoledronic acid draft that is to follow stopped denosumab (no one-click removal: it must come within the 7 months)', () => {
    const d = draft('zoledronic-acid');
    const rec = judge({ labs: { calcium: [calcium(2.05, '2026-11-20')] }, courses: [course('denosumab', '2022-01-01', { status: 'stopped', lastDose: '2026-06-01' })] }, d);
    expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'vitamin-d'] }]);
  });

  it('does not fire at exactly 2.15 mmol/L (hypocalcaemia is below 2.15)', () => {
    expect(judge({ labs: { calcium: [calcium(2.15, '2026-11-20')] } }, draft('alendronate'))).toBeUndefined();
  });

  it("uses the lab's own reference range: 2.18 below a range starting at 2.20 is low", () => {
    expect(judge({ labs: { calcium: [calcium(2.18, '2026-11-20', 'total', { referenceLow: 2.2 })] } }, draft('alendronate'))?.indicator).toBe('critical');
  });

  it('reads ionised calcium against 1.18 mmol/L: 1.17 fires, 1.20 does not', () => {
    expect(judge({ labs: { calcium: [calcium(1.17, '2026-11-20', 'ionised')] } }, draft('zoledronic-acid'))).toBeDefined();
    expect(judge({ labs: { calcium: [calcium(1.2, '2026-11-20', 'ionised')] } }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('a normal total calcium does not hide a low ionised one of the same day (either order); an older low one of another kind does', () => {
    const total = calcium(2.3, '2026-11-20');
    const ionised = calcium(1.1, '2026-11-20', 'ionised');
    for (const values of [[total, ionised], [ionised, total]]) {
      const rec = judge({ labs: { calcium: values } }, draft('denosumab'));
      expect(rec?.indicator).toBe('critical');
      expect(rec?.evidence).toContain(ionised.ref);
    }
    expect(judge({ labs: { calcium: [total, calcium(1.1, '2026-11-10', 'ionised')] } }, draft('denosumab'))).toBeUndefined();
  });

  it('takes the latest calcium: a normal value after an old low one passes', () => {
    expect(judge({ labs: { calcium: [calcium(2.0, '2025-01-01'), calcium(2.35, '2026-11-01')] } }, draft('alendronate'))).toBeUndefined();
  });

  it('does not judge non-antiresorptive drafts', () => {
    expect(judge({ labs: { calcium: [calcium(2.0, '2026-11-20')] } }, draft('teriparatide'))).toBeUndefined();
  });

  describe('a held denosumab injection of a running course (l. 78-79 "Der må max gå 7 måneder")', () => {
    const ca = calcium(2.05, '2026-11-20');

    it('names the last injection and the 7-month limit: last 2026-05-20 → by 2026-12-20, labs only', () => {
      const last = medication('denosumab', '2026-05-20', { status: 'completed' });
      const rec = judge({ labs: { calcium: [ca] }, medications: [last] }, draft('denosumab'));
      expect(rec?.heldInjection).toEqual({ lastInjection: '2026-05-20', latestInTime: '2026-12-20', overdue: false });
      expect(rec?.findings).toContainEqual({ kind: 'due-date', what: 'denosumab-injection', date: '2026-12-20' });
      expect(rec?.evidence).toContain(last.ref);
      expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'vitamin-d'] }]);
    });

    it('past the 7 months (last 2026-04-25 → limit 2026-11-25, today 2026-11-26): overdue, endocrinology referral beside the tests', () => {
      const rec = judge({ labs: { calcium: [ca] }, medications: [medication('denosumab', '2026-04-25', { status: 'completed' })] }, draft('denosumab'));
      expect(rec?.heldInjection).toMatchObject({ latestInTime: '2026-11-25', overdue: true });
      expect(rec?.suggestions).toEqual([{ kind: 'labs', labs: ['calcium', 'vitamin-d'] }, { kind: 'referral', to: 'endocrinology' }]);
      // On the limit day itself the injection is still in time.
      expect(judge({ labs: { calcium: [ca] }, medications: [medication('denosumab', '2026-04-26', { status: 'completed' })] }, draft('denosumab'))?.heldInjection?.overdue).toBe(false);
    });

    it('a denosumab start (no injection before) and other antiresorptives have no held injection', () => {
      expect(judge({ labs: { calcium: [ca] } }, draft('denosumab'))?.heldInjection).toBeUndefined();
      expect(judge({ labs: { calcium: [ca] }, medications: [medication('denosumab', '2026-05-20', { status: 'completed' })] }, draft('zoledronic-acid'))?.heldInjection).toBeUndefined();
    });
  });
});
