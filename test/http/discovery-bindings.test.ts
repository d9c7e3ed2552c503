/**
 * The discovery prefetch `code=` list is generated from the terminology bindings (issue 3): the
 * committed cds-services.json is exactly what the built-in bindings produce, so the codes the
 * service asks for and the codes the facts stage understands cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDiscovery } from '../../src/cds-hooks/discovery.js';
import { createEngine } from '../../src/engine.js';
import { GUIDELINE_VERSION, RULES_VERSION } from '../../src/rules/version.js';
import { loadTerminology, observationSearchCodes } from '../../src/terminology/index.js';
import { serviceVersion } from '../../src/versions.js';

describe('cds-services.json', () => {
  it('equals the discovery document generated from the built-in bindings (npm run discovery:write)', () => {
    const committed: unknown = JSON.parse(readFileSync(new URL('../../cds-services.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildDiscovery(observationSearchCodes(loadTerminology()), { service: serviceVersion(), rules: RULES_VERSION, guideline: GUIDELINE_VERSION }))));
  });

  it('asks for every LOINC and NPU code the labs and DXA rules read', () => {
    const codes = createEngine().observationCodes;
    for (const code of ['38265-5', '38267-1', 'NPU10267', 'DNK35302', 'NPU01443', '77370-5', '41171-0', '14635-7']) expect(codes).toContain(code);
  });
});
