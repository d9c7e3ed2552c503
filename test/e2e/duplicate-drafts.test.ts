/**
 * The prescribing review of December 2026 (/tmp/review-rx2, finding D1): a draft that
 * `rx-duplicate-antiresorptive` offers to delete got one-click updates of the same order from other
 * cards (the biosimilar or Binosto switch, the corrected dosing) — accepting the recommended switch
 * beside the removal left two denosumab orders. Requests as the reviewer ran them through the CLI
 * (`osteo-cds evaluate --json`) on 2026-11-26, in `review-duplicate/`. rules.md section 6, "two
 * cards that disagree"; section 4, "A draft that must not go ahead".
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliCards, type CardLike } from '../helpers/cli-cards.js';

const dir = fileURLToPath(new URL('./review-duplicate/', import.meta.url));
const SCENARIOS = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

interface Action {
  readonly type: string;
  readonly resourceId?: string | readonly string[];
  readonly resource?: { readonly resourceType?: string; readonly id?: string };
}
type Card = CardLike & { readonly suggestions?: readonly { readonly label: string; readonly isRecommended?: boolean; readonly actions?: readonly Action[] }[] };

const evaluate = async (name: string): Promise<Card[]> => await cliCards(['evaluate', `${dir}${name}`, '--now', '2026-11-26', '--json', '--lang', 'en']);
const topic = (c: Card): string => c.source.topic?.code ?? '?';

/** The order an action deletes or updates ("MedicationRequest/d-aln"), with its type. */
function target(a: Action): { type: 'delete' | 'update'; ref: string } | undefined {
  if (a.type === 'delete') return { type: 'delete', ref: [a.resourceId ?? ''].flat()[0] ?? '' };
  if (a.type === 'update' && a.resource !== undefined) return { type: 'update', ref: `${a.resource.resourceType ?? ''}/${a.resource.id ?? ''}` };
  return undefined;
}

/** Per order: the cards that delete it and the cards that update it. */
function actionsByOrder(cards: readonly Card[]): Map<string, { delete: Set<number>; update: Set<number> }> {
  const out = new Map<string, { delete: Set<number>; update: Set<number> }>();
  cards.forEach((c, i) => {
    for (const s of c.suggestions ?? []) {
      for (const a of s.actions ?? []) {
        const t = target(a);
        if (t === undefined) continue;
        const entry = out.get(t.ref) ?? { delete: new Set<number>(), update: new Set<number>() };
        entry[t.type].add(i);
        out.set(t.ref, entry);
      }
    }
  });
  return out;
}

describe('no order is both deleted and updated by the cards of one answer (review D1)', () => {
  it.each(SCENARIOS)('%s', async (name) => {
    const cards = await evaluate(name);
    const conflicts = [...actionsByOrder(cards)].filter(([, a]) => {
      if (a.delete.size === 0 || a.update.size === 0) return false;
      // Explicit alternatives within one card (e.g. "remove the tablet, or switch it") are the GP's choice.
      const cardsActing = new Set([...a.delete, ...a.update]);
      return cardsActing.size > 1;
    });
    expect(conflicts.map(([ref, a]) => `${ref}: delete by ${[...a.delete].map((i) => topic(cards[i] as Card)).join(',')}, update by ${[...a.update].map((i) => topic(cards[i] as Card)).join(',')}`)).toEqual([]);
  });
});

describe('the duplicate draft and the cards of the same order', () => {
  it('Obodence then Prolia in the basket on denosumab (x03): Prolia is removed, no recommended biosimilar switch of it', async () => {
    const cards = await evaluate('x03-obod-then-prolia-basket.json');
    expect(cards.find((c) => topic(c) === 'rx-duplicate-antiresorptive')?.suggestions?.[0]?.actions?.[0]).toMatchObject({ type: 'delete', resourceId: 'MedicationRequest/d-dmab2' });
    expect(cards.map(topic)).not.toContain('rx-denosumab-biosimilar');
  });

  it('Prolia drafted while zoledronic acid is in use (x02, "stop it, or remove"): the biosimilar card stays with no one click', async () => {
    const cards = await evaluate('x02-prolia-on-zol-recent.json');
    const biosimilar = cards.find((c) => topic(c) === 'rx-denosumab-biosimilar');
    expect(biosimilar).toBeDefined();
    expect(biosimilar?.suggestions ?? []).toEqual([]);
  });

  it('a duplicate dosed too often (x08, x11, x12): the critical dose card stays, says why, and offers no correction', async () => {
    for (const name of ['x08-prolia-3mo-on-zol.json', 'x11-aln-daily-on-dmab-2mo.json', 'x12-zol-twice-yearly-plus-dmab-draft.json']) {
      const dose = (await evaluate(name)).find((c) => topic(c) === 'rx-dose-interval');
      expect(dose?.indicator, name).toBe('critical');
      expect(dose?.suggestions ?? [], name).toEqual([]);
      expect(dose?.detail, name).toContain('doubles another antiresorptive');
    }
  });

  it('two alendronate drafts, the second for a patient with a swallowing difficulty (x04): the first keeps its start cards and Binosto switch, the second none', async () => {
    const cards = await evaluate('x04-aln-then-aln-dysph.json');
    const byDraft = (code: string) => cards.filter((c) => topic(c) === code).flatMap((c) => c.extension?.['osteo-cds.evidence'] ?? []);
    expect(byDraft('rx-swallowing-difficulty')).toContain('MedicationRequest/d-aln1');
    expect(byDraft('rx-swallowing-difficulty')).not.toContain('MedicationRequest/d-aln2');
    expect(cards.filter((c) => topic(c) === 'rx-start-checklist')).toHaveLength(1);
  });

  it('the switch the service advises (s08) and a denosumab beside a contraindicated tablet (m03) keep their start cards and one clicks', async () => {
    const s08 = await evaluate('s08-on-aln-draft-prolia.json');
    expect(s08.find((c) => topic(c) === 'rx-denosumab-biosimilar')?.suggestions).toHaveLength(1);
    const m03 = await evaluate('m03-aln-ulcer-plus-dmab.json');
    expect(m03.map(topic)).toContain('rx-start-checklist');
    expect(m03.map(topic)).not.toContain('rx-duplicate-antiresorptive');
  });
});
