/**
 * The one error vocabulary of the HTTP layer: `HttpError` plus factories. Every error answer is a
 * FHIR R4 OperationOutcome (`issue[].severity, code, diagnostics, expression`), carries the
 * request id (extension `urn:osteo-cds:request-id`, and the `x-request-id` header), and never a
 * stack trace. Route code throws; the one error handler (`error-handler.ts`) answers.
 */

/** FHIR R4 OperationOutcome.issue (only the parts we fill). */
export interface OutcomeIssue {
  readonly severity: 'fatal' | 'error' | 'warning' | 'information';
  /** FHIR IssueType code (http://hl7.org/fhir/issue-type). */
  readonly code: string;
  readonly diagnostics?: string;
  /** FHIRPath-like locations of the offending fields, e.g. `context.patientId`. */
  readonly expression?: readonly string[];
}

export interface OperationOutcome {
  readonly resourceType: 'OperationOutcome';
  readonly extension?: readonly { readonly url: string; readonly valueString: string }[];
  readonly issue: readonly OutcomeIssue[];
}

export const REQUEST_ID_EXTENSION = 'urn:osteo-cds:request-id';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly issues: readonly OutcomeIssue[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(issues[0]?.diagnostics ?? `HTTP ${status}`);
    this.name = 'HttpError';
  }
}

const issue = (code: string, diagnostics: string | undefined, expression?: string): OutcomeIssue => ({
  severity: 'error',
  code,
  ...(diagnostics === undefined ? {} : { diagnostics }),
  ...(expression === undefined ? {} : { expression: [expression] }),
});

/** 400: a malformed request; `expression` names the offending field when there is one. */
export function badRequest(detail: string, expression?: string): HttpError {
  return new HttpError(400, [issue('invalid', detail, expression)]);
}

/** 400 with several issues at once (schema failures report every bad field). */
export function badRequestIssues(issues: readonly { readonly detail: string; readonly expression?: string }[]): HttpError {
  return new HttpError(
    400,
    issues.map((i) => issue('invalid', i.detail, i.expression)),
  );
}

/** 401: no detail about why (CDS Hooks best practice). */
export function unauthorized(): HttpError {
  return new HttpError(401, [issue('login', undefined)], { 'WWW-Authenticate': 'Bearer' });
}

export function notFound(detail: string): HttpError {
  return new HttpError(404, [issue('not-found', detail)]);
}

export function methodNotAllowed(allow: readonly string[]): HttpError {
  return new HttpError(405, [issue('not-supported', `Method not allowed; use ${allow.join(', ')}`)], { Allow: allow.join(', ') });
}

/** 412: data the service needs cannot be had (CDS Hooks 2.0 "Prefetch", SHALL). */
export function preconditionFailed(detail: string, expression?: string): HttpError {
  return new HttpError(412, [issue('processing', detail, expression)]);
}

export function payloadTooLarge(detail: string): HttpError {
  return new HttpError(413, [issue('too-long', detail)]);
}

/** 503: the call did not finish within its time budget (CDS_REQUEST_TIMEOUT_MS). */
export function overTimeBudget(): HttpError {
  return new HttpError(503, [issue('timeout', 'The request could not be answered within its time budget (CDS_REQUEST_TIMEOUT_MS).')]);
}

/** 429: past the caller's rate limit (CDS_RATE_LIMIT_PER_MIN); `retryAfterS` seconds until the window resets. */
export function tooManyRequests(retryAfterS: string): HttpError {
  return new HttpError(429, [issue('throttled', 'Too many calls from this caller; retry after the time in Retry-After (CDS_RATE_LIMIT_PER_MIN).')], { 'Retry-After': retryAfterS });
}

/** 503: more calls in flight than CDS_MAX_CONCURRENT_CALLS; retry in a second. */
export function serviceBusy(): HttpError {
  return new HttpError(503, [issue('transient', 'The service is busy; retry after the time in Retry-After (CDS_MAX_CONCURRENT_CALLS).')], { 'Retry-After': '1' });
}

/** 500: a generic body; what went wrong is in the log, never in the answer. */
export function internalError(): HttpError {
  return new HttpError(500, [issue('exception', 'Internal error; quote the request id when reporting it.')]);
}

export function operationOutcome(error: HttpError, requestId: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    extension: [{ url: REQUEST_ID_EXTENSION, valueString: requestId }],
    issue: error.issues,
  };
}
