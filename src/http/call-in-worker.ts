/**
 * A whole hook call answered in the call worker, from the bytes of its body: parse, validate,
 * prefetch, evaluate, the answer's JSON. The event loop then only reads the request and writes
 * the answer; on two cores the call's CPU work runs beside the next request's reading and
 * writing instead of after it (issue 18: at concurrency 8 the one thread was saturated).
 *
 * The steps are those of the hook route (hook-call.ts, the engine, the same prefetch), so answers
 * and errors are the same as on the event loop. What the worker does not do, it hands back:
 * - a call whose prefetch needs its FHIR server (a key missing, unavailable or paged) is answered
 *   on the event loop (`on-event-loop`), where the fetches are traced, metered and guarded;
 * - an error is handed back as its status and issues, and the route answers it as it would its own.
 */
import { summariseCards, type CardSummary } from '../cds-hooks/card-summary.js';
import type { Engine, OverviewSnapshot } from '../cds-hooks/evaluator.js';
import type { Config } from '../config.js';
import type { Language } from '../contract/language.js';
import type { PrefetchKey } from '../contract/prefetch-keys.js';
import { findService } from '../contract/services.js';
import { resolvePrefetch } from '../prefetch/resolve.js';
import { HttpError, type OutcomeIssue } from './errors.js';
import { prefetchFailure, problemsOf, validateCall, type HookCallIdentity, type ServerNotAllowed } from './hook-call.js';
import { parseJsonBody } from './json-pieces.js';
import { deadlineClock } from './limits.js';

/** main → call worker: one hook call. */
export interface CallTask {
  readonly serviceId: string;
  /** The body's bytes (UTF-8, checked by the shape scan) and its pieces (json-pieces.ts). */
  readonly bytes: Uint8Array;
  readonly pieces: readonly number[] | undefined;
  /** The verified JWT's issuer: which FHIR servers the call may name. */
  readonly issuer: string | undefined;
  readonly now: Date;
  readonly language: Language;
  readonly baseUrl: string | undefined;
  /** The id the overview snapshot is kept under, when the cards may link to it. */
  readonly seenId: string | undefined;
  /**
   * When the call's time budget ends (limits.ts `deadlineClock`): past it the call has its 503 (or is
   * about to), so the worker does not start it (`expired`) — under overload it catches up instead of
   * making answers nobody waits for.
   */
  readonly deadline?: number;
}

/** What the request log and the audit log learn of a call. */
interface CallLog {
  readonly identity?: HookCallIdentity;
  readonly notAllowed?: ServerNotAllowed;
  readonly prefetchProblems?: readonly string[];
}

/** call worker → main. */
export type CallReply =
  | (CallLog & {
      readonly kind: 'answer';
      /** The answer ({"cards": […]}) as UTF-8 JSON. */
      readonly json: Uint8Array;
      readonly cards: readonly CardSummary[];
      readonly unavailable: readonly string[];
      /** The overview snapshot follows in a message of its own (made after the answer). */
      readonly snapshotFollows: boolean;
    })
  | (CallLog & { readonly kind: 'refused'; readonly status: number; readonly issues: readonly OutcomeIssue[]; readonly headers: Readonly<Record<string, string>> })
  /** Not a JSON object or array: the 400 of json-body.ts. */
  | { readonly kind: 'invalid-json' }
  /** Its time budget ended before the worker came to it (`deadline`). */
  | { readonly kind: 'expired' }
  /** Its prefetch needs the FHIR server: answered on the event loop instead. */
  | (CallLog & { readonly kind: 'on-event-loop' });

export interface CallWorkerDeps {
  readonly engine: Engine;
  readonly config: Config;
  readonly templates: Readonly<Record<PrefetchKey, string>>;
}

/** Its arrays have buffers of their own (Buffer.from may give a slice of a shared pool), so the worker can hand them over. */
const encoder = new TextEncoder();

/** Thrown by the stand-in fetch: the call needs its FHIR server. */
class NeedsServer extends Error {
  override readonly name = 'NeedsServer';
}

/**
 * Answers one call; `snapshot` is called with what makes the overview snapshot when a card got
 * the app links (the worker makes it once the reply has been sent).
 */
export async function answerCall(task: CallTask, deps: CallWorkerDeps, snapshot: (make: () => OverviewSnapshot) => void): Promise<CallReply> {
  // Not an estimate of whether it would end in time: one (time per byte) had refused calls that would have.
  if (task.deadline !== undefined && deadlineClock() >= task.deadline) return { kind: 'expired' };
  let body: unknown;
  try {
    body = parseJsonBody(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.pieces);
  } catch {
    return { kind: 'invalid-json' };
  }
  const service = findService(task.serviceId);
  if (service === undefined) throw new Error('the call worker was sent an unknown service');
  let log: CallLog = {};
  try {
    const call = validateCall(service.hook, body, deps.config, task.issuer, (identity) => (log = { identity }));
    if (call.notAllowed !== undefined) log = { ...log, notAllowed: call.notAllowed };
    let needsServer = false;
    const prefetch = await resolvePrefetch(
      { context: call.request.context, prefetch: call.request.prefetch ?? undefined, fhirServer: call.fhirServer, accessToken: call.accessToken, drafts: call.drafts },
      {
        templates: deps.templates,
        timeoutMs: deps.config.fhirTimeoutMs,
        maxBytes: deps.config.bodyLimitBytes,
        maxResources: deps.config.maxResourcesPerKey,
        // Any fetch at all: the event loop answers the call, with the server's real fetch.
        fetch: () => {
          needsServer = true;
          return Promise.reject(new NeedsServer('fetched on the event loop'));
        },
      },
    );
    if (needsServer) return { kind: 'on-event-loop', ...log };
    log = { ...log, prefetchProblems: problemsOf(prefetch) };
    if (!prefetch.ok) throw prefetchFailure(prefetch);
    let make: (() => OverviewSnapshot) | undefined;
    const response = deps.engine.evaluate({
      ruleSet: service.ruleSet,
      data: prefetch.data,
      drafts: call.drafts,
      now: task.now,
      language: task.language,
      baseUrl: task.baseUrl,
      ...(task.seenId === undefined ? {} : { overview: { seenId: task.seenId, keep: (m: () => OverviewSnapshot) => (make = m) } }),
    });
    if (make !== undefined) snapshot(make);
    return { kind: 'answer', ...log, json: encoder.encode(JSON.stringify(response)), cards: summariseCards(response.cards), unavailable: prefetch.data.unavailable, snapshotFollows: make !== undefined };
  } catch (err) {
    if (err instanceof HttpError) return { kind: 'refused', ...log, status: err.status, issues: err.issues, headers: err.headers };
    throw err;
  }
}
