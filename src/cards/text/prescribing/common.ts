/**
 * What the prescribing texts read off a recommendation: the drafted drug's name and a lab value
 * with its comparator.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import type { DrugId } from '../../../contract/clinical.js';
import type { Finding, LabFinding } from '../../../contract/findings.js';
import { formatComparator, formatNumber } from '../../format.js';
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

export const ANTIRESORPTIVE: Words = { da: 'antiresorptiv behandling', en: 'antiresorptive treatment' };
