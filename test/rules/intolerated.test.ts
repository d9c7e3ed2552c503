/**
 * rules/intolerated.ts: no one-click order of a drug with a recorded intolerance (card l. 22
 * "utålelige bivirkninger"), on patient-view and on the prescribing hooks.
 */
import { describe, expect, it } from 'vitest';
import { evaluatePatientView, evaluatePrescribing } from '../../src/rules/index.js';
import { renderCards } from '../../src/cards/render.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { DETAIL_BUDGET } from '../../src/cards/compose/budget.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { calcium, condition, course, ctxOf, draft, egfr, fracture, intolerance, p1np, patient, vitaminD } from '../helpers/facts.js';

const woman = { sex: 'female' as const, age: 72 };
const labs = { egfr: [egfr(70, '2026-11-01')], calcium: [calcium(2.4, '2026-11-01')], vitaminD: [vitaminD(80, '2026-11-01')] };
// Alendronate from 2026-01-10; 60 → 50 → 45: the re-check still under 30 % (switch-to-parenteral).
const failing = { courses: [course('alendronate', '2026-01-10')], labs: { ...labs, boneMarkers: [p1np(60, '2026-01-05'), p1np(50, '2026-04-20'), p1np(45, '2026-07-25')] } };

describe('a drug with a recorded intolerance is not offered in one click', () => {
  it('switch-to-parenteral without the denosumab order when denosumab is not tolerated; the intolerance named', () => {
    const dmab = intolerance('denosumab', '2024-01-01');
    const rec = evaluatePatientView(ctxOf(patient({ ...woman, ...failing, intolerances: [dmab] }))).find((r) => r.topic === 'switch-to-parenteral');
    expect(rec?.suggestions).toEqual([
      { kind: 'referral', to: 'zoledronic-acid' },
      { kind: 'referral', to: 'endocrinology' },
    ]);
    expect(rec?.findings).toContainEqual({ kind: 'intolerance', drug: 'denosumab', ref: dmab.ref });
    expect(rec?.evidence).toContain(dmab.ref);
  });

  it('both second-choice drugs not tolerated: the endocrinology referral is what is left, and it is recommended in their place', () => {
    const recs = evaluatePatientView(ctxOf(patient({ ...woman, ...failing, intolerances: [intolerance('denosumab'), intolerance('zoledronic-acid')] })));
    const rec = recs.find((r) => r.topic === 'switch-to-parenteral');
    expect(rec).toBeDefined();
    // Sent once per answer (agreement.ts `oneReferral`): the referral card for the intolerances carries it.
    expect(rec?.suggestions).toBeUndefined();
    expect(recs.find((r) => r.topic === 'endocrinology-referral')?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    // A site that hides that card keeps the referral on the switch card.
    const hidden = evaluatePatientView(ctxOf(patient({ ...woman, ...failing, intolerances: [intolerance('denosumab'), intolerance('zoledronic-acid')] }), { disabledTopics: ['endocrinology-referral'] }));
    expect(hidden.find((r) => r.topic === 'switch-to-parenteral')?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
  });

  it('the treatment card with the second choice (ulcer) and both parenteral drugs not tolerated: the endocrinology referral, said so in its summary', () => {
    const input = { ...woman, fractures: [fracture('hip', '2026-07-01')], conditions: [condition('peptic-ulcer')], labs, intolerances: [intolerance('denosumab'), intolerance('zoledronic-acid')] };
    const rec = evaluatePatientView(ctxOf(patient(input))).find((r) => r.topic === 'treatment-indicated');
    expect(rec?.suggestions).toEqual([{ kind: 'referral', to: 'endocrinology', recommended: true }]);
    const [card] = renderCards(rec === undefined ? [] : [rec], { lang: 'da', patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS });
    expect(card?.summary).toMatch(/^Henvis til endokrinolog: 2\. valg er ikke muligt/);
    expect(card?.detail).not.toContain('Vælg én');
  });

  it('an intolerance to alendronate bars neither denosumab nor zoledronic acid', () => {
    const rec = evaluatePatientView(ctxOf(patient({ ...woman, ...failing, intolerances: [intolerance('alendronate')] }))).find((r) => r.topic === 'switch-to-parenteral');
    expect(rec?.suggestions?.map((s) => s.kind === 'prescribe' ? s.drug : s.kind === 'referral' ? s.to : s.kind)).toEqual(['denosumab-biosimilar', 'zoledronic-acid', 'endocrinology']);
  });

  it('a class-only entry ("bisfosfonater", ATC M05BA) bars the zoledronic acid referral too: a bisphosphonate of the same group [choice]', () => {
    const bisphosphonates = { ...intolerance('alendronate', '2024-01-01'), classOnly: true };
    const rec = evaluatePatientView(ctxOf(patient({ ...woman, ...failing, intolerances: [bisphosphonates] }))).find((r) => r.topic === 'switch-to-parenteral');
    expect(rec?.suggestions?.map((s) => (s.kind === 'prescribe' ? s.drug : s.kind === 'referral' ? s.to : s.kind))).toEqual(['denosumab-biosimilar', 'endocrinology']);
    expect(rec?.notOffered).toEqual(['zoledronic-acid']);
  });

  it('order-sign: an alendronate draft with an ulcer offers zoledronic acid, not the denosumab the patient does not tolerate', () => {
    const d = draft('alendronate');
    const recs = evaluatePrescribing(ctxOf(patient({ ...woman, labs, conditions: [condition('peptic-ulcer')], intolerances: [intolerance('denosumab')], drafts: [d] })));
    const rec = recs.find((r) => r.topic === 'rx-oral-contraindicated');
    expect(JSON.stringify(rec?.suggestions)).not.toContain('denosumab');
    expect(rec?.suggestions).toContainEqual({ kind: 'referral', to: 'zoledronic-acid', replacesDraft: d.ref });
    // Its text names the drug it offers, not the one it withholds, within the budget.
    for (const lang of ['da', 'en'] as const) {
      const ctx = { lang, patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS };
      const card = renderCards(recs, ctx, { grouping: 'folded', ruleSet: 'prescribing' }).find((c) => c.source.topic?.code === 'rx-oral-contraindicated');
      expect(card?.summary).toMatch(lang === 'da' ? /vælg 2\. valg – zoledronsyre$/ : /use the second choice – zoledronic acid$/);
      expect(card?.detail).not.toContain('**Denosumab**');
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
    }
  });

  it('the card says which drug it does not offer, in both languages, within the detail budget', () => {
    const recs = evaluatePatientView(ctxOf(patient({ ...woman, ...failing, intolerances: [intolerance('denosumab')] })));
    for (const lang of ['da', 'en'] as const) {
      const ctx = { lang, patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS };
      const card = renderCards(recs, ctx, { grouping: 'folded', ruleSet: 'patient-view' }).find((c) => c.source.topic?.code === 'switch-to-parenteral');
      expect(card?.detail).toContain(lang === 'da' ? 'Intolerans registreret i journalen: denosumab foreslås ikke.' : 'Intolerance on record: denosumab not offered.');
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
    }
  });

  it('denosumab-stopped with an ulcer and zoledronic acid not tolerated: the summary points to the endocrinologist, the detail says why not alendronate', () => {
    const deno = course('denosumab', '2023-02-15', { lastDose: '2026-03-01', status: 'stopped', stoppedOn: '2026-04-01' });
    const recs = evaluatePatientView(ctxOf(patient({ ...woman, courses: [deno], conditions: [condition('peptic-ulcer', { onset: '2026-06-01' })], intolerances: [intolerance('zoledronic-acid', '2024-01-01')] })));
    const expected = {
      da: ['Denosumab seponeret: anden behandling SKAL igangsættes – zoledronsyre ikke tålt: henvis til endokrinolog nu', 'Ikke alendronat:'],
      en: ['Denosumab stopped: other treatment MUST be started – zoledronic acid not tolerated: refer to endocrinology now', 'No alendronate:'],
    } as const;
    for (const lang of ['da', 'en'] as const) {
      const ctx = { lang, patientRef: 'Patient/p1', today: '2026-11-26', female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS };
      const card = renderCards(recs, ctx, { grouping: 'folded', ruleSet: 'patient-view' }).find((c) => c.source.topic?.code === 'denosumab-stopped');
      expect(card?.summary).toBe(expected[lang][0]);
      expect(card?.detail).toContain(expected[lang][1]);
      expect(card?.detail?.length ?? 0).toBeLessThanOrEqual(DETAIL_BUDGET);
    }
  });
});
