/**
 * The facts stage: resolved prefetch (+ draft orders) → one typed `PatientFacts` whose structure is frozen.
 *
 * One pass over `data.resources`, dispatching on `resourceType`; Observations, Conditions,
 * allergies and family histories are read as they come, medication records after the pass (their
 * `medicationReference` may point at a Medication further down the list). Then each family is
 * assembled (sorted newest first) by the module named for it. The clock is never read: `today` is
 * the Danish date of `now`. Nothing in the data can make this throw — every accessor checks types.
 */
import type { DraftResource, ResolvedData } from '../prefetch/types.js';
import type { Terminology } from '../terminology/index.js';
import { addDays, danishDate, parseFhirDate, partialDateEnd, yearsBetween, type LocalDate } from '../time/local-date.js';
import { fhirId, list, resourceId, str, withDate } from './accessors.js';
import { clinicalDate, futureDatedEntry, isAdmitted, isFutureDated, isOtherPatient, ownPatient, type OwnPatient } from './admission.js';
import { emptyConditionFacts, readCondition, sortConditions, sortFractures, type ConditionFacts } from './conditions.js';
import type { Entry, FactsContext } from './context.js';
import { buildCourses } from './courses.js';
import { readDraft } from './drafts.js';
import { basketOrders } from './basket-orders.js';
import { groupScans } from './dxa.js';
import { readFamilyHistory } from './family-history.js';
import { freezeStructure } from './freeze.js';
import { glucocorticoidExposure } from './glucocorticoid.js';
import { readIntolerance, stopReasonIntolerance, withoutOutweighed } from './intolerances.js';
import { readMedicationRecord } from './medications.js';
import { namesUnresolvedMedication } from './drug-identity.js';
import { type Dated, latestOfUnsorted, newestFirst, onePerDay } from './dated.js';
import { ObservationCodes } from './observation-codes.js';
import { emptyObservationFacts, type ObservationFacts } from './observation-facts.js';
import { readObservation } from './observations.js';
import { observationDate } from './values.js';
import { laterVersions } from './versions.js';
import type { BasketOrders, FutureDated, Intolerance, Measurement, MedicationRecord, PatientFacts, Ref, Sex } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';
import { isDeceased } from '../shared/patient.js';

const MEDICATION_TYPES = new Set(['MedicationStatement', 'MedicationRequest', 'MedicationOrder', 'MedicationAdministration']);
/** The resource types the pass reads, as the program's own strings (see `readResources`). */
const READ_TYPES = ['Observation', 'Condition', 'Medication', ...MEDICATION_TYPES, 'AllergyIntolerance', 'FamilyMemberHistory'];
const SEXES: ReadonlySet<string> = new Set<Sex>(['female', 'male', 'other', 'unknown']);

