/**
 * What the service can order, as FHIR R4 content (rules.md section 5 "Suggestion resources"):
 * drugs as MedicationRequest (status draft, intent order, ATC coding + text, dosage); labs as
 * ServiceRequest with the lab's LOINC and NPU codes; DXA as SNOMED CT 312681000; referrals as
 * SNOMED CT 3457005 with text naming the specialty.
 */
import type { LabOrder } from '../contract/findings.js';
import type { ProposedDrug, ReferralTarget } from '../contract/suggestions.js';
import type { Words } from './text/vocabulary.js';
import type { Language } from '../contract/language.js';

const ATC = 'http://www.whocc.no/atc';
const LOINC = 'http://loinc.org';
const NPU = 'urn:oid:1.2.208.176.2.1';
const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

export interface Coding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/**
 * Card "Særlige forhold ved indtag/indgift" (source-card-da.txt l. 67-73), the product's own way
 * of taking it: this text reaches the pharmacy label, and an effervescent tablet is not swallowed whole.
 */
function alendronateIntake(take: Words): Words {
  return {
    da: `Tages fastende om morgenen. ${take.da} Bliv oprejst/siddende i mindst 30 minutter efter indtag og indtil efter et måltid. Tages mindst 30 minutter før mad, drikke (inkl. mineralvand) og anden medicin.`,
    en: `Take fasting in the morning. ${take.en} Stay upright (standing or sitting) for at least 30 minutes after intake and until after a meal. Take at least 30 minutes before food, drinks (including mineral water) and other medicines.`,
  };
}

export const ALENDRONATE_TABLET_INTAKE = alendronateIntake({ da: 'Tabletten synkes hel med et stort glas vand.', en: 'Swallow the tablet whole with a large glass of water.' });
export const ALENDRONATE_EFFERVESCENT_INTAKE = alendronateIntake({
  da: 'Brusetabletten opløses i et halvt glas vand, og der skylles efter med vand.',
  en: 'Dissolve the effervescent tablet in half a glass of water, then rinse down with water.',
});

interface DrugOrder {
  readonly atc: Coding;
  /** The product's RxNorm code where terminology.md section 11 gives it: a US EHR (the sandbox) orders by RxNorm. */
  readonly rxnorm?: Coding;
  readonly text: Words;
  readonly dosageText: Words;
  readonly patientInstruction?: Words;
  readonly doseMg?: number;
  readonly doseUnit?: { readonly code: string; readonly unit: string };
  readonly timing: OrderTiming;
  readonly route: Coding;
}

export interface OrderTiming {
  readonly frequency: number;
  readonly period: number;
  readonly periodUnit: 'd' | 'wk' | 'mo' | 'a';
}

/**
 * A timing repeat in the draft's own FHIR version: DSTU2 spells the period's unit `periodUnits`
 * (R4 and STU3 `periodUnit`). An update written in R4 spelling onto a DSTU2 MedicationOrder would
 * reach a DSTU2 EHR as "1 per 1" with no unit — the corrected schedule lost.
 */
export function timingRepeat(timing: OrderTiming, dstu2: boolean): Record<string, unknown> {
  if (!dstu2) return { ...timing };
  const { periodUnit, ...rest } = timing;
  return { ...rest, periodUnits: periodUnit };
}

const ORAL: Coding = { system: SNOMED, code: '26643006', display: 'Oral route' };
const SUBCUTANEOUS: Coding = { system: SNOMED, code: '34206005', display: 'Subcutaneous route' };

