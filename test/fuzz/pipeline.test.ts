/**
 * Property-based fuzzing below HTTP, where more cases fit in the time: the facts stage
 * (`buildFacts`) and the whole engine (`evaluate`, both rule sets) on any resolved data — patients,
 * resources of every prefetch key with corrupted quantities, dates, codings and dosages on real
 * codes, junk resources — any draft orders and any "now".
 *
 * Properties: buildFacts never throws; evaluate never throws and its answer passes the response
 * validator. Runs: FUZZ_RUNS in all (npm test: 400 from a fixed seed; npm run fuzz: 10,000).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/cds-hooks/response.js';
import { draftsFromContext } from '../../src/cds-hooks/drafts.js';
import { buildFacts } from '../../src/facts/build-facts.js';
import type { ResolvedData } from '../../src/prefetch/types.js';
import { loadTerminology } from '../../src/terminology/index.js';
import { realEngine } from '../helpers/engine.js';
import { KEY_RESOURCES, anyJson, draftBundle, patient } from './arbitraries.js';
import { SEED, TOTAL_RUNS, fcOptions, runsFor } from './harness.js';
import { isResource } from '../../src/shared/json.js';
import { PREFETCH_KEYS } from '../../src/contract/prefetch-keys.js';
import type { RuleSet } from '../../src/contract/services.js';

const terminology = loadTerminology();
const counts = { facts: 0, engine: 0 };

const resolvedData: fc.Arbitrary<ResolvedData> = fc
  .record({
    patient,
    resources: fc.array(
      fc.oneof(
        { arbitrary: fc.oneof(...Object.values(KEY_RESOURCES)), weight: 10 },
        { arbitrary: fc.record({ resourceType: fc.constantFrom('Observation', 'Condition', 'MedicationStatement', 'Medication', 'Patient'), value: anyJson, id: anyJson }), weight: 1 },
      ),
      { maxLength: 15 },
    ),
    unavailable: fc.subarray(PREFETCH_KEYS.filter((k) => k !== 'patient')),
  })
  .map(({ patient: p, resources, unavailable }) => ({
    patient: isResource(p) ? p : { resourceType: 'Patient' },
    resources: resources.filter(isResource),
    unavailable,
  }));

const now = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true });

afterAll(() => {
  console.log(`fuzz (pipeline): ${counts.facts + counts.engine} cases run (FUZZ_RUNS=${TOTAL_RUNS}, FUZZ_SEED=${SEED}): buildFacts ${counts.facts}, evaluate ${counts.engine}`);
});

describe('fuzzing the pipeline directly', () => {
  it('buildFacts never throws, whatever the resolved data, drafts and now', () => {
    fc.assert(
      fc.property(resolvedData, draftBundle('valid'), now, (data, drafts, at) => {
        counts.facts += 1;
        const draftResources = draftsFromContext('order-sign', { draftOrders: drafts });
        expect(() => buildFacts(data, draftResources, at, terminology)).not.toThrow();
      }),
      fcOptions(runsFor(0.5)),
    );
  }, 120_000);

  it('evaluate never throws and always answers a valid CDS Hooks response, for both rule sets and languages', () => {
    const engine = realEngine();
    fc.assert(
      fc.property(resolvedData, draftBundle('valid'), now, fc.constantFrom<RuleSet>('patient-view', 'prescribing'), fc.constantFrom('da' as const, 'en' as const), (data, drafts, at, ruleSet, language) => {
        counts.engine += 1;
        const draftResources = ruleSet === 'prescribing' ? draftsFromContext('order-sign', { draftOrders: drafts }) : [];
        const response = engine.evaluate({ ruleSet, data, drafts: draftResources, now: at, language });
        expect(validateResponse(JSON.parse(JSON.stringify(response))).problems).toEqual([]);
      }),
      fcOptions(runsFor(0.5)),
    );
  }, 120_000);
});
