/**
 * Test-only adapter: a CDS Hooks request's prefetch → `ResolvedData`, so fixture requests can be
 * read by the facts stage. (The real prefetch stage — paging, FHIR-server fallback, OperationOutcome
 * handling — lives in src/prefetch; this only flattens Bundles.) A key whose value is null or an
 * OperationOutcome is reported unavailable.
 */
import { readFileSync } from 'node:fs';
import type { ResolvedData } from '../../src/prefetch/types.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { PREFETCH_KEYS, type PrefetchKey } from '../../src/contract/prefetch-keys.js';

function isResource(value: unknown): value is UntrustedResource {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { resourceType?: unknown }).resourceType === 'string';
}

export function resolvedFromRequest(request: unknown): ResolvedData {
  const prefetch = (request as { prefetch?: Record<string, unknown> }).prefetch ?? {};
  const patient = prefetch.patient;
  const resources: UntrustedResource[] = [];
  const unavailable: PrefetchKey[] = [];
  for (const key of PREFETCH_KEYS) {
    if (key === 'patient' || !(key in prefetch)) continue;
    const value = prefetch[key];
    if (!isResource(value) || value.resourceType === 'OperationOutcome') {
      unavailable.push(key);
      continue;
    }
    if (value.resourceType !== 'Bundle') {
      resources.push(value);
      continue;
    }
    const entries = (value as { entry?: { resource?: unknown }[] }).entry ?? [];
    for (const entry of entries) if (isResource(entry.resource)) resources.push(entry.resource);
  }
  return { patient: isResource(patient) ? patient : { resourceType: 'Patient' }, resources, unavailable };
}

export function readRequest(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
