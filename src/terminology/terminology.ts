/**
 * Terminology: the bindings (concept id → codings) loaded once at start, validated, merged with a
 * site file, and turned into lookup maps so matching a coding costs O(code length).
 *
 * Matching rules (docs/terminology.md sections 1–2):
 * - a coding's system URI is resolved through the aliases (both NPU URIs, both SKS OIDs, both
 *   ICPC-2 URIs, the HL7 OIDs of LOINC, SNOMED CT, ICD-10(-CM), ATC, RxNorm) to one system key;
 * - codes are normalised: trimmed and upper-cased; ICD-10, ICD-10-CM and SKS lose their dots; SKS
 *   codes lose their leading `D` (only in SKS systems: `DD50` is ICD-10 D50) and an SKS code without
 *   a leading `D` matches nothing;
 * - `prefix` bindings match every code that starts with them (ICD/SKS families, ATC groups);
 *   `exact` bindings match the code only. Prefix lookups check each leading substring of the code
 *   against a Map — never a scan over the bindings.
 */
import {
  bindingsFileSchema,
  formatIssues,
  siteFileSchema,
  type BindingsFile,
  type CodingBinding,
  type ConceptKind,
  type Measure,
  type Normalisation,
  type SiteFile,
} from './schema.js';
import { withoutTrailingSlashes } from '../shared/url.js';
import { BoundedCache } from './bounded-cache.js';
import { isKnownUnit } from './units.js';
import { ConfigError } from '../shared/config-error.js';

/** A binding row after loading (read-only). */
export type Binding = Readonly<Omit<CodingBinding, 'alsoContains'>> & { readonly alsoContains?: readonly string[] };

/** A concept after loading (site additions merged in). */
export interface Concept {
  readonly id: string;
  readonly kind: ConceptKind;
  readonly display?: string;
  readonly measure?: Measure;
  readonly codings: readonly Binding[];
  readonly names: readonly NameBinding[];
}

export interface NameBinding {
  /** Lower-case text pattern. */
  readonly text: string;
  readonly ingredient?: string;
  /** Whole word only: no letter or digit on either side. */
  readonly word?: true;
  /** Only lifts a non-specific code of the same concept (schema.ts). */
  readonly underNonSpecificCode?: true;
}

/** One binding a coding matched. */
export interface CodingMatch {
  readonly concept: string;
  readonly kind: ConceptKind;
  readonly weak: boolean;
  /** The binding row that matched (strength, ingredient, implied unit …). */
  readonly binding: Binding;
  /** Length of the normalised binding code: longer = more specific. */
  readonly specificity: number;
  /** The system key (`loinc`, `atc`, …) the coding's URI resolved to. */
  readonly systemKey: string;
}

/** A drug-name text match (the last resort for medications). */
export interface NameMatch {
  readonly concept: string;
  readonly name: NameBinding;
  /** Position of the match in the text. */
  readonly index: number;
}

export interface Terminology {
  readonly version?: string;
  /**
   * The site additions it was built with (CDS_TERMINOLOGY / CDS_SITE_CONFIG, as given): the
   * overview app (/app/) builds the same terminology in the browser from the built-in bindings and these.
   */
  readonly site?: unknown;
  readonly concepts: ReadonlyMap<string, Concept>;
  /** mg prednisolone per mg of a glucocorticoid ingredient. */
  readonly prednisoloneEquivalents: ReadonlyMap<string, number>;
  /** Every binding the coding matches, most specific first; empty when none. */
  matchCoding(system: unknown, code: unknown): readonly CodingMatch[];
  /** The system key of a URI (`npu` for both NPU URIs), if it is a known system. */
  systemKey(uri: unknown): string | undefined;
  /** Drug names found in a text, leftmost (and longest) first. */
  matchNames(kind: ConceptKind, text: string): readonly NameMatch[];
}

export function terminologyError(source: string, problems: readonly string[]): ConfigError {
  return new ConfigError(problems, `terminology ${source}`);
}

const EMPTY: readonly CodingMatch[] = Object.freeze([]);
const EMPTY_NAMES: readonly NameMatch[] = Object.freeze([]);

/**
 * Builds a terminology from a bindings value and an optional site value (both untrusted JSON).
 * @throws ConfigError listing every problem.
 */
export function buildTerminology(base: unknown, site?: unknown, siteSource = 'site file'): Terminology {
  const parsed = bindingsFileSchema.safeParse(base);
  if (!parsed.success) throw terminologyError('bindings', formatIssues(parsed.error));
  let merged: BindingsFile = parsed.data;
  if (site !== undefined) {
    const parsedSite = siteFileSchema.safeParse(site);
    if (!parsedSite.success) throw terminologyError(siteSource, formatIssues(parsedSite.error));
    const { result, problems } = mergeSite(merged, parsedSite.data);
    if (problems.length > 0) throw terminologyError(siteSource, problems);
    merged = result;
  }
  const problems = checkSemantics(merged);
  if (problems.length > 0) throw terminologyError(site === undefined ? 'bindings' : `bindings merged with ${siteSource}`, problems);
  return compile(merged, site);
}

