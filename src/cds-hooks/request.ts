/**
 * CDS Hooks 2.0.1 request model ({@link https://cds-hooks.hl7.org/2.0/#http-request_1}) as zod
 * schemas, one per hook, from which the TypeScript types are derived.
 *
 * Validated: what the service relies on. Tolerated: what real clients send that the spec does not
 * quite allow (the sandbox's `draftOrders` without `Bundle.type`, unknown fields and extensions,
 * any resource content: the facts stage reads resources tolerantly).
 */
import { z } from 'zod';
import { PREFETCH_KEYS } from '../contract/prefetch-keys.js';
import type { Hook } from '../contract/services.js';
import { isSecureOrLoopbackUrl } from '../shared/url.js';

/** FHIR `id`: it is substituted into FHIR URLs, so nothing else may pass. */
const fhirId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id ([A-Za-z0-9-.]{1,64})');
/** `Type/id` reference (hook invariant ord-1, loosened to any FHIR id). */
const relativeReference = z.string().regex(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/, 'must be a reference such as MedicationRequest/123');

/** Any FHIR resource: an object with a resourceType; its content is the facts stage's business. */
export const resourceSchema = z.looseObject({ resourceType: z.string().min(1, 'must be a FHIR resource type') });

/** A Bundle in the context (`draftOrders`, `medications`): `type` is not required (the sandbox omits it). */
const contextBundle = z.looseObject({
  resourceType: z.literal('Bundle', { error: 'must be a FHIR Bundle' }),
  entry: z.array(z.unknown(), { error: 'must be an array' }).optional(),
});

const baseContext = {
  userId: z.string().min(1, 'must be a non-empty string'),
  patientId: fhirId,
  encounterId: z.string().min(1).optional(),
};

/** Hook context definitions (HL7/cds-hooks-library 1.0). */
export const contextSchemas = {
  'patient-view': z.looseObject(baseContext),
  'order-select': z.looseObject({
    ...baseContext,
    selections: z.array(relativeReference).min(1, 'must name at least one draft order'),
    draftOrders: contextBundle,
  }),
  'order-sign': z.looseObject({ ...baseContext, draftOrders: contextBundle }),
  'medication-prescribe': z.looseObject({ ...baseContext, medications: contextBundle }),
} as const satisfies Record<Hook, z.ZodType>;

export type HookContext<H extends Hook> = z.infer<(typeof contextSchemas)[H]>;

/** {@link https://cds-hooks.hl7.org/2.0/#fhir-resource-access} — only the token is used; it is never stored or logged. */
const fhirAuthorizationSchema = z.looseObject({
  access_token: z.string().min(1, 'must be a non-empty string'),
  token_type: z
    .string()
    .refine((t) => t.toLowerCase() === 'bearer', 'must be Bearer')
    .optional(),
  expires_in: z.number().optional(),
  scope: z.string().optional(),
  subject: z.string().optional(),
  patient: z.string().optional(),
});

/** A prefetch value: a FHIR resource (often a Bundle or an OperationOutcome), or null = "no data". */
const prefetchValue = z.union([resourceSchema, z.null()], { error: 'must be a FHIR resource or null' });

/**
 * Only the keys we ask for are checked; others are ignored (the spec lets clients send only ours).
 * A `prefetch: null` (not allowed by the spec's JSON rules, but seen) counts as no prefetch at all.
 */
const prefetchSchema = z
  .looseObject(Object.fromEntries(PREFETCH_KEYS.map((k) => [k, prefetchValue.optional()])))
  .nullable()
  .optional();

/** The longest hookInstance taken (the route also names calls by it before they are parsed). */
export const HOOK_INSTANCE_MAX_CHARS = 256;

/** The longest fhirServer taken: a base URL, not free text (its host goes into every audit entry). */
export const FHIR_SERVER_MAX_CHARS = 2048;

/** The request fields every hook shares (the hook name and the context differ). */
const requestFields = {
  hookInstance: z.string().min(1, 'must be a non-empty string (a UUID)').max(HOOK_INSTANCE_MAX_CHARS, `must be at most ${HOOK_INSTANCE_MAX_CHARS} characters`),
  fhirServer: z
    .url({ error: 'must be an absolute URL' })
    .max(FHIR_SERVER_MAX_CHARS, `must be at most ${FHIR_SERVER_MAX_CHARS} characters`)
    .refine(isSecureOrLoopbackUrl, 'must be https (plain http only on loopback hosts)')
    .optional(),
  fhirAuthorization: fhirAuthorizationSchema.optional(),
  prefetch: prefetchSchema,
};

function hookName<H extends Hook>(hook: H): z.ZodLiteral<H> {
  return z.literal(hook, { error: `must be "${hook}" for this service` });
}

/**
 * cds-r-1: fhirServer is REQUIRED when fhirAuthorization is present. A `refine`, not a
 * `superRefine`: on Node 20 a `superRefine` on the request made V8 promote every parsed body to
 * the old generation (6.7 of 7.5 MB allocated between collections, against 0.05 MB with `refine`),
 * so each call cost a share of a major collection.
 */
function fhirServerWithAuthorization(req: { readonly fhirServer?: string; readonly fhirAuthorization?: unknown }): boolean {
  return req.fhirAuthorization === undefined || req.fhirServer !== undefined;
}
const FHIR_SERVER_REQUIRED = { path: ['fhirServer'], message: 'is required when fhirAuthorization is present' };

export const requestSchemas = {
  'patient-view': z
    .looseObject({ hook: hookName('patient-view'), ...requestFields, context: contextSchemas['patient-view'] })
    .refine(fhirServerWithAuthorization, FHIR_SERVER_REQUIRED),
  'order-select': z
    .looseObject({ hook: hookName('order-select'), ...requestFields, context: contextSchemas['order-select'] })
    .refine(fhirServerWithAuthorization, FHIR_SERVER_REQUIRED),
  'order-sign': z
    .looseObject({ hook: hookName('order-sign'), ...requestFields, context: contextSchemas['order-sign'] })
    .refine(fhirServerWithAuthorization, FHIR_SERVER_REQUIRED),
  'medication-prescribe': z
    .looseObject({ hook: hookName('medication-prescribe'), ...requestFields, context: contextSchemas['medication-prescribe'] })
    .refine(fhirServerWithAuthorization, FHIR_SERVER_REQUIRED),
} as const satisfies Record<Hook, z.ZodType>;

export type HookRequest<H extends Hook = Hook> = z.infer<(typeof requestSchemas)[H]>;
export type PrefetchValues = NonNullable<HookRequest['prefetch']>;
