/**
 * Draft orders of the prescribing hooks: `context.draftOrders` (order-select, order-sign) or
 * `context.medications` (medication-prescribe), as `DraftResource`s for the engine.
 *
 * Every Bundle entry whose resource has a resourceType becomes a draft with the ref
 * `<resourceType>/<id>`. One without an id is still a draft — an alendronate order with eGFR ≤ 35
 * must get its critical card whatever the EHR left out — referred to by its entry's `fullUrl`
 * (`urn:uuid:…`), else by a URN of its place in the Bundle; no suggestion updates or deletes it
 * (cards/suggestions.ts), as the EHR could not find it. For order-select a draft is `selected`
 * when its ref is in `context.selections` (one without an id cannot be); for the other hooks
 * every draft is selected.
 */
import type { DraftResource } from '../prefetch/types.js';
import { isRecord, type UntrustedResource } from '../shared/json.js';
import { urnUuidFullUrl } from '../shared/url.js';
import type { Hook } from '../contract/services.js';

/** The draft's resource and how the answer refers to it, or undefined for an entry that holds no resource. */
function entryDraft(entry: unknown, index: number): { readonly resource: UntrustedResource; readonly ref: string; readonly fullUrl?: string } | undefined {
  if (!isRecord(entry)) return undefined;
  const resource = entry.resource;
  if (!isRecord(resource)) return undefined;
  const { resourceType, id } = resource;
  if (typeof resourceType !== 'string' || resourceType === '') return undefined;
  const fullUrl = urnUuidFullUrl(entry);
  const known = fullUrl === undefined ? {} : { fullUrl };
  if (typeof id === 'string' && id !== '') return { resource: { ...resource, resourceType }, ref: `${resourceType}/${id}`, ...known };
  const { id: _unusable, ...rest } = resource;
  return { resource: { ...rest, resourceType }, ref: fullUrl ?? `urn:osteo-cds:draft-order:${index + 1}`, ...known };
}

/** `context` is the hook context as validated by `contextSchemas[hook]`. */
export function draftsFromContext(hook: Hook, context: Readonly<Record<string, unknown>>): DraftResource[] {
  const bundle = hook === 'medication-prescribe' ? context.medications : hook === 'patient-view' ? undefined : context.draftOrders;
  const entries = isRecord(bundle) && Array.isArray(bundle.entry) ? bundle.entry : [];
  const selections =
    hook === 'order-select' ? new Set(Array.isArray(context.selections) ? context.selections.filter((s) => typeof s === 'string') : []) : undefined;
  const drafts: DraftResource[] = [];
  for (let i = 0; i < entries.length; i++) {
    const draft = entryDraft(entries[i], i);
    if (draft === undefined) continue;
    drafts.push({ ...draft, selected: selections === undefined || (typeof draft.resource.id === 'string' && isSelected(draft.ref, selections)) });
  }
  return drafts;
}

/**
 * Named in `selections`. A DSTU2 draft (`MedicationOrder`) named as the R4 type of the same order
 * (`MedicationRequest/<id>`), or the other way round, is the same order: so named, a DSTU2 basket
 * got no card at all.
 */
function isSelected(ref: string, selections: ReadonlySet<string>): boolean {
  if (selections.has(ref)) return true;
  const [type, ...id] = ref.split('/');
  const sibling = type === 'MedicationOrder' ? 'MedicationRequest' : type === 'MedicationRequest' ? 'MedicationOrder' : undefined;
  return sibling !== undefined && selections.has(`${sibling}/${id.join('/')}`);
}
