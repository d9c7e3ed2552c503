/**
 * The JSON body parser of the hook routes, with the body's limits read from its bytes while they
 * arrive (limits.ts `checkBodyShapeWhileReading`) and applied before it is parsed
 * (`checkBodyShape`, the reader's `verify`). One middleware, so that the scanner's listener and the
 * reader are attached to the request in the same synchronous call, before any chunk can flow —
 * never a layer of the router apart, which may defer the next one.
 *
 * A UTF-8 body that is not compressed (what EHRs send) is read as bytes by body-parser's raw
 * reader (its limit, its errors) and parsed in pieces (json-pieces.ts: no string of the large
 * record in V8's costly large-object space); any other body by express.json, as before.
 *
 * With `defer` true for a request, such a body is not parsed here: its bytes and pieces are left
 * in `res.locals.rawBody` for the hook route, which hands them to the call worker (the parse is
 * then off the event loop) or parses them with `parseRawBody` (the same value and errors).
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { parseJsonBody, type RawBody } from './json-pieces.js';
import { checkBodyShape, checkBodyShapeWhileReading, type CallLimits } from './limits.js';
import './locals.js';

export interface JsonBodyLimits extends CallLimits {
  readonly bodyLimitBytes: number;
}

export function jsonBody(limits: JsonBodyLimits, types: readonly string[], defer: (req: Request) => boolean = () => false): RequestHandler {
  const scan = checkBodyShapeWhileReading(limits, types);
  const verify = checkBodyShape(limits);
  const parse = express.json({ limit: limits.bodyLimitBytes, type: [...types], verify });
  const read = express.raw({ limit: limits.bodyLimitBytes, type: () => true, verify });
  return (req, res, next) => {
    // A keep-alive connection holds its last request until the next one arrives (with 8 clients,
    // tens of ms): the parsed record, megabytes of objects, then outlived the garbage collector's
    // young generation and was copied and promoted. It goes once the answer is written.
    res.once('finish', () => {
      req.body = undefined;
    });
    if (scan(req, res)) void read(req, res, (err?: unknown) => (err === undefined ? (defer(req) ? keepRead(req, res, next) : parseRead(req, res, next)) : next(err)));
    else void parse(req, res, next);
  };
}

/** The bytes express.raw read (none without a body: `req.body` stays undefined, as express.json leaves it). */
function parseRead(req: Request, res: Response, next: NextFunction): void {
  const raw = rawOf(req, res);
  req.body = undefined;
  if (raw === undefined) {
    next();
    return;
  }
  try {
    req.body = parseRawBody(raw);
  } catch (err) {
    next(err);
    return;
  }
  next();
}

/** The bytes kept for the hook route, unparsed (`defer`). */
function keepRead(req: Request, res: Response, next: NextFunction): void {
  const raw = rawOf(req, res);
  req.body = undefined;
  if (raw !== undefined) res.locals.rawBody = raw;
  next();
}

function rawOf(req: Request, res: Response): RawBody | undefined {
  const bytes: unknown = req.body;
  if (!Buffer.isBuffer(bytes)) return undefined;
  const shape = res.locals.bodyShape;
  return { bytes, pieces: shape?.kind === 'ok' ? shape.pieces : undefined };
}

/** The body's value; a body that is not a JSON object or array throws the 400 body-parser's would. */
export function parseRawBody(raw: RawBody): unknown {
  try {
    return parseJsonBody(raw.bytes, raw.pieces);
  } catch {
    throw invalidJson();
  }
}

/** As body-parser's: the error handler answers 400 "not valid JSON" (a message may quote input). */
export function invalidJson(): Error {
  return Object.assign(new SyntaxError('The request body is not a JSON object (invalid JSON, or a value such as null or a number).'), { status: 400, statusCode: 400, type: 'entity.parse.failed', expose: true });
}