/** Card "Anbefalet antiresorptiv behandling" and "D-vitamin og kalk" (l. 53-66, 96-101). */
export const DRUG_ORDERS: Readonly<Record<ProposedDrug, DrugOrder>> = {
  'alendronate-tablet': {
    atc: { system: ATC, code: 'M05BA04', display: 'alendronic acid' },
    rxnorm: { system: RXNORM, code: '904431', display: 'Alendronic acid 70 MG Oral Tablet' },
    text: { da: 'Alendronat 70 mg tablet', en: 'Alendronate 70 mg tablet' },
    dosageText: { da: '1 tablet à 70 mg én gang ugentligt', en: 'One 70 mg tablet once weekly' },
    patientInstruction: ALENDRONATE_TABLET_INTAKE,
    doseMg: 70,
    timing: { frequency: 1, period: 1, periodUnit: 'wk' },
    route: ORAL,
  },
  'alendronate-effervescent': {
    atc: { system: ATC, code: 'M05BA04', display: 'alendronic acid' },
    text: { da: 'Alendronat 70 mg brusetablet (Binosto)', en: 'Alendronate 70 mg effervescent tablet (Binosto)' },
    dosageText: { da: '1 brusetablet à 70 mg én gang ugentligt, opløst i et halvt glas vand', en: 'One 70 mg effervescent tablet once weekly, dissolved in half a glass of water' },
    patientInstruction: ALENDRONATE_EFFERVESCENT_INTAKE,
    doseMg: 70,
    timing: { frequency: 1, period: 1, periodUnit: 'wk' },
    route: ORAL,
  },
  'denosumab-biosimilar': {
    atc: { system: ATC, code: 'M05BX04', display: 'denosumab' },
    text: {
      da: 'Denosumab 60 mg injektionsvæske, biosimilær (Izamby, Junod, Obodence, Ozvyrti, Ponlimsi eller Zadenvi)',
      en: 'Denosumab 60 mg solution for injection, biosimilar (Izamby, Junod, Obodence, Ozvyrti, Ponlimsi or Zadenvi)',
    },
    dosageText: { da: '60 mg s.c. hver 6. måned – højst 7 måneder mellem injektionerne', en: '60 mg subcutaneously every 6 months – never more than 7 months apart' },
    patientInstruction: {
      da: 'Injektion hver 6. måned. Kom til tiden: der må højst gå 7 måneder. Stop aldrig uden aftale med lægen (hurtigt knogletab).',
      en: 'One injection every 6 months. Keep the appointment: never more than 7 months apart. Never stop without your doctor (rapid bone loss).',
    },
    doseMg: 60,
    timing: { frequency: 1, period: 6, periodUnit: 'mo' },
    route: SUBCUTANEOUS,
  },
  colecalciferol: {
    atc: { system: ATC, code: 'A11CC05', display: 'colecalciferol' },
    text: { da: 'D3-vitamin (colecalciferol) 20 µg', en: 'Vitamin D3 (colecalciferol) 20 µg' },
    dosageText: { da: '20–40 µg dagligt', en: '20–40 µg daily' },
    doseUnit: { code: 'ug', unit: 'µg' },
    timing: { frequency: 1, period: 1, periodUnit: 'd' },
    route: ORAL,
  },
  'calcium-citrate': {
    atc: { system: ATC, code: 'A12AA13', display: 'calcium citrate' },
    rxnorm: { system: RXNORM, code: '308919' },
    text: { da: 'Calciumcitrat 500 mg', en: 'Calcium citrate 500 mg' },
    dosageText: { da: '500 mg 1–2 gange dagligt efter kostindtag (over 500 mg fordeles over dagen); kan tages uafhængigt af mad', en: '500 mg once or twice daily depending on diet (split doses above 500 mg); can be taken with or without food' },
    doseMg: 500,
    timing: { frequency: 1, period: 1, periodUnit: 'd' },
    route: ORAL,
  },
};

export function medicationRequest(drug: ProposedDrug, lang: Language, patientRef: string, authoredOn: string): Record<string, unknown> & { resourceType: string } {
  return {
    resourceType: 'MedicationRequest',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: medicationConcept(drug, lang),
    subject: { reference: patientRef },
    authoredOn,
    dosageInstruction: [drugDosage(drug, lang)],
  };
}

/**
 * A drug order's dosage line; `dstu2`: in a DSTU2 MedicationOrder's spelling — the dose on the
 * dosage itself, not in `doseAndRate`, `periodUnits`, and no `patientInstruction` (DSTU2 has none).
 */
export function drugDosage(drug: ProposedDrug, lang: Language, dstu2 = false): Record<string, unknown> {
  const o = DRUG_ORDERS[drug];
  const doseQuantity =
    o.doseMg !== undefined
      ? { value: o.doseMg, unit: 'mg', system: UCUM, code: 'mg' }
      : o.doseUnit !== undefined
        ? { value: 20, unit: o.doseUnit.unit, system: UCUM, code: o.doseUnit.code }
        : undefined;
  return {
    text: o.dosageText[lang],
    ...(o.patientInstruction === undefined || dstu2 ? {} : { patientInstruction: o.patientInstruction[lang] }),
    timing: { repeat: timingRepeat(o.timing, dstu2) },
    route: { coding: [o.route] },
    ...(doseQuantity === undefined ? {} : dstu2 ? { doseQuantity } : { doseAndRate: [{ doseQuantity }] }),
  };
}

/** The medication part of a drug order, for swapping the drug on an existing draft. */
export function medicationConcept(drug: ProposedDrug, lang: Language): Record<string, unknown> {
  const o = DRUG_ORDERS[drug];
  return { coding: o.rxnorm === undefined ? [o.atc] : [o.atc, o.rxnorm], text: o.text[lang] };
}

