/**
 * Risk factors — card footnote ** (source-card-da.txt):
 * l. 35-37 "** fx genetisk disposition, lavt BMI, immobilisering, højdereduktion, sygdomme og tilstande, der
 * kan medføre knogletab, faldtendens, glukokortikoidbehandling, rygning. Se kapitel 4 i
 * DSAM-vejledning."
 *
 * The list is open ("fx"); rules.md section 1 fills it in from DSAM chapter 4 and the Danish
 * endocrinology society's guideline, and adds [extension] age over 80, aromatase inhibitor or
 * anti-androgen treatment, alcohol ≥ 3 units a day — and (this service, same sources) an earlier
 * fracture known to be low-energy at a site other than spine or hip (those are criteria of their
 * own): with T-score ≤ −2.5 a low-energy forearm fracture is an indication to treat, and without a
 * DXA a reason for one; the card's anabolic passage already counts such fractures.
 */
import { BONE_LOSS_DISEASES, type ConditionConcept, type ConditionFact, type PatientFacts, type Ref } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import type { RiskFactorReason } from '../../contract/topics.js';
import { perFactsAndSettings } from '../memo.js';
import type { GuidelineSettings } from '../settings.js';
import type { Finding } from '../../contract/findings.js';
import { activeConditions, anyConditions, conditionDate, nonSpecificConditions } from './conditions.js';
import { conditionFinding, glucocorticoidFinding } from './findings.js';
import { fractureFinding, lowEnergyFractures } from './fractures.js';
import { currentMedications } from './medication.js';

export interface RiskFactor {
  readonly reason: RiskFactorReason;
  readonly findings: readonly Finding[];
  readonly evidence: readonly Ref[];
}

/** Conditions of the list that are facts of history rather than active disease. */
const HISTORICAL_CONDITIONS: readonly ConditionConcept[] = ['early-menopause'];

/** Recorded falls count as fall tendency for 2 years [choice]; fall tendency itself while active. */
const FALLS_MONTHS = 24;

/** rules.md's "over 80", read like the card's "over 60 år": from the 80th birthday [choice]. */
const AGE_RISK_FROM = 80;

function conditionFactor(reason: RiskFactorReason, facts: PatientFacts, concepts: readonly ConditionConcept[], historical: readonly ConditionConcept[] = []): RiskFactor | undefined {
  const found = [...activeConditions(facts, concepts), ...anyConditions(facts, historical)];
  if (found.length === 0) return undefined;
  return {
    reason,
    findings: found.map(conditionFinding),
    evidence: found.map((c) => c.ref),
  };
}

function familyHistory(facts: PatientFacts): RiskFactor | undefined {
  const refs = [...facts.familyHistory.map((f) => f.ref), ...anyConditions(facts, ['family-history-osteoporosis']).map((c) => c.ref)];
  if (refs.length === 0) return undefined;
  return { reason: 'risk-family-history', findings: refs.map((ref) => ({ kind: 'family-history', ref })), evidence: refs };
}

function lowBmi(facts: PatientFacts, settings: GuidelineSettings): RiskFactor | undefined {
  const bmi = currentBmi(facts);
  if (bmi === undefined || bmi.value >= settings.lowBmi) return undefined;
  // Two decimals, cut rather than rounded where rounding would reach the limit (18.996 is shown 18.99, not 19).
  const rounded = Math.round(bmi.value * 100) / 100;
  const shown = rounded < settings.lowBmi ? rounded : Math.trunc(bmi.value * 100) / 100;
  return { reason: 'risk-low-bmi', findings: [{ kind: 'measurement', measure: 'bmi', value: shown, unit: 'kg/m²', date: bmi.date, ref: bmi.refs[0] }], evidence: bmi.refs };
}

/** Plausible adult heights in cm: outside them a weight is not turned into a BMI. */
const ADULT_HEIGHT_CM = { min: 100, max: 230 } as const;

/**
 * The patient's BMI now: the latest one recorded, unless a weight is newer — then that weight over
 * the latest height measured by its day (else the first one after) [choice: Danish records carry
 * weight and height more often than BMI; a low BMI must not go unseen for want of the quotient].
 */
