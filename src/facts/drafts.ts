/**
 * Draft orders of a prescribing hook → `DraftOrder`, classified like the record (same drug
 * identity, same daily dose). Accepts R4 MedicationRequest and DSTU2-style MedicationOrder shapes.
 *
 * durationDays, best available: dispenseRequest.expectedSupplyDuration × (1 + repeats), the
 * validity period, the dosage bounds (period or duration), quantity ÷ daily units × (1 + repeats);
 * undefined when none says. start: dosage bounds start, else authoredOn (dateWritten), else today.
 */
import { parseFhirDate, type LocalDate } from '../time/local-date.js';
import { get, getObject } from './accessors.js';
import type { FactsContext } from './context.js';
import { dailyDose, inclusiveDays, lastDayOf, MAX_DAYS, quantityDays, readDuration, repeatsAllowed } from './dosage.js';
import { identifyDrug, medicationSource } from './drug-identity.js';
import { dosageLines } from './medications.js';
import type { DraftResource } from '../prefetch/types.js';
import type { DraftOrder } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';

export function readDraft(draft: DraftResource, ctx: FactsContext): DraftOrder {
  const resource: JsonObject = isRecord(draft.resource) ? draft.resource : {};
  const lines = dosageLines(resource);
  const identified = identifyDrug(medicationSource(resource, ctx, lines), ctx.terminology);
  const strength = {
    ...(identified?.identity.strengthMg === undefined ? {} : { mg: identified.identity.strengthMg }),
    ...(identified?.strengthPerMl === undefined ? {} : { perMl: identified.strengthPerMl }),
  };
  const dose = dailyDose(lines, strength);
  const bounds = boundsPeriod(lines);
  const start = bounds.start ?? parseFhirDate(resource.authoredOn) ?? parseFhirDate(resource.dateWritten) ?? ctx.today;
  const durationDays = plannedDays(resource, lines, start, dose.units);
  return {
    ref: typeof draft.ref === 'string' ? draft.ref : 'MedicationRequest/unidentified',
    ...(identified === undefined ? {} : { identity: identified.identity }),
    selected: draft.selected === true,
    ...(dose.mg === undefined ? {} : { dailyDoseMg: dose.mg }),
    ...(durationDays === undefined ? {} : { durationDays }),
    start,
  };
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

function plannedDays(resource: JsonObject, lines: readonly JsonObject[], start: LocalDate, unitsPerDay: number | undefined): number | undefined {
  const dispense = getObject(resource, 'dispenseRequest');
  const repeats = repeatsAllowed(dispense);
  const supply = readDuration(get(dispense, 'expectedSupplyDuration'));
  if (supply !== undefined) return inclusiveDays(start, lastDayOf(start, supply, 1 + repeats));
  const validity = getObject(dispense, 'validityPeriod');
  const vStart = parseFhirDate(get(validity, 'start')) ?? start;
  const vEnd = parseFhirDate(get(validity, 'end'));
  if (vEnd !== undefined && vEnd >= vStart) return inclusiveDays(vStart, vEnd);
  for (const line of lines) {
    const repeat = getObject(get(line, 'timing'), 'repeat');
    const period = getObject(repeat, 'boundsPeriod');
    const bStart = parseFhirDate(get(period, 'start')) ?? start;
    const bEnd = parseFhirDate(get(period, 'end'));
    if (bEnd !== undefined && bEnd >= bStart) return inclusiveDays(bStart, bEnd);
    const duration = readDuration(get(repeat, 'boundsDuration'));
    if (duration !== undefined) return inclusiveDays(bStart, lastDayOf(bStart, duration));
  }
  const days = quantityDays(get(dispense, 'quantity'), unitsPerDay);
  return days === undefined ? undefined : Math.min(days * (1 + repeats), MAX_DAYS);
}