function mergeSite(base: BindingsFile, site: SiteFile): { result: BindingsFile; problems: string[] } {
  const problems: string[] = [];
  const systems = { ...base.systems };
  for (const [key, spec] of Object.entries(site.systems ?? {})) {
    const existing = systems[key];
    if (existing === undefined) {
      systems[key] = spec;
    } else if (existing.normalise !== spec.normalise) {
      problems.push(`systems.${key}.normalise: "${spec.normalise}" differs from the built-in "${existing.normalise}"`);
    } else {
      systems[key] = { ...existing, uris: [...new Set([...existing.uris, ...spec.uris])] };
    }
  }
  const concepts = { ...base.concepts };
  for (const [id, add] of Object.entries(site.concepts ?? {})) {
    const existing = concepts[id];
    if (existing === undefined) {
      if (add.kind === undefined) {
        problems.push(`concepts.${id}.kind: a new concept needs a kind`);
        continue;
      }
      concepts[id] = { kind: add.kind, display: add.display, measure: add.measure, names: add.names, codings: add.codings ?? [] };
      continue;
    }
    if (add.kind !== undefined && add.kind !== existing.kind) {
      problems.push(`concepts.${id}.kind: "${add.kind}" differs from the built-in "${existing.kind}"`);
    }
    if (add.measure !== undefined && add.measure !== existing.measure) {
      problems.push(`concepts.${id}.measure: "${add.measure}" differs from the built-in "${existing.measure ?? 'none'}"`);
    }
    concepts[id] = {
      ...existing,
      names: [...(existing.names ?? []), ...(add.names ?? [])],
      codings: [...existing.codings, ...(add.codings ?? [])],
    };
  }
  const prednisoloneEquivalents = { ...base.prednisoloneEquivalents, ...site.prednisoloneEquivalents };
  return { result: { ...base, systems, concepts, prednisoloneEquivalents }, problems };
}

/** Checks a schema cannot express: unique URIs, SKS codes, implied units, cross references. */
function checkSemantics(file: BindingsFile): string[] {
  const problems: string[] = [];
  const uriOwner = new Map<string, string>();
  for (const [key, spec] of Object.entries(file.systems)) {
    for (const uri of spec.uris) {
      const owner = uriOwner.get(normaliseUri(uri));
      if (owner !== undefined && owner !== key) problems.push(`systems.${key}.uris: ${uri} is already a URI of ${owner}`);
      uriOwner.set(normaliseUri(uri), key);
    }
  }
  for (const [id, concept] of Object.entries(file.concepts)) {
    concept.codings.forEach((coding, i) => {
      const where = `concepts.${id}.codings[${i}] (${coding.system}|${coding.code})`;
      const key = uriOwner.get(normaliseUri(coding.system));
      const normalisation = key === undefined ? 'upper' : file.systems[key]?.normalise ?? 'upper';
      if (normaliseCode(normalisation, coding.code) === undefined) {
        problems.push(`${where}: not a valid code for its system${normalisation === 'sks' ? ' (SKS diagnosis codes start with D)' : ''}`);
      }
      if (coding.impliedUnit !== undefined) {
        if (concept.measure === undefined) problems.push(`${where}: impliedUnit on a concept without a measure`);
        else if (!isKnownUnit(concept.measure, coding.impliedUnit)) {
          problems.push(`${where}: impliedUnit "${coding.impliedUnit}" is not a known unit of ${concept.measure}`);
        }
      }
      for (const other of coding.alsoContains ?? []) {
        if (file.concepts[other]?.kind !== 'medication') problems.push(`${where}: alsoContains "${other}" is not a medication concept`);
      }
      if (coding.ingredient !== undefined && file.prednisoloneEquivalents[coding.ingredient] === undefined) {
        problems.push(`${where}: ingredient "${coding.ingredient}" has no prednisolone equivalent`);
      }
    });
    (concept.names ?? []).forEach((name, i) => {
      const text = typeof name === 'string' ? name : name.text;
      if (text.trim().length < 3) problems.push(`concepts.${id}.names[${i}]: "${text}" is too short to match safely`);
    });
  }
  return problems;
}

function normaliseUri(uri: string): string {
  return withoutTrailingSlashes(uri.trim());
}

/** Normalises a code for matching; undefined when it cannot be a code of the system. */
export function normaliseCode(normalisation: Normalisation, code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (upper === '') return undefined;
  switch (normalisation) {
    case 'upper':
      return upper;
    case 'icd': {
      const stripped = upper.replace(/[.\s]/g, '');
      return stripped === '' ? undefined : stripped;
    }
    case 'sks': {
      const stripped = upper.replace(/[.\s]/g, '');
      return stripped.length > 1 && stripped.startsWith('D') ? stripped.slice(1) : undefined;
    }
  }
}

