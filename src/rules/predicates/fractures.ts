/**
 * Low-energy fractures ("lavenergibrud"), rules.md section 1.
 *
 * A fracture coded osteoporotic or flagged low-energy counts as low-energy ('yes'). A fracture of a
 * relevant site (spine, hip, pelvis, upper arm, forearm) whose mechanism the record does not state
 * counts as 'possible' in an in-population patient: it counts wherever a low-energy fracture counts
 * (the safer reading), but the card says "if low-energy" and its reason ends in `-possible`.
 */
import { fractureGroups } from '../../facts/fracture-count.js';
import type { Fracture, FractureSite, PatientFacts } from '../../facts/types.js';
import { addMonths, addYears, type LocalDate } from '../../time/local-date.js';
import { perFactsAndSettings } from '../memo.js';
import type { GuidelineSettings } from '../settings.js';
import type { Finding } from '../../contract/findings.js';
import { inPopulation } from './population.js';
import { lastCountedDay } from './data-horizon.js';

export type LowEnergy = 'yes' | 'possible' | 'no';

export function lowEnergy(f: Fracture, facts: PatientFacts, settings: GuidelineSettings): LowEnergy {
  if (f.mechanism === 'low-energy') return 'yes';
  if (f.mechanism === 'high-energy') return 'no';
  return f.site !== 'other' && inPopulation(facts, settings) ? 'possible' : 'no';
}

export interface CountedFracture {
  readonly fracture: Fracture;
  readonly possible: boolean;
}

/** Every low-energy (or possibly low-energy) fracture, in the facts' order: judged once per request. */
const allLowEnergyFractures = perFactsAndSettings((facts, settings): readonly CountedFracture[] => {
  const out: CountedFracture[] = [];
  const fractures = facts.fractures;
  for (let i = 0; i < fractures.length; i++) {
    const f = fractures[i]!;
    const le = lowEnergy(f, facts, settings);
    if (le !== 'no') out.push({ fracture: f, possible: le === 'possible' });
  }
  return out;
});

/** Low-energy (or possibly low-energy) fractures, optionally limited to some sites. */
export function lowEnergyFractures(
  facts: PatientFacts,
  settings: GuidelineSettings,
  sites?: readonly FractureSite[],
): readonly CountedFracture[] {
  const all = allLowEnergyFractures(facts, settings);
  return sites === undefined ? all : all.filter((c) => sites.includes(c.fracture.site));
}

/**
 * Fractures dated within `years` before today, the boundary day included ("within 3 years"). A
 * partial date ("2021-12") counts when any day it can mean is within [choice: the safer reading —
 * as an undated fracture counts as recent for a pause, "2021-12" must not read as older than
 * "2021-12-20"].
 */
export function withinYears(fs: readonly CountedFracture[], today: LocalDate, years: number): readonly CountedFracture[] {
  const from = addYears(today, -years);
  return fs.filter((c) => c.fracture.date !== undefined && (c.fracture.latestDate ?? c.fracture.date) >= from && c.fracture.date <= lastCountedDay(today));
}

/** Fractures dated within `months` before `date`, the boundary day included. */
export function withinMonthsBefore(fs: readonly CountedFracture[], date: LocalDate, months: number): readonly CountedFracture[] {
  const from = addMonths(date, -months);
  return fs.filter((c) => c.fracture.date !== undefined && c.fracture.date >= from && c.fracture.date <= date);
}

export function fractureFinding(c: CountedFracture): Finding {
  return {
    kind: 'fracture',
    site: c.fracture.site,
    possible: c.possible,
    ref: c.fracture.ref,
    ...(c.fracture.date === undefined ? {} : { date: c.fracture.date }),
    ...(c.fracture.vertebra === undefined ? {} : { vertebra: c.fracture.vertebra }),
  };
}

/**
 * Distinct fractures, one item per fracture (rules.md section 1, "Counting fractures" (v2), in
 * facts/fracture-count.ts): different sites and different vertebrae count separately even on one
 * day; the same site recorded again within 14 days is one fracture.
 */
export function distinctFractures(fs: readonly CountedFracture[]): readonly CountedFracture[] {
  return fractureGroups(fs, (c) => c.fracture).map((g) => whatItsRecordsSay(g.first, g.items));
}

/**
 * A fracture as all its records tell it: its first record (its date and reference), low-energy
 * when one of them says so (an S72.001A beside an M80.051A the same day had read "low-energy?
 * (mechanism not recorded)"), with the vertebra or side one of them names (an M80.08 beside an
 * S32.010A is L1).
 */
function whatItsRecordsSay(first: CountedFracture, records: readonly CountedFracture[]): CountedFracture {
  const definite = first.possible ? records.find((c) => !c.possible) : undefined;
  const vertebra = first.fracture.vertebra ?? records.find((c) => c.fracture.vertebra !== undefined)?.fracture.vertebra;
  const side = first.fracture.side ?? records.find((c) => c.fracture.side !== undefined)?.fracture.side;
  if (definite === undefined && vertebra === first.fracture.vertebra && side === first.fracture.side) return first;
  return {
    possible: definite === undefined && first.possible,
    fracture: {
      ...first.fracture,
      ...(definite === undefined ? {} : { mechanism: definite.fracture.mechanism }),
      ...(vertebra === undefined ? {} : { vertebra }),
      ...(side === undefined ? {} : { side }),
    },
  };
}

/** How many fractures these are: distinct fractures, a record of multiple vertebral fractures counting two. */
export function fractureCount(fs: readonly CountedFracture[]): number {
  return fractureGroups(fs, (c) => c.fracture).reduce((n, g) => n + g.count, 0);
}
