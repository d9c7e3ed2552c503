/**
 * The FMK switch, evaluated through the CLI (`osteo-cds evaluate --json`): the new product's entry
 * is made first and the old one recorded stopped days or weeks later. The stop closes the old
 * entry, not the treatment (rules.md section 1: "the drug started … later is the current one";
 * denosumab "until it is recorded stopped"). Bundles in `fmk-switch/` (December 2026 review).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliCards, type CardLike } from '../helpers/cli-cards.js';

const file = (name: string): string => fileURLToPath(new URL(`./fmk-switch/${name}.bundle.json`, import.meta.url));
const topicsOf = (c: CardLike): readonly string[] => c.extension?.['osteo-cds.topics'] ?? [c.source.topic?.code ?? '?'];
const topics = async (name: string, now: string): Promise<string[]> => (await cliCards(['evaluate', file(name), '--now', now, '--json'])).flatMap(topicsOf);

describe('a product switch recorded as the old entry stopped after the new one began', () => {
  it('Prolia stopped 20 March, Obodence active (and injected) from 10 March: the next injection is due in September, overdue in November — never "denosumab stopped"', async () => {
    const due = await topics('prolia-to-obodence', '2026-09-12');
    expect(due).toContain('denosumab-injection-due');
    expect(due).not.toContain('denosumab-stopped');
    const overdue = await topics('prolia-to-obodence', '2026-11-26');
    expect(overdue).toContain('denosumab-overdue');
    expect(overdue).not.toContain('denosumab-stopped');
  });

  it('Fosamax from 2014 stopped June 2024, generic alendronate active from May 2024: 12 years of alendronate get the ten-year card, not a pause', async () => {
    const shown = await topics('fosamax-to-generic-12y', '2026-11-26');
    expect(shown).toContain('bisphosphonate-ten-years');
    expect(shown).not.toContain('bisphosphonate-pause-review');
  });
});
