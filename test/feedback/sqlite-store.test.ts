import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteFeedbackStore } from '../../src/feedback/sqlite-store.js';
import type { FeedbackItem } from '../../src/feedback/store.js';

const item: FeedbackItem = { card: 'AAAAAAAA-3c9d-4e8f-a1b2-c3d4e5f60718', outcome: 'overridden', acceptedSuggestions: [], outcomeTimestamp: '2025-01-01T00:00:00Z' };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SQLite feedback store', () => {
  it('reports inserted and duplicate counts; card uuids compare case-insensitively', () => {
    const store = openSqliteFeedbackStore(':memory:');
    expect(store.record('s', [item, item], new Date())).toEqual({ inserted: 1, duplicates: 1 });
    expect(store.record('s', [{ ...item, card: item.card.toLowerCase() }], new Date())).toEqual({ inserted: 0, duplicates: 1 });
    store.close();
  });

  it('uses WAL and synchronous=FULL, and records its schema version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteo-cds-store-'));
    dirs.push(dir);
    const file = join(dir, 'f.sqlite');
    const store = openSqliteFeedbackStore(file);
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('a batch is all or nothing', () => {
    const store = openSqliteFeedbackStore(':memory:');
    const bad = { ...item, card: 'x', outcomeTimestamp: 'not a date' };
    expect(() => store.record('s', [item, bad], new Date())).toThrow();
    expect(store.list()).toEqual([]);
    store.close();
  });

  it('close is safe to call twice', () => {
    const store = openSqliteFeedbackStore(':memory:');
    store.close();
    expect(() => store.close()).not.toThrow();
  });
});
