import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFacts } from '../../src/facts/build-facts.js';
import type { DraftResource } from '../../src/prefetch/types.js';
import { draft, medicationRequest, NOW, observation, patient, terminology } from '../helpers/facts-builders.js';
import { realisticResources } from '../helpers/facts-realistic.js';
import { SYS } from '../helpers/facts-systems.js';
import type { UntrustedResource } from '../../src/shared/json.js';

type Json = Record<string, unknown> | unknown[];

/** Every (container, key) pair of a JSON tree, the root excluded. */
function slots(root: unknown): [Json, string | number][] {
  const out: [Json, string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i]);
        walk(child);
      });
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        out.push([record, key]);
        walk(record[key]);
      }
    }
  };
  walk(root);
  return out;
}

const garbage = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string(),
  fc.constantFrom(
    '2024-13-45',
    '2024-02-30T25:61:00Z',
    '0000-00-00',
    '1800',
    '99999-01-01',
    'nonsense',
    '',
    '<',
    '>= abc',
    '> 90',
    '1e400',
    'µmol/L',
    'furlongs',
    '{T-score}',
    'M80',
    'DM800',
    'H02AB',
    'Patient/other',
    '#nope',
    'stopped',
    'entered-in-error',
    'wk',
  ),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

const mutation = fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 4 }), value: garbage });

function mutate(root: unknown, mutations: readonly { at: number; kind: number; value: unknown }[]): void {
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) return;
    const slot = all[m.at % all.length];
    if (slot === undefined) continue;
    const [container, key] = slot;
    const c = container as Record<string | number, unknown>;
    const current = c[key];
    switch (m.kind) {
      case 0:
        if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
        else delete c[key];
        break;
      case 1:
        c[key] = m.value;
        break;
      case 2:
        c[key] = [current]; // object (or value) where an array belongs… or the reverse
        break;
      case 3:
        c[key] = Array.isArray(current) ? current[0] : current;
        break;
      default:
        c[key] = typeof current === 'string' ? `${current}${typeof m.value === 'string' ? m.value : JSON.stringify(m.value)}` : m.value;
    }
  }
}

/** The value, its groups and every list are frozen (the facts inside are readonly by type). */
function isStructureFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (!Object.isFrozen(value)) return false;
  if (Array.isArray(value)) return true;
  return Object.values(value).every(isStructureFrozen);
}

function anyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.isFrozen(value) || Object.values(value).some(anyFrozen);
}

function drafts(): DraftResource[] {
  return [
    draft(medicationRequest({ id: 'd1', status: 'draft', atc: 'H02AB06', text: 'Prednisolon 5 mg', supply: { value: 30, unit: 'd' }, dose: { value: 2, unit: 'stk' } })),
    draft(medicationRequest({ id: 'd2', status: 'draft', rxnorm: '904431', display: 'Alendronic acid 70 MG Oral Tablet' }), false),
  ];
}

describe('robustness: nothing in the data can make the stage throw', () => {
  it('random mutations of realistic resources (deleted fields, swapped types, object-for-array, garbage dates/units/codes, null) never throw and give a value whose structure is frozen', () => {
    const t = terminology();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), fc.boolean(), (mutations, mutatePatient) => {
        const data = { patient: patient({ birthDate: '1950-05-05' }), resources: realisticResources(), unavailable: ['allergies'] };
        const draftList = drafts();
        const target: unknown = mutatePatient ? { data, draftList } : data.resources;
        mutate(target, mutations);
        const snapshot = JSON.stringify(target);
        const facts = buildFacts(data as never, draftList, NOW, t);
        expect(isStructureFrozen(facts)).toBe(true);
        // the input is read, never changed (and never frozen)
        expect(JSON.stringify(target)).toBe(snapshot);
        expect(anyFrozen(target)).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('survives input that is not even shaped like resolved data', () => {
    const t = terminology();
    const weird: unknown[] = [
      { patient: null, resources: null, unavailable: null },
      { patient: 'Patient/1', resources: 'x', unavailable: 'y' },
      { patient: { resourceType: 'Patient' }, resources: [null, 1, 'x', [], {}, { resourceType: 5 }, { resourceType: 'Observation' }], unavailable: [1, 'x'] },
    ];
    for (const data of weird) {
      expect(() => buildFacts(data as never, [null, { resource: 5 }, { resource: {} }] as never, NOW, t)).not.toThrow();
    }
  });

  it('keys like "constructor" or "__proto__" in the data never reach Object.prototype', () => {
    const t = terminology();
    const proto = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
    const resources: UntrustedResource[] = [];
    for (const key of proto) {
      resources.push({ resourceType: key, id: 'x', status: key });
      resources.push(observation({ code: 'NPU01443', system: SYS.npuOid, value: 2.3, unit: key, comparator: key, date: '2026-01-01', status: key }));
      resources.push(
        medicationRequest({
          atc: 'H02AB06',
          authoredOn: '2026-01-01',
          status: key,
          dose: { value: 1, unit: key, periodUnit: key },
          supply: { value: 3, unit: key },
          quantity: { value: 10, unit: key },
        }),
      );
    }
    const facts = buildFacts({ patient: patient(), resources, unavailable: [] }, [draft(medicationRequest({ atc: 'H02AB06', supply: { value: 3, unit: 'constructor' } }))], NOW, t);
    expect(Object.isFrozen(Object.prototype)).toBe(false);
    expect(Object.isFrozen(Function.prototype)).toBe(false);
    // a unit named "constructor" is an unknown unit, not Object.prototype.constructor
    expect(facts.labs.calcium).toEqual([]);
    expect(facts.unusable.filter((u) => u.reason === 'unknown-unit')).toHaveLength(proto.length);
    for (const r of facts.medications) expect(typeof r.status).toBe('string');
    expect(facts.drafts[0]?.durationDays).toBeUndefined();
  });

  it('fast-check: arbitrary JSON as resources never throws', () => {
    const t = terminology();
    const resource = fc.record(
      {
        resourceType: fc.constantFrom('Observation', 'Condition', 'MedicationStatement', 'MedicationRequest', 'MedicationAdministration', 'AllergyIntolerance', 'FamilyMemberHistory', 'Medication'),
        id: fc.oneof(fc.string(), fc.integer()),
        status: fc.anything(),
        code: fc.anything(),
        valueQuantity: fc.anything(),
        valueString: fc.anything(),
        effectiveDateTime: fc.anything(),
        medicationCodeableConcept: fc.anything(),
        dosage: fc.anything(),
        dosageInstruction: fc.anything(),
        onsetDateTime: fc.anything(),
        subject: fc.anything(),
      },
      { requiredKeys: ['resourceType'] },
    );
    fc.assert(
      fc.property(fc.array(resource, { maxLength: 20 }), (resources) => {
        const facts = buildFacts({ patient: patient(), resources: resources, unavailable: [] }, [], NOW, t);
        expect(Object.isFrozen(facts)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
