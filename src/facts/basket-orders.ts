/**
 * What the hook's basket already orders besides drugs: lab tests and a DXA scan (ServiceRequest
 * drafts — the service's own suggestions once accepted, or the GP's). A card then does not offer
 * the same order again; read by the lab codes the results are read by (terminology bindings), the
 * DXA by the SNOMED procedure the service orders it with, or its text.
 */
import type { Terminology } from '../terminology/index.js';
import type { DraftResource } from '../prefetch/types.js';
import { codings, conceptText } from './accessors.js';
import { ObservationCodes } from './observation-codes.js';
import type { BasketOrders, LabKind } from './types.js';
import { isRecord } from '../shared/json.js';

/** Bone densitometry, the SNOMED procedure the service's own DXA referral carries. */
const DXA_PROCEDURES: ReadonlySet<string> = new Set(['312681000']);
const DXA_TEXT = /(?:^|[^a-zæøå])(?:dxa|dexa|knoglescanning|bone densitometry)/i;

export function basketOrders(drafts: readonly DraftResource[], terminology: Terminology): BasketOrders | undefined {
  const labs = new Set<LabKind>();
  let dxa = false;
  const codes = new ObservationCodes(terminology);
  for (const draft of drafts) {
    const resource = draft.resource;
    if (!isRecord(resource) || resource.resourceType !== 'ServiceRequest' || !isRecord(resource.code)) continue;
    for (const c of codings(resource.code)) {
      if (c.system === undefined || c.code === undefined) continue;
      const lab = codes.reading(c.system, c.code).lab;
      if (lab !== undefined) labs.add(lab);
      if (DXA_PROCEDURES.has(c.code)) dxa = true;
    }
    if (DXA_TEXT.test(conceptText(resource.code) ?? '')) dxa = true;
  }
  return labs.size === 0 && !dxa ? undefined : { labs: [...labs], dxa };
}
