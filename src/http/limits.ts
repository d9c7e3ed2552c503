/**
 * The limits that keep one call from costing more than its share (service contract, "Version 2
 * additions", Limits): a time budget per call (503 past it), nesting depth of a JSON body (400),
 * resources per prefetch key and draft orders per call (413 past them). Everything here walks
 * bodies iteratively, so no input can exhaust the stack.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorHandler } from './error-handler.js';
import { badRequest, payloadTooLarge, serviceUnavailable } from './errors.js';

/**
 * CDS_REQUEST_TIMEOUT_MS: a call still unanswered when its budget runs out gets 503. Routes that
 * await (the prefetch stage) check `res.headersSent` afterwards and stop, so a late result is
 * neither evaluated nor written.
 */
export function requestTimeout(budgetMs: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      res.setHeader('Connection', 'close');
      errorHandler(serviceUnavailable('The request could not be answered within its time budget (CDS_REQUEST_TIMEOUT_MS).'), req, res, () => undefined);
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

/** After the JSON parser: a body nested deeper than MAX_JSON_DEPTH → 400. */
export function jsonDepthLimit(limit: number = MAX_JSON_DEPTH): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (nestedDeeperThan(req.body, limit)) {
      next(badRequest(`The request body is nested deeper than ${limit} levels.`));
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
      throw payloadTooLarge(`prefetch.${key} holds ${entries.length} resources; at most ${maxPerKey} per key are accepted (CDS_MAX_RESOURCES_PER_KEY).`);
    }
  }
}

/** CDS_MAX_DRAFT_ORDERS: more draft orders in one call → 413. */
export function checkDraftCount(count: number, max: number): void {
  if (count > max) throw payloadTooLarge(`The call holds ${count} draft orders; at most ${max} are accepted (CDS_MAX_DRAFT_ORDERS).`);
}
