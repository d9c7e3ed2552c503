/**
 * One-click actions a recommendation proposes; cards/suggestions.ts builds the FHIR resources.
 */
import type { BoneMarkerKind, Performer, Ref } from './clinical.js';
import type { LabOrder } from './findings.js';
import type { LocalDate } from '../time/local-date.js';

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
      /** With `update`: the dosage set to this schedule too (another card of the draft corrects it; rules/index.ts). */
      readonly schedule?: ScheduleFix;
      /**
       * With `update`: the dosage replaced by the new drug's own (as a new order of it has), where
       * the draft's would be wrong on it (alendronate 10 mg daily kept on Binosto 70 mg).
       */
      readonly drugDosage?: true;
      /**
       * The anabolic referral goes with the start (rules.md §2 "frames its drug suggestion as the
       * start while the specialist decides"), where the start is one of several alternatives.
       */
      readonly withAnabolicReferral?: true;
    }
  | { readonly kind: 'lab'; readonly lab: LabOrder; readonly note?: 'fasting-before-10' | 'before-infusion' | 'before-injection' }
  | { readonly kind: 'labs'; readonly labs: readonly LabOrder[]; readonly note?: 'fasting-before-10' | 'before-infusion' | 'before-injection' }
  /** `alsoAnabolic`: the one referral to the osteoporosis clinic asks for the anabolic assessment too (rules/agreement.ts `oneClinic`). */
  | { readonly kind: 'referral'; readonly to: ReferralTarget; readonly performer?: Performer; readonly recommended?: boolean; readonly replacesDraft?: Ref; readonly alsoAnabolic?: true }
  | { readonly kind: 'dxa'; readonly performer?: Performer }
  /** `marker`: for a bone-marker reminder, the kind the card asks for (its label names it). */
  | { readonly kind: 'reminder'; readonly what: 'denosumab-injection' | 'bone-marker' | 'dxa'; readonly due: LocalDate; readonly recommended?: boolean; readonly marker?: BoneMarkerKind }
  /**
   * `fractures`: the fracture Conditions the diagnosis rests on (its `evidence.detail`);
   * `causeOpen`: a secondary cause is suspected, so the diagnosis names no kind (not "postmenopausal").
   */
  | { readonly kind: 'diagnosis'; readonly withFracture: boolean; readonly fractures?: readonly Ref[]; readonly causeOpen?: true }
  /** Remove the draft; `pause`: the removal is the card's treatment pause (l. 185), not a correction. */
  | { readonly kind: 'remove-draft'; readonly draft: Ref; readonly pause?: true; readonly recommended?: boolean }
  /** Update the draft's dosage to the drug's schedule (rx-dose-interval), from `from` when given. */
  | ({ readonly kind: 'fix-schedule'; readonly draft: Ref } & ScheduleFix);

/** A dosage set to the drug's schedule: one dose of `doseMg` per period, from `from` when given. */
export interface ScheduleFix {
  readonly schedule: DoseScheduleName;
  readonly doseMg: number;
  readonly from?: LocalDate;
}

/** The SmPC schedules rx-dose-interval holds a draft to. */
export type DoseScheduleName = 'weekly' | 'monthly' | 'six-monthly' | 'yearly';

/**
 * How far a dosing interval may lie from a schedule and still be that schedule, as a fraction of
 * it [choice]: 26 weeks or 180 days is "every 6 months", 52 weeks "yearly", 6.8 days "weekly".
 * One number for both sides: rx-dose-interval calls a draft "more frequent" only below it, and
 * the texts name an interval ("ugentligt", "årligt") within it, so a card never calls an
 * interval it flagged by the schedule's own name.
 */
export const SCHEDULE_TOLERANCE = 0.05;

/** The draft a suggestion deletes or replaces (a removal, a referral or a prescription in its place), if any. */
export function draftReplacedBy(spec: SuggestionSpec): Ref | undefined {
  if (spec.kind === 'remove-draft') return spec.draft;
  if (spec.kind === 'referral') return spec.replacesDraft;
  if (spec.kind === 'prescribe') return spec.replaces?.draft;
  return undefined;
}
