/**
 * Small typed builders for PatientFacts, so rule tests read like the card:
 *   patient({ sex: 'female', age: 70, dxa: [scan('2026-08-12', { 'lumbar-spine': -2.8 })] })
 * Every builder gives each fact its own reference (`Observation/obs-3`) for evidence assertions.
 */
import type {
  BoneMarkerKind,
  BoneMarkerMeasurement,
  CalciumKind,
  CalciumMeasurement,
  ConditionConcept,
  ConditionFact,
  Course,
  CourseStatus,
  DraftOrder,
  DrugId,
  DrugIdentity,
  DxaScan,
  DxaScore,
  DxaSite,
  Fracture,
  FractureMechanism,
  FractureSite,
  GlucocorticoidExposure,
  Intolerance,
  Measurement,
  MedicationRecord,
  PatientFacts,
  Performer,
} from '../../src/facts/types.js';
import { DRUG_CLASS } from '../../src/facts/concepts.js';
import { DEFAULT_SETTINGS, type GuidelineSettings } from '../../src/rules/settings.js';
import type { RuleContext } from '../../src/rules/types.js';
import { addYears, daysBetween, type LocalDate } from '../../src/time/local-date.js';

/** The pinned "now" of rule tests: a Thursday in November 2026. */
export const TODAY: LocalDate = '2026-11-26';

let counter = 0;
function id(prefix: string): string {
  counter += 1;
  return `${prefix}/${prefix.toLowerCase().slice(0, 3)}-${counter}`;
}

const NO_GC: GlucocorticoidExposure = {
  currentDailyMg: 0,
  highDoseThreeMonths: false,
  cumulativeMg12Months: 0,
  meetsThreshold: false,
  active: false,
  refs: [],
  uses: [],
};

export type FactsInput = Partial<Omit<PatientFacts, 'labs' | 'vitals' | 'lifestyle' | 'dxa'>> & {
  readonly labs?: Partial<PatientFacts['labs']>;
  readonly vitals?: Partial<PatientFacts['vitals']>;
  readonly lifestyle?: PatientFacts['lifestyle'];
  readonly dxa?: readonly DxaScan[];
};

/** A patient with nothing recorded but what is given; `age` sets a birth date to match. */
export function patient(input: FactsInput = {}): PatientFacts {
  const today = input.today ?? TODAY;
  const age = input.age;
  const birthDate = input.birthDate ?? (age === undefined ? undefined : addYears(today, -age));
  const sortDesc = <T extends { date: LocalDate }>(xs: readonly T[] | undefined): readonly T[] => [...(xs ?? [])].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return {
    today,
    patientRef: input.patientRef ?? 'Patient/p1',
    sex: input.sex ?? 'female',
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(age === undefined ? {} : { age }),
    ...(input.ageAtLeast === undefined ? {} : { ageAtLeast: input.ageAtLeast }),
    ...(input.menopauseRecorded === undefined ? {} : { menopauseRecorded: input.menopauseRecorded }),
    labs: {
      egfr: sortDesc(input.labs?.egfr),
      creatinine: sortDesc(input.labs?.creatinine),
      calcium: sortDesc(input.labs?.calcium),
      vitaminD: sortDesc(input.labs?.vitaminD),
      albumin: sortDesc(input.labs?.albumin),
      boneMarkers: sortDesc(input.labs?.boneMarkers),
    },
    unusable: input.unusable ?? [],
    dxa: { scans: sortDesc(input.dxa) },
    vitals: {
      height: sortDesc(input.vitals?.height),
      bmi: sortDesc(input.vitals?.bmi),
      weight: sortDesc(input.vitals?.weight),
    },
    lifestyle: input.lifestyle ?? {},
    fractures: input.fractures ?? [],
    conditions: input.conditions ?? [],
    familyHistory: input.familyHistory ?? [],
    medications: input.medications ?? [],
    courses: [...(input.courses ?? [])].sort((a, b) => (a.lastDose < b.lastDose ? 1 : -1)),
    glucocorticoid: input.glucocorticoid ?? NO_GC,
    intolerances: input.intolerances ?? [],
    drafts: input.drafts ?? [],
    unavailable: input.unavailable ?? [],
    deceased: input.deceased ?? false,
    futureDated: input.futureDated ?? [],
    unidentifiedMedications: input.unidentifiedMedications ?? [],
  };
}

