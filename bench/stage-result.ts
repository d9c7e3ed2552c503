/** What bench/stages.ts reports: the stages of one service call, and its figures for one body size. */
export const STAGES = ['parse', 'validate', 'prefetch', 'facts', 'rules', 'cards', 'serialise'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageResult {
  readonly size: number;
  /** `uuid`: every resource's id a UUID (bench/generate.ts `GeneratedIds`); absent: the short ids. */
  readonly ids?: 'uuid';
  readonly resources: number;
  readonly bodyMb: number;
  /** Median ms per stage, per endpoint. */
  readonly patientView: Readonly<Record<Stage, number>>;
  readonly orderSign: Readonly<Record<Stage, number>>;
  /** Median ms of facts + rules + cards in one call, and its ratio to the median `JSON.parse` of the body. */
  readonly evaluationMs: { readonly patientView: number; readonly orderSign: number };
  readonly evaluationToParse: { readonly patientView: number; readonly orderSign: number };
}