function currentBmi(facts: PatientFacts): { readonly value: number; readonly date: LocalDate; readonly refs: readonly Ref[] } | undefined {
  const recorded = facts.vitals.bmi[0];
  const fromRecord = recorded === undefined ? undefined : { value: recorded.value, date: recorded.date, refs: [recorded.ref] };
  const weight = facts.vitals.weight[0];
  if (weight === undefined || (recorded !== undefined && recorded.date >= weight.date)) return fromRecord;
  const heights = facts.vitals.height;
  const height = heights.find((h) => h.date <= weight.date) ?? heights[heights.length - 1];
  if (height === undefined || height.value < ADULT_HEIGHT_CM.min || height.value > ADULT_HEIGHT_CM.max) return fromRecord;
  // Not rounded: 51 kg at 164 cm is 18.96, under 19 — rounded to 19.0 it had not been a low BMI,
  // though the same 18.96 recorded as a BMI was (lowBmi rounds the figure it shows).
  const value = weight.value / (height.value / 100) ** 2;
  return { value, date: weight.date, refs: [weight.ref, height.ref] };
}

/** "Højdereduktion": the latest height at least N cm below the highest recorded height [choice]. */
function heightLoss(facts: PatientFacts, settings: GuidelineSettings): RiskFactor | undefined {
  const current = facts.vitals.height[0];
  if (current === undefined) return undefined;
  let max = current;
  for (const h of facts.vitals.height) if (h.value > max.value) max = h;
  // Compared unrounded (a float's last bit aside): 3.96 cm, rounded to 4.0, had been a height loss.
  const loss = max.value - current.value;
  if (loss < settings.heightLossCm - 1e-9) return undefined;
  return {
    reason: 'risk-height-loss',
    findings: [{ kind: 'measurement', measure: 'height-loss', value: Math.round(loss * 10) / 10, unit: 'cm', date: current.date, ref: current.ref }],
    evidence: [current.ref, max.ref],
  };
}

function falls(facts: PatientFacts): RiskFactor | undefined {
  const from = addMonths(facts.today, -FALLS_MONTHS);
  const conds = facts.conditions.filter((c) => {
    if (c.concept !== 'falls' || c.nonSpecific === true) return false;
    const d = conditionDate(c);
    return d === undefined ? c.active : d >= from || c.active;
  });
  const reported = facts.lifestyle.fallsReported !== undefined && facts.lifestyle.fallsReported.date >= from ? [facts.lifestyle.fallsReported] : [];
  const refs = [...conds.map((c) => c.ref), ...reported.map((r) => r.ref)];
  if (refs.length === 0) return undefined;
  return {
    reason: 'risk-falls',
    findings: conds.map(conditionFinding),
    evidence: refs,
  };
}

/** Card footnote ** "glukokortikoidbehandling": in use now, at footnote * now, or at footnote * earlier (facts `pastExposure`). */
function glucocorticoid(facts: PatientFacts): RiskFactor | undefined {
  const gc = facts.glucocorticoid;
  if (!gc.active && !gc.meetsThreshold) {
    const past = gc.pastExposure;
    if (past === undefined) return undefined;
    return { reason: 'risk-glucocorticoid', findings: [{ kind: 'glucocorticoid-past', refs: past.refs, lastUse: past.lastUse }], evidence: past.refs };
  }
  return {
    reason: 'risk-glucocorticoid',
    findings: [glucocorticoidFinding(gc)],
    evidence: gc.refs,
  };
}

/**
 * Current smoking: the latest smoking status says so, or an active 'smoker' condition is on the
 * problem list — unless a smoking status dated on or after it (or an undated one) says otherwise.
 */
function smoking(facts: PatientFacts): RiskFactor | undefined {
  const s = facts.lifestyle.smoking;
  if (s?.current === true) return { reason: 'risk-smoking', findings: [], evidence: [s.ref] };
  const conds = activeConditions(facts, ['smoker']).filter((c) => {
    if (s === undefined) return true;
    const d = conditionDate(c);
    return s.date !== undefined && d !== undefined && d > s.date;
  });
  if (conds.length === 0) return undefined;
  return { reason: 'risk-smoking', findings: conds.map(conditionFinding), evidence: conds.map((c) => c.ref) };
}

/**
 * A low-energy fracture of another site than spine or hip [extension: DSAM ch. 4]. One of unknown
 * mechanism (forearm, upper arm, pelvis; in population) counts too, as rules.md section 1 has a
 * possible low-energy fracture count "wherever a low-energy fracture counts (the safer reading)";
 * its finding says "lavenergi? (mekanisme ikke registreret)" and, when no known one is there, its
 * reason is `risk-prior-fracture-possible` (the card then says "if low-energy"). Counting only known ones left a
 * woman with T −2.7 and a forearm fracture of unknown mechanism with an anabolic referral
 * (which counts possible fractures) and no first-line treatment card.
 */
