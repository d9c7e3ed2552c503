/**
 * Card (source-card-da.txt):
 *   l. 41-43  "Tjek, at eGFR > 35 ml/min. Tjek, at der Ikke er hypocalcæmi. Tjek, at
 *              P-25-OH-Vit.D > 50 nmol/L."   (l. 51 "Før start af antiresorptiv behandling")
 *   l. 75     "P-calcium, -kreatinin og -25-OH-Vit.D bør kontrolleres før hver infusion."  (zoledronsyre)
 *   l. 80     "P-calcium kontrolleres forud for injektion."  (denosumab)
 *
 * Topic `rx-lab-missing` (rules.md section 4, freshness in section 1).
 * When: the draft is an antiresorptive and a lab its check needs is missing or not current:
 *   - oral bisphosphonate, starts only (v2, "Start or renewal": first course, restart or switch —
 *     start-or-renewal.ts; a renewal of the ongoing drug is not a start): eGFR (90 days), calcium
 *     (90 days), 25-OH-D (180 days);
 *   - zoledronic acid: calcium, creatinine or eGFR, 25-OH-D — each within 30 days of the infusion;
 *     a creatinine alone is held to the card's "Tjek, at eGFR > 35 ml/min" by the eGFR it gives
 *     (CKD-EPI 2021, creatinine-egfr.ts), and one that does not show it asks for the eGFR too
 *     [extension: rx-egfr-too-low judges eGFRs only, and a creatinine of 250 µmol/L before a
 *     nephrotoxic infusion must not pass; patient-view's zoledronic-acid-infusion-due reads it alike];
 *   - denosumab: calcium within 30 days of the injection; on a start also eGFR (90 days) and 25-OH-D
 *     (180 days). The rules.md row names calcium only, but card l. 41-43 asks all three before *any*
 *     antiresorptive start, and rx-egfr-too-low / rx-vitamin-d-low have nothing to check without
 *     them — the card wins (the safer reading).
 * (Windows from `settings.freshnessDays`.) Values dated after today are ignored.
 * (Zoledronic acid and denosumab: before every dose, renewals included — card l. 75, l. 80.)
 * Then: warning — order the missing labs (one suggestion per lab, any may be chosen). A lab that has
 * a value, only too old, is said to be *not current* with the date of that value, never "no result":
 * another card of the same draft (rx-vitamin-d-low, rx-egfr-too-low) may rest on that very value.
 * A current value that is a bound its check cannot be decided by ("<60" for "eGFR > 35",
 * terminology.md l. 1063; labs.ts `currentDeciding`) is no current value either: the lab is asked
 * for, and the card names the bound as not used (unusable-values.ts), not as "too old".
 * Reasons: `egfr-missing`, `creatinine-missing`, `calcium-missing`, `vitamin-d-missing`.
 */
import type { CalciumMeasurement, Measurement } from '../../facts/types.js';
import type { LocalDate } from '../../time/local-date.js';
import type { LabMissingReason } from '../../contract/topics.js';
import { calciumFinding, labFinding } from '../predicates/findings.js';
import { currentCalcium, currentDeciding, decidesEgfrCheck, decidesVitaminDCheck, latest, latestWithin } from '../predicates/labs.js';
import type { DraftRule } from '../types.js';
import type { Finding, LabOrder } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { egfrContradicted, kidneyTest, newerCreatinineOf, type KidneyTest } from '../predicates/creatinine-egfr.js';
import { draftEvidence, draftFinding, isAntiresorptiveDraft } from './draft.js';
import { isStart } from './start-or-renewal.js';

interface RequiredLab {
  readonly lab: LabOrder;
  readonly reason: LabMissingReason;
  /** A value that satisfies the check is current (creatinine or eGFR before an infusion). */
  readonly current: boolean;
  readonly withinDays: number;
  /** The last value there is, too old to count: shown with its date so the GP sees how old it is. */
  readonly stale?: { readonly finding: Finding; readonly ref: string; readonly date: LocalDate };
  /** A current eGFR a newer creatinine contradicts (creatinine-egfr.ts): both shown. */
  readonly newerCreatinine?: KidneyTest['contradicted'];
}

/** The latest value when it is older than the window (one inside it that does not count is a bound, named as not used). */
function lastOf(lab: LabOrder, series: readonly Measurement[], today: LocalDate, withinDays: number): RequiredLab['stale'] {
  const m = latest(series, today);
  return m === undefined || latestWithin(series, today, withinDays) !== undefined ? undefined : { finding: labFinding(lab, m), ref: m.ref, date: m.date };
}

function lastCalcium(series: readonly CalciumMeasurement[], today: LocalDate, withinDays: number): RequiredLab['stale'] {
  const m = latest(series, today);
  return m === undefined || latestWithin(series, today, withinDays) !== undefined ? undefined : { finding: calciumFinding(m), ref: m.ref, date: m.date };
}

