/**
 * The steps of a hook call between its parsed body and its answer that need nothing of express:
 * validate the request for the service's hook, check its sizes, take the draft orders, decide
 * whether its FHIR server may be asked, and say why a prefetch failed. The hook route
 * (routes/hooks.ts) runs them on the event loop; the call worker (call-worker.ts) runs the same
 * steps on a call's bytes, so both give the same answers and the same errors.
 */
import { draftsFromContext } from '../cds-hooks/drafts.js';
import { requestSchemas, type HookRequest } from '../cds-hooks/request.js';
import type { Config } from '../config.js';
import type { Hook } from '../contract/services.js';
import type { DraftResource } from '../prefetch/types.js';
import { fhirServerAccess, loggableServer } from '../prefetch/fhir-servers.js';
import type { PrefetchResult } from '../prefetch/resolve.js';
import { fhirServerHost } from './audit.js';
import { preconditionFailed, type HttpError } from './errors.js';
import { checkDraftCount, checkPrefetchSize } from './limits.js';
import { parseBody } from './validation.js';

/** What the audit log keeps of a call once its request is valid (no patient data). */
export interface HookCallIdentity {
  readonly hookInstance: string;
  readonly fhirServerHost: string;
}

/** A FHIR server named by the call but not on its issuer's allowlist: never contacted, logged. */
export interface ServerNotAllowed {
  readonly fhirServer: string;
  readonly issuer: string | undefined;
  readonly reason: string;
}

export interface ValidCall {
  readonly request: HookRequest;
  readonly drafts: readonly DraftResource[];
  /** The FHIR server the call may ask (undefined: answered from its prefetch alone). */
  readonly fhirServer: string | undefined;
  readonly accessToken: string | undefined;
  /** Its host is resolved through the address guard (a server named by a DNS name on an allowlist). */
  readonly guardAddresses: boolean;
  readonly notAllowed?: ServerNotAllowed;
}

type CallConfig = Pick<Config, 'maxResourcesPerKey' | 'maxDraftOrders' | 'trustedIssuers'>;

/**
 * The request validated (400), its identity handed to `identified` as soon as it is known (the
 * audit log names the hook instance of a call refused later), its sizes checked (413).
 */
export function validateCall(hook: Hook, body: unknown, config: CallConfig, issuer: string | undefined, identified: (identity: HookCallIdentity) => void): ValidCall {
  const request = parseBody(requestSchemas[hook], body);
  identified({ hookInstance: request.hookInstance, fhirServerHost: fhirServerHost(request.fhirServer) });
  checkPrefetchSize(request.prefetch ?? undefined, config.maxResourcesPerKey);
  const drafts = draftsFromContext(hook, request.context);
  checkDraftCount(drafts.length, config.maxDraftOrders);
  const access = request.fhirServer === undefined ? undefined : fhirServerAccess(request.fhirServer, config.trustedIssuers, issuer);
  const allowed = access?.allowed === true;
  return {
    request,
    drafts,
    fhirServer: allowed ? request.fhirServer : undefined,
    accessToken: allowed ? request.fhirAuthorization?.access_token : undefined,
    guardAddresses: access?.allowed === true && access.guardAddresses,
    ...(access?.allowed === false && request.fhirServer !== undefined ? { notAllowed: { fhirServer: loggableServer(request.fhirServer), issuer, reason: access.reason } } : {}),
  };
}

/**
 * The 412 says which data could not be had, never why: a reason (a timeout, a status code, a
 * refused connection) would let a caller map what the service can reach. The log has the reasons.
 */
export function prefetchFailure(result: Extract<PrefetchResult, { ok: false }>): HttpError {
  if (result.failure === 'patient') {
    return preconditionFailed('The Patient could not be obtained, neither from prefetch.patient nor from a FHIR server.', 'prefetch.patient');
  }
  return preconditionFailed('Only the Patient could be obtained: the data of the other prefetch keys could not be had.', 'prefetch');
}

/** The prefetch's problems as the request log names them (key and reason, no URLs or ids). */
export function problemsOf(result: PrefetchResult): string[] {
  return result.problems.map((p) => `${p.key}: ${p.reason}`);
}
