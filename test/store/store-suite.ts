/**
 * The store's behaviour, one suite run against both implementations (sqlite-store.test.ts,
 * postgres-store.test.ts): feedback (idempotent, atomic, per caller), issued cards and /stats
 * counts, the audit log, the JWT replay cache, rate-limit windows, retention.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, FeedbackItem, IssuedCard, Store } from '../../src/store/store.js';

export type OpenStore = (options?: { readonly now?: () => number }) => Promise<Store>;

const AT = '2026-11-26T09:00:00.000Z';
const EHR_A = { issuer: 'https://ehr.example.dk', tenant: 'clinic-a' };
const EHR_B = { issuer: 'https://ehr.example.dk', tenant: 'clinic-b' };

const issued = (topic: string, over: Partial<IssuedCard> = {}): IssuedCard => ({
  uuid: randomUUID(),
  serviceId: 'osteoporosis-patient-view',
  issuer: '',
  tenant: '',
  topic,
  indicator: 'info',
  issuedAt: AT,
  ...over,
});
const overrideOf = (uuid: string, code: string | undefined, timestamp = '2026-11-26T09:05:00Z'): FeedbackItem => ({
  card: uuid,
  outcome: 'overridden',
  acceptedSuggestions: [],
  ...(code === undefined ? {} : { overrideReason: { code } }),
  outcomeTimestamp: timestamp,
});
const acceptOf = (uuid: string): FeedbackItem => ({ card: uuid, outcome: 'accepted', acceptedSuggestions: [randomUUID()], outcomeTimestamp: '2026-11-26T09:04:00Z' });

/** A clock the test moves. */
function manualClock(start = Date.parse(AT)): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

