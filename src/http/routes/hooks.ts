/**
 * POST /cds-services/{id} — a service call ({@link https://cds-hooks.hl7.org/2.0/#calling-a-cds-service}):
 * validate the request for the service's hook, resolve the prefetch (412 when the Patient cannot
 * be had), take the draft orders and the language, and hand everything to the engine. The
 * protocol layer knows nothing of osteoporosis: it returns whatever cards the engine made.
 */
import { Router, type Request, type Response } from 'express';
import { HOOK_INSTANCE_MAX_CHARS } from '../../cds-hooks/request.js';
import { shownTopics } from '../../cds-hooks/response.js';
import { summariseCards, type CardSummary } from '../../cds-hooks/card-summary.js';
import type { Config } from '../../config.js';
import type { Engine, EvaluationInput, OverviewLinkInput } from '../../cds-hooks/evaluator.js';
import { fetchThrough, type guardedDispatcher } from '../../prefetch/address-guard.js';
import { resolvePrefetch } from '../../prefetch/resolve.js';
import type { CallReply, CallTask } from '../call-in-worker.js';
import { badRequest, HttpError, methodNotAllowed, notFound, overTimeBudget } from '../errors.js';
import { EvaluationTimeout, TaskDropped, type KeepSnapshot, type OffloadedAnswer, type OffloadedInput } from '../evaluation-pool.js';
import { fhirServerHost } from '../audit.js';
import type { OffloadPolicy } from '../offload-policy.js';
import { prefetchFailure, problemsOf, validateCall, type ServerNotAllowed } from '../hook-call.js';
import { invalidJson, parseRawBody } from '../json-body.js';
import { chooseLanguage } from '../language.js';
import { DRAFTS_PATH } from '../limits.js';
import { sendJson, sendJsonBytes } from '../send-json.js';
import type { PrefetchKey } from '../../contract/prefetch-keys.js';
import { findService, type Hook } from '../../contract/services.js';

export interface HookRouteDeps {
  readonly config: Config;
  readonly engine: Engine;
  readonly templates: Readonly<Record<PrefetchKey, string>>;
  readonly clock: () => Date;
  /** "Now" of one request when it may be set per request (X-Osteo-Now with CDS_PREVIEW_CLOCK=on); undefined = `clock`. */
  readonly requestNow?: (req: Request) => Date | undefined;
  /** The fetch one request's FHIR-server calls use (trace context, metrics); default the global fetch. */
  readonly fetchFor?: (res: Response) => typeof fetch;
  /** Connections whose DNS answers must be public addresses (allowlisted servers named by a DNS name). */
  readonly guardedDispatcher?: ReturnType<typeof guardedDispatcher>;
  /** Hands the cards of each answer on (issued-card statistics); must not throw. */
  readonly onCards?: (serviceId: string, cards: readonly CardSummary[], req: Request, res: Response) => void;
  /** Where the overview app is and how a call's snapshot is kept (the cards' app links); undefined: no links. */
  readonly overviewLinks?: (req: Request) => OverviewLinks | undefined;
  /**
   * Evaluation in a worker thread for calls with at least `minDrafts` draft orders or a string of
   * at least `minStringBytes` in the body (evaluation-pool.ts); undefined: all on the event loop.
   */
  readonly offload?: { readonly minDrafts: number; readonly minStringBytes: number; readonly evaluate: (input: OffloadedInput) => Promise<OffloadedAnswer> };
  /**
   * The other calls answered whole in the call worker from their body's bytes (call-in-worker.ts;
   * the body left unparsed by json-body.ts `defer`) when `policy` says so (offload-policy.ts);
   * `keepSnapshot` gets the encoded overview snapshot after the reply. Undefined: all on the event loop.
   */
  readonly callWorker?: {
    /** `wanted` is asked when the task's turn comes in the worker's queue (evaluation-pool.ts). */
    readonly answer: (task: CallTask, keepSnapshot: KeepSnapshot, wanted: () => boolean) => Promise<CallReply>;
    readonly policy: OffloadPolicy;
  };
}

/** The engine's overview link, and how a snapshot made in a worker thread (already encoded) is kept. */
export type OverviewLinks = OverviewLinkInput & { readonly keepEncoded: (bytes: Uint8Array) => void };

interface Evaluated {
  readonly cards: readonly CardSummary[];
  readonly send: (res: Response) => void;
}