export function buildFacts(data: ResolvedData, drafts: readonly DraftResource[], now: Date, terminology: Terminology): PatientFacts {
  const today = danishDate(now);
  const tomorrow = addDays(today, 1);
  const patient: JsonObject = isRecord(data.patient) ? data.patient : {};
  const patientId = resourceId(patient);
  const birthDate = parseFhirDate(patient.birthDate);
  const medications = new Map<string, JsonObject>();
  namedByFullUrl(list(data.medicationsByFullUrl), medications);
  const sex = str(patient.gender);
  const recordedSex = sex !== undefined && SEXES.has(sex) ? narrowSex(sex) : undefined;
  const ctx: FactsContext = { terminology, today, ...(birthDate === undefined ? {} : { birthDate }), ...(recordedSex === undefined ? {} : { sex: recordedSex }), medications };

  // The pass over the resources is a function of its own: a long list has it optimised while it
  // runs (on-stack replacement), and the assembly below, in the same function, then deoptimised
  // on every call (seen at 2,000 Observations); apart, each is optimised with its own feedback.
  const { observations, conditions, familyHistory, intolerances, medicationEntries, futureDated } = readResources(data, ctx, medications, ownPatient(patientId), tomorrow);

  // The order being signed may come back in the record's own search (an EHR that stores it before
  // signing): it is this draft, not a course of the drug — read as one, a first start was a renewal
  // and lost its start checks. One written before the draft is the order the draft renews in place
  // (same id): that is the course, and stays.
  const draftResources = list(drafts).filter(isDraft);
  const draftWritten = new Map(draftResources.map((d) => [d.ref, parseFhirDate(d.resource.authoredOn) ?? today] as const));
  const records: MedicationRecord[] = [];
  const stopReasons: Intolerance[] = [];
  const unidentifiedMedications: Ref[] = [];
  for (const entry of medicationEntries) {
    const record = readMedicationRecord(entry, ctx);
    if (record === undefined) {
      if (namesUnresolvedMedication(entry.resource, ctx)) unidentifiedMedications.push(entry.ref);
      continue;
    }
    // Without drafts (patient-view) no look-up: a reference is a concatenation, flattened to be hashed.
    const written = draftWritten.size === 0 ? undefined : draftWritten.get(entry.ref);
    if (written !== undefined && record.start >= written) continue;
    records.push(record);
    const intolerance = stopReasonIntolerance(entry.resource, record, ctx);
    if (intolerance !== undefined) stopReasons.push(intolerance);
  }
  records.sort((a, b) => (a.start === b.start ? 0 : a.start < b.start ? 1 : -1));

  const labs = observations.labs;
  const height = newestFirst(observations.vitals.height);
  let maxHeight: Measurement | undefined;
  for (const h of height) if (maxHeight === undefined || h.value > maxHeight.value) maxHeight = h;

  for (const c of conditions.conditions) {
    if (c.concept === 'family-history-osteoporosis') familyHistory.push({ ref: c.ref, ...withDate(c.onset ?? c.recorded) });
  }
  const smoking = latestSmoking(latestOfUnsorted(observations.smoking), latestOfUnsorted(conditions.smoking));
  const alcohol = latestOfUnsorted(observations.alcohol);
  const falls = latestOfUnsorted(observations.falls);
  const menopause = earliest([...observations.menopause, ...conditions.menopause]);
  // Built, not spread together: a literal opening with a spread costs microseconds in V8 11 (Node 20).
  const lifestyle: { -readonly [K in keyof PatientFacts['lifestyle']]: PatientFacts['lifestyle'][K] } = {};
  if (smoking !== undefined) lifestyle.smoking = { current: smoking.value, ref: smoking.ref, ...withDate(smoking.date) };
  if (alcohol?.date !== undefined) lifestyle.alcoholUnitsPerDay = { value: alcohol.value, date: alcohol.date, ref: alcohol.ref };
  if (falls?.date !== undefined && falls.value) lifestyle.fallsReported = { date: falls.date, ref: falls.ref };

  const orderResources = orders(draftResources, medications);
  const draftOrders = orderResources.map((d) => readDraft(d, ctx));
  // An order whose drug cannot be told (its Medication not sent) is named too: no card judged it.
  draftOrders.forEach((d, i) => {
    const resource = orderResources[i]?.resource;
    if (d.identity === undefined && resource !== undefined && namesUnresolvedMedication(resource, ctx)) unidentifiedMedications.push(d.ref);
  });

  const facts: PatientFacts = {
    today,
    patientRef: `Patient/${patientId ?? 'unidentified'}`,
    sex: recordedSex ?? 'unknown',
    ...(birthDate === undefined ? {} : { birthDate }),
    ...(birthDate === undefined || birthDate > today ? {} : { age: yearsBetween(birthDate, today) }),
    ...ageAtLeast(patient.birthDate, birthDate, today),
    ...(menopause === undefined ? {} : { menopauseRecorded: { ref: menopause.ref, ...withDate(menopause.date) } }),
    labs: {
      egfr: onePerDay(labs.egfr),
      creatinine: onePerDay(labs.creatinine),
      calcium: onePerDay(labs.calcium, (c) => c.kind),
      vitaminD: onePerDay(labs.vitaminD),
      albumin: onePerDay(labs.albumin),
      boneMarkers: onePerDay(labs.boneMarkers, (m) => m.marker),
    },
    unusable: observations.unusable.sort((a, b) => ((a.date ?? '') === (b.date ?? '') ? 0 : (a.date ?? '') < (b.date ?? '') ? 1 : -1)),
    dxa: { scans: groupScans(observations.dxa, observations.dxaStudies) },
    vitals: {
      height,
      bmi: newestFirst(observations.vitals.bmi),
      weight: newestFirst(observations.vitals.weight),
      ...(maxHeight === undefined ? {} : { maxHeight }),
    },
    lifestyle,
    fractures: sortFractures(conditions.fractures),
    conditions: sortConditions(conditions.conditions),
    familyHistory: familyHistory.sort((a, b) => ((a.date ?? '') === (b.date ?? '') ? 0 : (a.date ?? '') < (b.date ?? '') ? 1 : -1)),
    medications: records,
    courses: buildCourses(records, today),
    glucocorticoid: glucocorticoidExposure(records, today),
    intolerances: stopReasons.length === 0 ? intolerances : [...intolerances, ...withoutOutweighed(stopReasons, records)],
    drafts: draftOrders,
    ...withBasketOrders(basketOrders(draftResources, terminology)),
    unavailable: list(isRecord(data) ? data.unavailable : undefined).filter((k): k is string => typeof k === 'string'),
    deceased: isDeceased(patient),
    futureDated,
    unidentifiedMedications,
  };
  return freezeStructure(facts);
}

