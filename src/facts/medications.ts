/**
 * MedicationStatement / MedicationRequest (and DSTU2 MedicationOrder) / MedicationAdministration →
 * `MedicationRecord` (rules.md section 1, "Medication history").
 *
 * start: statement effectivePeriod.start / effectiveDateTime / dateAsserted; request authoredOn
 * (else validityPeriod.start); administration effectiveDateTime / effectivePeriod.start.
 * end: statement effectivePeriod.end; request validityPeriod.end, else authoredOn +
 * expectedSupplyDuration × (1 + repeats), else quantity ÷ daily units (both marked estimated);
 * administration: the same day, or the days it covers (a tablet given; an anabolic dose given, or
 * an anabolic prescription `completed`: anabolic-cover.ts). A `stopped` record ends when it was
 * stopped: its stated end if that has passed, else dateAsserted / meta.lastUpdated, else its start.
 * A record `on-hold` is asserted on the day its status was last written (dateAsserted /
 * meta.lastUpdated), when it says (usage-spans.ts reads its use up to then).
 */
import { addDays, addMonths, maxDate, parseFhirDate, type LocalDate } from '../time/local-date.js';
import { get, getObject, lookup, objects, statusCode } from './accessors.js';
import type { Entry, FactsContext } from './context.js';
import { dailyDose, lastDayOf, MAX_DAYS, quantityDays, readDuration, rangeAtLowFor, repeatsAllowed, timesOfDayMeanDaily, type Strength } from './dosage.js';
import { boundsDurationOf } from './timing.js';
import { anabolicDoseCover, isAnabolicDose } from './anabolic-cover.js';
import { perDayFromText } from './dosage-text.js';
import { identifyDrug, medicationSource, type Identified } from './drug-identity.js';
import type { DrugIdentity, MedicationRecord, MedicationSourceType } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';

const SOURCE: Readonly<Record<string, MedicationSourceType>> = {
  MedicationStatement: 'MedicationStatement',
  MedicationRequest: 'MedicationRequest',
  MedicationOrder: 'MedicationRequest',
  MedicationAdministration: 'MedicationAdministration',
};

/** Statuses under which a record is in use now (when it has no end). */
export const ACTIVE_STATUSES: ReadonlySet<string> = new Set(['active', 'in-progress']);

/** The dosage lines of a medication resource, whatever its version. */
export function dosageLines(resource: JsonObject): readonly JsonObject[] {
  // A resource has one of the two (statements `dosage`, requests `dosageInstruction`): no copy then.
  if (resource.dosageInstruction === undefined) return objects(resource, 'dosage');
  if (resource.dosage === undefined) return objects(resource, 'dosageInstruction');
  return [...objects(resource, 'dosage'), ...objects(resource, 'dosageInstruction')];
}

/**
 * MedicationRequest intents that are no order: a proposal, a plan or an option was not "started,
 * dispensed or given" (rules.md section 1) — no use, no course, never the follow-on after denosumab.
 */
const NOT_ORDERED: ReadonlySet<string> = new Set(['proposal', 'plan', 'option']);

export function readMedicationRecord(entry: Entry, ctx: FactsContext): MedicationRecord | undefined {
  const resource = entry.resource;
  // The type as the pass spelled it: a type string of the record's own would be internalised for every look-up.
  const source = lookup(SOURCE, entry.type);
  if (source === undefined) return undefined;
  if (source === 'MedicationRequest' && typeof resource.intent === 'string' && NOT_ORDERED.has(resource.intent)) return undefined;
  const lines = dosageLines(resource);
  const identified = identifyDrug(medicationSource(resource, ctx, lines), ctx.terminology);
  if (identified === undefined) return undefined;
  const status = statusCode(resource.status) ?? 'unknown';
  const dose = dailyDose(lines, strengthOf(identified), source === 'MedicationAdministration', timesOfDayMeanDaily(identified.identity.drugClass), rangeAtLowFor(identified.identity.drugClass));
  const dates = recordDates(resource, source, lines, dose.units);
  let start = dates.start;
  let startUnknown = false;
  if (start === undefined) {
    // An undated record only matters while it is in use (an undated active statement) [choice].
    if (!ACTIVE_STATUSES.has(status)) return undefined;
    start = ctx.today;
    startUnknown = true;
  } else if (start > ctx.today && start === addDays(ctx.today, 1)) {
    // rules.md section 1 (v2): only a date more than one day ahead is a data error. A dose or
    // prescription dated tomorrow (an EHR clock ahead) is use from today, so the courses, the
    // injection schedule and "on treatment" see it instead of losing it without a word.
    start = ctx.today;
  }
  let end = dates.end;
  let endEstimated = dates.endEstimated;
  const cover = doseCover(identified.identity, source, status, start);
  if (cover !== undefined && (end === undefined || end < cover)) {
    end = cover;
    endEstimated = true;
  }
  if (status === 'stopped') {
    end = stoppedEnd(resource, source, start, end, dates.asserted, ctx.today);
    endEstimated = false;
  }
  if (end !== undefined && end < start) end = start;
  // On hold: the day the status was last written, when the record says (usage-spans.ts `heldSince`).
  const asserted = status === 'on-hold' ? changedOn(resource, source, start, dates.asserted, ctx.today) : dates.asserted;
  return buildRecord(entry, source, identified, status, start, end, endEstimated, asserted, dose.mg, startUnknown, takenAsNeeded(lines));
}

