/**
 * The four services of the contract (docs/service-contract.md): ids, hooks, which part of the
 * guideline each runs, and the texts the discovery document shows. The protocol layer serves them
 * (src/cds-hooks/discovery.ts) without knowing what they are about.
 */

/** The CDS Hooks this service answers ({@link https://cds-hooks.hl7.org/2.0/#hooks}). */
export const HOOKS = ['patient-view', 'order-select', 'order-sign', 'medication-prescribe'] as const;
export type Hook = (typeof HOOKS)[number];

/** Which part of the guideline a service runs: patient-view (rules.md 2–3) or prescribing (4). */
export type RuleSet = 'patient-view' | 'prescribing';

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
      'When a patient chart is opened, checks the record against the Danish general-practice osteoporosis guideline (DSAM card, April 2025 ver. 3): whether diagnostic or treatment criteria are met, which checks and supplements belong before treatment, and what follow-up is due (bone markers, DXA, denosumab and zoledronic acid schedules, pause or continuation of bisphosphonates and the DXA recall during a pause). ' +
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

export const USAGE_REQUIREMENTS =
  'Needs read access to Patient, Observation, Condition, MedicationStatement, MedicationRequest, MedicationAdministration, AllergyIntolerance and FamilyMemberHistory of the patient (prefetch, or fhirServer with fhirAuthorization), and to Medication where records name their drug only by a Medication reference. FHIR R4.';