export function ctxOf(facts: PatientFacts, settings: Partial<GuidelineSettings> = {}): RuleContext {
  return { facts, today: facts.today, settings: { ...DEFAULT_SETTINGS, ...settings } };
}

// --- observations -----------------------------------------------------------------------------

function measurement(value: number, unit: string, date: LocalDate, code: string, extra: Partial<Measurement> = {}): Measurement {
  return { value, unit, date, ref: id('Observation'), code: { system: 'http://loinc.org', code }, interpretation: [], ...extra };
}

export const egfr = (value: number, date: LocalDate, extra?: Partial<Measurement>): Measurement => measurement(value, 'mL/min/{1.73_m2}', date, '98979-8', extra);
export const creatinine = (value: number, date: LocalDate): Measurement => measurement(value, 'umol/L', date, '14682-9');
export const vitaminD = (value: number, date: LocalDate): Measurement => measurement(value, 'nmol/L', date, '14635-7');
export const height = (cm: number, date: LocalDate): Measurement => measurement(cm, 'cm', date, '8302-2');
export const bmi = (value: number, date: LocalDate): Measurement => measurement(value, 'kg/m2', date, '39156-5');
export const weight = (kg: number, date: LocalDate): Measurement => measurement(kg, 'kg', date, '29463-7');

export function calcium(value: number, date: LocalDate, kind: CalciumKind = 'total', extra: Partial<CalciumMeasurement> = {}): CalciumMeasurement {
  return { ...measurement(value, 'mmol/L', date, kind === 'ionised' ? '1995-0' : kind === 'corrected' ? '29265-6' : '2000-8'), kind, ...extra };
}

export function marker(marker: BoneMarkerKind, value: number, date: LocalDate, extra: Partial<BoneMarkerMeasurement> = {}): BoneMarkerMeasurement {
  return { ...measurement(value, 'ug/L', date, marker === 'p1np' ? '77370-5' : '41171-0'), marker, ...extra };
}

export const p1np = (value: number, date: LocalDate, extra?: Partial<BoneMarkerMeasurement>): BoneMarkerMeasurement => marker('p1np', value, date, extra);
export const ctx = (value: number, date: LocalDate, extra?: Partial<BoneMarkerMeasurement>): BoneMarkerMeasurement => marker('ctx', value, date, extra);

/** One DXA examination: `scan('2026-08-12', { 'lumbar-spine': -2.8, 'total-hip': -1.9 })`. */
export function scan(
  date: LocalDate,
  tScores: Partial<Record<DxaSite, number>>,
  opts: { zScores?: Partial<Record<DxaSite, number>>; performer?: Performer; significantDecrease?: boolean } = {},
): DxaScan {
  const score = (site: DxaSite, value: number): DxaScore => ({
    site,
    value,
    date,
    ref: id('Observation'),
    code: { system: 'http://loinc.org', code: '38267-1' },
    significantDecrease: opts.significantDecrease ?? false,
  });
  const t = Object.entries(tScores).map(([site, v]) => score(site as DxaSite, v));
  const z = Object.entries(opts.zScores ?? {}).map(([site, v]) => score(site as DxaSite, v));
  return {
    date,
    ...(opts.performer === undefined ? {} : { performer: opts.performer }),
    tScores: t,
    zScores: z,
    bmd: [],
    refs: [...t, ...z].map((s) => s.ref),
    significantDecrease: opts.significantDecrease ?? false,
  };
}

// --- conditions -------------------------------------------------------------------------------

