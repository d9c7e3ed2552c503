/**
 * Which drug a medication record (or draft order, or intolerance) is about: ATC by prefix first
 * (Danish FMK data), then RxNorm (ingredients and the sandbox SCD/SBD products), then another bound
 * code system, then — only when no ATC code was sent — the drug name in the text.
 *
 * Glucocorticoids are systemic only (rules.md section 1): ATC H02AB is systemic by definition; a
 * glucocorticoid recognised by RxNorm or name is dropped when its text, form or route says
 * inhaled, topical, nasal, eye/ear drops or rectal.
 */
import type { CodingMatch, Terminology } from '../terminology/index.js';
import { type Coding, codings, conceptText, conceptWords, cutText, get, getObject, getStr, lookup, num, objects, referencedId, round4, str } from './accessors.js';
import { DRUG_CLASS, isDrugId } from './concepts.js';
import type { FactsContext } from './context.js';
import { deepFreeze } from './freeze.js';
import type { DrugId, DrugIdentity, SourceCode } from './types.js';
import { isRecord, type JsonObject } from '../shared/json.js';
import { type KeySink, PartsCache, type PartsCacheLimits } from './parts-cache.js';

export interface Identified {
  readonly identity: DrugIdentity;
  /** Strength per mL of a liquid ("5 MG/ML"), for doses in mL. */
  readonly strengthPerMl?: number;
  /**
   * The mg a liquid's strength names with a volume other than 1 mL ("4 mg/5 ml": 4 mg in 5 mL) —
   * for a single-dose container, what one container holds (drafts.ts reads it so for zoledronic
   * acid and denosumab). Per mL, or no volume: undefined.
   */
  readonly inVolumeMg?: number;
  /** The bound code is a group (ATC M05BA) rather than one drug. */
  readonly groupLevel: boolean;
}

const EFFERVESCENT = /binosto|brusetabl|effervescent|\bbrus\b|opløselig tablet|dissolvable tablet/;
const PROLIA = /prolia/;
const NON_SYSTEMIC =
  /inhal|cream|creme|crème|\bsalve\b|ointment|øjendråb|eye ?drop|ophthalm|nasal|næse|spray|topical|kutan|cutaneous|lotion|\bgel\b|shampoo|øredråb|ear ?drop|\botic\b|rectal|rektal|klysma|enema|suppositor|stikpille|dermal|mundskyl|mouthwash|intraartikul|intra-articul|intraarticul|turbuhaler|diskus|easyhaler/;
const CITRATE = /citrat/;
const VITAMIN_D3 = /\bd3\b|d-vitamin|vitamin d|colecalciferol|cholecalciferol/;
// Starts where a digit run starts (the leftmost match always does): a long run of digits is then tried once, not from each digit.
// "15 MG/5ML" (an oral solution's strength per 5 mL) is 3 mg per mL.
const STRENGTH_RE = /(?<!\d)(\d+(?:[.,]\d+)?)\s*(mg|mikrogram|mikrog|microgram|µg|μg|ug|mcg|g)(?![a-zæøå])(\s*\/\s*(?:(\d+(?:[.,]\d+)?)\s*)?ml\b)?/;

export interface MedicationSource {
  /** medicationCodeableConcept (or R5 medication.concept). */
  readonly concept?: unknown;
  /** The referenced or contained Medication. */
  readonly medication?: JsonObject;
  /** medicationReference.display. */
  readonly referenceDisplay?: string;
  /** Route and form words of the dosage lines (lower-case). */
  readonly routeWords?: string;
}

/**
 * A record that names its drug only by a reference to a Medication the data does not hold, with no
 * display: which drug it is cannot be told (build-facts.ts names it on the data-unavailable card).
 */
export function namesUnresolvedMedication(resource: JsonObject, ctx: FactsContext): boolean {
  // A plan or a proposal is never use, named or not.
  if (resource.medicationCodeableConcept !== undefined || resource.intent === 'plan' || resource.intent === 'proposal' || resource.intent === 'option') return false;
  const reference = getObject(resource, 'medicationReference') ?? getObject(getObject(resource, 'medication'), 'reference');
  if (reference === undefined || getStr(reference, 'display') !== undefined) return false;
  // A logical reference (an identifier alone) names a Medication no data here holds.
  if (getStr(reference, 'reference') === undefined) return reference.identifier !== undefined;
  const source = medicationSource(resource, ctx, []);
  return source.medication === undefined && source.concept === undefined;
}

