/**
 * Start-up in one place (src/startup.ts): the environment, CDS_SITE_CONFIG and CDS_TERMINOLOGY are
 * read once, and whatever is wrong in any of them comes back in one ConfigError.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/rules/settings.js';
import { ConfigError } from '../../src/shared/config-error.js';
import { assembleService } from '../../src/startup.js';

const dir = mkdtempSync(join(tmpdir(), 'osteo-startup-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    assembleService(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('assembleService', () => {
  it('an empty environment gives the card defaults and the built-in bindings', () => {
    const { config, engine } = assembleService({});
    expect(config.port).toBe(3000);
    expect(engine.observationCodes.length).toBeGreaterThan(0);
  });

  it('lists the problems of the environment, the site file and the terminology file in one error', () => {
    const problems = problemsOf({
      PORT: '70000',
      CDS_SITE_CONFIG: file('site.json', { lowBmi: 1 }),
      CDS_TERMINOLOGY: file('terminology.json', '{ not json'),
    }).join('\n');
    expect(problems).toMatch(/PORT: must be at most 65535/);
    expect(problems).toMatch(/CDS_SITE_CONFIG .*site\.json: lowBmi: must be above 10/);
    expect(problems).toMatch(/CDS_TERMINOLOGY .*terminology\.json: is not JSON/);
  });

  it('CDS_TERMINOLOGY alone is checked like the site file (a bad binding is a start-up problem)', () => {
    const problems = problemsOf({ CDS_TERMINOLOGY: file('new-concept.json', { concepts: { 'made-up': { codings: [] } } }) });
    expect(problems.join('\n')).toMatch(/^CDS_TERMINOLOGY .*new-concept\.json: concepts\.made-up\.kind: a new concept needs a kind$/m);
  });

  it('builds the engine from the site settings and local codes', () => {
    const terminology = file('local.json', { concepts: { p1np: { codings: [{ system: 'urn:oid:1.2.208.176.2.1', code: 'DNK99001', match: 'exact' }] } } });
    const { engine } = assembleService({ CDS_TERMINOLOGY: terminology, CDS_SITE_CONFIG: file('site3.json', { dxaWorkupYears: DEFAULT_SETTINGS.dxaWorkupYears + 1 }) });
    expect(engine.observationCodes).toContain('DNK99001');
  });
});
