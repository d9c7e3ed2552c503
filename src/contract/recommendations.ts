/**
 * What a rule returns and a card words: one recommendation type per topic, `topic` the
 * discriminant. Every recommendation says *what* and *why* (indicator, reasons, evidence,
 * findings, suggestions); each topic adds the values its text needs — dates, counts, the window
 * in force from the settings, the lab values — computed once by its rule, so the texts only word
 * them (no arithmetic, no number a setting can change).
 */
import type { BoneMarkerKind, DrugClass, DrugId, Ref } from './clinical.js';
import type { Finding, LabFinding, LabOrder } from './findings.js';
import type { DoseScheduleName, SuggestionSpec } from './suggestions.js';
import type { Reason, Topic } from './topics.js';
import type { LocalDate } from '../time/local-date.js';

/**
 * Why a "continue treatment" card must not say continue (rules.md section 6: two cards of one answer
 * must not disagree): `egfr-low` — the latest eGFR ≤ 35 on the bisphosphonate (endocrinology-referral
 * says hold it, rules/predicates/kidney.ts); `switch-to-parenteral` — that card advises a switch
 * (intolerance, non-adherence, markers).
 */
export type NotContinued = 'egfr-low' | 'hypocalcaemia' | 'switch-to-parenteral' | 'ten-years' | 'pause-candidate' | 'serious-side-effect' | 'treatment-failure';

export type Indicator = 'info' | 'warning' | 'critical';

/** What every recommendation carries, whatever its topic. */
interface Common<T extends Topic> {
  readonly topic: T;
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
  /** Drugs the card's advice names but does not offer in one click: the record has an intolerance (rules/intolerated.ts). */
  readonly notOffered?: readonly DrugId[];
  /** Vitamin D not offered in one click: the latest calcium is high (rules/high-calcium.ts). */
  readonly vitaminDWithheld?: true;
  /** A failed "25-OH-D > 50" check beside a high calcium: the words say vitamin D waits for the cause (rules/high-calcium.ts). */
  readonly vitaminDWaits?: true;
}

/** A topic whose text needs nothing beyond reasons and findings. */
type Nothing = Readonly<Record<never, never>>;

/** Which of the card's treatment advice applies (rules.md section 2). `referral`: refer instead of a drug start (eGFR ≤ 35 and/or suspected secondary osteoporosis). */
/**
 * The card's criteria for a pause after 5 years ("Seponering kan ske, hvis"): all hold, one fails, or
 * only the hip T-score is missing; or all hold but the treatment is failing (a significant BMD fall,
 * fractures on treatment: the endocrinologist decides).
 */
export type PauseVerdict = 'criteria-met' | 'criteria-not-met' | 'hip-t-score-missing' | 'treatment-failure';

export type GlucocorticoidTreatment = 'alendronate' | 'alendronate-effervescent' | 'parenteral' | 'endocrinology';

export type TreatmentChoice = 'first-choice' | 'second-choice' | 'referral';

/** Who the anabolic criteria were met for; romosozumab is for women without myocardial infarction or stroke. */
export type AnabolicCandidate = 'woman' | 'woman-cardiovascular' | 'man';

/** What a bone marker on treatment was held against: the baseline, or the premenopausal mean without one. */
export type MarkerComparison = 'baseline' | 'premenopausal-mean';

