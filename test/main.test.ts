/** The entry point refuses to start on an unsafe authentication configuration, listing why. */
import { afterEach, describe, expect, it } from 'vitest';
import { writeJwksFile } from './helpers/jwt.js';
import { exited, killAll, spawnService } from './helpers/process.js';

afterEach(() => {
  killAll();
});

async function problemsAtStart(env: Record<string, string>): Promise<string> {
  const { code, stdout } = await exited(spawnService(env));
  expect(code).toBe(1);
  const fatal = stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { msg: string; problems?: string[] })
    .find((l) => l.msg === 'invalid configuration; not starting');
  return (fatal?.problems ?? []).join('\n');
}

describe('start-up checks of JWT configuration', () => {
  it('exits 1 when a JWKS file is missing or holds a private key', async () => {
    const keyPair = writeJwksFile({ keys: [{ kty: 'EC', crv: 'P-384', kid: 'k', x: 'AA', y: 'AA', d: 'AA' }] });
    const problems = await problemsAtStart({
      CDS_TRUSTED_ISSUERS: JSON.stringify({ 'https://a.example': '/nonexistent/jwks.json', 'https://b.example': keyPair }),
      CDS_FEEDBACK_DB: ':memory:',
    });
    expect(problems).toMatch(/https:\/\/a\.example: JWKS file \/nonexistent\/jwks\.json cannot be read/);
    expect(problems).toMatch(/https:\/\/b\.example: .*private key material/);
  }, 20_000);

  it('exits 1 on none or HS* algorithms and on a plain-http JWKS URL off loopback', async () => {
    const problems = await problemsAtStart({
      CDS_TRUSTED_ISSUERS: JSON.stringify({ 'https://a.example': 'http://keys.example.org/jwks.json' }),
      CDS_JWT_ALGORITHMS: 'ES384,HS256,none',
      CDS_FEEDBACK_DB: ':memory:',
    });
    expect(problems).toMatch(/HS256 is never allowed/);
    expect(problems).toMatch(/none is never allowed/);
    expect(problems).toMatch(/JWKS URL must be https/);
  }, 20_000);
});
