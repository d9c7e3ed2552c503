/**
 * The one error handler. Maps what can go wrong to an OperationOutcome answer:
 * - `HttpError` (thrown by routes) → its status and issues;
 * - body-parser errors: `entity.too.large` → 413, `entity.parse.failed` and every other client
 *   body problem (charset, encoding, aborted, a body that does not inflate) → 400;
 * - anything else → a logged 500 with a generic body: no message, no stack in the answer.
 * The request id is in the body (extension) and in the `x-request-id` header.
 */
import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { HttpError, badRequest, internalError, notFound, operationOutcome, payloadTooLarge } from './errors.js';
import './locals.js';

/**
 * body-parser / raw-body errors carry a 4xx `status` and mostly a string `type`; zlib errors of a
 * bad `Content-Encoding` body (`Z_BUF_ERROR`, `Z_DATA_ERROR`) carry only the status.
 */
function bodyParserError(err: unknown): { readonly type: string | undefined; readonly status: number } | undefined {
  if (typeof err !== 'object' || err === null || !('status' in err)) return undefined;
  const status = err.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { type: 'type' in err && typeof err.type === 'string' ? err.type : undefined, status };
}

export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  // The router decodes path parameters: a malformed %-escape (/cds-services/%E0%A4%A) is the URL's fault, not the body's.
  if (err instanceof URIError) return badRequest('The request URL is not valid: a %-escape in its path is malformed.');
  const known = bodyParserError(err);
  if (known === undefined) return undefined;
  if (known.type === undefined) {
    return known.status === 413 ? payloadTooLarge('The request body is larger than the configured limit (CDS_BODY_LIMIT).') : badRequest('The request body could not be read.');
  }
  switch (known.type) {
    case 'entity.too.large':
      return payloadTooLarge('The request body is larger than the configured limit (CDS_BODY_LIMIT).');
    case 'entity.parse.failed':
      return badRequest('The request body is not a JSON object (invalid JSON, or a value such as null or a number).');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return badRequest('The request body uses an unsupported charset or content encoding.');
    default:
      return badRequest('The request body could not be read.');
  }
}

/** Frames of a stack without its first line (the message, which could hold data). */
function stackFrames(err: unknown): string | undefined {
  if (!(err instanceof Error) || err.stack === undefined) return undefined;
  return err.stack.split('\n').slice(1, 12).join('\n');
}

// Four parameters: express tells an error handler by its arity.
export const errorHandler: ErrorRequestHandler = (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
  if (res.headersSent) {
    // Already answered: nothing more to say. A client error (a 503 past the time budget, whose
    // client then broke off the body it was sending) is expected; anything else is a fault, logged
    // as the ones before an answer are. Express's own handler would print either with its stack
    // to stderr, outside the log; like it, the connection is closed if the answer is unfinished.
    const errorName = err instanceof Error ? err.name : typeof err;
    if (toHttpError(err) === undefined) res.locals.log.error({ errorName, stack: stackFrames(err) }, 'unhandled error after the answer was sent');
    else res.locals.log.debug({ errorName }, 'error after the answer was sent');
    if (!res.writableEnded) req.socket.destroy();
    return;
  }
  const known = toHttpError(err);
  const error = known ?? internalError();
  if (known === undefined) {
    // Name and code location only: error messages may quote input.
    res.locals.log.error({ errorName: err instanceof Error ? err.name : typeof err, stack: stackFrames(err) }, 'unhandled error');
  }
  res.locals.logFields.errorCode = error.issues[0]?.code;
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  res.status(error.status).json(operationOutcome(error, res.locals.requestId));
};

/** Last route: every path we do not serve. */
export function notFoundHandler(_req: Request, _res: Response, next: NextFunction): void {
  next(notFound('No such endpoint; see GET /cds-services.'));
}
