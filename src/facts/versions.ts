/**
 * One resource sent twice in a request with different versions — a result corrected while the EHR
 * paged, a cached copy merged with a fresh one: the later version is the record (rules.md section 1:
 * of two results the later-issued one counts; an entered-in-error version withdraws the result),
 * whichever copy comes first. Identical copies (paging overlap, two prefetch keys) need none of this.
 */
import { isRecord, type JsonObject } from '../shared/json.js';
import { fhirId, str } from './accessors.js';

/** `meta.versionId` as a number when it is one (FHIR servers count 1, 2, 3 …). */
function versionNumber(meta: unknown): number | undefined {
  const v = isRecord(meta) ? str(meta.versionId) : undefined;
  return v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

function lastUpdated(meta: unknown): number | undefined {
  const v = isRecord(meta) ? str(meta.lastUpdated) : undefined;
  const ms = v === undefined ? Number.NaN : Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whether `b` is a later version of the resource than `a`, by `meta.versionId`, else `meta.lastUpdated`; undecided → false. */
export function isLaterVersion(a: JsonObject, b: JsonObject): boolean {
  const va = versionNumber(a.meta);
  const vb = versionNumber(b.meta);
  if (va !== undefined && vb !== undefined && va !== vb) return vb > va;
  const ta = lastUpdated(a.meta);
  const tb = lastUpdated(b.meta);
  return ta !== undefined && tb !== undefined && tb > ta;
}

/**
 * The copies to read where a later copy of a resource is a later version than the first one sent:
 * `Type/id` → that copy. Empty when every first copy is the latest (the usual case).
 */
export function laterVersions(resources: readonly unknown[]): ReadonlyMap<string, JsonObject> {
  const first = new Map<string, JsonObject>();
  const chosen = new Map<string, JsonObject>();
  for (const resource of resources) {
    if (!isRecord(resource)) continue;
    const type = str(resource.resourceType);
    const id = fhirId(resource.id);
    if (type === undefined || id === undefined) continue;
    const key = `${type}/${id}`;
    const best = chosen.get(key) ?? first.get(key);
    if (best === undefined) first.set(key, resource);
    else if (isLaterVersion(best, resource)) chosen.set(key, resource);
  }
  return chosen;
}
