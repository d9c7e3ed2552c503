/**
 * End to end over HTTP: a P1NP series that showed its response before prednisolone began (card l.
 * 140-142 "CTX anvendes i stedet for P1NP, hvis patient er i behandling med glukokortikoid", l. 170
 * "> 30% fald … Fortsæt behandling"). A woman on alendronate since January 2024 whose P1NP fell from
 * 60 to 30 in April 2024, on prednisolone 10 mg since June 2025, had been asked for "the bone marker
 * 3 months after starting", due from April 2024, "without a baseline marker". The control: the same
 * P1NP taken after the prednisolone began, which the glucocorticoid may have lowered.
 */
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { quantityObservations, recordPrefetch } from '../helpers/fhir.js';
import { detailOf, patientViewCards, reasonsOf, topicsOf, type CardLike } from '../helpers/hook-cards.js';

const NOW = '2025-12-01T10:00:00+01:00';
const PATIENT = 'p1np-then-gc';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });
const subject = { reference: `Patient/${PATIENT}` };
const NPU = 'urn:oid:1.2.208.176.2.1';

const observation = quantityObservations(PATIENT);

function statement(id: string, atc: string, text: string, start: string, dosage?: object): object {
  return { resourceType: 'MedicationStatement', id, status: 'active', subject, medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: atc }], text }, effectivePeriod: { start }, ...(dosage === undefined ? {} : { dosage: [dosage] }) };
}

function prefetch(p1npFollowUp: string, prednisoloneFrom: string): object {
  return recordPrefetch(
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1952-05-10' },
    {
      observations: [
        // P1NP (LOINC 77370-5): baseline before the start, then the marker 3 months on.
        observation('p1np-base', 'http://loinc.org', '77370-5', '2024-01-05', 60, 'ug/L'),
        observation('p1np-3m', 'http://loinc.org', '77370-5', p1npFollowUp, 30, 'ug/L'),
        observation('egfr', NPU, 'DNK35302', '2025-10-02', 70, 'mL/min/1,73 m2'),
        observation('calcium', NPU, 'NPU01443', '2025-10-02', 2.4, 'mmol/L'),
        observation('vitamin-d', NPU, 'NPU10267', '2025-10-02', 85, 'nmol/L'),
      ],
      medicationStatements: [
        statement('alendronate', 'M05BA04', 'Alendronat 70 mg', '2024-01-10'),
        statement('vitamin-d', 'A11CC05', 'D-vitamin 38 mikrog', '2019-01-01'),
        statement('prednisolone', 'H02AB06', 'Prednisolon 10 mg', prednisoloneFrom, {
          text: '10 mg dagligt',
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [{ doseQuantity: { value: 10, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }],
        }),
      ],
    },
  );
}

const cards = (data: object): Promise<CardLike[]> => patientViewCards(app, PATIENT, data);

describe('patient-view: a P1NP response shown before prednisolone began', () => {
  it('stands: "continue treatment" (btm-response-adequate), no bone marker asked again', async () => {
    const list = await cards(prefetch('2024-04-20', '2025-06-01'));
    expect(topicsOf(list)).not.toContain('btm-follow-up-due');
    expect(reasonsOf(list, 'btm-response-adequate')).toEqual(['fall-from-baseline']);
  });

  it('control: the same P1NP taken after the prednisolone began may be the glucocorticoid\'s — CTX is asked', async () => {
    const list = await cards(prefetch('2024-04-20', '2024-03-01'));
    expect(topicsOf(list)).not.toContain('btm-response-adequate');
    expect(reasonsOf(list, 'btm-follow-up-due')).toEqual(['three-months-on-treatment']);
    expect(detailOf(list, 'btm-follow-up-due')).toContain('CTX');
  });
});