interface SystemTables {
  readonly normalisation: Normalisation;
  readonly exact: Map<string, CodingMatch[]>;
  readonly prefix: Map<string, CodingMatch[]>;
  maxPrefix: number;
}

function compile(file: BindingsFile, site: unknown): Terminology {
  const uriToKey = new Map<string, string>();
  const tables = new Map<string, SystemTables>();
  for (const [key, spec] of Object.entries(file.systems)) {
    for (const uri of spec.uris) uriToKey.set(normaliseUri(uri), key);
    tables.set(key, { normalisation: spec.normalise, exact: new Map(), prefix: new Map(), maxPrefix: 0 });
  }
  const tableFor = (uri: string): { key: string; table: SystemTables } => {
    const norm = normaliseUri(uri);
    let key = uriToKey.get(norm);
    if (key === undefined) {
      // A site may bind codes of a system we do not know: exact, upper-cased matching under its URI.
      key = norm;
      uriToKey.set(norm, key);
    }
    let table = tables.get(key);
    if (table === undefined) {
      table = { normalisation: 'upper', exact: new Map(), prefix: new Map(), maxPrefix: 0 };
      tables.set(key, table);
    }
    return { key, table };
  };

  const concepts = new Map<string, Concept>();
  const namesByKind = new Map<ConceptKind, { pattern: string; concept: string; name: NameBinding }[]>();
  for (const [id, raw] of Object.entries(file.concepts)) {
    const names: NameBinding[] = (raw.names ?? []).map((n) =>
      typeof n === 'string'
        ? { text: n.toLowerCase() }
        : {
            text: n.text.toLowerCase(),
            ...(n.ingredient === undefined ? {} : { ingredient: n.ingredient }),
            ...(n.word === true ? { word: true as const } : {}),
            ...(n.underNonSpecificCode === true ? { underNonSpecificCode: true as const } : {}),
          },
    );
    const codings: Binding[] = raw.codings.map((c): Binding => {
      const { alsoContains, ...rest } = c;
      return Object.freeze(alsoContains === undefined ? rest : { ...rest, alsoContains: Object.freeze([...alsoContains]) });
    });
    const concept: Concept = deepFreezeConcept({
      id,
      kind: raw.kind,
      ...(raw.display === undefined ? {} : { display: raw.display }),
      ...(raw.measure === undefined ? {} : { measure: raw.measure }),
      codings,
      names,
    });
    concepts.set(id, concept);
    for (const coding of codings) {
      const { key, table } = tableFor(coding.system);
      const code = normaliseCode(table.normalisation, coding.code);
      if (code === undefined) continue; // reported by checkSemantics
      const match: CodingMatch = Object.freeze({
        concept: id,
        kind: raw.kind,
        weak: coding.weak === true,
        binding: coding,
        specificity: code.length,
        systemKey: key,
      });
      const map = coding.match === 'prefix' ? table.prefix : table.exact;
      const list = map.get(code);
      if (list === undefined) map.set(code, [match]);
      else if (!list.some((m) => m.concept === id)) list.push(match);
      if (coding.match === 'prefix') table.maxPrefix = Math.max(table.maxPrefix, code.length);
    }
    for (const name of names) {
      const list = namesByKind.get(raw.kind) ?? [];
      list.push({ pattern: name.text, concept: id, name });
      namesByKind.set(raw.kind, list);
    }
  }

  sksReadsIcd10(tables);

  // One alternation per kind, longest pattern first, so the leftmost match is also the longest
  // one there ("methylprednisolon" before "prednisolon").
  const nameRegex = new Map<ConceptKind, { re: RegExp; byPattern: Map<string, { concept: string; name: NameBinding }> }>();
  for (const [kind, list] of namesByKind) {
    const byPattern = new Map<string, { concept: string; name: NameBinding }>();
    for (const entry of list) if (!byPattern.has(entry.pattern)) byPattern.set(entry.pattern, entry);
    // Relationship words, and names marked `word`, only as whole words ("Mor" not in "Moster").
    const wholeWord = (p: string): string => `(?<![\\p{L}\\p{N}])${p}(?![\\p{L}\\p{N}])`;
    const patterns = [...byPattern.entries()]
      .sort(([a], [b]) => b.length - a.length)
      .map(([text, { name }]) => (kind !== 'relationship' && name.word === true ? wholeWord(escapeRegex(text)) : escapeRegex(text)));
    const source = kind === 'relationship' ? wholeWord(`(?:${patterns.join('|')})`) : `(?:${patterns.join('|')})`;
    nameRegex.set(kind, { re: new RegExp(source, 'gu'), byPattern });
  }

  const systemKey = (uri: unknown): string | undefined => (typeof uri === 'string' ? uriToKey.get(normaliseUri(uri)) : undefined);

  const matchUncached = (system: string, code: string): readonly CodingMatch[] => {
    const key = uriToKey.get(system) ?? uriToKey.get(normaliseUri(system));
    if (key === undefined) return EMPTY;
    const table = tables.get(key);
    if (table === undefined) return EMPTY;
    const normalised = normaliseCode(table.normalisation, code);
    if (normalised === undefined) return EMPTY;
    const exact = table.exact.get(normalised);
    if (table.maxPrefix === 0) return exact ?? EMPTY;
    let found: CodingMatch[] | undefined = exact ? [...exact] : undefined;
    for (let len = Math.min(normalised.length, table.maxPrefix); len >= 1; len--) {
      const hits = table.prefix.get(len === normalised.length ? normalised : normalised.slice(0, len));
      if (hits === undefined) continue;
      found ??= [];
      for (const hit of hits) if (!found.some((f) => f.concept === hit.concept)) found.push(hit);
    }
    return found === undefined ? EMPTY : Object.freeze(found);
  };

  // A patient's records repeat a handful of codes and names (every problem-list entry of one
  // diagnosis, every prescription of one drug): each (system, code) and each (kind, text) is
  // matched once, then found by look-ups. The results are frozen and hold bindings only.
  const codingCache = new BoundedCache<readonly CodingMatch[]>();
  const matchCoding = (system: unknown, code: unknown): readonly CodingMatch[] => {
    if (typeof system !== 'string' || typeof code !== 'string') return EMPTY;
    const known = codingCache.get(system, code);
    if (known !== undefined) return known;
    const found = matchUncached(system, code);
    codingCache.set(system, code, found);
    return found;
  };

  const namesCache = new BoundedCache<readonly NameMatch[]>();
  const matchNames = (kind: ConceptKind, text: string): readonly NameMatch[] => {
    const entry = nameRegex.get(kind);
    if (entry === undefined || text === '') return EMPTY_NAMES;
    const known = namesCache.get(kind, text);
    if (known !== undefined) return known;
    const lower = text.toLowerCase();
    const out: NameMatch[] = [];
    for (const m of lower.matchAll(entry.re)) {
      const hit = entry.byPattern.get(m[0]);
      if (hit !== undefined) out.push(Object.freeze({ concept: hit.concept, name: hit.name, index: m.index }));
    }
    const found = out.length === 0 ? EMPTY_NAMES : Object.freeze(out);
    namesCache.set(kind, text, found);
    return found;
  };

  return Object.freeze({
    ...(file.version === undefined ? {} : { version: file.version }),
    ...(site === undefined ? {} : { site }),
    concepts,
    prednisoloneEquivalents: new Map(Object.entries(file.prednisoloneEquivalents)),
    matchCoding,
    systemKey,
    matchNames,
  });
}

