/**
 * What a suggestion that replaces a draft order writes into it (suggestions.ts `update` actions):
 * the drug swapped, the schedule fixed, the new drug's dosage or intake words — the rest of the
 * GP's draft kept, in its own FHIR version (a DSTU2 MedicationOrder stays DSTU2), cleaned of the
 * empty values a CDS Hooks response must not carry.
 */
import type { ProposedDrug, ScheduleFix, SuggestionSpec } from '../contract/suggestions.js';
import type { Ref } from '../contract/clinical.js';
import type { Language } from '../contract/language.js';
import { drugDosage, medicationConcept, timingRepeat } from './orders.js';
import { isRecord, type UntrustedResource } from '../shared/json.js';

export type Resource = Record<string, unknown> & { resourceType: string };

/** A draft in DSTU2: a MedicationOrder (CDS Hooks 1.0 `medication-prescribe` against a DSTU2 server). */
export function isDstu2(draft: UntrustedResource | undefined): boolean {
  return draft?.resourceType === 'MedicationOrder';
}

/**
 * The draft with its medication swapped, everything else (id, dosage, dates) kept — minus the
 * null and empty values a client may have sent, which a CDS Hooks response must not carry, and
 * with the sandbox's single objects in list fields made lists (`asR4Lists`).
 */
export function swapMedication(draft: UntrustedResource, spec: Extract<SuggestionSpec, { kind: 'prescribe' }>, lang: Language): Resource {
  const { medicationReference, ...rest } = draft;
  const kept = asR4Lists(withoutEmpty(withoutContained(rest, medicationReference)), draft.resourceType);
  return { ...kept, resourceType: draft.resourceType, medicationCodeableConcept: medicationConcept(spec.drug, lang) };
}

/**
 * The draft without the contained Medication its old `medicationReference: "#id"` pointed at: a
 * contained resource nothing references is invalid R4 (dom-3).
 */
function withoutContained(resource: Readonly<Record<string, unknown>>, reference: unknown): Readonly<Record<string, unknown>> {
  const target = isRecord(reference) && typeof reference.reference === 'string' && reference.reference.startsWith('#') ? reference.reference.slice(1) : undefined;
  if (target === undefined || !Array.isArray(resource.contained)) return resource;
  const contained = resource.contained.filter((c) => !(isRecord(c) && c.id === target));
  const { contained: _old, ...rest } = resource;
  return contained.length === 0 ? rest : { ...rest, contained };
}

/**
 * Fields of a copied draft that R4 makes lists (0..*) but the CDS Hooks sandbox sends as one
 * object: `category` (docs/cds-hooks.md §13, the sandbox's order-select and order-sign drafts in
 * fixtures/) and `reasonCode` (its `createFhirResource` sets it to the chosen Condition's `code`,
 * one CodeableConcept). The facts read both tolerantly; a resource we hand back must be valid R4.
 */
const LIST_FIELDS: Readonly<Record<string, readonly string[]>> = {
  MedicationRequest: ['category', 'reasonCode'],
};

/** The copied draft with each of those fields that holds a single object made a list of one (a new object; the draft is not touched). */
function asR4Lists(kept: unknown, resourceType: unknown): Record<string, unknown> {
  if (!isRecord(kept)) return {};
  const fields = typeof resourceType === 'string' && Object.hasOwn(LIST_FIELDS, resourceType) ? LIST_FIELDS[resourceType] : undefined;
  if (fields === undefined) return kept;
  const out: Record<string, unknown> = { ...kept };
  for (const field of fields) {
    const value = out[field];
    if (isRecord(value)) out[field] = [value];
  }
  return out;
}

