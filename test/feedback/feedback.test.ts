import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { PINNED_NOW, makeApp } from '../helpers/app.js';
import { expectOperationOutcome } from '../helpers/response.js';

const URL_PATH = '/cds-services/osteoporosis-order-select/feedback';
const CARD = '2f1a4b7e-3c9d-4e8f-a1b2-c3d4e5f60718';
const SUGGESTION = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const accepted = { card: CARD, outcome: 'accepted', acceptedSuggestions: [{ id: SUGGESTION }], outcomeTimestamp: '2025-06-01T10:05:31Z' };
/** As the sandbox sends it on dismiss: a reason with only a code. */
const overridden = { card: CARD, outcome: 'overridden', overrideReason: { reason: { code: 'patient-declined' } }, outcomeTimestamp: '2025-06-01T10:06:00.123+02:00' };

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('POST /cds-services/{id}/feedback', () => {
  it('stores accepted and overridden feedback and answers 200 {}', async () => {
    const { app, store } = makeApp();
    const res = await request(app).post(URL_PATH).send({ feedback: [accepted, overridden] }).expect(200).expect('content-type', /json/);
    expect(res.body).toEqual({});
    expect(await store.list()).toEqual([
      {
        serviceId: 'osteoporosis-order-select',
        issuer: '',
        tenant: '',
        card: CARD,
        outcome: 'accepted',
        acceptedSuggestions: [SUGGESTION],
        outcomeTimestamp: '2025-06-01T10:05:31Z',
        receivedAt: PINNED_NOW.toISOString(),
      },
      {
        serviceId: 'osteoporosis-order-select',
        issuer: '',
        tenant: '',
        card: CARD,
        outcome: 'overridden',
        acceptedSuggestions: [],
        overrideReason: { code: 'patient-declined' },
        outcomeTimestamp: '2025-06-01T10:06:00.123+02:00',
        receivedAt: PINNED_NOW.toISOString(),
      },
    ]);
  });

  it('keeps the whole override reason and user comment', async () => {
    const { app, store } = makeApp();
    const item = {
      ...overridden,
      overrideReason: { reason: { system: 'urn:osteo-cds:override-reason', code: 'clinical-judgement', display: 'Klinisk vurdering' }, userComment: 'see note' },
    };
    await request(app).post(URL_PATH).send({ feedback: [item] }).expect(200);
    expect((await store.list())[0]!.overrideReason).toEqual({ system: 'urn:osteo-cds:override-reason', code: 'clinical-judgement', display: 'Klinisk vurdering', userComment: 'see note' });
  });

  it('is idempotent: the same item again (also in another offset, or with suggestions reordered) is stored once', async () => {
    const { app, store } = makeApp();
    const two = { ...accepted, acceptedSuggestions: [{ id: 'b' }, { id: 'a' }] };
    await request(app).post(URL_PATH).send({ feedback: [accepted, accepted, two] }).expect(200);
    await request(app).post(URL_PATH).send({ feedback: [{ ...accepted, outcomeTimestamp: '2025-06-01T12:05:31+02:00' }] }).expect(200);
    await request(app).post(URL_PATH).send({ feedback: [{ ...two, acceptedSuggestions: [{ id: 'a' }, { id: 'b' }] }] }).expect(200);
    expect(await store.list()).toHaveLength(2);
    // Feedback on another service is another item.
    await request(app).post('/cds-services/osteoporosis-order-sign/feedback').send({ feedback: [accepted] }).expect(200);
    expect(await store.list()).toHaveLength(3);
    expect(await store.list({ serviceId: 'osteoporosis-order-sign' })).toHaveLength(1);
  });

  it('survives a restart: a new app on the same database file reads it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'osteo-cds-feedback-'));
    tempDirs.push(dir);
    const file = join(dir, 'nested', 'feedback.sqlite');

    const first = makeApp({ store: openSqliteStore(file) });
    await request(first.app).post(URL_PATH).send({ feedback: [accepted, overridden] }).expect(200);
    await first.store.close();

    const second = makeApp({ store: openSqliteStore(file) });
    expect((await second.store.list()).map((f) => f.outcome)).toEqual(['accepted', 'overridden']);
    // Still idempotent after the restart.
    await request(second.app).post(URL_PATH).send({ feedback: [accepted] }).expect(200);
    expect(await second.store.list()).toHaveLength(2);
    await second.store.close();
  });

  const invalid: [string, unknown, string | undefined][] = [
    ['accepted without acceptedSuggestions', { feedback: [{ ...accepted, acceptedSuggestions: undefined }] }, 'feedback[0].acceptedSuggestions'],
    ['accepted with empty acceptedSuggestions', { feedback: [{ ...accepted, acceptedSuggestions: [] }] }, 'feedback[0].acceptedSuggestions'],
    ['an unknown outcome', { feedback: [{ ...accepted, outcome: 'ignored' }] }, 'feedback[0].outcome'],
    ['a timestamp without offset', { feedback: [{ ...accepted, outcomeTimestamp: '2025-06-01T10:05:31' }] }, 'feedback[0].outcomeTimestamp'],
    ['a date for a timestamp', { feedback: [{ ...accepted, outcomeTimestamp: '2025-06-01' }] }, 'feedback[0].outcomeTimestamp'],
    ['an impossible date', { feedback: [{ ...accepted, outcomeTimestamp: '2025-02-30T10:00:00Z' }] }, 'feedback[0].outcomeTimestamp'],
    ['a card that is no uuid', { feedback: [{ ...accepted, card: 'card-1' }] }, 'feedback[0].card'],
    ['an override reason without code', { feedback: [{ ...overridden, overrideReason: { reason: { system: 'x' } } }] }, 'feedback[0].overrideReason.reason.code'],
    ['no feedback array', { items: [] }, 'feedback'],
    ['an empty feedback array', { feedback: [] }, 'feedback'],
    ['a second bad item', { feedback: [accepted, { card: randomUUID() }] }, 'feedback[1].outcome'],
  ];
  it.each(invalid)('400 for %s, naming the field, and nothing stored', async (_name, body, expression) => {
    const { app, store } = makeApp();
    const res = await request(app).post(URL_PATH).send(body as object).expect(400);
    expectOperationOutcome(res.body, expression);
    expect(await store.list()).toEqual([]);
  });

  it('400 for a non-JSON content type', async () => {
    const res = await request(makeApp().app).post(URL_PATH).set('Content-Type', 'text/plain').send(JSON.stringify({ feedback: [accepted] })).expect(400);
    expectOperationOutcome(res.body);
  });

  it('404 for an unknown service', async () => {
    const { app, store } = makeApp();
    const res = await request(app).post('/cds-services/nope/feedback').send({ feedback: [accepted] }).expect(404);
    expectOperationOutcome(res.body);
    expect(await store.list()).toEqual([]);
  });
});