/** The values each topic's text needs. A topic missing here does not compile (`Recommendation` indexes it). */
export interface TopicValues {
  // rules.md section 2 — choosing treatment
  'diagnosis-criteria-met': Nothing;
  'treatment-indicated': {
    readonly choice: TreatmentChoice;
    /** Also an anabolic candidate: the drug is framed as the start while the specialist decides (never with `referral`). */
    readonly anabolicCandidate: boolean;
    /** Failed pre-start checks to correct before the start (rules/agreement.ts): the card says start *once* corrected. */
    readonly correctFirst?: readonly Reason[];
    /** `vitamin-d-before-dxa` beside it: the T-score it rests on was measured at 25-OH-D ≤ 50 and may overstate (rules/agreement.ts). */
    readonly tScoreAtLowVitaminD?: true;
    /** A medication prefetch key could not be had: the patient may already be on treatment (check the list before the start). */
    readonly medicationListUnavailable?: true;
    /** The pause ended only by a fracture of unknown mechanism (rules.md section 1): the card says "if low-energy". */
    readonly pauseEndedIfLowEnergy?: true;
    /** An oral start after a fracture in the last 6 months: no baseline marker, the first one from this day (card p. 2 l. 150-152). */
    readonly markerAfterFracture?: LocalDate;
  };
  /**
   * `egfrLow`: the latest eGFR ≤ 35 — a treatment a risk factor would open is the endocrinologist's (card l. 41).
   * `stoppedAgainstCard`: an oral bisphosphonate stopped after 5 years with the hip T-score ≤ −2.5 (the card goes on to 10).
   */
  'risk-factor-review': { readonly egfrLow?: true; readonly stoppedAgainstCard?: true };
  /** The treatment choice the checks are for (the baseline marker is checked before an oral start only). */
  'pretreatment-checks': { readonly choice: TreatmentChoice };
  'vitamin-d-before-dxa': Nothing;
  /**
   * `withhold`: no supplement to add now: a raised calcium, or 25-OH-D above the card's 70–125 nmol/L.
   * `supplementRecheck`: below target, but measured before the supplement had 3 months to act:
   * recheck from `from` (`now`: that day has passed) rather than raise the dose.
   */
  'vitamin-d-calcium': {
    readonly withhold?: 'hypercalcaemia' | 'vitamin-d-high';
    readonly supplementRecheck?: { readonly from: LocalDate; readonly now?: true };
    /** The medication list could not be had: whether a D3 supplement is taken is unknown. */
    readonly supplementUnknown?: true;
  };
  'bone-healthy-lifestyle': Nothing;
  /** Vitamin D before the scan: replete, at or below the limit, or no current value. */
  'dxa-workup-suggested': { readonly vitaminD: 'ok' | 'low' | 'unknown' };

