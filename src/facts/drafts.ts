/**
 * Draft orders of a prescribing hook → `DraftOrder`, classified like the record (same drug
 * identity, same daily dose). Accepts R4 MedicationRequest and DSTU2-style MedicationOrder shapes.
 *
 * durationDays — rules.md section 4 "Planned course length" (v2): an explicit end (dosage
 * boundsPeriod end, boundsDuration — DSTU2 boundsQuantity —, dispenseRequest.validityPeriod end) counts; when it and the
 * supply (expectedSupplyDuration × (1 + repeats), else quantity ÷ daily units × (1 + repeats))
 * disagree, the longer counts [choice] — an EHR that always sends a 30-day supply with a 3-month
 * end date plans 3 months. Undefined when none says. Days are counted from the draft's start:
 * dosage bounds start, else authoredOn (dateWritten), else today.
 * Schedule (`rx-dose-interval`): dose per administration and days between administrations
 * (dose-schedule.ts).
 */
import { parseFhirDate, type LocalDate } from '../time/local-date.js';
import { get, getObject } from './accessors.js';
import type { FactsContext } from './context.js';
import { dailyDose, inclusiveDays, lastDayOf, MAX_DAYS, quantityDays, rangeAtLowFor, readDuration, repeatsAllowed, sequentialStepsDays, timesOfDayMeanDaily, type Strength } from './dosage.js';
import { boundsDurationOf } from './timing.js';
import { durationFromText } from './dosage-text.js';
import { doseSchedule } from './dose-schedule.js';
import { identifyDrug, medicationSource, type Identified } from './drug-identity.js';
import { dosageLines } from './medications.js';
import type { DraftResource } from '../prefetch/types.js';
import type { DraftOrder, DrugClass } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';

export function readDraft(draft: DraftResource, ctx: FactsContext): DraftOrder {
  const resource: JsonObject = isRecord(draft.resource) ? draft.resource : {};
  const lines = dosageLines(resource);
  const identified = identifyDrug(medicationSource(resource, ctx, lines), ctx.terminology);
  const strength = {
    ...(identified?.identity.strengthMg === undefined ? {} : { mg: identified.identity.strengthMg }),
    ...(identified?.strengthPerMl === undefined ? {} : { perMl: identified.strengthPerMl }),
  };
  const dose = dailyDose(lines, strength, false, timesOfDayMeanDaily(identified?.identity.drugClass), rangeAtLowFor(identified?.identity.drugClass));
  const bounds = boundsPeriod(lines);
  const start = bounds.start ?? parseFhirDate(resource.authoredOn) ?? parseFhirDate(resource.dateWritten) ?? ctx.today;
  const durationDays = plannedDays(resource, lines, start, dose.units);
  const schedule = doseSchedule(lines, scheduleStrength(identified, strength));
  return {
    ref: typeof draft.ref === 'string' ? draft.ref : 'MedicationRequest/unidentified',
    ...(identified === undefined ? {} : { identity: identified.identity }),
    selected: draft.selected === true,
    ...(dose.mg === undefined ? {} : { dailyDoseMg: dose.mg }),
    ...(durationDays === undefined ? {} : { durationDays }),
    start,
    ...(schedule.doseMg === undefined ? {} : { doseMgPerAdministration: schedule.doseMg }),
    ...(schedule.intervalDays === undefined ? {} : { intervalDays: schedule.intervalDays }),
  };
}

/** The drugs whose every container (bottle, vial, prefilled syringe) is one dose. */
const SINGLE_DOSE: ReadonlySet<DrugClass> = new Set<DrugClass>(['zoledronic-acid', 'denosumab']);

