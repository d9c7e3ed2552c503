/**
 * End to end over HTTP: two things a Danish GP system records on the resource itself rather than
 * where a FHIR purist would.
 * - The reason a drug was stopped (FMK's seponeringsårsag, `statusReason`): "Utålelige bivirkninger"
 *   on a stopped alendronate is a recorded intolerance (card l. 22 "2. Valg … utålelige
 *   bivirkninger"); alendronate had been offered again as first choice.
 * - ICPC-2 L75 "fraktur af lårben" covers the whole femur (terminology.md): a femoral shaft fracture
 *   so coded had been read as a hip fracture (card l. 26 "lavenergibrud i … hofte") and started treatment.
 */
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.js';
import { createEngine } from '../../src/engine.js';
import { createApp } from '../../src/http/app.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { quantityObservations, recordPrefetch } from '../helpers/fhir.js';
import { detailOf, patientViewCards, reasonsOf, topicsOf, type CardLike } from '../helpers/hook-cards.js';

const NOW = '2026-11-26T10:00:00+01:00';
const PATIENT = 'fmk-1950';
const app = createApp(testConfig(), { engine: createEngine(), store: openSqliteStore(':memory:'), clock: () => new Date(NOW) });
const subject = { reference: `Patient/${PATIENT}` };
const npu = 'urn:oid:1.2.208.176.2.1';

const observation = quantityObservations(PATIENT);

function prefetch(o: { hipT: number; statements?: readonly object[]; conditions?: readonly object[]; smoker?: boolean }): object {
  return recordPrefetch(
    { resourceType: 'Patient', id: PATIENT, gender: 'female', birthDate: '1950-02-02' },
    {
      observations: [
        observation('dxa-hip', 'http://loinc.org', '38264-8', '2026-10-01', o.hipT, '{T-score}'),
        observation('egfr', npu, 'DNK35302', '2026-11-01', 70, 'mL/min/1,73 m2'),
        observation('calcium', npu, 'NPU01443', '2026-11-01', 2.35, 'mmol/L'),
        observation('vitamin-d', npu, 'NPU10267', '2026-11-01', 80, 'nmol/L'),
        ...(o.smoker === true ? [{ resourceType: 'Observation', id: 'smoking', status: 'final', code: { coding: [{ system: 'http://loinc.org', code: '72166-2' }] }, subject, effectiveDateTime: '2026-11-01', valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '77176002', display: 'Smoker' }] } }] : []),
      ],
      medicationStatements: o.statements ?? [],
      conditions: o.conditions ?? [],
    },
  );
}

function alendronateStopped(statusReason: string): object {
  return {
    resourceType: 'MedicationStatement',
    id: 'aln',
    status: 'stopped',
    statusReason: [{ text: statusReason }],
    subject,
    medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }], text: 'Alendronat 70 mg' },
    effectivePeriod: { start: '2025-01-01', end: '2025-03-01' },
    dosage: [{ text: '1 tablet 1 gang ugentligt' }],
  };
}

function femurFracture(text: string, bodySite?: string): object {
  return {
    resourceType: 'Condition',
    id: 'femur',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icpc-2', code: 'L75' }], text },
    ...(bodySite === undefined ? {} : { bodySite: [{ text: bodySite }] }),
    subject,
    onsetDateTime: '2026-05-10',
  };
}

const cards = (data: object): Promise<CardLike[]> => patientViewCards(app, PATIENT, data);

describe('patient-view: a stop reason naming side effects is a recorded intolerance [extension]', () => {
  it('alendronate stopped for "utålelige bivirkninger": second choice (parenteral), the intolerance named', async () => {
    const list = await cards(prefetch({ hipT: -2.8, smoker: true, statements: [alendronateStopped('Utålelige bivirkninger – halsbrand og mavesmerter')] }));
    expect(topicsOf(list)).toContain('treatment-indicated');
    expect(reasonsOf(list, 'treatment-indicated')).toContain('intolerance');
    expect(detailOf(list, 'treatment-indicated')).toContain('Intolerans over for alendronat');
    expect(list.find((c) => topicsOf([c]).includes('treatment-indicated'))?.extension['osteo-cds.evidence']).toContain('MedicationStatement/aln');
  });

  it('control: stopped for another reason, first choice alendronate again', async () => {
    const list = await cards(prefetch({ hipT: -2.8, smoker: true, statements: [alendronateStopped('Ikke pga. bivirkninger – ønskede pause')] }));
    expect(reasonsOf(list, 'treatment-indicated')).not.toContain('intolerance');
    expect(detailOf(list, 'treatment-indicated')).not.toContain('Intolerans');
  });
});

describe('patient-view: ICPC-2 L75 with a text or body site naming the femoral shaft is no hip fracture', () => {
  it.each([
    ['text', femurFracture('Femurskaftfraktur, lavenergi')],
    ['bodySite', femurFracture('Fraktur af lårben', 'Femurskaft')],
  ])('shaft named in the %s: no treatment card and no osteoporosis diagnosis from it (hip T −2.0)', async (_where, fracture) => {
    const list = await cards(prefetch({ hipT: -2.0, conditions: [fracture] }));
    expect(topicsOf(list)).not.toContain('treatment-indicated');
    expect(reasonsOf(list, 'treatment-indicated')).toBeUndefined();
  });

  it('control: L75 with no site named stays a (weak) hip fracture and treatment is indicated', async () => {
    const list = await cards(prefetch({ hipT: -2.0, conditions: [femurFracture('Fraktur af lårben, lavenergi')] }));
    expect(reasonsOf(list, 'treatment-indicated')).toContain('hip-fracture');
  });
});
