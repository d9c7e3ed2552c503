/**
 * A JSON answer written as express's `res.status(status).json(body)` writes it — the same status,
 * `Content-Type: application/json; charset=utf-8` and `Content-Length` — without its per-call
 * settings look-ups and content-type parsing. For answers to POST routes (no HEAD, no
 * conditional request, no ETag).
 */
import type { Response } from 'express';

export function sendJson(res: Response, status: number, json: string): void {
  // As bytes (as express sends a long text): UTF-8 outside the JavaScript heap, its length known.
  sendJsonBytes(res, status, Buffer.from(json));
}

/** JSON already encoded as UTF-8 (a call answered in the call worker). */
export function sendJsonBytes(res: Response, status: number, body: Uint8Array): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(body.length));
  res.end(body);
}
