/**
 * PatientFacts: everything the rules may know about a patient, read once from the FHIR data.
 *
 * Rules never see FHIR JSON. Every fact carries the calendar date it refers to and a reference
 * (`Observation/123`) to the resource it came from, so a card can show its evidence. Values are in
 * canonical units (`CANONICAL_UNIT` in terminology/units.ts); lists are sorted newest first. The value is deeply
 * readonly: the facts stage builds it once per request and nothing changes it afterwards.
 */
import type { LocalDate } from '../time/local-date.js';
import type { BoneMarkerKind, CalciumKind, ConditionConcept, DrugClass, DrugId, DxaSite, FractureSite, Performer, Ref, ReportedValue } from '../contract/clinical.js';

// The plain clinical vocabulary lives in contract/ (the recommendations carry it too).
export type { BoneLossDisease, BoneMarkerKind, CalciumKind, ConditionConcept, DrugClass, DrugId, DxaSite, FractureSite, Performer, Ref, ReportedValue } from '../contract/clinical.js';
export { BONE_LOSS_DISEASES } from '../contract/clinical.js';

/** The code a fact was read from (style.md #9: facts carry the terminology code). */
export interface SourceCode {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

export type Sex = 'female' | 'male' | 'other' | 'unknown';

// ---------------------------------------------------------------------------------------------
// Observations

export type Comparator = '<' | '<=' | '>' | '>=';

/** HL7 v3 ObservationInterpretation codes we act on. */
export type InterpretationCode = 'L' | 'LL' | 'H' | 'HH' | 'D' | 'U' | 'N' | 'A';

/** A measured value in the canonical unit of its kind. */
export interface Measurement {
  readonly value: number;
  /** `<` / `>` as reported (eGFR ">90"): the true value lies beyond `value`. */
  readonly comparator?: Comparator;
  readonly unit: string;
  readonly date: LocalDate;
  readonly ref: Ref;
  readonly code: SourceCode;
  /** The lab's reference range, converted to the canonical unit. */
  readonly referenceLow?: number;
  readonly referenceHigh?: number;
  readonly interpretation: readonly InterpretationCode[];
  /** The value as the lab wrote it, when it was converted (8.4 mg/dL read as 2.096 mmol/L): shown beside the converted one. */
  readonly reported?: ReportedValue;
}

export type LabKind =
  | 'egfr'
  | 'creatinine'
  | 'calcium-total'
  | 'calcium-corrected'
  | 'calcium-ionised'
  | 'vitamin-d'
  | 'p1np'
  | 'ctx'
  | 'albumin';

export interface CalciumMeasurement extends Measurement {
  readonly kind: CalciumKind;
}

export interface BoneMarkerMeasurement extends Measurement {
  readonly marker: BoneMarkerKind;
  /** A CTX taken at 10:00 or later on the clock it was taken by (`HH:MM`; 'Z' in Danish time): not fasting before 10 (facts/measurements.ts). */
  readonly notFastingAt?: string;
  /** The premenopausal mean the lab reports on the Observation, when it does. */
  readonly premenopausalMean?: number;
}

/**
 * A value that could not be used, and why (an unknown unit is never guessed): `unreadable` is a
 * valueString holding a number we cannot read ("eGFR 30"), quoted in `text`.
 */
export interface UnusableValue {
  readonly concept: LabKind | 'height' | 'bmi' | 't-score' | 'z-score' | 'bmd' | 'weight' | 'alcohol-intake';
  readonly reason: 'unknown-unit' | 'no-value' | 'no-date' | 'unreadable';
  /** `unreadable`: the text as sent (cut to 40 characters). */
  readonly text?: string;
  /** A result with no number that the lab flags low (L, LL) or high (H, HH). */
  readonly flag?: 'low' | 'high';
  readonly unit?: string;
  readonly date?: LocalDate;
  readonly ref: Ref;
}

export interface DxaScore {
  readonly site: DxaSite;
  readonly value: number;
  readonly date: LocalDate;
  readonly ref: Ref;
  readonly code: SourceCode;
  /** Interpretation `D` on the result: the DXA report states a significant fall. */
  readonly significantDecrease: boolean;
}

/** One DXA examination: the DXA results of one day. */
export interface DxaScan {
  readonly date: LocalDate;
  readonly performer?: Performer;
  readonly tScores: readonly DxaScore[];
  readonly zScores: readonly DxaScore[];
  /** BMD results (g/cm²) of the scan, for their significant-change flags. */
  readonly bmd: readonly DxaScore[];
  readonly refs: readonly Ref[];
  /** Any result of the scan carries interpretation `D` (significant fall). */
  readonly significantDecrease: boolean;
}

// ---------------------------------------------------------------------------------------------
// Conditions

/**
 * How the fracture happened, as far as the record says. `low-energy`: coded osteoporotic/fragility
 * or flagged low-energy; `high-energy`: flagged as trauma; `unknown`: a plain fracture code.
 * Whether an unknown mechanism counts as a *possible* low-energy fracture is the guideline's call
 * (rules/predicates), not the facts stage's.
 */
export type FractureMechanism = 'low-energy' | 'high-energy' | 'unknown';

export interface Fracture {
  readonly site: FractureSite;
  /** Onset (else recorded) date; undefined when the record has none. A partial date is its first day. */
  readonly date?: LocalDate;
  /** A partial onset (`2021`, `2021-12`): the last day it can mean — "within N years" reads it, the safer side. */
  readonly latestDate?: LocalDate;
  /** An undated history record (Z87.310): the fracture was on or before this day, when it was recorded. */
  readonly notAfter?: LocalDate;
  readonly mechanism: FractureMechanism;
  readonly ref: Ref;
  readonly code: SourceCode;
  /** Recognised only through a broad ICPC-2 code (L75, L72, L76): weak evidence. */
  readonly weak?: boolean;
  /**
   * Spine only: the vertebra (`T12`, `L1`, `C5`) or region (`cervical`, `thoracic`, `lumbar`) the
   * code or `bodySite` names, when it names one (rules.md section 1, "Counting fractures" (v2)).
   */
  readonly vertebra?: string;
  /** How many fractures the record stands for: 2 for a code of multiple vertebral fractures. */
  readonly count?: number;
  /**
   * A later encounter for a fracture (ICD-10-CM 7th character D, G, K, P …: routine or delayed
   * healing, nonunion, malunion; S: sequela), not a new one: facts/fracture-count.ts merges it
   * into an earlier record of the same fracture.
   */
  readonly followUp?: true;
  /**
   * The side an ICD-10-CM fracture code names (facts/fractures.ts `icd10cmSide`): a later-encounter
   * record only continues an earlier record of the same side (or one naming none).
   */
  readonly side?: FractureSide;
  /**
   * The record names no site and may be the diagnosis of a fracture recorded elsewhere
   * (facts/fractures.ts `diagnosisOf`): the fractures its `evidence.detail` names, or, for an
   * unsited WHO/SKS M80 code (M80.0, DM800), `'earlier'` — a fracture of a known site in the 5 years
   * before its onset, or `'entered'` (no onset: dated by the day it was entered) — one at any time before;
   * for a SNOMED CT or ICD-10-CM one (443165006, M80.00XA), `'same-day'` — a fracture of a known
   * site recorded the same day (Synthea records each osteoporotic fracture so).
   * conditions.ts `withoutBareDiagnoses` then leaves it out.
   */
  readonly diagnosisOf?: readonly Ref[] | 'earlier' | 'entered' | 'same-day';
}

export type FractureSide = 'right' | 'left';

/** A recorded condition of interest, matched to one of the guideline's concepts. */
export interface ConditionFact {
  readonly concept: ConditionConcept;
  /** Active (or recurrence/relapse, or no status recorded) at the time of the request. */
  readonly active: boolean;
  readonly onset?: LocalDate;
  readonly abatement?: LocalDate;
  readonly recorded?: LocalDate;
  readonly ref: Ref;
  readonly code: SourceCode;
  /** ICPC-2 codes are broad: weak evidence only. */
  readonly weak: boolean;
  /**
   * Recognised only through a catch-all or broad code (terminology.md "non-specific": ICPC-2 T99,
   * U99, D99, A29; "broad": D84, l. 554), which covers this concept among many others: something to
   * ask about, never the concept.
   */
  readonly nonSpecific?: true;
}

// ---------------------------------------------------------------------------------------------
// Medication

/** A medication product as far as the record tells us. */
export interface DrugIdentity {
  readonly drug: DrugId;
  readonly drugClass: DrugClass;
  /** Alendronate as effervescent tablet (Binosto). */
  readonly effervescent: boolean;
  /** The originator denosumab brand (Prolia). */
  readonly brandProlia: boolean;
  /** Glucocorticoid: mg prednisolone per mg of this drug (rules.md section 1). */
  readonly prednisoloneFactor?: number;
  /** Strength in mg per unit (tablet), when the coding or text states it. */
  readonly strengthMg?: number;
  readonly code?: SourceCode;
  readonly text?: string;
  /** How it was recognised: a code (ATC, RxNorm, another bound system), or only the drug name in the text. */
  readonly matchedBy: 'atc' | 'rxnorm' | 'code' | 'text';
  /** Other drugs of a combination product (alendronate + colecalciferol, calcium + D3). */
  readonly alsoContains?: readonly DrugId[];
}

export type MedicationSourceType = 'MedicationStatement' | 'MedicationRequest' | 'MedicationAdministration';

/** One medication record (statement, prescription or administration), reduced to what matters. */
export interface MedicationRecord {
  readonly ref: Ref;
  readonly source: MedicationSourceType;
  readonly identity: DrugIdentity;
  /** FHIR status as recorded (`active`, `stopped`, `completed`, …). */
  readonly status: string;
  /** First day covered (statement start, authoredOn, administration date). */
  readonly start: LocalDate;
  /** Last day covered, when known (period end, end of the prescribed supply). */
  readonly end?: LocalDate;
  /** Date the record was written/asserted (for "stopped" records: when it was stopped; `on-hold`: when the hold was last written, if the record says). */
  readonly asserted?: LocalDate;
  /** Daily dose in mg of the drug, when the dosage says so. */
  readonly dailyDoseMg?: number;
  /** `end` is no planned stop: estimated from the supply (expected duration or quantity), or the prescription's validity. */
  readonly endEstimated?: boolean;
  /** The record has no start date: `start` is today (an undated active statement). */
  readonly startUnknown?: boolean;
  /** Taken as needed (`asNeeded[x]`, "ved behov", "PRN"): its period says when it may be taken, not that it is. */
  readonly asNeeded?: true;
}

export type CourseStatus = 'active' | 'stopped' | 'ended';

/**
 * An unbroken course of one drug class (rules.md section 1): records joined across gaps shorter
 * than 3 months (oral), 7 months (denosumab) or 15 months (zoledronic acid).
 */
export interface Course {
  readonly drugClass: DrugClass;
  readonly drugs: readonly DrugId[];
  /** Earliest date of the unbroken course. */
  readonly start: LocalDate;
  /** Last day of use: today while active; last dose/injection/infusion otherwise. */
  readonly end: LocalDate;
  /** Latest dose date: the last injection or infusion for parenteral drugs; an anabolic dose given: its day, not the end of its cover (`end`). */
  readonly lastDose: LocalDate;
  /**
   * Parenteral courses: every injection or infusion date the course rests on, oldest first
   * (`lastDose` the last) — what was in effect on a given day (a bone marker's) is read from them.
   */
  readonly doses?: readonly LocalDate[];
  readonly status: CourseStatus;
  /** Date the course was recorded stopped, when `status` is `stopped`. */
  readonly stoppedOn?: LocalDate;
  /** A planned end date in the future (e.g. denosumab planned stopped). */
  readonly plannedEnd?: LocalDate;
  readonly durationDays: number;
  readonly refs: readonly Ref[];
  /**
   * rules.md section 1 (v2), overlapping courses and follow-on after denosumab: the first date a
   * *different* antiresorptive was started, dispensed or given after this course's last use — the
   * later drug is current from then on and this course counts as ended on that date.
   */
  readonly supersededOn?: LocalDate;
  readonly supersededBy?: DrugClass;
}

export interface GlucocorticoidExposure {
  /** Current daily dose in mg prednisolone equivalents (0 when none is active). */
  readonly currentDailyMg: number;
  /** > 5 mg/day prednisolone equivalents for ≥ 3 months, in a course active or ended within 12 months. */
  readonly highDoseThreeMonths: boolean;
  /** Cumulated prednisolone equivalents in the 12 months before today. */
  readonly cumulativeMg12Months: number;
  /** The card's threshold (footnote *): either of the two above (> 450 mg). */
  readonly meetsThreshold: boolean;
  readonly active: boolean;
  /** The days of systemic glucocorticoid use, record by record (known dose or not; up to today): what a sample was taken under. */
  readonly uses: readonly { readonly start: LocalDate; readonly end: LocalDate }[];
  /** Last day of systemic glucocorticoid use, if any. */
  readonly lastUse?: LocalDate;
  readonly refs: readonly Ref[];
  /** A record in use within the last 12 months whose dose could not be read: the figures are a floor, not "0 mg". */
  readonly doseUnknown?: true;
  /** The figures count days an active record still plans after today (its stated end): "in 12 months including the planned". */
  readonly planned?: true;
  /** Not `meetsThreshold` now, but a recorded run of > 5 mg daily for ≥ 3 months ended earlier: a risk factor still (footnote **); its last day and records. */
  readonly pastExposure?: { readonly lastUse: LocalDate; readonly refs: readonly Ref[] };
}

export interface Intolerance {
  readonly drug: DrugId;
  readonly drugClass: DrugClass;
  readonly date?: LocalDate;
  readonly ref: Ref;
  /** Recorded against the class only ("bisfosfonater"): `drug` is the class's first-choice drug. */
  readonly classOnly?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Draft orders (prescribing hooks)

export interface DraftOrder {
  /** `MedicationRequest/<id>` as the hook context names it. */
  readonly ref: Ref;
  readonly identity?: DrugIdentity;
  /** order-select: the user selected this order; the others only give context. */
  readonly selected: boolean;
  readonly dailyDoseMg?: number;
  /**
   * Planned duration in days (rules.md section 4, "Planned course length"): the longer of an
   * explicit end (dosage bounds, validity period) and the supply (expected supply × (1 + repeats),
   * else quantity ÷ daily use).
   */
  readonly durationDays?: number;
  readonly start: LocalDate;
  /** mg per administration (the dose quantity, else one unit of the product's strength). */
  readonly doseMgPerAdministration?: number;
  /** Days between administrations from the dosage timing (1 daily, 7 weekly), when it says. */
  readonly intervalDays?: number;
}

// ---------------------------------------------------------------------------------------------

export interface BasketOrders {
  readonly labs: readonly LabKind[];
  readonly dxa: boolean;
}

export interface PatientFacts {
  readonly today: LocalDate;
  readonly patientRef: Ref;
  readonly sex: Sex;
  readonly birthDate?: LocalDate;
  /** Completed years on `today` (from the first day a partial birth date — "1946", "1946-05" — can mean). */
  readonly age?: number;
  /**
   * With a partial birth date only: the completed years it guarantees (from its last possible day).
   * `age` puts the patient in the population [choice, the safer reading: a man who may be 60 keeps
   * his cards]; a risk factor of age is claimed only when certain (rules/predicates/risk-factors.ts).
   */
  readonly ageAtLeast?: number;
  /** A menopause recorded as a condition/observation (the population rule falls back to age). */
  readonly menopauseRecorded?: { readonly date?: LocalDate; readonly ref: Ref };

