/**
 * CDS_BODY_LIMIT on every route, whatever the content type: a request that declares a larger
 * body (`Content-Length`) gets 413 before anything reads it, and the connection is closed so the
 * rest is not read either. Bodies without a declared length (chunked) are capped while they are
 * read, by the JSON parser on the routes that read bodies; other routes never read them.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { payloadTooLarge } from './errors.js';

export function bodyLimit(maxBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = req.get('content-length');
    if (declared !== undefined && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
      res.setHeader('Connection', 'close');
      next(payloadTooLarge('The request body is larger than the configured limit (CDS_BODY_LIMIT).'));
      return;
    }
    next();
  };
}