function priorFracture(facts: PatientFacts, settings: GuidelineSettings): RiskFactor | undefined {
  const counted = lowEnergyFractures(facts, settings).filter((c) => c.fracture.site !== 'spine' && c.fracture.site !== 'hip');
  if (counted.length === 0) return undefined;
  // Only fractures of unknown mechanism: the card says "if low-energy" (rules.md section 1).
  const reason = counted.every((c) => c.possible) ? 'risk-prior-fracture-possible' : 'risk-prior-fracture';
  return { reason, findings: counted.map(fractureFinding), evidence: counted.map((c) => c.fracture.ref) };
}

/** Claimed only when certain: a birth date of "1946" makes a woman 79 or 80 in 2026, and no risk factor of age is known. */
function ageOver80(facts: PatientFacts): RiskFactor | undefined {
  const age = facts.ageAtLeast ?? facts.age;
  if (age === undefined || age < AGE_RISK_FROM) return undefined;
  return { reason: 'risk-age-over-80', findings: [{ kind: 'age', years: age }], evidence: [facts.patientRef] };
}

/** Aromatase inhibitors, anti-androgens and (in men) GnRH analogues: hormone deprivation [extension]. */
function hormoneTherapy(facts: PatientFacts): RiskFactor | undefined {
  const meds = currentMedications(facts, ['aromatase-inhibitor', 'anti-androgen', 'gnrh-analogue']).filter(
    (m) => m.identity.drug !== 'gnrh-analogue' || facts.sex === 'male',
  );
  if (meds.length === 0) return undefined;
  return {
    reason: 'risk-hormone-therapy',
    findings: meds.map((m) => ({ kind: 'medication', drug: m.identity.drug, date: m.start, ref: m.ref })),
    evidence: meds.map((m) => m.ref),
  };
}

function alcohol(facts: PatientFacts, settings: GuidelineSettings): RiskFactor | undefined {
  const a = facts.lifestyle.alcoholUnitsPerDay;
  const conds = activeConditions(facts, ['alcohol-overuse']);
  const measured = a !== undefined && a.value >= settings.alcoholUnitsPerDay ? a : undefined;
  if (measured === undefined && conds.length === 0) return undefined;
  return {
    reason: 'risk-alcohol',
    findings: measured === undefined ? [] : [{ kind: 'measurement', measure: 'alcohol-units', value: measured.value, unit: 'units/day', date: measured.date, ref: measured.ref }],
    evidence: [...(measured === undefined ? [] : [measured.ref]), ...conds.map((c) => c.ref)],
  };
}

/** The conditions that are risk factors (footnote **), by whatever rule reads each. */
const RISK_CONDITIONS: readonly ConditionConcept[] = [
  'immobility',
  'cannot-stay-upright',
  ...BONE_LOSS_DISEASES,
  'chronic-kidney-disease',
  ...HISTORICAL_CONDITIONS,
  'falls',
  'smoker',
  'alcohol-overuse',
  'family-history-osteoporosis',
];

/**
 * Risk-factor conditions the record gives only by a catch-all code (ICPC-2 T99, U99, D99, A29):
 * no risk factor (terminology.md §2 "use them only as weak evidence"), but what the GP reviewing
 * the risk factors should ask about first.
 */
export function possibleRiskConditions(facts: PatientFacts): readonly ConditionFact[] {
  return nonSpecificConditions(facts, RISK_CONDITIONS);
}

/** Every risk factor the record shows, in the card's order. */
export const riskFactors = perFactsAndSettings((facts, settings): readonly RiskFactor[] => {
  const all = [
    familyHistory(facts),
    lowBmi(facts, settings),
    conditionFactor('risk-immobilisation', facts, ['immobility', 'cannot-stay-upright']),
    heightLoss(facts, settings),
    conditionFactor('risk-disease', facts, [...BONE_LOSS_DISEASES, 'chronic-kidney-disease'], HISTORICAL_CONDITIONS),
    falls(facts),
    glucocorticoid(facts),
    smoking(facts),
    ageOver80(facts),
    hormoneTherapy(facts),
    alcohol(facts, settings),
    priorFracture(facts, settings),
  ];
  return all.filter((r): r is RiskFactor => r !== undefined);
});

