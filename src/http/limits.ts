/**
 * The limits that keep one call from costing more than its share (service contract, "Version 2
 * additions", Limits): a time budget per call (503 past it), nesting depth of a JSON body (400),
 * resources per prefetch key and draft orders per call (413 past them), checked on the body's
 * bytes before it is parsed where possible. Strings of any length are answered (free text up to
 * the body limit). Everything here walks
 * bodies iteratively, so no input can exhaust the stack.
 */
import { performance } from 'node:perf_hooks';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { findService, type Hook } from '../contract/services.js';
import { errorHandler } from './error-handler.js';
import { badRequest, overTimeBudget, payloadTooLarge, type HttpError } from './errors.js';
import { jsonShape, ShapeScanner, type JsonShape, type ShapeLimits } from './json-shape.js';
import './locals.js';

/**
 * Milliseconds on a clock both threads read alike (the call worker compares a call's deadline
 * with it): each thread's monotonic clock from its own start, so a step of the wall clock
 * (NTP) does not expire calls.
 */
export function deadlineClock(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * CDS_REQUEST_TIMEOUT_MS: a call still unanswered when its budget runs out gets 503. Routes that
 * await (the prefetch stage) check `res.headersSent` afterwards and stop, so a late result is
 * neither evaluated nor written.
 */
export function requestTimeout(budgetMs: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.locals.deadline = deadlineClock() + budgetMs;
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.setHeader('Connection', 'close');
      errorHandler(overTimeBudget(), req, res, () => undefined);
    }, budgetMs);
    timer.unref();
    const clear = (): void => clearTimeout(timer);
    res.on('finish', clear);
    res.on('close', clear);
    next();
  };
}

/** JSON nested deeper than any FHIR resource needs; deeper bodies are refused before any stage reads them. */
export const MAX_JSON_DEPTH = 100;

/**
 * Objects and arrays in one body, at most (json-shape.ts `maxContainers`): a record of 5,000
 * Observations holds 60,000 in 2.9 MB, so a body at the 10 MB limit about 220,000; a body of
 * a million empty arrays took `JSON.parse` over half a second on the event loop.
 */
export const MAX_JSON_CONTAINERS = 500_000;

/** True when `value` nests objects or arrays deeper than `limit` levels (checked without recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // Two parallel stacks (objects and their depths): a body of 10 MB holds a few hundred thousand objects.
  const objects: object[] = [value];
  const depths: number[] = [1];
  for (let v = objects.pop(); v !== undefined; v = objects.pop()) {
    const depth = depths.pop() ?? 0;
    if (depth > limit) return true;
    const children: readonly unknown[] = Array.isArray(v) ? v : Object.values(v);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        objects.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Where each hook's draft orders are (src/cds-hooks/drafts.ts), as a path in the body. */
export const DRAFTS_PATH: Readonly<Record<Hook, string | undefined>> = {
  'patient-view': undefined,
  'order-select': 'context.draftOrders.entry',
  'order-sign': 'context.draftOrders.entry',
  'medication-prescribe': 'context.medications.entry',
};
const PREFETCH_ENTRIES = /^prefetch\.([^.[]+)\.entry$/;

/** The shape limits of one call: the caps of its service's draft orders and of every prefetch key. */
function shapeLimits(req: Request, limits: CallLimits): ShapeLimits {
  const hook = findService(req.path.split('/')[1] ?? '')?.hook;
  const drafts = hook === undefined ? undefined : DRAFTS_PATH[hook];
  // The caps stop the pass as soon as an array passes them: 8,920 drafts are refused after 101.
  const cap = (path: string): number | undefined => (path === drafts ? limits.maxDraftOrders : PREFETCH_ENTRIES.test(path) ? limits.maxResourcesPerKey : undefined);
  // hookInstance and fhirServer name a call in the audit log before the call worker has parsed it (routes/hooks.ts).
  return { maxDepth: MAX_JSON_DEPTH, maxContainers: MAX_JSON_CONTAINERS, countDepth: 4, cap, minCap: Math.min(limits.maxDraftOrders, limits.maxResourcesPerKey), recordPieces: true, keepStrings: ['hookInstance', 'fhirServer'] };
}

/** The caps one call's body is checked against (the service's configuration). */
export interface CallLimits {
  readonly maxResourcesPerKey: number;
  readonly maxDraftOrders: number;
}

/** A refusal the shape of a body shows, as the answer it gets; undefined for `ok`. */
function refusalOf(shape: JsonShape): HttpError | undefined {
  switch (shape.kind) {
    case 'too-deep':
      return tooDeep(MAX_JSON_DEPTH);
    case 'too-many-values':
      return payloadTooLarge(`The request body holds more than ${shape.max} JSON objects and arrays.`);
    case 'too-many': {
      const key = PREFETCH_ENTRIES.exec(shape.path)?.[1];
      // The count is as far as the body was read: "more than".
      if (key !== undefined) return tooManyResources(key, `more than ${shape.cap}`, shape.cap);
      return tooManyDrafts(`more than ${shape.cap}`, shape.cap);
    }
    case 'ok':
      return undefined;
  }
}

/** Content types whose bodies are read while they arrive: those express.json parses, as UTF-8 and not compressed (others are read by `checkBodyShape` once whole, or not at all). */
function readWhileArriving(req: Request, jsonTypes: readonly string[]): boolean {
  if (req.headers['content-encoding'] !== undefined && req.headers['content-encoding'].toLowerCase() !== 'identity') return false;
  if (typeof req.is([...jsonTypes]) !== 'string') return false;
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1];
  return charset === undefined || /^"?utf-8"?$/i.test(charset);
}
const CHARSET = /;\s*charset\s*=\s*([^;\s]+)/i;

