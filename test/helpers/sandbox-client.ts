/**
 * A stand-in for the CDS Hooks sandbox's wire behaviour (docs/cds-hooks.md §§13–17), for tests
 * that replay it against the service and the fixture FHIR server: its start-up reads of the FHIR
 * server, discovery, prefetch filled the way it fills it (POST {type}/_search form-encoded, GET on
 * failure, keys whose fetch fails or is empty OMITTED, never null), and the service call (no
 * fhirAuthorization: an open FHIR server; no encounterId).
 */
import { randomUUID } from 'node:crypto';

export interface DiscoveredService {
  readonly id: string;
  readonly hook: string;
  readonly prefetch?: Readonly<Record<string, string>>;
}

async function json(res: Response): Promise<unknown> {
  const text = await res.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** GET <discoveryUrl> with Accept: application/json; the sandbox rejects an empty service list. */
export async function discover(discoveryUrl: string): Promise<DiscoveredService[]> {
  const res = await fetch(discoveryUrl, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`discovery: ${res.status}`);
  const body = (await json(res)) as { services: DiscoveredService[] };
  if (!Array.isArray(body.services) || body.services.length === 0) throw new Error('discovery: no services');
  return body.services;
}

/** The sandbox's start-up reads: metadata, Patient, Patient/{id}, Condition?patient={id}. */
export async function loadPatient(fhir: string, patientId: string): Promise<{ metadata: unknown; patient: unknown; conditions: unknown }> {
  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${fhir}/${path}`, { headers: { Accept: 'application/json+fhir' } });
    return { status: res.status, body: await json(res) };
  };
  const metadata = await get('metadata');
  const list = await get('Patient');
  if (list.status === 401) throw new Error('GET /Patient answered 401');
  const patient = await get(`Patient/${encodeURIComponent(patientId)}`);
  const conditions = await get(`Condition?patient=${encodeURIComponent(patientId)}`);
  return { metadata: metadata.body, patient: patient.body, conditions: conditions.body };
}

/** `{{context.X}}` for root-level primitives; undefined when any token is left (the key is skipped). */
function fillTemplate(template: string, context: Readonly<Record<string, unknown>>): string | undefined {
  const filled = template.replace(/\{\{\s*context\.([A-Za-z0-9_]+)\s*\}\}/g, (token, field: string) => {
    const v = context[field];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : token;
  });
  return filled.includes('{{') ? undefined : filled;
}

export interface PrefetchLog {
  readonly key: string;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly status: number;
}

/** Fills the service's prefetch as the sandbox does; failed or empty keys are omitted. */
export async function completePrefetch(
  service: DiscoveredService,
  context: Readonly<Record<string, unknown>>,
  fhir: string,
  log: PrefetchLog[] = [],
): Promise<Record<string, unknown> | undefined> {
  const prefetch: Record<string, unknown> = {};
  await Promise.all(
    Object.entries(service.prefetch ?? {}).map(async ([key, template]) => {
      const filled = fillTemplate(template, context);
      if (filled === undefined) return;
      const [path = '', query] = filled.split('?');
      try {
        let res: Response;
        if (query === undefined) {
          res = await fetch(`${fhir}/${path}`, { headers: { Accept: 'application/json+fhir' } });
          log.push({ key, method: 'GET', url: `${fhir}/${path}`, status: res.status });
        } else {
          // query-string parse/stringify: values decoded, re-encoded; commas in code lists become %2C.
          const form = new URLSearchParams(new URLSearchParams(query));
          res = await fetch(`${fhir}/${path}/_search`, { method: 'POST', headers: { Accept: 'application/json+fhir', 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
          log.push({ key, method: 'POST', url: `${fhir}/${path}/_search`, status: res.status });
          if (!res.ok) {
            res = await fetch(`${fhir}/${path}?${form.toString()}`, { headers: { Accept: 'application/json+fhir' } });
            log.push({ key, method: 'GET', url: `${fhir}/${path}?…`, status: res.status });
          }
        }
        if (!res.ok) return;
        const body = await json(res);
        if (body !== undefined) prefetch[key] = body;
      } catch {
        // A key whose fetch fails is left out.
      }
    }),
  );
  return Object.keys(prefetch).length === 0 ? undefined : prefetch;
}

/** The sandbox's service call: no fhirAuthorization, prefetch only when something resolved. */
export async function callService(
  discoveryUrl: string,
  service: DiscoveredService,
  context: Readonly<Record<string, unknown>>,
  fhir: string,
  prefetch: Record<string, unknown> | undefined,
): Promise<{ status: number; body: unknown }> {
  const body = { hookInstance: randomUUID(), hook: service.hook, fhirServer: fhir, context, ...(prefetch === undefined ? {} : { prefetch }) };
  const res = await fetch(`${discoveryUrl}/${service.id}`, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await json(res) };
}

/** The draft the sandbox's Rx View builds for an R4 server (medication-reducers#createFhirResource). */
export function sandboxDraft(patientId: string, rxnorm: string, display: string): Record<string, unknown> {
  return {
    resourceType: 'MedicationRequest',
    id: 'request-123',
    status: 'draft',
    intent: 'order',
    // Sent as an object, not an array (invalid R4; the service reads it tolerantly).
    category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'outpatient', display: 'Outpatient' }] },
    medicationCodeableConcept: { text: display, coding: [{ display, system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: rxnorm }] },
    subject: { reference: `Patient/${patientId}` },
    authoredOn: '2026-11-26',
    dosageInstruction: [{ text: '1 tablet weekly', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] }],
  };
}
