/**
 * Two replicas of the real entry point (src/main.ts in two processes) on one PostgreSQL database,
 * as behind a load balancer: a JWT used at one is refused at the other (the replay cache is
 * shared), feedback given at A on A's card is counted in /stats at B, and a replica SIGKILLed in
 * the middle of traffic loses no feedback it acknowledged. Needs a real server (two processes'
 * connections at once): with none, it says so in one line.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exited, killAll, startService, type Running } from '../helpers/process.js';
import { jwks, makeKey, signToken, writeJwksFile, type TestKey } from '../helpers/jwt.js';
import { needsRealServer, testPostgres, type TestPostgres } from '../helpers/postgres.js';

const PUBLIC_URL = 'https://cds.example.test';
const EHR = 'https://ehr.example.dk';
const ADMIN = 'an-admin-token-for-the-replica-test';
const PV = '/cds-services/osteoporosis-patient-view';
const request = JSON.parse(readFileSync(new URL('../../fixtures/follow-up-denosumab-overdue/request.json', import.meta.url), 'utf8')) as Record<string, unknown>;

let db: TestPostgres;
let key: TestKey;
beforeAll(async () => {
  db = await testPostgres();
  key = await makeKey('ES384', 'replica-test');
}, 60_000);
afterEach(() => {
  killAll();
});
afterAll(async () => {
  await db.close();
});

/** Both replicas behind one public URL (the token's aud), sharing the database. */
async function replicas(url: string): Promise<[Running, Running]> {
  const env = {
    CDS_DATABASE_URL: url,
    CDS_TRUSTED_ISSUERS: JSON.stringify({ [EHR]: { jwks: writeJwksFile(jwks(key)), tenants: ['clinic-a'] } }),
    CDS_PUBLIC_URL: PUBLIC_URL,
    CDS_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'info',
  };
  // One after the other: the second finds the schema migrated (starting together is store-tested).
  const a = await startService(env);
  const b = await startService(env);
  return [a, b];
}

const bearer = async (path: string, claims: Record<string, unknown> = {}): Promise<string> =>
  `Bearer ${await signToken(key, EHR, `${PUBLIC_URL}${path}`, { claims: { tenant: 'clinic-a', ...claims } })}`;

function post(replica: Running, path: string, authorization: string, body: unknown): Promise<Response> {
  return fetch(`${replica.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: authorization }, body: JSON.stringify(body) });
}

describe('two replicas on one PostgreSQL database', () => {
  it('a token used at one replica is refused at the other; feedback at A counts in /stats at B', async () => {
    if (!needsRealServer(db, 'two-replica test')) return;
    const { url } = await db.createSchema();
    const [a, b] = await replicas(url);

    const token = await bearer(PV);
    const first = await post(a, PV, token, request);
    expect(first.status).toBe(200);
    expect((await post(b, PV, token, request)).status).toBe(401);
    expect((await post(a, PV, token, request)).status).toBe(401);

    const cards = ((await first.json()) as { cards: { uuid: string }[] }).cards;
    expect(cards.length).toBeGreaterThan(0);
    const feedback = { feedback: [{ card: cards[0]!.uuid, outcome: 'overridden', overrideReason: { reason: { code: 'patient-declined' } }, outcomeTimestamp: new Date().toISOString() }] };
    expect((await post(a, `${PV}/feedback`, await bearer(`${PV}/feedback`), feedback)).status).toBe(200);

    // A writes its issued cards in batches (within 200 ms): ask B until they are there.
    let totals: { shown: number; overridden: number } = { shown: 0, overridden: 0 };
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const stats = await fetch(`${b.url}/stats?tenant=clinic-a`, { headers: { Authorization: `Bearer ${ADMIN}` } });
      totals = ((await stats.json()) as { totals: typeof totals }).totals;
      if (totals.overridden > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(totals).toMatchObject({ shown: cards.length, overridden: 1 });
  }, 90_000);

  it('a replica SIGKILLed in the middle of traffic loses no acknowledged feedback', async () => {
    if (!needsRealServer(db, 'two-replica test')) return;
    const { schema, url } = await db.createSchema();
    const [a, b] = await replicas(url);
    const acknowledged: string[] = [];
    const send = async (replica: Running): Promise<void> => {
      const items = Array.from({ length: 5 }, (_, i) => ({
        card: randomUUID(),
        outcome: 'overridden',
        outcomeTimestamp: new Date(Date.UTC(2026, 10, 26, 9, 0, i)).toISOString(),
      }));
      const res = await post(replica, `${PV}/feedback`, await bearer(`${PV}/feedback`), { feedback: items });
      if (res.status === 200) acknowledged.push(...items.map((i) => i.card));
    };
    // Traffic to both; A is killed the moment one of its batches is acknowledged, more in flight.
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(i % 2 === 0 ? a : b)));
    const inFlight = Array.from({ length: 20 }, (_, i) => send(i % 2 === 0 ? a : b).catch(() => undefined));
    await send(a);
    a.child.kill('SIGKILL');
    expect((await exited(a.child)).signal).toBe('SIGKILL');
    await Promise.all(inFlight);
    // B goes on serving.
    await send(b);
    expect(acknowledged.length).toBeGreaterThanOrEqual(21 * 5);

    const { rows } = await db.query(schema, 'SELECT card_uuid FROM feedback');
    const stored = new Set(rows.map((r: { card_uuid: string }) => r.card_uuid));
    expect(acknowledged.filter((card) => !stored.has(card))).toEqual([]);
  }, 90_000);
});
