import { describe, expect, it } from 'vitest';
import { buildSuggestion, type SuggestionContext } from '../../src/cards/suggestions.js';
import { suggestionSchema } from '../../src/cds-hooks/response.js';
import type { SuggestionSpec } from '../../src/contract/suggestions.js';
import type { UntrustedResource } from '../../src/shared/json.js';

const draft = {
  resourceType: 'MedicationRequest',
  id: 'rx-1',
  status: 'draft',
  intent: 'order',
  medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BX04' }], text: 'Prolia 60 mg' },
  dosageInstruction: [{ text: '60 mg s.c. hver 6. måned' }],
};
const ctx: SuggestionContext = {
  lang: 'da',
  patientRef: 'Patient/p1',
  today: '2026-11-26',
  female: true,
  drafts: new Map([['MedicationRequest/rx-1', draft]]),
};

function resourceOf(spec: SuggestionSpec, i = 0): Record<string, unknown> {
  const action = buildSuggestion(spec, ctx).actions?.[i];
  if (action === undefined || action.type === 'delete') throw new Error('expected a resource action');
  return action.resource;
}

describe('suggestions', () => {
  it('proposes alendronate 70 mg weekly as a draft MedicationRequest with ATC (and the RxNorm product a US EHR orders by), dosage and intake rules', () => {
    const mr = resourceOf({ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true });
    expect(mr).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'draft',
      intent: 'order',
      subject: { reference: 'Patient/p1' },
      medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'M05BA04' }, { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '904431' }] },
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }, doseAndRate: [{ doseQuantity: { value: 70, code: 'mg' } }] }],
    });
    expect(JSON.stringify(mr)).toContain('fastende');
    expect(buildSuggestion({ kind: 'prescribe', drug: 'alendronate-tablet', recommended: true }, ctx).isRecommended).toBe(true);
  });

  it('orders each lab as a ServiceRequest with its LOINC and NPU codes', () => {
    const s = buildSuggestion({ kind: 'labs', labs: ['egfr', 'calcium', 'vitamin-d'] }, ctx);
    expect(s.actions).toHaveLength(3);
    const codes = (s.actions ?? []).map((a) => (a.type === 'create' ? JSON.stringify(a.resource) : ''));
    expect(codes[1]).toContain('NPU01443');
    expect(codes[1]).toContain('2000-8');
    expect(s.label).toBe('Bestil eGFR, P-calcium og P-25-OH-vitamin D');
    // 25-OH-D is ordered as the total (D2 + D3), as the NPU code means it — not the D3-only 14635-7.
    expect(codes[2]).toContain('62292-8');
    expect(codes[2]).toContain('NPU10267');
    expect(codes[2]).not.toContain('14635-7');
  });

  it('a start offered with the anabolic referral (one alternative of several): the order and the referral in one click, named both', () => {
    const s = buildSuggestion({ kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, withAnabolicReferral: true }, ctx);
    expect(s.actions?.map((a) => (a.type === 'delete' ? a.type : a.resource.resourceType))).toEqual(['MedicationRequest', 'ServiceRequest']);
    expect(JSON.stringify(s.actions?.[1])).toContain('anabol');
    expect(s.label).toMatch(/^Ordinér denosumab .* \+ henvisning til vurdering af anabol behandling$/);
    expect(s.isRecommended).toBe(true);
    expect(buildSuggestion({ kind: 'prescribe', drug: 'denosumab-biosimilar', withAnabolicReferral: true }, { ...ctx, lang: 'en' }).label).toContain('+ referral for an anabolic treatment assessment');
    expect(suggestionSchema.safeParse(s).success).toBe(true);
    // The zoledronic acid referral asks the question in its own text.
    expect(JSON.stringify(resourceOf({ kind: 'referral', to: 'zoledronic-acid', alsoAnabolic: true }))).toContain('også vurdering af anabol');
  });

  it('refers DXA to the department that did the last scan', () => {
    const sr = resourceOf({ kind: 'dxa', performer: { reference: 'Organization/hvh', display: 'Hvidovre Hospital' } });
    expect(sr).toMatchObject({ code: { coding: [{ system: 'http://snomed.info/sct', code: '312681000' }] }, performer: [{ reference: 'Organization/hvh' }] });
  });

  it('swaps the drug on the draft with an update that keeps its id and dosage', () => {
    const s = buildSuggestion({ kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: 'MedicationRequest/rx-1', mode: 'update' } }, ctx);
    expect(s.actions).toHaveLength(1);
    expect(s.actions?.[0]).toMatchObject({ type: 'update', resource: { id: 'rx-1', dosageInstruction: [{ text: '60 mg s.c. hver 6. måned' }], medicationCodeableConcept: { coding: [{ code: 'M05BX04' }] } } });
    expect(JSON.stringify(s.actions?.[0])).not.toContain('Prolia');
  });

  it('with drugDosage the swapped draft gets the new drug\'s own dosage and loses the supply length worked out for the old one (alendronate 10 mg daily → Binosto)', () => {
    const daily = { resourceType: 'MedicationRequest', id: 'rx-d', status: 'draft', intent: 'order', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'Alendronat 10 mg' }, dosageInstruction: [{ text: '1 tablet dagligt', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }], dispenseRequest: { quantity: { value: 98 }, expectedSupplyDuration: { value: 98, unit: 'd' } } };
    const s = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-d', mode: 'update' }, drugDosage: true }, { ...ctx, drafts: new Map([['MedicationRequest/rx-d', daily]]) });
    const action = s.actions?.[0];
    if (action?.type !== 'update') throw new Error('expected an update');
    expect(action.resource).toMatchObject({ id: 'rx-d', dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }, doseAndRate: [{ doseQuantity: { value: 70, code: 'mg' } }] }] });
    expect(action.resource.dosageInstruction).toHaveLength(1);
    expect(JSON.stringify(action.resource)).not.toContain('dagligt');
    // 98 daily tablets would be 98 weeks of the weekly one: no supply is carried over.
    expect(action.resource).not.toHaveProperty('dispenseRequest');
  });

  it('with drugDosage a DSTU2 MedicationOrder gets the dosage in DSTU2 spelling: periodUnits, the dose on the line, no patientInstruction', () => {
    const order = { resourceType: 'MedicationOrder', id: 'mo-d', status: 'draft', patient: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'Alendronat 10 mg' }, dosageInstruction: [{ text: '1 tablet dagligt', timing: { repeat: { frequency: 1, period: 1, periodUnits: 'd' } } }] };
    const s = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationOrder/mo-d', mode: 'update' }, drugDosage: true }, { ...ctx, drafts: new Map([['MedicationOrder/mo-d', order]]) });
    const action = s.actions?.[0];
    if (action?.type !== 'update') throw new Error('expected an update');
    const [dosage] = (action.resource as unknown as { dosageInstruction: Record<string, unknown>[] }).dosageInstruction;
    expect(dosage).toMatchObject({ timing: { repeat: { frequency: 1, period: 1, periodUnits: 'wk' } }, doseQuantity: { value: 70, code: 'mg' } });
    expect(dosage).not.toHaveProperty('timing.repeat.periodUnit');
    expect(dosage).not.toHaveProperty('patientInstruction');
    expect(dosage).not.toHaveProperty('doseAndRate');
  });

  it('in place of a DSTU2 MedicationOrder, the new order and the referral are R4 (service contract: "FHIR R4 resources"; rules.md §5 "referrals as ServiceRequest")', () => {
    const order = { resourceType: 'MedicationOrder', id: 'mo-aln', status: 'draft', patient: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'Alendronat 70 mg' } };
    const drafts = new Map([['MedicationOrder/mo-aln', order]]);
    const swap = buildSuggestion({ kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: 'MedicationOrder/mo-aln', mode: 'delete-create' } }, { ...ctx, drafts });
    expect(swap.actions?.map((a) => a.type)).toEqual(['delete', 'create']);
    expect(swap.actions?.[0]).toMatchObject({ type: 'delete', resourceId: 'MedicationOrder/mo-aln' });
    const created = swap.actions?.[1]?.type === 'create' ? swap.actions[1].resource : undefined;
    expect(created).toMatchObject({ resourceType: 'MedicationRequest', status: 'draft', intent: 'order', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { coding: [{ code: 'M05BX04' }] } });
    const referral = buildSuggestion({ kind: 'referral', to: 'zoledronic-acid', replacesDraft: 'MedicationOrder/mo-aln' }, { ...ctx, drafts });
    const request = referral.actions?.[1]?.type === 'create' ? referral.actions[1].resource : undefined;
    expect(request).toMatchObject({ resourceType: 'ServiceRequest', status: 'draft', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://snomed.info/sct', code: '3457005' }] } });
    // An R4 draft keeps its R4 replacement.
    const r4 = buildSuggestion({ kind: 'referral', to: 'zoledronic-acid', replacesDraft: 'MedicationRequest/rx-1' }, { ...ctx, drafts: new Map([['MedicationRequest/rx-1', draft]]) });
    expect(r4.actions?.[1]?.type === 'create' ? r4.actions[1].resource.resourceType : undefined).toBe('ServiceRequest');
  });

  it('leaves out the empty values a client sent on the draft it updates (found by the fuzzer)', () => {
    const messy = { ...draft, id: 'rx-2', category: [], note: [{ text: '' }], dosageInstruction: [{ text: '60 mg s.c. hver 6. måned', timing: {} }], reasonCode: null };
    const s = buildSuggestion({ kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: 'MedicationRequest/rx-2', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-2', messy]]) });
    expect(s.actions?.[0]).toMatchObject({ type: 'update', resource: { id: 'rx-2', dosageInstruction: [{ text: '60 mg s.c. hver 6. måned' }] } });
    const resource = s.actions?.[0]?.type === 'update' ? s.actions[0].resource : {};
    for (const key of ['category', 'note', 'reasonCode']) expect(resource).not.toHaveProperty(key);
    expect(suggestionSchema.safeParse(s).success).toBe(true);
    expect(JSON.stringify(resource)).not.toMatch(/\[\]|\{\}|""|null/);
  });

  it('hands back a sandbox-shaped draft as valid R4: a single `category` or `reasonCode` object becomes a list of one', () => {
    // The CDS Hooks sandbox sends `category` as one object (fixtures/*sandbox*/request.json) and sets `reasonCode` to a Condition's `code`.
    const category = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: 'outpatient', display: 'Outpatient' }] };
    const reasonCode = { coding: [{ system: 'http://snomed.info/sct', code: '40739000', display: 'Dysphagia' }], text: 'Dysphagia' };
    const sandbox = {
      resourceType: 'MedicationRequest',
      id: 'request-123',
      status: 'draft',
      intent: 'order',
      category,
      reasonCode,
      medicationCodeableConcept: { text: 'Alendronic acid 70 MG Oral Tablet', coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '904431' }] },
      subject: { reference: 'Patient/p1' },
      dosageInstruction: [{ text: '1 tablet once weekly', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk' } } }],
    };
    const before = JSON.stringify(sandbox);
    const drafts = new Map([['MedicationRequest/request-123', sandbox]]);
    const specs: SuggestionSpec[] = [
      { kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/request-123', mode: 'update' } },
      { kind: 'fix-schedule', draft: 'MedicationRequest/request-123', doseMg: 70, schedule: 'weekly' },
    ];
    for (const spec of specs) {
      const action = buildSuggestion(spec, { ...ctx, drafts }).actions?.[0];
      if (action?.type !== 'update') throw new Error(`${spec.kind}: expected an update`);
      expect(action.resource).toMatchObject({ id: 'request-123', category: [category], reasonCode: [reasonCode] });
      expect(action.resource.category).toHaveLength(1);
      expect(action.resource.reasonCode).toHaveLength(1);
    }
    // The draft the facts read is left as it was sent.
    expect(JSON.stringify(sandbox)).toBe(before);
    // A list stays the list it was.
    const listed = { ...sandbox, category: [category, { text: 'Community' }] };
    const s = buildSuggestion(specs[0]!, { ...ctx, drafts: new Map([['MedicationRequest/request-123', listed]]) });
    expect(s.actions?.[0]).toMatchObject({ resource: { category: [category, { text: 'Community' }] } });
  });

  it('a weekly tablet switched to the effervescent one keeps its dose and timing, and takes the effervescent tablet\'s words (card l. 68-69 "opløsning i et halvt glas vand")', () => {
    const draft = {
      resourceType: 'MedicationRequest',
      id: 'rx-w',
      status: 'draft',
      intent: 'order',
      medicationCodeableConcept: { text: 'Alendronat 70 mg tablet' },
      subject: { reference: 'Patient/p1' },
      dosageInstruction: [{ text: '1 tablet 1 gang ugentligt', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', dayOfWeek: ['mon'] } }, doseAndRate: [{ doseQuantity: { value: 70, unit: 'mg' } }] }],
    };
    const action = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-w', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-w', draft]]) }).actions?.[0];
    if (action?.type !== 'update') throw new Error('expected an update');
    const [dosage] = (action.resource as unknown as { dosageInstruction: Record<string, unknown>[] }).dosageInstruction;
    expect(dosage).toMatchObject({ text: '1 brusetablet à 70 mg én gang ugentligt, opløst i et halvt glas vand', timing: { repeat: { dayOfWeek: ['mon'] } }, doseAndRate: [{ doseQuantity: { value: 70 } }] });
    // The effervescent tablet's own intake, never "swallow the tablet whole" (the pharmacy label reads it).
    expect(dosage?.patientInstruction).toContain('Brusetabletten opløses i et halvt glas vand');
    expect(dosage?.patientInstruction).not.toContain('synkes hel');
    // A draft that already says to swallow the tablet whole (this service's own tablet order) gets the effervescent words instead.
    const swallow = { ...draft, dosageInstruction: [{ ...draft.dosageInstruction[0], patientInstruction: 'Tages fastende om morgenen. Tabletten synkes hel med et stort glas vand.' }] };
    const swapped = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-w', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-w', swallow]]) }).actions?.[0];
    expect(JSON.stringify(swapped)).not.toContain('synkes hel');
    expect(JSON.stringify(swapped)).toContain('Brusetabletten opløses');
    const instructionFor = (own: string): unknown => {
      const theirs = { ...draft, dosageInstruction: [{ ...draft.dosageInstruction[0], patientInstruction: own }] };
      const action = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-w', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-w', theirs]]) }).actions?.[0];
      return action?.type === 'update' ? (action.resource as unknown as { dosageInstruction: { patientInstruction?: string }[] }).dosageInstruction[0]?.patientInstruction : undefined;
    };
    for (const own of ['Synk tabletten hel med et stort glas vand.', 'Tabletten sluges hel', 'Hele tabletten tages med vand.', 'Swallow the tablet with a full glass of plain water. Do not crush.']) {
      expect(instructionFor(own), own).toMatch(/^Tages fastende om morgenen\. Brusetabletten opløses/);
    }
    // The GP's other clauses stay, after the effervescent words, however they are divided; an instruction naming no swallowing stays whole.
    expect(instructionFor('Tabletten synkes hel. NB: Pausér 3 uger før planlagt tandudtrækning.')).toMatch(/Brusetabletten opløses.* NB: Pausér 3 uger før planlagt tandudtrækning\.$/);
    expect(instructionFor('Tages mandag morgen\nTabletten synkes hel')).toMatch(/Brusetabletten opløses.* Tages mandag morgen$/);
    expect(instructionFor('Tages mandag morgen, tabletten synkes helt med vand')).toMatch(/Brusetabletten opløses.* Tages mandag morgen$/);
    expect(instructionFor('Take whole with plain water; take on Mondays')).toMatch(/Brusetabletten opløses.* take on Mondays$/);
    expect(instructionFor('Tages mandag morgen.')).toBe('Tages mandag morgen.');
    // "Hele året", "helt fastende" are not about swallowing; a bracket or colon a dropped clause leaves open is cut.
    expect(instructionFor('Tages helt fastende mandag morgen. Fortsæt hele året.')).toBe('Tages helt fastende mandag morgen. Fortsæt hele året.');
    expect(instructionFor('Tages mandag (1 tablet, synkes hel).')).toMatch(/Brusetabletten opløses.* Tages mandag$/);
    expect(instructionFor('Tages mandag:\nSynkes hel med vand')).toMatch(/Brusetabletten opløses.* Tages mandag$/);
    // A coded "Swallow whole" (SNOMED 417995008) goes too, and the effervescent words come in.
    const coded = { ...draft, dosageInstruction: [{ ...draft.dosageInstruction[0], patientInstruction: 'Tages mandag morgen.', additionalInstruction: [{ coding: [{ system: 'http://snomed.info/sct', code: '417995008', display: 'Swallow whole' }] }] }] };
    const codedAction = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-w', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-w', coded]]) }).actions?.[0];
    expect(JSON.stringify(codedAction)).not.toContain('417995008');
    expect(JSON.stringify(codedAction)).toContain('Brusetabletten opløses i et halvt glas vand, og der skylles efter med vand. Bliv oprejst');
    // The draft itself is left as it was sent.
    expect(draft.dosageInstruction[0]?.text).toBe('1 tablet 1 gang ugentligt');
    // The GP's own instruction to the patient stays; a DSTU2 MedicationOrder gets no patientInstruction (it has none).
    const own = { ...draft, dosageInstruction: [{ ...draft.dosageInstruction[0], patientInstruction: 'Tag om søndagen' }] };
    const kept = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-w', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-w', own]]) }).actions?.[0];
    expect(kept).toMatchObject({ resource: { dosageInstruction: [{ patientInstruction: 'Tag om søndagen', text: '1 brusetablet à 70 mg én gang ugentligt, opløst i et halvt glas vand' }] } });
    const order = { ...draft, resourceType: 'MedicationOrder', id: 'mo-w' };
    const dstu2 = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationOrder/mo-w', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationOrder/mo-w', order]]) }).actions?.[0];
    expect(dstu2).not.toHaveProperty('resource.dosageInstruction.0.patientInstruction');
    expect(dstu2).toMatchObject({ resource: { dosageInstruction: [{ text: '1 brusetablet à 70 mg én gang ugentligt, opløst i et halvt glas vand' }] } });
  });

  it('swapping a drug given as a contained Medication drops that Medication (dom-3: a contained resource must be referenced)', () => {
    const draft = {
      resourceType: 'MedicationRequest',
      id: 'rx-c',
      status: 'draft',
      intent: 'order',
      contained: [{ resourceType: 'Medication', id: 'med', code: { text: 'Alendronat 70 mg' } }, { resourceType: 'Provenance', id: 'other' }],
      medicationReference: { reference: '#med' },
      subject: { reference: 'Patient/p1' },
    };
    const s = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-c', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-c', draft]]) });
    const action = s.actions?.[0];
    if (action?.type !== 'update') throw new Error('expected an update');
    expect(action.resource).not.toHaveProperty('medicationReference');
    expect((action.resource as { contained?: unknown[] }).contained).toEqual([{ resourceType: 'Provenance', id: 'other' }]);
    const only = { ...draft, contained: [draft.contained[0]] };
    const t = buildSuggestion({ kind: 'prescribe', drug: 'alendronate-effervescent', replaces: { draft: 'MedicationRequest/rx-c', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-c', only]]) });
    expect(t.actions?.[0]).not.toHaveProperty('resource.contained');
  });

  it('fixing the schedule of a daily-written weekly tablet keeps the planned course length and leaves out the supply worked out for the wrong schedule (length and tablet count); one dose stays', () => {
    const daily = {
      resourceType: 'MedicationRequest',
      id: 'rx-daily',
      status: 'draft',
      intent: 'order',
      medicationCodeableConcept: { text: 'Alendronat 70 mg' },
      subject: { reference: 'Patient/p1' },
      dosageInstruction: [{ text: '1 tablet dagligt', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd', boundsDuration: { value: 3, unit: 'mo', system: 'http://unitsofmeasure.org', code: 'mo' } } } }],
      dispenseRequest: { quantity: { value: 30, unit: 'tablet' }, expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' }, numberOfRepeatsAllowed: 3 },
    };
    const fix = (draft: UntrustedResource) => {
      const s = buildSuggestion({ kind: 'fix-schedule', draft: 'MedicationRequest/rx-daily', doseMg: 70, schedule: 'weekly' }, { ...ctx, drafts: new Map([['MedicationRequest/rx-daily', draft]]) });
      const action = s.actions?.[0];
      if (action?.type !== 'update') throw new Error('expected an update');
      return action.resource;
    };
    const fixed = fix(daily);
    // 30 daily tablets with three repeats would be 120 weeks of a weekly one: the GP sets the supply.
    expect(fixed).toMatchObject({ dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'wk', boundsDuration: { value: 3, code: 'mo' } } } }] });
    expect(fixed).not.toHaveProperty('dispenseRequest');
    // A first fill and an interval counted in daily tablets go too; the validity stays.
    const filled = fix({ ...daily, dispenseRequest: { ...daily.dispenseRequest, initialFill: { quantity: { value: 30 } }, dispenseInterval: { value: 30, unit: 'd' }, validityPeriod: { start: '2026-06-15', end: '2027-06-15' } } });
    expect((filled as { dispenseRequest?: object }).dispenseRequest).toEqual({ validityPeriod: { start: '2026-06-15', end: '2027-06-15' } });
    expect(daily.dispenseRequest).toHaveProperty('expectedSupplyDuration');
    // DSTU2 spells the course length boundsQuantity.
    const mo = { resourceType: 'MedicationOrder', id: 'rx-daily', status: 'draft', patient: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'Alendronat 70 mg' }, dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnits: 'd', boundsQuantity: { value: 3, unit: 'mo' } } } }] };
    expect(fix(mo)).toMatchObject({ dosageInstruction: [{ timing: { repeat: { periodUnits: 'wk', boundsQuantity: { value: 3 } } } }] });
    // One dose (a syringe, a vial) is one dose on any schedule.
    expect(fix({ ...daily, dispenseRequest: { quantity: { value: 1, unit: 'syringe' } } })).toMatchObject({ dispenseRequest: { quantity: { value: 1 } } });
  });

  it('fixes the schedule of a DSTU2 MedicationOrder in its own version: doseQuantity on the dosage, no R4 doseAndRate', () => {
    const order = { resourceType: 'MedicationOrder', id: 'mo-daily', status: 'draft', medicationCodeableConcept: { text: 'Alendronat 70 mg' }, patient: { reference: 'Patient/p1' }, dosageInstruction: [{ text: '1 dagligt', timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }] };
    const s = buildSuggestion({ kind: 'fix-schedule', draft: 'MedicationOrder/mo-daily', doseMg: 70, schedule: 'weekly' }, { ...ctx, drafts: new Map([['MedicationOrder/mo-daily', order]]) });
    const action = s.actions?.[0];
    if (action?.type !== 'update') throw new Error('expected an update');
    const dosage = (action.resource as unknown as { dosageInstruction: Record<string, unknown>[] }).dosageInstruction[0];
    expect(dosage).toMatchObject({ doseQuantity: { value: 70, unit: 'mg' } });
    expect(dosage).not.toHaveProperty('doseAndRate');
    // DSTU2 names the period's unit `periodUnits`: in R4 spelling a DSTU2 EHR reads "1 per 1" with no unit.
    expect(dosage).toMatchObject({ timing: { repeat: { frequency: 1, period: 1, periodUnits: 'wk' } } });
    expect(dosage).not.toHaveProperty('timing.repeat.periodUnit');
    // An early denosumab injection moved to its due date keeps the DSTU2 spelling beside the bounds.
    const dmab = { ...order, id: 'mo-dmab', medicationCodeableConcept: { text: 'Prolia 60 mg' } };
    const moved = buildSuggestion({ kind: 'fix-schedule', draft: 'MedicationOrder/mo-dmab', doseMg: 60, schedule: 'six-monthly', from: '2027-01-01' }, { ...ctx, drafts: new Map([['MedicationOrder/mo-dmab', dmab]]) }).actions?.[0];
    expect(moved).toMatchObject({ resource: { dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 6, periodUnits: 'mo', boundsPeriod: { start: '2027-01-01' } } } }] } });
  });

  it('replaces a draft by deleting it (resourceId) and creating the new order', () => {
    const s = buildSuggestion({ kind: 'referral', to: 'zoledronic-acid', replacesDraft: 'MedicationRequest/rx-1' }, ctx);
    expect(s.actions?.map((a) => a.type)).toEqual(['delete', 'create']);
    expect(s.actions?.[0]).toMatchObject({ resourceId: 'MedicationRequest/rx-1' });
  });

  it('creates a reminder Task for the next injection, due on the given date', () => {
    const task = resourceOf({ kind: 'reminder', what: 'denosumab-injection', due: '2027-05-26' });
    expect(task).toMatchObject({ resourceType: 'Task', for: { reference: 'Patient/p1' }, restriction: { period: { start: '2027-05-26' } } });
  });

  it('dates a reminder whose date has passed (an injection already due) today, not in the past, and keeps the injection\'s own date in its words', () => {
    const task = resourceOf({ kind: 'reminder', what: 'denosumab-injection', due: '2026-11-20' });
    expect(task).toMatchObject({ restriction: { period: { start: '2026-11-26' } } });
    // The card says "var planlagt 20.11.2026": the reminder must not call today the planned day.
    expect(task.description).toMatch(/^Næste denosumab-injektion – var planlagt 20\.11\.2026 – gives nu\./);
    expect(task.description).not.toContain('planlagt 26.11.2026');
    expect(buildSuggestion({ kind: 'reminder', what: 'denosumab-injection', due: '2026-11-20' }, ctx).label).toBe('Opret påmindelse: Næste denosumab-injektion nu (var planlagt 20.11.2026)');
    expect(buildSuggestion({ kind: 'reminder', what: 'denosumab-injection', due: '2026-11-20' }, { ...ctx, lang: 'en' }).label).toBe('Create reminder: Next denosumab injection now (was due on 20 Nov 2026)');
    // A marker or DXA whose day has passed is due "from" today.
    expect(resourceOf({ kind: 'reminder', what: 'bone-marker', due: '2026-11-01' }).description).toMatch(/ – fra 26\.11\.2026\./);
  });

  it('words the reminder\'s day as the card does: a DXA "tidligst" (no earlier than), a marker "fra", an injection "planlagt"', () => {
    expect(resourceOf({ kind: 'reminder', what: 'dxa', due: '2028-11-26' }).description).toMatch(/^DXA-skanning – tidligst 26\.11\.2028\./);
    expect(resourceOf({ kind: 'reminder', what: 'bone-marker', due: '2027-02-26' }).description).toMatch(/ – fra 26\.02\.2027\./);
    // The marker the card asks for is named, not "P1NP/CTX".
    expect(resourceOf({ kind: 'reminder', what: 'bone-marker', due: '2027-02-26', marker: 'ctx' }).description).toContain('Knoglemarkør (CTX, fastende før kl. 10)');
    expect(resourceOf({ kind: 'reminder', what: 'bone-marker', due: '2027-02-26', marker: 'p1np' }).description).not.toContain('CTX');
    expect(resourceOf({ kind: 'reminder', what: 'denosumab-injection', due: '2027-05-26' }).description).toMatch(/ – planlagt 26\.05\.2027\./);
    for (const what of ['dxa', 'bone-marker', 'denosumab-injection'] as const) expect(resourceOf({ kind: 'reminder', what, due: '2027-05-26' }).description).not.toContain('senest');
  });

  it('a swap to calcium citrate carries its RxNorm product beside the ATC code: a US EHR prescribes by RxNorm (terminology.md section 11)', () => {
    const carbonate = { resourceType: 'MedicationRequest', id: 'rx-1', status: 'draft', intent: 'order', medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '318076' }] }, subject: { reference: 'Patient/p1' } };
    const action = buildSuggestion({ kind: 'prescribe', drug: 'calcium-citrate', replaces: { draft: 'MedicationRequest/rx-1', mode: 'update' } }, { ...ctx, drafts: new Map([['MedicationRequest/rx-1', carbonate]]) }).actions?.[0];
    expect(action?.type === 'update' ? action.resource : undefined).toMatchObject({
      id: 'rx-1',
      medicationCodeableConcept: { coding: [{ system: 'http://www.whocc.no/atc', code: 'A12AA13' }, { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '308919' }] },
    });
  });

  it('every kind of suggestion is spec-valid in both languages', () => {
    const specs: SuggestionSpec[] = [
      { kind: 'prescribe', drug: 'alendronate-effervescent' },
      { kind: 'prescribe', drug: 'colecalciferol' },
      { kind: 'prescribe', drug: 'calcium-citrate', replaces: { draft: 'MedicationRequest/rx-1', mode: 'update' } },
      { kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: 'MedicationRequest/rx-1', mode: 'delete-create' } },
      { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' },
      { kind: 'referral', to: 'endocrinology' },
      { kind: 'referral', to: 'anabolic-treatment' },
      { kind: 'dxa' },
      { kind: 'diagnosis', withFracture: true },
      { kind: 'diagnosis', withFracture: true, fractures: ['Condition/fx-1'] },
      { kind: 'remove-draft', draft: 'MedicationRequest/rx-1' },
    ];
    for (const lang of ['da', 'en'] as const) {
      for (const spec of specs) expect(suggestionSchema.safeParse(buildSuggestion(spec, { ...ctx, lang })).success).toBe(true);
    }
  });

  it('the diagnosis with fracture names the fractures it rests on (Condition.evidence.detail): read back, it is no new fracture', () => {
    const created = (spec: SuggestionSpec): unknown => {
      const action = buildSuggestion(spec, ctx).actions?.[0];
      return action !== undefined && 'resource' in action ? action.resource : undefined;
    };
    expect(created({ kind: 'diagnosis', withFracture: true, fractures: ['Condition/fx-1', 'Condition/fx-2'] })).toMatchObject({
      resourceType: 'Condition',
      evidence: [{ detail: [{ reference: 'Condition/fx-1' }, { reference: 'Condition/fx-2' }] }],
    });
    expect(created({ kind: 'diagnosis', withFracture: false })).not.toHaveProperty('evidence');
  });

  it('a woman\'s diagnosis is postmenopausal osteoporosis unless a secondary cause is suspected: then it names no kind (M81.9 / M80.9)', () => {
    const codes = (spec: SuggestionSpec): string[] => {
      const action = buildSuggestion(spec, ctx).actions?.[0];
      const coding = action !== undefined && 'resource' in action ? (action.resource as unknown as { code: { coding: { code: string }[] } }).code.coding : [];
      return coding.map((c) => c.code);
    };
    expect(codes({ kind: 'diagnosis', withFracture: false })).toEqual(['102447009', 'M81.0', 'DM810']);
    expect(codes({ kind: 'diagnosis', withFracture: false, causeOpen: true })).toEqual(['64859006', 'M81.9', 'DM819']);
    expect(codes({ kind: 'diagnosis', withFracture: true, causeOpen: true })).toEqual(['443165006', 'M80.9', 'DM809']);
  });

  it('a removal with nothing in its place says "remove the order"; a replacement removes "the original order"', () => {
    const remove = buildSuggestion({ kind: 'remove-draft', draft: 'MedicationRequest/rx-1' }, { ...ctx, lang: 'en' });
    expect(remove.actions).toEqual([{ type: 'delete', description: 'Remove the order', resourceId: 'MedicationRequest/rx-1' }]);
    const replace = buildSuggestion({ kind: 'prescribe', drug: 'denosumab-biosimilar', replaces: { draft: 'MedicationRequest/rx-1', mode: 'delete-create' } }, { ...ctx, lang: 'en' });
    expect(replace.actions?.[0]).toMatchObject({ type: 'delete', description: 'Remove the original order' });
  });
});
