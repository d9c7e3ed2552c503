/**
 * The real entry point on PostgreSQL: with CDS_DATABASE_URL it migrates the database, keeps
 * feedback there and answers /readyz; a database it cannot reach is one log line and exit 1
 * (never the URL's password).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exited, killAll, spawnService, startService } from '../helpers/process.js';
import { testPostgres, type TestPostgres } from '../helpers/postgres.js';

let db: TestPostgres;
beforeAll(async () => {
  db = await testPostgres();
}, 60_000);
afterEach(() => {
  killAll();
});
afterAll(async () => {
  await db.close();
});

describe('the service on PostgreSQL', () => {
  it('migrates the database at start, is ready, and keeps feedback there', async () => {
    const { schema, url } = await db.createSchema();
    const service = await startService({ CDS_DATABASE_URL: url, CDS_FEEDBACK_DB: '/nonexistent/never-used.sqlite' });
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    const card = randomUUID();
    const res = await fetch(`${service.url}/cds-services/osteoporosis-patient-view/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ feedback: [{ card, outcome: 'overridden', outcomeTimestamp: '2026-11-26T09:05:00Z' }] }),
    });
    expect(res.status).toBe(200);
    service.child.kill('SIGTERM');
    expect((await exited(service.child)).code).toBe(0);
    const { rows } = await db.query(schema, 'SELECT card_uuid FROM feedback');
    expect(rows).toEqual([{ card_uuid: card }]);
  }, 60_000);

  it('exits 1 with one line when the database cannot be reached, never showing the password', async () => {
    const child = spawnService({ CDS_DATABASE_URL: 'postgres://osteo:s3cret-pw@127.0.0.1:1/osteo' });
    const { code, stdout } = await exited(child);
    expect(code).toBe(1);
    const fatal = stdout.split('\n').filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(fatal[0]).toContain('the PostgreSQL database of CDS_DATABASE_URL cannot be opened');
    expect(fatal[0]).toContain('not starting');
    expect(stdout).not.toContain('s3cret-pw');
  }, 60_000);
});
