/**
 * What the Observation readers fill while the facts stage walks the resources: labs and vitals with
 * their sort keys, DXA results, lifestyle answers, and the values that could not be used
 * (rules.md section 1, "A value in an unknown unit is not used"). `build-facts.ts` sorts and
 * assembles them at the end.
 */
import type { ScoreKind } from './concepts.js';
import type { Dated, Sorted } from './dated.js';
import type { BoneMarkerMeasurement, CalciumMeasurement, DxaScore, Measurement, Performer, Ref, UnusableValue } from './types.js';
import type { LocalDate } from '../time/local-date.js';

/** A DXA result before grouping into scans. */
export interface DxaResult extends DxaScore {
  readonly score: ScoreKind;
  readonly performer?: Performer;
  /** The Observation's `issued` (a later-issued result of the same day, score and site replaces it). */
  readonly issued?: string;
}

/** A DXA study on record without (or beside) its results. */
export interface DxaStudy {
  readonly date: LocalDate;
  readonly ref: Ref;
  readonly performer?: Performer;
}

export interface ObservationFacts {
  readonly labs: {
    readonly egfr: Sorted<Measurement>;
    readonly creatinine: Sorted<Measurement>;
    readonly vitaminD: Sorted<Measurement>;
    readonly albumin: Sorted<Measurement>;
    readonly calcium: Sorted<CalciumMeasurement>;
    readonly boneMarkers: Sorted<BoneMarkerMeasurement>;
  };
  readonly vitals: Readonly<Record<'height' | 'weight' | 'bmi', Sorted<Measurement>>>;
  readonly unusable: UnusableValue[];
  readonly dxa: DxaResult[];
  /** DXA studies recorded as such (a report Observation, LOINC 38268-9): the scan was done, whether or not its values are here. */
  readonly dxaStudies: DxaStudy[];
  /** Smoking statuses: current or not. */
  readonly smoking: Dated<boolean>[];
  /** Alcohol intake in units (12 g) per day. */
  readonly alcohol: Dated<number>[];
  /** Falls screening answers: falls reported or not. */
  readonly falls: Dated<boolean>[];
  /** Menopause recorded as an Observation (code or value). */
  readonly menopause: Dated<true>[];
}

export type UnusableConcept = UnusableValue['concept'];

export function emptyObservationFacts(): ObservationFacts {
  return {
    labs: { egfr: [], creatinine: [], vitaminD: [], albumin: [], calcium: [], boneMarkers: [] },
    vitals: { height: [], weight: [], bmi: [] },
    unusable: [],
    dxa: [],
    dxaStudies: [],
    smoking: [],
    alcohol: [],
    falls: [],
    menopause: [],
  };
}
