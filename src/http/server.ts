/**
 * The HTTP server around the app, with the time limits Node leaves open by default (a request
 * may take 300 s to arrive, and they are checked every 30 s): 150 slow 10 MB bodies held 1.77 GB
 * for 45 s (issue 13, finding 5).
 *
 * - `requestTimeout` = CDS_REQUEST_TIMEOUT_MS: the whole request (headers and body) must have
 *   arrived within the call's budget, else 408 and the connection is closed;
 * - `headersTimeout` = the smaller of 10 s and that: a client that trickles its headers
 *   (slowloris) is cut off early;
 * - the timeouts are checked every second (Node's `connectionsCheckingInterval`, default 30 s);
 * - `keepAliveTimeout` 5 s (Node's default, stated), so idle connections do not pile up.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Config } from '../config.js';

export const MAX_HEADERS_TIMEOUT_MS = 10_000;

export function createHttpServer(app: RequestListener, config: Pick<Config, 'requestTimeoutMs'>): Server {
  const requestTimeout = config.requestTimeoutMs;
  return createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(MAX_HEADERS_TIMEOUT_MS, requestTimeout),
      connectionsCheckingInterval: Math.min(1000, requestTimeout),
      keepAliveTimeout: 5000,
    },
    app,
  );
}
