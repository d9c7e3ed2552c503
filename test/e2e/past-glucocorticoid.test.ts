/**
 * End to end over HTTP: glucocorticoid treatment as a risk factor (card footnote **
 * "glukokortikoidbehandling", no time limit) also when the course ended more than 12 months ago,
 * if it reached footnote * ("> 5 mg dgl. i 3 mdr. eller > 450 mg på et år"). A woman of 76 with a
 * spine T-score of −2.6 and ten months of prednisolone 10 mg ending 13 months ago had been told
 * "no risk factor is recorded" (risk-factor-review). The controls: a course below footnote *, and none.
 */
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { quantityObservations, recordPrefetch } from '../helpers/fhir.js';
import { detailOf, patientViewCards, reasonsOf, topicsOf, type CardLike } from '../helpers/hook-cards.js';

const NOW = '2026-11-26T10:00:00+01:00';
const PATIENT = 'past-gc-1950';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });

const subject = { reference: `Patient/${PATIENT}` };

const observation = quantityObservations(PATIENT);

/** Prednisolone (ATC H02AB06) at `mg` daily from 2025-01-01 to `end`, completed. */
function prednisolone(mg: number, end: string): object {
  return {
    resourceType: 'MedicationStatement',
    id: 'pred',
    status: 'completed',
    subject,
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'H02AB06' }], text: `Prednisolon ${mg} mg` },
    effectivePeriod: { start: '2025-01-01', end },
    dosage: [{ text: `${mg} mg dagligt`, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: mg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] }],
  };
}

function prefetch(statements: readonly object[], withDxa = true): object {
  const npu = 'urn:oid:1.2.208.176.2.1';
  return recordPrefetch(
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1950-01-01' },
    {
      observations: [
        ...(withDxa ? [observation('dxa-spine', 'http://loinc.org', '38267-1', '2026-09-15', -2.6, '{T-score}')] : []),
        observation('egfr', npu, 'DNK35302', '2026-10-20', 71, 'mL/min/1,73 m2'),
        observation('calcium', npu, 'NPU01443', '2026-10-20', 2.38, 'mmol/L'),
        observation('vitamin-d', npu, 'NPU10267', '2026-10-20', 84, 'nmol/L'),
      ],
      medicationStatements: statements,
    },
  );
}

const cards = (data: object): Promise<CardLike[]> => patientViewCards(app, PATIENT, data);

describe('patient-view: glucocorticoid treatment that ended more than 12 months ago (card footnote **)', () => {
  it('ten months of prednisolone 10 mg ending 13 months ago is a risk factor: T −2.6 → treatment-indicated, named with its last day', async () => {
    const list = await cards(prefetch([prednisolone(10, '2025-10-25')]));
    expect(topicsOf(list)).toContain('treatment-indicated');
    expect(topicsOf(list)).not.toContain('risk-factor-review');
    expect(reasonsOf(list, 'treatment-indicated')).toEqual(expect.arrayContaining(['t-score-with-risk-factor', 'risk-glucocorticoid']));
    // Not the glucocorticoid indication of footnote * (T < −1.0): that one is for exposure now.
    expect(reasonsOf(list, 'treatment-indicated')).not.toContain('glucocorticoid-t-score');
    expect(detailOf(list, 'treatment-indicated')).toContain('Tidligere glukokortikoidbehandling over kortets grænse');
  });

  it('controls: the same course at 1 mg daily (never > 5 mg a day, under 450 mg in any year) and no course at all give the risk-factor review', async () => {
    const low = await cards(prefetch([prednisolone(1, '2025-10-25')]));
    expect(topicsOf(low)).toContain('risk-factor-review');
    expect(topicsOf(low)).not.toContain('treatment-indicated');
    const none = await cards(prefetch([]));
    expect(topicsOf(none)).toContain('risk-factor-review');
  });

  it('with no DXA, the DXA work-up names the past course, but not the rule "treat if T-score < −1.0", which is for glucocorticoid in use', async () => {
    const list = await cards(prefetch([prednisolone(10, '2025-10-25')], false));
    expect(reasonsOf(list, 'dxa-workup-suggested')).toEqual(['risk-glucocorticoid']);
    const detail = detailOf(list, 'dxa-workup-suggested') ?? '';
    expect(detail).toContain('Tidligere glukokortikoidbehandling');
    expect(detail).not.toContain('behandles, hvis T-score');
  });
});
