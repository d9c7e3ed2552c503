/**
 * Site settings (CDS_SITE_CONFIG): a JSON file a site writes to tune the service without code —
 * which cards are shown, the freshness windows of lab values, the premenopausal bone-marker means,
 * the other [choice] numbers of `GuidelineSettings`, extra local codes, and the links shown to
 * patients and GPs. Everything is optional; what is left out keeps the card's default.
 *
 * ```json
 * {
 *   "disabledTopics": ["bone-healthy-lifestyle", "dxa-workup-suggested"],
 *   "cardGrouping": "folded",
 *   "freshnessDays": { "egfr": 120 },
 *   "premenopausalMean": { "p1np": 40 },
 *   "dxaWorkupYears": 3,
 *   "terminology": { "concepts": { "p1np": { "codings": [ … ] } } },
 *   "links": { "osteoporoseforeningen": { "url": "https://…", "label": { "da": "…", "en": "…" } } }
 * }
 * ```
 *
 * The file is read and checked once at start. Unknown keys, unknown topics, unknown link keys and
 * numbers out of range are rejected, and every problem is listed at once (one `ConfigError`).
 * `terminology` has the format of a CDS_TERMINOLOGY file and is merged after it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { CardGrouping } from '../cards/compose/fold.js';
import { DEFAULT_LINKS, LINK_KEYS, type LinkDefinition, type LinkKey } from '../cards/links.js';
import type { SiteFiles } from '../config.js';
import { TOPICS, type Topic } from '../contract/topics.js';
import { DEFAULT_SETTINGS, type GuidelineSettings } from '../rules/settings.js';
import builtInBindings from '../terminology/bindings.json' with { type: 'json' };
import { ConfigError } from '../shared/config-error.js';
import { buildTerminology, type Terminology } from '../terminology/index.js';
import { siteFileSchema, type SiteFile } from '../terminology/schema.js';

/** Topics a site may switch off: every card topic except the missing-data card (missing data is always shown). */
export const SWITCHABLE_TOPICS = TOPICS.filter((t): t is Exclude<Topic, 'data-unavailable'> => t !== 'data-unavailable');

const int = (min: number, max: number): z.ZodNumber => z.number().int('must be a whole number').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);
const dec = (min: number, max: number): z.ZodNumber => z.number().gt(min, `must be above ${min}`).max(max, `must be at most ${max}`);
const days = int(1, 3650);

const linkSchema = z
  .strictObject({
    url: z
      .string()
      .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), 'must be an absolute http(s) URL')
      .optional(),
    label: z.strictObject({ da: z.string().min(1).max(200).optional(), en: z.string().min(1).max(200).optional() }).optional(),
  })
  .refine((l) => l.url !== undefined || l.label !== undefined, 'give a url, a label or both');

const linkKeySchema = z.enum(LINK_KEYS, { error: `unknown link key (one of ${LINK_KEYS.join(', ')})` });

export const siteConfigSchema = z.strictObject({
  $comment: z.string().optional(),
  /** rules.md section 6: `folded` (default) folds companion topics onto one card; `separate` gives one card per topic. */
  cardGrouping: z.enum(['folded', 'separate'], { error: 'must be "folded" or "separate"' }).optional(),
  disabledTopics: z.array(z.enum(SWITCHABLE_TOPICS, { error: 'unknown topic, or one that cannot be turned off (data-unavailable)' })).optional(),
  freshnessDays: z
    .strictObject({
      egfr: days.optional(),
      calcium: days.optional(),
      creatinine: days.optional(),
      vitaminD: days.optional(),
      boneMarkerBaseline: days.optional(),
      beforeInfusion: days.optional(),
      beforeInjection: days.optional(),
    })
    .optional(),
  premenopausalMean: z.strictObject({ p1np: dec(0, 1000).optional(), ctx: dec(0, 10).optional() }).optional(),
  menopauseAge: int(30, 70).optional(),
  menFromAge: int(18, 120).optional(),
  heightLossCm: dec(0, 30).optional(),
  lowBmi: dec(10, 30).optional(),
  dxaWorkupYears: int(1, 20).optional(),
  denosumabInfoMonths: int(1, 12).optional(),
  zoledronicDueMonths: int(1, 36).optional(),
  egfrFallingBelow: dec(0, 150).optional(),
  intoleranceDrugsForReferral: int(1, 10).optional(),
  ulcerMonths: int(1, 240).optional(),
  pauseRecentFractureYears: int(1, 20).optional(),
  pauseGlucocorticoidStoppedMonths: int(1, 240).optional(),
  boneMarkerWindowMonths: int(1, 120).optional(),
  alcoholUnitsPerDay: dec(0, 30).optional(),
  terminology: siteFileSchema.optional(),
  links: z.partialRecord(linkKeySchema, linkSchema).optional(),
});