/** The days a dose given covers: a tablet given (`administeredCover`), an anabolic dose given or dispensed (anabolic-cover.ts). */
function doseCover(identity: DrugIdentity, source: MedicationSourceType, status: string, start: LocalDate): LocalDate | undefined {
  if (isAnabolicDose(source, status, identity)) return anabolicDoseCover(identity, start);
  return source === 'MedicationAdministration' ? administeredCover(identity, start) : undefined;
}

/**
 * The days an oral bisphosphonate that was given (a MedicationAdministration: the weekly tablet a
 * nursing home gives) covers: until its next dose [choice] — a month for ibandronate 150 mg and
 * risedronate 75/150 mg, else a week (alendronate 70 mg, risedronate 35 mg; a daily tablet's next
 * dose comes sooner). Read as
 * the one day it was given, a woman given alendronate four days ago was "not on treatment" and
 * offered a start, and the alendronate that followed denosumab did not count as in use.
 */
function administeredCover(identity: DrugIdentity, given: LocalDate): LocalDate | undefined {
  if (identity.drugClass !== 'oral-bisphosphonate') return undefined;
  const monthly = lookup(MONTHLY_FROM_MG, identity.drug);
  return monthly !== undefined && (identity.strengthMg ?? 0) >= monthly ? addDays(addMonths(given, 1), -1) : addDays(given, WEEK_DAYS - 1);
}

/** The monthly tablets: ibandronate 150 mg, risedronate 150 mg (and 75 mg on two days a month). */
const MONTHLY_FROM_MG: Readonly<Record<string, number>> = { ibandronate: 150, risedronate: 75 };
const WEEK_DAYS = 7;

/** The strength doses are converted with: a product's mg per unit and mg per mL. */
export function strengthOf(identified: Identified): Strength {
  const strength: { mg?: number; perMl?: number } = {};
  if (identified.identity.strengthMg !== undefined) strength.mg = identified.identity.strengthMg;
  if (identified.strengthPerMl !== undefined) strength.perMl = identified.strengthPerMl;
  return strength;
}

function buildRecord(
  entry: Entry,
  source: MedicationSourceType,
  identified: Identified,
  status: string,
  start: LocalDate,
  end: LocalDate | undefined,
  endEstimated: boolean,
  asserted: LocalDate | undefined,
  dailyDoseMg: number | undefined,
  startUnknown: boolean,
  asNeeded: boolean,
): MedicationRecord {
  const record: { -readonly [K in keyof MedicationRecord]: MedicationRecord[K] } = { ref: entry.ref, source, identity: identified.identity, status, start };
  if (end !== undefined) record.end = end;
  if (asserted !== undefined) record.asserted = asserted;
  if (dailyDoseMg !== undefined) record.dailyDoseMg = dailyDoseMg;
  if (end !== undefined && endEstimated) record.endEstimated = true;
  if (startUnknown) record.startUnknown = true;
  if (asNeeded) record.asNeeded = true;
  return record;
}

/** "ved behov", "efter behov", "p.n.", "PRN", "as needed" — the words a dosage text says it with. */
const AS_NEEDED_TEXT = /\bved behov\b|\befter behov\b|\bp\.n\.|\bp\.r\.n\.|\bprn\b|\bas needed\b/i;

/**
 * A dosage taken as needed: `asNeededBoolean`, an `asNeededCodeableConcept`, or a text that says so
 * and names no regular schedule ("2 tabletter ved behov" — not "10 mg dagligt, ved behov øges til 15 mg").
 */
function takenAsNeeded(lines: readonly JsonObject[]): boolean {
  return lines.some(
    (line) =>
      line.asNeededBoolean === true ||
      isRecord(line.asNeededCodeableConcept) ||
      (typeof line.text === 'string' && AS_NEEDED_TEXT.test(line.text.slice(0, 300)) && perDayFromText(line.text) === undefined),
  );
}

/** A record's dates as read (undefined where the record does not say). */
interface RecordDates {
  readonly start: LocalDate | undefined;
  readonly end: LocalDate | undefined;
  readonly endEstimated: boolean;
  readonly asserted: LocalDate | undefined;
}

