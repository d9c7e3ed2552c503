/**
 * The fuzzing harness: the service (real engine) listening on loopback, a FHIR stub on loopback
 * whose answers each case sets, a fence that refuses any fetch off loopback (no fuzzed URL can
 * reach the network), a watch for unhandled rejections, and the checks every answer must pass.
 *
 * Run counts: FUZZ_RUNS (default 400) is the total over all properties of a file, shared out by
 * weight; `npm run fuzz` sets it to 10,000 and the total actually run is printed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'vitest';
import { validateResponse } from '../../src/cds-hooks/response.js';
import { makeRealApp } from '../helpers/engine.js';
import type { FhirStubAnswer } from './arbitraries.js';
import { isLoopbackHost } from '../../src/shared/url.js';

export const TOTAL_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? '400') || 400);

/** Runs for a property with `share` of the total (at least 10). */
export function runsFor(share: number): number {
  return Math.max(10, Math.ceil(TOTAL_RUNS * share));
}

/**
 * The seed: `npm test` uses a fixed one, so CI is deterministic (the same few hundred cases every
 * run); `npm run fuzz` sets FUZZ_SEED=random to explore new cases each time. A failure prints its
 * seed: FUZZ_SEED=<seed> replays it.
 */
export const SEED: number = ((): number => {
  const given = process.env.FUZZ_SEED;
  if (given === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(given);
  return given !== undefined && Number.isInteger(n) ? n : 20250601;
})();

/** fast-check options: `runs` cases from SEED. */
export function fcOptions(runs: number): { numRuns: number; seed: number } {
  return { numRuns: runs, seed: SEED };
}

/** A generous per-test time limit for `runs` HTTP cases. */
export function timeoutFor(runs: number): number {
  return 20_000 + runs * 60;
}

export interface Harness {
  /** `http://127.0.0.1:<port>` of the service. */
  readonly serviceUrl: string;
  /** The FHIR stub's base URL (`…/fhir`). */
  readonly stubBase: string;
  /** Sets what the stub answers, per resource type (others: 404). */
  setStub(answers: Readonly<Record<string, FhirStubAnswer>>): void;
  /** Unhandled rejections seen since start. */
  readonly rejections: unknown[];
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startHarness(): Promise<Harness> {
  // The fence: the service's own FHIR fetches and ours may only go to loopback.
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    if (!isLoopbackHost(url.hostname)) return Promise.reject(new TypeError(`fuzz fence: no fetch to ${url.hostname}`));
    return realFetch(input, init);
  };

  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };
  process.on('unhandledRejection', onRejection);

  let answers: Readonly<Record<string, FhirStubAnswer>> = {};
  const stub = createServer((req, res) => {
    const type = /^\/fhir\/([A-Za-z]+)/.exec(req.url ?? '')?.[1] ?? '';
    const answer = answers[type];
    req.resume();
    if (answer === undefined) {
      res.writeHead(404, { 'Content-Type': 'application/fhir+json' }).end('{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found"}]}');
      return;
    }
    const body = answer.raw ? String(answer.body) : JSON.stringify(answer.body) ?? 'null';
    res.writeHead(answer.status, { 'Content-Type': answer.raw ? 'text/html' : 'application/fhir+json' }).end(body);
  });
  const stubPort = await listen(stub);

  const { app, store } = makeRealApp({ config: { fhirTimeoutMs: 250 } });
  const service = createServer(app);
  const servicePort = await listen(service);

  return {
    serviceUrl: `http://127.0.0.1:${servicePort}`,
    stubBase: `http://127.0.0.1:${stubPort}/fhir`,
    setStub: (next) => {
      answers = next;
    },
    rejections,
    close: async () => {
      process.off('unhandledRejection', onRejection);
      globalThis.fetch = realFetch;
      for (const server of [service, stub]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
      await store.close();
    },
  };
}

export type AnswerKind = 'hook' | 'feedback' | 'other';

/** Statuses any client input may get. 405 only where a path exists for another method. */
const ALLOWED = new Set([200, 400, 404, 412, 413]);

/**
 * The properties every answer must have: an allowed status (never 5xx); a 200 from a hook passes
 * the response validator; a 200 from feedback is `{}`; every other status is an OperationOutcome.
 */
export async function checkAnswer(res: Response, kind: AnswerKind, extraAllowed: readonly number[] = []): Promise<void> {
  const text = await res.text();
  expect(ALLOWED.has(res.status) || extraAllowed.includes(res.status), `status ${res.status}: ${text.slice(0, 300)}`).toBe(true);
  const body: unknown = JSON.parse(text);
  if (res.status === 200 && kind === 'hook') {
    const result = validateResponse(body);
    expect(result.problems).toEqual([]);
  } else if (res.status === 200 && kind === 'feedback') {
    expect(body).toEqual({});
  } else if (res.status !== 200) {
    expect(body).toMatchObject({ resourceType: 'OperationOutcome', issue: expect.any(Array) });
  }
}

export async function post(url: string, body: string, contentType: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', body, headers: { ...(contentType === undefined ? {} : { 'Content-Type': contentType }), ...headers } });
}
