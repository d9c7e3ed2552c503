/**
 * Feedback durability: the real entry point (src/main.ts, run by node with tsx) on a temp SQLite
 * file takes feedback, is killed with SIGKILL the moment the last batch is acknowledged (more is
 * in flight), and is started again on the same file: every acknowledged item is there, and the
 * database is intact. WAL with synchronous = FULL makes a 200 mean "on disk".
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { exited, killAll, startService } from '../helpers/process.js';

function batch(n: number): { card: string; outcome: string; overrideReason: { reason: { code: string } }; outcomeTimestamp: string }[] {
  return Array.from({ length: n }, (_, i) => ({
    card: randomUUID(),
    outcome: 'overridden',
    overrideReason: { reason: { code: 'patient-declined' } },
    outcomeTimestamp: new Date(Date.UTC(2025, 5, 1, 10, 0, i)).toISOString(),
  }));
}

afterEach(() => {
  killAll();
});

describe('feedback durability', () => {
  it('every acknowledged item survives a SIGKILL right after its 200, and the database is intact', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'osteo-cds-durability-')), 'feedback.sqlite');
    const first = await startService({ CDS_FEEDBACK_DB: db });

    const acknowledged: string[] = [];
    const send = async (items: ReturnType<typeof batch>, service: string): Promise<void> => {
      const res = await fetch(`${first.url}/cds-services/${service}/feedback`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ feedback: items }),
      });
      if (res.status === 200) acknowledged.push(...items.map((i) => i.card));
    };
    // 40 batches of 5 in parallel over the four services: 200 items.
    const services = ['osteoporosis-patient-view', 'osteoporosis-order-select', 'osteoporosis-order-sign', 'osteoporosis-medication-prescribe'];
    await Promise.all(Array.from({ length: 40 }, (_, i) => send(batch(5), services[i % 4]!)));
    expect(acknowledged).toHaveLength(200);

    // The last batch: kill the moment it is acknowledged, with more still in flight.
    const last = batch(3);
    await send(last, 'osteoporosis-order-sign');
    const inFlight = Array.from({ length: 10 }, () => send(batch(5), 'osteoporosis-patient-view').catch(() => undefined));
    first.child.kill('SIGKILL');
    expect((await exited(first.child)).signal).toBe('SIGKILL');
    await Promise.all(inFlight);
    expect(acknowledged.length).toBeGreaterThanOrEqual(203);

    // Restart on the same file: it opens (WAL recovery) and serves.
    const second = await startService({ CDS_FEEDBACK_DB: db });
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);

    const store = openSqliteStore(db);
    const stored = new Set((await store.list()).map((f) => f.card));
    await store.close();
    const lost = acknowledged.filter((card) => !stored.has(card));
    expect(lost).toEqual([]);

    const check = new Database(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    second.child.kill('SIGTERM');
    await exited(second.child);
  }, 30_000);
});
