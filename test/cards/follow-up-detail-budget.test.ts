/**
 * rules.md section 6 "a card's detail is at most 900 characters", for the longest variants of the
 * bone-marker cards, which the fixtures do not all reach: each patient runs through every
 * patient-view rule and the default folding, so the companions ride on the card as they would in
 * the EHR, in Danish and English. (Vitamin D and calcium bring a suggestion of their own, so they
 * stay off the cards whose suggestions are alternatives — the parenteral options.)
 */
import { describe, expect, it } from 'vitest';
import { DETAIL_BUDGET, detailLength } from '../../src/cards/compose/budget.js';
import { topicsOf } from '../../src/cards/compose/merge.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards, type RenderContext } from '../../src/cards/render.js';
import type { Reason, Topic } from '../../src/contract/topics.js';
import { evaluatePatientView } from '../../src/rules/index.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import type { PatientFacts } from '../../src/facts/types.js';
import { course, ctxOf, fracture, glucocorticoid, intolerance, medication, p1np, patient, condition } from '../helpers/facts.js';

const renderCtx = (lang: 'da' | 'en'): RenderContext => ({ lang, patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
const woman = { sex: 'female' as const, age: 72 };
const antiepileptic = medication('antiepileptic', '2026-10-01');

interface Variant {
  readonly name: string;
  readonly facts: PatientFacts;
  readonly topic: Topic;
  /** The reasons that make this the long variant: the case must reach them. */
  readonly reasons: readonly Reason[];
  /** The companions the card must carry (the longest it gets). */
  readonly companions: readonly Topic[];
}

const VARIANTS: readonly Variant[] = [
  {
    // Alendronate from 2025-09-01 on prednisolone (CTX), a hip fracture 2025-05-01 (within 6 months before the start): marker one year after it.
    name: 'bone marker after a fracture before the start, on glucocorticoid (CTX)',
    facts: patient({
      ...woman,
      courses: [course('alendronate', '2025-09-01')],
      glucocorticoid: glucocorticoid({ active: true, currentDailyMg: 7.5 }),
      fractures: [fracture('hip', '2025-05-01')],
      medications: [antiepileptic, medication('ppi', '2025-01-01')],
    }),
    topic: 'btm-follow-up-due',
    reasons: ['three-months-on-treatment', 'fracture-before-start'],
    companions: ['vitamin-d-calcium', 'btm-interfering-medication'],
  },
  {
    // No baseline; P1NP 60 µg/L on treatment, taken 16 days ago, is not below the premenopausal mean: inadequate, less certain.
    name: 'insufficient fall against the premenopausal mean',
    facts: patient({ ...woman, courses: [course('alendronate', '2026-03-02')], labs: { boneMarkers: [p1np(60, '2026-11-10')] }, medications: [antiepileptic] }),
    topic: 'btm-response-inadequate',
    reasons: ['insufficient-fall'],
    companions: ['btm-interfering-medication'],
  },
  {
    // Both markers after the start fell ≤ 30 % (100 → 80 → 75, the last 16 days ago), alendronate intolerance and recorded non-adherence: all three reasons.
    name: 'switch to parenteral for every reason at once',
    facts: patient({
      ...woman,
      courses: [course('alendronate', '2026-01-10')],
      labs: { boneMarkers: [p1np(100, '2026-01-05'), p1np(80, '2026-04-20'), p1np(75, '2026-11-10')] },
      intolerances: [intolerance('alendronate')],
      conditions: [condition('non-adherence', { onset: '2026-06-01' })],
      medications: [antiepileptic],
    }),
    topic: 'switch-to-parenteral',
    reasons: ['persistent-insufficient-fall', 'intolerance', 'non-adherence'],
    companions: ['btm-interfering-medication'],
  },
];

describe('the longest follow-up cards stay within the detail budget', () => {
  for (const variant of VARIANTS) {
    for (const lang of ['da', 'en'] as const) {
      it(`${variant.name} (${lang}): at most ${DETAIL_BUDGET} characters, folded with its companions`, () => {
        const recs = evaluatePatientView(ctxOf(variant.facts));
        const cards = renderCards(recs, renderCtx(lang), { grouping: 'folded', ruleSet: 'patient-view' });
        const card = cards.find((c) => c.source.topic?.code === variant.topic);
        expect(card, `${variant.topic} among ${cards.map((c) => topicsOf(c).join('+')).join(', ')}`).toBeDefined();
        expect(topicsOf(card!)).toEqual(expect.arrayContaining([variant.topic, ...variant.companions]));
        expect(card?.extension['osteo-cds.reasons']).toEqual(expect.arrayContaining([...variant.reasons]));
        expect(detailLength(card!), card?.detail).toBeLessThanOrEqual(DETAIL_BUDGET);
      });
    }
  }
});