/** The Medication a resource points at (contained `#id`, `Medication/<id>` from the data or the order's Bundle, or that Bundle's `urn:uuid:` entry). */
export function medicationSource(resource: JsonObject, ctx: FactsContext, dosages: readonly JsonObject[]): MedicationSource {
  const r5 = getObject(resource, 'medication');
  const concept = resource.medicationCodeableConcept ?? get(r5, 'concept') ?? (r5 !== undefined && get(r5, 'reference') === undefined ? r5 : undefined);
  const referenceObj = getObject(resource, 'medicationReference') ?? getObject(r5, 'reference');
  const reference = getStr(referenceObj, 'reference');
  let medication: JsonObject | undefined;
  if (reference !== undefined) {
    if (reference.startsWith('#')) {
      const id = reference.slice(1);
      medication = objects(resource, 'contained').find((c) => c.resourceType === 'Medication' && c.id === id);
    } else if (reference.startsWith('urn:uuid:')) {
      // A Medication entry of the record's or the hook's Bundle, named by its fullUrl (build-facts.ts).
      medication = ctx.medications.get(reference.toLowerCase());
    } else {
      const id = referencedId(reference, 'Medication');
      if (id !== undefined) medication = ctx.medications.get(`Medication/${id}`);
    }
  }
  const routeWords = dosages.length === 1 && dosages[0] !== undefined ? lineWords(dosages[0]) : dosages.map(lineWords).join(' ');
  const referenceDisplay = getStr(referenceObj, 'display');
  const out: { -readonly [K in keyof MedicationSource]: MedicationSource[K] } = {};
  if (concept !== undefined) out.concept = concept;
  if (medication !== undefined) out.medication = medication;
  if (referenceDisplay !== undefined) out.referenceDisplay = referenceDisplay;
  out.routeWords = routeWords;
  return out;
}

/** Route, method and text of a dosage line, lower-case (a line with none of them, the usual one, is two spaces). */
function lineWords(d: JsonObject): string {
  if (d.route === undefined && d.method === undefined && d.text === undefined) return '  ';
  return `${conceptWords(d.route)} ${conceptWords(d.method)} ${cutText(getStr(d, 'text') ?? '').toLowerCase()}`;
}

interface Candidate {
  readonly match: CodingMatch;
  readonly coding: Coding;
}

const SYSTEM_RANK: Readonly<Record<string, number>> = { atc: 3, rxnorm: 2 };

/**
 * Identifications already made, per terminology: a record names the same product again and again
 * (one FMK line per prescription, a denosumab statement every six months), and the name search is
 * the costliest step of the facts stage. Keys hold product codes and words only, never patient
 * data; the cache is bounded (parts-cache.ts).
 */
const identified = new WeakMap<Terminology, PartsCache<MedicationSource, Identified | null>>();
const CACHE_LIMITS: PartsCacheLimits = { maxEntries: 5000, maxPerLead: 32, maxChars: 4000 };

/** Identifies the drug; undefined when it is none of the bound drugs (or a non-systemic steroid). */
export function identifyDrug(source: MedicationSource, t: Terminology): Identified | undefined {
  let cache = identified.get(t);
  if (cache === undefined) {
    cache = new PartsCache(keyParts, CACHE_LIMITS);
    identified.set(t, cache);
  }
  const lead = leadOf(source);
  const hit = cache.get(lead, source);
  if (hit !== undefined) return hit ?? undefined;
  const result = identifyUncached(source, t);
  cache.set(lead, source, result === undefined ? null : deepFreeze(result));
  return result === undefined ? undefined : deepFreeze(result);
}

/** The bucket of a source in the cache: the first code as sent (any deterministic choice would do: the parts decide a hit). */
function leadOf(source: MedicationSource): string {
  const concept = source.concept;
  const coding = isRecord(concept) ? concept.coding : undefined;
  const first: unknown = Array.isArray(coding) ? coding[0] : undefined;
  const code = isRecord(first) ? first.code : undefined;
  return typeof code === 'string' ? code : '';
}