export const rxLabMissing: DraftRule<'rx-lab-missing'> = (ctx, draft) => {
  if (!isAntiresorptiveDraft(draft)) return undefined;
  const { labs } = ctx.facts;
  const days = ctx.settings.freshnessDays;
  const drugClass = draft.identity.drugClass;
  const today = ctx.today;
  const opt = (stale: RequiredLab['stale']): { stale?: NonNullable<RequiredLab['stale']> } => (stale === undefined ? {} : { stale });
  const egfrCurrent = (within: number): boolean => currentDeciding(labs.egfr, today, within, decidesEgfrCheck) !== undefined;
  const calciumLab = (within: number): RequiredLab => ({
    lab: 'calcium',
    reason: 'calcium-missing',
    current: currentCalcium(labs.calcium, today, within) !== undefined,
    withinDays: within,
    ...opt(lastCalcium(labs.calcium, today, within)),
  });
  const vitaminDLab = (within: number): RequiredLab => ({
    lab: 'vitamin-d',
    reason: 'vitamin-d-missing',
    current: currentDeciding(labs.vitaminD, today, within, decidesVitaminDCheck) !== undefined,
    withinDays: within,
    ...opt(lastOf('vitamin-d', labs.vitaminD, today, within)),
  });

  // Before any start (card l. 41-43); a newer creatinine giving 35 or less asks for a new eGFR.
  const contradicted = egfrContradicted(ctx.facts, days.egfr);
  const egfr: RequiredLab = {
    lab: 'egfr',
    reason: 'egfr-missing',
    current: egfrCurrent(days.egfr) && contradicted === undefined,
    withinDays: days.egfr,
    ...opt(lastOf('egfr', labs.egfr, today, days.egfr)),
    ...(contradicted === undefined ? {} : { newerCreatinine: contradicted }),
  };
  const vitaminD = vitaminDLab(days.vitaminD);

  let required: readonly RequiredLab[];
  let note: 'before-infusion' | 'before-injection' | undefined;
  if (drugClass === 'zoledronic-acid') {
    note = 'before-infusion';
    const kidney = kidneyTest(ctx.facts, days.beforeInfusion);
    required = [
      calciumLab(days.beforeInfusion),
      {
        lab: 'creatinine',
        reason: 'creatinine-missing',
        current: kidney.missing !== 'creatinine',
        withinDays: days.beforeInfusion,
        ...opt(lastOf('creatinine', labs.creatinine, today, days.beforeInfusion)),
      },
      vitaminDLab(days.beforeInfusion),
      // A current creatinine alone is held to the card's check "eGFR > 35" by the eGFR it gives
      // (creatinine-egfr.ts): one that does not show it (250 µmol/L) asks for the eGFR — an infusion
      // into renal failure had got no card. Within the infusion's 30 days, as l. 75 asks of its
      // kidney test: a 37-day-old eGFR of 36 beside a fresh creatinine of 250 µmol/L went ahead.
      {
        lab: 'egfr',
        reason: 'egfr-missing',
        current: kidney.missing !== 'egfr',
        withinDays: days.beforeInfusion,
        ...opt(lastOf('egfr', labs.egfr, today, days.beforeInfusion)),
        ...(kidney.contradicted === undefined ? {} : { newerCreatinine: kidney.contradicted }),
      },
    ];
  } else if (drugClass === 'denosumab') {
    note = 'before-injection';
    const beforeInjection = calciumLab(days.beforeInjection);
    required = isStart(ctx.facts, draft) ? [egfr, beforeInjection, vitaminD] : [beforeInjection];
  } else {
    if (!isStart(ctx.facts, draft)) return undefined;
    note = undefined;
    required = [egfr, calciumLab(days.calcium), vitaminD];
  }

  const missing = required.filter((r) => !r.current);
  if (missing.length === 0) return undefined;

  const findings: Finding[] = [draftFinding(draft)];
  const refs: string[] = [];
  for (const m of missing) {
    const newerCreatinine = m.newerCreatinine === undefined ? {} : { newerCreatinine: newerCreatinineOf(m.newerCreatinine.creatinine) };
    findings.push({ kind: 'lab-missing', lab: m.lab, withinDays: m.withinDays, ...(m.stale === undefined ? {} : { lastDate: m.stale.date }), ...newerCreatinine });
    if (m.stale !== undefined) {
      findings.push(m.stale.finding);
      refs.push(m.stale.ref);
    }
    if (m.newerCreatinine !== undefined) {
      findings.push(labFinding('egfr', m.newerCreatinine.egfr));
      refs.push(m.newerCreatinine.egfr.ref, m.newerCreatinine.creatinine.ref);
    }
  }
  const suggestions: SuggestionSpec[] = missing.map((m) => ({ kind: 'lab', lab: m.lab, ...(note === undefined ? {} : { note }) }));
  return {
    topic: 'rx-lab-missing',
    indicator: 'warning',
    reasons: missing.map((m) => m.reason),
    evidence: draftEvidence(draft, [ctx.facts.patientRef, ...refs]),
    findings,
    suggestions,
    selectionBehavior: 'any',
    draft: draft.ref,
    before: note === 'before-infusion' ? 'infusion' : note === 'before-injection' ? 'injection' : 'start',
    missingLabs: missing.map((m) => m.lab),
  };
};
