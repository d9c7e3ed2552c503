/**
 * Untrusted JSON, as every stage meets it: a request body, a prefetch Bundle, a record's resource.
 * Checks that never throw, so no shape of input can make a stage crash.
 */

export type JsonObject = Readonly<Record<string, unknown>>;

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON object with a `resourceType`; nothing else about it is guaranteed. */
export interface UntrustedResource {
  readonly resourceType: string;
  readonly [key: string]: unknown;
}

export function isResource(value: unknown): value is UntrustedResource {
  return isRecord(value) && typeof value.resourceType === 'string' && value.resourceType !== '';
}