/**
 * The parts identification reads (codings, texts, ingredient strengths), a few levels deep at
 * most: following the record's own objects would follow any nesting a caller sends (a concept
 * nested thousands of levels deep overflowed the stack). A count before each variable-length part
 * keeps the list unambiguous.
 */
function keyParts(source: MedicationSource, sink: KeySink): void {
  const med = source.medication;
  keyConcept(sink, source.concept);
  keyConcept(sink, med?.code);
  const ingredients = objects(med, 'ingredient');
  sink.put(ingredients.length);
  for (const i of ingredients) {
    const strength = getObject(i, 'strength');
    keyConcept(sink, i.itemCodeableConcept ?? get(i, 'item'));
    sink.put(get(i, 'isActive') === false);
    keyQuantity(sink, get(strength, 'numerator'));
    keyQuantity(sink, get(strength, 'denominator'));
  }
  keyConcept(sink, med?.form);
  sink.put(source.referenceDisplay);
  sink.put(source.routeWords);
}

function keyConcept(sink: KeySink, c: unknown): void {
  if (isPlainConcept(c)) {
    // The usual concept, put as sent: no codings read into new objects. Raw values say at least
    // what the read ones would (values trimmed or cut alike only miss the cache).
    sink.put('raw');
    sink.put(c.text);
    sink.put(c.coding.length);
    for (const coding of c.coding) {
      sink.put(coding.system);
      sink.put(coding.code);
      sink.put(coding.display);
    }
    return;
  }
  const list = codings(c);
  sink.put('read');
  sink.put(conceptText(c));
  sink.put(list.length);
  for (const coding of list) {
    sink.put(coding.system);
    sink.put(coding.code);
    sink.put(coding.display);
  }
}

/** A CodeableConcept as usually sent: a list of codings, all strings (a code may be a number) where present. */
interface PlainConcept {
  readonly text?: string;
  readonly coding: readonly { readonly system?: string; readonly code?: string | number; readonly display?: string }[];
}

function isPlainConcept(c: unknown): c is PlainConcept {
  if (!isRecord(c) || !isOptionalString(c.text)) return false;
  const list = c.coding;
  if (!Array.isArray(list)) return false;
  for (const coding of list) {
    if (!isRecord(coding) || !isOptionalString(coding.system) || !isOptionalString(coding.display)) return false;
    if (!isOptionalString(coding.code) && typeof coding.code !== 'number') return false;
  }
  return true;
}

function isOptionalString(v: unknown): v is string | undefined {
  return v === undefined || typeof v === 'string';
}

function keyQuantity(sink: KeySink, q: unknown): void {
  sink.put(num(get(q, 'value')));
  sink.put(str(get(q, 'code')));
  sink.put(str(get(q, 'unit')));
}