export function storeSuite(name: string, open: OpenStore): void {
  describe(`${name}: feedback`, () => {
    it('reports inserted and duplicate counts; card uuids compare case-insensitively', async () => {
      const store = await open();
      const item = overrideOf('AAAAAAAA-3c9d-4e8f-a1b2-c3d4e5f60718', undefined, '2025-01-01T00:00:00Z');
      expect(await store.record('s', [item, item], new Date())).toEqual({ inserted: 1, duplicates: 1 });
      expect(await store.record('s', [{ ...item, card: item.card.toLowerCase() }], new Date())).toEqual({ inserted: 0, duplicates: 1 });
      await store.close();
    });

    it('one outcome instant in two offsets is one event; another suggestion order is the same set', async () => {
      const store = await open();
      const card = randomUUID();
      const [s1, s2] = [randomUUID(), randomUUID()];
      const accepted = (timestamp: string, ids: string[]): FeedbackItem => ({ card, outcome: 'accepted', acceptedSuggestions: ids, outcomeTimestamp: timestamp });
      expect(await store.record('s', [accepted('2026-11-26T10:05:31Z', [s1, s2])], new Date())).toEqual({ inserted: 1, duplicates: 0 });
      expect(await store.record('s', [accepted('2026-11-26T12:05:31+02:00', [s2, s1, s2])], new Date())).toEqual({ inserted: 0, duplicates: 1 });
      expect(await store.record('s', [accepted('2026-11-26T10:05:32Z', [s1, s2])], new Date())).toEqual({ inserted: 1, duplicates: 0 });
      await store.close();
    });

    it('lists what was stored, oldest first, with the caller and the reason as given', async () => {
      const store = await open();
      const [c1, c2] = [randomUUID(), randomUUID()];
      const receivedAt = new Date('2026-11-26T09:10:00.000Z');
      await store.record(
        'osteoporosis-patient-view',
        [{ ...overrideOf(c1, undefined), overrideReason: { system: 'urn:osteo-cds:override-reason', code: 'clinical-judgement', display: 'Klinisk vurdering', userComment: 'see note' } }],
        receivedAt,
        EHR_A,
      );
      await store.record('osteoporosis-order-sign', [acceptOf(c2)], receivedAt);
      expect(await store.list()).toEqual([
        {
          serviceId: 'osteoporosis-patient-view',
          ...EHR_A,
          card: c1,
          outcome: 'overridden',
          acceptedSuggestions: [],
          overrideReason: { system: 'urn:osteo-cds:override-reason', code: 'clinical-judgement', display: 'Klinisk vurdering', userComment: 'see note' },
          outcomeTimestamp: '2026-11-26T09:05:00Z',
          receivedAt: '2026-11-26T09:10:00.000Z',
        },
        {
          serviceId: 'osteoporosis-order-sign',
          issuer: '',
          tenant: '',
          card: c2,
          outcome: 'accepted',
          acceptedSuggestions: expect.any(Array),
          outcomeTimestamp: '2026-11-26T09:04:00Z',
          receivedAt: '2026-11-26T09:10:00.000Z',
        },
      ]);
      expect((await store.list({ serviceId: 'osteoporosis-order-sign' })).map((f) => f.card)).toEqual([c2]);
      await store.close();
    });

    it('a batch is all or nothing', async () => {
      const store = await open();
      const bad = { ...overrideOf('x', undefined), outcomeTimestamp: 'not a date' };
      await expect(store.record('s', [overrideOf(randomUUID(), undefined), bad], new Date())).rejects.toThrow();
      expect(await store.list()).toEqual([]);
      await store.close();
    });
  });

  describe(`${name}: issued cards joined to feedback`, () => {
    it('counts shown, accepted and overridden per topic, with override reasons', async () => {
      const store = await open();
      const [a1, a2, a3, b1] = [issued('vitamin-d-calcium'), issued('vitamin-d-calcium'), issued('vitamin-d-calcium'), issued('treatment-indicated', { indicator: 'warning' })];
      expect(await store.recordIssued([a1, a2, a3, b1])).toBe(4);
      await store.record('osteoporosis-patient-view', [acceptOf(a1.uuid), overrideOf(a2.uuid, 'patient-declined'), overrideOf(b1.uuid, undefined)], new Date(AT));
      expect(await store.stats()).toEqual({
        firstIssuedAt: AT,
        unmatchedFeedbackCards: 0,
        topics: [
          { topic: 'vitamin-d-calcium', shown: 3, accepted: 1, overridden: 1, overrideReasons: [{ code: 'patient-declined', count: 1 }] },
          { topic: 'treatment-indicated', shown: 1, accepted: 0, overridden: 1, overrideReasons: [{ code: 'unspecified', count: 1 }] },
        ],
      });
      await store.close();
    });

    it('counts a folded card for every topic it carries (rules.md section 6), with its feedback', async () => {
      const store = await open();
      const folded = issued('btm-follow-up-due', { topics: ['btm-follow-up-due', 'vitamin-d-calcium'] });
      const alone = issued('vitamin-d-calcium');
      expect(await store.recordIssued([folded, alone])).toBe(2);
      await store.record('osteoporosis-patient-view', [overrideOf(folded.uuid, 'already-addressed')], new Date(AT));
      expect((await store.stats()).topics).toEqual([
        { topic: 'vitamin-d-calcium', shown: 2, accepted: 0, overridden: 1, overrideReasons: [{ code: 'already-addressed', count: 1 }] },
        { topic: 'btm-follow-up-due', shown: 1, accepted: 0, overridden: 1, overrideReasons: [{ code: 'already-addressed', count: 1 }] },
      ]);
      await store.close();
    });

    it('is idempotent: repeated feedback about a card counts the card once', async () => {
      const store = await open();
      const a = issued('denosumab-overdue', { indicator: 'critical' });
      await store.recordIssued([a]);
      const fb = overrideOf(a.uuid, 'already-addressed');
      await store.record('osteoporosis-patient-view', [fb, fb], new Date(AT)); // the same event twice in one batch
      await store.record('osteoporosis-patient-view', [fb], new Date(AT)); // and retried
      await store.record('osteoporosis-patient-view', [overrideOf(a.uuid, 'already-addressed', '2026-11-26T10:00:00Z')], new Date(AT)); // dismissed again later
      await store.record('osteoporosis-patient-view', [{ ...acceptOf(a.uuid), card: a.uuid.toUpperCase() }], new Date(AT));
      expect(await store.recordIssued([a])).toBe(0); // a uuid is stored once
      expect((await store.stats()).topics).toEqual([
        { topic: 'denosumab-overdue', shown: 1, accepted: 1, overridden: 1, overrideReasons: [{ code: 'already-addressed', count: 1 }] },
      ]);
      await store.close();
    });

    it('counts feedback about cards it has no record of separately', async () => {
      const store = await open();
      await store.record('osteoporosis-patient-view', [overrideOf(randomUUID(), 'not-applicable')], new Date(AT));
      expect(await store.stats()).toEqual({ firstIssuedAt: undefined, topics: [], unmatchedFeedbackCards: 1 });
      await store.close();
    });

    it('limits by issue time with since', async () => {
      const store = await open();
      await store.recordIssued([issued('vitamin-d-calcium', { issuedAt: '2026-01-01T10:00:00.000Z' }), issued('vitamin-d-calcium')]);
      expect((await store.stats({ since: '2026-06-01T00:00:00.000Z' })).topics[0]?.shown).toBe(1);
      await store.close();
    });

    it("feedback counts only for the caller's own cards: another tenant's feedback changes nothing", async () => {
      const store = await open();
      const mine = issued('vitamin-d-calcium', EHR_A);
      await store.recordIssued([mine, issued('vitamin-d-calcium', EHR_B)]);
      // Clinic B dismisses clinic A's card (a guessed or leaked uuid): not counted for A.
      expect(await store.record('osteoporosis-patient-view', [overrideOf(mine.uuid, 'not-applicable')], new Date(AT), EHR_B)).toEqual({ inserted: 1, duplicates: 0 });
      expect((await store.stats(EHR_A)).topics).toEqual([{ topic: 'vitamin-d-calcium', shown: 1, accepted: 0, overridden: 0, overrideReasons: [] }]);
      expect((await store.stats(EHR_A)).unmatchedFeedbackCards).toBe(0);
      expect((await store.stats(EHR_B)).unmatchedFeedbackCards).toBe(1);
      // B's copy does not block A's own feedback with the same natural key.
      expect(await store.record('osteoporosis-patient-view', [overrideOf(mine.uuid, 'not-applicable')], new Date(AT), EHR_A)).toEqual({ inserted: 1, duplicates: 0 });
      expect((await store.stats(EHR_A)).topics[0]).toMatchObject({ shown: 1, overridden: 1 });
      // Per tenant, and over every caller.
      expect((await store.stats({ tenant: 'clinic-b' })).topics[0]).toMatchObject({ shown: 1, overridden: 0 });
      expect((await store.stats()).topics[0]).toMatchObject({ shown: 2, overridden: 1 });
      await store.close();
    });
  });

  describe(`${name}: audit log`, () => {
    it('keeps each entry as given, oldest first', async () => {
      const store = await open();
      const entry = (status: number, cards: AuditEntry['cards']): AuditEntry => ({
        at: '2026-11-26T09:00:00.123Z',
        serviceId: 'osteoporosis-patient-view',
        hookInstance: randomUUID(),
        ...EHR_A,
        jti: randomUUID(),
        fhirServerHost: 'fhir.example.dk:8443',
        cards,
        status,
      });
      const entries = [entry(200, [{ uuid: randomUUID(), topic: 'vitamin-d-calcium' }, { uuid: randomUUID(), topic: 'treatment-indicated' }]), entry(412, [])];
      await store.recordAudit(entries);
      await store.recordAudit([]);
      expect(await store.listAudit()).toEqual(entries);
      await store.close();
    });
  });

  describe(`${name}: JWT replay cache`, () => {
    it('a key is new once, a replay until it expires, then new again; keys are independent', async () => {
      const clock = manualClock();
      const store = await open({ now: clock.now });
      const expires = new Date(clock.now() + 60_000);
      expect(await store.rememberToken('k1', expires)).toBe(true);
      expect(await store.rememberToken('k1', expires)).toBe(false);
      expect(await store.rememberToken('k2', expires)).toBe(true);
      clock.advance(60_000);
      expect(await store.rememberToken('k1', new Date(clock.now() + 60_000))).toBe(true);
      expect(await store.rememberToken('k1', new Date(clock.now() + 60_000))).toBe(false);
      await store.close();
    });

    it('of many simultaneous uses of one key exactly one is new', async () => {
      const store = await open();
      const expires = new Date(Date.now() + 60_000);
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.rememberToken('same', expires)));
      expect(answers.filter(Boolean)).toHaveLength(1);
      await store.close();
    });
  });

  describe(`${name}: rate-limit windows`, () => {
    it('counts hits in a fixed window, starts a new one when it ends, takes hits back and resets', async () => {
      const clock = manualClock();
      const store = await open({ now: clock.now });
      const first = await store.hit('caller-1', 60_000);
      expect(first).toEqual({ count: 1, resetTime: new Date(Date.parse(AT) + 60_000) });
      clock.advance(30_000);
      expect(await store.hit('caller-1', 60_000)).toEqual({ count: 2, resetTime: first.resetTime });
      expect((await store.hit('caller-2', 60_000)).count).toBe(1);
      await store.unhit('caller-1');
      expect((await store.hit('caller-1', 60_000)).count).toBe(2);
      clock.advance(30_000);
      expect(await store.hit('caller-1', 60_000)).toEqual({ count: 1, resetTime: new Date(clock.now() + 60_000) });
      await store.resetKey('caller-1');
      await store.unhit('caller-1'); // a key with no window: nothing to take back
      expect((await store.hit('caller-1', 60_000)).count).toBe(1);
      await store.close();
    });

    it('simultaneous hits are each counted once', async () => {
      const store = await open();
      const counts = await Promise.all(Array.from({ length: 25 }, () => store.hit('busy', 60_000)));
      expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      await store.close();
    });
  });

  describe(`${name}: retention`, () => {
    it('prune removes issued cards, audit entries and feedback from before the cut-off, and expired keys', async () => {
      const clock = manualClock();
      const store = await open({ now: clock.now });
      const [oldCard, newCard] = [issued('vitamin-d-calcium', { issuedAt: '2025-01-01T00:00:00.000Z' }), issued('vitamin-d-calcium')];
      await store.recordIssued([oldCard, newCard]);
      await store.record('s', [overrideOf(oldCard.uuid, undefined)], new Date('2025-01-02T00:00:00.000Z'));
      await store.record('s', [overrideOf(newCard.uuid, undefined)], new Date(AT));
      const audit = (at: string): AuditEntry => ({ at, serviceId: 's', hookInstance: 'h', issuer: '', tenant: '', jti: '', fhirServerHost: '', cards: [], status: 200 });
      await store.recordAudit([audit('2025-01-01T00:00:00.000Z'), audit(AT)]);
      await store.rememberToken('expiring', new Date(clock.now() + 1000));
      await store.rememberToken('live', new Date(clock.now() + 120_000));
      await store.hit('window', 1000);
      clock.advance(1000);

      expect(await store.prune(new Date('2026-01-01T00:00:00.000Z'))).toEqual({ issuedCards: 1, auditEntries: 1, feedback: 1, replayKeys: 1, rateLimitKeys: 1 });
      expect((await store.list()).map((f) => f.card)).toEqual([newCard.uuid]);
      expect((await store.listAudit()).map((a) => a.at)).toEqual([AT]);
      expect((await store.stats()).topics[0]).toMatchObject({ shown: 1, overridden: 1 });
      expect(await store.rememberToken('live', new Date(clock.now() + 120_000))).toBe(false);
      expect(await store.prune(new Date('2026-01-01T00:00:00.000Z'))).toEqual({ issuedCards: 0, auditEntries: 0, feedback: 0, replayKeys: 0, rateLimitKeys: 0 });
      await store.close();
    });
  });

  describe(`${name}: lifecycle`, () => {
    it('answers ping while open; close is safe to call twice', async () => {
      const store = await open();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
