/**
 * Small typed builders for FHIR resources as EHRs send them, for the facts-stage tests: one line per
 * resource instead of copy-pasted JSON. Every builder produces plain JSON (an `UntrustedResource`);
 * options left out are left out of the resource.
 */
import { buildFacts } from '../../src/facts/build-facts.js';
import type { PatientFacts } from '../../src/facts/types.js';
import type { DraftResource, ResolvedData } from '../../src/prefetch/types.js';
import { loadTerminology, type Terminology } from '../../src/terminology/index.js';
import { SYS } from './facts-systems.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import type { PrefetchKey } from '../../src/contract/prefetch-keys.js';

export { SYS };

export const PATIENT_ID = 'pt-1';
/** 2026-06-15 12:00 in Copenhagen. */
export const NOW = new Date('2026-06-15T10:00:00Z');
export const TODAY = '2026-06-15';

let cached: Terminology | undefined;
export function terminology(): Terminology {
  cached ??= loadTerminology();
  return cached;
}

export interface CodingSpec {
  readonly system?: string;
  readonly code?: string;
  readonly display?: string;
}

export function coding(system: string, code: string, display?: string): CodingSpec {
  return { system, code, ...(display === undefined ? {} : { display }) };
}

function codeable(codings: readonly CodingSpec[] | undefined, text?: string): Record<string, unknown> | undefined {
  if ((codings === undefined || codings.length === 0) && text === undefined) return undefined;
  return { ...(codings === undefined || codings.length === 0 ? {} : { coding: codings.map((c) => ({ ...c })) }), ...(text === undefined ? {} : { text }) };
}

function codingsOf(o: { code?: string; system?: string; display?: string; codings?: readonly CodingSpec[] }): CodingSpec[] {
  const out: CodingSpec[] = [...(o.codings ?? [])];
  if (o.code !== undefined) out.unshift({ system: o.system ?? SYS.loinc, code: o.code, ...(o.display === undefined ? {} : { display: o.display }) });
  return out;
}

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

function defined(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}

function subjectOf(subject: string | null | undefined): { reference: string } | undefined {
  if (subject === null) return undefined;
  return { reference: subject ?? `Patient/${PATIENT_ID}` };
}

export function patient(o: { id?: string; gender?: string; birthDate?: string } = {}): UntrustedResource {
  return { resourceType: 'Patient', ...defined({ id: o.id ?? PATIENT_ID, gender: o.gender ?? 'female', birthDate: o.birthDate ?? '1955-03-10' }) };
}

export interface ObservationSpec {
  readonly id?: string;
  readonly code?: string;
  readonly system?: string;
  readonly display?: string;
  readonly codings?: readonly CodingSpec[];
  readonly text?: string;
  readonly value?: number;
  /** Human unit string (`valueQuantity.unit`). */
  readonly unit?: string;
  /** UCUM code (`valueQuantity.code` with the UCUM system). */
  readonly ucum?: string;
  readonly comparator?: string;
  readonly valueString?: string;
  readonly valueCode?: CodingSpec;
  readonly valueText?: string;
  readonly valueBoolean?: boolean;
  readonly date?: string;
  readonly issued?: string;
  readonly status?: string;
  readonly interpretation?: readonly string[];
  readonly referenceRange?: readonly Record<string, unknown>[];
  readonly bodySite?: string;
  readonly performer?: { readonly reference?: string; readonly display?: string };
  readonly components?: readonly ObservationSpec[];
  readonly subject?: string | null;
  readonly category?: 'object' | 'array';
}

function valueOf(o: ObservationSpec): Record<string, unknown> {
  if (o.value !== undefined) {
    return {
      valueQuantity: defined({
        value: o.value,
        comparator: o.comparator,
        unit: o.unit,
        ...(o.ucum === undefined ? {} : { system: SYS.ucum, code: o.ucum }),
      }),
    };
  }
  if (o.valueString !== undefined) return { valueString: o.valueString };
  if (o.valueCode !== undefined || o.valueText !== undefined) return { valueCodeableConcept: codeable(o.valueCode === undefined ? undefined : [o.valueCode], o.valueText) };
  if (o.valueBoolean !== undefined) return { valueBoolean: o.valueBoolean };
  return {};
}

export function observation(o: ObservationSpec): UntrustedResource {
  const category = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] };
  return {
    resourceType: 'Observation',
    ...defined({
      id: o.id ?? nextId('obs'),
      status: o.status ?? 'final',
      category: o.category === 'object' ? category : [category],
      code: codeable(codingsOf(o), o.text),
      subject: subjectOf(o.subject),
      effectiveDateTime: o.date,
      issued: o.issued,
      performer: o.performer === undefined ? undefined : [defined({ ...o.performer })],
      ...valueOf(o),
      interpretation: o.interpretation === undefined ? undefined : [{ coding: o.interpretation.map((code) => ({ system: SYS.interpretation, code })) }],
      referenceRange: o.referenceRange,
      bodySite: o.bodySite === undefined ? undefined : { text: o.bodySite },
      component: o.components?.map((c) => defined({ code: codeable(codingsOf(c), c.text), ...valueOf(c) })),
    }),
  };
}

