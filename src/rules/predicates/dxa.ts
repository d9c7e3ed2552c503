/**
 * T-scores as the card reads them (rules.md section 1 "T-score"): the lowest T-score of lumbar
 * spine, total hip or femoral neck from the latest DXA; forearm counts only when neither spine nor
 * hip exists. A T-score has no expiry; the card shows its date. "Hip T-score" = lowest of total hip
 * and femoral neck.
 */
import type { DxaScan, DxaScore, PatientFacts, Performer } from '../../facts/types.js';
import { addYears, daysBetween, type LocalDate } from '../../time/local-date.js';
import { perFacts } from '../memo.js';
import { lastCountedDay } from './data-horizon.js';

const CENTRAL_SITES = new Set(['lumbar-spine', 'total-hip', 'femoral-neck']);
const HIP_SITES = new Set(['total-hip', 'femoral-neck']);

function lowest(scores: readonly DxaScore[]): DxaScore | undefined {
  let best: DxaScore | undefined;
  for (const s of scores) if (best === undefined || s.value < best.value) best = s;
  return best;
}

/** The lowest score of the sites in `sites` (the first of equals); undefined when none was measured. */
function lowestOf(scores: readonly DxaScore[], sites: ReadonlySet<string>): DxaScore | undefined {
  let best: DxaScore | undefined;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (sites.has(s.site) && (best === undefined || s.value < best.value)) best = s;
  }
  return best;
}

const FOREARM = new Set(['forearm']);

// The scans list is frozen (facts/freeze.ts): indexed loops, as V8 iterates frozen arrays slowly.

/**
 * Scans of spine or hip this many days apart are one examination [choice: a DXA's sites recorded
 * on two days — spine one day, hip the next — are one DXA; follow-up scans are years apart].
 */
const ONE_EXAMINATION_DAYS = 30;

/**
 * The T-score the diagnosis and indication rest on (asked by most rules: once per request): the
 * lowest spine or hip T-score of the latest DXA that measured them (with its sites recorded up to
 * 30 days apart), or the forearm of a scan more than 30 days newer that measured neither when that is lower [choice,
 * the safer reading of "forearm counts only when neither spine nor hip exists": a forearm-only
 * scan does not hide the spine measured before it, and is not hidden by it]; the forearm alone when
 * no scan measured spine or hip.
 */
export const diagnosticTScore = perFacts((facts): DxaScore | undefined => {
  const scans = facts.dxa.scans;
  const forearms: DxaScore[] = [];
  for (let i = 0; i < scans.length; i++) {
    const scan = scans[i]!;
    if (scan.date > lastCountedDay(facts.today)) continue;
    let best = lowestOf(scan.tScores, CENTRAL_SITES);
    if (best === undefined) {
      const f = lowestOf(scan.tScores, FOREARM);
      if (f !== undefined) forearms.push(f);
      continue;
    }
    for (let j = i + 1; j < scans.length && daysBetween(scans[j]!.date, scan.date) <= ONE_EXAMINATION_DAYS; j++) {
      const t = lowestOf(scans[j]!.tScores, CENTRAL_SITES);
      if (t !== undefined && t.value < best.value) best = t;
    }
    // A forearm recorded within the same examination's days is part of a DXA that measured spine or hip: it does not count.
    const examination = scan.date;
    const forearm = lowest(forearms.filter((f) => daysBetween(examination, f.date) > ONE_EXAMINATION_DAYS));
    return forearm !== undefined && forearm.value < best.value ? forearm : best;
  }
  return lowest(forearms);
});

/** Lowest of total hip and femoral neck from the latest DXA (on or before `asOf`, default any) that measured the hip. */
export function hipTScore(facts: PatientFacts, asOf?: LocalDate): DxaScore | undefined {
  const scans = facts.dxa.scans;
  for (let i = 0; i < scans.length; i++) {
    const scan = scans[i]!;
    if (asOf !== undefined && scan.date > asOf) continue;
    const hip = lowestOf(scan.tScores, HIP_SITES);
    if (hip !== undefined) return hip;
  }
  return undefined;
}

/** Lowest Z-score of the latest DXA that has one. */
export function latestZScore(facts: PatientFacts): DxaScore | undefined {
  const scans = facts.dxa.scans;
  for (let i = 0; i < scans.length; i++) {
    const z = lowest(scans[i]!.zScores);
    if (z !== undefined) return z;
  }
  return undefined;
}

/** Where the latest DXA that names its performer was done: the next scan goes there ("samme hospital som sidst"). */
export function previousDxaPerformer(facts: PatientFacts): Performer | undefined {
  return facts.dxa.scans.find((s) => s.performer !== undefined && s.date <= lastCountedDay(facts.today))?.performer;
}

export function latestScan(facts: PatientFacts): DxaScan | undefined {
  const scans = facts.dxa.scans;
  for (let i = 0; i < scans.length; i++) if (scans[i]!.date <= lastCountedDay(facts.today)) return scans[i];
  return undefined;
}

/** The latest DXA on or after `date`, if any. */
export function scanSince(facts: PatientFacts, date: LocalDate): DxaScan | undefined {
  const scans = facts.dxa.scans;
  for (let i = 0; i < scans.length; i++) {
    const s = scans[i]!;
    if (s.date >= date && s.date <= lastCountedDay(facts.today)) return s;
  }
  return undefined;
}


/**
 * A DXA of a diagnostic site (spine, hip, forearm) within the last `years` years: a scan of only
 * the calcaneus or humerus (site `other`) answers no work-up — terminology.md "not WHO diagnostic
 * sites for osteoporosis … do not use them for the T<=-2.5 rule".
 */
export function hasDiagnosticDxaWithinYears(facts: PatientFacts, years: number): boolean {
  const scan = latestDiagnosticScan(facts);
  return scan !== undefined && scan.date >= addYears(facts.today, -years);
}

/** The latest DXA with a result of a diagnostic site: the one a card asking for a DXA names as the previous scan. */
export function latestDiagnosticScan(facts: PatientFacts): DxaScan | undefined {
  const last = lastCountedDay(facts.today);
  return facts.dxa.scans.find((s) => s.date <= last && [...s.tScores, ...s.zScores, ...s.bmd].some((r) => r.site !== 'other'));
}
