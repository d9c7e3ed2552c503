/**
 * GET /stats behind CDS_ADMIN_TOKEN: the cards the hook routes issued, joined to feedback by card
 * uuid and caller (the counting itself is the store suite's, test/store/store-suite.ts).
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { bearerMatches } from '../../src/http/routes/stats.js';
import { card, fakeEngine, makeApp } from '../helpers/app.js';

const TOKEN = 'a-long-admin-token-for-tests';

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
