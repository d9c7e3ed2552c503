/**
 * The real entry point: draining on SIGTERM (/readyz 503 while requests are still served, then a
 * clean exit), and one clear line — no stack trace — when the data folder cannot be written.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exited, killAll, spawnService, startService } from '../helpers/process.js';

afterEach(() => {
  killAll();
});

async function untilStatus(url: string, status: number): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === status) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${url} never answered ${status}`);
}

describe('draining on SIGTERM', () => {
  it('answers /readyz 503 while still serving, then closes and exits 0', async () => {
    const { child, url } = await startService({ CDS_FEEDBACK_DB: ':memory:', CDS_DRAIN_MS: '60000', CDS_PREVIEW: 'off' });
    await untilStatus(`${url}/readyz`, 200);
    const done = exited(child);
    child.kill('SIGTERM');
    await untilStatus(`${url}/readyz`, 503);
    // Still serving while load balancers take it out of rotation.
    expect((await fetch(`${url}/livez`)).status).toBe(200);
    expect((await fetch(`${url}/cds-services`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(503);
    // A second signal ends the drain at once (the 60 s drain would outlast this test).
    child.kill('SIGTERM');
    const { code } = await done;
    expect(code).toBe(0);
  }, 30_000);
});

describe('a data folder that cannot be written', () => {
  async function startFailure(dbPath: string, user: { uid?: number; gid?: number } = {}): Promise<{ code: number | null; lines: string[] }> {
    const child = spawnService({ CDS_FEEDBACK_DB: dbPath }, user);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const { code, stdout } = await exited(child);
    expect(stderr).toBe('');
    return { code, lines: stdout.split('\n').filter((l) => l.trim() !== '') };
  }

  it('exits 1 with one fatal line naming the folder and the fix, no stack trace (folder blocked by a file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteo-data-'));
    writeFileSync(join(dir, 'data'), 'a file where the folder should be');
    const { code, lines } = await startFailure(join(dir, 'data', 'feedback.sqlite'));
    expect(code).toBe(1);
    const fatal = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 60);
    expect(fatal).toHaveLength(1);
    expect(fatal[0]?.msg).toMatch(/^the data folder .*data cannot be created \(E[A-Z]+\): mount a writable volume .*CDS_FEEDBACK_DB.*; not starting$/);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  }, 20_000);

  it('exits 1 with one fatal line when the folder is read-only (as a non-root user, like the image)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteo-data-'));
    chmodSync(dir, 0o755);
    const data = join(dir, 'data');
    mkdirSync(data);
    chmodSync(data, 0o555);
    // root may write anywhere: run the service as nobody then.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const { code, lines } = await startFailure(join(data, 'feedback.sqlite'), asNobody);
    expect(code).toBe(1);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"msg":"the data folder .* is not writable \(EACCES\): mount a writable volume/);
  }, 20_000);
});
