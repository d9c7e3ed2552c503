/**
 * The production image's promises, read from the Dockerfile (no Docker here): base image pinned by
 * digest, OCI labels with the package version, the preview page off unless asked for, a non-root
 * user, a shutdown (drain + grace) shorter than docker stop's 10 s, and only variables the service
 * knows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/config.js';

const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8').replace(/\\\n/g, ' ');
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const lines = dockerfile.split('\n').map((l) => l.trim());

/** ARG defaults, to resolve `${NAME}` in FROM and LABEL lines. */
const args = Object.fromEntries(lines.flatMap((l) => [...l.matchAll(/^ARG\s+([A-Z_]+)=(\S+)/g)].map((m) => [m[1] ?? '', m[2] ?? ''])));
const resolveArgs = (s: string): string => s.replace(/\$\{([A-Z_]+)\}/g, (_m, name: string) => args[name] ?? '');

/** `KEY=value` pairs of ENV lines (quoted values allowed). */
function envOf(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of lines.filter((l) => l.startsWith('ENV '))) {
    for (const m of line.slice(4).matchAll(/([A-Z_][A-Z0-9_]*)=("[^"]*"|\S+)/g)) env[m[1] ?? ''] = (m[2] ?? '').replace(/^"|"$/g, '');
  }
  return env;
}

describe('Dockerfile', () => {
  it('pins every base image by digest', () => {
    const froms = lines.filter((l) => l.startsWith('FROM ')).map((l) => resolveArgs(l.split(/\s+/)[1] ?? ''));
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const from of froms) expect(from).toMatch(/^node:\d+[\w.-]*@sha256:[0-9a-f]{64}$/);
  });

  it('labels the image with the OCI keys and the package version', () => {
    const label = (key: string): string | undefined => new RegExp(`${key.replace(/\./g, '\\.')}="([^"]*)"`).exec(resolveArgs(dockerfile))?.[1];
    expect(label('org.opencontainers.image.version')).toBe(version);
    expect(label('org.opencontainers.image.title')).toBe('osteo-cds');
    expect(label('org.opencontainers.image.description')).toBeTruthy();
  });

  it('turns the preview page off, runs as a non-root user, and stops within docker stop’s 10 s', () => {
    const env = envOf();
    const { NODE_ENV: _nodeEnv, ...serviceEnv } = env;
    expect(Object.keys(serviceEnv).filter((k) => !CONFIG_VARIABLES.includes(k))).toEqual([]);
    const config = loadConfig(serviceEnv);
    expect(config.preview).toBe(false);
    expect(config.drainMs + config.shutdownGraceMs).toBeLessThan(10_000);
    expect(lines).toContain('USER node');
    expect(lines).toContain('STOPSIGNAL SIGTERM');
    expect(dockerfile).toMatch(/HEALTHCHECK[^\n]*\/readyz/);
  });
});
