/**
 * Composition (rules.md section 6) on rendered cards: the default folds, the "before start" card
 * under a treatment card with alternatives, critical cards apart, the most severe indicator, the
 * budget fold, prescribing folds per draft — and each "never together" pair of section 6.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Card, Suggestion } from '../../src/cds-hooks/response.js';
import { composeCards, type RenderedCard } from '../../src/cards/compose/fold.js';
import { topicsOf } from '../../src/cards/compose/merge.js';
import type { Topic } from '../../src/contract/topics.js';
import { expectValidResponse } from '../helpers/response.js';

function suggestion(label: string, recommended = false): Suggestion {
  return { label, uuid: randomUUID(), ...(recommended ? { isRecommended: true } : {}), actions: [{ type: 'create', description: label, resource: { resourceType: 'ServiceRequest', status: 'draft', code: { text: label } } }] };
}

function rendered(topic: Topic, indicator: Card['indicator'], opts: { suggestions?: Suggestion[]; alternatives?: boolean; draft?: string } = {}): RenderedCard {
  const card: Card = {
    uuid: randomUUID(),
    summary: `${topic} summary`,
    detail: `${topic} advice`,
    indicator,
    source: { label: 'test', topic: { system: 'urn:osteo-cds:card-topic', code: topic, display: `${topic} title` } },
    ...(opts.suggestions === undefined ? {} : { suggestions: opts.suggestions, selectionBehavior: opts.alternatives === true ? 'at-most-one' : 'any' }),
    ...(indicator === 'info' ? {} : { overrideReasons: [{ system: 'urn:osteo-cds:override-reason', code: 'clinical-judgement', display: 'Clinical judgement' }] }),
    extension: { 'osteo-cds.reasons': [`${topic}-reason`], 'osteo-cds.evidence': [`Observation/${topic}`], 'osteo-cds.rules-version': '2.0.0' },
  };
  return { topic, ...(opts.draft === undefined ? {} : { draft: opts.draft }), card };
}

const patientView = (cards: RenderedCard[]): Card[] => composeCards(cards, { grouping: 'folded', hook: 'patient-view' });
const owners = (cards: Card[]): (string | undefined)[] => cards.map((c) => c.source.topic?.code);

describe('card composition', () => {
  it('folds the treatment card’s companions onto it: topics own first, reasons, evidence and suggestions kept, a section each', () => {
    const lab = suggestion('Order eGFR');
    const cards = patientView([
      rendered('treatment-indicated', 'warning', { suggestions: [suggestion('Alendronate', true)], alternatives: true }),
      rendered('pretreatment-checks', 'info', { suggestions: [lab] }),
      rendered('vitamin-d-calcium', 'info', { suggestions: [suggestion('Vitamin D3')] }),
      rendered('bone-healthy-lifestyle', 'info'),
      rendered('diagnosis-criteria-met', 'info', { suggestions: [suggestion('Record the diagnosis')] }),
    ]);
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect(card?.extension['osteo-cds.topics']).toEqual(['treatment-indicated', 'pretreatment-checks', 'vitamin-d-calcium', 'bone-healthy-lifestyle', 'diagnosis-criteria-met']);
    expect(card?.extension['osteo-cds.reasons']).toHaveLength(5);
    expect(card?.extension['osteo-cds.evidence']).toHaveLength(5);
    expect(card?.suggestions?.map((s) => s.label)).toEqual(['Alendronate', 'Order eGFR', 'Vitamin D3', 'Record the diagnosis']);
    expect(card?.selectionBehavior).toBe('any'); // one drug: no alternatives to keep apart
    expect(card?.detail).toContain('**pretreatment-checks title:** pretreatment-checks summary');
    expect(card?.indicator).toBe('warning');
    expectValidResponse({ cards });
  });

  it("gives a companion's title once when its summary already opens with it", () => {
    const companion = rendered('vitamin-d-calcium', 'info');
    const opensWithTitle = { ...companion, card: { ...companion.card, summary: 'vitamin-d-calcium title: give vitamin D' } };
    const [card] = patientView([rendered('treatment-indicated', 'warning'), opensWithTitle]);
    expect(card?.detail).toContain('**vitamin-d-calcium title:** give vitamin D');
    expect(card?.detail).not.toContain('title: vitamin-d-calcium title');
  });

  it("gives a companion's title once when its summary's lead ends in the title's words (\"Overvej henvisning til anabol behandling: …\")", () => {
    const companion = rendered('anabolic-treatment-consideration', 'info');
    const titled = { ...companion, card: { ...companion.card, summary: 'Overvej henvisning til anabol behandling: ≥ 2 lavenergibrud i ryg', source: { ...companion.card.source, topic: { system: 'urn:osteo-cds:card-topic', code: 'anabolic-treatment-consideration', display: 'Overvej anabol behandling' } } } };
    const [card] = patientView([rendered('treatment-indicated', 'warning'), titled]);
    expect(card?.detail).toContain('**Overvej anabol behandling:** ≥ 2 lavenergibrud i ryg');
    // A lead that does not end in the title's words stays.
    const other = { ...companion, card: { ...companion.card, summary: 'Husk dette: noget andet' } };
    expect(patientView([rendered('treatment-indicated', 'warning'), other])[0]?.detail).toContain('**anabolic-treatment-consideration title:** Husk dette: noget andet');
  });

  it("keeps a folded companion's notes (a value it could not use) under its section", () => {
    const checks = { ...rendered('pretreatment-checks', 'info'), notes: ['Value not used – unknown unit ("mL/s"): eGFR (1 Nov 2026)'] };
    const [card] = patientView([rendered('treatment-indicated', 'warning'), checks]);
    expect(card?.detail).toContain('**pretreatment-checks title:** pretreatment-checks summary\n- Value not used – unknown unit ("mL/s"): eGFR (1 Nov 2026)');
  });

  it('keeps suggestions once when two folded cards propose the same order', () => {
    const one = suggestion('Order P1NP');
    const same = { ...one, uuid: randomUUID() };
    const [card] = patientView([rendered('btm-follow-up-due', 'info', { suggestions: [one] }), rendered('vitamin-d-calcium', 'info', { suggestions: [same] })]);
    expect(card?.suggestions).toHaveLength(1);
  });

  it('a card whose suggestions are alternatives takes no companion with suggestions: those gather on one "before start" card', () => {
    const cards = patientView([
      rendered('treatment-indicated', 'warning', { suggestions: [suggestion('Denosumab', true), suggestion('Zoledronic acid')], alternatives: true }),
      rendered('pretreatment-checks', 'warning'),
      rendered('vitamin-d-calcium', 'info', { suggestions: [suggestion('Vitamin D3')] }),
      rendered('diagnosis-criteria-met', 'info', { suggestions: [suggestion('Record the diagnosis')] }),
      rendered('bone-healthy-lifestyle', 'info'),
    ]);
    expect(owners(cards)).toEqual(['treatment-indicated', 'vitamin-d-calcium']);
    expect(cards[0]?.selectionBehavior).toBe('at-most-one');
    expect(cards[0]?.suggestions?.map((s) => s.label)).toEqual(['Denosumab', 'Zoledronic acid']);
    expect(topicsOf(cards[0] as Card)).toEqual(['treatment-indicated', 'pretreatment-checks', 'bone-healthy-lifestyle']);
    expect(topicsOf(cards[1] as Card)).toEqual(['vitamin-d-calcium', 'diagnosis-criteria-met']);
    expectValidResponse({ cards });
  });

  it('the anabolic referral joins the alternatives (rules.md §6 "never two cards that both propose the first treatment decision"); the host\'s recommendation stays the one', () => {
    const cards = patientView([
      rendered('treatment-indicated', 'warning', { suggestions: [suggestion('Denosumab', true), suggestion('Zoledronic acid')], alternatives: true }),
      rendered('vitamin-d-calcium', 'info', { suggestions: [suggestion('Vitamin D3')] }),
      rendered('diagnosis-criteria-met', 'info', { suggestions: [suggestion('Record the diagnosis')] }),
      rendered('anabolic-treatment-consideration', 'warning', { suggestions: [suggestion('Refer for anabolic treatment', true)] }),
    ]);
    expect(owners(cards)).toEqual(['treatment-indicated', 'vitamin-d-calcium']);
    expect(topicsOf(cards[0] as Card)).toEqual(['treatment-indicated', 'anabolic-treatment-consideration']);
    expect(cards[0]?.selectionBehavior).toBe('at-most-one');
    expect(cards[0]?.suggestions?.map((s) => [s.label, s.isRecommended === true])).toEqual([
      ['Denosumab', true],
      ['Zoledronic acid', false],
      ['Refer for anabolic treatment', false],
    ]);
    expect(topicsOf(cards[1] as Card)).toEqual(['vitamin-d-calcium', 'diagnosis-criteria-met']);
    expect(cards.filter((c) => c.indicator === 'warning')).toHaveLength(1);
    expectValidResponse({ cards });
  });

  it('the endocrinology referral rides on a treatment card that already offers it (suspected secondary osteoporosis), not beside a start', () => {
    const referral = () => suggestion('Refer to endocrinology', true);
    const instead = patientView([rendered('treatment-indicated', 'warning', { suggestions: [referral()] }), rendered('endocrinology-referral', 'warning', { suggestions: [referral()] })]);
    expect(owners(instead)).toEqual(['treatment-indicated']);
    expect(topicsOf(instead[0] as Card)).toEqual(['treatment-indicated', 'endocrinology-referral']);
    expect(instead[0]?.suggestions?.map((s) => s.label)).toEqual(['Refer to endocrinology']);
    // Beside a start (a falling eGFR, two drugs not tolerated) the referral is a decision of its own.
    const beside = patientView([
      rendered('treatment-indicated', 'warning', { suggestions: [suggestion('Alendronate', true)] }),
      rendered('endocrinology-referral', 'warning', { suggestions: [referral()] }),
    ]);
    expect(owners(beside)).toEqual(['treatment-indicated', 'endocrinology-referral']);
    expectValidResponse({ cards: instead });
  });

  it('takes the most severe indicator of its topics: a warning is never hidden in an info card', () => {
    const [card] = patientView([rendered('risk-factor-review', 'info'), rendered('vitamin-d-calcium', 'info'), rendered('bone-healthy-lifestyle', 'info')]);
    expect(card?.indicator).toBe('info');
    const cards = patientView([rendered('btm-follow-up-due', 'info'), rendered('btm-interfering-medication', 'info'), rendered('vitamin-d-calcium', 'info')]);
    expect(cards).toHaveLength(1);
    const warned = patientView([rendered('treatment-indicated', 'warning'), rendered('pretreatment-checks', 'warning')]);
    expect(warned[0]?.indicator).toBe('warning');
    expect(warned[0]?.overrideReasons?.length).toBeGreaterThan(0);
  });

  it('never folds a critical card, either way', () => {
    const cards = patientView([rendered('denosumab-overdue', 'critical'), rendered('vitamin-d-calcium', 'info'), rendered('bone-healthy-lifestyle', 'info')]);
    expect(cards[0]?.extension).not.toHaveProperty('osteo-cds.topics');
    expect(owners(cards)[0]).toBe('denosumab-overdue');
  });

  it('folds the remaining info cards into the highest-ranked non-critical card past 3 cards', () => {
    const cards = patientView([
      rendered('anabolic-treatment-consideration', 'warning'),
      rendered('dxa-follow-up-due', 'info'),
      rendered('endocrinology-referral', 'warning'),
      rendered('bisphosphonate-continue', 'info'),
      rendered('btm-response-adequate', 'info'),
    ]);
    expect(cards.length).toBeLessThanOrEqual(3);
    expect(cards.flatMap(topicsOf).sort()).toEqual(['anabolic-treatment-consideration', 'bisphosphonate-continue', 'btm-response-adequate', 'dxa-follow-up-due', 'endocrinology-referral']);
  });

  it('keeps more than 3 cards when more than 3 are warning or critical, and still folds the info cards into them', () => {
    const cards = patientView([
      rendered('denosumab-overdue', 'critical'),
      rendered('anabolic-treatment-consideration', 'warning'),
      rendered('endocrinology-referral', 'warning'),
      rendered('btm-response-inadequate', 'warning'),
      rendered('dxa-follow-up-due', 'info'),
      rendered('vitamin-d-calcium', 'info'),
    ]);
    expect(owners(cards)).toEqual(['denosumab-overdue', 'anabolic-treatment-consideration', 'endocrinology-referral', 'btm-response-inadequate']);
    expect(cards.map((c) => c.indicator)).toEqual(['critical', 'warning', 'warning', 'warning']);
    // Shown, on the highest-ranked non-critical card that takes them.
    expect(cards.flatMap(topicsOf).sort()).toEqual(['anabolic-treatment-consideration', 'btm-response-inadequate', 'denosumab-overdue', 'dxa-follow-up-due', 'endocrinology-referral', 'vitamin-d-calcium']);
    expect(topicsOf(cards[0] as Card)).toEqual(['denosumab-overdue']);
  });

  it('prescribing: the start checklist carries the warnings about the same draft, not another draft’s', () => {
    const cards = composeCards(
      [
        rendered('rx-start-checklist', 'info', { draft: 'MedicationRequest/a' }),
        rendered('rx-lab-missing', 'warning', { draft: 'MedicationRequest/a', suggestions: [suggestion('Order eGFR')] }),
        rendered('rx-vitamin-d-low', 'warning', { draft: 'MedicationRequest/b' }),
        rendered('rx-start-checklist', 'info', { draft: 'MedicationRequest/c' }),
        rendered('rx-vitamin-d-low', 'info', { draft: 'MedicationRequest/c' }),
      ],
      { grouping: 'folded', hook: 'prescribing' },
    );
    expect(cards.map((c) => topicsOf(c).join('+')).sort()).toEqual(['rx-start-checklist', 'rx-start-checklist+rx-lab-missing', 'rx-vitamin-d-low', 'rx-vitamin-d-low']);
    const folded = cards.find((c) => topicsOf(c).length === 2);
    expect(folded?.indicator).toBe('warning');
    // Raised to a warning by the missing labs, the card leads with them, not with the info checklist.
    expect(folded?.summary).toBe('rx-lab-missing summary');
    expect(cards.find((c) => topicsOf(c).join() === 'rx-start-checklist')?.summary).toBe('rx-start-checklist summary');
    expect(cards.map((c) => c.indicator)).toEqual(['warning', 'warning', 'info', 'info']);
  });

  it('prescribing: a restart has no checklist card, and its start checks of one draft still make one card (section 6)', () => {
    const cards = composeCards(
      [
        rendered('rx-vitamin-d-low', 'warning', { draft: 'MedicationRequest/a', suggestions: [suggestion('Vitamin D')] }),
        rendered('rx-lab-missing', 'warning', { draft: 'MedicationRequest/a', suggestions: [suggestion('Order eGFR')] }),
        rendered('rx-lab-missing', 'warning', { draft: 'MedicationRequest/b' }),
        rendered('rx-bisphosphonate-duration', 'info', { draft: 'MedicationRequest/a' }),
      ],
      { grouping: 'folded', hook: 'prescribing' },
    );
    expect(cards.map((c) => topicsOf(c).join('+'))).toEqual(['rx-vitamin-d-low+rx-lab-missing', 'rx-lab-missing', 'rx-bisphosphonate-duration']);
    expect(cards[0]?.suggestions?.map((s) => s.label)).toEqual(['Vitamin D', 'Order eGFR']);
  });

  it('gives one card per topic with cardGrouping "separate"', () => {
    const cards = composeCards([rendered('treatment-indicated', 'warning'), rendered('pretreatment-checks', 'info')], { grouping: 'separate', hook: 'patient-view' });
    expect(owners(cards)).toEqual(['treatment-indicated', 'pretreatment-checks']);
  });

  it('with cardGrouping "separate" an order is offered once, on the first card that has it (no second referral to the same clinic)', () => {
    const referral = suggestion('Refer to endocrinology', true);
    const cards = composeCards(
      [
        rendered('treatment-indicated', 'warning', { suggestions: [referral] }),
        rendered('endocrinology-referral', 'warning', { suggestions: [{ ...referral, uuid: randomUUID() }] }),
        rendered('pretreatment-checks', 'info', { suggestions: [{ ...referral, uuid: randomUUID() }, suggestion('Order eGFR')] }),
      ],
      { grouping: 'separate', hook: 'patient-view' },
    );
    expect(owners(cards)).toEqual(['treatment-indicated', 'endocrinology-referral', 'pretreatment-checks']);
    expect(cards.map((c) => (c.suggestions ?? []).map((s) => s.label))).toEqual([['Refer to endocrinology'], [], ['Order eGFR']]);
    expect(cards[1]).not.toHaveProperty('selectionBehavior');
    expectValidResponse({ cards });
  });

  it('with cardGrouping "separate" an order sent with another in one click (a start with the anabolic referral) is not offered again alone', () => {
    const referral = suggestion('Refer for anabolic treatment', true);
    const start = suggestion('Denosumab', true);
    const both: Suggestion = { label: 'Denosumab + referral', uuid: randomUUID(), isRecommended: true, actions: [...(start.actions ?? []), ...(referral.actions ?? [])] };
    const cards = composeCards(
      [
        rendered('treatment-indicated', 'warning', { suggestions: [both, suggestion('Zoledronic acid'), { ...referral, isRecommended: false }], alternatives: true }),
        rendered('anabolic-treatment-consideration', 'warning', { suggestions: [{ ...referral, uuid: randomUUID() }] }),
      ],
      { grouping: 'separate', hook: 'patient-view' },
    );
    expect(cards.map((c) => (c.suggestions ?? []).map((s) => s.label))).toEqual([['Denosumab + referral', 'Zoledronic acid', 'Refer for anabolic treatment'], []]);
    // Not pre-selected, the combined start is not the order sent: the later card keeps its referral.
    const offeredOnly = composeCards(
      [
        rendered('treatment-indicated', 'warning', { suggestions: [{ ...both, isRecommended: false }, suggestion('Zoledronic acid')], alternatives: true }),
        rendered('anabolic-treatment-consideration', 'warning', { suggestions: [{ ...referral, uuid: randomUUID() }] }),
      ],
      { grouping: 'separate', hook: 'patient-view' },
    );
    expect(offeredOnly[1]?.suggestions?.map((s) => s.label)).toEqual(['Refer for anabolic treatment']);
    expectValidResponse({ cards });
  });

  it('with cardGrouping "separate" an alternative not pre-selected is not the order sent: a later card keeps its recommended copy', () => {
    const referral = suggestion('Refer to endocrinology');
    const cards = composeCards(
      [
        rendered('switch-to-parenteral', 'warning', { suggestions: [suggestion('Denosumab', true), referral], alternatives: true }),
        rendered('bisphosphonate-ten-years', 'warning', { suggestions: [{ ...referral, uuid: randomUUID(), isRecommended: true }] }),
      ],
      { grouping: 'separate', hook: 'patient-view' },
    );
    expect(cards[1]?.suggestions?.map((s) => s.label)).toEqual(['Refer to endocrinology']);
  });
});

describe('never together (rules.md section 6)', () => {
  it('two cards that both propose the first treatment decision: the anabolic card folds onto the treatment card', () => {
    const cards = patientView([
      rendered('treatment-indicated', 'warning', { suggestions: [suggestion('Alendronate', true)], alternatives: true }),
      rendered('anabolic-treatment-consideration', 'warning', { suggestions: [suggestion('Refer for anabolic treatment')] }),
    ]);
    expect(owners(cards)).toEqual(['treatment-indicated']);
    expect(topicsOf(cards[0] as Card)).toContain('anabolic-treatment-consideration');
  });
});
