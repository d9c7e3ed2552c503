/**
 * A lab test or DXA already ordered in the basket (a ServiceRequest draft: the service's own
 * suggestion once accepted) is not offered again (hooks review: eGFR, calcium and 25-OH-D were
 * offered a second time, and with them a second requisition).
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/index.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { draft, factsOf, medicationRequest, SYS } from '../helpers/facts-builders.js';
import { ctxOf } from '../helpers/facts.js';

const alendronate = medicationRequest({ id: 'aln', status: 'draft', atc: 'M05BA04', text: 'Alendronat 70 mg', dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } });
const serviceRequest = (id: string, code: { system: string; code: string } | undefined, text?: string): UntrustedResource => ({
  resourceType: 'ServiceRequest',
  id,
  status: 'draft',
  intent: 'order',
  code: { ...(code === undefined ? {} : { coding: [code] }), ...(text === undefined ? {} : { text }) },
});
const labsOffered = (basket: readonly UntrustedResource[]): string[] => {
  const recs = evaluateRules('prescribing', ctxOf(factsOf([], { drafts: [draft(alendronate), ...basket.map((r) => draft(r, false))] })));
  return recs.flatMap((r) => r.suggestions ?? []).flatMap((s): readonly string[] => (s.kind === 'lab' ? [s.lab] : s.kind === 'labs' ? s.labs : s.kind === 'dxa' ? ['dxa'] : []));
};

describe('orders already in the basket are not offered again', () => {
  it('a first alendronate start with no labs: eGFR, calcium and 25-OH-D offered; once ordered (NPU or LOINC) none of them again', () => {
    expect(labsOffered([])).toEqual(expect.arrayContaining(['egfr', 'calcium', 'vitamin-d']));
    const ordered = [
      serviceRequest('sr-egfr', { system: SYS.loinc, code: '98979-8' }),
      serviceRequest('sr-ca', { system: 'urn:oid:1.2.208.176.2.1', code: 'NPU01443' }),
      serviceRequest('sr-vd', { system: SYS.loinc, code: '62292-8' }),
    ];
    expect(labsOffered(ordered)).not.toEqual(expect.arrayContaining(['egfr']));
    expect(labsOffered(ordered).filter((l) => l === 'egfr' || l === 'calcium' || l === 'vitamin-d')).toEqual([]);
    // Only the one ordered goes.
    expect(labsOffered([ordered[0]!])).toEqual(expect.arrayContaining(['calcium', 'vitamin-d']));
    expect(labsOffered([ordered[0]!])).not.toContain('egfr');
  });

  it('a DXA in the basket, by the service\'s SNOMED code or by its text', () => {
    const facts = (basket: readonly UntrustedResource[]) => factsOf([], { drafts: [draft(alendronate), ...basket.map((r) => draft(r, false))] }).basketOrders;
    expect(facts([serviceRequest('sr-dxa', { system: SYS.snomed, code: '312681000' })])).toEqual({ labs: [], dxa: true });
    expect(facts([serviceRequest('sr-dxa', undefined, 'DXA-skanning af columna og hofte')])).toEqual({ labs: [], dxa: true });
    expect(facts([serviceRequest('sr-x', undefined, 'Røntgen af thorax')])).toBeUndefined();
    expect(facts([])).toBeUndefined();
  });
});
