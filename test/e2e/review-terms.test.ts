/**
 * The terminology review (December 2026, /tmp/review-terms): scenarios evaluated through the CLI
 * (`osteo-cds evaluate --json`) as the reviewer ran them, on 2026-11-26. Bundles and drafts are in
 * `review-terms/`.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';

const file = (name: string): string => fileURLToPath(new URL(`./review-terms/${name}`, import.meta.url));

interface CardLike {
  readonly indicator: string;
  readonly summary: string;
  readonly detail?: string;
  readonly suggestions?: readonly { readonly label: string }[];
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension?: Record<string, readonly string[]>;
}

interface Answer {
  /** Every card as "topic:indicator:folded topics", sorted. */
  readonly cards: string[];
  readonly reasons: string[];
  readonly evidence: string[];
  /** Every topic shown, folded or not. */
  readonly topics: string[];
  /** Summaries, details and suggestion labels. */
  readonly text: string;
}

async function evaluate(bundle: string, draft?: string): Promise<Answer> {
  let out = '';
  let err = '';
  const argv = ['evaluate', file(`${bundle}.bundle.json`), '--now', '2026-11-26', '--json', '--lang', 'en', ...(draft === undefined ? [] : ['--hook', 'order-sign', '--draft', file(`${draft}.draft.json`)])];
  const code = await runCli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {} });
  expect(err).toBe('');
  expect(code).toBe(0);
  const cards = (JSON.parse(out) as { cards: CardLike[] }).cards;
  return {
    cards: cards.map((c) => `${c.source.topic?.code ?? '?'}:${c.indicator}:${[...(c.extension?.['osteo-cds.topics'] ?? [])].sort().join(',')}`).sort(),
    reasons: cards.flatMap((c) => c.extension?.['osteo-cds.reasons'] ?? []),
    evidence: cards.flatMap((c) => c.extension?.['osteo-cds.evidence'] ?? []),
    topics: cards.flatMap((c) => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?']),
    text: cards.map((c) => [c.summary, c.detail ?? '', ...(c.suggestions ?? []).map((s) => s.label)].join('\n')).join('\n'),
  };
}

describe('a calcium salt is no vitamin D supplement (terminology.md l. 936-949)', () => {
  it.each([
    ['vitd_none_calcium_lactate_A12AA05', 'ATC A12AA05 calcium lactate'],
    ['vitd_none_calcium_A12AA20', 'ATC A12AA20 calcium, mixed salts'],
    ['vitd_none_us_calcium_acetate', 'RxNorm 308922 calcium acetate (unbound, read from its text)'],
  ])('%s (%s) gets the cards of a patient with no supplement: no-vitamin-d-supplement and a D3 order', async (bundle) => {
    const [a, none] = await Promise.all([evaluate(bundle), evaluate('vitd_supp_none')]);
    expect(a.cards).toEqual(none.cards);
    expect(a.topics).toContain('vitamin-d-calcium');
    expect(a.reasons).toContain('no-vitamin-d-supplement');
    expect(a.text).toContain('colecalciferol');
  });

  it('with no 25-OH-D either (vitdlab_missing_calcium_lactate_A12AA05): the missing lab and the missing supplement are both named', async () => {
    const a = await evaluate('vitdlab_missing_calcium_lactate_A12AA05');
    expect(a.reasons).toEqual(expect.arrayContaining(['vitamin-d-missing', 'no-vitamin-d-supplement']));
  });

  it('an active analogue alone (alfacalcidol A11CC03, "not routine supplements") is no supplement; its record is in the evidence', async () => {
    const a = await evaluate('vitd_alfacalcidol_only');
    expect(a.reasons).toContain('no-vitamin-d-supplement');
    expect(a.evidence).toContain('MedicationStatement/alfa');
  });

  it.each([
    ['vitd_A12AX_combo', 'ATC A12AX calcium + D3'],
    ['vitd_calcifediol_A11CC06', 'ATC A11CC06 calcifediol, listed with the supplements'],
  ])('%s (%s) is a vitamin D supplement: no no-vitamin-d-supplement', async (bundle) => {
    const a = await evaluate(bundle);
    expect(a.reasons).not.toContain('no-vitamin-d-supplement');
    expect(a.topics).not.toContain('vitamin-d-calcium');
  });
});
