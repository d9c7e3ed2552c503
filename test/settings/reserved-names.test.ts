/**
 * Issue 13, finding 9: a site config or terminology file with a key named like a property every
 * JavaScript object has (`__proto__`, `constructor`, `toString`) is a listed configuration
 * problem at start, never a TypeError (nor a silently replaced prototype).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteSettings } from '../../src/settings/site-config.js';

const dir = mkdtempSync(join(tmpdir(), 'osteo-cds-reserved-'));
let n = 0;
/** The JSON text is written as is: `__proto__` must reach the file as a key, which an object literal would not do. */
const file = (json: string): string => {
  n += 1;
  const path = join(dir, `f${n}.json`);
  writeFileSync(path, json);
  return path;
};

const concept = (name: string): string => `{"${name}": {"kind": "observation", "codings": [{"system": "http://loinc.org", "code": "1234-5", "match": "exact"}]}}`;

/** The problems start-up would list (it throws them as one ConfigError). */
function problemsOf(files: Parameters<typeof readSiteSettings>[0]): readonly string[] {
  const reading = readSiteSettings(files);
  if (reading.ok) throw new Error('expected listed problems');
  return reading.problems;
}

describe.each(['__proto__', 'constructor', 'toString'])('a key named %s', (name) => {
  it('as a concept of the site config terminology', () => {
    const problems = problemsOf({ siteConfigFile: file(`{"terminology": {"concepts": ${concept(name)}}}`), terminologyFile: undefined });
    expect(problems.join('\n')).toContain(`terminology.concepts.${name}`);
  });

  it('as a concept, code system or prednisolone equivalent of CDS_TERMINOLOGY', () => {
    const terminology = file(`{"concepts": ${concept(name)}, "systems": {"${name}": {"uris": ["urn:x"], "normalise": "upper"}}, "prednisoloneEquivalents": {"${name}": 1}}`);
    const problems = problemsOf({ siteConfigFile: undefined, terminologyFile: terminology });
    expect(problems.join('\n')).toContain(`concepts.${name}`);
    expect(problems.join('\n')).toContain(`systems.${name}`);
    expect(problems.join('\n')).toContain(`prednisoloneEquivalents.${name}`);
    // Both files: every problem of both listed.
    const both = problemsOf({ siteConfigFile: file(`{"terminology": {"concepts": ${concept(name)}}}`), terminologyFile: terminology });
    expect(both.some((p) => p.startsWith('CDS_SITE_CONFIG'))).toBe(true);
    expect(both.some((p) => p.startsWith('CDS_TERMINOLOGY'))).toBe(true);
  });

  it('as a link or a freshness window of the site config', () => {
    const problems = problemsOf({ siteConfigFile: file(`{"links": {"${name}": {"url": "https://x.dk"}}, "freshnessDays": {"${name}": 3}}`), terminologyFile: undefined });
    expect(problems.join('\n')).toContain(`links.${name}`);
  });
});

it('ordinary names still load', () => {
  expect(readSiteSettings({ siteConfigFile: file(`{"terminology": {"concepts": ${concept('site-local-marker')}}}`), terminologyFile: undefined }).ok).toBe(true);
});