/**
 * The engine's answer: in the worker pool for calls with many draft orders or very long free text (the answer's JSON is
 * sent as the worker wrote it), else here. A pool whose workers do not start leaves the call to
 * the event loop; a worker past the time budget is a 503.
 */
async function evaluateCall(deps: HookRouteDeps, input: EvaluationInput, overview: OverviewLinks | undefined, res: Response): Promise<Evaluated> {
  const offload = deps.offload;
  if (offload !== undefined && (input.drafts.length >= offload.minDrafts || (res.locals.longestStringBytes ?? 0) >= offload.minStringBytes)) {
    try {
      const answer = await offload.evaluate({ ...input, ...(overview === undefined ? {} : { overview: { seenId: overview.seenId } }) });
      if (answer.snapshot !== undefined) overview?.keepEncoded(answer.snapshot);
      return { cards: answer.cards, send: (r) => sendJson(r, 200, answer.json) };
    } catch (err) {
      if (err instanceof EvaluationTimeout) throw overTimeBudget();
      res.locals.log.warn({ errorName: err instanceof Error ? err.name : typeof err }, 'evaluation pool unavailable; evaluated on the event loop');
    }
  }
  const response = deps.engine.evaluate({ ...input, ...(overview === undefined ? {} : { overview }) });
  return { cards: summariseCards(response.cards), send: (r) => sendJson(r, 200, JSON.stringify(response)) };
}

/** What the request log and the audit log keep of an answered call: how many cards, which topics (folded ones included: cds-hooks/response.ts `shownTopics`). */
function answered(res: Response, cards: readonly CardSummary[], unavailable: readonly string[]): void {
  res.locals.logFields.unavailable = unavailable;
  res.locals.logFields.cards = cards.length;
  res.locals.logFields.topics = cards.flatMap(shownTopics);
  const hookCall = res.locals.hookCall ?? { hookInstance: '', fhirServerHost: '', cards: [] };
  hookCall.cards = cards.map((c) => {
    const topics = shownTopics(c);
    return { uuid: c.uuid, topic: c.source.topic?.code ?? 'unknown', ...(topics.length > 1 ? { topics } : {}) };
  });
  res.locals.hookCall = hookCall;
}

function logNotAllowed(res: Response, notAllowed: ServerNotAllowed): void {
  // Never contacted: the call is answered from its prefetch alone.
  res.locals.log.warn({ fhirServer: notAllowed.fhirServer, issuer: notAllowed.issuer, reason: notAllowed.reason }, "fhirServer not on the issuer's allowlist; not contacted");
}

/**
 * The calls the evaluation pool takes (many draft orders, very long free text) stay on its path:
 * they are parsed here and evaluated in its low-priority worker, not ahead of the ordinary calls
 * in the call worker.
 */
function isCostly(hook: Hook, res: Response, offload: HookRouteDeps['offload']): boolean {
  if (offload === undefined) return false;
  const shape = res.locals.bodyShape;
  const drafts = shape?.kind === 'ok' && DRAFTS_PATH[hook] !== undefined ? (shape.arrays.get(DRAFTS_PATH[hook]) ?? 0) : 0;
  return drafts >= offload.minDrafts || (res.locals.longestStringBytes ?? 0) >= offload.minStringBytes;
}

/**
 * The call answered in the call worker; undefined when the event loop must answer it after all
 * (a worker that is not there or failed: the call is not lost). A worker past the time budget is a 503.
 */
async function callInWorker(inWorker: NonNullable<HookRouteDeps['callWorker']>['answer'], task: CallTask, overview: OverviewLinks | undefined, res: Response): Promise<CallReply | undefined> {
  try {
    return await inWorker(
      task,
      (snapshot) => {
        if (snapshot !== undefined) overview?.keepEncoded(snapshot);
      },
      // A call that had its 503 while it waited is never started (overload: the worker catches up).
      () => !res.headersSent,
    );
  } catch (err) {
    if (err instanceof EvaluationTimeout) throw overTimeBudget();
    if (err instanceof TaskDropped) return undefined;
    res.locals.log.warn({ errorName: err instanceof Error ? err.name : typeof err }, 'call worker unavailable; answered on the event loop');
    return undefined;
  }
}

