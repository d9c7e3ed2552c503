/**
 * What a recommendation rests on: the findings shown in the card's why-trace ("Grundlag") with
 * their values and dates. The rules state them; the cards stage words them.
 */
import type { BoneMarkerKind, CalciumKind, ReportedValue, ConditionConcept, DrugClass, DrugId, DxaSite, FractureSite, Performer, Ref } from './clinical.js';
import type { LocalDate } from '../time/local-date.js';

export type LabOrder = 'egfr' | 'creatinine' | 'calcium' | 'vitamin-d' | 'p1np' | 'ctx' | 'albumin';

/**
 * A finding the decision rested on, shown in the card's why-trace with its value and date
 * ("T-score −2,8 (columna, 12.08.2026)"). The cards stage words it; the rule only states it.
 */
export type Finding =
  | { readonly kind: 't-score' | 'z-score'; readonly value: number; readonly site: DxaSite; readonly date: LocalDate; readonly ref: Ref }
  | {
      readonly kind: 'fracture';
      readonly site: FractureSite;
      readonly date?: LocalDate;
      readonly possible: boolean;
      readonly ref: Ref;
      /** The fracture matters whatever its mechanism (e.g. it raises bone markers): shown as "Brud", not "Lavenergibrud". */
      readonly anyMechanism?: boolean;
      /** Spine: the vertebra or region the record names (two fractures of one day read apart). */
      readonly vertebra?: string;
    }
  | {
      readonly kind: 'lab';
      readonly lab: LabOrder | 'calcium-ionised' | 'calcium-corrected';
      readonly value: number;
      readonly comparator?: string;
      readonly unit: string;
      readonly date: LocalDate;
      readonly ref: Ref;
      readonly calciumKind?: CalciumKind;
      /** As the lab wrote it, when the value was converted. */
      readonly reported?: ReportedValue;
    }
  | {
      readonly kind: 'lab-missing';
      readonly lab: LabOrder;
      readonly withinDays?: number;
      /** The lab has a value, only older than `withinDays`: it is not current, not absent. */
      readonly lastDate?: LocalDate;
      /** Within `withinDays` the lab has only bounds that cannot decide its check ("<60" for "eGFR > 35"): no exact result. */
      readonly onlyBounds?: true;
      /** An eGFR a newer creatinine contradicts: the creatinine gives 35 or less (CKD-EPI 2021) — a new eGFR is asked for. */
      readonly newerCreatinine?: { readonly value: number; readonly date: LocalDate; readonly comparator?: string };
      /** No current eGFR, and the current creatinine gives 35 or less (CKD-EPI 2021): the eGFR asked for is no formality. */
      readonly creatinineAtLimit?: { readonly value: number; readonly date: LocalDate; readonly comparator?: string };
    }
  /**
   * A value not used: in an unknown unit (no `reason`), with no number (`no-value`, and the lab's
   * `flag` if any), a number written so it cannot be read (`unreadable`, the text as sent in
   * `text`: "eGFR 30"), no date (`no-date`), a CTX not taken fasting before 10 (`not-fasting`), or a
   * reported bound that cannot decide its lab's check (`bound`: `comparator` and `value` in `unit`,
   * "<60" for "eGFR > 35").
   */
  | {
      readonly kind: 'unusable-value';
      readonly concept: string;
      readonly unit?: string;
      readonly date?: LocalDate;
      readonly ref: Ref;
      readonly reason?: 'no-value' | 'unreadable' | 'no-date' | 'not-fasting' | 'bound';
      /** `unreadable`: the value as written. */
      readonly text?: string;
      readonly comparator?: string;
      readonly value?: number;
      readonly flag?: 'low' | 'high';
      /** `not-fasting`: when the CTX was taken (`HH:MM`, Danish time). */
      readonly time?: string;
    }
  | {
      readonly kind: 'marker-change';
      readonly marker: BoneMarkerKind;
      readonly baseline?: number;
      /** The baseline was reported as a bound ("<50", ">100"): the true value lies beyond `baseline`. */
      readonly baselineComparator?: string;
      readonly baselineDate?: LocalDate;
      readonly latest: number;
      /** The latest value was reported as a bound ("<20"). */
      readonly latestComparator?: string;
      readonly latestDate: LocalDate;
      /** Fall from baseline in percent (positive = fall). */
      readonly fallPercent?: number;
      /** With a bound among the two values the fall is only known to lie beyond `fallPercent` (">" 80 %). */
      readonly fallComparator?: string;
      readonly premenopausalMean?: number;
      readonly ref: Ref;
    }
  | { readonly kind: 'measurement'; readonly measure: 'bmi' | 'height' | 'height-loss' | 'alcohol-units'; readonly value: number; readonly unit: string; readonly date?: LocalDate; readonly ref?: Ref }
  | { readonly kind: 'course'; readonly drugClass: DrugClass; readonly drugs: readonly DrugId[]; readonly start: LocalDate; readonly years: number; readonly status: 'active' | 'stopped' | 'ended'; readonly refs: readonly Ref[] }
  | { readonly kind: 'last-dose'; readonly drugClass: DrugClass; readonly date: LocalDate; readonly months: number; readonly ref?: Ref }
  | { readonly kind: 'due-date'; readonly what: 'denosumab-injection' | 'zoledronic-acid-infusion' | 'follow-on-after-denosumab' | 'bone-marker' | 'dxa'; readonly date: LocalDate; /** The date is before today: it reads "was due on", never "next". */ readonly past?: true }
  /** `unreadable`: no scan with a readable result, beside a dated score that cannot be read. */
  | { readonly kind: 'dxa'; readonly date?: LocalDate; readonly performer?: Performer; readonly ref?: Ref; readonly unreadable?: true }
  | {
      readonly kind: 'condition';
      readonly concept: ConditionConcept;
      readonly date?: LocalDate;
      readonly ref: Ref;
      /** Recorded only by this catch-all code (ICPC-2 T99): the concept is a question to ask, not a finding. */
      readonly catchAllCode?: string;
    }
  | { readonly kind: 'medication'; readonly drug: DrugId; readonly date?: LocalDate; readonly ref: Ref }
  | { readonly kind: 'intolerance'; readonly drug: DrugId; readonly ref: Ref }
  /** `doseUnknown`: a record's dose could not be read — the figures count only the doses that could. */
  | { readonly kind: 'glucocorticoid'; readonly dailyMg: number; readonly cumulativeMg12Months: number; readonly draftAddsMg?: number; readonly draftOrders?: number; readonly refs: readonly Ref[]; readonly doseUnknown?: true; readonly planned?: true }
  /** Glucocorticoid use that reached footnote * more than 12 months ago and not since (a risk factor, footnote **); `lastUse` its last day. */
  | { readonly kind: 'glucocorticoid-past'; readonly lastUse?: LocalDate; readonly refs: readonly Ref[] }
  | { readonly kind: 'draft'; readonly drug?: DrugId; readonly ref: Ref }
  /** The draft's dosing against the drug's schedule (rx-dose-interval): days between doses. */
  | { readonly kind: 'dose-interval'; readonly drug: DrugId; readonly doseMg?: number; readonly intervalDays: number; readonly scheduleDays: number; readonly ref: Ref }
  | { readonly kind: 'age'; readonly years: number }
  | { readonly kind: 'family-history'; readonly ref: Ref }
  | { readonly kind: 'unavailable'; readonly key: string }
  /** rules.md section 1 (v2): a resource dated more than one day after today, left out. */
  | { readonly kind: 'future-dated'; readonly ref: Ref; readonly date?: LocalDate; readonly name?: string }
  /** A medication record naming its drug only by a Medication that was not sent: not used. */
  | { readonly kind: 'unidentified-medication'; readonly ref: Ref };

/** A lab finding: its value, comparator and date (the recommendations that word a value carry it). */
export type LabFinding = Extract<Finding, { readonly kind: 'lab' }>;