/** Labs with their LOINC and NPU codes (NPU under the OID the Danish labs send). */
export const LAB_ORDERS: Readonly<Record<LabOrder, { readonly codings: readonly Coding[]; readonly text: Words }>> = {
  egfr: {
    codings: [
      { system: LOINC, code: '98979-8', display: 'Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)' },
      { system: NPU, code: 'DNK35302', display: 'eGFR' },
    ],
    text: { da: 'eGFR (P-kreatinin med beregnet eGFR)', en: 'eGFR (creatinine with estimated GFR)' },
  },
  creatinine: {
    codings: [
      { system: LOINC, code: '14682-9', display: 'Creatinine [Moles/volume] in Serum or Plasma' },
      { system: NPU, code: 'NPU18016', display: 'P—Creatininium; stofk.' },
    ],
    text: { da: 'P-kreatinin', en: 'Creatinine' },
  },
  calcium: {
    codings: [
      { system: LOINC, code: '2000-8', display: 'Calcium [Moles/volume] in Serum or Plasma' },
      { system: NPU, code: 'NPU01443', display: 'P—Calcium(II); stofk.' },
    ],
    text: { da: 'P-calcium', en: 'Calcium' },
  },
  'vitamin-d': {
    codings: [
      // The total (D2 + D3), as the NPU code and the card's "25-OH-D > 50" mean: 14635-7 is D3
      // alone, which a US lab runs as asked — a patient on ergocalciferol (D2) then looks deficient.
      { system: LOINC, code: '62292-8', display: '25-hydroxyvitamin D2+25-hydroxyvitamin D3 [Mass/volume] in Serum or Plasma' },
      { system: NPU, code: 'NPU10267', display: 'P—25-Hydroxy-vitamin D (D3+D2); stofk.' },
    ],
    text: { da: 'P-25-OH-vitamin D', en: '25-OH vitamin D' },
  },
  p1np: {
    codings: [{ system: LOINC, code: '77370-5', display: 'Procollagen type I.N-terminal propeptide [Mass/volume] in Serum or Plasma by Immunoassay' }],
    text: { da: 'P-P1NP (prokollagen type 1 N-terminalt propeptid) – kan tages hele dagen', en: 'P1NP (procollagen type 1 N-terminal propeptide) – any time of day' },
  },
  ctx: {
    codings: [{ system: LOINC, code: '41171-0', display: 'Collagen crosslinked C-telopeptide [Mass/volume] in Serum or Plasma' }],
    text: { da: 'P-CTX – tages fastende før kl. 10', en: 'CTX – fasting, before 10 am' },
  },
  albumin: {
    codings: [
      { system: LOINC, code: '1751-7', display: 'Albumin [Mass/volume] in Serum or Plasma' },
      { system: NPU, code: 'NPU19673', display: 'P—Albumin; massek.' },
    ],
    text: { da: 'P-albumin', en: 'Albumin' },
  },
};

export const DXA_CODING: Coding = { system: SNOMED, code: '312681000', display: 'Bone densitometry' };
export const REFERRAL_CODING: Coding = { system: SNOMED, code: '3457005', display: 'Patient referral' };

export const REFERRAL_TEXT: Readonly<Record<ReferralTarget, Words>> = {
  endocrinology: { da: 'Henvisning til endokrinolog (osteoporoseklinik)', en: 'Referral to endocrinology (osteoporosis clinic)' },
  // Each names the specialty that receives it (rules.md section 5): the osteoporosis clinics of the
  // endocrinology departments give the infusions and the anabolic treatment.
  'zoledronic-acid': {
    da: 'Henvisning til endokrinolog (osteoporoseklinik): behandling med zoledronsyre 5 mg i.v. årligt (typisk på hospital)',
    en: 'Referral to endocrinology (osteoporosis clinic): zoledronic acid 5 mg i.v. yearly (usually in hospital)',
  },
  // No drug named: romosozumab is not for men or after infarction/stroke — the card's text says which one fits.
  'anabolic-treatment': {
    da: 'Henvisning til endokrinolog (osteoporoseklinik): vurdering af anabol (knogleopbyggende) behandling',
    en: 'Referral to endocrinology (osteoporosis clinic): assessment of anabolic (bone-forming) treatment',
  },
  'parenteral-treatment': { da: 'Henvisning til endokrinolog (osteoporoseklinik): parenteral osteoporosebehandling', en: 'Referral to endocrinology (osteoporosis clinic): parenteral osteoporosis treatment' },
};

/** Added to an endocrinology referral that also carries the anabolic question (one referral to one clinic). */
export const ALSO_ANABOLIC: Words = { da: ' – også vurdering af anabol (knogleopbyggende) behandling', en: ' – also assessment of anabolic (bone-forming) treatment' };

/** Osteoporosis diagnosis for the problem list: SNOMED CT plus WHO ICD-10 and the SKS D-code; `postmenopausal` a woman's with no secondary cause suspected, else unspecified. */
export function diagnosisCodings(withFracture: boolean, postmenopausal: boolean): readonly Coding[] {
  if (withFracture) {
    const icd = postmenopausal ? 'M80.0' : 'M80.9';
    return [
      { system: SNOMED, code: postmenopausal ? '203453001' : '443165006', display: postmenopausal ? 'Postmenopausal osteoporosis with pathological fracture' : 'Pathological fracture due to osteoporosis' },
      { system: 'http://hl7.org/fhir/sid/icd-10', code: icd },
      { system: 'urn:oid:1.2.208.176.2.4.12', code: `D${icd.replace('.', '')}` },
    ];
  }
  const icd = postmenopausal ? 'M81.0' : 'M81.9';
  return [
    { system: SNOMED, code: postmenopausal ? '102447009' : '64859006', display: postmenopausal ? 'Postmenopausal osteoporosis' : 'Osteoporosis' },
    { system: 'http://hl7.org/fhir/sid/icd-10', code: icd },
    { system: 'urn:oid:1.2.208.176.2.4.12', code: `D${icd.replace('.', '')}` },
  ];
}
