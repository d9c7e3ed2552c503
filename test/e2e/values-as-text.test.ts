/**
 * Values written as text (December 2026 review): a newer result whose valueString the service
 * could not read was dropped without a word, and an older value decided — an alendronate order with
 * an eGFR of 71 and a newer "=<35" passed, a T-score "T-score -2,6" of two months ago left "no DXA
 * scan recorded". Evaluated through the CLI (`osteo-cds evaluate --json`) as a GP running the CLI would, on
 * 2026-11-26, with the bundles in `values-as-text/` and the valueString set per case.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliCards, reasonsOf, type CardLike } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./values-as-text/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'values-as-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Entry {
  readonly resource: { readonly id?: string; valueString?: string };
}

/** The bundle with the Observation `id` sent as `valueString`, written where the CLI can read it. */
function withValue(bundle: string, id: string, valueString: string): string {
  const b = JSON.parse(readFileSync(file(`${bundle}.bundle.json`), 'utf8')) as { entry: Entry[] };
  const obs = b.entry.find((e) => e.resource.id === id)?.resource;
  if (obs === undefined) throw new Error(`no ${id} in ${bundle}`);
  obs.valueString = valueString;
  const path = join(dir, `${bundle}-${encodeURIComponent(valueString)}.json`);
  writeFileSync(path, JSON.stringify(b));
  return path;
}

const topics = (cards: readonly CardLike[]): string[] => cards.flatMap((c) => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?']);
const evidence = (cards: readonly CardLike[]): string[] => cards.flatMap((c) => c.extension?.['osteo-cds.evidence'] ?? []);
const text = (cards: readonly CardLike[]): string => cards.map((c) => `${c.summary}\n${c.detail ?? ''}`).join('\n');

/** The alendronate order (order-sign) with an eGFR of 71 on 2026-10-01 and a newer one (2026-11-20) written `valueString`. */
const orderWithEgfr = (valueString: string): Promise<CardLike[]> =>
  cliCards(['evaluate', withValue('egfr_newer_string_alen', 'egfr-newer', valueString), '--now', '2026-11-26', '--json', '--lang', 'en', '--hook', 'order-sign', '--draft', file('alendronate.draft.json')]);

/** A smoker with a spine T-score of 2026-09-15 written `valueString` (patient-view). */
const smokerWithTScore = (valueString: string): Promise<CardLike[]> =>
  cliCards(['evaluate', withValue('tscore_string_smoker', 'dxa-spine', valueString), '--now', '2026-11-26', '--json', '--lang', 'en']);

describe('a newer eGFR the old parser could not read no longer lets an older 71 decide the order (rules.md section 1, terminology.md l. 201)', () => {
  it.each(['=<35', '\u2a7d35', '=30', 'ca. 30'])('"%s" is read (legacy and slanted ≤, a lone "=", an approximate value): rx-egfr-too-low stops the order', async (written) => {
    const cards = await orderWithEgfr(written);
    expect(topics(cards)).toContain('rx-egfr-too-low');
    expect(reasonsOf(cards)).toContain('egfr-low');
    expect(evidence(cards)).toContain('Observation/egfr-newer');
  });

  it.each(['eGFR 30', '- 30', 'under 35'])('"%s" cannot be read: the data-unavailable card names it (unreadable-value), quoted', async (written) => {
    const cards = await orderWithEgfr(written);
    const data = cards.find((c) => c.source.topic?.code === 'data-unavailable');
    expect(data?.extension?.['osteo-cds.reasons']).toEqual(['unreadable-value']);
    expect(data?.extension?.['osteo-cds.evidence']).toEqual(['Observation/egfr-newer']);
    expect(text(cards)).toContain(`Value not used – cannot be read ("${written}"): eGFR (20 Nov 2026)`);
  });
});

describe('a DXA T-score written with its name is read, and one that cannot be read is no "no DXA scan" (terminology.md §2: DXA arrives as report text)', () => {
  it.each(['T-score -2,6', 'T: -2.6', 'T-score: \u22122,6', '- 2,6'])('"%s": T ≤ −2.5 with a risk factor — treatment-indicated, no dxa-workup-suggested', async (written) => {
    const cards = await smokerWithTScore(written);
    expect(topics(cards)).toContain('treatment-indicated');
    expect(reasonsOf(cards)).toContain('t-score-with-risk-factor');
    expect(topics(cards)).not.toContain('dxa-workup-suggested');
    expect(text(cards)).not.toContain('No DXA scan recorded');
  });

  it('"T-score L1-L4: -2,6" (more than one number) is not guessed: the data-unavailable card names it, and no decision rests on it', async () => {
    const cards = await smokerWithTScore('T-score L1-L4: -2,6');
    expect(topics(cards)).not.toContain('treatment-indicated');
    const data = cards.find((c) => c.source.topic?.code === 'data-unavailable');
    expect(data?.extension?.['osteo-cds.evidence']).toEqual(['Observation/dxa-spine']);
    expect(text(cards)).toContain('Value not used – cannot be read ("T-score L1-L4: -2,6"): T-score (DXA) (15 Sep 2026)');
    // Not "no DXA scan recorded" beside it: the scan was made, its result cannot be read.
    expect(text(cards)).not.toContain('No DXA scan recorded');
    expect(text(cards)).toContain('No DXA scan with a readable result recorded');
  });
});

describe('a DXA known only by a score that cannot be read is no scan: no decision rests on the scan before it as if it were the latest', () => {
  it('an unreadable 5-year DXA on alendronate: the 5-year DXA is still asked for, the pause still waits for it (it had been advised on a hip T-score of 2021)', async () => {
    const cards = await cliCards(['evaluate', file('pause_unread_five_year_dxa.bundle.json'), '--now', '2026-11-26', '--json', '--lang', 'en']);
    expect(topics(cards)).toContain('dxa-follow-up-due');
    expect(text(cards)).toContain('Consider a treatment pause after the 5-year DXA scan');
    expect(text(cards)).not.toContain('All criteria are met');
  });

  it('prednisolone drafted with only an unreadable T-score on record: refer for DXA, never "the latest DXA was not below −1.0"', async () => {
    const cards = await cliCards(['evaluate', file('prednisolone_unread_dxa.bundle.json'), '--now', '2026-11-26', '--json', '--lang', 'en', '--hook', 'order-sign', '--draft', file('prednisolone.draft.json')]);
    expect(reasonsOf(cards)).toContain('no-dxa');
    expect(text(cards)).not.toContain('was not below');
  });
});