/** `ageAtLeast` for a partial birth date (a year, a year and month) that has begun by today. */
function ageAtLeast(sent: unknown, birthDate: LocalDate | undefined, today: LocalDate): { ageAtLeast?: number } {
  const last = partialDateEnd(sent);
  return last === undefined || birthDate === undefined || birthDate > today ? {} : { ageAtLeast: last > today ? 0 : yearsBetween(last, today) };
}

/**
 * Ids seen of one resource type: ids are strings as parsed (their hashes are kept), where a
 * `Type/id` key would be a new string to flatten and hash for every resource. With them, the
 * type's `Type/` (a reference is then one concatenation) and the type as `READ_TYPES` spells it.
 */
interface OfType {
  readonly ids: Set<string>;
  readonly prefix: string;
  readonly type: string;
}

/** What the pass over the resources collects, family by family (sorted and assembled after it). */
interface Collected {
  readonly observations: ObservationFacts;
  readonly conditions: ConditionFacts;
  readonly familyHistory: { ref: Ref; date?: LocalDate }[];
  readonly intolerances: Intolerance[];
  readonly medicationEntries: Entry[];
  readonly futureDated: FutureDated[];
}

/**
 * One pass over `data.resources`: duplicates (the first copy, or with `versions` the latest version
 * of a resource sent twice: a second pass, only then), other patients' and withdrawn resources are left
 * out, future-dated ones named; Observations, Conditions, allergies and family histories are read
 * as they come, Medications kept for references, medication records kept for after the pass.
 */
