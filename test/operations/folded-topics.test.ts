/**
 * A folded topic counts as shown (rules.md section 6) wherever cards are counted: the cards
 * metric, the request log line and the audit log count every topic of
 * `extension["osteo-cds.topics"]`, as /stats does.
 */
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import { createLogger } from '../../src/logger.js';
import { createBatchWriter } from '../../src/store/batch-writer.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { AuditEntry } from '../../src/store/store.js';
import { card, fakeEngine, PINNED_NOW } from '../helpers/app.js';
import { patientViewRequest } from '../helpers/fhir.js';

const PV = '/cds-services/osteoporosis-patient-view';

/** A treatment card carrying the pretreatment checks and vitamin D folded into it, and one card alone. */
function foldedAnswer() {
  const host = card('treatment-indicated', ['t-score', 'vitamin-d-low'], 'warning');
  return [{ ...host, extension: { ...host.extension, 'osteo-cds.topics': ['treatment-indicated', 'pretreatment-checks', 'vitamin-d-calcium'] } }, card('bone-healthy-lifestyle', ['guideline-advice'])];
}

/** The value of one series of the Prometheus text. */
function sample(text: string, labels: Record<string, string>): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith('osteo_cds_cards_total{') && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('folded topics count as shown', () => {
  it('in the cards metric, the request log and the audit log', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger(
      'info',
      new Writable({
        write(chunk: Buffer, _enc, done) {
          for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
          done();
        },
      }),
    );
    const store = openSqliteStore(':memory:');
    const auditLog = createBatchWriter<AuditEntry>((b) => store.recordAudit(b), { what: 'audit entries', flushMs: 60_000 });
    const app = createApp(testConfig(), { engine: fakeEngine(foldedAnswer), store, auditLog, logger, clock: () => PINNED_NOW });

    const res = await request(app).post(PV).send(patientViewRequest()).expect(200);
    const [host, alone] = (res.body as { cards: { uuid: string }[] }).cards;

    const metrics = (await request(app).get('/metrics').expect(200)).text;
    const service = 'osteoporosis-patient-view';
    expect(sample(metrics, { service, topic: 'treatment-indicated', indicator: 'warning' })).toBe(1);
    expect(sample(metrics, { service, topic: 'pretreatment-checks', indicator: 'warning' })).toBe(1);
    expect(sample(metrics, { service, topic: 'vitamin-d-calcium', indicator: 'warning' })).toBe(1);
    expect(sample(metrics, { service, topic: 'bone-healthy-lifestyle', indicator: 'info' })).toBe(1);

    const finished = lines.find((l) => l.msg === 'request completed' && l.serviceId === service);
    expect(finished).toMatchObject({ cards: 2, topics: ['treatment-indicated', 'pretreatment-checks', 'vitamin-d-calcium', 'bone-healthy-lifestyle'] });

    await auditLog.flush();
    const [entry] = await store.listAudit();
    expect(entry?.cards).toEqual([
      { uuid: host?.uuid, topic: 'treatment-indicated', topics: ['treatment-indicated', 'pretreatment-checks', 'vitamin-d-calcium'] },
      { uuid: alone?.uuid, topic: 'bone-healthy-lifestyle' },
    ]);
    await store.close();
  });
});
