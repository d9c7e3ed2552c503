/**
 * The SQLite store: the shared suite (store-suite.ts), and what is SQLite's own — WAL with
 * synchronous=FULL, schema versions in user_version, migration of earlier files with their
 * feedback kept, a newer file refused.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION } from '../../src/store/sqlite-store.js';
import { storeSuite } from './store-suite.js';

storeSuite('SQLite', (options) => Promise.resolve(openSqliteStore(':memory:', options)));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'osteo-cds-store-'));
  dirs.push(dir);
  return join(dir, 'feedback.sqlite');
}

describe('SQLite store: its own file', () => {
  it('uses WAL and synchronous=FULL, and records its schema version', async () => {
    const file = tempFile();
    await openSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    db.close();
  });

  it.each([1, 2])('migrates a version-%i file and keeps its feedback, as nobody’s (no caller)', async (version) => {
    const file = tempFile();
    const raw = new Database(file);
    for (const sql of SQLITE_MIGRATIONS.slice(0, version)) raw.exec(sql);
    raw.pragma(`user_version = ${version}`);
    const card = randomUUID();
    raw
      .prepare(
        `INSERT INTO feedback (service_id, card_uuid, outcome, outcome_at, outcome_timestamp, accepted_suggestions, received_at)
         VALUES ('osteoporosis-patient-view', ?, 'overridden', '2026-11-26T09:05:00.000Z', '2026-11-26T09:05:00Z', '[]', '2026-11-26T09:06:00.000Z')`,
      )
      .run(card);
    raw.close();

    const store = openSqliteStore(file);
    expect(await store.list()).toEqual([
      expect.objectContaining({ card, issuer: '', tenant: '', outcome: 'overridden', receivedAt: '2026-11-26T09:06:00.000Z' }),
    ]);
    await store.recordIssued([{ uuid: card, serviceId: 'osteoporosis-patient-view', issuer: '', tenant: '', topic: 'vitamin-d-calcium', indicator: 'info', issuedAt: '2026-11-26T09:00:00.000Z' }]);
    expect((await store.stats()).topics).toEqual([{ topic: 'vitamin-d-calcium', shown: 1, accepted: 0, overridden: 1, overrideReasons: [{ code: 'unspecified', count: 1 }] }]);
    await store.close();
  });

  it('refuses a file whose schema is newer than this code, and leaves it as it was', async () => {
    const file = tempFile();
    await openSqliteStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SQLITE_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openSqliteStore(file)).toThrow(`schema version ${SQLITE_SCHEMA_VERSION + 1}, newer than this service knows (${SQLITE_SCHEMA_VERSION})`);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION + 1);
    check.close();
  });

  it('keeps what was stored across a reopen', async () => {
    const file = tempFile();
    const first = openSqliteStore(file);
    await first.record('s', [{ card: randomUUID(), outcome: 'overridden', acceptedSuggestions: [], outcomeTimestamp: '2026-11-26T09:05:00Z' }], new Date());
    expect(await first.rememberToken('k', new Date(Date.now() + 60_000))).toBe(true);
    await first.close();
    const second = openSqliteStore(file);
    expect(await second.list()).toHaveLength(1);
    expect(await second.rememberToken('k', new Date(Date.now() + 60_000))).toBe(false);
    await second.close();
  });
});
