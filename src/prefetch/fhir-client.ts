/**
 * The FHIR-server side of prefetch: one GET with the client's bearer token, read as JSON within a
 * byte cap and the request's time budget. Never throws: every failure is a reason string (safe to
 * log: it holds no URL, no patient id, no token).
 */
import { ADDRESS_REFUSED } from './address-guard.js';
import { isUnderBase } from './fhir-servers.js';

export interface FhirClientOptions {
  /** `fhirServer` from the request, already checked (https, or http on loopback). */
  readonly baseUrl: string;
  /** `fhirAuthorization.access_token`; sent as `Authorization: Bearer …` to `baseUrl`'s origin only. */
  readonly accessToken: string | undefined;
  /** Aborted when the request's FHIR time budget is spent. */
  readonly signal: AbortSignal;
  /** Largest response body read, in bytes. */
  readonly maxBytes: number;
  /** Injected in tests; the global `fetch` otherwise. */
  readonly fetch?: typeof fetch;
}

export type FetchResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly reason: string; readonly status?: number };

/** `base` + relative FHIR URL (`Patient/1`, `Observation?patient=1`), keeping base's path. */
export function resolveAgainstBase(baseUrl: string, relative: string): URL {
  return new URL(relative, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

/** `url` is under the client's FHIR server: same scheme, host and port, base path segments first. */
export function isUnderFhirServer(url: URL, baseUrl: string): boolean {
  return URL.canParse(baseUrl) && isUnderBase(url, new URL(baseUrl));
}

export async function getJson(url: URL, options: FhirClientOptions): Promise<FetchResult> {
  // The token goes to the client's FHIR server only, never to another path of its host; callers check this too (next links).
  if (!isUnderFhirServer(url, options.baseUrl)) return { ok: false, reason: 'URL outside fhirServer' };
  const headers: Record<string, string> = { Accept: 'application/fhir+json' };
  if (options.accessToken !== undefined) headers.Authorization = `Bearer ${options.accessToken}`;
  const doFetch = options.fetch ?? fetch;
  try {
    // redirect: 'error' — a redirect could lead the token or the request elsewhere.
    const response = await doFetch(url, { method: 'GET', headers, signal: options.signal, redirect: 'error' });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${response.status}`, status: response.status };
    }
    const text = await readText(response, options.maxBytes);
    if (text === undefined) return { ok: false, reason: 'response too large' };
    try {
      const body: unknown = JSON.parse(text);
      return { ok: true, body };
    } catch {
      return { ok: false, reason: 'response is not JSON' };
    }
  } catch (err) {
    if (options.signal.aborted) return { ok: false, reason: 'timeout' };
    return { ok: false, reason: causeCode(err) === ADDRESS_REFUSED ? 'address not public' : 'network error' };
  }
}

/** The `code` of a fetch failure's cause (`fetch failed` wraps the socket error). */
function causeCode(err: unknown): unknown {
  const cause = err instanceof Error ? err.cause : undefined;
  return typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
}

/** The body as text, or undefined when it exceeds maxBytes (reading stops there). */
export async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk: { readonly done: boolean; readonly value?: unknown } = await reader.read();
    if (chunk.done) break;
    const value = chunk.value;
    if (!(value instanceof Uint8Array)) return undefined;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
