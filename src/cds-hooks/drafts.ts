/**
 * Draft orders of the prescribing hooks: `context.draftOrders` (order-select, order-sign) or
 * `context.medications` (medication-prescribe), as `DraftResource`s for the engine.
 *
 * Every Bundle entry whose resource has a resourceType and an id becomes a draft with the ref
 * `<resourceType>/<id>`; entries without them cannot be referred to and are skipped. For
 * order-select a draft is `selected` when its ref is in `context.selections`; for the other hooks
 * every draft is selected.
 */
import type { DraftResource } from '../prefetch/types.js';
import { isRecord, type UntrustedResource } from '../shared/json.js';
import type { Hook } from '../contract/services.js';

function entryResource(entry: unknown): (UntrustedResource & { readonly id: string }) | undefined {
  if (!isRecord(entry)) return undefined;
  const resource = entry.resource;
  if (!isRecord(resource)) return undefined;
  const { resourceType, id } = resource;
  if (typeof resourceType !== 'string' || resourceType === '' || typeof id !== 'string' || id === '') return undefined;
  return { ...resource, resourceType, id };
}

/** `context` is the hook context as validated by `contextSchemas[hook]`. */
export function draftsFromContext(hook: Hook, context: Readonly<Record<string, unknown>>): DraftResource[] {
  const bundle = hook === 'medication-prescribe' ? context.medications : hook === 'patient-view' ? undefined : context.draftOrders;
  const entries = isRecord(bundle) && Array.isArray(bundle.entry) ? bundle.entry : [];
  const selections =
    hook === 'order-select' ? new Set(Array.isArray(context.selections) ? context.selections.filter((s) => typeof s === 'string') : []) : undefined;
  const drafts: DraftResource[] = [];
  for (const entry of entries) {
    const resource = entryResource(entry);
    if (resource === undefined) continue;
    const ref = `${resource.resourceType}/${resource.id}`;
    drafts.push({ resource, ref, selected: selections === undefined || selections.has(ref) });
  }
  return drafts;
}