export interface ConditionSpec {
  readonly id?: string;
  readonly code?: string;
  readonly system?: string;
  readonly display?: string;
  readonly codings?: readonly CodingSpec[];
  readonly text?: string;
  readonly onset?: string;
  readonly onsetAge?: number;
  readonly recorded?: string;
  readonly abatement?: string;
  readonly clinicalStatus?: string;
  readonly verificationStatus?: string;
  readonly bodySite?: string;
  readonly note?: string;
  readonly lowEnergy?: boolean;
  readonly subject?: string | null;
}

export function condition(o: ConditionSpec): UntrustedResource {
  const status = (system: string, code: string | undefined): Record<string, unknown> | undefined =>
    code === undefined ? undefined : { coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] };
  return {
    resourceType: 'Condition',
    ...defined({
      id: o.id ?? nextId('cond'),
      clinicalStatus: status('condition-clinical', o.clinicalStatus),
      verificationStatus: status('condition-ver-status', o.verificationStatus),
      code: codeable(codingsOf({ ...o, system: o.system ?? SYS.snomed }), o.text),
      bodySite: o.bodySite === undefined ? undefined : [{ text: o.bodySite }],
      subject: subjectOf(o.subject),
      onsetDateTime: o.onset,
      onsetAge: o.onsetAge === undefined ? undefined : { value: o.onsetAge, unit: 'years', system: SYS.ucum, code: 'a' },
      abatementDateTime: o.abatement,
      recordedDate: o.recorded,
      note: o.note === undefined ? undefined : [{ text: o.note }],
      extension: o.lowEnergy === undefined ? undefined : [{ url: 'http://example.org/fhir/StructureDefinition/low-energy-fracture', valueBoolean: o.lowEnergy }],
    }),
  };
}

export interface MedicationSpec {
  readonly id?: string;
  readonly atc?: string;
  readonly rxnorm?: string;
  readonly display?: string;
  readonly codings?: readonly CodingSpec[];
  readonly text?: string;
  readonly status?: string;
  /** Daily dose line: value (unit) × frequency per period. */
  readonly dose?: { readonly value: number; readonly unit?: string; readonly frequency?: number; readonly period?: number; readonly periodUnit?: string };
  readonly route?: string;
  /** The dosage line's text (a US sig or an FMK text), alone or beside `dose`. */
  readonly sig?: string;
  readonly medicationReference?: string;
  readonly contained?: readonly UntrustedResource[];
  readonly subject?: string | null;
}

function medicationCodeable(o: MedicationSpec): Record<string, unknown> | undefined {
  const codings: CodingSpec[] = [...(o.codings ?? [])];
  if (o.atc !== undefined) codings.push(coding(SYS.atc, o.atc, o.display));
  if (o.rxnorm !== undefined) codings.push(coding(SYS.rxnorm, o.rxnorm, o.display));
  return codeable(codings, o.text);
}

function dosageOf(o: MedicationSpec): Record<string, unknown>[] | undefined {
  if (o.dose === undefined && o.route === undefined && o.sig === undefined) return undefined;
  const d = o.dose;
  return [
    defined({
      text: o.sig,
      route: o.route === undefined ? undefined : { text: o.route },
      timing:
        d === undefined
          ? undefined
          : { repeat: { frequency: d.frequency ?? 1, period: d.period ?? 1, periodUnit: d.periodUnit ?? 'd' } },
      doseAndRate: d === undefined ? undefined : [{ doseQuantity: defined({ value: d.value, unit: d.unit }) }],
    }),
  ];
}

function medicationOf(o: MedicationSpec): Record<string, unknown> {
  if (o.medicationReference !== undefined) return { medicationReference: { reference: o.medicationReference } };
  return { medicationCodeableConcept: medicationCodeable(o) };
}

export function medicationStatement(
  o: MedicationSpec & { readonly start?: string; readonly end?: string; readonly dateTime?: string; readonly asserted?: string },
): UntrustedResource {
  return {
    resourceType: 'MedicationStatement',
    ...defined({
      id: o.id ?? nextId('ms'),
      status: o.status ?? 'active',
      contained: o.contained,
      ...medicationOf(o),
      subject: subjectOf(o.subject),
      effectivePeriod: o.start === undefined && o.end === undefined ? undefined : defined({ start: o.start, end: o.end }),
      effectiveDateTime: o.dateTime,
      dateAsserted: o.asserted,
      dosage: dosageOf(o),
    }),
  };
}

