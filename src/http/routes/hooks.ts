/**
 * POST /cds-services/{id} — a service call ({@link https://cds-hooks.hl7.org/2.0/#calling-a-cds-service}):
 * validate the request for the service's hook, resolve the prefetch (412 when the Patient cannot
 * be had), take the draft orders and the language, and hand everything to the engine. The
 * protocol layer knows nothing of osteoporosis: it returns whatever cards the engine made.
 */
import { Router, type Request, type Response } from 'express';
import { shownTopics } from '../../cds-hooks/response.js';
import { summariseCards, type CardSummary } from '../../cds-hooks/card-summary.js';
import { draftsFromContext } from '../../cds-hooks/drafts.js';
import { requestSchemas } from '../../cds-hooks/request.js';
import type { Config } from '../../config.js';
import type { Engine, EvaluationInput, OverviewLinkInput } from '../../cds-hooks/evaluator.js';
import { fetchThrough, type guardedDispatcher } from '../../prefetch/address-guard.js';
import { fhirServerAccess, loggableServer } from '../../prefetch/fhir-servers.js';
import { resolvePrefetch, type PrefetchResult } from '../../prefetch/resolve.js';
import { badRequest, methodNotAllowed, notFound, preconditionFailed, serviceUnavailable, type HttpError } from '../errors.js';
import { EvaluationTimeout, type OffloadedAnswer, type OffloadedInput } from '../evaluation-pool.js';
import { fhirServerHost } from '../audit.js';
import { chooseLanguage } from '../language.js';
import { checkDraftCount, checkPrefetchSize } from '../limits.js';
import { sendJson } from '../send-json.js';
import { parseBody } from '../validation.js';
import type { PrefetchKey } from '../../contract/prefetch-keys.js';
import { findService } from '../../contract/services.js';

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
}

/** The engine's overview link, and how a snapshot made in a worker thread (already JSON) is kept. */
export type OverviewLinks = OverviewLinkInput & { readonly keepJson: (json: string) => void };

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
      if (answer.snapshot !== undefined) overview?.keepJson(answer.snapshot);
      return { cards: answer.cards, send: (r) => sendJson(r, 200, answer.json) };
    } catch (err) {
      if (err instanceof EvaluationTimeout) throw serviceUnavailable('The request could not be answered within its time budget (CDS_REQUEST_TIMEOUT_MS).');
      res.locals.log.warn({ errorName: err instanceof Error ? err.name : typeof err }, 'evaluation pool unavailable; evaluated on the event loop');
    }
  }
  const response = deps.engine.evaluate({ ...input, ...(overview === undefined ? {} : { overview }) });
  return { cards: summariseCards(response.cards), send: (r) => sendJson(r, 200, JSON.stringify(response)) };
}

/**
 * The 412 says which data could not be had, never why: a reason (a timeout, a status code, a
 * refused connection) would let a caller map what the service can reach. The log has the reasons.
 */
function prefetchFailure(result: Extract<PrefetchResult, { ok: false }>): HttpError {
  if (result.failure === 'patient') {
    return preconditionFailed('The Patient could not be obtained, neither from prefetch.patient nor from a FHIR server.', 'prefetch.patient');
  }
  return preconditionFailed('Only the Patient could be obtained: the data of the other prefetch keys could not be had.', 'prefetch');
}

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
  router.post('/cds-services/:id', async (req: Request<{ id: string }>, res: Response) => {
    const now = deps.requestNow?.(req) ?? deps.clock();
    const service = findService(req.params.id);
    if (service === undefined) throw notFound('Unknown CDS service; see GET /cds-services.');
    res.locals.logFields.serviceId = service.id;
    if (req.body === undefined) throw badRequest('The request body must be JSON (Content-Type: application/json).');

    const request = parseBody(requestSchemas[service.hook], req.body);
    res.locals.hookCall = { hookInstance: request.hookInstance, fhirServerHost: fhirServerHost(request.fhirServer), cards: [] };
    checkPrefetchSize(request.prefetch ?? undefined, deps.config.maxResourcesPerKey);
    const drafts = draftsFromContext(service.hook, request.context);
    checkDraftCount(drafts.length, deps.config.maxDraftOrders);
    const access = request.fhirServer === undefined ? undefined : fhirServerAccess(request.fhirServer, deps.config.trustedIssuers, res.locals.caller?.issuer);
    if (access?.allowed === false && request.fhirServer !== undefined) {
      // Never contacted: the call is answered from its prefetch alone.
      res.locals.log.warn({ fhirServer: loggableServer(request.fhirServer), issuer: res.locals.caller?.issuer, reason: access.reason }, 'fhirServer not on the issuer\'s allowlist; not contacted');
    }
    const fhirServer = access?.allowed === true ? request.fhirServer : undefined;
    const prefetch = await resolvePrefetch(
      {
        context: request.context,
        prefetch: request.prefetch ?? undefined,
        fhirServer,
        accessToken: fhirServer === undefined ? undefined : request.fhirAuthorization?.access_token,
      },
      {
        templates: deps.templates,
        timeoutMs: deps.config.fhirTimeoutMs,
        maxBytes: deps.config.bodyLimitBytes,
        maxResources: deps.config.maxResourcesPerKey,
        // Only a call with a server to ask fetches anything.
        ...(fhirServer === undefined ? {} : { fetch: serverFetch(deps, res, access?.allowed === true && access.guardAddresses ? deps.guardedDispatcher : undefined) }),
      },
    );
    // Past CDS_REQUEST_TIMEOUT_MS the call has had its 503: nothing more is evaluated or written.
    if (res.headersSent) return;
    res.locals.logFields.prefetchProblems = prefetch.problems.map((p) => `${p.key}: ${p.reason}`);
    if (!prefetch.ok) throw prefetchFailure(prefetch);

    const overview = deps.overviewLinks?.(req);
    const input: EvaluationInput = {
      ruleSet: service.ruleSet,
      data: prefetch.data,
      drafts,
      now,
      language: chooseLanguage(req.get('accept-language'), deps.config.language),
      baseUrl: serviceBase(req, deps.config.publicUrls),
    };
    const evaluated = await evaluateCall(deps, input, overview, res);
    // A call evaluated in the pool may have had its 503 meanwhile.
    if (res.headersSent) return;
    const { cards } = evaluated;
    res.locals.logFields.unavailable = prefetch.data.unavailable;
    res.locals.logFields.cards = cards.length;
    // Every topic shown, folded ones included (cds-hooks/response.ts `shownTopics`).
    res.locals.logFields.topics = cards.flatMap(shownTopics);
    res.locals.hookCall.cards = cards.map((c) => {
      const topics = shownTopics(c);
      return { uuid: c.uuid, topic: c.source.topic?.code ?? 'unknown', ...(topics.length > 1 ? { topics } : {}) };
    });
    evaluated.send(res);
    deps.onCards?.(service.id, cards, req, res);
  });
  router.all('/cds-services/:id', () => {
    throw methodNotAllowed(['POST']);
  });
  return router;
}
