import { describe, expect, it } from 'vitest';
import type { DraftOrder } from '../../src/facts/types.js';
import { rxDuplicateAntiresorptive } from '../../src/rules/prescribing/rx-duplicate-antiresorptive.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards } from '../../src/cards/render.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { calcium, condition, course, ctxOf, draft, egfr, intolerance, medication, p1np, patient, type FactsInput } from '../helpers/facts.js';
import { draft as draftOf, factsOf, medicationStatement } from '../helpers/facts-builders.js';

const judge = (input: FactsInput, d: DraftOrder, others: readonly DraftOrder[] = []) =>
  rxDuplicateAntiresorptive(ctxOf(patient({ age: 70, ...input, drafts: [d, ...others] })), d);

const denosumabLast = (lastDose: string, status: 'active' | 'stopped' = 'active') => course('denosumab', '2023-01-01', { lastDose, status });

describe('rx-duplicate-antiresorptive (one antiresorptive at a time; card l. 81-82 follow-on after denosumab)', () => {
  it('warns about alendronate while denosumab is active with the last injection 4 months ago, and offers to remove the draft', () => {
    const d = draft('alendronate');
    const dmab = denosumabLast('2026-07-26');
    const rec = judge({ courses: [dmab] }, d);
    expect(rec).toMatchObject({ topic: 'rx-duplicate-antiresorptive', indicator: 'warning', reasons: ['duplicate'], afterDenosumab: true });
    expect(rec?.evidence).toEqual([d.ref, ...dmab.refs]);
    expect(rec?.suggestions).toEqual([{ kind: 'remove-draft', draft: d.ref }]);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'last-dose', drugClass: 'denosumab', date: '2026-07-26' }));
  });

  it('with denosumab in use and the latest eGFR ≤ 35 marks egfrLow (keep denosumab; no zoledronic acid follow-on) and shows the eGFR', () => {
    const dmab = denosumabLast('2026-09-01');
    for (const drug of ['alendronate', 'zoledronic-acid'] as const) {
      const d = draft(drug);
      const low = egfr(35, '2026-11-20');
      const rec = judge({ courses: [dmab], labs: { egfr: [low] } }, d);
      expect(rec).toMatchObject({ afterDenosumab: true, egfrLow: true });
      expect(rec?.evidence).toContain(low.ref);
      expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 'lab', lab: 'egfr', value: 35 }));
      expect(judge({ courses: [dmab], labs: { egfr: [egfr(35.5, '2026-11-20')] } }, d)).not.toHaveProperty('egfrLow');
    }
    // Not after denosumab (alendronate in use, denosumab drafted): nothing to keep.
    expect(judge({ courses: [course('alendronate', '2024-01-01')], labs: { egfr: [egfr(30, '2026-11-20')] } }, draft('denosumab'))).not.toHaveProperty('egfrLow');
  });

  it('takes a bisphosphonate as the follow-on once the last denosumab injection was exactly 5 months ago (2026-06-26 + 5 months = 2026-11-26)', () => {
    expect(judge({ courses: [denosumabLast('2026-06-26')] }, draft('alendronate'))).toBeUndefined();
    expect(judge({ courses: [denosumabLast('2026-06-26')] }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('still calls it a duplicate at 5 months − 1 day (last injection 2026-06-27: 5 months fall on 2026-11-27)', () => {
    expect(judge({ courses: [denosumabLast('2026-06-27')] }, draft('alendronate'))?.reasons).toEqual(['duplicate']);
  });

  it('a follow-on written ahead counts from the day it plans: last injection 2026-07-26, alendronate planned for 2027-01-26 is the follow-on; planned for 2026-12-01 it is not', () => {
    expect(judge({ courses: [denosumabLast('2026-07-26')] }, draft('alendronate', { start: '2027-01-26' }))).toBeUndefined();
    expect(judge({ courses: [denosumabLast('2026-07-26')] }, draft('alendronate', { start: '2026-12-25' }))?.reasons).toEqual(['duplicate']);
    expect(judge({ courses: [denosumabLast('2026-07-26')] }, draft('alendronate', { start: '2026-12-26' }))).toBeUndefined();
    // Planned past the 7 months (2027-02-26): judged on today, 4 months after the injection — still a duplicate, never silent.
    expect(judge({ courses: [denosumabLast('2026-07-26')] }, draft('alendronate', { start: '2027-02-27' }))?.reasons).toEqual(['duplicate']);
    expect(judge({ courses: [denosumabLast('2026-07-26')] }, draft('alendronate', { start: '2027-02-26' }))).toBeUndefined();
  });

  it('never counts a stopped denosumab course (the follow-on the card demands)', () => {
    expect(judge({ courses: [denosumabLast('2026-10-01', 'stopped')] }, draft('zoledronic-acid'))).toBeUndefined();
  });

  it('warns about denosumab while alendronate is active, and about another oral bisphosphonate', () => {
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('denosumab'))?.afterDenosumab).toBe(false);
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('risedronate'))?.reasons).toEqual(['duplicate']);
  });

  it('the parenteral switch patient-view advises (non-adherence to alendronate) is said as a switch, with no one click removing the draft', () => {
    const oral = course('alendronate', '2024-01-01');
    const advised = judge({ courses: [oral], conditions: [condition('non-adherence')] }, draft('denosumab'));
    expect(advised).toMatchObject({ reasons: ['duplicate'], indicator: 'warning', switchAdvised: true });
    expect(advised).not.toHaveProperty('suggestions');
    // Without a reason to switch it stays a duplicate to remove.
    expect(judge({ courses: [oral] }, draft('denosumab'))?.suggestions).toEqual([expect.objectContaining({ kind: 'remove-draft' })]);
    // Not beside a bar on the drug itself: eGFR ≤ 35, a low calcium, an intolerance to the drafted drug.
    const reasonToSwitch = { courses: [oral], conditions: [condition('non-adherence')] };
    expect(judge({ ...reasonToSwitch, labs: { egfr: [egfr(30, '2026-11-01')] } }, draft('zoledronic-acid'))).not.toHaveProperty('switchAdvised');
    expect(judge({ ...reasonToSwitch, labs: { calcium: [calcium(2.0, '2026-11-01')] } }, draft('denosumab'))).not.toHaveProperty('switchAdvised');
    expect(judge({ ...reasonToSwitch, intolerances: [intolerance('zoledronic-acid')] }, draft('zoledronic-acid'))).not.toHaveProperty('switchAdvised');
  });

  it('the denosumab btm-response-inadequate offers (P1NP fell 30 % or less on alendronate) is said as a switch too; not at eGFR ≤ 35, where that card refers instead', () => {
    const oral = course('alendronate', '2026-03-02');
    const markers = [p1np(100, '2026-02-20'), p1np(80, '2026-06-10')];
    const advised = judge({ courses: [oral], labs: { boneMarkers: markers } }, draft('denosumab'));
    expect(advised).toMatchObject({ switchAdvised: true });
    expect(advised).not.toHaveProperty('suggestions');
    expect(judge({ courses: [oral], labs: { boneMarkers: markers, egfr: [egfr(30, '2026-11-01')] } }, draft('denosumab'))).not.toHaveProperty('switchAdvised');
    expect(judge({ courses: [oral], labs: { boneMarkers: [p1np(100, '2026-02-20'), p1np(60, '2026-06-10')] } }, draft('denosumab'))).not.toHaveProperty('switchAdvised');
  });

  it('the advised switch drafted beside the failing tablet\'s renewal stays, whichever the basket lists first: the renewal is the one to remove', () => {
    const oral = course('alendronate', '2026-03-02');
    const markers = [p1np(100, '2026-02-20'), p1np(80, '2026-06-10')];
    const aln = draft('alendronate');
    const dmab = draft('denosumab');
    for (const drafts of [[aln, dmab], [dmab, aln]]) {
      const ctx = ctxOf(patient({ sex: 'female', age: 70, courses: [oral], labs: { boneMarkers: markers }, drafts }));
      const onSwitch = rxDuplicateAntiresorptive(ctx, dmab);
      expect(onSwitch).toMatchObject({ switchAdvised: true });
      expect(onSwitch).not.toHaveProperty('suggestions');
      expect(rxDuplicateAntiresorptive(ctx, aln)?.suggestions).toEqual([{ kind: 'remove-draft', draft: aln.ref }]);
    }
  });

  it('does not call a renewal of the same drug a duplicate (tablet or effervescent alendronate; the next denosumab injection)', () => {
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('alendronate'))).toBeUndefined();
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('alendronate', { identity: { effervescent: true } }))).toBeUndefined();
    expect(judge({ courses: [denosumabLast('2026-05-26')] }, draft('denosumab'))).toBeUndefined();
  });

  it('judges the drug an oral course is on now: back to alendronate from the risedronate that replaced it is a duplicate', () => {
    const aln = medication('alendronate', '2023-01-01', { status: 'completed', end: '2025-06-01' });
    const ris = medication('risedronate', '2025-06-02');
    const oral = { ...course('alendronate', '2023-01-01'), drugs: ['alendronate', 'risedronate'] as const, refs: [aln.ref, ris.ref] };
    expect(judge({ courses: [oral], medications: [ris, aln] }, draft('alendronate'))?.reasons).toEqual(['duplicate']);
    expect(judge({ courses: [oral], medications: [ris, aln] }, draft('risedronate'))).toBeUndefined();
  });

  it('finds a second antiresorptive of another drug in the same basket, selected or not', () => {
    const other = draft('denosumab', { selected: false });
    const rec = judge({}, draft('alendronate'), [other]);
    expect(rec?.evidence).toContain(other.ref);
    expect(rec?.findings).toContainEqual({ kind: 'draft', drug: 'denosumab', ref: other.ref });
  });

  it('the same drug drafted twice (Prolia and Obodence: 120 mg denosumab on one day): the second draft is the duplicate, the first is not', () => {
    const first = draft('denosumab');
    const second = draft('denosumab', { identity: { brandProlia: true } });
    const ctx = ctxOf(patient({ age: 70, drafts: [first, second] }));
    expect(rxDuplicateAntiresorptive(ctx, first)).toBeUndefined();
    const rec = rxDuplicateAntiresorptive(ctx, second);
    expect(rec).toMatchObject({ reasons: ['duplicate'], suggestions: [{ kind: 'remove-draft', draft: second.ref }] });
    expect(rec?.evidence).toContain(first.ref);
  });

  it('order-select: the selected draft beside an unselected draft of the same drug is the duplicate, wherever the EHR lists it', () => {
    const selected = draft('alendronate');
    const inBasket = draft('alendronate', { selected: false });
    // Listed first and selected: still the duplicate of the order already in the basket.
    const rec = rxDuplicateAntiresorptive(ctxOf(patient({ age: 70, drafts: [selected, inBasket] })), selected);
    expect(rec).toMatchObject({ reasons: ['duplicate'], suggestions: [{ kind: 'remove-draft', draft: selected.ref }] });
    expect(rec?.evidence).toContain(inBasket.ref);
  });

  it('ignores ended courses and non-antiresorptive drafts', () => {
    expect(judge({ courses: [course('alendronate', '2015-01-01', { status: 'ended', end: '2020-01-01' })] }, draft('denosumab'))).toBeUndefined();
    expect(judge({ courses: [course('alendronate', '2024-01-01')] }, draft('teriparatide'))).toBeUndefined();
  });
});

describe('rx-duplicate-antiresorptive names the drug in use, not every drug the course held', () => {
  it('alendronate ended, then risedronate: with zoledronic acid drafted the card names risedronate only', () => {
    const zol = { resourceType: 'MedicationRequest', id: 'zol', status: 'draft', intent: 'order', authoredOn: '2026-06-15', medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA08' }], text: 'Aclasta 5 mg' } };
    const facts = factsOf(
      [
        medicationStatement({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', status: 'completed', start: '2022-01-01', end: '2024-01-01' }),
        medicationStatement({ id: 'ris', atc: 'M05BA07', text: 'Risedronat 35 mg', status: 'active', start: '2024-01-02' }),
      ],
      { drafts: [draftOf(zol)] },
    );
    const d = facts.drafts[0]!;
    const rec = rxDuplicateAntiresorptive(ctxOf(facts), d);
    expect(rec).toMatchObject({ inUse: ['risedronate'] });
    const [card] = renderCards([rec!], { lang: 'en', patientRef: facts.patientRef, today: facts.today, female: true, drafts: new Map([[d.ref, zol]]), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(card?.summary).toContain('risedronate already in use');
    expect(card?.summary).not.toContain('alendronate');
  });
});
