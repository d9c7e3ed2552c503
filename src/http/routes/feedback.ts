/**
 * POST /cds-services/{id}/feedback ({@link https://cds-hooks.hl7.org/2.0/#feedback}): validated,
 * stored durably and idempotently for the calling issuer and tenant, answered 200 with an empty JSON object (the spec names no
 * response; the sandbox ignores it). Unknown service → 404. Nothing of the feedback is logged
 * but counts (a userComment is free text and may name the patient).
 */
import { Router, type Request, type Response } from 'express';
import { feedbackRequestSchema, type FeedbackItemInput } from '../../cds-hooks/feedback.js';
import type { FeedbackItem, Store } from '../../store/store.js';
import { storeCaller } from '../locals.js';
import { badRequest, methodNotAllowed, notFound } from '../errors.js';
import { parseBody } from '../validation.js';
import { findService } from '../../contract/services.js';

function toFeedbackItem(input: FeedbackItemInput): FeedbackItem {
  const reason = input.overrideReason;
  const overrideReason =
    reason === undefined
      ? undefined
      : {
          ...(reason.reason === undefined
            ? {}
            : {
                code: reason.reason.code,
                ...(reason.reason.system === undefined ? {} : { system: reason.reason.system }),
                ...(reason.reason.display === undefined ? {} : { display: reason.reason.display }),
              }),
          ...(reason.userComment === undefined || reason.userComment === '' ? {} : { userComment: reason.userComment }),
        };
  return {
    card: input.card,
    outcome: input.outcome,
    acceptedSuggestions: (input.acceptedSuggestions ?? []).map((s) => s.id),
    ...(overrideReason === undefined || Object.keys(overrideReason).length === 0 ? {} : { overrideReason }),
    outcomeTimestamp: input.outcomeTimestamp,
  };
}

export function feedbackRoutes(store: Pick<Store, 'record'>, clock: () => Date): Router {
  const router = Router();
  router.post('/cds-services/:id/feedback', async (req: Request<{ id: string }>, res: Response) => {
    const service = findService(req.params.id);
    if (service === undefined) throw notFound(`Unknown CDS service; see GET /cds-services.`);
    res.locals.logFields.serviceId = service.id;
    if (req.body === undefined) throw badRequest('The request body must be JSON (Content-Type: application/json).');
    const request = parseBody(feedbackRequestSchema, req.body);
    // Kept for the caller: it counts only for that caller's own cards.
    const result = await store.record(service.id, request.feedback.map(toFeedbackItem), clock(), storeCaller(res));
    res.locals.logFields.feedbackItems = request.feedback.length;
    res.locals.logFields.feedbackInserted = result.inserted;
    res.status(200).json({});
  });
  router.all('/cds-services/:id/feedback', () => {
    throw methodNotAllowed(['POST']);
  });
  return router;
}
