/**
 * The discovery document of the four services (src/contract/services.ts)
 * ({@link https://cds-hooks.hl7.org/2.0/#discovery}). `cds-services.json` at the top level is
 * `buildDiscovery(engine.observationCodes)` written out; GET /cds-services serves the same object.
 *
 * Prefetch templates use only CDS Hooks 2.0 tokens (`{{context.patientId}}`), the allowed query
 * subset (reference, token by equality, `_sort`), and one parameter of each name (the sandbox merges
 * repeated ones into an OR).
 */
import { z } from 'zod';
import { PREFETCH_KEYS, type PrefetchKey } from '../contract/prefetch-keys.js';
import { SERVICES, USAGE_REQUIREMENTS } from '../contract/services.js';

/**
 * The prefetch templates of every service. `observationCodes` are the codes of the bound
 * value sets (plain codes or `system|code`); they become one comma-separated `code` parameter.
 */
export function prefetchTemplates(observationCodes: readonly string[]): Readonly<Record<PrefetchKey, string>> {
  const codes = [...new Set(observationCodes.map((c) => c.trim()).filter((c) => c.length > 0))];
  if (codes.length === 0) throw new Error('prefetchTemplates: no observation codes to ask for');
  // Codes are URL-encoded one by one; the commas between them stay literal (FHIR "or").
  const codeList = codes.map((c) => encodeURIComponent(c).replace(/%7C/gi, '|')).join(',');
  const p = 'patient={{context.patientId}}';
  return {
    patient: 'Patient/{{context.patientId}}',
    observations: `Observation?${p}&code=${codeList}&_sort=-date`,
    conditions: `Condition?${p}`,
    medicationStatements: `MedicationStatement?${p}`,
    medicationRequests: `MedicationRequest?${p}`,
    medicationAdministrations: `MedicationAdministration?${p}`,
    allergies: `AllergyIntolerance?${p}`,
    familyHistory: `FamilyMemberHistory?${p}`,
  };
}

export const DISCOVERY_EXTENSION_VERSIONS = 'osteo-cds.versions';

/** The service's versions (GET /version), as discovery carries them. */
export const versionsSchema = z.strictObject({ service: z.string().min(1), rules: z.string().min(1), guideline: z.string().min(1) });

/** {@link https://cds-hooks.hl7.org/2.0/#response} — the discovery document. */
export const discoveryServiceSchema = z.strictObject({
  hook: z.string().min(1),
  title: z.string().min(1).optional(),
  description: z.string().min(1),
  id: z.string().regex(/^[A-Za-z0-9\-._~]+$/),
  prefetch: z.record(z.string().min(1), z.string().min(1)).optional(),
  usageRequirements: z.string().min(1).optional(),
  /** CDS Hooks 2.0 extension; `osteo-cds.versions` names the service, rules and guideline versions. */
  extension: z.looseObject({ [DISCOVERY_EXTENSION_VERSIONS]: versionsSchema }).optional(),
});

export const discoverySchema = z.strictObject({ services: z.array(discoveryServiceSchema) });

export type DiscoveryService = z.infer<typeof discoveryServiceSchema>;
export type Discovery = z.infer<typeof discoverySchema>;

export type ServiceVersions = z.infer<typeof versionsSchema>;

/** `versions`: the same object GET /version answers, on every service. */
export function buildDiscovery(observationCodes: readonly string[], versions: ServiceVersions): Discovery {
  const prefetch = prefetchTemplates(observationCodes);
  return {
    services: SERVICES.map((s) => ({
      hook: s.hook,
      title: s.title,
      description: s.description,
      id: s.id,
      // Key order as in PREFETCH_KEYS, so cds-services.json is stable.
      prefetch: Object.fromEntries(PREFETCH_KEYS.map((k) => [k, prefetch[k]])),
      usageRequirements: USAGE_REQUIREMENTS,
      extension: { [DISCOVERY_EXTENSION_VERSIONS]: { ...versions } },
    })),
  };
}
