/**
 * The import rules of .dependency-cruiser.mjs bite: a small tree laid out like src/ with one import
 * against the pipeline's direction per rule, and a cycle, is cruised with the real rule set.
 * (`npm run lint` cruises the real src/ with the same rules.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import extractDepcruiseConfig from 'dependency-cruiser/config-utl/extract-depcruise-config';

/** file → the files it imports (paths under the tree's src/). */
const TREE: Record<string, readonly string[]> = {
  'contract/topics.js': [],
  'contract/leaks.js': ['facts/build.js'], // contract imports a stage
  'shared/json.js': ['contract/topics.js'], // a helper imports a stage
  'prefetch/resolve.js': ['rules/catalogue.js'], // protocol reads the guideline
  'cds-hooks/discovery.js': ['cards/texts.js'], // protocol reads card texts
  'http/stats.js': ['contract/topics.js'], // allowed
  'facts/build.js': ['rules/catalogue.js'], // facts look ahead to rules
  'rules/catalogue.js': ['contract/topics.js'], // allowed
  'rules/dose.js': ['prefetch/resolve.js'], // rules read raw prefetch data
  'cards/texts.js': ['rules/catalogue.js', 'http/stats.js'], // rules allowed, http not
  'store/store.js': ['cards/texts.js'], // storage words cards
  'time/a.js': ['time/b.js'], // a cycle
  'time/b.js': ['time/a.js'],
};

let root = '';
let violations: readonly string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'osteo-import-rules-'));
  for (const [file, imports] of Object.entries(TREE)) {
    const path = join(root, 'src', file);
    mkdirSync(dirname(path), { recursive: true });
    const from = dirname(file);
    const lines = imports.map((target, i) => {
      const rel = from === dirname(target) ? `./${target.slice(from.length + 1)}` : `../${target}`;
      return `import * as m${i} from '${rel}';\nexport const use${i} = m${i};`;
    });
    writeFileSync(path, `${lines.join('\n')}\nexport const here = 1;\n`);
  }
  const config = await extractDepcruiseConfig(join(import.meta.dirname, '../../.dependency-cruiser.mjs'));
  const result = await cruise(['src'], { ruleSet: { forbidden: config.forbidden ?? [] }, validate: true, baseDir: root });
  const output = result.output as ICruiseResult;
  violations = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}, 60_000);

afterAll(() => {
  if (root !== '') rmSync(root, { recursive: true, force: true });
});

describe('import rules', () => {
  it.each([
    'contract-imports-no-stage: src/contract/leaks.js → src/facts/build.js',
    'helpers-import-no-stage: src/shared/json.js → src/contract/topics.js',
    'protocol-knows-no-guideline: src/prefetch/resolve.js → src/rules/catalogue.js',
    'protocol-knows-no-guideline: src/cds-hooks/discovery.js → src/cards/texts.js',
    'facts-before-rules: src/facts/build.js → src/rules/catalogue.js',
    'rules-are-pure: src/rules/dose.js → src/prefetch/resolve.js',
    'cards-know-no-http: src/cards/texts.js → src/http/stats.js',
    'store-knows-no-guideline: src/store/store.js → src/cards/texts.js',
  ])('rejects %s', (violation) => {
    expect(violations).toContain(violation);
  });

  it('rejects a cycle', () => {
    expect(violations.some((v) => v.startsWith('no-circular: src/time/'))).toBe(true);
  });

  it('allows imports along the direction (and only the planted ones fail)', () => {
    expect(violations.filter((v) => v.includes('http/stats.js →') || v.startsWith('rules-are-pure: src/rules/catalogue.js'))).toEqual([]);
    expect(violations.filter((v) => !v.startsWith('no-circular'))).toHaveLength(8);
  });
});