const NO_BOUNDS: { readonly start?: LocalDate; readonly end?: LocalDate } = Object.freeze({});

function boundsOf(lines: readonly JsonObject[]): { readonly start?: LocalDate; readonly end?: LocalDate } {
  for (const line of lines) {
    const repeat = getObject(get(line, 'timing'), 'repeat');
    const period = getObject(repeat, 'boundsPeriod');
    const start = parseFhirDate(get(period, 'start'));
    let end = parseFhirDate(get(period, 'end'));
    if (start !== undefined && end === undefined) {
      const duration = readDuration(boundsDurationOf(repeat));
      if (duration !== undefined) end = lastDayOf(start, duration);
    }
    if (start !== undefined || end !== undefined) return { start, end };
  }
  return NO_BOUNDS;
}

function recordDates(resource: JsonObject, source: MedicationSourceType, lines: readonly JsonObject[], unitsPerDay: number | undefined): RecordDates {
  const bounds = boundsOf(lines);
  switch (source) {
    case 'MedicationStatement': {
      const asserted = parseFhirDate(resource.dateAsserted);
      // The dosage's own start says when use began; dateAsserted only when it was written down (a
      // statement of 2026 about alendronate "from 2020-01-05" is a 7-year course, not a new one).
      const start = parseFhirDate(get(resource.effectivePeriod, 'start')) ?? parseFhirDate(resource.effectiveDateTime) ?? bounds.start ?? asserted;
      const end = parseFhirDate(get(resource.effectivePeriod, 'end')) ?? bounds.end;
      return { start, end, endEstimated: false, asserted };
    }
    case 'MedicationRequest': {
      const dispense = getObject(resource, 'dispenseRequest');
      const validity = getObject(dispense, 'validityPeriod');
      const authored = parseFhirDate(resource.authoredOn) ?? parseFhirDate(resource.dateWritten);
      const start = authored ?? parseFhirDate(get(validity, 'start')) ?? bounds.start;
      const explicitEnd = parseFhirDate(get(validity, 'end'));
      // How long the prescription may be dispensed, not a plan to stop: no planned end (endocrinology-referral `denosumab-stop`).
      if (explicitEnd !== undefined) return { start, end: explicitEnd, endEstimated: true, asserted: authored };
      if (start !== undefined) {
        const repeats = repeatsAllowed(dispense);
        const supply = readDuration(get(dispense, 'expectedSupplyDuration'));
        if (supply !== undefined) return { start, end: lastDayOf(start, supply, 1 + repeats), endEstimated: true, asserted: authored };
        const days = quantityDays(get(dispense, 'quantity'), unitsPerDay);
        if (days !== undefined) return { start, end: addDays(start, Math.min(days * (1 + repeats), MAX_DAYS) - 1), endEstimated: true, asserted: authored };
      }
      return { start, end: bounds.end, endEstimated: false, asserted: authored };
    }
    case 'MedicationAdministration': {
      // A period with only its end is the dose given by then: dropped undated, an injection six weeks
      // back had left "over 7 months since the last one" and a critical "inject now".
      const start =
        parseFhirDate(resource.effectiveDateTime) ??
        parseFhirDate(get(resource.effectivePeriod, 'start')) ??
        parseFhirDate(resource.effectiveTimeDateTime) ??
        parseFhirDate(get(resource.effectivePeriod, 'end'));
      const end = parseFhirDate(get(resource.effectivePeriod, 'end')) ?? start;
      return { start, end, endEstimated: false, asserted: undefined };
    }
  }
}

/** When a stopped record stopped: a passed stated end, else dateAsserted / meta.lastUpdated, else its start. */
function stoppedEnd(
  resource: JsonObject,
  source: MedicationSourceType,
  start: LocalDate,
  end: LocalDate | undefined,
  asserted: LocalDate | undefined,
  today: LocalDate,
): LocalDate {
  if (end !== undefined && end <= today) return maxDate(start, end);
  return changedOn(resource, source, start, asserted, today) ?? start;
}

/**
 * When a record's status was last written, as far as it says: a statement's dateAsserted, else
 * meta.lastUpdated — from its start up to today. A request's authoredOn is its start, not when it
 * was stopped or put on hold: only meta.lastUpdated says that.
 */
function changedOn(resource: JsonObject, source: MedicationSourceType, start: LocalDate, asserted: LocalDate | undefined, today: LocalDate): LocalDate | undefined {
  const lastUpdated = parseFhirDate(get(resource.meta, 'lastUpdated'));
  const candidates = source === 'MedicationStatement' ? [asserted, lastUpdated] : [lastUpdated];
  for (const c of candidates) if (c !== undefined && c >= start && c <= today) return c;
  return undefined;
}