export type SiteConfigFile = z.infer<typeof siteConfigSchema>;

/** What the engine is built with: the defaults of the card with the site's changes merged over them. */
export interface SiteSettings {
  readonly settings: GuidelineSettings;
  readonly links: Readonly<Record<LinkKey, LinkDefinition>>;
  readonly cardGrouping: CardGrouping;
  /** Built in + CDS_TERMINOLOGY + the site file's `terminology`; undefined = neither file given. */
  readonly terminology: Terminology | undefined;
}

function readJsonFile(path: string, what: string): { value?: unknown; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'unreadable';
    return { problem: `${what} ${path}: cannot be read (${code})` };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { problem: `${what} ${path}: is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

function issuePath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(file)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

/**
 * Names every JavaScript object already has (`constructor`, `toString`, `__proto__`, …). As keys of
 * a settings map (a concept, a code system, a link) they would read as the inherited value, or
 * replace an object's prototype, and start-up would crash with a TypeError instead of a listed
 * problem; so they are refused wherever they appear in a site file.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/** A problem for each object key of a parsed JSON file that is a reserved name (walked without recursion). */
export function reservedKeyProblems(value: unknown, where: string): string[] {
  const problems: string[] = [];
  const stack: { readonly value: unknown; readonly path: readonly PropertyKey[] }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const current = next.value;
    if (typeof current !== 'object' || current === null) continue;
    const entries: [PropertyKey, unknown][] = Array.isArray(current) ? current.map((v, i): [PropertyKey, unknown] => [i, v]) : Object.entries(current);
    for (const [key, child] of entries) {
      const path = [...next.path, key];
      if (typeof key === 'string' && RESERVED_KEYS.has(key)) problems.push(`${where}: ${issuePath(path)}: "${key}" is a name JavaScript reserves; choose another`);
      else stack.push({ value: child, path });
    }
  }
  return problems;
}

/** Two terminology site files as one (the second adds to the first, as two merges in a row would). */
export function combineSiteTerminology(a: SiteFile | undefined, b: SiteFile | undefined): SiteFile | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const systems = { ...a.systems };
  for (const [key, spec] of Object.entries(b.systems ?? {})) {
    const existing = systems[key];
    systems[key] = existing === undefined ? spec : { ...existing, uris: [...new Set([...existing.uris, ...spec.uris])] };
  }
  const concepts = { ...a.concepts };
  for (const [id, add] of Object.entries(b.concepts ?? {})) {
    const existing = concepts[id];
    concepts[id] =
      existing === undefined
        ? add
        : {
            kind: add.kind ?? existing.kind,
            display: add.display ?? existing.display,
            measure: add.measure ?? existing.measure,
            names: [...(existing.names ?? []), ...(add.names ?? [])],
            codings: [...(existing.codings ?? []), ...(add.codings ?? [])],
          };
  }
  return { systems, concepts, prednisoloneEquivalents: { ...a.prednisoloneEquivalents, ...b.prednisoloneEquivalents } };
}

/** The site's values over the defaults (pure; the file is already validated). */
export function mergeSiteConfig(file: SiteConfigFile): Omit<SiteSettings, 'terminology'> {
  const { $comment: _c, terminology: _t, links: linkChanges, cardGrouping, disabledTopics, freshnessDays, premenopausalMean, ...numbers } = file;
  const defined = <T extends object>(o: T | undefined): Partial<T> =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
  const settings: GuidelineSettings = {
    ...DEFAULT_SETTINGS,
    ...defined(numbers),
    disabledTopics: [...new Set(disabledTopics ?? DEFAULT_SETTINGS.disabledTopics)],
    freshnessDays: { ...DEFAULT_SETTINGS.freshnessDays, ...defined(freshnessDays) },
    premenopausalMean: { ...DEFAULT_SETTINGS.premenopausalMean, ...defined(premenopausalMean) },
  };
  const links: Record<LinkKey, LinkDefinition> = { ...DEFAULT_LINKS };
  for (const [key, change] of Object.entries(linkChanges ?? {}) as [LinkKey, z.infer<typeof linkSchema>][]) {
    const base = DEFAULT_LINKS[key];
    links[key] = {
      url: change.url ?? base.url,
      label: { da: change.label?.da ?? base.label.da, en: change.label?.en ?? base.label.en },
    };
  }
  return { settings, links, cardGrouping: cardGrouping ?? 'folded' };
}

/** The site settings read and checked: the settings, or every problem of both files. */
export type SiteReading = { readonly ok: true; readonly site: SiteSettings } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Reads CDS_SITE_CONFIG and CDS_TERMINOLOGY once, without throwing, and builds the terminology when
 * either is given (the built-in bindings, then CDS_TERMINOLOGY, then the site file's `terminology`).
 */
export function readSiteSettings(files: SiteFiles): SiteReading {
  const problems: string[] = [];
  let file: SiteConfigFile = {};
  if (files.siteConfigFile !== undefined) {
    const read = readJsonFile(files.siteConfigFile, 'CDS_SITE_CONFIG');
    const reserved = read.problem === undefined ? reservedKeyProblems(read.value, `CDS_SITE_CONFIG ${files.siteConfigFile}`) : [];
    if (read.problem !== undefined) problems.push(read.problem);
    else if (reserved.length > 0) problems.push(...reserved);
    else {
      const parsed = siteConfigSchema.safeParse(read.value);
      if (parsed.success) file = parsed.data;
      else problems.push(...parsed.error.issues.map((i) => `CDS_SITE_CONFIG ${files.siteConfigFile}: ${issuePath(i.path)}: ${i.message}`));
    }
  }
  let terminologyFile: SiteFile | undefined;
  if (files.terminologyFile !== undefined) {
    const read = readJsonFile(files.terminologyFile, 'CDS_TERMINOLOGY');
    const reserved = read.problem === undefined ? reservedKeyProblems(read.value, `CDS_TERMINOLOGY ${files.terminologyFile}`) : [];
    if (read.problem !== undefined) problems.push(read.problem);
    else if (reserved.length > 0) problems.push(...reserved);
    else {
      const parsed = siteFileSchema.safeParse(read.value);
      if (parsed.success) terminologyFile = parsed.data;
      else problems.push(...parsed.error.issues.map((i) => `CDS_TERMINOLOGY ${files.terminologyFile}: ${issuePath(i.path)}: ${i.message}`));
    }
  }
  let terminology: Terminology | undefined;
  if (problems.length === 0 && (terminologyFile !== undefined || file.terminology !== undefined)) {
    const source =
      file.terminology === undefined
        ? `CDS_TERMINOLOGY ${files.terminologyFile ?? ''}`
        : files.terminologyFile === undefined
          ? 'CDS_SITE_CONFIG terminology'
          : 'CDS_TERMINOLOGY with CDS_SITE_CONFIG terminology';
    try {
      terminology = buildTerminology(builtInBindings, combineSiteTerminology(terminologyFile, file.terminology), source);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems.map((p) => `${source}: ${p}`));
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, site: { ...mergeSiteConfig(file), terminology } };
}
