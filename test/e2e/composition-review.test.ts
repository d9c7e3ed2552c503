/**
 * Composition and summaries, through the CLI (`osteo-cds evaluate --json`), on the records of the
 * December 2026 composition review (`composition-review/`): the caveat of a missing medication list
 * is short enough to open the treatment card's summary; a summary too long is cut at a clause, never mid-word
 * (a Danish "start ikke behandling" had been cut to "start …"); one referral to the osteoporosis
 * clinic carries the anabolic question instead of two pre-selected referrals; fractures of unknown
 * mechanism refer "if low-energy" (rules.md §1); a site that hides the anabolic card hides it from
 * the treatment card's summary too (rules.md §6).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliCards, type CardLike } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./composition-review/${name}.json`, import.meta.url));
const cards = (name: string, ...options: string[]): Promise<CardLike[]> => cliCards(['evaluate', file(name), '--now', '2026-11-26', '--json', ...options]);
const topicsOf = (c: CardLike): readonly string[] => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];
const carrying = (list: readonly CardLike[], topic: string): CardLike | undefined => list.find((c) => topicsOf(c).includes(topic));
const referrals = (list: readonly CardLike[]): string[] => list.flatMap((c) => (c.suggestions ?? []).map((s) => s.label).filter((l) => l.startsWith('Henvisning til endokrinolog') || l.startsWith('Referral to endocrinology')));

describe('summaries', () => {
  it('the missing medication list opens the treatment summary in both languages, beside its longest companions', async () => {
    for (const [lang, lead] of [['da', 'Tjek medicinlisten: '], ['en', 'Check medications: ']] as const) {
      const treatment = carrying(await cards('medication-statements-unavailable', '--lang', lang), 'treatment-indicated');
      expect(treatment?.summary.startsWith(lead)).toBe(true);
      expect([...(treatment?.summary ?? '')].length).toBeLessThan(140);
    }
  });

  it('a referral summary too long for all its reasons names the first and keeps the decision whole: "start ikke behandling", never a cut word', async () => {
    for (const [lang, tail] of [['da', 'eGFR ≤ 35 ml/min m.m. – start ikke behandling'], ['en', 'eGFR ≤ 35 mL/min etc. – do not start treatment']] as const) {
      const summary = carrying(await cards('hip-fracture-egfr-30-high-calcium', '--lang', lang), 'treatment-indicated')?.summary ?? '';
      expect([...summary].length).toBeLessThan(140);
      expect(summary.endsWith(tail)).toBe(true);
      expect(summary).not.toMatch(/\bstart …$|\bs…$/);
    }
  });
});

describe('one referral to the osteoporosis clinic', () => {
  it('suspected secondary osteoporosis (calcium 2.75) and an anabolic candidate: one card, one referral asking both', async () => {
    for (const lang of ['da', 'en']) {
      const list = await cards('secondary-osteoporosis-anabolic', '--lang', lang);
      const treatment = carrying(list, 'treatment-indicated');
      expect(topicsOf(treatment as CardLike)).toEqual(expect.arrayContaining(['endocrinology-referral', 'anabolic-treatment-consideration']));
      expect(referrals(list)).toHaveLength(1);
      expect(referrals(list)[0]).toMatch(/også vurdering af anabol|also assessment of anabolic/);
      expect(list.filter((c) => c.indicator === 'warning')).toHaveLength(1);
    }
  });

  it('eGFR 30 and an anabolic candidate in one treatment card: one referral, asking the anabolic question too', async () => {
    const list = await cards('spine-fracture-egfr-30-anabolic');
    expect(referrals(list)).toEqual(['Henvisning til endokrinolog (osteoporoseklinik) – også vurdering af anabol (knogleopbyggende) behandling']);
  });

  it('the anabolic card beside the endocrinology referral card: the anabolic card keeps its advice, the one referral carries both', async () => {
    const list = await cards('alendronate-5y-two-fractures-low-hip');
    expect(list.some((c) => topicsOf(c).includes('anabolic-treatment-consideration'))).toBe(true);
    expect(referrals(list)).toEqual(['Henvisning til endokrinolog (osteoporoseklinik) – også vurdering af anabol (knogleopbyggende) behandling']);
  });
});

describe('fractures of unknown mechanism on treatment (rules.md §1 "counts as possible … the card says \'if low-energy\'")', () => {
  it('two fractures with no mechanism: the referral stands with its reason, and says "if low-energy"', async () => {
    const referral = carrying(await cards('alendronate-5y-two-fractures-low-hip'), 'endocrinology-referral');
    expect(referral?.extension?.['osteo-cds.reasons']).toContain('fractures-on-treatment');
    expect(referral?.summary).toBe('Henvis til endokrinolog: ≥ 2 brud under behandling (hvis lavenergibrud)');
    expect(referral?.detail).toContain('henvisningen gælder, hvis bruddene var lavenergibrud');
  });
});

describe("a site's disabledTopics (rules.md §6: a folded topic counts as shown)", () => {
  it('the anabolic card hidden: the treatment card neither refers for it nor names it', async () => {
    const shown = carrying(await cards('anabolic-candidate-start'), 'treatment-indicated');
    expect(shown?.summary).toContain('anabol');
    const hidden = carrying(await cards('anabolic-candidate-start', '--site-config', file('site-disable-anabolic')), 'treatment-indicated');
    expect(hidden?.summary).not.toContain('anabol');
    expect(topicsOf(hidden!)).not.toContain('anabolic-treatment-consideration');
  });
});

describe('one referral to the clinic, not at the cost of a choice', () => {
  it('denosumab stopped (its follow-on choices: at most one) and an anabolic candidate: the anabolic referral keeps its own card', async () => {
    const list = await cards('denosumab-stopped-anabolic-low-calcium');
    const anabolic = carrying(list, 'anabolic-treatment-consideration');
    expect(anabolic?.suggestions?.map((s) => s.label)).toEqual(['Henvisning til endokrinolog (osteoporoseklinik): vurdering af anabol (knogleopbyggende) behandling']);
    expect(referrals(list).some((l) => l.includes('også vurdering af anabol'))).toBe(false);
  });

  it('a combined referral: the anabolic card says where it is', async () => {
    const anabolic = carrying(await cards('alendronate-5y-two-fractures-low-hip'), 'anabolic-treatment-consideration');
    expect(anabolic?.detail).toContain('**Henvisningen er samlet** med den anbefalede henvisning til endokrinolog');
  });

  it('one record of two low-energy vertebral fractures on treatment is two fractures known to be low-energy: no "if low-energy"', async () => {
    const referral = carrying(await cards('alendronate-one-record-two-vertebrae'), 'endocrinology-referral');
    expect(referral?.summary).toBe('Henvis til endokrinolog: ≥ 2 lavenergibrud under behandling');
  });
});
