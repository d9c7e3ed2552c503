/**
 * Guideline settings: the numbers rules.md marks [choice] or "configurable", with the card's and
 * the catalogue's defaults. A site may override them (CDS_SITE_CONFIG); rules read them from here
 * and never hard-code a tunable number.
 */
import type { Topic } from '../contract/topics.js';

/** The site shows the topic's cards (not in `disabledTopics`). */
export function shows(settings: GuidelineSettings, topic: Topic): boolean {
  return settings.disabledTopics.length === 0 || !settings.disabledTopics.includes(topic);
}

export interface GuidelineSettings {
  /** Topics switched off by the site (e.g. lifestyle or DXA work-up cards). */
  readonly disabledTopics: readonly Topic[];
  readonly freshnessDays: {
    /** eGFR, calcium and creatinine count as current for 90 days (rules.md section 1). */
    readonly egfr: number;
    readonly calcium: number;
    readonly creatinine: number;
    /** 25-OH-D: 180 days. */
    readonly vitaminD: number;
    /** A baseline bone marker may be up to 90 days before the course start. */
    readonly boneMarkerBaseline: number;
    /** Before a zoledronic acid infusion: calcium, creatinine/eGFR and 25-OH-D within 30 days. */
    readonly beforeInfusion: number;
    /** Before a denosumab injection: calcium within 30 days. */
    readonly beforeInjection: number;
  };
  /** Premenopausal mean of the bone markers in µg/L when the lab gives none [choice]. */
  readonly premenopausalMean: { readonly p1np: number; readonly ctx: number };
  /** Women without a recorded menopause count as postmenopausal from this age [choice]. */
  readonly menopauseAge: number;
  /** "Mænd over 60 år": from the 60th birthday. */
  readonly menFromAge: number;
  /** Height loss from the highest recorded height that counts as a risk factor, cm [choice]. */
  readonly heightLossCm: number;
  /** Low BMI risk factor: below this (DES) kg/m². */
  readonly lowBmi: number;
  /** No DXA within this many years before a work-up is suggested [choice]. */
  readonly dxaWorkupYears: number;
  /** Denosumab injection-due card from this many months after the last injection [choice]. */
  readonly denosumabInfoMonths: number;
  /** Zoledronic acid infusion-due card from this many months after the last infusion [choice]. */
  readonly zoledronicDueMonths: number;
  /** Progressive kidney function loss: falling eGFR with the latest below this [choice]. */
  readonly egfrFallingBelow: number;
  /** Intolerance to this many osteoporosis drugs counts as unacceptable side effects [choice]. */
  readonly intoleranceDrugsForReferral: number;
  /** A peptic ulcer counts against oral bisphosphonate when active or within these months [choice]. */
  readonly ulcerMonths: number;
  /** "Ingen andre lavenergibrud de seneste år": the last N years [choice]. */
  readonly pauseRecentFractureYears: number;
  /** Glucocorticoid stopped at least this many months ago counts as a corrected cause [choice]. */
  readonly pauseGlucocorticoidStoppedMonths: number;
  /**
   * A site may stop asking for a bone marker still missing this many months after it fell due.
   * Unset by default: rules.md's `btm-follow-up-due` has no upper limit.
   */
  readonly boneMarkerWindowMonths?: number;
  /** Alcohol units (12 g) per day that count as a risk factor [extension]. */
  readonly alcoholUnitsPerDay: number;
}

export const DEFAULT_SETTINGS: GuidelineSettings = {
  disabledTopics: [],
  freshnessDays: {
    egfr: 90,
    calcium: 90,
    creatinine: 90,
    vitaminD: 180,
    boneMarkerBaseline: 90,
    beforeInfusion: 30,
    beforeInjection: 30,
  },
  premenopausalMean: { p1np: 35, ctx: 0.3 },
  menopauseAge: 50,
  menFromAge: 60,
  heightLossCm: 4,
  lowBmi: 19,
  dxaWorkupYears: 5,
  denosumabInfoMonths: 5,
  zoledronicDueMonths: 11,
  egfrFallingBelow: 45,
  intoleranceDrugsForReferral: 2,
  ulcerMonths: 12,
  pauseRecentFractureYears: 5,
  pauseGlucocorticoidStoppedMonths: 12,
  alcoholUnitsPerDay: 3,
};
