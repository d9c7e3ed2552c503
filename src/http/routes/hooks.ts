/**
 * POST /cds-services/{id} — a service call ({@link https://cds-hooks.hl7.org/2.0/#calling-a-cds-service}):
 * validate the request for the service's hook, resolve the prefetch (412 when the Patient cannot
 * be had), take the draft orders and the language, and hand everything to the engine. The
 * protocol layer knows nothing of osteoporosis: it returns whatever cards the engine made.
 */
import { Router, type Request, type Response } from 'express';
import type { CdsResponse } from '../../cds-hooks/response.js';
import { draftsFromContext } from '../../cds-hooks/drafts.js';
import { requestSchemas } from '../../cds-hooks/request.js';
import type { Config } from '../../config.js';
import type { Engine, EvaluationInput, OverviewLinkInput } from '../../cds-hooks/evaluator.js';
import { resolvePrefetch, type PrefetchResult } from '../../prefetch/resolve.js';
import { badRequest, methodNotAllowed, notFound, preconditionFailed, type HttpError } from '../errors.js';
import { chooseLanguage } from '../language.js';
import { checkDraftCount, checkPrefetchSize } from '../limits.js';
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
  /** Hands the cards of each answer on (issued-card statistics); must not throw. */
  readonly onCards?: (serviceId: string, cards: CdsResponse['cards'], req: Request) => void;
  /** Where the overview app is and how a call's snapshot is kept (the cards' app links); undefined: no links. */
  readonly overviewLinks?: (req: Request) => OverviewLinkInput | undefined;
}

function prefetchFailure(result: Extract<PrefetchResult, { ok: false }>, hadFhirServer: boolean): HttpError {
  if (result.failure === 'patient') {
    const why = result.problems.find((p) => p.key === 'patient')?.reason ?? 'null in prefetch';
    return preconditionFailed(
      hadFhirServer
        ? `The Patient could not be obtained: prefetch.patient was missing or unusable and fhirServer did not supply it (${why}).`
        : `The Patient could not be obtained: prefetch.patient was missing or unusable (${why}) and no fhirServer was given.`,
      'prefetch.patient',
    );
  }
  return preconditionFailed(
    'Only the Patient could be obtained: the other prefetch keys were missing or unusable and no fhirServer was given to fetch them from.',
    'prefetch',
  );
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
    checkPrefetchSize(request.prefetch ?? undefined, deps.config.maxResourcesPerKey);
    const drafts = draftsFromContext(service.hook, request.context);
    checkDraftCount(drafts.length, deps.config.maxDraftOrders);
    const prefetch = await resolvePrefetch(
      {
        context: request.context,
        prefetch: request.prefetch ?? undefined,
        fhirServer: request.fhirServer,
        accessToken: request.fhirAuthorization?.access_token,
      },
      {
        templates: deps.templates,
        timeoutMs: deps.config.fhirTimeoutMs,
        maxBytes: deps.config.bodyLimitBytes,
        maxResources: deps.config.maxResourcesPerKey,
        ...(deps.fetchFor === undefined ? {} : { fetch: deps.fetchFor(res) }),
      },
    );
    // Past CDS_REQUEST_TIMEOUT_MS the call has had its 503: nothing more is evaluated or written.
    if (res.headersSent) return;
    res.locals.logFields.prefetchProblems = prefetch.problems.map((p) => `${p.key}: ${p.reason}`);
    if (!prefetch.ok) throw prefetchFailure(prefetch, request.fhirServer !== undefined);

    const overview = deps.overviewLinks?.(req);
    const input: EvaluationInput = {
      ruleSet: service.ruleSet,
      data: prefetch.data,
      drafts,
      now,
      language: chooseLanguage(req.get('accept-language'), deps.config.language),
      ...(overview === undefined ? {} : { overview }),
    };
    const response = deps.engine.evaluate(input);
    res.locals.logFields.unavailable = prefetch.data.unavailable;
    res.locals.logFields.cards = response.cards.length;
    res.locals.logFields.topics = response.cards.flatMap((c) => (c.source.topic === undefined ? [] : [c.source.topic.code]));
    res.status(200).json(response);
    deps.onCards?.(service.id, response.cards, req);
  });
  router.all('/cds-services/:id', () => {
    throw methodNotAllowed(['POST']);
  });
  return router;
}