function identifyUncached(source: MedicationSource, t: Terminology): Identified | undefined {
  const med = source.medication;
  const allCodings = [...codings(source.concept), ...codings(med?.code)];
  const ingredientCodings = objects(med, 'ingredient').flatMap((i) => codings(i.itemCodeableConcept ?? get(i, 'item')));
  let best: Candidate | undefined;
  let hasAtc = false;
  for (const coding of [...allCodings, ...ingredientCodings]) {
    const key = t.systemKey(coding.system);
    if (key === 'atc') hasAtc = true;
    for (const match of t.matchCoding(coding.system, coding.code)) {
      if (match.kind !== 'medication' || !isDrugId(match.concept)) continue;
      if (best === undefined || better(match, best.match)) best = { match, coding };
    }
  }

  const productWords = [
    conceptText(source.concept),
    ...codings(source.concept).map((c) => c.display),
    conceptText(med?.code),
    ...codings(med?.code).map((c) => c.display),
    source.referenceDisplay,
  ]
    .filter((s): s is string => s !== undefined)
    .join(' | ')
    .toLowerCase();
  const ingredientWords = objects(med, 'ingredient')
    .map((i) => conceptWords(i.itemCodeableConcept ?? get(i, 'item')))
    .join(' | ');
  const allWords = `${productWords} | ${ingredientWords}`;
  const names = t.matchNames('medication', allWords);

  let drug: DrugId;
  let matchedBy: DrugIdentity['matchedBy'];
  let code: SourceCode | undefined;
  let binding: CodingMatch['binding'] | undefined;
  if (best !== undefined && isDrugId(best.match.concept)) {
    drug = best.match.concept;
    matchedBy = best.match.systemKey === 'atc' ? 'atc' : best.match.systemKey === 'rxnorm' ? 'rxnorm' : 'code';
    code = toSource(best.coding);
    binding = best.match.binding;
  } else {
    if (hasAtc) return undefined; // an ATC code we do not bind is authoritative: not one of ours
    const first = names.find((n) => isDrugId(n.concept));
    if (first === undefined || !isDrugId(first.concept)) return undefined;
    drug = first.concept;
    matchedBy = 'text';
    const firstCoding = allCodings.find((c) => c.system !== undefined && c.code !== undefined);
    code = firstCoding === undefined ? undefined : toSource(firstCoding);
  }

  const formWords = conceptWords(med?.form);
  if (drug === 'glucocorticoid' && matchedBy !== 'atc' && NON_SYSTEMIC.test(`${allWords} ${formWords} ${source.routeWords ?? ''}`)) return undefined;

  const fromText = binding?.strengthMg !== undefined ? undefined : strengthFromText(productWords);
  const fromIngredients = binding?.strengthMg !== undefined || fromText !== undefined ? undefined : strengthFromIngredients(med);
  const strength = binding?.strengthMg !== undefined ? { mg: binding.strengthMg } : (fromText ?? fromIngredients);
  const inVolumeMg = fromText !== undefined ? inVolumeFromText(productWords) : fromIngredients?.inVolumeMg;
  let prednisoloneFactor: number | undefined;
  if (drug === 'glucocorticoid') {
    const ingredient = binding?.ingredient ?? names.find((n) => n.concept === 'glucocorticoid' && n.name.ingredient !== undefined)?.name.ingredient;
    // An unknown glucocorticoid counts as prednisolone (factor 1) [choice, the safer reading].
    prednisoloneFactor = (ingredient === undefined ? undefined : t.prednisoloneEquivalents.get(ingredient)) ?? 1;
  }
  const also = new Set<DrugId>();
  for (const other of binding?.alsoContains ?? []) if (isDrugId(other)) also.add(other);
  for (const n of names) if (isDrugId(n.concept) && n.concept !== drug && DRUG_CLASS[n.concept] !== DRUG_CLASS[drug]) also.add(n.concept);
  if (DRUG_CLASS[drug] === 'calcium' && VITAMIN_D3.test(allWords)) also.add('colecalciferol');
  also.delete(drug);
  // ATC A11CC20 "calcium and vitamin D combinations" is the same kind of product as A12AX
  // (terminology.md: "accept both"): calcium first, with vitamin D, then read as below.
  if (drug === 'colecalciferol' && also.has('calcium-other')) {
    // The product's name may say which salt ("Calcichew": carbonate).
    const salt = [...also].find((d) => DRUG_CLASS[d] === 'calcium' && d !== 'calcium-other') ?? 'calcium-other';
    also.delete('calcium-other');
    also.delete(salt);
    also.add('colecalciferol');
    drug = salt;
  }
  // rules.md section 4 (v2): a calcium + vitamin D3 combination (ATC A12AX, or named so) is mostly
  // calcium carbonate: it counts as carbonate unless the product text names citrate [choice].
  if (drug === 'calcium-other' && also.has('colecalciferol')) drug = CITRATE.test(allWords) ? 'calcium-citrate' : 'calcium-carbonate';

  const text = conceptText(source.concept) ?? conceptText(med?.code) ?? source.referenceDisplay ?? allCodings.find((c) => c.display !== undefined)?.display;
  const identity: DrugIdentity = {
    drug,
    drugClass: DRUG_CLASS[drug],
    effervescent: EFFERVESCENT.test(`${allWords} ${formWords}`),
    brandProlia: PROLIA.test(allWords),
    ...(prednisoloneFactor === undefined ? {} : { prednisoloneFactor }),
    ...(strength?.mg === undefined ? {} : { strengthMg: strength.mg }),
    ...(code === undefined ? {} : { code }),
    ...(text === undefined ? {} : { text }),
    matchedBy,
    ...(also.size === 0 ? {} : { alsoContains: [...also] }),
  };
  const groupLevel = best !== undefined && best.match.binding.match === 'prefix' && best.match.systemKey === 'atc' && best.match.specificity < 7;
  return { identity, groupLevel, ...(strength?.perMl === undefined ? {} : { strengthPerMl: strength.perMl }), ...(inVolumeMg === undefined ? {} : { inVolumeMg }) };
}