export function medicationRequest(
  o: MedicationSpec & {
    readonly authoredOn?: string;
    readonly validity?: { readonly start?: string; readonly end?: string };
    readonly supply?: { readonly value: number; readonly unit: string };
    readonly repeats?: number;
    readonly quantity?: { readonly value: number; readonly unit?: string };
    readonly intent?: string;
    readonly lastUpdated?: string;
  },
): UntrustedResource {
  const dispense = defined({
    validityPeriod: o.validity === undefined ? undefined : defined({ ...o.validity }),
    expectedSupplyDuration: o.supply === undefined ? undefined : { value: o.supply.value, unit: o.supply.unit, system: SYS.ucum, code: o.supply.unit },
    numberOfRepeatsAllowed: o.repeats,
    quantity: o.quantity === undefined ? undefined : defined({ ...o.quantity }),
  });
  return {
    resourceType: 'MedicationRequest',
    ...defined({
      id: o.id ?? nextId('mr'),
      meta: o.lastUpdated === undefined ? undefined : { lastUpdated: o.lastUpdated },
      status: o.status ?? 'active',
      intent: o.intent ?? 'order',
      contained: o.contained,
      ...medicationOf(o),
      subject: subjectOf(o.subject),
      authoredOn: o.authoredOn,
      dosageInstruction: dosageOf(o),
      dispenseRequest: Object.keys(dispense).length === 0 ? undefined : dispense,
    }),
  };
}

export function medicationAdministration(o: MedicationSpec & { readonly date?: string; readonly doseMg?: number }): UntrustedResource {
  return {
    resourceType: 'MedicationAdministration',
    ...defined({
      id: o.id ?? nextId('ma'),
      status: o.status ?? 'completed',
      ...medicationOf(o),
      subject: subjectOf(o.subject),
      effectiveDateTime: o.date,
      dosage: o.doseMg === undefined ? undefined : { dose: { value: o.doseMg, unit: 'mg', system: SYS.ucum, code: 'mg' } },
    }),
  };
}

export function medication(o: { id: string; codings?: readonly CodingSpec[]; text?: string; form?: string; strengthMg?: number }): UntrustedResource {
  return {
    resourceType: 'Medication',
    ...defined({
      id: o.id,
      code: codeable(o.codings, o.text),
      form: o.form === undefined ? undefined : { text: o.form },
      ingredient:
        o.strengthMg === undefined
          ? undefined
          : [{ itemCodeableConcept: { text: 'active' }, strength: { numerator: { value: o.strengthMg, unit: 'mg' }, denominator: { value: 1, unit: 'tablet' } } }],
    }),
  };
}

export function allergy(o: {
  id?: string;
  codings?: readonly CodingSpec[];
  text?: string;
  type?: string;
  clinicalStatus?: string;
  verificationStatus?: string;
  recorded?: string;
  substance?: { codings?: readonly CodingSpec[]; text?: string };
}): UntrustedResource {
  const status = (system: string, code: string | undefined): Record<string, unknown> | undefined =>
    code === undefined ? undefined : { coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] };
  return {
    resourceType: 'AllergyIntolerance',
    ...defined({
      id: o.id ?? nextId('ai'),
      type: o.type,
      clinicalStatus: status('allergyintolerance-clinical', o.clinicalStatus),
      verificationStatus: status('allergyintolerance-verification', o.verificationStatus),
      code: codeable(o.codings, o.text),
      patient: { reference: `Patient/${PATIENT_ID}` },
      recordedDate: o.recorded,
      reaction: o.substance === undefined ? undefined : [{ substance: codeable(o.substance.codings, o.substance.text) }],
    }),
  };
}

export function familyHistory(o: {
  id?: string;
  relationship?: string;
  relationshipText?: string;
  conditions: readonly { codings?: readonly CodingSpec[]; text?: string }[];
  date?: string;
  status?: string;
}): UntrustedResource {
  return {
    resourceType: 'FamilyMemberHistory',
    ...defined({
      id: o.id ?? nextId('fmh'),
      status: o.status ?? 'completed',
      patient: { reference: `Patient/${PATIENT_ID}` },
      date: o.date,
      relationship: codeable(o.relationship === undefined ? undefined : [coding(SYS.roleCode, o.relationship)], o.relationshipText),
      condition: o.conditions.map((c) => ({ code: codeable(c.codings, c.text) })),
    }),
  };
}

export function resolved(
  resources: readonly UntrustedResource[],
  o: { patient?: UntrustedResource; unavailable?: readonly PrefetchKey[] } = {},
): ResolvedData {
  return { patient: o.patient ?? patient(), resources, unavailable: o.unavailable ?? [] };
}

export function draft(resource: UntrustedResource, selected = true): DraftResource {
  return { resource, ref: `MedicationRequest/${typeof resource.id === 'string' ? resource.id : 'draft'}`, selected };
}

/** Facts of a patient with these resources, at `NOW` unless given. */
export function factsOf(
  resources: readonly UntrustedResource[],
  o: { now?: Date; patient?: UntrustedResource; drafts?: readonly DraftResource[]; unavailable?: readonly PrefetchKey[] } = {},
): PatientFacts {
  return buildFacts(resolved(resources, o), o.drafts ?? [], o.now ?? NOW, terminology());
}
