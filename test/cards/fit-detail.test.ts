/**
 * rules.md section 6 "a card's detail is at most 900 characters", for patients who bring many
 * reasons and findings: the lists give fewer lines (findings first, then reasons, each keeping
 * its first line) while every reason and piece of evidence stays in the card's extensions.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { DETAIL_BUDGET } from '../../src/cards/compose/budget.js';
import { fitDetail } from '../../src/cards/compose/fit.js';
import { topicsOf } from '../../src/cards/compose/merge.js';
import { DEFAULT_LINKS } from '../../src/cards/links.js';
import { renderCards } from '../../src/cards/render.js';
import { evaluateRules } from '../../src/rules/index.js';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { bmi, condition, ctxOf, fracture, medication, patient, scan } from '../helpers/facts.js';

const length = (s: string | undefined): number => [...(s ?? '')].length;
const lists = { headings: ['Grundlag', 'Begrundelse'], more: (n: number) => `… og ${n} flere` };
const card = (detail: string): Card => ({ uuid: 'u', summary: 's', indicator: 'info', source: { label: 'l' }, detail, extension: { 'osteo-cds.reasons': [], 'osteo-cds.evidence': [], 'osteo-cds.rules-version': '2.0.0' } });

describe('fitDetail', () => {
  const detail = ['Råd.', '**Begrundelse**\n- r1\n- r2\n- r3', '**Grundlag**\n- f1 xxxxxxxx\n- f2 xxxxxxxx\n- f3 xxxxxxxx\n- f4 xxxxxxxx', '**Ledsager:** sætning'].join('\n\n');

  it('leaves a card within the budget as it is', () => {
    expect(fitDetail(card(detail), lists, 1000).detail).toBe(detail);
  });

  it('cuts the findings from the end first, says how many, and keeps the advice and companion sections', () => {
    const fitted = fitDetail(card(detail), lists, length(detail) - 20).detail ?? '';
    expect(length(fitted)).toBeLessThanOrEqual(length(detail) - 20);
    expect(fitted).toContain('- f1 xxxxxxxx');
    expect(fitted).not.toContain('f4');
    expect(fitted).toMatch(/… og \d flere/);
    expect(fitted).toContain('- r3');
    expect(fitted.startsWith('Råd.')).toBe(true);
    expect(fitted.endsWith('**Ledsager:** sætning')).toBe(true);
  });

  it('then the reasons, each list keeping its first line', () => {
    const long = detail.replace('- r2\n- r3', '- r2 yyyyyyyyyyyyyyyy\n- r3 yyyyyyyyyyyyyyyy');
    const both = ['Råd.', '**Begrundelse**\n- r1\n- … og 2 flere', '**Grundlag**\n- f1 xxxxxxxx\n- … og 3 flere', '**Ledsager:** sætning'].join('\n\n');
    expect(fitDetail(card(long), lists, length(both)).detail).toBe(both);
  });

  describe('past the lists (a folded card whose sections alone overrun the budget)', () => {
    const titled = { ...lists, title: (t: string) => ({ 'dxa-follow-up-due': 'DXA', 'vitamin-d-calcium': 'D-vitamin' })[t], also: (ts: readonly string[]) => `**Også:** ${ts.join(' · ')}`, cut: '… (se Læs mere)' };
    const folded = (advice: readonly string[]): Card => ({
      ...card(['Råd.', ...advice, '**Begrundelse**\n- r1', '**Grundlag**\n- f1', `**DXA:** ${'d'.repeat(100)}`, `**D-vitamin:** ${'v'.repeat(100)}\n- Værdi ikke brugt`].join('\n\n')),
      source: { label: 'l', topic: { system: 'urn:osteo-cds:card-topic', code: 'switch-to-parenteral' } },
      extension: { 'osteo-cds.reasons': [], 'osteo-cds.evidence': [], 'osteo-cds.rules-version': '2.0.0', 'osteo-cds.topics': ['switch-to-parenteral', 'dxa-follow-up-due', 'vitamin-d-calcium'] },
    });

    it('names the companions on one line, the last first, keeping their notes', () => {
      const before = folded([]).detail ?? '';
      const fitted = fitDetail(folded([]), titled, length(before) - 50).detail ?? '';
      expect(fitted).toContain(`**DXA:** ${'d'.repeat(100)}`);
      expect(fitted).not.toContain('v'.repeat(100));
      expect(fitted).toContain('- Værdi ikke brugt');
      expect(fitted.endsWith('**Også:** D-vitamin')).toBe(true);
    });

    it('keeps the lists\' first two lines before a companion gives way, their first line only after', () => {
      const lists3 = (extra: number): Card => ({
        ...folded([]),
        detail: ['Råd.', '**Begrundelse**\n- r1\n- r2\n- r3', `**Grundlag**\n- f1\n- f2 calcium\n- f3 ${'z'.repeat(extra)}`, `**DXA:** ${'d'.repeat(100)}`, `**D-vitamin:** ${'v'.repeat(100)}`].join('\n\n'),
      });
      const before = lists3(60).detail ?? '';
      const fitted = fitDetail(lists3(60), titled, length(before) - 80).detail ?? '';
      expect(fitted).toContain('- f2 calcium');
      expect(fitted).toContain('- … og 1 flere');
      expect(fitted).toContain('**Også:** D-vitamin');
      const tight = fitDetail(lists3(60), titled, 120).detail ?? '';
      expect(length(tight)).toBeLessThanOrEqual(120);
      expect(tight).toContain('**Også:** DXA · D-vitamin');
    });

    it('then drops the lists, then the card\'s own paragraphs from the last with a pointer, never its first', () => {
      const fitted = fitDetail(folded(['a'.repeat(300), 'b'.repeat(300)]), titled, 360).detail ?? '';
      expect(length(fitted)).toBeLessThanOrEqual(360);
      expect(fitted.startsWith('Råd.\n\n')).toBe(true);
      expect(fitted).toContain('… (se Læs mere)');
      expect(fitted).not.toContain('**Grundlag**');
      expect(fitted).toContain('**Også:** DXA · D-vitamin');
    });
  });

  it('cuts a list of 20,000 lines (thousands of future-dated resources) in one pass to the budget, its first line kept', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `- Observation/future-${i} – dato efter i dag`);
    const huge = ['Råd.', `**Grundlag**\n${lines.join('\n')}`].join('\n\n');
    const fitted = fitDetail(card(huge), lists).detail ?? '';
    expect(length(fitted)).toBeLessThanOrEqual(DETAIL_BUDGET);
    expect(fitted).toContain(lines[0]);
    // As many lines as fit: one more would not.
    const kept = fitted.split('\n').filter((l) => l.startsWith('- Observation/')).length;
    expect(fitted).toContain(`- … og ${20_000 - kept} flere`);
    const oneMore = ['Råd.', `**Grundlag**\n${[...lines.slice(0, kept + 1), `- … og ${20_000 - kept - 1} flere`].join('\n')}`].join('\n\n');
    expect(length(oneMore)).toBeGreaterThan(DETAIL_BUDGET);
  });
});

describe('a patient with many risk factors gets cards within the detail budget', () => {
  const input = {
    age: 84,
    vitals: { bmi: [bmi(18.2, '2026-06-01')] },
    lifestyle: { smoking: { current: true, ref: 'Observation/smoking' }, alcoholUnitsPerDay: { value: 4, date: '2026-05-01', ref: 'Observation/alcohol' }, fallsReported: { date: '2026-05-01', ref: 'Observation/falls' } },
    familyHistory: [{ ref: 'FamilyMemberHistory/mother' }],
    conditions: [condition('rheumatoid-arthritis'), condition('copd')],
    medications: [medication('ppi', '2024-01-01')],
    fractures: [fracture('spine', '2026-04-01')],
    dxa: [scan('2026-08-12', { 'lumbar-spine': -3.2, 'total-hip': -2.7 })],
  };
  const f = patient(input);
  const withUlcer = patient({ ...input, conditions: [...input.conditions, condition('peptic-ulcer')] });

  for (const [name, facts] of [['first choice', f], ['second choice', withUlcer]] as const) {
    it.each(['da', 'en'] as const)(`${name} (%s)`, (lang) => {
      const recs = evaluateRules('patient-view', ctxOf(facts));
      const treatment = recs.find((r) => r.topic === 'treatment-indicated');
      expect(treatment?.reasons.length).toBeGreaterThanOrEqual(8);
      const cards = renderCards(recs, { lang, patientRef: facts.patientRef, today: facts.today, female: facts.sex === 'female', drafts: new Map(), links: DEFAULT_LINKS, guidelineBase: 'https://cds.example/osteo', settings: DEFAULT_SETTINGS }, { grouping: 'folded', ruleSet: 'patient-view' });
      const host = cards.find((c) => c.source.topic?.code === 'treatment-indicated');
      for (const c of cards) expect(length(c.detail), topicsOf(c).join('+')).toBeLessThanOrEqual(DETAIL_BUDGET);
      // Nothing is lost: the card still carries every reason as data.
      expect(host?.extension?.['osteo-cds.reasons']).toEqual(expect.arrayContaining([...(treatment?.reasons ?? [])]));
    });
  }
});
