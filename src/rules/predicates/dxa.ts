/**
 * T-scores as the card reads them (rules.md section 1 "T-score"): the lowest T-score of lumbar
 * spine, total hip or femoral neck from the latest DXA; forearm counts only when neither spine nor
 * hip exists. A T-score has no expiry; the card shows its date. "Hip T-score" = lowest of total hip
 * and femoral neck.
 */
import type { DxaScan, DxaScore, PatientFacts } from '../../facts/types.js';
import { addYears, type LocalDate } from '../../time/local-date.js';

const CENTRAL_SITES = new Set(['lumbar-spine', 'total-hip', 'femoral-neck']);
const HIP_SITES = new Set(['total-hip', 'femoral-neck']);

function lowest(scores: readonly DxaScore[]): DxaScore | undefined {
  let best: DxaScore | undefined;
  for (const s of scores) if (best === undefined || s.value < best.value) best = s;
  return best;
}

/** The T-score the diagnosis and indication rest on, from the latest DXA with a diagnostic site. */
export function diagnosticTScore(facts: PatientFacts): DxaScore | undefined {
  for (const scan of facts.dxa.scans) {
    if (scan.date > facts.today) continue;
    const central = scan.tScores.filter((s) => CENTRAL_SITES.has(s.site));
    if (central.length > 0) return lowest(central);
    const forearm = scan.tScores.filter((s) => s.site === 'forearm');
    if (forearm.length > 0) return lowest(forearm);
  }
  return undefined;
}

/** Lowest of total hip and femoral neck from the latest DXA (on or before `asOf`, default any) that measured the hip. */
export function hipTScore(facts: PatientFacts, asOf?: LocalDate): DxaScore | undefined {
  for (const scan of facts.dxa.scans) {
    if (asOf !== undefined && scan.date > asOf) continue;
    const hip = scan.tScores.filter((s) => HIP_SITES.has(s.site));
    if (hip.length > 0) return lowest(hip);
  }
  return undefined;
}

/** Lowest Z-score of the latest DXA that has one. */
export function latestZScore(facts: PatientFacts): DxaScore | undefined {
  for (const scan of facts.dxa.scans) {
    const z = lowest(scan.zScores);
    if (z !== undefined) return z;
  }
  return undefined;
}

export function latestScan(facts: PatientFacts): DxaScan | undefined {
  return facts.dxa.scans.find((s) => s.date <= facts.today);
}

/** The latest DXA on or after `date`, if any. */
export function scanSince(facts: PatientFacts, date: LocalDate): DxaScan | undefined {
  return facts.dxa.scans.find((s) => s.date >= date && s.date <= facts.today);
}

/** A DXA within the last `years` (boundary day included). */
export function hasDxaWithinYears(facts: PatientFacts, years: number): boolean {
  return scanSince(facts, addYears(facts.today, -years)) !== undefined;
}
