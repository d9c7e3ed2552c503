/**
 * rules/high-calcium.ts: beside a high calcium (rules.md section 1 "Hypercalcaemia"; section 2:
 * suspected secondary osteoporosis) no card offers vitamin D, and no card tells the GP to give it
 * first — a folded card said both "vitamin D first" and "do not start vitamin D".
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards } from '../../src/cards/render.js';
import { evaluateRules } from '../../src/rules/index.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { calcium, ctxOf, draft, egfr, fracture, patient, scan, vitaminD } from '../helpers/facts.js';

const withCalcium = (value: number) =>
  patient({
    age: 76,
    fractures: [fracture('spine', '2025-01-10')],
    dxa: [scan('2026-10-01', { 'total-hip': -2.8 })],
    labs: { calcium: [calcium(value, '2026-11-20')], vitaminD: [vitaminD(30, '2026-11-20')], egfr: [egfr(70, '2026-11-20')] },
  });

const folded = (value: number, lang: 'da' | 'en') => {
  const facts = withCalcium(value);
  const recs = evaluateRules('patient-view', ctxOf(facts));
  const cards = renderCards(recs, { lang, patientRef: facts.patientRef, today: facts.today, female: true, drafts: new Map(), links: DEFAULT_LINKS, guidelineBase: 'https://cds.example/osteo', settings: DEFAULT_SETTINGS }, { grouping: 'folded', ruleSet: 'patient-view' });
  return { recs, cards };
};

describe('a low vitamin D beside a high calcium', () => {
  it('marks the failed "25-OH-D > 50" check as waiting, naming the calcium; not at a normal calcium', () => {
    const checks = folded(2.78, 'da').recs.find((r) => r.topic === 'pretreatment-checks');
    expect(checks).toMatchObject({ vitaminDWaits: true });
    expect(checks?.reasons).toContain('vitamin-d-low');
    expect(checks?.findings.some((f) => f.kind === 'lab' && f.lab === 'calcium')).toBe(true);
    expect(folded(2.4, 'da').recs.find((r) => r.topic === 'pretreatment-checks')?.vitaminDWaits).toBeUndefined();
  });

  it('never says "vitamin D first" on the card that says not to start vitamin D', () => {
    for (const lang of ['da', 'en'] as const) {
      const text = folded(2.78, lang).cards.map((c) => `${c.summary}\n${c.detail ?? ''}`).join('\n');
      expect(text).not.toMatch(lang === 'da' ? /giv D-vitamin først/i : /give vitamin D first/i);
      expect(text).toContain(lang === 'da' ? 'D-vitamin venter' : 'vitamin D waits');
    }
    expect(folded(2.4, 'da').cards.map((c) => c.detail ?? '').join('\n')).toContain('giv D-vitamin først');
  });
});

describe('the denosumab schedule beside a high calcium', () => {
  it('does not advise daily vitamin D and calcium: it waits for the cause, as the start checklist beside it says', () => {
    for (const [value, waits] of [[2.8, true], [2.4, false]] as const) {
      const d = draft('denosumab');
      const facts = patient({ age: 76, labs: { calcium: [calcium(value, '2026-11-20')], egfr: [egfr(70, '2026-11-20')] }, drafts: [d] });
      const recs = evaluateRules('prescribing', ctxOf(facts));
      const schedule = recs.find((r) => r.topic === 'rx-denosumab-schedule');
      expect(schedule?.vitaminDWaits === true).toBe(waits);
      const cards = renderCards(recs, { lang: 'da', patientRef: facts.patientRef, today: facts.today, female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS }, { grouping: 'folded', ruleSet: 'prescribing' });
      const text = cards.map((c) => c.detail ?? '').join('\n');
      expect(/Dagligt tilskud af 20–40 µg D3-vitamin/.test(text)).toBe(!waits);
    }
  });
});

describe('the DXA cards beside a high calcium', () => {
  const render = (value: number, input: Parameters<typeof patient>[0], lang: 'da' | 'en') => {
    const facts = patient({ age: 70, ...input, labs: { calcium: [calcium(value, '2026-11-01')], vitaminD: [vitaminD(30, '2026-11-01')], egfr: [egfr(70, '2026-11-01')] } });
    const recs = evaluateRules('patient-view', ctxOf(facts));
    return renderCards(recs, { lang, patientRef: facts.patientRef, today: facts.today, female: true, drafts: new Map(), links: DEFAULT_LINKS, settings: DEFAULT_SETTINGS }, { grouping: 'separate', ruleSet: 'patient-view' });
  };
  const smoker = { lifestyle: { smoking: { current: true, ref: 'Observation/smoke' } } } as const;

  it('the DXA work-up does not advise a D3 dose, nor "vitamin D first", at a high calcium; it does at a normal one', () => {
    for (const lang of ['da', 'en'] as const) {
      const [high] = render(2.8, smoker, lang).filter((c) => c.summary.includes('DXA'));
      expect(high?.summary).toContain(lang === 'da' ? 'afklar først det forhøjede calcium' : 'explain the high calcium first');
      expect(high?.detail).not.toMatch(/20–40 µg/);
      const [normal] = render(2.4, smoker, lang).filter((c) => c.summary.includes('DXA'));
      expect(normal?.detail).toMatch(/20–40 µg/);
    }
  });

  it('vitamin-d-before-dxa says to replete vitamin D once the cause of the high calcium is known, with no dose', () => {
    const input = { ...smoker, dxa: [scan('2026-11-10', { 'total-hip': -2.7 })] };
    const high = render(2.8, input, 'da').find((c) => c.summary.startsWith('OBS: P-25-OH-Vit.D'));
    expect(high?.detail).toContain('når årsagen til det forhøjede calcium er afklaret');
    expect(high?.detail).not.toMatch(/20–40 µg/);
    expect(render(2.4, input, 'da').find((c) => c.summary.startsWith('OBS: P-25-OH-Vit.D'))?.detail).toMatch(/20–40 µg/);
  });
});