/**
 * Before the body's reader, on the hook routes: the limits checked on the body's bytes as they arrive
 * (json-shape.ts `ShapeScanner`) — nesting deeper than MAX_JSON_DEPTH → 400; more resources
 * under a prefetch key or more draft-order entries than the caps → 413. A refused body stops being
 * buffered at the chunk that shows it (the 8,920 drafts of 3.7 MB after the first 64 KB); the rest
 * is read and dropped by body-parser before the answer, so the connection stays usable. The chunks are
 * scanned as they come, so no single pass over a whole large body holds the event loop.
 *
 * The refusal reaches body-parser as an error of the request stream (raw-body then stops), which
 * hands it on unchanged (http-errors keeps its status); a body read to its end leaves its shape to
 * `checkBodyShape`.
 *
 * Called before the body's reader is attached, in the same synchronous call; returns whether the
 * body is read while it arrives (a POST with a UTF-8, uncompressed JSON body), so the caller
 * knows which reader it needs.
 */
export function checkBodyShapeWhileReading(limits: CallLimits, jsonTypes: readonly string[]): (req: Request, res: Response) => boolean {
  return (req: Request, res: Response): boolean => {
    if (req.method !== 'POST' || !readWhileArriving(req, jsonTypes)) return false;
    const scanner = new ShapeScanner(shapeLimits(req, limits));
    const onData = (chunk: Buffer): void => {
      const shape = scanner.feed(chunk);
      if (shape === undefined) return;
      req.off('data', onData);
      // Only to a reader that listens (body-parser's, while it reads): an 'error' nobody listens to would throw.
      if (req.listenerCount('error') > 0) req.emit('error', refusalOf(shape));
    };
    // Registered before the body's reader (same tick, before any chunk): the scanner sees each chunk first.
    req.on('data', onData);
    req.once('end', () => {
      req.off('data', onData);
      res.locals.bodyShape = scanner.end();
    });
    return true;
  };
}

/**
 * The body reader's `verify` (json-body.ts): the shape of a body read to its end — found by
 * `checkBodyShapeWhileReading` while it arrived, else (compressed bodies) read here from its bytes
 * before it is parsed. A body refused here is never parsed, so it cannot hold the event loop
 * for long. Bodies in another charset than UTF-8 (rare; body-parser decodes them) are scanned
 * as UTF-8 too (`asUtf8`).
 */
export function checkBodyShape(limits: CallLimits): (req: Request, res: Response, body: Buffer, encoding: string | null) => void {
  return (req, res, body, encoding) => {
    // null: read as bytes by json-body.ts, which it does only for UTF-8.
    const utf8 = encoding === null || encoding.toLowerCase() === 'utf-8' ? body : asUtf8(body, encoding);
    if (utf8 === undefined) return;
    const shape = res.locals.bodyShape ?? jsonShape(utf8, shapeLimits(req, limits));
    res.locals.bodyShapeChecked = true;
    const refusal = refusalOf(shape);
    if (refusal !== undefined) throw refusal;
    if (shape.kind === 'ok') res.locals.longestStringBytes = shape.longestStringBytes;
  };
}

/**
 * A body in another charset (UTF-16, which body-parser decodes) as UTF-8 bytes, for the same
 * scan: without it a body of millions of empty arrays reached `JSON.parse` in UTF-16. Undefined
 * for a charset Node cannot decode (body-parser refuses it).
 */
function asUtf8(body: Buffer, encoding: string): Buffer | undefined {
  try {
    return Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  } catch {
    return undefined;
  }
}

const tooDeep = (limit: number): HttpError => badRequest(`The request body is nested deeper than ${limit} levels.`);
const tooManyResources = (key: string, count: number | string, max: number): HttpError =>
  payloadTooLarge(`prefetch.${key} holds ${count} resources; at most ${max} per key are accepted (CDS_MAX_RESOURCES_PER_KEY).`);
const tooManyDrafts = (count: number | string, max: number): HttpError => payloadTooLarge(`The call holds ${count} draft orders; at most ${max} are accepted (CDS_MAX_DRAFT_ORDERS).`);

/**
 * After the JSON parser: a body nested deeper than MAX_JSON_DEPTH → 400. Only for bodies that
 * `checkBodyShape` did not read (a charset it could not decode).
 */
export function jsonDepthLimit(limit: number = MAX_JSON_DEPTH): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (res.locals.bodyShapeChecked !== true && nestedDeeperThan(req.body, limit)) {
      next(tooDeep(limit));
      return;
    }
    next();
  };
}

/** CDS_MAX_RESOURCES_PER_KEY: a prefetch Bundle with more entries → 413 naming the key. */
export function checkPrefetchSize(prefetch: Readonly<Record<string, unknown>> | undefined, maxPerKey: number): void {
  if (prefetch === undefined) return;
  for (const [key, value] of Object.entries(prefetch)) {
    const entries = typeof value === 'object' && value !== null && 'entry' in value ? value.entry : undefined;
    if (Array.isArray(entries) && entries.length > maxPerKey) {
      throw tooManyResources(key, entries.length, maxPerKey);
    }
  }
}

/** CDS_MAX_DRAFT_ORDERS: more draft orders in one call → 413. */
export function checkDraftCount(count: number, max: number): void {
  if (count > max) throw tooManyDrafts(count, max);
}
