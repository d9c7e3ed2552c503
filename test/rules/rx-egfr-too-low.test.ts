import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxEgfrTooLow } from '../../src/rules/prescribing/rx-egfr-too-low.js';
import { course, ctxOf, draft, egfr, patient, TODAY, type FactsInput } from '../helpers/facts.js';

const judge = (input: FactsInput, d: DraftOrder) => rxEgfrTooLow(ctxOf(patient({ age: 70, ...input, drafts: [d] })), d);

describe('rx-egfr-too-low (card l. 41 "Tjek, at eGFR > 35 ml/min", l. 229-230 referral before eGFR < 35)', () => {
  it('a low eGFR older than its 90 days still bars the draft, and a new eGFR is asked for beside the referral (README "a fresh one is also asked for")', () => {
    const d = draft('alendronate');
    const old = judge({ labs: { egfr: [egfr(30, '2023-06-01')] } }, d);
    expect(old).toMatchObject({ indicator: 'critical', notCurrent: true, selectionBehavior: 'any' });
    expect(old?.suggestions).toEqual([
      { kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: d.ref },
      { kind: 'lab', lab: 'egfr' },
    ]);
    // 90 days before TODAY (2026-11-26) is current: no new one asked.
    const current = judge({ labs: { egfr: [egfr(30, '2026-08-28')] } }, d);
    expect(current).not.toHaveProperty('notCurrent');
    expect(current?.suggestions).toHaveLength(1);
    expect(judge({ labs: { egfr: [egfr(30, '2026-08-27')] } }, d)).toMatchObject({ notCurrent: true });
  });

  it('stops alendronate at eGFR exactly 35 (the card asks for > 35): critical, the referral replaces the draft', () => {
    const d = draft('alendronate');
    const e = egfr(35, '2026-10-01');
    const rec = judge({ labs: { egfr: [e] } }, d);
    expect(rec).toMatchObject({ topic: 'rx-egfr-too-low', indicator: 'critical', reasons: ['egfr-low'], draft: d.ref });
    expect(rec?.evidence).toEqual([d.ref, e.ref]);
    expect(rec?.findings).toContainEqual({ kind: 'draft', drug: 'alendronate', ref: d.ref });
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: d.ref }]);
  });

  it('stops alendronate and zoledronic acid only at a reported bound that establishes ≤ 35: "<36", "≤35", "<15" — not "<60", ">30" or "≥35", which cannot tell (terminology.md l. 1063)', () => {
    for (const drug of ['alendronate', 'zoledronic-acid'] as const) {
      for (const [value, comparator] of [[36, '<'], [35, '<='], [15, '<']] as const) {
        expect(judge({ labs: { egfr: [egfr(value, '2026-10-01', { comparator })] } }, draft(drug)), `${comparator}${value}`).toMatchObject({ indicator: 'critical', reasons: ['egfr-low'] });
      }
      for (const [value, comparator] of [[60, '<'], [37, '<'], [36, '<='], [30, '>'], [35, '>='], [35, '>']] as const) {
        expect(judge({ labs: { egfr: [egfr(value, '2026-10-01', { comparator })] } }, draft(drug)), `${comparator}${value}`).toBeUndefined();
      }
    }
  });

  it('a newer "<60" neither stops the order nor clears an older eGFR of 30: the 30 stops it (the latest value that can tell)', () => {
    const old = egfr(30, '2026-06-01');
    const rec = judge({ labs: { egfr: [egfr(60, '2026-11-01', { comparator: '<' }), old] } }, draft('alendronate'));
    expect(rec).toMatchObject({ indicator: 'critical', reasons: ['egfr-low'] });
    expect(rec?.evidence).toContain(old.ref);
    expect(judge({ labs: { egfr: [egfr(60, '2026-11-01', { comparator: '<' }), egfr(70, '2026-06-01')] } }, draft('alendronate'))).toBeUndefined();
  });

  it('lets alendronate pass at eGFR 35.1', () => {
    expect(judge({ labs: { egfr: [egfr(35.1, '2026-10-01')] } }, draft('alendronate'))).toBeUndefined();
  });

  it('is critical for zoledronic acid too', () => {
    expect(judge({ labs: { egfr: [egfr(30, '2026-10-01')] } }, draft('zoledronic-acid'))?.indicator).toBe('critical');
  });

  it('warns (no replacement) when denosumab is started at eGFR 30', () => {
    const d = draft('denosumab');
    const rec = judge({ labs: { egfr: [egfr(30, '2026-10-01')] } }, d);
    expect(rec).toMatchObject({ indicator: 'warning', reasons: ['egfr-low'], denosumabStart: true });
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
  });

  it('says nothing about the next 6-monthly injection of a running denosumab course', () => {
    // Last injection 2026-05-26: the course is active (until 12 months after the last injection).
    const running = course('denosumab', '2024-05-26', { lastDose: '2026-05-26' });
    expect(judge({ courses: [running], labs: { egfr: [egfr(30, '2026-10-01')] } }, draft('denosumab'))).toBeUndefined();
  });

  it('uses the latest eGFR whatever its age [choice]: a low value from 2024 with nothing newer still stops the order', () => {
    expect(judge({ labs: { egfr: [egfr(33, '2024-03-01')] } }, draft('alendronate'))?.indicator).toBe('critical');
  });

  it('uses the latest value: eGFR 60 after an older 30 passes; a reported ">90" never fails', () => {
    expect(judge({ labs: { egfr: [egfr(30, '2026-01-01'), egfr(60, '2026-10-01')] } }, draft('alendronate'))).toBeUndefined();
    expect(judge({ labs: { egfr: [egfr(90, '2026-10-01', { comparator: '>' })] } }, draft('alendronate'))).toBeUndefined();
  });

  it('ignores drafts that are not antiresorptives, unrecognised drafts and patients without eGFR', () => {
    const low = { labs: { egfr: [egfr(20, '2026-10-01')] } };
    expect(judge(low, draft('colecalciferol'))).toBeUndefined();
    expect(judge(low, draft('teriparatide'))).toBeUndefined();
    expect(judge(low, { ref: 'MedicationRequest/unknown', selected: true, start: TODAY })).toBeUndefined();
    expect(judge({}, draft('alendronate'))).toBeUndefined();
  });

  it('a barred zoledronic acid that was to follow denosumab (l. 79-82 "max 7 måneder … SKAL anden behandling igangsættes") names the last injection and the limit', () => {
    const d = draft('zoledronic-acid');
    const dmab = course('denosumab', '2022-01-01', { status: 'stopped', lastDose: '2026-06-01' });
    const rec = judge({ labs: { egfr: [egfr(30, '2026-11-01')] }, courses: [dmab] }, d);
    expect(rec).toMatchObject({ indicator: 'critical', afterDenosumab: { lastInjection: '2026-06-01', latestInTime: '2027-01-01', overdue: false } });
    expect(rec?.evidence).toEqual(expect.arrayContaining([...dmab.refs]));
    const late = judge({ labs: { egfr: [egfr(30, '2026-11-01')] }, courses: [course('denosumab', '2022-01-01', { status: 'stopped', lastDose: '2026-04-25' })] }, d);
    expect(late?.afterDenosumab).toMatchObject({ latestInTime: '2026-11-25', overdue: true });
    expect(judge({ labs: { egfr: [egfr(30, '2026-11-01')] } }, d)).not.toHaveProperty('afterDenosumab');
  });

  it('not when another antiresorptive already follows the denosumab (alendronate since 2026-07-01)', () => {
    const courses = [course('denosumab', '2022-01-01', { status: 'ended', lastDose: '2026-01-01', supersededOn: '2026-07-01', supersededBy: 'alendronate' }), course('alendronate', '2026-07-01')];
    expect(judge({ labs: { egfr: [egfr(30, '2026-11-01')] }, courses }, draft('alendronate'))).not.toHaveProperty('afterDenosumab');
  });

  it('not beside denosumab running on schedule (last injection 2026-10-05, under 5 months): a duplicate, not a follow-on; from 5 months it is', () => {
    const running = (lastDose: string) => [course('denosumab', '2022-01-01', { lastDose })];
    expect(judge({ labs: { egfr: [egfr(30, '2026-11-01')] }, courses: running('2026-10-05') }, draft('alendronate'))).not.toHaveProperty('afterDenosumab');
    expect(judge({ labs: { egfr: [egfr(30, '2026-11-01')] }, courses: running('2026-06-26') }, draft('alendronate'))).toHaveProperty('afterDenosumab');
  });
});