/**
 * An SKS diagnosis code is `D` + the WHO ICD-10 code without its dot (terminology.md §1–2): every
 * ICD-10 (WHO/DK) binding matches its SKS form too, where the SKS table has none of its own for
 * that concept and code — K10.2, J43, F50.1 have no SKS row, and DK102, DJ43, DF501 had matched
 * nothing. Not ICD-10-CM: its codes are not SKS's.
 */
function sksReadsIcd10(tables: ReadonlyMap<string, SystemTables>): void {
  const icd10 = tables.get('icd10');
  const sks = tables.get('sks');
  if (icd10 === undefined || sks === undefined) return;
  const copy = (from: Map<string, CodingMatch[]>, to: Map<string, CodingMatch[]>): void => {
    for (const [code, matches] of from) {
      const list = to.get(code) ?? [];
      for (const m of matches) if (!list.some((known) => known.concept === m.concept)) list.push(Object.freeze({ ...m, systemKey: 'sks' }));
      if (list.length > 0) to.set(code, list);
    }
  };
  copy(icd10.exact, sks.exact);
  copy(icd10.prefix, sks.prefix);
  sks.maxPrefix = Math.max(sks.maxPrefix, icd10.maxPrefix);
}

function deepFreezeConcept(concept: Concept): Concept {
  Object.freeze(concept.codings);
  for (const n of concept.names) Object.freeze(n);
  Object.freeze(concept.names);
  return Object.freeze(concept);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The codes (no system) of every observation concept, sorted and de-duplicated: the discovery
 * `Observation?code=` list of the prefetch templates is generated from this.
 */
export function observationSearchCodes(t: Terminology): string[] {
  const codes = new Set<string>();
  for (const concept of t.concepts.values()) {
    if (concept.kind !== 'observation') continue;
    for (const coding of concept.codings) codes.add(coding.code.trim());
  }
  return [...codes].sort();
}
