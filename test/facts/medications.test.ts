import { describe, expect, it } from 'vitest';
import {
  coding,
  draft,
  factsOf,
  medication,
  medicationAdministration,
  medicationRequest,
  medicationStatement,
  NOW,
  resolved,
  SYS,
  terminology,
} from '../helpers/facts-builders.js';
import { buildFacts } from '../../src/facts/build-facts.js';

const identity = (r: Parameters<typeof medicationStatement>[0]) => factsOf([medicationStatement({ start: '2025-01-01', ...r })]).medications[0]?.identity;

describe('drug identity: the same drug by ATC, RxNorm and name', () => {
  it('alendronate by ATC M05BA04, RxNorm 904420 (sandbox) and text', () => {
    expect(identity({ atc: 'M05BA04', text: 'Alendronat "Teva" tabl. 70 mg' })).toMatchObject({
      drug: 'alendronate',
      drugClass: 'oral-bisphosphonate',
      matchedBy: 'atc',
      strengthMg: 70,
      code: { system: SYS.atc, code: 'M05BA04' },
      text: 'Alendronat "Teva" tabl. 70 mg',
    });
    expect(identity({ rxnorm: '904420', display: 'Alendronic acid 10 MG [Fosamax]' })).toMatchObject({ drug: 'alendronate', matchedBy: 'rxnorm', strengthMg: 10 });
    expect(identity({ text: 'alendronsyre 70 mg ugetablet' })).toMatchObject({ drug: 'alendronate', matchedBy: 'text', strengthMg: 70 });
  });

  it('an RxNorm product outside the bound list falls back to the name in its display', () => {
    expect(identity({ rxnorm: '999999', display: 'Risedronate Sodium 35 MG Oral Tablet' })).toMatchObject({ drug: 'risedronate', matchedBy: 'text', strengthMg: 35 });
  });

  it('an ATC code we do not bind is authoritative: an inhaled budesonide or a hydrocortisone cream is no glucocorticoid', () => {
    expect(identity({ atc: 'R03BA02', text: 'Budesonid inhalationspulver' })).toBeUndefined();
    expect(identity({ atc: 'D07AA02', text: 'Hydrokortison creme 1 %' })).toBeUndefined();
  });

  it('a glucocorticoid known only by RxNorm or name is dropped when it is not systemic', () => {
    expect(identity({ rxnorm: '5492', text: 'hydrocortisone 1 % topical cream' })).toBeUndefined();
    expect(identity({ text: 'Dexamethason øjendråber' })).toBeUndefined();
    expect(identity({ text: 'Prednisolon', route: 'Inhalation' })).toBeUndefined();
    expect(identity({ text: 'Prednisolon "DAK" 5 mg tabletter' })).toMatchObject({ drug: 'glucocorticoid', prednisoloneFactor: 1, strengthMg: 5 });
  });

  it('prednisolone factors by ATC, RxNorm and name: methylprednisolone 1.25, dexamethasone 6.67, betamethasone 8.33, hydrocortisone 0.25; unknown 1', () => {
    expect(identity({ atc: 'H02AB04' })?.prednisoloneFactor).toBe(1.25);
    expect(identity({ rxnorm: '197582' })?.prednisoloneFactor).toBe(6.67);
    expect(identity({ text: 'Betamethason 0,5 mg' })?.prednisoloneFactor).toBe(8.33);
    expect(identity({ text: 'Hydrocortison "Orion" 10 mg tabletter' })?.prednisoloneFactor).toBe(0.25);
    expect(identity({ atc: 'H02AB' })?.prednisoloneFactor).toBe(1);
  });

  it('Binosto and brusetablet are effervescent; Prolia is the originator brand, biosimilars are not', () => {
    expect(identity({ atc: 'M05BA04', text: 'Binosto brusetabletter 70 mg' })).toMatchObject({ effervescent: true });
    expect(identity({ atc: 'M05BA04', text: 'Alendronat 70 mg tabletter' })).toMatchObject({ effervescent: false });
    expect(identity({ atc: 'M05BX04', text: 'Prolia 60 mg injektionsvæske' })).toMatchObject({ drug: 'denosumab', brandProlia: true });
    expect(identity({ atc: 'M05BX04', text: 'Obodence 60 mg' })).toMatchObject({ drug: 'denosumab', brandProlia: false });
    expect(identity({ text: 'Zadenvi 60 mg' })).toMatchObject({ drug: 'denosumab', matchedBy: 'text' });
  });

  it.each([
    ['M05BA07', 'risedronate', 'oral-bisphosphonate'],
    ['M05BA06', 'ibandronate', 'oral-bisphosphonate'],
    ['M05BA02', 'other-bisphosphonate', 'other-bisphosphonate'],
    ['M05BA08', 'zoledronic-acid', 'zoledronic-acid'],
    ['M05BX06', 'romosozumab', 'anabolic'],
    ['H05AA02', 'teriparatide', 'anabolic'],
    ['H05AA04', 'abaloparatide', 'anabolic'],
    ['G03XC01', 'raloxifene', 'serm'],
    ['A11CC05', 'colecalciferol', 'vitamin-d'],
    ['A11CC03', 'active-vitamin-d', 'vitamin-d'],
    ['A11CC04', 'active-vitamin-d', 'vitamin-d'],
    // terminology.md l. 923-936: calcifediol is listed with the supplements; only alfacalcidol and calcitriol are active analogues.
    ['A11CC06', 'colecalciferol', 'vitamin-d'],
    ['A12AA05', 'calcium-other', 'calcium'],
    ['A12AA04', 'calcium-carbonate', 'calcium'],
    ['A12AA13', 'calcium-citrate', 'calcium'],
    // rules.md section 4 (v2): a calcium + D3 combination counts as calcium carbonate.
    ['A12AX', 'calcium-carbonate', 'calcium'],
    ['A12AA20', 'calcium-other', 'calcium'],
    ['A02BC01', 'ppi', 'ppi'],
    ['N03AF01', 'antiepileptic', 'antiepileptic'],
    ['L02BG04', 'aromatase-inhibitor', 'hormone-therapy'],
    ['L02BA01', 'anti-oestrogen', 'hormone-therapy'],
    ['L02BB03', 'anti-androgen', 'hormone-therapy'],
    ['L02AE02', 'gnrh-analogue', 'hormone-therapy'],
  ])('ATC %s → %s (%s)', (atc, drug, drugClass) => {
    expect(identity({ atc })).toMatchObject({ drug, drugClass, matchedBy: 'atc' });
  });

  it('combination products name their other content', () => {
    expect(identity({ atc: 'M05BB03' })).toMatchObject({ drug: 'alendronate', alsoContains: ['colecalciferol'] });
    expect(identity({ atc: 'A12AX', text: 'Calcium + D3 tyggetabletter' })).toMatchObject({ drug: 'calcium-carbonate', alsoContains: ['colecalciferol'] });
    expect(identity({ text: 'Unikalk Plus D3-vitamin' })).toMatchObject({ drug: 'calcium-carbonate', alsoContains: ['colecalciferol'] });
  });

  it('a calcium + D3 combination (ATC A12AX) counts as carbonate unless the product text names citrate (rules.md section 4, v2)', () => {
    expect(identity({ atc: 'A12AX', text: 'Calcium 500 mg + D3-vitamin 10 mikrogram' })).toMatchObject({ drug: 'calcium-carbonate', drugClass: 'calcium', alsoContains: ['colecalciferol'] });
    expect(identity({ atc: 'A12AX', text: 'Calciumcitrat + D3-vitamin' })).toMatchObject({ drug: 'calcium-citrate', alsoContains: ['colecalciferol'] });
    // A11CC20 "calcium and vitamin D combinations" is read the same way (terminology.md: "accept both")
    expect(identity({ atc: 'A11CC20', text: 'Calcichew-D3 Forte' })).toMatchObject({ drug: 'calcium-carbonate', drugClass: 'calcium', alsoContains: ['colecalciferol'] });
    expect(identity({ atc: 'A11CC20', text: 'Calciumcitrat + D3-vitamin' })).toMatchObject({ drug: 'calcium-citrate', alsoContains: ['colecalciferol'] });
    expect(identity({ text: 'Calcium + vitamin D3 tablet' })).toMatchObject({ drug: 'calcium-carbonate', alsoContains: ['colecalciferol'] });
    // Plain calcium of another salt, without D3, stays "other" and holds no vitamin D (terminology.md l. 943-945).
    expect(identity({ atc: 'A12AA20', text: 'Calcium' })).toMatchObject({ drug: 'calcium-other' });
    expect(identity({ atc: 'A12AA20', text: 'Calcium-Sandoz brusetabletter 500 mg' })).not.toHaveProperty('alsoContains');
    expect(identity({ atc: 'A12AA05', text: 'Calciumlactat tabletter 500 mg' })).not.toHaveProperty('alsoContains');
    expect(identity({ text: 'calcium acetate 667 MG Oral Capsule' })).toMatchObject({ drug: 'calcium-other', matchedBy: 'text' });
    expect(identity({ text: 'calcium acetate 667 MG Oral Capsule' })).not.toHaveProperty('alsoContains');
  });

  it('reads the drug from a referenced or contained Medication (code, form, strength)', () => {
    const med = medication({ id: 'med-1', codings: [coding(SYS.atc, 'M05BA04')], text: 'Alendronat', form: 'Brusetablet', strengthMg: 70 });
    const f = factsOf([medicationStatement({ start: '2025-01-01', medicationReference: 'Medication/med-1' }), med]);
    expect(f.medications[0]?.identity).toMatchObject({ drug: 'alendronate', effervescent: true, strengthMg: 70, matchedBy: 'atc' });
    const contained = medicationRequest({
      authoredOn: '2025-01-01',
      medicationReference: '#m',
      contained: [{ ...medication({ id: 'm', codings: [coding(SYS.rxnorm, '1490065', 'raloxifene hydrochloride 60 MG Oral Tablet')] }) }],
    });
    expect(factsOf([contained]).medications[0]?.identity).toMatchObject({ drug: 'raloxifene', strengthMg: 60 });
  });

  it('records of other drugs are not kept', () => {
    expect(factsOf([medicationStatement({ atc: 'C09AA02', text: 'Enalapril', start: '2025-01-01' })]).medications).toEqual([]);
  });
});