  // rules.md section 3 — follow-up
  /** `notContinued`: another card of the answer says not to go on as now (the 10-year card, a pause) — the marker's "> 30 %: continue" is not said. */
  'btm-follow-up-due': { readonly marker: BoneMarkerKind; readonly due: LocalDate; readonly notContinued?: NotContinued; readonly noBaseline?: true };
  /** `notContinued`: another card of the answer says not to go on as now — the card then says so, never "continue". */
  'btm-response-adequate': { readonly comparedWith: MarkerComparison; readonly notContinued?: NotContinued };
  'btm-response-inadequate': {
    readonly comparedWith: MarkerComparison;
    readonly recheckDue: LocalDate;
    /** The re-check date has passed: it is due now. */
    readonly recheckPassed?: true;
    /** The latest eGFR ≤ 35: the parenteral start is the specialist's (as `switch-to-parenteral`). */
    readonly egfrLow?: true;
    /** Another card of the answer decides the treatment (a failure referral, a serious side effect, 10 years): no re-check, no start of its own. */
    readonly notContinued?: 'serious-side-effect' | 'treatment-failure' | 'ten-years';
  };
  'switch-to-parenteral': {
    /** The latest eGFR ≤ 35: the specialist starts the second choice (endocrinology recommended). */
    readonly egfrLow?: true;
    /** Osteonecrosis of the jaw or an atypical femoral fracture on record: the specialist chooses (endocrinology recommended). */
    readonly seriousSideEffect?: true;
    /** Failed checks before a start (low calcium, 25-OH-D ≤ 50): corrected before the second choice. */
    readonly correctFirst?: readonly Reason[];
  };
  'dxa-follow-up-due': Nothing;
  /** `treatment-failure`: another card names a treatment failure (BMD fall, fractures on treatment, a marker that still does not fall) — no pause. */
  /**
   * `dxaFirst`: the criteria rest on an older scan and a follow-up DXA is due in the same
   * answer (rules/agreement.ts): the pause waits for it — the scan's date; `dueDxa` says which
   * (the 5-year one unless `two-year`: a course restarted after a pause has its own 2-year mark).
   */
  /**
   * `notPaused`: a treatment failure, or a first insufficient marker fall whose re-check comes first;
   * `egfr-low` / `serious-side-effect`: the drug is held now anyway, until the endocrinologist answers.
   */
  'bisphosphonate-pause-candidate': { readonly notPaused?: 'treatment-failure' | 'marker-recheck' | 'egfr-low' | 'serious-side-effect'; readonly dxaFirst?: LocalDate; readonly dueDxa?: 'two-year' };
  'bisphosphonate-continue': { readonly notContinued?: NotContinued };
  'bisphosphonate-ten-years': Nothing;
  /**
   * `vitaminDLow`: the DXA is due and the current 25-OH-D ≤ 50 nmol/L (card "OBS: D-vitamin bør være i niveau før DXA-skanning").
   * `tenYears`: 10 years of oral bisphosphonate are already taken (card "kan behandling udstrækkes til 10 år"): what ends the
   * pause leads to a referral, not to alendronate again.
   */
  'bisphosphonate-pause-review': { readonly pauseStart: LocalDate; readonly dxaFrom: LocalDate; readonly vitaminDLow?: true; readonly tenYears?: true };
  'denosumab-injection-due': {
    readonly due: LocalDate;
    /** The last day the injection is still in time ("Der må max gå 7 måneder"). */
    readonly latestInTime: LocalDate;
    /** The window a calcium before the injection must lie in (settings). */
    readonly calciumWithinDays: number;
    /** The latest calcium is low: correct it before the injection. */
    readonly calciumLow?: true;
    /** A medication prefetch key could not be had: a later injection may be missing (check before injecting). */
    readonly medicationListUnavailable?: true;
  };
  /** `egfrLow`: the latest eGFR ≤ 35 — a follow-on bisphosphonate is not for general practice (as on `denosumab-stopped`). */
  'denosumab-overdue': {
    readonly due: LocalDate;
    readonly calciumLow?: true;
    readonly egfrLow?: true;
    /** `anabolic-treatment-consideration` beside it: the referral does not put off the injection. */
    readonly anabolicCandidate?: true;
    /** A medication prefetch key could not be had: a later injection may be missing (check before injecting). */
    readonly medicationListUnavailable?: true;
  };
  'denosumab-stopped': {
    /** "typisk zoledronsyre ca. 6 måneder efter sidste injektion". */
    readonly followOnDue: LocalDate;
    /** That time has come. */
    readonly followOnDueReached: boolean;
    /** The latest eGFR is ≤ 35: no bisphosphonate in general practice, the endocrinologist chooses. */
    readonly egfrLow?: boolean;
    /** The latest calcium is low: corrected before the follow-on, the endocrinologist recommended. */
    readonly calciumLow?: true;
    /** Osteonecrosis of the jaw or an atypical femoral fracture on record: no bisphosphonate follow-on in general practice, the endocrinologist chooses. */
    readonly seriousSideEffect?: true;
    /** `anabolic-treatment-consideration` beside it: the referral does not put off the follow-on. */
    readonly anabolicCandidate?: true;
    /** Oral bisphosphonate is not possible (card "2. Valg": a contraindication such as ulcus, non-adherence): no alendronate offered. */
    readonly oralBarred?: true;
    /** A medication prefetch key could not be had: a follow-on treatment may be missing (check before starting one). */
    readonly medicationListUnavailable?: true;
  };
  'zoledronic-acid-infusion-due': {
    readonly due: LocalDate;
    /** The due date is before today (rules.md: it reads "was due on <date>", never "coming"). */
    readonly overdue: boolean;
    /** The window the tests before the infusion must lie in (settings). */
    readonly labsWithinDays: number;
    readonly missingLabs: readonly LabOrder[];
    /** Every test is in, but the oldest passes the window before the due day: the last infusion day they cover. */
    readonly labsHoldUntil?: LocalDate;
    /** The latest eGFR is ≤ 35 (card l. 41 "Tjek, at eGFR > 35"): the infusion is not to be given now. */
    readonly egfrLow?: boolean;
    /** The latest calcium is low (l. 42 "ikke er hypocalcæmi"): correct it before the infusion. */
    readonly calciumLow?: true;
    /** The latest 25-OH-D is ≤ 50 nmol/L (l. 43 "> 50 nmol/L"): vitamin D before the infusion. */
    readonly vitaminDLow?: true;
  };
  'anabolic-treatment-consideration': {
    readonly candidate: AnabolicCandidate;
    /** A critical denosumab card beside it (overdue, or stopped without follow-on): that comes first (rules.md §6 "never two cards that compete"). */
    readonly afterDenosumab?: 'overdue' | 'stopped';
    /** Its referral is the recommended endocrinology referral of the answer, which asks the anabolic question too (rules/agreement.ts `oneClinic`). */
    readonly referralCombined?: true;
    /** Its referral goes with each start of the treatment card's alternatives, or alone from there (rules/agreement.ts `anabolicOnTreatmentCard`). */
    readonly referralOnTreatmentCard?: true;
  };
  'endocrinology-referral': {
    /** Osteonecrosis of the jaw or an atypical femoral fracture on an antiresorptive (reason `intolerance`). */
    readonly seriousSideEffect?: true;
    /** `fractures-on-treatment` rests on a fracture of unknown mechanism: the card says "if low-energy" (rules.md §1). */
    readonly fracturesIfLowEnergy?: true;
  };
  'btm-interfering-medication': Nothing;

