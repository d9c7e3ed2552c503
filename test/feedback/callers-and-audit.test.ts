/**
 * Over HTTP with JWTs of two tenants: feedback counts only for cards issued to the same issuer and
 * tenant (another clinic's feedback on a card changes nothing of its owner's /stats), /stats per
 * tenant, and one audit entry per hook call with the caller, jti and FHIR server host and no
 * patient data.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createBatchWriter } from '../../src/store/batch-writer.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { AuditEntry, IssuedCard, Store } from '../../src/store/store.js';
import { fakeEngine, PINNED_NOW } from '../helpers/app.js';
import { PATIENT_ID, patientViewRequest } from '../helpers/fhir.js';
import { checkedKeys, jwks, makeKey, signToken, writeJwksFile, type TestKey } from '../helpers/jwt.js';

const PUBLIC_URL = 'https://cds.example.test';
const EHR = 'https://region.example.dk';
const ADMIN = 'an-admin-token-for-caller-tests';
const PV = '/cds-services/osteoporosis-patient-view';

let key: TestKey;
let jwksFile: string;
let store: Store;
beforeAll(async () => {
  key = await makeKey('ES384', 'region-1');
  jwksFile = writeJwksFile(jwks(key), 'region-jwks.json');
});
afterAll(async () => {
  await store.close();
});

function build(wrap: (s: Store) => Store = (s) => s) {
  store = openSqliteStore(':memory:');
  const issuedCards = createBatchWriter<IssuedCard>((b) => store.recordIssued(b), { what: 'issued cards', flushMs: 60_000 });
  const auditLog = createBatchWriter<AuditEntry>((b) => store.recordAudit(b), { what: 'audit entries', flushMs: 60_000 });
  const config = testConfig({ trustedIssuers: { [EHR]: { jwks: jwksFile, tenants: ['clinic-a', 'clinic-b'] } }, publicUrls: [PUBLIC_URL], adminToken: ADMIN });
  const app = createApp(config, { engine: fakeEngine(), store: wrap(store), issuedCards, auditLog, clock: () => PINNED_NOW, ...checkedKeys(config) });
  return { app, auditLog };
}

const card0 = (res: request.Response): string => (res.body as { cards: { uuid: string }[] }).cards[0]!.uuid;
const token = (path: string, tenant: string, jti?: string): Promise<string> =>
  signToken(key, EHR, `${PUBLIC_URL}${path}`, { claims: { tenant, ...(jti === undefined ? {} : { jti }) } });

describe('callers: feedback, statistics and the audit log per issuer and tenant', () => {
  it("another tenant's feedback on a card does not change its owner's statistics; /stats per tenant", async () => {
    const { app } = build();
    const hook = await request(app).post(PV).set('Authorization', `Bearer ${await token(PV, 'clinic-a')}`).send(patientViewRequest()).expect(200);
    const cardUuid = (hook.body as { cards: { uuid: string }[] }).cards[0]!.uuid;
    const feedback = { feedback: [{ card: cardUuid, outcome: 'overridden', overrideReason: { reason: { code: 'not-applicable' } }, outcomeTimestamp: '2025-06-01T10:05:00Z' }] };

    await request(app).post(`${PV}/feedback`).set('Authorization', `Bearer ${await token(`${PV}/feedback`, 'clinic-b')}`).send(feedback).expect(200);
    const stats = (tenant: string) => request(app).get(`/stats?tenant=${tenant}`).set('Authorization', `Bearer ${ADMIN}`).expect(200);
    expect((await stats('clinic-a')).body).toMatchObject({ tenant: 'clinic-a', totals: { shown: 1, accepted: 0, overridden: 0 }, unmatchedFeedbackCards: 0 });
    expect((await stats('clinic-b')).body).toMatchObject({ totals: { shown: 0 }, unmatchedFeedbackCards: 1 });

    await request(app).post(`${PV}/feedback`).set('Authorization', `Bearer ${await token(`${PV}/feedback`, 'clinic-a')}`).send(feedback).expect(200);
    expect((await stats('clinic-a')).body).toMatchObject({ totals: { shown: 1, overridden: 1 } });
    await request(app).get('/stats?tenant=a&tenant=b').set('Authorization', `Bearer ${ADMIN}`).expect(400);
  });

  it('audits each hook call: time, service, hookInstance, issuer, tenant, jti, FHIR server host, cards, status — no patient data', async () => {
    const { app, auditLog } = build();
    const call = patientViewRequest({ fhirServer: 'https://fhir.example.dk/r4/tenant-7' });
    const ok = await request(app).post(PV).set('Authorization', `Bearer ${await token(PV, 'clinic-a', 'jti-1')}`).send(call).expect(200);
    // A call answered 412 (no usable Patient) is audited with its status and no cards.
    await request(app)
      .post(PV)
      .set('Authorization', `Bearer ${await token(PV, 'clinic-b', 'jti-2')}`)
      .send(patientViewRequest({ prefetch: { patient: null } }))
      .expect(412);
    // Refused for its body, before anything parsed it: audited with the caller and the status.
    const tooMany = patientViewRequest();
    await request(app).post(PV).set('Authorization', `Bearer ${await token(PV, 'clinic-a', 'jti-3')}`).set('content-type', 'application/json').send('{"hook": "patient-view", ').expect(400);
    await request(app)
      .post(PV)
      .set('Authorization', `Bearer ${await token(PV, 'clinic-a', 'jti-4')}`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(tooMany).replace('"prefetch":{', `"extra":[${Array.from({ length: 600_000 }, () => '[]').join(',')}],"prefetch":{`))
      .expect(413);
    // Refused before the route (401) or not a hook call (feedback): not in the audit log.
    await request(app).post(PV).send(call).expect(401);
    await request(app).post(`${PV}/feedback`).set('Authorization', `Bearer ${await token(`${PV}/feedback`, 'clinic-a')}`).send({ feedback: [{ card: card0(ok), outcome: 'overridden', outcomeTimestamp: '2025-06-01T10:05:00Z' }] }).expect(200);

    await auditLog.flush();
    const entries = await store.listAudit();
    const card = (ok.body as { cards: { uuid: string; source: { topic: { code: string } } }[] }).cards[0]!;
    expect(card.uuid).toBe(card0(ok));
    expect(entries).toEqual([
      {
        at: PINNED_NOW.toISOString(),
        serviceId: 'osteoporosis-patient-view',
        hookInstance: call.hookInstance,
        issuer: EHR,
        tenant: 'clinic-a',
        jti: 'jti-1',
        fhirServerHost: 'fhir.example.dk',
        cards: [{ uuid: card.uuid, topic: card.source.topic.code }],
        status: 200,
      },
      expect.objectContaining({ tenant: 'clinic-b', jti: 'jti-2', fhirServerHost: '', cards: [], status: 412 }),
      expect.objectContaining({ serviceId: 'osteoporosis-patient-view', hookInstance: '', tenant: 'clinic-a', jti: 'jti-3', cards: [], status: 400 }),
      expect.objectContaining({ serviceId: 'osteoporosis-patient-view', hookInstance: '', tenant: 'clinic-a', jti: 'jti-4', cards: [], status: 413 }),
    ]);
    const text = JSON.stringify(entries);
    expect(text).not.toContain(PATIENT_ID);
    expect(text).not.toContain('tenant-7');
  });

  it('a store that cannot check the jti refuses the token (a replay is never let through)', async () => {
    const { app } = build((s) => ({ ...s, rememberToken: () => Promise.reject(new Error('database down')) }));
    await request(app).post(PV).set('Authorization', `Bearer ${await token(PV, 'clinic-a')}`).send(patientViewRequest()).expect(401);
  });
});
