/**
 * The format of a terminology bindings file (the built-in `bindings.json` and a site's
 * `CDS_TERMINOLOGY` file), as zod schemas. A site file has the same shape with everything
 * optional: it may add codings (and names) to existing concepts, add concepts, and add system
 * URIs; it cannot remove anything.
 */
import { z } from 'zod';

export const CONCEPT_KINDS = ['observation', 'answer', 'condition', 'medication', 'relationship', 'procedure'] as const;
export type ConceptKind = (typeof CONCEPT_KINDS)[number];

/**
 * The unit family of an observation concept (units.ts converts each to its canonical unit).
 * `score` is unitless (T/Z-scores); `count` a plain number (falls in the past year).
 */
export const MEASURES = [
  'egfr',
  'creatinine',
  'calcium',
  'vitamin-d',
  'albumin',
  'p1np',
  'ctx',
  'height',
  'weight',
  'bmi',
  'bmd',
  'score',
  'alcohol',
  'count',
] as const;
export type Measure = (typeof MEASURES)[number];

/** How codes of a system are normalised before matching (both sides: bindings and data). */
export const NORMALISATIONS = ['upper', 'icd', 'sks'] as const;
export type Normalisation = (typeof NORMALISATIONS)[number];

const nonEmpty = z.string().trim().min(1);

export const codingBindingSchema = z.strictObject({
  system: nonEmpty,
  code: nonEmpty,
  match: z.enum(['exact', 'prefix']),
  /** Weak evidence only (ICPC-2). */
  weak: z.literal(true).optional(),
  /**
   * A catch-all or broad code (terminology.json note "non-specific": ICPC-2 T99, U99, D99, A29; note
   * "broad": D84 "sygdom i spiserør") that stands for this concept among many others: by itself
   * never the concept (terminology.md l. 42, "use them only as weak evidence"); the GP's own text
   * under it may name the concept (`names`).
   */
  nonSpecific: z.literal(true).optional(),
  /**
   * A broad code that stands for the concept unless the Condition's own affirmed text names another
   * disease under it (lower-case substrings): ICPC-2 D84 "sygdom i spiserør" is read as oesophageal
   * disease (terminology.md binds it, *broad*) — but not "D84 Refluks", which delays no emptying.
   */
  unlessNamed: z.array(nonEmpty).optional(),
  /**
   * Words that name the concept's own site (lower-case substrings): with one in the text,
   * `unlessNamed` does not apply — "Kæbenekrose; tidl. femurfraktur" under M87.1 is the jaw.
   */
  unlessNamedKeep: z.array(nonEmpty).optional(),
  display: z.string().optional(),
  confidence: z.enum(['high', 'medium', 'low']).optional(),
  /**
   * Observation codes that give way, on the same day, to a result of a code of the concept with a
   * lower rank (none: 0): a fraction beside its total (25-OH-D3 1989-3 / 14635-7 beside 25-OH-D2+D3),
   * the legacy MDRD eGFR beside CKD-EPI (1), an eGFR "among blacks" beside the unadjusted one of the
   * same blood sample (48643-1, 88293-6: 2).
   */
  sameDayRank: z.number().int().min(1).max(9).optional(),
  /** Observation codes that define their unit (NPU03794 height is in metres): used when a value has none. */
  impliedUnit: nonEmpty.optional(),
  /** Medication products: strength in mg per unit (tablet). */
  strengthMg: z.number().positive().optional(),
  /** Glucocorticoids: the ingredient, for its prednisolone equivalent. */
  ingredient: nonEmpty.optional(),
  /** Combination products: the other drugs (concept ids) they contain. */
  alsoContains: z.array(nonEmpty).optional(),
});
export type CodingBinding = z.infer<typeof codingBindingSchema>;

export const nameBindingSchema = z.union([
  nonEmpty,
  z.strictObject({
    text: nonEmpty,
    ingredient: nonEmpty.optional(),
    /** Matched as a whole word only ("stroke" not in "heatstroke", "stemi" not in "nstemi"). */
    word: z.literal(true).optional(),
    /**
     * Read only to lift a `nonSpecific` code of the same concept on the same Condition ("T99 Primær
     * hyperparathyreoidisme", "D84 Peptisk striktur"): alone the words name no disease of the
     * patient's ("Mor med cøliaki", "Urethrastriktur", "Spinalstenose").
     */
    underNonSpecificCode: z.literal(true).optional(),
  }),
]);

export const systemSchema = z.strictObject({
  uris: z.array(nonEmpty).min(1),
  normalise: z.enum(NORMALISATIONS),
});

export const conceptSchema = z.strictObject({
  kind: z.enum(CONCEPT_KINDS),
  display: z.string().optional(),
  measure: z.enum(MEASURES).optional(),
  /** Text patterns (lower-case substrings; whole words for relationships and names marked `word`), the last resort. */
  names: z.array(nameBindingSchema).optional(),
  codings: z.array(codingBindingSchema),
});

export const bindingsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.string().optional(),
  systems: z.record(nonEmpty, systemSchema),
  prednisoloneEquivalents: z.record(nonEmpty, z.number().positive()),
  concepts: z.record(nonEmpty, conceptSchema),
});
export type BindingsFile = z.infer<typeof bindingsFileSchema>;

/** A site file: the same shape, everything optional (kind required only for new concepts). */
export const siteFileSchema = z.strictObject({
  $comment: z.string().optional(),
  version: z.string().optional(),
  systems: z.record(nonEmpty, systemSchema).optional(),
  prednisoloneEquivalents: z.record(nonEmpty, z.number().positive()).optional(),
  concepts: z
    .record(
      nonEmpty,
      z.strictObject({
        kind: z.enum(CONCEPT_KINDS).optional(),
        display: z.string().optional(),
        measure: z.enum(MEASURES).optional(),
        names: z.array(nameBindingSchema).optional(),
        codings: z.array(codingBindingSchema).optional(),
      }),
    )
    .optional(),
});
export type SiteFile = z.infer<typeof siteFileSchema>;

/** Every problem of a zod result as `path: message` lines. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`);
}
