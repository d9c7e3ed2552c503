/**
 * Every environment variable of the config schema is documented: a row of the README's
 * configuration table and of docs/configuration.md. A new variable without its row fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../../src/config.js';

/** Variable names in the first column of Markdown table rows (`| \`PORT\` / \`HOST\` | …`). */
function documented(file: string): Set<string> {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const names = new Set<string>();
  for (const row of text.split('\n').filter((l) => l.startsWith('| `'))) {
    const first = row.split('|')[1] ?? '';
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1] ?? '');
  }
  return names;
}

describe('configuration documentation', () => {
  for (const file of ['README.md', 'docs/configuration.md']) {
    it(`${file} has a row for every variable of src/config.ts`, () => {
      const rows = documented(file);
      expect(CONFIG_VARIABLES.filter((v) => !rows.has(v))).toEqual([]);
    });
  }
});
