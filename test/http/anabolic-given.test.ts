/**
 * Romosozumab given three weeks ago, recorded only as a MedicationAdministration (a Danish record
 * by ATC and NPU codes, and its US twin by an RxNorm product read by name, LOINC and ICD-10-CM),
 * through the HTTP service: she is on anabolic treatment, as with an active statement — no "start
 * alendronate" card with the order pre-selected (facts/anabolic-cover.ts). The same for a
 * `completed` prescription and for teriparatide; once the 12-month course is over the
 * antiresorptive follow-on is offered. Bundles in `anabolic-given/`; now 2026-11-26. The US RxNorm
 * codes are placeholders (terminology.md leaves both RxCUIs unresolved): the names identify the drugs.
 */
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Card } from '../../src/cds-hooks/response.js';
import { makeRealApp } from '../helpers/engine.js';

type Resource = Record<string, unknown>;
type Entries = { entry: { fullUrl: string; resource: Resource }[] };
type Body = { hook: string; context: Record<string, unknown>; prefetch: { medicationAdministrations: Entries; medicationRequests: Entries } & Record<string, Entries> };

const NOW = new Date('2026-11-26T09:00:00Z');
const VARIANTS = ['dk', 'us'] as const;
type Variant = (typeof VARIANTS)[number];

function body(variant: Variant): Body {
  return JSON.parse(readFileSync(new URL(`./anabolic-given/${variant}-romosozumab-given.request.json`, import.meta.url), 'utf8')) as Body;
}

/** The recorded romosozumab administration. */
function given(b: Body): Resource {
  const entry = b.prefetch.medicationAdministrations.entry[0];
  if (entry === undefined) throw new Error('no administration in the bundle');
  return entry.resource;
}

/** The bundle with its medication records under `key` replaced by these (dated copies of the administration's drug). */
function withRecords(b: Body, key: 'medicationAdministrations' | 'medicationRequests', resources: readonly Resource[]): Body {
  const out = structuredClone(b);
  out.prefetch.medicationAdministrations.entry = [];
  out.prefetch[key] = { ...out.prefetch[key], entry: resources.map((r) => ({ fullUrl: `urn:uuid:${String(r.resourceType)}-${String(r.id)}`, resource: r })) };
  return out;
}

const teriparatide: Record<Variant, Resource> = {
  dk: { coding: [{ system: 'http://www.whocc.no/atc', code: 'H05AA02', display: 'Teriparatid' }], text: 'Forsteo injektionsvæske 20 mikrog/dosis' },
  us: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '0000002', display: 'teriparatide 0.25 MG/ML Pen Injector [Forteo]' }], text: 'Forteo pen' },
};

async function cards(b: Body, hook = 'patient-view'): Promise<Card[]> {
  const { app } = makeRealApp({ now: NOW });
  const res = await request(app).post(`/cds-services/osteoporosis-${hook}`).send({ ...b, hook }).expect(200);
  return (res.body as { cards: Card[] }).cards;
}

const topics = (list: readonly Card[]): string[] => list.flatMap((c) => c.extension['osteo-cds.topics'] ?? [c.source.topic?.code ?? '']).sort();

describe.each(VARIANTS)('%s: romosozumab given on 2026-11-01 (MedicationAdministration only)', (variant) => {
  it('no treatment card: she is on anabolic treatment; without the injection the alendronate start is pre-selected', async () => {
    const b = body(variant);
    const without = await cards(withRecords(b, 'medicationAdministrations', []));
    const start = without.find((c) => c.source.topic?.code === 'treatment-indicated');
    expect(start?.indicator).toBe('warning');
    expect(start?.suggestions?.[0]?.isRecommended).toBe(true);
    const onIt = await cards(b);
    expect(topics(onIt)).not.toContain('treatment-indicated');
    expect(topics(onIt)).not.toContain('pretreatment-checks');
  });

  it('a completed prescription (dispensed 2026-10-01, 28 days) and a teriparatide dose given count alike', async () => {
    const b = body(variant);
    const concept = given(b).medicationCodeableConcept;
    const dispensed = { resourceType: 'MedicationRequest', id: 'rx-2610', status: 'completed', intent: 'order', medicationCodeableConcept: concept, subject: given(b).subject, authoredOn: '2026-10-01', dispenseRequest: { expectedSupplyDuration: { value: 28, unit: 'd', system: 'http://unitsofmeasure.org', code: 'd' }, numberOfRepeatsAllowed: 0 } };
    expect(topics(await cards(withRecords(b, 'medicationRequests', [dispensed])))).not.toContain('treatment-indicated');
    const teri = { ...given(b), id: 'teri-2611', medicationCodeableConcept: teriparatide[variant], dosage: { dose: { value: 20, unit: 'ug', system: 'http://unitsofmeasure.org', code: 'ug' } } };
    expect(topics(await cards(withRecords(b, 'medicationAdministrations', [teri])))).not.toContain('treatment-indicated');
  });

  it('after the 12 monthly injections (2025-11-01 … 2026-10-01) the course is over: the antiresorptive follow-on is offered', async () => {
    const b = body(variant);
    const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
    const doses = months.map((m, i) => ({ ...given(b), id: `evenity-${i}`, effectiveDateTime: `${m}-01` }));
    expect(topics(await cards(withRecords(b, 'medicationAdministrations', doses)))).toContain('treatment-indicated');
  });

  it('order-sign of a glucocorticoid course: romosozumab given is bone protection, as an active statement is', async () => {
    const b = body(variant);
    const subject = given(b).subject;
    const prednisolone = {
      resourceType: 'MedicationRequest',
      id: 'pred-draft',
      status: 'draft',
      intent: 'order',
      medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'H02AB06', display: 'Prednisolon' }], text: 'Prednisolon 5 mg' },
      subject,
      authoredOn: '2026-11-26',
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 10, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }] }],
      dispenseRequest: { expectedSupplyDuration: { value: 3, unit: 'mo', system: 'http://unitsofmeasure.org', code: 'mo' } },
    };
    const signing = (record: Body): Body => ({ ...record, context: { ...record.context, draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: prednisolone }] } } });
    expect(topics(await cards(signing(withRecords(b, 'medicationAdministrations', [])), 'order-sign'))).toContain('rx-glucocorticoid-bone-protection');
    expect(topics(await cards(signing(b), 'order-sign'))).not.toContain('rx-glucocorticoid-bone-protection');
  });
});
