/**
 * The four services of the contract and their discovery document
 * ({@link https://cds-hooks.hl7.org/2.0/#discovery}). `cds-services.json` at the top level is
 * `buildDiscovery(engine.observationCodes)` written out; GET /cds-services serves the same object.
 *
 * Prefetch templates use only CDS Hooks 2.0 tokens (`{{context.patientId}}`), the allowed query
 * subset (reference, token by equality, `_sort`), and one parameter of each name (the sandbox merges
 * repeated ones into an OR).
 */
import { z } from 'zod';
import type { RuleSet } from '../pipeline.js';
import { PREFETCH_KEYS, type PrefetchKey } from '../rules/catalogue.js';
import type { Hook } from './request.js';

export interface ServiceDefinition {
  readonly id: string;
  readonly hook: Hook;
  readonly ruleSet: RuleSet;
  readonly title: string;
  readonly description: string;
}

const LANGUAGE_NOTE =
  'Cards are in Danish by default; send Accept-Language: en for English.';

/** The public service ids (docs/service-contract.md): extend, never rename. */
export const SERVICES: readonly ServiceDefinition[] = [
  {
    id: 'osteoporosis-patient-view',
    hook: 'patient-view',
    ruleSet: 'patient-view',
    title: 'Osteoporosis: diagnosis, treatment choice and follow-up (Danish GP guideline)',
    description:
      'When a patient chart is opened, checks the record against the Danish general-practice osteoporosis guideline (DSAM card, April 2025 ver. 3): whether diagnostic or treatment criteria are met, which checks and supplements belong before treatment, and what follow-up is due (bone markers, DXA, denosumab and zoledronic acid schedules, pause or continuation of bisphosphonates). ' +
      LANGUAGE_NOTE,
  },
  {
    id: 'osteoporosis-medication-prescribe',
    hook: 'medication-prescribe',
    ruleSet: 'prescribing',
    title: 'Osteoporosis: prescribing safety (legacy medication-prescribe hook)',
    description:
      'For clients that still fire the deprecated CDS Hooks 1.0 medication-prescribe hook: checks draft MedicationRequests in context.medications against the Danish GP osteoporosis guideline (kidney function, calcium and vitamin D before a start, contraindications to oral bisphosphonates, doses more frequent than the drug schedule, duplicate antiresorptives, denosumab schedule, glucocorticoid bone protection). Same rules as osteoporosis-order-select and osteoporosis-order-sign; prefer those. ' +
      LANGUAGE_NOTE,
  },
  {
    id: 'osteoporosis-order-select',
    hook: 'order-select',
    ruleSet: 'prescribing',
    title: 'Osteoporosis: prescribing safety while choosing an order',
    description:
      'While a medication order is being chosen, checks the selected draft orders against the Danish GP osteoporosis guideline: kidney function, calcium and vitamin D before starting (not on renewals), contraindications to oral bisphosphonates, doses more frequent than the drug schedule (alendronate weekly, denosumab every 6 months, zoledronic acid yearly), duplicate antiresorptives, denosumab schedule and biosimilars, glucocorticoid bone protection and treatment duration. ' +
      LANGUAGE_NOTE,
  },
  {
    id: 'osteoporosis-order-sign',
    hook: 'order-sign',
    ruleSet: 'prescribing',
    title: 'Osteoporosis: prescribing safety at signing',
    description:
      'When orders are signed, checks every draft medication order against the Danish GP osteoporosis guideline: kidney function, calcium and vitamin D before starting (not on renewals), contraindications to oral bisphosphonates, doses more frequent than the drug schedule (alendronate weekly, denosumab every 6 months, zoledronic acid yearly), duplicate antiresorptives, denosumab schedule and biosimilars, glucocorticoid bone protection and treatment duration. ' +
      LANGUAGE_NOTE,
  },
];

export function findService(id: string): ServiceDefinition | undefined {
  return SERVICES.find((s) => s.id === id);
}

const USAGE_REQUIREMENTS =
  'Needs read access to Patient, Observation, Condition, MedicationStatement, MedicationRequest, MedicationAdministration, AllergyIntolerance and FamilyMemberHistory of the patient (prefetch, or fhirServer with fhirAuthorization). FHIR R4.';

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
