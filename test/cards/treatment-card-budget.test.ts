/**
 * rules.md section 6 budgets for the cards that carry the most (issue #15): every variant of the
 * treatment card — first choice, effervescent, second choice, referral for eGFR ≤ 35, suspected
 * secondary osteoporosis or 10 years of oral bisphosphonate, anabolic candidate, pause ended,
 * possible fracture — and the start checklist of a prescription, each with as many companions as
 * a patient can bring (missing labs,
 * low vitamin D, a PPI, several lifestyle points), folded by default, fit 900 characters of
 * detail and 140 of summary in Danish and English. The fixtures are checked by budgets.test.ts;
 * these patients reach the variants the fixtures do not.
 */
import { describe, expect, it } from 'vitest';
import { DETAIL_BUDGET, SUMMARY_LIMIT } from '../../src/cards/compose/budget.js';
import { topicsOf } from '../../src/cards/compose/merge.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards, type RenderContext } from '../../src/cards/render.js';
import type { Language } from '../../src/contract/language.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { PatientFacts } from '../../src/facts/types.js';
import { evaluateRules } from '../../src/rules/index.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { condition as fhirCondition, factsOf, medicationStatement, observation, SYS } from '../helpers/facts-builders.js';
import { bmi, calcium, condition, course, ctxOf, draft, egfr, fracture, medication, patient, scan, vitaminD, type FactsInput } from '../helpers/facts.js';

const length = (s: string | undefined): number => [...(s ?? '')].length;

/**
 * A patient who brings much besides the indication: two risk factors that are also lifestyle
 * points (smoking, low BMI), a PPI, no labs, no height, no vitamin D supplement.
 */
const busy: FactsInput = {
  age: 72,
  vitals: { bmi: [bmi(18.2, '2026-06-01')] },
  conditions: [],
  lifestyle: { smoking: { current: true, ref: 'Observation/smoking' } },
  medications: [medication('ppi', '2024-01-01')],
};
const withBusy = (extra: FactsInput): PatientFacts => patient({ ...busy, ...extra, conditions: [...(busy.conditions ?? []), ...(extra.conditions ?? [])] });
const spine = scan('2026-08-12', { 'lumbar-spine': -2.9, 'total-hip': -2.1 });

/** rules.md section 1 "Paused", through FHIR: 7 years of alendronate to 2025-06-01, then a low-energy hip fracture. */
function pauseEnded(): PatientFacts {
  const aln = { atc: 'M05BA04', text: 'Alendronat 70 mg' } as const;
  const resources: UntrustedResource[] = [
    medicationStatement({ id: 'aln', ...aln, status: 'completed', start: '2018-01-01', end: '2025-06-01' }),
    observation({ code: '38267-1', value: -2.7, ucum: '{T-score}', date: '2025-04-01' }),
    observation({ code: '38264-8', value: -2.0, ucum: '{T-score}', date: '2025-04-01' }),
    observation({ code: '39156-5', value: 18, ucum: 'kg/m2', date: '2026-01-10' }),
    fhirCondition({ id: 'fx', system: SYS.sks, code: 'DS720', onset: '2026-03-01', lowEnergy: true }),
  ];
  return factsOf(resources, { now: new Date('2026-06-15T10:00:00Z') });
}

const VARIANTS: readonly (readonly [string, () => PatientFacts, (rec: Recommendation<'treatment-indicated'>) => boolean])[] = [
  ['first choice', () => withBusy({ dxa: [spine] }), (r) => r.choice === 'first-choice' && !r.reasons.includes('dysphagia')],
  ['effervescent for dysphagia', () => withBusy({ dxa: [spine], conditions: [condition('dysphagia')] }), (r) => r.reasons.includes('dysphagia')],
  ['second choice', () => withBusy({ fractures: [fracture('spine', '2026-04-01')], conditions: [condition('peptic-ulcer')] }), (r) => r.choice === 'second-choice'],
  ['referral for eGFR ≤ 35', () => withBusy({ fractures: [fracture('spine', '2026-04-01', 'unknown')], labs: { egfr: [egfr(30, '2026-10-01')], vitaminD: [vitaminD(40, '2026-10-01')] } }), (r) => r.choice === 'referral' && r.reasons.includes('egfr-low')],
  ['referral for secondary osteoporosis', () => withBusy({ fractures: [fracture('hip', '2025-10-01')], labs: { calcium: [calcium(2.72, '2026-10-01')] } }), (r) => r.choice === 'referral' && r.reasons.includes('secondary-osteoporosis')],
  ['anabolic candidate', () => withBusy({ fractures: [fracture('hip', '2026-01-01')], dxa: [scan('2026-02-01', { 'lumbar-spine': -3.1, 'total-hip': -2.8 })] }), (r) => r.anabolicCandidate],
  ['pause ended', pauseEnded, (r) => r.reasons.includes('pause-ended')],
  ['referral after 10 years of alendronate', () => withBusy({ fractures: [fracture('spine', '2026-04-01')], courses: [course('alendronate', '2012-01-01', { status: 'ended', end: '2022-01-01' })] }), (r) => r.choice === 'referral' && r.reasons.includes('ten-years')],
  ['possible fracture', () => withBusy({ fractures: [fracture('hip', '2026-01-01', 'unknown')] }), (r) => r.reasons.includes('hip-fracture-possible')],
];