/** Answers (or refuses) the call as the worker replied; false when the event loop answers it instead. */
function answerFromWorker(deps: HookRouteDeps, reply: CallReply, serviceId: string, req: Request, res: Response): boolean {
  if (reply.kind === 'invalid-json') throw notAHookCall(res);
  if (reply.kind === 'expired') {
    if (res.headersSent) return true;
    // Its budget's timer has not fired yet (the event loop was busy): the same 503.
    throw overTimeBudget();
  }
  // The event loop validates it again, logging what it finds.
  if (reply.kind === 'on-event-loop') return false;
  if (reply.identity !== undefined) res.locals.hookCall = { ...reply.identity, cards: [] };
  if (reply.notAllowed !== undefined) logNotAllowed(res, reply.notAllowed);
  // Past CDS_REQUEST_TIMEOUT_MS the call has had its 503.
  if (res.headersSent) return true;
  if (reply.prefetchProblems !== undefined) res.locals.logFields.prefetchProblems = reply.prefetchProblems;
  if (reply.kind === 'refused') throw new HttpError(reply.status, reply.issues, reply.headers);
  answered(res, reply.cards, reply.unavailable);
  sendJsonBytes(res, 200, reply.json);
  deps.onCards?.(serviceId, reply.cards, req, res);
  return true;
}

/**
 * The 400 of a body that is not JSON, answered as json-body.ts answers it when it parses the body
 * itself: before the call is named, so without the service in the request log and with an audit
 * entry that has no hookInstance.
 */
function notAHookCall(res: Response): Error {
  delete res.locals.logFields.serviceId;
  res.locals.hookCall = undefined;
  return invalidJson();
}

/** The body's value (`parseRawBody`), its 400 as `notAHookCall`'s. */
function parseDeferred(raw: NonNullable<Response['locals']['rawBody']>, res: Response): unknown {
  try {
    return parseRawBody(raw);
  } catch {
    throw notAHookCall(res);
  }
}

/**
 * Who the call is, read from its body's bytes by the shape scan (hookInstance, fhirServer's host):
 * a call answered 503 while it waited for the call worker, before anything parsed it, is named in
 * the audit log as it is on the event loop (the worker's reply replaces it; a hookInstance the
 * schema would refuse is left out).
 */
function scannedIdentity(res: Response): NonNullable<Response['locals']['hookCall']> | undefined {
  const shape = res.locals.bodyShape;
  const strings = shape?.kind === 'ok' ? shape.strings : undefined;
  const hookInstance = strings?.get('hookInstance');
  if (hookInstance === undefined || hookInstance.length === 0 || hookInstance.length > HOOK_INSTANCE_MAX_CHARS) return undefined;
  return { hookInstance, fhirServerHost: fhirServerHost(strings?.get('fhirServer')), cards: [] };
}

/**
 * Bodies larger than this stay on the event loop: `JSON.parse` of 10 MB of nested empty arrays
 * needs more than the call worker's heap (`CALL_WORKER_LIMITS` in evaluation-pool.ts), while the largest record measured
 * (5,000 Observations) is 2.9 MB.
 */
export const CALL_WORKER_MAX_BODY_BYTES = 4 * 1024 * 1024;

/** The fetch of one call's FHIR-server requests: the app's (trace context, metrics), through the address guard when the server needs it. */
function serverFetch(deps: HookRouteDeps, res: Response, guard: HookRouteDeps['guardedDispatcher']): typeof fetch {
  const base = deps.fetchFor?.(res) ?? ((input, init) => globalThis.fetch(input, init));
  return guard === undefined ? base : fetchThrough(base, guard);
}

/** A Host header that is a host name or address with an optional port, nothing else. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The one base of every link a card carries to this service — "Læs mere" (`/guideline/…`) and the
 * overview app (`/app/…`): the first CDS_PUBLIC_URL (what clients are told to call), else this
 * request's own origin. A Host that is no plain host name gives no base (and no such links), so a
 * forged header cannot put another site's address on a card.
 */
export function serviceBase(req: Request, publicUrls: readonly string[] | undefined): string | undefined {
  const first = publicUrls?.[0];
  if (first !== undefined) return first;
  const host = req.get('host') ?? '';
  return HOST.test(host) ? `${req.protocol}://${host}` : undefined;
}