/** Drops null, "", [] and {} at every depth (undefined when nothing is left). */
function withoutEmpty(value: unknown): unknown {
  if (value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(withoutEmpty).filter((v) => v !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, withoutEmpty(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

export const SCHEDULE_TEXT = {
  weekly: { da: 'én gang ugentligt', en: 'once weekly', timing: { frequency: 1, period: 1, periodUnit: 'wk' } },
  monthly: { da: 'én gang månedligt', en: 'once monthly', timing: { frequency: 1, period: 1, periodUnit: 'mo' } },
  'six-monthly': { da: 'hver 6. måned', en: 'every 6 months', timing: { frequency: 1, period: 6, periodUnit: 'mo' } },
  yearly: { da: 'én gang årligt', en: 'once yearly', timing: { frequency: 1, period: 1, periodUnit: 'a' } },
} as const;

/**
 * The draft with its dosage set to the drug's schedule (one dose of `doseMg` per period, from
 * `from` when given); everything else — id, medication, route, dispense — kept, cleaned as in
 * `swapMedication`.
 */
export function withSchedule(draft: UntrustedResource | undefined, draftRef: Ref, spec: ScheduleFix, lang: Language): Resource {
  const ref = draftRef.split('/');
  const base = asR4Lists(withoutEmpty(draft ?? { id: ref[ref.length - 1] }), draft?.resourceType ?? 'MedicationRequest');
  const first = Array.isArray(base.dosageInstruction) ? base.dosageInstruction.find(isRecord) : undefined;
  const route = first?.route;
  const words = SCHEDULE_TEXT[spec.schedule];
  const dose = { value: spec.doseMg, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' };
  const dstu2 = isDstu2(draft);
  const dosage = {
    text: `${spec.doseMg} mg ${words[lang]}`,
    timing: { repeat: { ...timingRepeat(words.timing, dstu2), ...(spec.from === undefined ? plannedBounds(first) : { boundsPeriod: { start: spec.from } }) } },
    ...(route === undefined ? {} : { route }),
    // A DSTU2 MedicationOrder carries its dose on the dosage itself (R4 moved it into doseAndRate):
    // the update stays in the draft's own version, or a DSTU2 EHR loses the structured dose.
    ...(dstu2 ? { doseQuantity: dose } : { doseAndRate: [{ doseQuantity: dose }] }),
  };
  // The supply was worked out for the wrong schedule (28 days of a "daily" weekly tablet): its
  // length, and a supply counted in more than one dose (quantity, repeats, first fill, interval),
  // are left out rather than kept stale — 30 daily tablets with three repeats are over two years of
  // a weekly one; the GP sets them. One dose (a syringe, a vial) is one dose on any schedule and stays.
  const supply = isRecord(base.dispenseRequest) ? withoutKey(base.dispenseRequest, 'expectedSupplyDuration') : undefined;
  const quantity = isRecord(supply?.quantity) ? supply.quantity.value : undefined;
  const dispense = supply === undefined || typeof quantity !== 'number' || quantity <= 1 ? supply : withoutSupply(supply);
  const { dispenseRequest: _old, ...rest } = base;
  return {
    ...rest,
    resourceType: typeof base.resourceType === 'string' ? base.resourceType : 'MedicationRequest',
    dosageInstruction: [dosage],
    ...(dispense === undefined || Object.keys(dispense).length === 0 ? {} : { dispenseRequest: dispense }),
  };
}

/** What of a dispense was counted in doses (its quantity, repeats of it, a first fill, the interval between fills): the rest (validity, pharmacy) stays. */
function withoutSupply(dispense: Record<string, unknown>): Record<string, unknown> {
  let out = dispense;
  for (const key of ['quantity', 'numberOfRepeatsAllowed', 'initialFill', 'dispenseInterval']) out = withoutKey(out, key);
  return out;
}

/** The course length the GP planned on the draft's timing (R4 `boundsDuration`, DSTU2 `boundsQuantity`, `boundsRange`, `boundsPeriod`): kept across a schedule fix. */
function plannedBounds(dosage: Record<string, unknown> | undefined): Record<string, unknown> {
  const timing = dosage?.timing;
  const repeat = isRecord(timing) ? timing.repeat : undefined;
  if (!isRecord(repeat)) return {};
  for (const key of ['boundsDuration', 'boundsQuantity', 'boundsRange', 'boundsPeriod']) if (isRecord(repeat[key])) return { [key]: repeat[key] };
  return {};
}

/**
 * The swapped draft with the new drug's own dosage line, and no supply worked out for the old one:
 * neither its length nor its quantity (98 daily tablets are 98 weeks of a weekly one) — the GP sets it.
 */
export function withDrugDosage(swapped: Resource, drug: ProposedDrug, lang: Language): Resource {
  const dispense = isRecord(swapped.dispenseRequest) ? withoutKey(withoutKey(swapped.dispenseRequest, 'expectedSupplyDuration'), 'quantity') : undefined;
  const { dispenseRequest: _old, ...rest } = swapped;
  return { ...rest, dosageInstruction: [drugDosage(drug, lang, swapped.resourceType === 'MedicationOrder')], ...(dispense === undefined || Object.keys(dispense).length === 0 ? {} : { dispenseRequest: dispense }) };
}

/**
 * The draft's dose and timing kept, the drug's own words for how it is taken: a tablet switched to
 * the effervescent one (card l. 68-69 "Brusetablet indtages efter opløsning i et halvt glas vand")
 * had kept "1 tablet 1 gang ugentligt" under Binosto's name. The GP's own instruction to the patient
 * stays; the drug's is added where there is none (not to a DSTU2 MedicationOrder, which has no such
 * field) — and takes the place of its sentences about swallowing the tablet (whole, uncrushed: the
 * tablet's own, this service's included), which the pharmacy label would print for a tablet that is
 * dissolved; the GP's other sentences (a weekday, a warning) stay after it.
 */
export function withIntakeWords(swapped: Resource, drug: ProposedDrug, lang: Language): Resource {
  if (!Array.isArray(swapped.dosageInstruction)) return swapped;
  const own = drugDosage(drug, lang);
  const instruction = swapped.resourceType === 'MedicationOrder' || typeof own.patientInstruction !== 'string' ? undefined : own.patientInstruction;
  return {
    ...swapped,
    dosageInstruction: swapped.dosageInstruction.map((d: unknown) => {
      if (!isRecord(d)) return d;
      // Coded instructions ("Swallow whole", SNOMED 417995008) go as the written ones do.
      const additional = Array.isArray(d.additionalInstruction) ? d.additionalInstruction.filter((a: unknown) => !isSwallowingConcept(a)) : undefined;
      const droppedCoded = additional !== undefined && Array.isArray(d.additionalInstruction) && additional.length < d.additionalInstruction.length;
      const written = instruction === undefined ? undefined : effervescentInstruction(instruction, d.patientInstruction);
      const patientInstruction = written ?? (droppedCoded && instruction !== undefined ? [instruction, typeof d.patientInstruction === 'string' ? d.patientInstruction : ''].join(' ').trim() : undefined);
      const { additionalInstruction: _old, ...rest } = d;
      return {
        ...rest,
        text: own.text,
        ...(additional === undefined ? (d.additionalInstruction === undefined ? {} : { additionalInstruction: d.additionalInstruction }) : additional.length === 0 ? {} : { additionalInstruction: additional }),
        ...(patientInstruction === undefined ? {} : { patientInstruction }),
      };
    }),
  };
}

/** A clause about swallowing the tablet (whole, uncrushed, unchewed; Danish or English): wrong for an effervescent tablet. "Hele året", "helt fastende" are not. */
const SWALLOWING_CLAUSE = /\b(?:synk|slug|swallow)\w*|\b(?:tag|take)\w*(?: (?:the |tabletten|tablet|it))? ?(?:hel|whole)\b|\bhele tabletten\b|\btabletten? hel\b|crush|knus|tygge?s?\b|chew/i;
/** SNOMED CT additional instructions about swallowing: 417995008 swallow whole, 418693002 swallowed with plenty of water. */
const SWALLOWING_CODES: ReadonlySet<string> = new Set(['417995008', '418693002']);

function isSwallowingConcept(concept: unknown): boolean {
  if (!isRecord(concept)) return false;
  const codings = Array.isArray(concept.coding) ? concept.coding.filter(isRecord) : [];
  if (codings.some((c) => typeof c.code === 'string' && SWALLOWING_CODES.has(c.code))) return true;
  const words = [concept.text, ...codings.map((c) => c.display)].filter((w): w is string => typeof w === 'string');
  return words.some((w) => SWALLOWING_CLAUSE.test(w));
}
/** Where the draft's instruction divides into clauses: sentence ends, semicolons, line breaks, commas, dashes between words. */
const CLAUSE_END = /([.!?;]+ ?|\n+|, | [-–] )/;

/**
 * The effervescent instruction in place of the draft's clauses about swallowing the tablet, its
 * other clauses kept after it (a weekday, a dentist's note) [choice: a warning that names swallowing
 * goes too — no swallowing words on a tablet that is dissolved]; none where the draft's own has none
 * of them (it stays).
 */
function effervescentInstruction(own: string, theirs: unknown): string | undefined {
  if (typeof theirs !== 'string') return own;
  const parts = theirs.split(CLAUSE_END);
  let dropped = false;
  let kept = '';
  // parts alternate clause, separator, clause, …: a dropped clause takes its separator with it.
  for (let i = 0; i < parts.length; i += 2) {
    const clause = parts[i] ?? '';
    if (SWALLOWING_CLAUSE.test(clause)) {
      dropped = true;
      continue;
    }
    kept += clause + (parts[i + 1] ?? '');
  }
  if (!dropped) return undefined;
  const rest = balanced(trimSeparators(kept));
  return rest === '' ? own : `${own} ${rest}`;
}

/** The kept clauses without a bracket left open by a dropped clause ("Tages mandag (1 tablet, synkes hel)"): cut from it. */
function balanced(text: string): string {
  const open = text.lastIndexOf('(');
  return open >= 0 && text.indexOf(')', open) < 0 ? trimSeparators(text.slice(0, open)) : text;
}

/** The kept clauses without a separator left dangling at either end. */
function trimSeparators(text: string): string {
  const separator = new Set([' ', '\n', ',', ';', ':', '-', '–']);
  let start = 0;
  let end = text.length;
  while (start < end && separator.has(text.charAt(start))) start += 1;
  while (end > start && separator.has(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

function withoutKey(record: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}
