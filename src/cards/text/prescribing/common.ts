/**
 * What the prescribing texts read off a recommendation: the drafted drug's name and a lab value
 * with its comparator.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { DrugId } from '../../../contract/clinical.js';
import type { Finding, LabFinding } from '../../../contract/findings.js';
import { formatComparator, formatNumber, formatUnit } from '../../format.js';
import { recordPlainText } from '../../record-text.js';
import { DRUG, type Words } from '../vocabulary.js';

/** The drug of the draft the card is about (the first `draft` finding). */
export function draftDrug(rec: Recommendation): DrugId | undefined {
  const f = rec.findings.find((x): x is Extract<Finding, { kind: 'draft' }> => x.kind === 'draft');
  return f?.drug;
}

export function drugName(rec: Recommendation, lang: Language, fallback: Words): string {
  const drug = draftDrug(rec);
  return drug === undefined ? fallback[lang] : DRUG[drug][lang];
}

/** "≤ 35", "12,5": a lab value with its comparator. */
export function labValue(f: LabFinding, lang: Language): string {
  return `${formatComparator(f.comparator)}${formatNumber(f.value, lang)}`;
}

/**
 * "8,4 mg/dL = 2,096 mmol/L": a lab value in the canonical `unit`, led by the value the lab reported
 * when reading it converted the number (facts/measurements.ts `reportedValue`: a clinician checks
 * the number on the lab report, not the converted one alone). Plain text, for a summary.
 */
export function labQuantity(f: LabFinding, unit: string, lang: Language): string {
  const value = `${labValue(f, lang)} ${unit}`;
  if (f.reported === undefined) return value;
  return `${formatComparator(f.comparator)}${formatNumber(f.reported.value, lang)} ${recordPlainText(formatUnit(f.reported.unit, lang))} = ${value}`;
}

/** A summary under the card's 140 characters: the first candidate that fits (the last one whatever its length). */
export function fitSummary(...candidates: readonly [string, ...string[]]): string {
  for (const c of candidates) if ([...c].length < 140) return c;
  return candidates[candidates.length - 1]!;
}

export const ANTIRESORPTIVE: Words = { da: 'antiresorptiv behandling', en: 'antiresorptive treatment' };
