/**
 * End to end over HTTP: the check before any antiresorptive start (card l. 41 "Tjek, at eGFR > 35
 * ml/min") and a creatinine taken after the eGFR that gives 35 or less (CKD-EPI 2021). The
 * zoledronic acid infusion was held for it; an alendronate start passed on the older eGFR of 55.
 * Folded under the treatment card, the checks say which creatinine overrules the eGFR.
 */
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { quantityObservations, recordPrefetch } from '../helpers/fhir.js';
import { detailOf, patientViewCards, reasonsOf, topicsOf } from '../helpers/hook-cards.js';

const NOW = '2026-12-07T10:00:00+01:00';
const PATIENT = 'crea-1956';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });
const subject = { reference: `Patient/${PATIENT}` };
const npu = 'urn:oid:1.2.208.176.2.1';

const observation = quantityObservations(PATIENT);

function prefetch(creatinine: number): object {
  return recordPrefetch(
    { resourceType: 'Patient', id: PATIENT, gender: 'male', birthDate: '1956-03-01' },
    {
      observations: [
        observation('dxa-hip', 'http://loinc.org', '38264-8', '2026-10-01', -3.1, '{T-score}'),
        observation('egfr', npu, 'DNK35302', '2026-11-15', 55, 'mL/min/1,73 m2'),
        observation('creatinine', npu, 'NPU18016', '2026-12-01', creatinine, 'µmol/L'),
        observation('calcium', npu, 'NPU01443', '2026-11-15', 2.35, 'mmol/L'),
        observation('vitamin-d', npu, 'NPU10267', '2026-11-15', 80, 'nmol/L'),
        observation('p1np', npu, 'NPU27370', '2026-11-15', 55, 'µg/L'),
      ],
      conditions: [
        {
          resourceType: 'Condition',
          id: 'spine',
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
          code: { coding: [{ system: 'urn:oid:1.2.208.176.2.4.12', code: 'DM800' }], text: 'Osteoporotisk kompressionsfraktur L1' },
          subject,
          onsetDateTime: '2026-03-01',
        },
      ],
    },
  );
}

describe('patient-view: a newer creatinine overrules the eGFR the start would rest on', () => {
  it('creatinine 203 µmol/L after an eGFR of 55: the checks ask for a new eGFR and name the creatinine', async () => {
    const list = await patientViewCards(app, PATIENT, prefetch(203));
    expect(topicsOf(list)).toContain('pretreatment-checks');
    expect(reasonsOf(list, 'pretreatment-checks')).toContain('egfr-missing');
    expect(detailOf(list, 'pretreatment-checks')).toContain('et nyere kreatinin (203 µmol/L, 01.12.2026) giver eGFR ≤ 35');
  });

  it('control: creatinine 90 µmol/L — the eGFR of 55 stands, nothing asked', async () => {
    const list = await patientViewCards(app, PATIENT, prefetch(90));
    expect(reasonsOf(list, 'pretreatment-checks') ?? []).not.toContain('egfr-missing');
  });
});