function readResources(
  data: ResolvedData,
  ctx: FactsContext,
  medications: Map<string, JsonObject>,
  patient: OwnPatient | undefined,
  tomorrow: LocalDate,
  versions?: ReadonlyMap<string, JsonObject>,
): Collected {
  const observations = emptyObservationFacts();
  const conditions = emptyConditionFacts();
  const familyHistory: { ref: Ref; date?: LocalDate }[] = [];
  const intolerances: Intolerance[] = [];
  const medicationEntries: Entry[] = [];
  const futureDated: FutureDated[] = [];
  const seen = new Map<string, OfType>();
  const codes = new ObservationCodes(ctx.terminology);

  let index = 0;
  // JSON.parse shares the strings of up to 10 characters only: each "Observation" it gives is a
  // string of its own, whose first hash (a Map look-up) is a call into V8's runtime, ~20 ns. So
  // the previous resource's type (the same, in a feed) is told by one comparison, and the type
  // carried on is the program's own string, already hashed.
  let previousType = '';
  let previous: OfType | undefined;
  let duplicates = false;
  const resources = list(isRecord(data) ? data.resources : undefined);
  for (const resource of resources) {
    index += 1;
    if (!isRecord(resource)) continue;
    const sent = str(resource.resourceType);
    if (sent === undefined) continue;
    let ofType = sent === previousType ? previous : seen.get(sent);
    if (ofType === undefined) {
      ofType = { ids: new Set(), prefix: `${sent}/`, type: READ_TYPES.find((t) => t === sent) ?? sent };
      seen.set(sent, ofType);
    }
    previousType = sent;
    previous = ofType;
    const type = ofType.type;
    const id = fhirId(resource.id);
    if (id !== undefined) {
      // A later version of this resource further on is read instead of this copy (versions.ts).
      const later = versions?.get(ofType.prefix + id);
      if (later !== undefined && later !== resource) continue;
      const count = ofType.ids.size;
      ofType.ids.add(id); // one look-up: an id already there leaves the size as it was
      if (ofType.ids.size === count) {
        duplicates = true; // the same resource twice (two prefetch keys, paging overlap)
        continue;
      }
    }
    const ref = id === undefined ? `${type}/unidentified-${index}` : ofType.prefix + id;
    if (type === 'Medication') {
      medications.set(ref, resource);
      continue;
    }
    if (isOtherPatient(resource, patient) || !isAdmitted(type, resource)) continue;
    // An Observation's date is read once, for this check and for its values.
    const when = type === 'Observation' ? observationDate(resource) : undefined;
    const date = type === 'Observation' ? when?.date : clinicalDate(type, resource, ctx.birthDate);
    if (date !== undefined && isFutureDated(date, tomorrow)) {
      futureDated.push(futureDatedEntry(resource, ref, date));
      continue;
    }
    if (type === 'Observation') {
      readObservation(resource, ref, when, codes, observations, index, ctx.sex);
      continue;
    }
    const entry: Entry = { resource, ref, type };
    switch (type) {
      case 'Condition':
        readCondition(entry, ctx, conditions);
        break;
      case 'AllergyIntolerance': {
        const intolerance = readIntolerance(entry, ctx);
        if (intolerance !== undefined) intolerances.push(intolerance);
        break;
      }
      case 'FamilyMemberHistory': {
        const fh = readFamilyHistory(entry, ctx);
        if (fh !== undefined) familyHistory.push(fh);
        break;
      }
      default:
        if (MEDICATION_TYPES.has(type)) medicationEntries.push(entry);
    }
  }

  if (duplicates && versions === undefined) {
    // Rare: read again with the latest version of each resource sent twice, if a later copy is one.
    const later = laterVersions(resources);
    if (later.size > 0) {
      medications.clear();
      return readResources(data, ctx, medications, patient, tomorrow, later);
    }
  }
  return { observations, conditions, familyHistory, intolerances, medicationEntries, futureDated };
}

/**
 * A record's `medicationReference` may name its Medication by the entry's `urn:uuid:` fullUrl (a
 * uuid is the same in either case). Two Medications of different codes under one fullUrl (two
 * Bundles that each call theirs `urn:uuid:Medication-1`) name neither: a guess had swapped the
 * drugs. Copies of one Medication (its key order, `meta` or `text` aside) are one.
 */
