/**
 * Feedback statistics: issued cards recorded off the request path (batched), feedback joined to
 * them by card uuid, GET /stats behind CDS_ADMIN_TOKEN.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { createIssuedCardRecorder } from '../../src/feedback/issued-recorder.js';
import { openSqliteFeedbackStore } from '../../src/feedback/sqlite-store.js';
import type { IssuedCard } from '../../src/feedback/store.js';
import { bearerMatches } from '../../src/http/routes/stats.js';
import { card, fakeEngine, makeApp } from '../helpers/app.js';

const TOKEN = 'a-long-admin-token-for-tests';
const AT = '2026-11-26T09:00:00.000Z';

const issued = (topic: string, over: Partial<IssuedCard> = {}): IssuedCard => ({
  uuid: randomUUID(),
  serviceId: 'osteoporosis-patient-view',
  topic,
  indicator: 'info',
  issuedAt: AT,
  ...over,
});
const overrideOf = (uuid: string, code: string | undefined, timestamp = '2026-11-26T09:05:00Z') => ({
  card: uuid,
  outcome: 'overridden' as const,
  acceptedSuggestions: [],
  ...(code === undefined ? {} : { overrideReason: { code } }),
  outcomeTimestamp: timestamp,
});
const acceptOf = (uuid: string) => ({ card: uuid, outcome: 'accepted' as const, acceptedSuggestions: [randomUUID()], outcomeTimestamp: '2026-11-26T09:04:00Z' });

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('issued cards in the store, joined to feedback', () => {
  it('counts shown, accepted and overridden per topic, with override reasons', () => {
    const store = openSqliteFeedbackStore(':memory:');
    const [a1, a2, a3, b1] = [issued('vitamin-d-calcium'), issued('vitamin-d-calcium'), issued('vitamin-d-calcium'), issued('treatment-indicated', { indicator: 'warning' })];
    expect(store.recordIssued([a1, a2, a3, b1])).toBe(4);
    store.record('osteoporosis-patient-view', [acceptOf(a1.uuid), overrideOf(a2.uuid, 'patient-declined'), overrideOf(b1.uuid, undefined)], new Date(AT));
    expect(store.stats()).toEqual({
      firstIssuedAt: AT,
      unmatchedFeedbackCards: 0,
      topics: [
        { topic: 'vitamin-d-calcium', shown: 3, accepted: 1, overridden: 1, overrideReasons: [{ code: 'patient-declined', count: 1 }] },
        { topic: 'treatment-indicated', shown: 1, accepted: 0, overridden: 1, overrideReasons: [{ code: 'unspecified', count: 1 }] },
      ],
    });
  });

  it('is idempotent: repeated feedback about a card counts the card once', () => {
    const store = openSqliteFeedbackStore(':memory:');
    const a = issued('denosumab-overdue', { indicator: 'critical' });
    store.recordIssued([a]);
    const fb = overrideOf(a.uuid, 'already-addressed');
    store.record('osteoporosis-patient-view', [fb, fb], new Date(AT)); // the same event twice in one batch
    store.record('osteoporosis-patient-view', [fb], new Date(AT)); // and retried
    store.record('osteoporosis-patient-view', [overrideOf(a.uuid, 'already-addressed', '2026-11-26T10:00:00Z')], new Date(AT)); // dismissed again later
    store.record('osteoporosis-patient-view', [{ ...acceptOf(a.uuid), card: a.uuid.toUpperCase() }], new Date(AT));
    expect(store.recordIssued([a])).toBe(0); // a uuid is stored once
    expect(store.stats().topics).toEqual([
      { topic: 'denosumab-overdue', shown: 1, accepted: 1, overridden: 1, overrideReasons: [{ code: 'already-addressed', count: 1 }] },
    ]);
  });

  it('counts feedback about cards it has no record of separately', () => {
    const store = openSqliteFeedbackStore(':memory:');
    store.record('osteoporosis-patient-view', [overrideOf(randomUUID(), 'not-applicable')], new Date(AT));
    expect(store.stats()).toEqual({ firstIssuedAt: undefined, topics: [], unmatchedFeedbackCards: 1 });
  });

  it('limits by issue time with since', () => {
    const store = openSqliteFeedbackStore(':memory:');
    store.recordIssued([issued('vitamin-d-calcium', { issuedAt: '2026-01-01T10:00:00.000Z' }), issued('vitamin-d-calcium')]);
    expect(store.stats({ since: '2026-06-01T00:00:00.000Z' }).topics[0]?.shown).toBe(1);
  });

  it('migrates a version-1 feedback database and keeps its feedback', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteo-stats-'));
    tempDirs.push(dir);
    const path = join(dir, 'feedback.sqlite');
    const old = openSqliteFeedbackStore(path);
    old.record('osteoporosis-patient-view', [overrideOf(randomUUID(), 'patient-declined')], new Date(AT));
    old.close();
    const raw = new Database(path);
    raw.exec('DROP TABLE issued_cards; DROP INDEX feedback_card_uuid;');
    raw.pragma('user_version = 1');
    raw.close();
    const store = openSqliteFeedbackStore(path);
    expect(store.list()).toHaveLength(1);
    store.recordIssued([issued('vitamin-d-calcium')]);
    expect(store.stats().topics).toHaveLength(1);
    store.close();
  });
});

describe('the issued-card recorder', () => {
  const cards = (n: number): Card[] => Array.from({ length: n }, () => card('vitamin-d-calcium', ['ppi-user']));

  it('queues without touching the store, and writes one batch on flush', () => {
    const written: IssuedCard[][] = [];
    const recorder = createIssuedCardRecorder({ recordIssued: (b) => (written.push([...b]), b.length) }, { flushMs: 60_000 });
    recorder.record('osteoporosis-patient-view', cards(2), new Date(AT));
    recorder.record('osteoporosis-order-sign', cards(1), new Date(AT));
    expect(written).toEqual([]);
    recorder.flush();
    expect(written).toHaveLength(1);
    expect(written[0]?.map((c) => c.serviceId)).toEqual(['osteoporosis-patient-view', 'osteoporosis-patient-view', 'osteoporosis-order-sign']);
    expect(Object.keys(written[0]![0]!).sort()).toEqual(['indicator', 'issuedAt', 'serviceId', 'topic', 'uuid']);
    recorder.close();
  });

  it('writes on its own after the timer, and at once (next tick) when a batch is full', async () => {
    const written: number[] = [];
    const recorder = createIssuedCardRecorder({ recordIssued: (b) => (written.push(b.length), b.length) }, { flushMs: 20, batchSize: 5 });
    recorder.record('osteoporosis-patient-view', cards(2), new Date(AT));
    await new Promise((r) => setTimeout(r, 60));
    expect(written).toEqual([2]);
    recorder.record('osteoporosis-patient-view', cards(5), new Date(AT));
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual([2, 5]);
    recorder.close();
  });

  it('is bounded: past maxQueue cards are dropped and counted, and a failing store never throws', () => {
    const recorder = createIssuedCardRecorder(
      {
        recordIssued: () => {
          throw new Error('disk full');
        },
      },
      { maxQueue: 3, flushMs: 60_000 },
    );
    recorder.record('osteoporosis-patient-view', cards(5), new Date(AT));
    expect(recorder.dropped).toBe(2);
    expect(() => recorder.flush()).not.toThrow();
    recorder.close();
  });

  it('flushes on close and ignores cards after it', () => {
    let count = 0;
    const recorder = createIssuedCardRecorder({ recordIssued: (b) => (count += b.length) }, { flushMs: 60_000 });
    recorder.record('osteoporosis-patient-view', cards(2), new Date(AT));
    recorder.close();
    recorder.record('osteoporosis-patient-view', cards(2), new Date(AT));
    recorder.flush();
    expect(count).toBe(2);
  });
});

describe('GET /stats', () => {
  const patientView = {
    hookInstance: randomUUID(),
    hook: 'patient-view',
    context: { userId: 'Practitioner/1', patientId: 'pat-1' },
    prefetch: { patient: { resourceType: 'Patient', id: 'pat-1' }, observations: null, conditions: null, medicationStatements: null, medicationRequests: null, medicationAdministrations: null, allergies: null, familyHistory: null },
  };

  it('does not exist without CDS_ADMIN_TOKEN (404)', async () => {
    const { app } = makeApp();
    await request(app).get('/stats').set('Authorization', `Bearer ${TOKEN}`).expect(404);
  });

  it('answers 401 without the token or with a wrong one, with no detail', async () => {
    const { app } = makeApp({ config: { adminToken: TOKEN } });
    for (const auth of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, 'Bearer ']) {
      const req = request(app).get('/stats');
      const res = await (auth === undefined ? req : req.set('Authorization', auth));
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.stringify(res.body)).not.toContain('token');
    }
  });

  it('counts the cards the hook routes issued and the feedback about them', async () => {
    const engine = fakeEngine(() => [card('vitamin-d-calcium', ['ppi-user']), card('treatment-indicated', ['t-score'], 'warning')]);
    const { app } = makeApp({ config: { adminToken: TOKEN }, engine });
    const first = await request(app).post('/cds-services/osteoporosis-patient-view').send(patientView).expect(200);
    await request(app).post('/cds-services/osteoporosis-patient-view').send(patientView).expect(200);
    // Calls from the preview page are not counted.
    await request(app).post('/cds-services/osteoporosis-patient-view').set('X-Osteo-Preview', '1').send(patientView).expect(200);
    const [vitD, treat] = (first.body as { cards: Card[] }).cards;
    await request(app)
      .post('/cds-services/osteoporosis-patient-view/feedback')
      .send({ feedback: [{ card: treat!.uuid, outcome: 'overridden', overrideReason: { reason: { code: 'patient-declined' } }, outcomeTimestamp: '2026-11-26T09:05:00Z' }, { card: vitD!.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: randomUUID() }], outcomeTimestamp: '2026-11-26T09:05:00Z' }] })
      .expect(200);
    const res = await request(app).get('/stats').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({
      totals: { shown: 4, accepted: 1, overridden: 1 },
      unmatchedFeedbackCards: 0,
      droppedSinceStart: 0,
      topics: [
        { topic: 'treatment-indicated', shown: 2, accepted: 0, overridden: 1, overrideReasons: [{ code: 'patient-declined', count: 1 }], title: { da: expect.any(String), en: expect.any(String) } },
        { topic: 'vitamin-d-calcium', shown: 2, accepted: 1, overridden: 0, overrideReasons: [] },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain('pat-1');
  });

  it('rejects a since that is not a date', async () => {
    const { app } = makeApp({ config: { adminToken: TOKEN } });
    const res = await request(app).get('/stats?since=yesterday').set('Authorization', `Bearer ${TOKEN}`).expect(400);
    expect(res.body.issue[0].expression).toEqual(['since']);
    await request(app).get('/stats?since=2026-01-01').set('Authorization', `Bearer ${TOKEN}`).expect(200);
  });

  it('compares tokens exactly', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
    expect(bearerMatches(undefined, TOKEN)).toBe(false);
  });
});