export function fracture(site: FractureSite, date: LocalDate | undefined, mechanism: FractureMechanism = 'low-energy'): Fracture {
  return { site, mechanism, ref: id('Condition'), code: { system: 'http://snomed.info/sct', code: '0' }, ...(date === undefined ? {} : { date }) };
}

export function condition(concept: ConditionConcept, opts: Partial<Omit<ConditionFact, 'concept'>> = {}): ConditionFact {
  return { concept, active: true, ref: id('Condition'), code: { system: 'http://snomed.info/sct', code: '0' }, weak: false, ...opts };
}

// --- medication -------------------------------------------------------------------------------


export function identity(drug: DrugId, extra: Partial<DrugIdentity> = {}): DrugIdentity {
  return { drug, drugClass: DRUG_CLASS[drug], effervescent: false, brandProlia: false, matchedBy: 'atc', ...extra };
}

export function medication(drug: DrugId, start: LocalDate, opts: Partial<Omit<MedicationRecord, 'identity' | 'start'>> & { identity?: Partial<DrugIdentity> } = {}): MedicationRecord {
  const { identity: idExtra, ...rest } = opts;
  return { ref: id('MedicationStatement'), source: 'MedicationStatement', identity: identity(drug, idExtra), status: 'active', start, ...rest };
}

/**
 * A course of a drug class. Active courses run to today; `lastDose` defaults to today for oral
 * treatment and to the start for injections/infusions unless given.
 */
export function course(drug: DrugId, start: LocalDate, opts: { status?: CourseStatus; end?: LocalDate; lastDose?: LocalDate; stoppedOn?: LocalDate; plannedEnd?: LocalDate; today?: LocalDate; supersededOn?: LocalDate; supersededBy?: DrugId } = {}): Course {
  const today = opts.today ?? TODAY;
  const status = opts.status ?? 'active';
  const drugClass = DRUG_CLASS[drug];
  const parenteral = drugClass === 'denosumab' || drugClass === 'zoledronic-acid';
  const lastDose = opts.lastDose ?? (parenteral ? start : status === 'active' ? today : (opts.end ?? start));
  const end = opts.end ?? (status === 'active' && !parenteral ? today : lastDose);
  return {
    drugClass,
    drugs: [drug],
    start,
    end,
    lastDose,
    status,
    ...(opts.stoppedOn === undefined ? {} : { stoppedOn: opts.stoppedOn }),
    ...(opts.plannedEnd === undefined ? {} : { plannedEnd: opts.plannedEnd }),
    ...(opts.supersededOn === undefined ? {} : { supersededOn: opts.supersededOn, supersededBy: DRUG_CLASS[opts.supersededBy ?? 'alendronate'] }),
    durationDays: Math.max(0, daysBetween(start, end < today ? end : today)),
    refs: [id('MedicationStatement')],
  };
}

export function glucocorticoid(g: Partial<GlucocorticoidExposure>): GlucocorticoidExposure {
  // Active with no uses given: in use as far back as any test looks.
  const uses = g.uses ?? (g.active === true ? [{ start: '2000-01-01', end: TODAY }] : []);
  const base = { ...NO_GC, refs: [id('MedicationStatement')], ...g, uses };
  return { ...base, meetsThreshold: g.meetsThreshold ?? (base.highDoseThreeMonths || base.cumulativeMg12Months > 450) };
}

export function intolerance(drug: DrugId, date?: LocalDate): Intolerance {
  return { drug, drugClass: DRUG_CLASS[drug], ref: id('AllergyIntolerance'), ...(date === undefined ? {} : { date }) };
}

export function draft(drug: DrugId, opts: Partial<Omit<DraftOrder, 'identity'>> & { identity?: Partial<DrugIdentity> } = {}): DraftOrder {
  const { identity: idExtra, ...rest } = opts;
  return { ref: `MedicationRequest/draft-${++counter}`, identity: identity(drug, idExtra), selected: true, start: TODAY, ...rest };
}
