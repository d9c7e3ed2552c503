/**
 * Card page 2 l. 150-152 "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før
 * behandlingsstart. Mål ét år efter fraktur": a fracture (any mechanism: it raises bone markers)
 * in the last 6 months means no baseline marker before an oral start, and the first one a year
 * after the fracture. `pretreatment-checks` asks no baseline then; `treatment-indicated` says when
 * the marker comes (it may be the only card: every other check passed).
 */
import type { Finding } from '../../contract/findings.js';
import type { Fracture, PatientFacts } from '../../facts/types.js';
import { addMonths, type LocalDate } from '../../time/local-date.js';
import { lastCountedDay } from './data-horizon.js';

const MARKER_BLOCKED_MONTHS = 6;
const MARKER_AFTER_FRACTURE_MONTHS = 12;

export interface MarkerAfterFracture {
  /** The latest fracture of the last 6 months. */
  readonly fracture: Fracture & { readonly date: LocalDate };
  /** One year after it: the first marker. */
  readonly markerFrom: LocalDate;
}

export function markerAfterFracture(facts: PatientFacts): MarkerAfterFracture | undefined {
  const from = addMonths(facts.today, -MARKER_BLOCKED_MONTHS);
  const fracture = facts.fractures.find((f) => f.date !== undefined && f.date >= from && f.date <= lastCountedDay(facts.today));
  if (fracture?.date === undefined) return undefined;
  return { fracture: { ...fracture, date: fracture.date }, markerFrom: addMonths(fracture.date, MARKER_AFTER_FRACTURE_MONTHS) };
}

/** The fracture that puts the marker off (whatever its mechanism), as the cards show it. */
export function markerFractureFinding({ fracture }: MarkerAfterFracture): Finding {
  return { kind: 'fracture', site: fracture.site, date: fracture.date, possible: false, ref: fracture.ref, anyMechanism: true };
}

/** The fracture and the day the first marker comes. */
export function markerAfterFractureFindings(blocked: MarkerAfterFracture): Finding[] {
  return [markerFractureFinding(blocked), { kind: 'due-date', what: 'bone-marker', date: blocked.markerFrom }];
}
