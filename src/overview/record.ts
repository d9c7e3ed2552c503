/**
 * The overview app's record → the facts stage, in the browser: the app fetches each prefetch key
 * of the discovery templates with its SMART token and hands the answers here; they are read the
 * way the service reads a prefetch (prefetch/fhir-json.ts: Bundles flattened, OperationOutcomes
 * make a key unavailable, other patients' resources left out) and turned into PatientFacts with
 * the terminology the service uses (built-in bindings + the site's additions, as /app/config.json
 * gives them). This file and what it imports must stay free of node-only modules: esbuild bundles
 * it for the browser (scripts/build-app.mjs).
 */
import builtInBindings from '../terminology/bindings.json' with { type: 'json' };
import { buildFacts } from '../facts/build-facts.js';
import type { PatientFacts } from '../facts/types.js';
import { isAboutAnotherPatient, readPage } from '../prefetch/fhir-json.js';
import type { ResolvedData } from '../prefetch/types.js';
import { PREFETCH_KEYS, type PrefetchKey } from '../contract/prefetch-keys.js';
import { isResource, type UntrustedResource } from '../shared/json.js';
import { buildTerminology, type Terminology } from '../terminology/terminology.js';

/** One key's answers: the pages read (Bundles or a resource), or undefined when the fetch failed. */
export type RecordAnswers = Readonly<Partial<Record<PrefetchKey, readonly unknown[] | undefined>>>;

/** The same bindings the service matches codes with (the site's additions, when the service has them). */
export function overviewTerminology(site: unknown): Terminology {
  return site === undefined || site === null ? buildTerminology(builtInBindings) : buildTerminology(builtInBindings, site, 'the service site terminology');
}

/** The record as the service would resolve it from a complete prefetch; throws when there is no Patient. */
export function resolvedRecord(patientId: string, answers: RecordAnswers): ResolvedData {
  const patient = answers.patient?.find(isResource);
  if (patient === undefined || patient.resourceType !== 'Patient') throw new Error('The FHIR server gave no Patient.');
  const resources: UntrustedResource[] = [];
  const unavailable: PrefetchKey[] = [];
  for (const key of PREFETCH_KEYS) {
    if (key === 'patient') continue;
    const pages = answers[key];
    if (pages === undefined) {
      unavailable.push(key);
      continue;
    }
    for (const page of pages) {
      const read = readPage(page);
      if (read.kind === 'unavailable') {
        unavailable.push(key);
        break;
      }
      resources.push(...read.resources.filter((r) => !isAboutAnotherPatient(r, patientId)));
    }
  }
  return { patient, resources, unavailable: [...new Set(unavailable)] };
}

/** PatientFacts of the record on `now` (the facts stage of the rules). */
export function factsOfRecord(data: ResolvedData, now: Date, terminology: Terminology): PatientFacts {
  return buildFacts(data, [], now, terminology);
}

/** The prefetch the service's own patient-view endpoint is called with: the record as read. */
export function prefetchOfRecord(answers: RecordAnswers): Record<string, unknown> {
  const prefetch: Record<string, unknown> = {};
  for (const key of PREFETCH_KEYS) {
    const pages = answers[key];
    if (pages === undefined) continue;
    if (key === 'patient') {
      prefetch.patient = pages.find(isResource) ?? null;
      continue;
    }
    // One searchset of all pages' entries (the service reads a Bundle's entries; next links are not followed here).
    const entry = pages.flatMap((p) => (isResource(p) && p.resourceType === 'Bundle' && Array.isArray(p.entry) ? (p.entry as unknown[]) : isResource(p) ? [{ resource: p }] : []));
    prefetch[key] = { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
  }
  return prefetch;
}
