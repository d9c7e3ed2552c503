/**
 * The JSON body parser of the hook routes: express.json, with the body's limits read from its
 * bytes while they arrive (limits.ts `checkBodyShapeWhileReading`) and applied before `JSON.parse`
 * (`checkBodyShape`, express.json's `verify`). One middleware, so that the scanner's listener and
 * express.json's reader are attached to the request in the same synchronous call, before any
 * chunk can flow — never a layer of the router apart, which may defer the next one.
 */
import express, { type RequestHandler } from 'express';
import { checkBodyShape, checkBodyShapeWhileReading, type CallLimits } from './limits.js';

export interface JsonBodyLimits extends CallLimits {
  readonly bodyLimitBytes: number;
}

export function jsonBody(limits: JsonBodyLimits, types: readonly string[]): RequestHandler {
  const scan = checkBodyShapeWhileReading(limits, types);
  const parse = express.json({ limit: limits.bodyLimitBytes, type: [...types], verify: checkBodyShape(limits) });
  return (req, res, next) => {
    scan(req, res, () => void parse(req, res, next));
  };
}