/**
 * The strength a draft's doses are counted in for its schedule. Zoledronic acid and denosumab come
 * in single-dose containers (Aclasta 5 mg/100 ml, Zometa 4 mg/5 ml, Xgeva 120 mg/1,7 ml), so a
 * liquid's strength written with its volume is what one container gives: one "hætteglas" of
 * Zometa 4 mg/5 ml is 4 mg — the oncology product (terminology.md: same ATC as Aclasta) that
 * `rx-dose-interval` is not about, as Xgeva 120 mg already was not. Read only per mL, that dose had
 * been unknown and judged as Aclasta's: a critical "zoledronsyre 5 mg gives én gang årligt" on
 * monthly Zometa. A strength per mL only ("60 mg/ml") names no container: the dose stays unknown.
 */
function scheduleStrength(identified: Identified | undefined, strength: Strength): Strength {
  if (identified?.inVolumeMg === undefined || strength.mg !== undefined || !SINGLE_DOSE.has(identified.identity.drugClass)) return strength;
  return { ...strength, mg: identified.inVolumeMg };
}

function boundsPeriod(lines: readonly JsonObject[]): { start?: LocalDate; end?: LocalDate } {
  for (const line of lines) {
    const period = getObject(getObject(get(line, 'timing'), 'repeat'), 'boundsPeriod');
    const start = parseFhirDate(get(period, 'start'));
    const end = parseFhirDate(get(period, 'end'));
    if (start !== undefined || end !== undefined) return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
  }
  return {};
}

/** Days from `start` to the latest explicit end: validity period end, dosage bounds end or duration. */
function explicitDays(dispense: JsonObject | undefined, lines: readonly JsonObject[], start: LocalDate): number | undefined {
  const ends: LocalDate[] = [];
  const validityEnd = parseFhirDate(get(getObject(dispense, 'validityPeriod'), 'end'));
  if (validityEnd !== undefined) ends.push(validityEnd);
  for (const line of lines) {
    const repeat = getObject(get(line, 'timing'), 'repeat');
    const period = getObject(repeat, 'boundsPeriod');
    const boundsEnd = parseFhirDate(get(period, 'end'));
    if (boundsEnd !== undefined) ends.push(boundsEnd);
    const duration = readDuration(boundsDurationOf(repeat));
    if (duration !== undefined) ends.push(lastDayOf(parseFhirDate(get(period, 'start')) ?? start, duration));
  }
  const last = ends.filter((e) => e >= start).sort().at(-1);
  return last === undefined ? undefined : inclusiveDays(start, last);
}

/**
 * The length a dosage text names ("2 tabl. à 5 mg dagligt i 3 måneder"), beside the structured ones:
 * a prednisolone course written so had no length and no bone-protection card.
 */
function textDays(lines: readonly JsonObject[], start: LocalDate): number | undefined {
  const durations = lines.flatMap((line) => {
    const text = get(line, 'text');
    const d = typeof text === 'string' ? durationFromText(text) : undefined;
    return d === undefined ? [] : [inclusiveDays(start, lastDayOf(start, d))];
  });
  return durations.length === 0 ? undefined : Math.max(...durations);
}

/** Days of supply: expected supply duration × (1 + repeats), else quantity ÷ daily units × (1 + repeats). */
function supplyDays(dispense: JsonObject | undefined, start: LocalDate, unitsPerDay: number | undefined): number | undefined {
  const repeats = repeatsAllowed(dispense);
  const supply = readDuration(get(dispense, 'expectedSupplyDuration'));
  if (supply !== undefined) return inclusiveDays(start, lastDayOf(start, supply, 1 + repeats));
  const days = quantityDays(get(dispense, 'quantity'), unitsPerDay);
  return days === undefined ? undefined : Math.min(days * (1 + repeats), MAX_DAYS);
}

function plannedDays(resource: JsonObject, lines: readonly JsonObject[], start: LocalDate, unitsPerDay: number | undefined): number | undefined {
  const dispense = getObject(resource, 'dispenseRequest');
  // The longest that any of them plans counts (rules.md section 4, "Planned course length") [choice].
  const known = [explicitDays(dispense, lines, start), sequentialStepsDays(lines), supplyDays(dispense, start, unitsPerDay), textDays(lines, start)].filter((d) => d !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}