/** ATC before RxNorm before other systems; within a system the longer (more specific) code. */
function better(a: CodingMatch, b: CodingMatch): boolean {
  const ra = lookup(SYSTEM_RANK, a.systemKey) ?? 1;
  const rb = lookup(SYSTEM_RANK, b.systemKey) ?? 1;
  if (ra !== rb) return ra > rb;
  return a.specificity > b.specificity;
}

function toSource(c: Coding): SourceCode | undefined {
  if (c.system === undefined || c.code === undefined) return undefined;
  return { system: c.system, code: c.code, ...(c.display === undefined ? {} : { display: c.display }) };
}

const MASS_TO_MG: Readonly<Record<string, number>> = {
  mg: 1,
  g: 1000,
  ug: 0.001,
  µg: 0.001,
  μg: 0.001,
  mcg: 0.001,
  mikrog: 0.001,
  mikrogram: 0.001,
  microgram: 0.001,
};

/** "Alendronic acid 70 MG Oral Tablet" → 70 mg; "prednisolone 5 MG/ML" → 5 mg per mL, "15 MG/5ML" → 3 mg per mL. */
export function strengthFromText(lowerText: string): { mg?: number; perMl?: number } | undefined {
  const m = STRENGTH_RE.exec(lowerText);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const value = Number(m[1].replace(',', '.'));
  const factor = lookup(MASS_TO_MG, m[2]);
  if (!Number.isFinite(value) || value <= 0 || factor === undefined) return undefined;
  if (m[3] === undefined) return { mg: round4(value * factor) };
  const per = m[4] === undefined ? 1 : Number(m[4].replace(',', '.'));
  return Number.isFinite(per) && per > 0 ? { perMl: round4((value * factor) / per) } : undefined;
}

/**
 * The mg a strength names with a volume other than 1 mL: "4 mg/5 ml" → 4, "5 mg/100 ml" → 5; "5 mg/ml"
 * and "60 mg/1 ml" name a concentration, not a container [choice: per 1 mL is read as a
 * concentration — "0,05 mg/1 ml" would otherwise make an Aclasta bottle 0.05 mg].
 */
export function inVolumeFromText(lowerText: string): number | undefined {
  const m = STRENGTH_RE.exec(lowerText);
  if (m?.[1] === undefined || m[2] === undefined || m[4] === undefined) return undefined;
  return inVolume(Number(m[1].replace(',', '.')), lookup(MASS_TO_MG, m[2]), Number(m[4].replace(',', '.')));
}

function inVolume(value: number, factor: number | undefined, volumeMl: number): number | undefined {
  if (!Number.isFinite(value) || value <= 0 || factor === undefined || !Number.isFinite(volumeMl) || volumeMl <= 0 || volumeMl === 1) return undefined;
  return round4(value * factor);
}

/** Medication.ingredient[].strength: mg per tablet (denominator 1) or per mL, and the mg in a volume other than 1 mL (`inVolumeFromText`). */
function strengthFromIngredients(med: JsonObject | undefined): { mg?: number; perMl?: number; inVolumeMg?: number } | undefined {
  for (const ingredient of objects(med, 'ingredient')) {
    if (get(ingredient, 'isActive') === false) continue;
    const strength = getObject(ingredient, 'strength');
    const numerator = getObject(strength, 'numerator');
    const value = num(get(numerator, 'value'));
    const unit = (str(get(numerator, 'code')) ?? str(get(numerator, 'unit')))?.toLowerCase();
    const factor = lookup(MASS_TO_MG, unit);
    if (value === undefined || factor === undefined) continue;
    const denominator = getObject(strength, 'denominator');
    const per = num(get(denominator, 'value')) ?? 1;
    if (per <= 0) continue;
    const perUnit = (str(get(denominator, 'code')) ?? str(get(denominator, 'unit')) ?? '').toLowerCase();
    const mg = round4((value * factor) / per);
    if (perUnit !== 'ml') return { mg };
    const inVolumeMg = inVolume(value, factor, per);
    return inVolumeMg === undefined ? { perMl: mg } : { perMl: mg, inVolumeMg };
  }
  return undefined;
}