export function hookRoutes(deps: HookRouteDeps): Router {
  const router = Router();
  router.post('/cds-services/:id', (req: Request<{ id: string }>, res: Response) => answerCall(deps, req, res));
  // An unknown service is 404 whatever the method (contract: "404 unknown service"); a known one 405.
  router.all('/cds-services/:id', (req: Request<{ id: string }>) => {
    throw findService(req.params.id) === undefined ? notFound('Unknown CDS service; see GET /cds-services.') : methodNotAllowed(['POST']);
  });
  return router;
}

/** One hook call: in the call worker when its policy says so (offload-policy.ts), else here. */
async function answerCall(deps: HookRouteDeps, req: Request<{ id: string }>, res: Response): Promise<void> {
  const now = deps.requestNow?.(req) ?? deps.clock();
  const service = findService(req.params.id);
  if (service === undefined) throw notFound('Unknown CDS service; see GET /cds-services.');
  res.locals.logFields.serviceId = service.id;
  const raw = res.locals.rawBody;
  res.locals.rawBody = undefined;
  const language = chooseLanguage(req.get('accept-language'), deps.config.language);
  const baseUrl = serviceBase(req, deps.config.publicUrls);
  const worker = deps.callWorker;
  if (raw !== undefined && worker !== undefined && raw.bytes.length <= CALL_WORKER_MAX_BODY_BYTES && !isCostly(service.hook, res, deps.offload) && worker.policy.offload()) {
    const overview = deps.overviewLinks?.(req);
    res.locals.hookCall = scannedIdentity(res);
    const task: CallTask = { serviceId: service.id, bytes: raw.bytes, pieces: raw.pieces, issuer: res.locals.caller?.issuer, now, language, baseUrl, seenId: overview?.seenId, deadline: res.locals.deadline };
    const back = worker.policy.handedOver();
    let reply: CallReply | undefined;
    try {
      reply = await callInWorker(worker.answer, task, overview, res);
    } finally {
      back(reply === undefined && !res.headersSent);
    }
    // The reply says who the call is (or the event loop finds out again); one past its deadline keeps the scanned identity for its 503.
    if (!res.headersSent && reply?.kind !== 'expired') res.locals.hookCall = undefined;
    if (reply !== undefined && answerFromWorker(deps, reply, service.id, req, res)) return;
    // Past CDS_REQUEST_TIMEOUT_MS the call has had its 503: nothing is fetched or evaluated for it here either.
    if (res.headersSent) return;
  }
  const body: unknown = raw === undefined ? req.body : parseDeferred(raw, res);
  if (body === undefined) throw badRequest('The request body must be JSON (Content-Type: application/json).');

  const call = validateCall(service.hook, body, deps.config, res.locals.caller?.issuer, (identity) => (res.locals.hookCall = { ...identity, cards: [] }));
  if (call.notAllowed !== undefined) logNotAllowed(res, call.notAllowed);
  const { request, fhirServer } = call;
  const prefetch = await resolvePrefetch(
    { context: request.context, prefetch: request.prefetch ?? undefined, fhirServer, accessToken: call.accessToken, drafts: call.drafts },
    {
      templates: deps.templates,
      timeoutMs: deps.config.fhirTimeoutMs,
      maxBytes: deps.config.bodyLimitBytes,
      maxResources: deps.config.maxResourcesPerKey,
      // Only a call with a server to ask fetches anything.
      ...(fhirServer === undefined ? {} : { fetch: serverFetch(deps, res, call.guardAddresses ? deps.guardedDispatcher : undefined) }),
    },
  );
  // Past CDS_REQUEST_TIMEOUT_MS the call has had its 503: nothing more is evaluated or written.
  if (res.headersSent) return;
  res.locals.logFields.prefetchProblems = problemsOf(prefetch);
  if (!prefetch.ok) throw prefetchFailure(prefetch);

  const overview = deps.overviewLinks?.(req);
  const input: EvaluationInput = { ruleSet: service.ruleSet, data: prefetch.data, drafts: call.drafts, now, language, baseUrl };
  const evaluated = await evaluateCall(deps, input, overview, res);
  // A call evaluated in the pool may have had its 503 meanwhile.
  if (res.headersSent) return;
  answered(res, evaluated.cards, prefetch.data.unavailable);
  evaluated.send(res);
  deps.onCards?.(service.id, evaluated.cards, req, res);
}