const renderCtx = (lang: Language, facts: PatientFacts): RenderContext => ({
  lang,
  patientRef: facts.patientRef,
  today: facts.today,
  female: facts.sex === 'female',
  drafts: new Map(),
  links: DEFAULT_LINKS,
  guidelineBase: 'https://cds.region.example/osteo',
  settings: DEFAULT_SETTINGS,
});

describe('every treatment-card variant fits the budgets, folded with its companions', () => {
  for (const [name, facts, isVariant] of VARIANTS) {
    it.each(['da', 'en'] as const)(`${name} (%s)`, (lang) => {
      const f = facts();
      const recs = evaluateRules('patient-view', ctxOf(f));
      const treatment = recs.find((r): r is Recommendation<'treatment-indicated'> => r.topic === 'treatment-indicated');
      expect(treatment !== undefined && isVariant(treatment), `${name}: ${JSON.stringify(treatment?.reasons)}`).toBe(true);
      const cards = renderCards(recs, renderCtx(lang, f), { grouping: 'folded', ruleSet: 'patient-view' });
      const host = cards.find((c) => c.source.topic?.code === 'treatment-indicated');
      // The variant really is folded: it carries companions (on it, or on its "before start" card).
      expect(cards.flatMap(topicsOf).length).toBeGreaterThan(cards.length);
      expect(host).toBeDefined();
      for (const card of cards) {
        const topics = topicsOf(card).join(' + ');
        expect(length(card.detail), `${topics}:\n${card.detail ?? ''}`).toBeLessThanOrEqual(DETAIL_BUDGET);
        expect(length(card.summary), `${topics}: ${card.summary}`).toBeLessThan(SUMMARY_LIMIT);
      }
    });
  }
});

describe('a denosumab order with eGFR below 30 fits the budgets (its hypocalcaemia paragraph on top of the schedule)', () => {
  it.each(['da', 'en'] as const)('%s', (lang) => {
    const order = draft('denosumab');
    // An ongoing course, so the start checks stay away: the schedule card alone, with its longest advice.
    const f = patient({ age: 78, labs: { egfr: [egfr(25, '2026-10-01')], calcium: [calcium(2.3, '2026-10-01')], vitaminD: [vitaminD(80, '2026-10-01')] }, medications: [medication('denosumab', '2026-05-20')], drafts: [order] });
    const recs = evaluateRules('prescribing', ctxOf(f));
    const drafts = new Map<string, UntrustedResource>([[order.ref, { resourceType: 'MedicationRequest', id: order.ref.split('/')[1], status: 'draft', intent: 'order', medicationCodeableConcept: { text: 'Prolia 60 mg' } }]]);
    const cards = renderCards(recs, { ...renderCtx(lang, f), drafts }, { grouping: 'separate', ruleSet: 'prescribing' });
    const schedule = cards.find((c) => c.source.topic?.code === 'rx-denosumab-schedule');
    expect(schedule?.extension?.['osteo-cds.reasons']).toContain('egfr-below-30');
    // Cut to its budget, the card still shows why it is a warning: the eGFR reason and value lead their lists.
    const reasonsShown = (schedule?.detail ?? '').split(lang === 'da' ? '**Begrundelse**' : '**Why**')[1] ?? '';
    expect(reasonsShown.split('\n')[1]).toMatch(/^- eGFR < 30/);
    expect(schedule?.detail).not.toContain('og 1 flere');
    for (const card of cards) {
      const topics = topicsOf(card).join(' + ');
      expect(length(card.detail), `${topics}:\n${card.detail ?? ''}`).toBeLessThanOrEqual(DETAIL_BUDGET);
      expect(length(card.summary), `${topics}: ${card.summary}`).toBeLessThan(SUMMARY_LIMIT);
    }
  });
});

describe('the start checklist of a prescription fits the budgets with its missing labs and low vitamin D', () => {
  const starts = [
    ['alendronate', draft('alendronate')],
    ['denosumab', draft('denosumab')],
    ['zoledronic acid', draft('zoledronic-acid')],
  ] as const;
  for (const [name, order] of starts) {
    it.each(['da', 'en'] as const)(`${name} (%s)`, (lang) => {
      const f = patient({ age: 72, labs: { vitaminD: [vitaminD(40, '2026-10-01')] }, drafts: [order] });
      const recs = evaluateRules('prescribing', ctxOf(f));
      const drafts = new Map<string, UntrustedResource>([[order.ref, { resourceType: 'MedicationRequest', id: order.ref.split('/')[1], status: 'draft', intent: 'order', medicationCodeableConcept: { text: 'draft' } }]]);
      const cards = renderCards(recs, { ...renderCtx(lang, f), drafts }, { grouping: 'folded', ruleSet: 'prescribing' });
      const checklist = cards.find((c) => c.source.topic?.code === 'rx-start-checklist');
      expect(topicsOf(checklist ?? cards[0]!)).toEqual(expect.arrayContaining(['rx-start-checklist', 'rx-lab-missing', 'rx-vitamin-d-low']));
      for (const card of cards) {
        const topics = topicsOf(card).join(' + ');
        expect(length(card.detail), `${topics}:\n${card.detail ?? ''}`).toBeLessThanOrEqual(DETAIL_BUDGET);
        expect(length(card.summary), `${topics}: ${card.summary}`).toBeLessThan(SUMMARY_LIMIT);
      }
    });
  }
});
