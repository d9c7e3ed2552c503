/**
 * End to end over HTTP: Synthea (the CDS Hooks sandbox's patients) records an osteoporotic fracture
 * as two Conditions the same day — the site's fracture and 443165006 "Pathological fracture due to
 * osteoporosis" (terminology.md section 5). Read as two, a woman on alendronate with one forearm
 * fracture had a false "≥ 2 low-energy fractures on treatment" referral (card l. 223) and the
 * bone-marker response was overruled by it.
 */
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { recordPrefetch } from '../helpers/fhir.js';
import { patientViewCards, reasonsOf, topicsOf } from '../helpers/hook-cards.js';

const NOW = '2026-12-07T10:00:00-05:00';
const PATIENT = '1a2b3c4d-0000-4000-8000-000029745829';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });
const subject = { reference: `Patient/${PATIENT}` };
const sct = 'http://snomed.info/sct';

function lab(id: string, code: string, date: string, value: number, unit: string): object {
  return { resourceType: 'Observation', id, status: 'final', code: { coding: [{ system: 'http://loinc.org', code }] }, subject, effectiveDateTime: `${date}T09:30:00-05:00`, valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit } };
}

function fracture(id: string, code: string, display: string, date: string): object {
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    code: { coding: [{ system: sct, code, display }], text: display },
    subject,
    onsetDateTime: `${date}T14:12:00-05:00`,
    recordedDate: `${date}T14:12:00-05:00`,
  };
}

function prefetch(pathologicalOn: string): object {
  return recordPrefetch(
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1950-01-01' },
    {
      observations: [
        lab('dxa', '38265-5', '2022-03-01', -2.7, '{T-score}'),
        lab('p1np-0', '77370-5', '2022-03-01', 62, 'ng/mL'),
        lab('p1np-1', '77370-5', '2022-06-15', 26, 'ng/mL'),
        lab('egfr', '33914-3', '2026-11-01', 68, 'mL/min/{1.73_m2}'),
        lab('calcium', '17861-6', '2026-11-01', 9.4, 'mg/dL'),
        lab('vitamin-d', '62292-8', '2026-11-01', 32, 'ng/mL'),
      ],
      conditions: [fracture('forearm', '65966004', 'Fracture of forearm', '2025-09-01'), fracture('patho', '443165006', 'Pathological fracture due to osteoporosis (disorder)', pathologicalOn)],
      medicationRequests: [
        {
          resourceType: 'MedicationRequest',
          id: 'aln',
          status: 'active',
          intent: 'order',
          medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '904431', display: 'Alendronic acid 70 MG Oral Tablet' }] },
          subject,
          authoredOn: '2022-03-10',
          dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } } }],
        },
      ],
    },
  );
}

describe('patient-view: a Synthea fracture and its same-day "pathological fracture due to osteoporosis" are one fracture', () => {
  it('one forearm fracture on alendronate: no fractures-on-treatment referral; the fracture counts as low energy', async () => {
    const list = await patientViewCards(app, PATIENT, prefetch('2025-09-01'));
    expect(reasonsOf(list, 'endocrinology-referral') ?? []).not.toContain('fractures-on-treatment');
    expect(topicsOf(list)).toContain('btm-response-adequate');
  });

  it('control: the osteoporotic fracture recorded on another day is a second fracture, and the referral follows', async () => {
    const list = await patientViewCards(app, PATIENT, prefetch('2026-02-10'));
    expect(reasonsOf(list, 'endocrinology-referral')).toContain('fractures-on-treatment');
  });
});
