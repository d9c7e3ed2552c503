/**
 * What each (system, code) pair of an Observation's code means to the readers, worked out once per
 * request. A lab feed repeats a dozen codes hundreds of times; without this every element went
 * again through the terminology's match list, the family tables, the source-code table and the
 * unit conversion. One `ObservationCodes` per `buildFacts` call: its keys come from the request,
 * and it holds at most one entry per coding the request carries.
 */
import type { Measure } from '../terminology/schema.js';
import type { CodingMatch, Terminology } from '../terminology/terminology.js';
import { applyFactor, unitFactor } from '../terminology/units.js';
import { lookup, str } from './accessors.js';
import { DXA_CONCEPTS, LAB_CONCEPTS, VITAL_CONCEPTS, type ScoreKind } from './concepts.js';
import { sourceCodeGeneration, sourceCodeOf } from './source-codes.js';
import type { DxaSite, LabKind, SourceCode } from './types.js';
import type { RawValue } from './values.js';

export type VitalKind = 'height' | 'weight' | 'bmi';

export const LAB_MEASURE: Readonly<Record<LabKind, Measure>> = {
  egfr: 'egfr',
  creatinine: 'creatinine',
  'calcium-total': 'calcium',
  'calcium-corrected': 'calcium',
  'calcium-ionised': 'calcium',
  'vitamin-d': 'vitamin-d',
  p1np: 'p1np',
  ctx: 'ctx',
  albumin: 'albumin',
};

/** One (system, code) pair: its match and family, and what its readers keep between elements. */
export class CodeReading {
  /** The first observation, answer or menopause match of the pair (undefined: none). */
  readonly match: CodingMatch | undefined;
  readonly lab: LabKind | undefined;
  readonly vital: VitalKind | undefined;
  readonly dxa: { readonly score: ScoreKind; readonly site: DxaSite } | undefined;
  /** The measure of a lab or vital. */
  readonly measure: Measure | undefined;
  /** The reading of another system with the same code. */
  next: CodeReading | undefined = undefined;
  /** Whether `sourceCodeOf` of a coding of this pair depends on the pair alone (see `sourceCodeOf`). */
  private readonly keyed: boolean;
  private source: SourceCode | undefined = undefined;
  private sourceGeneration = -1;
  // The unit fields of the last value converted, and their factor.
  private unitsRead = false;
  private unitCode: string | undefined = undefined;
  private unitSystem: string | undefined = undefined;
  private unitText: string | undefined = undefined;
  private factor: number | undefined = undefined;

  constructor(
    readonly system: string,
    code: string,
    match: CodingMatch | undefined,
  ) {
    this.match = match;
    const id = match?.concept;
    this.lab = lookup(LAB_CONCEPTS, id);
    this.vital = this.lab === undefined ? lookup(VITAL_CONCEPTS, id) : undefined;
    this.dxa = this.lab === undefined && this.vital === undefined ? lookup(DXA_CONCEPTS, id) : undefined;
    this.measure = this.lab !== undefined ? LAB_MEASURE[this.lab] : this.vital;
    this.keyed = str(system) !== undefined && str(code) !== undefined;
  }

  /**
   * `sourceCodeOf(coding)` for a coding of this pair. A plain coding whose system and code are
   * non-blank gets the source-code table's entry for them, which stays the same until the table
   * is emptied: kept until then.
   */
  sourceCodeOf(coding: object): SourceCode {
    if (!this.keyed || (coding as { readonly coding?: unknown }).coding !== undefined) return sourceCodeOf(coding);
    if (this.source === undefined || this.sourceGeneration !== sourceCodeGeneration()) {
      this.source = sourceCodeOf(coding);
      this.sourceGeneration = sourceCodeGeneration();
    }
    return this.source;
  }

  /** `toCanonical` of a value of this lab or vital; the factor is kept for the next value in the same unit fields. */
  canonical(measure: Measure, raw: RawValue): number | undefined {
    if (!this.unitsRead || raw.code !== this.unitCode || raw.system !== this.unitSystem || raw.unit !== this.unitText) {
      this.factor = unitFactor(measure, raw, this.match?.binding.impliedUnit);
      this.unitCode = raw.code;
      this.unitSystem = raw.system;
      this.unitText = raw.unit;
      this.unitsRead = true;
    }
    return applyFactor(raw.value, this.factor);
  }
}

/** The readings of one request, by code and then system. */
export class ObservationCodes {
  private readonly byCode = new Map<string, CodeReading>();

  constructor(readonly terminology: Terminology) {}

  reading(system: string, code: string): CodeReading {
    const first = this.byCode.get(code);
    for (let r = first; r !== undefined; r = r.next) if (r.system === system) return r;
    const reading = new CodeReading(system, code, firstObservationMatch(this.terminology.matchCoding(system, code)));
    reading.next = first;
    this.byCode.set(code, reading);
    return reading;
  }
}

function firstObservationMatch(matches: readonly CodingMatch[]): CodingMatch | undefined {
  for (const match of matches) if (match.kind === 'observation' || match.kind === 'answer' || match.concept === 'menopause') return match;
  return undefined;
}
