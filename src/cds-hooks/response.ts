/**
 * CDS Hooks 2.0.1 response model ({@link https://cds-hooks.hl7.org/2.0/#cds-service-response}),
 * as a zod schema from which the TypeScript types are derived, plus the spec's card invariants
 * (3.0 ballot `cds-resp-*`, which 2.0 already states in prose). Tests run every response through
 * `validateResponse`, so a card that breaks the spec fails a test instead of an EHR.
 */
import { z } from 'zod';

/** Spec: elements SHALL NOT be empty strings. */
const text = z.string().min(1);
const absoluteUrl = z.url();

export const codingSchema = z.strictObject({
  system: text,
  code: text,
  display: text.optional(),
});

/** Any FHIR resource: an object with a resourceType (its content is the FHIR spec's business). */
const fhirResource = z.looseObject({ resourceType: text });

/** {@link https://cds-hooks.hl7.org/2.0/#action} — `type` discriminates what else is required. */
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create'), description: text, resource: fhirResource }),
  z.strictObject({ type: z.literal('update'), description: text, resource: fhirResource }),
  z.strictObject({ type: z.literal('delete'), description: text, resourceId: text }),
]);

/** {@link https://cds-hooks.hl7.org/2.0/#suggestion} */
export const suggestionSchema = z.strictObject({
  label: text,
  uuid: z.uuid(),
  isRecommended: z.boolean().optional(),
  actions: z.array(actionSchema).min(1).optional(),
});

/** {@link https://cds-hooks.hl7.org/2.0/#link} */
export const linkSchema = z.strictObject({
  label: text,
  url: absoluteUrl,
  type: z.enum(['absolute', 'smart']),
  appContext: text.optional(),
  autolaunchable: z.boolean().optional(),
});

/** {@link https://cds-hooks.hl7.org/2.0/#source} */
export const sourceSchema = z.strictObject({
  label: text,
  url: absoluteUrl.optional(),
  icon: absoluteUrl.optional(),
  topic: codingSchema.optional(),
});

export const CARD_EXTENSION_REASONS = 'osteo-cds.reasons';
export const CARD_EXTENSION_EVIDENCE = 'osteo-cds.evidence';
/** v2: the rules version that produced the card (a string, e.g. "2.0.0"). */
export const CARD_EXTENSION_RULES_VERSION = 'osteo-cds.rules-version';
/** v2 (rules.md section 6): on a folded card, every topic it carries, its own `source.topic.code` first. */
export const CARD_EXTENSION_TOPICS = 'osteo-cds.topics';

/** {@link https://cds-hooks.hl7.org/2.0/#card-attributes} */
export const cardSchema = z
  .strictObject({
    uuid: z.uuid(),
    /** "One-sentence, <140-character summary": counted in characters, not bytes. */
    summary: text.refine((s) => [...s].length < 140, 'summary must be under 140 characters'),
    detail: text.optional(),
    indicator: z.enum(['info', 'warning', 'critical']),
    source: sourceSchema,
    suggestions: z.array(suggestionSchema).min(1).optional(),
    selectionBehavior: z.enum(['at-most-one', 'any']).optional(),
    overrideReasons: z.array(codingSchema.required({ display: true })).min(1).optional(),
    links: z.array(linkSchema).min(1).optional(),
    extension: z.looseObject({
      [CARD_EXTENSION_REASONS]: z.array(text).min(1),
      [CARD_EXTENSION_EVIDENCE]: z.array(text).min(1),
      [CARD_EXTENSION_RULES_VERSION]: text,
      [CARD_EXTENSION_TOPICS]: z.array(text).min(2).optional(),
    }),
  })
  // cds-resp-6: suggestions require selectionBehavior.
  .refine((c) => c.suggestions === undefined || c.selectionBehavior !== undefined, {
    message: 'selectionBehavior is required when suggestions are present',
    path: ['selectionBehavior'],
  })
  // osteo-cds.topics starts with the card's own topic.
  .refine((c) => c.extension[CARD_EXTENSION_TOPICS] === undefined || c.extension[CARD_EXTENSION_TOPICS][0] === c.source.topic?.code, {
    message: 'osteo-cds.topics must start with source.topic.code',
    path: ['extension', CARD_EXTENSION_TOPICS],
  })
  // cds-resp-1: with at-most-one, at most one suggestion may be recommended.
  .refine(
    (c) => c.selectionBehavior !== 'at-most-one' || (c.suggestions ?? []).filter((s) => s.isRecommended === true).length <= 1,
    { message: 'at most one suggestion may be recommended with at-most-one', path: ['suggestions'] },
  );

export const responseSchema = z.strictObject({
  cards: z.array(cardSchema),
  systemActions: z.array(actionSchema).min(1).optional(),
});

export type Coding = z.infer<typeof codingSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type Link = z.infer<typeof linkSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Card = z.infer<typeof cardSchema>;

/**
 * Every topic a card shows: on a folded card its `osteo-cds.topics` (own topic first), else its
 * own topic (`unknown` without one). A folded topic counts as shown wherever cards are counted:
 * statistics, metrics, the request log and the audit log.
 */
export function shownTopics(card: { readonly source: { readonly topic?: { readonly code: string } }; readonly extension: { readonly [CARD_EXTENSION_TOPICS]?: readonly string[] } }): readonly string[] {
  return card.extension[CARD_EXTENSION_TOPICS] ?? [card.source.topic?.code ?? 'unknown'];
}
export type CdsResponse = z.infer<typeof responseSchema>;

const INDICATOR_ORDER = { critical: 0, warning: 1, info: 2 } as const;

export interface ValidationResult {
  readonly valid: boolean;
  readonly problems: readonly string[];
}

/**
 * Our port of the spec's response rules: the schema above, no `null`/empty values anywhere
 * (spec "Use of JSON"), unique card and suggestion uuids, cards ordered critical → warning → info.
 */
export function validateResponse(body: unknown): ValidationResult {
  const problems: string[] = [];
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }
  findEmptyValues(body, '', problems);
  if (parsed.success) {
    const uuids = new Set<string>();
    let lastRank = -1;
    for (const [i, card] of parsed.data.cards.entries()) {
      for (const id of [card.uuid, ...(card.suggestions ?? []).map((s) => s.uuid)]) {
        if (uuids.has(id)) problems.push(`cards.${i}: uuid ${id} is not unique`);
        uuids.add(id);
      }
      const rank = INDICATOR_ORDER[card.indicator];
      if (rank < lastRank) problems.push(`cards.${i}: cards must be ordered critical → warning → info`);
      lastRank = rank;
    }
  }
  return { valid: problems.length === 0, problems };
}

function findEmptyValues(value: unknown, path: string, problems: string[]): void {
  if (value === null) problems.push(`${path}: null is not allowed`);
  else if (value === '') problems.push(`${path}: empty string is not allowed`);
  else if (Array.isArray(value)) {
    if (value.length === 0 && path !== 'cards') problems.push(`${path}: empty array is not allowed`);
    value.forEach((v, i) => findEmptyValues(v, path === '' ? String(i) : `${path}.${i}`, problems));
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) problems.push(`${path}: empty object is not allowed`);
    for (const [k, v] of entries) findEmptyValues(v, path === '' ? k : `${path}.${k}`, problems);
  }
}
