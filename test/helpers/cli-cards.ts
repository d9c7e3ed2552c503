/** The cards of one `osteo-cds evaluate --json` run through the CLI, as a reviewer ran it. */
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main.js';

export interface CardLike {
  readonly indicator: string;
  readonly summary: string;
  readonly detail?: string;
  readonly suggestions?: readonly { readonly label: string }[];
  readonly source: { readonly topic?: { readonly code: string } };
  readonly extension?: Record<string, readonly string[]>;
}

/** Runs the CLI with `argv` (which must include `--json`); it must succeed without a word on stderr. */
export async function cliCards(argv: readonly string[]): Promise<CardLike[]> {
  let out = '';
  let err = '';
  const code = await runCli([...argv], { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, env: {} });
  expect(err).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(out) as { cards: CardLike[] }).cards;
}

/** A card as "topic:indicator:folded topics". */
export const cardKey = (c: CardLike): string => `${c.source.topic?.code ?? '?'}:${c.indicator}:${[...(c.extension?.['osteo-cds.topics'] ?? [])].sort().join(',')}`;

/** The reason codes of all the cards. */
export const reasonsOf = (cards: readonly CardLike[]): string[] => cards.flatMap((c) => c.extension?.['osteo-cds.reasons'] ?? []);
