/**
 * Prefetch resolution ({@link https://cds-hooks.hl7.org/2.0/#prefetch-template}): turns the
 * prefetch of a validated request into `ResolvedData`, the way the spec asks:
 *
 * | prefetch[key]                              | action                                                    |
 * |--------------------------------------------|-----------------------------------------------------------|
 * | a resource / Bundle                        | use it; follow `next` links (under fhirServer's base URL) |
 * | `null`                                     | no data; never fetched; not unavailable                   |
 * | OperationOutcome, Bundle of only those     | unavailable → re-fetched from fhirServer if there is one  |
 * | missing                                    | fetched from fhirServer; unavailable if there is none     |
 *
 * All fetches of a request run in parallel within one time budget; a key that fails, times out or
 * answers garbage becomes unavailable, never an exception. The Patient is required: without it
 * (or when nothing but the Patient could be had and there was no fhirServer) the result is a
 * failure the HTTP layer answers with 412. This module knows nothing of rules or cards.
 */
import { getJson, isUnderFhirServer, resolveAgainstBase, type FhirClientOptions } from './fhir-client.js';
import { isAboutAnotherPatient, readPage } from './fhir-json.js';
import { readMedications, unresolvedMedicationIds } from './referenced-medications.js';
import type { FullUrlEntry, ResolvedData } from './types.js';
import type { UntrustedResource } from '../shared/json.js';
import { isDeceased } from '../shared/patient.js';
import { PREFETCH_KEYS, type PrefetchKey } from '../contract/prefetch-keys.js';

export const DEFAULT_MAX_PAGES = 20;

export interface PrefetchInput {
  /** The validated hook context; `patientId` is a FHIR id. */
  readonly context: { readonly patientId: string; readonly [field: string]: unknown };
  /** `request.prefetch` as sent (absent keys are missing, `null` keys are "no data"). */
  readonly prefetch: Readonly<Record<string, unknown>> | undefined;
  readonly fhirServer: string | undefined;
  readonly accessToken: string | undefined;
  /** The hook's draft orders: a Medication one names only by reference is read from fhirServer too. */
  readonly drafts?: readonly { readonly resource: UntrustedResource }[];
}

export interface PrefetchOptions {
  /** Template of each key, as in discovery (`{{context.patientId}}` tokens). */
  readonly templates: Readonly<Record<PrefetchKey, string>>;
  /** One budget for all FHIR-server fetches of the request. */
  readonly timeoutMs: number;
  /** Largest FHIR response page read, in bytes. */
  readonly maxBytes: number;
  /** Pages per key, the first included (default 20). */
  readonly maxPages?: number;
  /** Resources one key may bring from fhirServer; past it the key is unavailable (CDS_MAX_RESOURCES_PER_KEY). */
  readonly maxResources?: number;
  readonly fetch?: typeof fetch;
}

/** Why a key is unavailable, or how many Medications named by reference could not be read (for logs: no URLs, ids or tokens in it). */
export interface KeyProblem {
  readonly key: PrefetchKey | 'medication-references';
  readonly reason: string;
}

export type PrefetchResult =
  | { readonly ok: true; readonly data: ResolvedData; readonly problems: readonly KeyProblem[] }
  | {
      readonly ok: false;
      /** `patient`: the Patient cannot be had; `no-data`: only the Patient, and no fhirServer to ask. */
      readonly failure: 'patient' | 'no-data';
      readonly problems: readonly KeyProblem[];
    };

type KeyOutcome =
  | { readonly status: 'data'; readonly resources: readonly UntrustedResource[] }
  | { readonly status: 'none' }
  /** Partial resources (pages read before a failure) are kept alongside the unavailability. */
  | { readonly status: 'unavailable'; readonly reason: string; readonly resources: readonly UntrustedResource[] };

const unavailable = (reason: string, resources: readonly UntrustedResource[] = []): KeyOutcome => ({ status: 'unavailable', reason, resources });

/** Fills `{{context.<field>}}` tokens with root-level primitive context values; undefined if any is left. */
export function fillTemplate(template: string, context: Readonly<Record<string, unknown>>): string | undefined {
  let unresolved = false;
  const filled = template.replace(/\{\{\s*context\.([A-Za-z0-9_]+)\s*\}\}/g, (_token, field: string) => {
    const value = context[field];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return encodeURIComponent(String(value));
    unresolved = true;
    return '';
  });
  return unresolved || filled.includes('{{') ? undefined : filled;
}