describe('medication records: dates and doses', () => {
  it('statement: period start and end, status, daily dose from mg × frequency', () => {
    const f = factsOf([
      medicationStatement({ id: 's', atc: 'H02AB06', start: '2025-01-10', end: '2025-04-10', status: 'completed', asserted: '2025-01-12', dose: { value: 10, unit: 'mg', frequency: 2 } }),
    ]);
    expect(f.medications[0]).toMatchObject({ ref: 'MedicationStatement/s', source: 'MedicationStatement', status: 'completed', start: '2025-01-10', end: '2025-04-10', asserted: '2025-01-12', dailyDoseMg: 20 });
  });

  it('weekly alendronate 70 mg: 1 tablet per week is 10 mg a day', () => {
    const f = factsOf([medicationRequest({ atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2025-01-01', dose: { value: 1, unit: 'tablet', frequency: 1, period: 1, periodUnit: 'wk' } })]);
    expect(f.medications[0]?.dailyDoseMg).toBe(10);
  });

  it('dose units: g, µg, count units × strength, no unit × strength (Synthea); unknown units give no dose', () => {
    const dose = (d: { value: number; unit?: string }, text = 'Prednisolon 5 mg') =>
      factsOf([medicationStatement({ text, start: '2025-01-01', dose: d })]).medications[0]?.dailyDoseMg;
    expect(dose({ value: 2, unit: 'stk' })).toBe(10);
    expect(dose({ value: 2, unit: '{tbl}' })).toBe(10);
    expect(dose({ value: 1 })).toBe(5);
    expect(dose({ value: 0.01, unit: 'g' })).toBe(10);
    expect(dose({ value: 500, unit: 'µg' })).toBe(0.5);
    expect(dose({ value: 1, unit: 'tablet' }, 'Prednisolon')).toBeUndefined();
    expect(dose({ value: 2, unit: 'puff' })).toBeUndefined();
  });

  it('request: end from the validity period (no planned stop), else the supply × (1 + repeats), else the quantity (estimated)', () => {
    const f = factsOf([
      medicationRequest({ id: 'v', atc: 'A02BC01', authoredOn: '2025-01-01', validity: { start: '2025-01-01', end: '2025-12-31' } }),
      medicationRequest({ id: 's', atc: 'A02BC01', authoredOn: '2025-01-01', supply: { value: 30, unit: 'd' }, repeats: 2 }),
      medicationRequest({ id: 'q', atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2025-01-01', quantity: { value: 12, unit: 'tablet' }, dose: { value: 1, unit: 'tablet', periodUnit: 'wk' } }),
    ]);
    const byRef = Object.fromEntries(f.medications.map((m) => [m.ref, m]));
    expect(byRef['MedicationRequest/v']).toMatchObject({ end: '2025-12-31' });
    // How long the prescription may be dispensed, not a plan to stop (endocrinology-referral `denosumab-stop`).
    expect(byRef['MedicationRequest/v']?.endEstimated).toBe(true);
    expect(byRef['MedicationRequest/s']).toMatchObject({ end: '2025-03-31', endEstimated: true }); // 90 days from 1 Jan
    expect(byRef['MedicationRequest/q']).toMatchObject({ end: '2025-03-25', endEstimated: true }); // 12 weeks = 84 days
  });

  it('a stopped record ends when it stopped: its passed end, else dateAsserted / lastUpdated, else its start', () => {
    const f = factsOf([
      medicationStatement({ id: 'a', atc: 'M05BA04', status: 'stopped', start: '2020-01-01', asserted: '2023-02-01' }),
      medicationRequest({ id: 'b', atc: 'M05BA04', status: 'stopped', authoredOn: '2020-01-01', validity: { end: '2030-01-01' }, lastUpdated: '2022-05-05T10:00:00Z' }),
      medicationRequest({ id: 'c', atc: 'M05BA04', status: 'stopped', authoredOn: '2020-01-01', validity: { end: '2030-01-01' } }),
    ]);
    const ends = Object.fromEntries(f.medications.map((m) => [m.ref, m.end]));
    expect(ends).toEqual({ 'MedicationStatement/a': '2023-02-01', 'MedicationRequest/b': '2022-05-05', 'MedicationRequest/c': '2020-01-01' });
  });

  it('administration: the date it was given, and its dose', () => {
    const f = factsOf([medicationAdministration({ id: 'inj', atc: 'M05BX04', text: 'Prolia', date: '2026-01-15T09:30:00+01:00', doseMg: 60 })]);
    expect(f.medications[0]).toMatchObject({ source: 'MedicationAdministration', start: '2026-01-15', end: '2026-01-15', dailyDoseMg: 60, status: 'completed' });
  });

  it('an undated active statement starts today (flagged); an undated completed one is dropped', () => {
    const f = factsOf([medicationStatement({ id: 'a', atc: 'M05BA04' }), medicationStatement({ id: 'c', atc: 'M05BA04', status: 'completed' })]);
    expect(f.medications.map((m) => [m.ref, m.start, m.startUnknown])).toEqual([['MedicationStatement/a', '2026-06-15', true]]);
  });

  it('ignores not-taken, intended and entered-in-error statements, draft requests and not-done administrations', () => {
    const f = factsOf([
      medicationStatement({ atc: 'M05BA04', status: 'not-taken', start: '2025-01-01' }),
      medicationStatement({ atc: 'M05BA04', status: 'intended', start: '2025-01-01' }),
      medicationStatement({ atc: 'M05BA04', status: 'entered-in-error', start: '2025-01-01' }),
      medicationRequest({ atc: 'M05BA04', status: 'draft', authoredOn: '2025-01-01' }),
      medicationAdministration({ atc: 'M05BX04', status: 'not-done', date: '2025-01-01' }),
    ]);
    expect(f.medications).toEqual([]);
  });

  it('reads no dose from an administration on hold (not given yet); completed, in-progress, stopped (halted part-way) and unknown are doses', () => {
    const given = (status: string) => medicationAdministration({ id: status, atc: 'M05BX04', status, date: '2026-03-02' });
    const f = factsOf(['on-hold', 'stopped', 'unknown', 'completed', 'in-progress'].map(given));
    expect(f.medications.map((m) => m.ref).sort()).toEqual(['MedicationAdministration/completed', 'MedicationAdministration/in-progress', 'MedicationAdministration/stopped', 'MedicationAdministration/unknown']);
  });

  it('a Medication named by a urn:uuid fullUrl is the record\'s drug; two different ones under one fullUrl (two Bundles\' "urn:uuid:Medication-1") name neither', () => {
    const url = 'urn:uuid:Medication-1';
    const given = { resourceType: 'MedicationAdministration', id: 'inj', status: 'completed', effectiveDateTime: '2026-03-02', medicationReference: { reference: url } };
    const drug = (code: string) => ({ resourceType: 'Medication', code: { coding: [{ system: SYS.atc, code }] } });
    const read = (named: { fullUrl: string; resource: { resourceType: string } & Record<string, unknown> }[]) => buildFacts({ ...resolved([given]), medicationsByFullUrl: named }, [], NOW, terminology()).medications.map((m) => m.identity.drug);
    expect(read([{ fullUrl: url, resource: drug('M05BX04') }])).toEqual(['denosumab']);
    // The same Medication included twice (two searches) is still one.
    expect(read([{ fullUrl: url, resource: drug('M05BX04') }, { fullUrl: url, resource: drug('M05BX04') }])).toEqual(['denosumab']);
    // Copies that differ only in key order, meta or text (a prefetch key and a fetched page) are one Medication.
    const copy = { meta: { versionId: '2' }, code: { text: 'Prolia', coding: [{ code: 'M05BX04', system: SYS.atc }] }, resourceType: 'Medication' };
    expect(read([{ fullUrl: url, resource: drug('M05BX04') }, { fullUrl: url, resource: copy }])).toEqual(['denosumab']);
    expect(read([{ fullUrl: url, resource: drug('M05BX04') }, { fullUrl: url, resource: drug('M05BA04') }])).toEqual([]);
  });

  it('reads a DSTU2-style MedicationOrder', () => {
    const order = {
      resourceType: 'MedicationOrder',
      id: 'mo',
      status: 'active',
      dateWritten: '2024-03-01',
      patient: { reference: 'Patient/pt-1' },
      medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: '904420', display: 'Alendronic acid 10 MG [Fosamax]' }] },
      dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseQuantity: { value: 1 } }],
    };
    expect(factsOf([order]).medications[0]).toMatchObject({ source: 'MedicationRequest', start: '2024-03-01', dailyDoseMg: 10 });
  });

  it('reads the DSTU2 spellings of a record: `periodUnits`, `boundsQuantity`, an administration\'s `quantity`, a statement\'s `quantityQuantity`', () => {
    const prednisolone = { coding: [{ system: SYS.atc, code: 'H02AB06' }], text: 'Prednisolon 5 mg' };
    const order = {
      resourceType: 'MedicationOrder',
      id: 'mo',
      status: 'active',
      dateWritten: '2026-03-01',
      patient: { reference: 'Patient/pt-1' },
      medicationCodeableConcept: prednisolone,
      dosageInstruction: [{ timing: { repeat: { frequency: 2, period: 1, periodUnits: 'd' } }, doseQuantity: { value: 1, unit: 'tablet' } }],
      dispenseRequest: { quantity: { value: 60, unit: 'tablet' } },
    };
    // 2 tablets a day: 10 mg, and 60 tablets last 30 days.
    expect(factsOf([order]).medications[0]).toMatchObject({ dailyDoseMg: 10, start: '2026-03-01', end: '2026-03-30', endEstimated: true });
    const statement = {
      resourceType: 'MedicationStatement',
      id: 'ms',
      status: 'completed',
      patient: { reference: 'Patient/pt-1' },
      medicationCodeableConcept: prednisolone,
      dosage: [{ timing: { repeat: { frequency: 1, period: 1, periodUnits: 'd', boundsPeriod: { start: '2026-01-01' }, boundsQuantity: { value: 2, unit: 'wk', system: 'http://unitsofmeasure.org', code: 'wk' } } }, quantityQuantity: { value: 20, unit: 'mg' } }],
    };
    expect(factsOf([statement]).medications[0]).toMatchObject({ dailyDoseMg: 20, start: '2026-01-01', end: '2026-01-14' });
    const given = { resourceType: 'MedicationAdministration', id: 'ma', status: 'completed', effectiveTimeDateTime: '2026-06-01', patient: { reference: 'Patient/pt-1' }, medicationCodeableConcept: prednisolone, dosage: { quantity: { value: 40, unit: 'mg' } } };
    expect(factsOf([given]).medications[0]).toMatchObject({ dailyDoseMg: 40, start: '2026-06-01' });
  });
});

describe('medication records: what was never ordered', () => {
  it('a MedicationRequest with intent proposal, plan or option is no use (rules.md section 1: not started, dispensed or given)', () => {
    const zol = { codings: [coding(SYS.atc, 'M05BA08')] };
    for (const intent of ['proposal', 'plan', 'option']) {
      const f = factsOf([medicationRequest({ ...zol, authoredOn: '2026-05-01', intent })]);
      expect(f.medications, intent).toEqual([]);
      expect(f.courses, intent).toEqual([]);
    }
    expect(factsOf([medicationRequest({ ...zol, authoredOn: '2026-05-01', intent: 'order' })]).courses).toHaveLength(1);
  });

  it('a MedicationRequest with doNotPerform (an order not to give the drug, an R4 modifier) is no use, and such a draft is no order', () => {
    const denosumab = { ...medicationRequest({ codings: [coding(SYS.atc, 'M05BX04')], authoredOn: '2026-03-01' }), doNotPerform: true };
    expect(factsOf([denosumab]).medications).toEqual([]);
    const draftOrder = { ...medicationRequest({ id: 'd', atc: 'M05BA04', status: 'draft', authoredOn: '2026-06-15' }), doNotPerform: true };
    expect(factsOf([], { drafts: [draft(draftOrder)] }).drafts).toEqual([]);
  });

  it('an oral bisphosphonate given (MedicationAdministration) covers its week, ibandronate 150 mg its month [choice]', () => {
    // TODAY 2026-06-15: weekly alendronate given on 2026-06-11 is in use today, not ended.
    const weekly = ['2026-05-28', '2026-06-04', '2026-06-11'].map((date) => medicationAdministration({ atc: 'M05BA04', text: 'Alendronat 70 mg', date }));
    expect(factsOf(weekly).courses).toEqual([expect.objectContaining({ drugClass: 'oral-bisphosphonate', start: '2026-05-28', status: 'active' })]);
    // Given on 2026-06-08: today its next dose is due and not yet recorded — still in use, as a
    // late refill is (courses.ts `awaitingRefill`: a later dose within the 3-month gap continues the course).
    expect(factsOf([medicationAdministration({ atc: 'M05BA04', text: 'Alendronat 70 mg', date: '2026-06-08' })]).courses[0]?.status).toBe('active');
    // Given on 2026-03-09, its week ended on 2026-03-15, 3 months before today: ended ("shorter than" the gap is strict).
    expect(factsOf([medicationAdministration({ atc: 'M05BA04', text: 'Alendronat 70 mg', date: '2026-03-09' })]).courses[0]?.status).toBe('ended');
    expect(factsOf([medicationAdministration({ atc: 'M05BA04', text: 'Alendronat 70 mg', date: '2026-03-10' })]).courses[0]?.status).toBe('active');
    expect(factsOf([medicationAdministration({ atc: 'M05BA06', text: 'Ibandronsyre 150 mg', date: '2026-05-20' })]).courses[0]?.status).toBe('active');
    expect(factsOf([medicationAdministration({ atc: 'M05BA07', text: 'Risedronat 150 mg', date: '2026-05-20' })]).courses[0]?.status).toBe('active');
    // An injection is still the day it was given.
    expect(factsOf([medicationAdministration({ atc: 'M05BX04', text: 'Prolia 60 mg', date: '2026-06-11' })]).courses[0]).toMatchObject({ lastDose: '2026-06-11' });
  });

  it('a weekly tablet whose text names only the time of day ("1 tablet om morgenen") is no daily supply: four tablets are no four-day course', () => {
    const aln = { ...medicationRequest({ atc: 'M05BA04', text: 'Alendronat 70 mg', authoredOn: '2026-05-01', quantity: { value: 4, unit: 'stk' } }), dosageInstruction: [{ text: '1 tablet om morgenen' }] };
    expect(factsOf([aln]).courses[0]?.end).not.toBe('2026-05-04');
    // A daily drug's time of day is daily: prednisolone 5 mg, 2 tablets in the morning, is 10 mg a day.
    const pred = { ...medicationRequest({ atc: 'H02AB06', text: 'Prednisolon 5 mg', authoredOn: '2026-05-01' }), dosageInstruction: [{ text: '2 tabletter morgen' }] };
    expect(factsOf([pred]).medications[0]?.dailyDoseMg).toBe(10);
  });
});


describe('medication records whose drug cannot be identified (a Medication not sent)', () => {
  it('a reference to a Medication the data does not hold, with no display, is named; one resolved, displayed or coded is not', () => {
    const missing = medicationAdministration({ id: 'inj', medicationReference: 'Medication/prolia-1', date: '2026-04-20' });
    expect(factsOf([missing]).unidentifiedMedications).toEqual(['MedicationAdministration/inj']);
    const withMedication = factsOf([missing, medication({ id: 'prolia-1', codings: [coding(SYS.atc, 'M05BX04')] })]);
    expect(withMedication.unidentifiedMedications).toEqual([]);
    expect(withMedication.courses).toHaveLength(1);
    const displayed = { ...medicationStatement({ id: 'ms', start: '2026-01-01', medicationReference: 'Medication/x' }), medicationReference: { reference: 'Medication/x', display: 'Metformin 500 mg' } };
    expect(factsOf([displayed]).unidentifiedMedications).toEqual([]);
    // A logical reference (an identifier alone) cannot be resolved either; a plan is never use.
    const logical = { ...medicationAdministration({ id: 'inj2', date: '2026-04-20' }), medicationReference: { identifier: { system: 'urn:x', value: 'prolia' } } };
    expect(factsOf([logical]).unidentifiedMedications).toEqual(['MedicationAdministration/inj2']);
    expect(factsOf([{ ...medicationRequest({ id: 'plan', medicationReference: 'Medication/x', authoredOn: '2026-04-20' }), intent: 'plan' }]).unidentifiedMedications).toEqual([]);
    // A coded drug the guideline has no use for is simply not read.
    expect(factsOf([medicationStatement({ id: 'met', atc: 'A10BA02', start: '2026-01-01' })]).unidentifiedMedications).toEqual([]);
  });
});
