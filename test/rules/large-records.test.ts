/**
 * Records that are valid and within every cap but very long for one patient (20,000 fractures,
 * refills, same-day DXA results, studies, supplements, interfering medicines): facts and rules
 * answer within seconds. Each shape had a step that compared every record with every other and took
 * 2–30 s on the event loop (contract v2 "Limits": one request never stalls the others). The bound
 * is liveness, not performance (`npm run bench` measures that).
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/index.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { draft, factsOf, medicationRequest, PATIENT_ID } from '../helpers/facts-builders.js';
import { ctxOf } from '../helpers/facts.js';

const N = 20_000;
const LIVENESS_MS = 3_000;
const subject = { reference: `Patient/${PATIENT_ID}` };
const NOW = new Date('2026-06-15T10:00:00Z');
const daysAgo = (n: number): string => new Date(NOW.getTime() - n * 86_400_000).toISOString().slice(0, 10);
const LOINC = 'http://loinc.org';
const ATC = 'http://www.whocc.no/atc';
const observation = (id: string, code: string, date: string, value?: number, extra: Record<string, unknown> = {}): UntrustedResource => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: LOINC, code }] },
  subject,
  effectiveDateTime: date,
  ...(value === undefined ? {} : { valueQuantity: { value, unit: '{T-score}' } }),
  ...extra,
});
const statement = (id: string, atc: string, start: string): UntrustedResource => ({ resourceType: 'MedicationStatement', id, status: 'active', medicationCodeableConcept: { coding: [{ system: ATC, code: atc }] }, subject, effectivePeriod: { start } });
const VERTEBRAE = ['S32.010A', 'S32.020A', 'S32.030A', 'S32.040A', 'S32.050A', 'S22.010A', 'S22.020A', 'S22.030A', 'S22.040A', 'S22.050A'];
const hip = observation('hip', '38264-8', daysAgo(400), -2.7);

const SHAPES: Readonly<Record<string, () => UntrustedResource[]>> = {
  'vertebral fractures, ten vertebrae every 15 days': () =>
    Array.from({ length: N }, (_, i) => ({ resourceType: 'Condition', id: `c${i}`, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: VERTEBRAE[i % 10] }] }, subject, onsetDateTime: daysAgo(30 + 15 * Math.floor(i / 10)) })),
  'later-encounter records of a neck vertebra never recorded first': () =>
    Array.from({ length: N }, (_, i) => ({ resourceType: 'Condition', id: `f${i}`, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: i % 2 === 0 ? 'S12.100D' : VERTEBRAE[i % 10] }] }, subject, onsetDateTime: daysAgo(30 + 15 * Math.floor(i / 10)) })),
  'DXA results of one day, issued at different times': () => Array.from({ length: N }, (_, i) => observation(`d${i}`, ['38264-8', '38267-1', '38263-0', '80946-7'][i % 4]!, daysAgo(40), -2 - (i % 10) / 10, { issued: new Date(NOW.getTime() - (N - i) * 1000).toISOString() })),
  'DXA studies, one a day': () => [hip, ...Array.from({ length: N }, (_, i) => observation(`s${i}`, '38268-9', daysAgo(40 + i)))],
  'vitamin D supplements below target': () => [hip, observation('vd', '62292-8', daysAgo(3), undefined, { valueQuantity: { value: 12, unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' } }), ...Array.from({ length: N }, (_, i) => statement(`v${i}`, 'A11CC05', daysAgo(1 + (i % 1000))))],
  'interfering medicines started lately': () => [statement('aln', 'M05BA04', daysAgo(700)), observation('p1np', '77370-5', daysAgo(10), undefined, { valueQuantity: { value: 30, unit: 'ug/L' } }), ...Array.from({ length: N }, (_, i) => statement(`ae${i}`, ['N03AF01', 'L02BG03', 'N03AX09'][i % 3]!, daysAgo(5 + (i % 80))))],
};

describe('very long records are answered within seconds', () => {
  for (const [name, make] of Object.entries(SHAPES)) {
    it(`${N.toLocaleString('en')} × ${name} (patient-view)`, () => {
      const resources = make();
      const started = performance.now();
      const recs = evaluateRules('patient-view', ctxOf(factsOf(resources, { now: NOW })));
      expect(performance.now() - started).toBeLessThan(LIVENESS_MS);
      expect(Array.isArray(recs)).toBe(true);
    }, 60_000);
  }

  it(`${N.toLocaleString('en')} alendronate refills in one course, nine drafts (order-sign)`, () => {
    const refills = Array.from({ length: N }, (_, i) => medicationRequest({ id: `r${i}`, atc: 'M05BA04', status: 'completed', authoredOn: daysAgo(Math.floor((i * 3650) / N)), supply: { value: 90, unit: 'd' } }));
    const drafts = Array.from({ length: 9 }, (_, i) => draft(medicationRequest({ id: `draft-${i}`, atc: 'M05BA04', status: 'draft', authoredOn: daysAgo(0) })));
    const started = performance.now();
    const recs = evaluateRules('prescribing', ctxOf(factsOf(refills, { now: NOW, drafts })));
    expect(performance.now() - started).toBeLessThan(LIVENESS_MS);
    expect(recs.some((r) => r.topic === 'rx-bisphosphonate-duration')).toBe(true);
  }, 60_000);
});