interface Session {
  readonly client: FhirClientOptions | undefined;
  readonly maxPages: number;
  readonly maxResources: number;
  /** The Medications of every page read that are named by a `urn:uuid:` fullUrl. */
  readonly medicationsByFullUrl: FullUrlEntry[];
}

export async function resolvePrefetch(input: PrefetchInput, options: PrefetchOptions): Promise<PrefetchResult> {
  // Only a call with a server to ask needs one (an AbortController is not free on every call).
  const controller = input.fhirServer === undefined ? undefined : new AbortController();
  const client: FhirClientOptions | undefined =
    input.fhirServer === undefined || controller === undefined
      ? undefined
      : {
          baseUrl: input.fhirServer,
          accessToken: input.accessToken,
          signal: controller.signal,
          maxBytes: options.maxBytes,
          ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        };
  const session: Session = { client, maxPages: options.maxPages ?? DEFAULT_MAX_PAGES, maxResources: options.maxResources ?? Number.POSITIVE_INFINITY, medicationsByFullUrl: [] };

  // One deadline for every fetch: on expiry, fetches are aborted and keys still waiting are unavailable.
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    if (client === undefined) return;
    timer = setTimeout(() => {
      controller?.abort();
      resolve('timeout');
    }, options.timeoutMs);
  });
  const timedOut = deadline.then(() => unavailable('timeout'));
  try {
    const outcomes = await Promise.all(PREFETCH_KEYS.map((key) => Promise.race([resolveKey(key, input, options, session), timedOut])));
    const result = collect(outcomes, input, session);
    // The Medications the records and drafts name only by reference, read in what is left of the budget.
    if (client === undefined || !result.ok) return result;
    const ids = unresolvedMedicationIds(result.data.resources, (input.drafts ?? []).map((d) => d.resource), client.baseUrl);
    if (ids.length === 0) return result;
    // At the end of the budget, the Medications read by then count; the others stay unidentified.
    const reads = readMedications(ids, client);
    await Promise.race([reads.done, deadline]);
    const found = [...reads.found];
    const unread = ids.length - found.length;
    return {
      ...result,
      data: { ...result.data, resources: [...result.data.resources, ...found] },
      // Counted, never named: an id or URL in the log would say what the patient takes.
      ...(unread === 0 ? {} : { problems: [...result.problems, { key: 'medication-references', reason: `${unread} of ${ids.length} Medication reads failed` }] }),
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The keys' outcomes as the facts stage takes them (the Patient apart, other patients' resources left out), or why there is no answer. */
function collect(outcomes: readonly KeyOutcome[], input: PrefetchInput, session: Session): PrefetchResult {
  const problems: KeyProblem[] = [];
  const resources: UntrustedResource[] = [];
  const unavailableKeys: PrefetchKey[] = [];
  let patient: UntrustedResource | undefined;
  const ownReference = `Patient/${input.context.patientId}`;
  PREFETCH_KEYS.forEach((key, i) => {
    const outcome = outcomes[i] ?? unavailable('not resolved');
    if (outcome.status === 'unavailable') {
      problems.push({ key, reason: outcome.reason });
      if (key !== 'patient') unavailableKeys.push(key);
    }
    if (outcome.status === 'none') return;
    if (key === 'patient') {
      patient = outcome.status === 'data' ? outcome.resources[0] : undefined;
      return;
    }
    for (const r of outcome.resources) if (!isAboutAnotherPatient(r, input.context.patientId, ownReference)) resources.push(r);
  });

  if (patient === undefined) return { ok: false, failure: 'patient', problems };
  // The Patient alone answers a deceased patient (contract v2: no cards on any hook): no 412 for a
  // chart that simply gets none.
  if (session.client === undefined && unavailableKeys.length === PREFETCH_KEYS.length - 1 && !isDeceased(patient)) return { ok: false, failure: 'no-data', problems };
  const named = session.medicationsByFullUrl;
  return { ok: true, data: { patient, resources, unavailable: unavailableKeys, ...(named.length === 0 ? {} : { medicationsByFullUrl: named }) }, problems };
}

async function resolveKey(key: PrefetchKey, input: PrefetchInput, options: PrefetchOptions, session: Session): Promise<KeyOutcome> {
  const sent = input.prefetch !== undefined && Object.hasOwn(input.prefetch, key) ? input.prefetch[key] : undefined;
  if (sent === null) {
    // The client has no data for this key: "no data", and never re-queried.
    return { status: 'none' };
  }
  if (sent !== undefined) {
    const page = readPage(sent, templateType(options.templates[key]));
    if (page.kind === 'data') {
      session.medicationsByFullUrl.push(...page.medications);
      // Prefetched data is authoritative; its next pages come from fhirServer.
      const outcome = await followPages(page.resources, page.next, 1, new Set(), session);
      if (key !== 'patient') return outcome;
      const checked = checkPatient(outcome, input.context.patientId);
      // A prefetched Patient that is not this patient: ask fhirServer, if there is one.
      if (checked.status === 'data' || session.client === undefined) return checked;
    } else if (session.client === undefined) {
      return unavailable(`prefetch: ${page.reason}`);
    }
    // An error in place of prefetched data: the spec says re-query fhirServer when there is one.
  } else if (session.client === undefined) {
    return unavailable('missing from prefetch and no fhirServer');
  }
  const fetched = await fetchKey(key, input, options, session);
  return key === 'patient' ? checkPatient(fetched, input.context.patientId) : fetched;
}

async function fetchKey(key: PrefetchKey, input: PrefetchInput, options: PrefetchOptions, session: Session): Promise<KeyOutcome> {
  const client = session.client;
  if (client === undefined) return unavailable('no fhirServer');
  const relative = fillTemplate(options.templates[key], input.context);
  if (relative === undefined) return unavailable('template token without a context value');
  const url = resolveAgainstBase(client.baseUrl, relative);
  const result = await getJson(url, client);
  if (!result.ok) return unavailable(result.reason);
  const page = readPage(result.body, templateType(options.templates[key]));
  if (page.kind === 'unavailable') return unavailable(page.reason);
  session.medicationsByFullUrl.push(...page.medications);
  if (page.resources.length > session.maxResources) return unavailable(`more than ${session.maxResources} resources`);
  return followPages(page.resources, page.next, 1, new Set([url.href]), session);
}

/** Reads `link[next]` pages into `resources` until there is none (a cycle or the page cap: unavailable). */
async function followPages(
  resources: UntrustedResource[],
  firstNext: string | undefined,
  pagesRead: number,
  seen: Set<string>,
  session: Session,
): Promise<KeyOutcome> {
  let next = firstNext;
  let pages = pagesRead;
  const client = session.client;
  while (next !== undefined) {
    if (client === undefined) return unavailable('next page but no fhirServer to fetch it from', resources);
    if (!URL.canParse(next, `${client.baseUrl}/`)) return unavailable('next link is not a URL', resources);
    const url = new URL(next, client.baseUrl.endsWith('/') ? client.baseUrl : `${client.baseUrl}/`);
    // The bearer token never leaves the client's FHIR server: a next link must stay under its base URL.
    if (!isUnderFhirServer(url, client.baseUrl)) return unavailable('next link outside fhirServer', resources);
    // A cycle: a broken server, whose paging may have skipped pages — incomplete data must not
    // look complete, so what was read is kept and the key is reported unavailable.
    if (seen.has(url.href)) return unavailable('next link cycle', resources);
    if (pages >= session.maxPages) return unavailable(`more than ${session.maxPages} pages`, resources);
    seen.add(url.href);
    const result = await getJson(url, client);
    if (!result.ok) return unavailable(`page ${pages + 1}: ${result.reason}`, resources);
    const page = readPage(result.body);
    if (page.kind === 'unavailable') return unavailable(`page ${pages + 1}: ${page.reason}`, resources);
    if (resources.length + page.resources.length > session.maxResources) return unavailable(`more than ${session.maxResources} resources`, resources);
    for (const r of page.resources) resources.push(r);
    session.medicationsByFullUrl.push(...page.medications);
    pages += 1;
    next = page.next;
  }
  return { status: 'data', resources };
}

/** The resource type a prefetch template reads: "Observation?patient=…" → Observation, "Patient/{{…}}" → Patient. */
function templateType(template: string): string | undefined {
  const end = template.search(/[?/]/);
  const type = end < 0 ? template : template.slice(0, end);
  return /^[A-Z][A-Za-z]+$/.test(type) ? type : undefined;
}

/** The patient key must yield this patient's Patient resource (an id that differs = not obtainable). */
function checkPatient(outcome: KeyOutcome, patientId: string): KeyOutcome {
  if (outcome.status !== 'data') return outcome;
  const patient = outcome.resources.find((r) => r.resourceType === 'Patient' && (r.id === undefined || r.id === patientId));
  if (patient === undefined) return unavailable('no Patient resource with the context patientId');
  return { status: 'data', resources: [patient] };
}
