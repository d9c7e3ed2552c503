/**
 * A realistic mixed record (Danish and sandbox codings) for robustness and performance tests.
 */
import {
  allergy,
  coding,
  condition,
  familyHistory,
  medication,
  medicationAdministration,
  medicationRequest,
  medicationStatement,
  observation,
} from './facts-builders.js';
import { SYS } from './facts-systems.js';
import type { UntrustedResource } from '../../src/shared/json.js';

export function realisticResources(): UntrustedResource[] {
  return [
    observation({ code: 'NPU10267', system: SYS.npuOid, value: 48, unit: 'nmol/L', date: '2026-04-02T08:10:00+02:00', referenceRange: [{ low: { value: 50 }, high: { value: 160 } }] }),
    observation({ code: '1989-3', value: 22, ucum: 'ng/mL', date: '2025-10-01', category: 'object' }),
    observation({ code: 'DNK35302', system: SYS.npuUrl, valueString: '>90', date: '2026-04-02' }),
    observation({ code: '17861-6', value: 8.1, ucum: 'mg/dL', date: '2026-04-02', interpretation: ['L'], referenceRange: [{ low: { value: 8.6, unit: 'mg/dL' }, high: { value: 10.3, unit: 'mg/dL' } }] }),
    observation({ code: '77370-5', value: 61, unit: 'µg/L', date: '2026-01-10', referenceRange: [{ text: 'Præmenopausale kvinder: 20-76 µg/L' }] }),
    observation({ code: '38267-1', value: -2.8, ucum: '{T-score}', date: '2026-02-10', performer: { reference: 'Organization/1', display: 'Hvidovre Hospital' }, interpretation: ['D'] }),
    observation({ text: 'T-score collum femoris', value: -2.4, date: '2026-02-10', bodySite: 'Collum femoris' }),
    observation({ code: '38268-9', date: '2026-02-10', components: [{ code: '38264-8', value: -2.1 }, { code: '24966-4', value: 781, unit: 'mg/cm2' }] }),
    observation({ code: 'NPU03794', system: SYS.npuOid, value: 1.64, date: '2026-02-10' }),
    observation({ code: '39156-5', value: 18.7, ucum: 'kg/m2', date: '2026-02-10' }),
    observation({ code: '72166-2', valueCode: coding(SYS.snomed, '449868002', 'Smokes tobacco daily'), date: '2025-12-01' }),
    observation({ code: '74013-4', value: 2, ucum: '{drinks}/d', date: '2025-12-01' }),
    observation({ code: '52552-7', value: 1, date: '2025-12-01' }),
    condition({ code: 'DS720', system: SYS.sks, onset: '2024-03-01', bodySite: 'Hofte', note: 'Fald fra stående højde' }),
    condition({ codings: [coding(SYS.icd10cm, 'M80.08XA'), coding(SYS.snomed, '443165006')], onset: '2025-05-01' }),
    condition({ code: 'DM059', system: SYS.sks, clinicalStatus: 'active' }),
    condition({ code: 'L95', system: SYS.icpc2 }),
    condition({ code: 'DK259', system: SYS.sks, clinicalStatus: 'resolved', onset: '2020-01-01', abatement: '2020-05-01' }),
    condition({ code: 'N95.1', system: SYS.icd10, onset: '2010-01-01' }),
    medicationStatement({ atc: 'M05BA04', text: 'Alendronat "Teva" 70 mg', status: 'active', start: '2022-01-01', dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } }),
    medicationRequest({ rxnorm: '904420', display: 'Alendronic acid 10 MG [Fosamax]', authoredOn: '2021-01-01', status: 'stopped', dose: { value: 1 } }),
    medicationRequest({ atc: 'H02AB06', text: 'Prednisolon 5 mg', authoredOn: '2026-01-01', supply: { value: 100, unit: 'd' }, dose: { value: 2, unit: 'stk' } }),
    medicationAdministration({ atc: 'M05BX04', text: 'Prolia', date: '2025-12-01', doseMg: 60 }),
    medicationStatement({ medicationReference: 'Medication/m1', start: '2025-01-01' }),
    medication({ id: 'm1', codings: [coding(SYS.atc, 'A02BC01')], text: 'Omeprazol 20 mg', strengthMg: 20 }),
    allergy({ codings: [coding(SYS.atc, 'M05BA04')], recorded: '2023-01-01' }),
    familyHistory({ relationship: 'MTH', conditions: [{ text: 'Osteoporose' }] }),
  ];
}