function namedByFullUrl(entries: readonly unknown[], medications: Map<string, JsonObject>): void {
  const ambiguous = new Set<string>();
  for (const named of entries) {
    if (!isRecord(named) || typeof named.fullUrl !== 'string' || !isRecord(named.resource)) continue;
    const key = named.fullUrl.toLowerCase();
    const earlier = medications.get(key);
    if (earlier !== undefined && drugKey(earlier) !== drugKey(named.resource)) ambiguous.add(key);
    medications.set(key, named.resource);
  }
  for (const key of ambiguous) medications.delete(key);
}

/** What a Medication says the drug is: its codings (sorted), else its code's text. */
function drugKey(medication: JsonObject): string {
  const code = isRecord(medication.code) ? medication.code : {};
  const codes = list(code.coding).filter(isRecord).map((c) => `${String(c.system)}|${String(c.code)}`).sort();
  return codes.length > 0 ? codes.join(' ') : (typeof code.text === 'string' ? code.text : '').toLowerCase();
}

function withBasketOrders(orders: BasketOrders | undefined): { basketOrders?: BasketOrders } {
  return orders === undefined ? {} : { basketOrders: orders };
}

function isDraft(value: unknown): value is DraftResource {
  return isRecord(value) && isRecord(value.resource);
}

/**
 * The drafts that are orders. A Medication sent beside the orders in the hook's Bundle is no order
 * of its own: it is what an order's `medicationReference` (`Medication/<id>` or the entry's
 * `urn:uuid:` fullUrl) names, so it joins the record's Medications — unread, every card about
 * that order's drug was lost (an alendronate order twice a week answered with no card at all).
 * The same order sent twice (one reference `<type>/<id>`, the same content) is read once [choice]:
 * each rule had judged it twice (two start checklists for one draft; rules.md "at most one per rule
 * and draft order"). Two different orders under one reference are both judged: keeping the first
 * had hidden a daily alendronate's critical card behind a weekly copy.
 */
function orders(drafts: readonly DraftResource[], medications: Map<string, JsonObject>): DraftResource[] {
  const out: DraftResource[] = [];
  const seen = new Map<string, DraftResource[]>();
  for (const draft of drafts) {
    // An order not to give a drug (R4 `doNotPerform`) prescribes nothing.
    if (draft.resource.doNotPerform === true) continue;
    if (draft.resource.resourceType !== 'Medication') {
      // Compared only when a reference comes again: a basket's orders nearly always differ in it.
      const earlier = seen.get(draft.ref);
      if (earlier !== undefined && earlier.some((e) => orderText(e.resource) === orderText(draft.resource))) continue;
      seen.set(draft.ref, [...(earlier ?? []), draft]);
      out.push(draft);
      continue;
    }
    medications.set(draft.ref, draft.resource);
    // A uuid is the same in either case.
    if (draft.fullUrl !== undefined) medications.set(draft.fullUrl.toLowerCase(), draft.resource);
  }
  return out;
}

/** An order's content for comparing copies: keys in order, without `meta` (a copy stamped `lastUpdated` is the same order). */
function orderText(resource: JsonObject): string {
  const { meta: _meta, ...order } = resource;
  return JSON.stringify(order, (_key, value: unknown) =>
    isRecord(value) && !Array.isArray(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]])) : value,
  );
}

function narrowSex(value: string): Sex {
  switch (value) {
    case 'female':
    case 'male':
    case 'other':
      return value;
    default:
      return 'unknown';
  }
}

/** A newer Observation overrides a tobacco Condition; an active Condition counts when no newer Observation says otherwise. */
function latestSmoking(observation: Dated<boolean> | undefined, condition: Dated<boolean> | undefined): Dated<boolean> | undefined {
  if (observation === undefined) return condition;
  if (condition === undefined) return observation;
  if (condition.date !== undefined && (observation.date === undefined || condition.date > observation.date)) return condition;
  return observation;
}

function earliest<T>(items: readonly Dated<T>[]): Dated<T> | undefined {
  let best: Dated<T> | undefined;
  for (const item of items) {
    if (best === undefined || (item.date !== undefined && (best.date === undefined || item.date < best.date))) best = item;
  }
  return best;
}
