/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/) without any tracing library: read a
 * request's `traceparent`, and make the `traceparent` of an outgoing call in the same trace (the
 * same trace id and flags, a new parent id). Used when OpenTelemetry is off (the default).
 */
import { randomBytes } from 'node:crypto';

export interface TraceParent {
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: string;
}

// Version 00 is exactly 55 characters; a later version may append fields, which we ignore (§ 4.3).
const TRACEPARENT = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})(-.*)?$/;

/** The parsed header, or undefined when it is absent or invalid (then it is ignored, as § 3.2.2 asks). */
export function parseTraceparent(header: string | undefined): TraceParent | undefined {
  const match = TRACEPARENT.exec(header?.trim() ?? '');
  if (match === null) return undefined;
  const [, version, traceId, parentId, flags, rest] = match;
  if (version === undefined || traceId === undefined || parentId === undefined || flags === undefined) return undefined;
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { traceId, parentId, flags };
}

/** `traceparent` for a call made on behalf of `parent`: same trace, a fresh span id. */
export function childTraceparent(parent: TraceParent): string {
  return `00-${parent.traceId}-${randomBytes(8).toString('hex')}-${parent.flags}`;
}