  readonly labs: {
    readonly egfr: readonly Measurement[];
    readonly creatinine: readonly Measurement[];
    readonly calcium: readonly CalciumMeasurement[];
    readonly vitaminD: readonly Measurement[];
    readonly albumin: readonly Measurement[];
    readonly boneMarkers: readonly BoneMarkerMeasurement[];
  };
  readonly unusable: readonly UnusableValue[];

  readonly dxa: {
    /** Newest first. */
    readonly scans: readonly DxaScan[];
  };
  readonly vitals: {
    readonly height: readonly Measurement[];
    readonly bmi: readonly Measurement[];
    readonly weight: readonly Measurement[];
    /** The highest recorded height (for height loss), when any. */
    readonly maxHeight?: Measurement;
  };
  readonly lifestyle: {
    /** Latest smoking status: current smoker or not. */
    readonly smoking?: { readonly current: boolean; readonly date?: LocalDate; readonly ref: Ref };
    /** Latest alcohol intake in units (12 g) per day. */
    readonly alcoholUnitsPerDay?: { readonly value: number; readonly date: LocalDate; readonly ref: Ref };
    /** Falls reported in a screening Observation. */
    readonly fallsReported?: { readonly date: LocalDate; readonly ref: Ref };
  };

  readonly fractures: readonly Fracture[];
  readonly conditions: readonly ConditionFact[];
  readonly familyHistory: readonly { readonly ref: Ref; readonly date?: LocalDate }[];

