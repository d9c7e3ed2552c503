/**
 * Typed `res.locals` for this service: the request id, the per-request logger, and the fields a
 * route adds to the one log line written when the response finishes.
 */
import type { Logger } from 'pino';
import type { RequestTrace } from '../observability/spans.js';
import type { Response } from 'express';
import type { AuditEntry, Caller } from '../store/store.js';
import type { RawBody } from './json-pieces.js';
import type { JsonShape } from './json-shape.js';

/** Safe-to-log facts about a request (never patient data, bodies or tokens). */
export interface RequestLogFields {
  serviceId?: string;
  cards?: number;
  topics?: readonly string[];
  unavailable?: readonly string[];
  prefetchProblems?: readonly string[];
  feedbackItems?: number;
  feedbackInserted?: number;
  errorCode?: string;
  /** `iss` of the verified client JWT (best practices: iss, tenant and jti may be logged). */
  issuer?: string;
}

declare module 'express-serve-static-core' {
  interface Locals {
    requestId: string;
    log: Logger;
    logFields: RequestLogFields;
    /** The request's trace (src/http/observe.ts): passed on to FHIR fetches. */
    trace: RequestTrace;
    /** Who calls, from the verified JWT (absent without authentication): FHIR-server allowlist, rate-limit key. */
    caller?: { readonly issuer: string; readonly tenant?: string };
    /** The verified JWT's jti (absent without authentication): the audit log. */
    jti?: string;
    /** The JSON body's shape, read while it arrived (limits.ts `checkBodyShapeWhileReading`); `checkBodyShape` applies it. */
    bodyShape?: JsonShape;
    /** The JSON body's depth, string lengths and caps were checked on its bytes (limits.ts `checkBodyShape`). */
    bodyShapeChecked?: boolean;
    /** The longest string in the JSON body, in bytes as written (checkBodyShape): calls with long free text are evaluated in the worker pool. */
    longestStringBytes?: number;
    /** A hook call's body, read and checked but not parsed (json-body.ts `defer`): the route parses it, or the call worker does. */
    rawBody?: RawBody;
    /** When the request's time budget ends (limits.ts `deadlineClock`, `requestTimeout`): the call worker does not start a call past it. */
    deadline?: number;
    /** What the audit log keeps of a hook call (src/http/audit.ts), filled by the hook route as it learns it. */
    hookCall?: { hookInstance: string; fhirServerHost: string; cards: AuditEntry['cards'][number][] };
  }
}

/** The caller as the store keys its rows: issuer and tenant, `''` where there is none (no JWT, no tenant claim). */
export function storeCaller(res: Response): Caller {
  return { issuer: res.locals.caller?.issuer ?? '', tenant: res.locals.caller?.tenant ?? '' };
}
