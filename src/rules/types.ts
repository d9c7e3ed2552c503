/**
 * What a rule returns: a Recommendation says *what* and *why* (topic, indicator, reasons,
 * evidence, findings, suggestions) and nothing about words or FHIR card shape — the cards stage
 * turns it into a CDS Hooks card in Danish or English.
 */
import type {
  BoneMarkerKind,
  CalciumKind,
  ConditionConcept,
  DrugClass,
  DraftOrder,
  DrugId,
  DxaSite,
  FractureSite,
  PatientFacts,
  Performer,
  Ref,
} from '../facts/types.js';
import type { LocalDate } from '../time/local-date.js';
import type { GuidelineSettings } from './settings.js';
import type { Reason, Topic } from '../contract/topics.js';

export type Indicator = 'info' | 'warning' | 'critical';

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
    }
  | {
      readonly kind: 'lab-missing';
      readonly lab: LabOrder;
      readonly withinDays?: number;
      /** The lab has a value, only older than `withinDays`: it is not current, not absent. */
      readonly lastDate?: LocalDate;
    }
  | { readonly kind: 'unusable-value'; readonly concept: string; readonly unit?: string; readonly date?: LocalDate; readonly ref: Ref }
  | {
      readonly kind: 'marker-change';
      readonly marker: BoneMarkerKind;
      readonly baseline?: number;
      readonly baselineDate?: LocalDate;
      readonly latest: number;
      readonly latestDate: LocalDate;
      /** Fall from baseline in percent (positive = fall). */
      readonly fallPercent?: number;
      readonly premenopausalMean?: number;
      readonly ref: Ref;
    }
  | { readonly kind: 'measurement'; readonly measure: 'bmi' | 'height' | 'height-loss' | 'alcohol-units'; readonly value: number; readonly unit: string; readonly date?: LocalDate; readonly ref?: Ref }
  | { readonly kind: 'course'; readonly drugClass: DrugClass; readonly drugs: readonly DrugId[]; readonly start: LocalDate; readonly years: number; readonly status: 'active' | 'stopped' | 'ended'; readonly refs: readonly Ref[] }
  | { readonly kind: 'last-dose'; readonly drugClass: DrugClass; readonly date: LocalDate; readonly months: number; readonly ref?: Ref }
  | { readonly kind: 'due-date'; readonly what: 'denosumab-injection' | 'zoledronic-acid-infusion' | 'bone-marker' | 'dxa'; readonly date: LocalDate }
  | { readonly kind: 'dxa'; readonly date?: LocalDate; readonly performer?: Performer; readonly ref?: Ref }
  | { readonly kind: 'condition'; readonly concept: ConditionConcept; readonly date?: LocalDate; readonly ref: Ref }
  | { readonly kind: 'medication'; readonly drug: DrugId; readonly date?: LocalDate; readonly ref: Ref }
  | { readonly kind: 'intolerance'; readonly drug: DrugId; readonly ref: Ref }
  | { readonly kind: 'glucocorticoid'; readonly dailyMg: number; readonly cumulativeMg12Months: number; readonly draftAddsMg?: number; readonly refs: readonly Ref[] }
  | { readonly kind: 'draft'; readonly drug?: DrugId; readonly ref: Ref }
  /** The draft's dosing against the drug's schedule (rx-dose-interval): days between doses. */
  | { readonly kind: 'dose-interval'; readonly drug: DrugId; readonly doseMg?: number; readonly intervalDays: number; readonly scheduleDays: number; readonly ref: Ref }
  | { readonly kind: 'age'; readonly years: number }
  | { readonly kind: 'family-history'; readonly ref: Ref }
  | { readonly kind: 'unavailable'; readonly key: string };

/** Drugs the service can propose (cards/suggestions builds the FHIR resource). */
export type ProposedDrug = 'alendronate-tablet' | 'alendronate-effervescent' | 'denosumab-biosimilar' | 'colecalciferol' | 'calcium-citrate';

export type ReferralTarget = 'endocrinology' | 'zoledronic-acid' | 'anabolic-treatment' | 'parenteral-treatment';

/**
 * A one-click action for the GP. `replaces` names a draft order (prescribing hooks): the card then
 * carries actions on that draft (update, or delete + create) instead of a bare create.
 */
export type SuggestionSpec =
  | {
      readonly kind: 'prescribe';
      readonly drug: ProposedDrug;
      readonly recommended?: boolean;
      /** The draft this order replaces: `update` keeps the draft's dosage and swaps the drug; `delete-create` replaces the order. */
      readonly replaces?: { readonly draft: Ref; readonly mode: 'update' | 'delete-create' };
    }
  | { readonly kind: 'lab'; readonly lab: LabOrder; readonly note?: 'fasting-before-10' | 'before-infusion' | 'before-injection' }
  | { readonly kind: 'labs'; readonly labs: readonly LabOrder[]; readonly note?: 'fasting-before-10' | 'before-infusion' | 'before-injection' }
  | { readonly kind: 'referral'; readonly to: ReferralTarget; readonly performer?: Performer; readonly recommended?: boolean; readonly replacesDraft?: Ref }
  | { readonly kind: 'dxa'; readonly performer?: Performer }
  | { readonly kind: 'reminder'; readonly what: 'denosumab-injection' | 'bone-marker' | 'dxa'; readonly due: LocalDate; readonly recommended?: boolean }
  | { readonly kind: 'diagnosis'; readonly withFracture: boolean }
  | { readonly kind: 'remove-draft'; readonly draft: Ref }
  /** Update the draft's dosage to the drug's schedule (rx-dose-interval), from `from` when given. */
  | { readonly kind: 'fix-schedule'; readonly draft: Ref; readonly schedule: DoseScheduleName; readonly doseMg: number; readonly from?: LocalDate };

/** The SmPC schedules rx-dose-interval holds a draft to. */
export type DoseScheduleName = 'weekly' | 'six-monthly' | 'yearly';

export interface Recommendation {
  readonly topic: Topic;
  readonly indicator: Indicator;
  /** Why it fired: non-empty, codes from the catalogue. */
  readonly reasons: readonly Reason[];
  /** References of the resources the decision rested on (the Patient when data is missing). */
  readonly evidence: readonly Ref[];
  readonly findings: readonly Finding[];
  readonly suggestions?: readonly SuggestionSpec[];
  /** `at-most-one` when the suggestions are alternatives (one drug), `any` when independent. */
  readonly selectionBehavior?: 'at-most-one' | 'any';
  /** Prescribing hooks: the draft order the card is about. */
  readonly draft?: Ref;
  /** Words the text needs that are not findings (e.g. which treatment choice applies). */
  readonly variant?: string;
}

export interface RuleContext {
  readonly facts: PatientFacts;
  /** The day of the request in Danish time (same as `facts.today`, explicit for readability). */
  readonly today: LocalDate;
  readonly settings: GuidelineSettings;
}

/** A patient-view rule: at most one recommendation per request. */
export type PatientRule = (ctx: RuleContext) => Recommendation | undefined;

/** A prescribing rule: judged per selected draft order; at most one recommendation per draft. */
export type DraftRule = (ctx: RuleContext, draft: DraftOrder) => Recommendation | undefined;