  readonly medications: readonly MedicationRecord[];
  readonly courses: readonly Course[];
  readonly glucocorticoid: GlucocorticoidExposure;
  readonly intolerances: readonly Intolerance[];

  readonly drafts: readonly DraftOrder[];
  /** Lab tests and a DXA the hook's basket already orders (ServiceRequest drafts; facts/basket-orders.ts). */
  readonly basketOrders?: BasketOrders;
  /** Prefetch keys whose data could not be had. */
  readonly unavailable: readonly string[];
  /** rules.md section 1 (v2): `deceasedBoolean` true or a `deceasedDateTime` on the Patient. */
  readonly deceased: boolean;
  /**
   * rules.md section 1 (v2), data that does not count: resources whose clinical date is more than
   * one day after today. They are left out of every other fact and named here for the GP.
   */
  readonly futureDated: readonly FutureDated[];
  /** Medication records naming their drug only by a Medication that was not sent (no display): which drug, unknown; not used. */
  readonly unidentifiedMedications: readonly Ref[];
}

/** A resource dated more than one day after today, as the GP finds it in the record: its date and its name there. */
export interface FutureDated {
  readonly ref: Ref;
  readonly date: LocalDate;
  /** Its code's text, else its first coding's display (none: named by its type). */
  readonly name?: string;
}