  // rules.md section 4 — prescribing hooks
  'rx-egfr-too-low': {
    readonly egfr: LabFinding;
    /** A denosumab start: advice to agree it with a specialist, not a "do not prescribe". */
    readonly denosumabStart: boolean;
    /** The barred draft was the follow-on after denosumab: the referral must come before the 7-month limit. */
    readonly afterDenosumab?: { readonly lastInjection: LocalDate; readonly latestInTime: LocalDate; readonly overdue: boolean };
    /** The low eGFR is older than the eGFR's freshness window: a new one is asked for beside the referral. */
    readonly notCurrent?: true;
  };
  'rx-hypocalcaemia': {
    readonly calcium: LabFinding;
    /** A denosumab injection of a running course, held: at most 7 months after the last one. */
    readonly heldInjection?: { readonly lastInjection: LocalDate; readonly latestInTime: LocalDate; readonly overdue: boolean };
    /** A current 25-OH-D (shown, not ordered again): `low` at or below 50 nmol/L. Absent: it is ordered with the calcium. */
    readonly vitaminD?: 'low' | 'adequate';
  };
  /** `start`: false for a later zoledronic acid infusion (checked before each one), worded so. */
  'rx-vitamin-d-low': {
    readonly vitaminD: LabFinding;
    readonly onSupplement: boolean;
    /** The supplement is only ordered now (this basket, or vitamin D3 in the drafted product): none is taken yet. */
    readonly supplementOrderedNow?: true;
    readonly start: boolean;
    /** The latest calcium is high: no vitamin D blindly, the endocrinologist first (rules.md section 2, suspected secondary osteoporosis). */
    readonly calciumHigh?: true;
  };
  'rx-lab-missing': { readonly before: 'start' | 'infusion' | 'injection'; readonly missingLabs: readonly LabOrder[] };
  'rx-start-checklist': {
    readonly drugClass: DrugClass;
    /** The baseline marker to take before an oral start, when none is there. */
    readonly missingMarker?: BoneMarkerKind;
    /** After a fracture in the 6 months before the start: the day the first bone marker may be taken. */
    readonly markerFrom?: LocalDate;
    /** The latest calcium is high: suspected secondary osteoporosis, referred before the start (as on patient-view). */
    readonly calciumHigh?: true;
  };
  'rx-oral-contraindicated': {
    /** The latest eGFR is ≤ 35 (card l. 41): no parenteral start in general practice, the endocrinologist chooses. */
    readonly egfrLow?: boolean;
    /** The second choice is already running (its next dose not yet due): the draft is to go, nothing to start. */
    readonly onParenteral?: 'denosumab' | 'zoledronic-acid';
    /** The latest calcium is low: no second choice either until it is corrected (rx-hypocalcaemia). */
    readonly calciumLow?: true;
    /** Osteonecrosis of the jaw or an atypical femoral fracture recorded: the endocrinologist decides. */
    readonly seriousSideEffect?: true;
    /** A current 25-OH-D ≤ 50: vitamin D first, the second choice is offered but not recommended. */
    readonly vitaminDLow?: true;
    /** A renewal at 5-10 years with the card's pause criteria met: a pause (removing the draft) is recommended over the second choice. */
    readonly pauseCriteriaMet?: true;
    /** The draft was to follow a denosumab recorded stopped: "anden behandling" — zoledronic acid, not denosumab again. */
    readonly afterDenosumabStop?: true;
    /** The second choice is drafted in the same basket: the tablet is to go, nothing else to order. */
    readonly parenteralDrafted?: 'denosumab' | 'zoledronic-acid';
  };
  'rx-swallowing-difficulty': {
    /** The drafted tablet holds vitamin D3 (alendronate + colecalciferol), Binosto does not, and no other D3 is taken or ordered. */
    readonly losesVitaminD?: true;
  };
  /** `switchAdvised`: the draft is the parenteral switch `switch-to-parenteral` recommends for this patient: stop the oral drug, keep the draft. */
  'rx-duplicate-antiresorptive': {
    readonly afterDenosumab: boolean;
    /** The drug in use of each course (that of its newest record), not every drug the course held: the one to stop. */
    readonly inUse: readonly DrugId[];
    readonly switchAdvised?: true;
    /** The switch is the card's second choice because the oral bisphosphonate is contraindicated (not `switch-to-parenteral`'s advice). */
    readonly switchFor?: 'oral-contraindicated';
    /** Denosumab in use and the latest eGFR ≤ 35: keep denosumab, no bisphosphonate (zoledronic acid) follow-on — endocrinology agrees it. */
    readonly egfrLow?: true;
    /** The other antiresorptive drafts of the basket this one doubles (rules/index.ts: one barred from going ahead doubles nothing). */
    readonly otherDrafts: readonly Ref[];
    /** Every draft it doubles is of its own drug and none is in use: the same order twice. */
    readonly doubleOrder?: true;
  };
  'rx-denosumab-biosimilar': Nothing;
  'rx-denosumab-schedule': {
    readonly nextInjection: LocalDate;
    readonly egfrSevere?: LabFinding;
    /** The injection is held for a low calcium (rx-hypocalcaemia): the reminder is for it, by 7 months after the last. */
    readonly heldUntil?: LocalDate;
    /** Days between injections as drafted, when further apart than the card's 7 months. */
    readonly orderedEveryDays?: number;
    /** A first injection held back for a low calcium (rx-hypocalcaemia): the schedule begins when it is given, no reminder yet. */
    readonly startHeld?: true;
    /** A held injection already past the 7 months (`heldUntil` has passed): given once calcium is corrected, no reminder date. */
    readonly heldPastLimit?: true;
    /** The draft plans the injection for a day past the 7-month limit after the last one: its plan, the last injection, the limit. */
    readonly plannedLate?: { readonly planned: LocalDate; readonly lastInjection: LocalDate; readonly latestInTime: LocalDate };
    /** The latest eGFR is at or below 35: the usual follow-on (zoledronic acid) is barred, so the follow-on is the specialist's. */
    readonly egfrLow?: true;
  };
  'rx-glucocorticoid-bone-protection': {
    readonly advice: 'treat' | 'dxa' | 'exposure';
    /** With `treat`: how to start (eGFR ≤ 35: endocrinology; oral barred: parenteral referral). */
    readonly treatWith?: GlucocorticoidTreatment;
    /** With `treat`: the failed pre-start checks to correct before the first tablet. */
    readonly correctFirst?: readonly Reason[];
    /** With `treat` and `endocrinology`: the referral is for a high calcium (suspected secondary osteoporosis), not the eGFR. */
    readonly calciumHigh?: true;
    /** With `treat` and `endocrinology`: the referral is for osteonecrosis of the jaw or an atypical femoral fracture on record. */
    readonly seriousSideEffect?: true;
  };
  /** The drafted product also holds D3: a separate D3 order is offered, or plain D3 is already taken/ordered. */
  'rx-calcium-carbonate-ppi': { readonly withVitaminD: 'none' | 'offered' | 'covered' };
  /** `restart`: no oral course is current (after a stop or a pause): worded as a restart, not a renewal. */
  'rx-bisphosphonate-duration': {
    readonly restart: boolean;
    /** Between 5 and 10 years, on a renewal: the card's pause criteria as patient-view judges them. */
    readonly pause?: PauseVerdict;
  };
  /** Romosozumab drafted for a man: approved for postmenopausal women only [extension: SmPC], said in the text. */
  'rx-anabolic-specialist': { readonly romosozumabForMan: boolean };
  'rx-dose-interval': {
    readonly schedule: DoseScheduleName;
    /** The dose the schedule is for (alendronate 70, risedronate 35 or 150, ibandronate 150 mg …). */
    readonly scheduleDoseMg: number;
    /** Days between doses as drafted, when more frequent than the schedule. */
    readonly orderedEveryDays?: number;
    /** A denosumab injection too early after the last one: the day the next is due. */
    readonly nextInjection?: LocalDate;
    /**
     * Another card of the same draft bars the drug itself (`rx-egfr-too-low` critical,
     * `rx-oral-contraindicated`), holds it (`rx-hypocalcaemia`) or offers to remove it as a second
     * antiresorptive (`rx-duplicate-antiresorptive`): no dosing correction is offered, which would keep the drug.
     */
    readonly barred?: 'rx-egfr-too-low' | 'rx-oral-contraindicated' | 'rx-hypocalcaemia' | 'rx-duplicate-antiresorptive';
  };

  // rules.md "Missing data"
  'data-unavailable': Nothing;
}

/**
 * The recommendation of one topic (`Recommendation<'denosumab-overdue'>`), or of any topic
 * (`Recommendation`): a union discriminated by `topic`.
 */
export type Recommendation<T extends Topic = Topic> = { [K in T]: Common<K> & TopicValues[K] }[T];
