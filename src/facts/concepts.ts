/**
 * What the facts stage does with each concept of the terminology bindings: the concept ids are the
 * contract between `src/terminology/bindings.json` and this folder (a test checks that every id
 * used here exists in the bindings with the right kind).
 */
import type { ConceptKind } from '../terminology/index.js';
import { BONE_LOSS_DISEASES, type ConditionConcept, type DrugClass, type DrugId, type DxaSite, type FractureSite, type LabKind } from './types.js';

export const LAB_CONCEPTS: Readonly<Record<string, LabKind>> = {
  egfr: 'egfr',
  creatinine: 'creatinine',
  'calcium-total': 'calcium-total',
  'calcium-corrected': 'calcium-corrected',
  'calcium-ionised': 'calcium-ionised',
  'vitamin-d': 'vitamin-d',
  p1np: 'p1np',
  ctx: 'ctx',
  albumin: 'albumin',
};

export const VITAL_CONCEPTS: Readonly<Record<string, 'height' | 'weight' | 'bmi'>> = {
  height: 'height',
  weight: 'weight',
  bmi: 'bmi',
};

export type ScoreKind = 't-score' | 'z-score' | 'bmd';

export const DXA_CONCEPTS: Readonly<Record<string, { readonly score: ScoreKind; readonly site: DxaSite }>> = {
  'tscore-lumbar-spine': { score: 't-score', site: 'lumbar-spine' },
  'tscore-femoral-neck': { score: 't-score', site: 'femoral-neck' },
  'tscore-total-hip': { score: 't-score', site: 'total-hip' },
  'tscore-forearm': { score: 't-score', site: 'forearm' },
  'tscore-other': { score: 't-score', site: 'other' },
  'zscore-lumbar-spine': { score: 'z-score', site: 'lumbar-spine' },
  'zscore-femoral-neck': { score: 'z-score', site: 'femoral-neck' },
  'zscore-total-hip': { score: 'z-score', site: 'total-hip' },
  'zscore-forearm': { score: 'z-score', site: 'forearm' },
  'bmd-lumbar-spine': { score: 'bmd', site: 'lumbar-spine' },
  'bmd-femoral-neck': { score: 'bmd', site: 'femoral-neck' },
  'bmd-total-hip': { score: 'bmd', site: 'total-hip' },
  'bmd-forearm': { score: 'bmd', site: 'forearm' },
  'bmd-other': { score: 'bmd', site: 'other' },
};

/** Lifestyle observation and answer concepts. */
export const LIFESTYLE = {
  smokingStatus: 'smoking-status',
  smokingCurrent: 'smoking-current',
  smokingNotCurrent: 'smoking-not-current',
  alcohol: 'alcohol-intake',
  falls: 'falls-screening',
  fallsYes: 'falls-yes',
} as const;


/** Condition concepts reported as `ConditionFact` (concept id = `ConditionConcept`). */
export const CONDITION_CONCEPTS: ReadonlySet<string> = new Set<ConditionConcept>([
  'osteoporosis',
  'osteopenia',
  'peptic-ulcer',
  'oesophageal-disorder',
  'dysphagia',
  'cannot-stay-upright',
  'non-adherence',
  'hypocalcaemia',
  'osteonecrosis-of-jaw',
  'atypical-femoral-fracture',
  'myocardial-infarction',
  'stroke',
  'menopause',
  'early-menopause',
  'family-history-osteoporosis',
  'falls',
  'immobility',
  'smoker',
  'alcohol-overuse',
  'vitamin-d-deficiency',
  'chronic-kidney-disease',
  ...BONE_LOSS_DISEASES,
]);

export function isConditionConcept(id: string): id is ConditionConcept {
  return CONDITION_CONCEPTS.has(id);
}

/** Fracture concepts with the site they name. */
export const FRACTURE_SITE_CONCEPTS: Readonly<Record<string, FractureSite>> = {
  'fracture-spine': 'spine',
  'fracture-hip': 'hip',
  'fracture-pelvis': 'pelvis',
  'fracture-upper-arm': 'upper-arm',
  'fracture-forearm': 'forearm',
  'fracture-other': 'other',
};

export const FRACTURE = {
  osteoporotic: 'fracture-osteoporotic',
  pathological: 'fracture-pathological',
  excluded: 'fracture-excluded',
  /** Also a condition of its own (a side effect of treatment); never a fragility fracture. */
  atypicalFemoral: 'atypical-femoral-fracture',
} as const;

export const FIRST_DEGREE_RELATIVE = 'first-degree-relative';

/** Concepts a family member's condition must match to count (osteoporosis or hip fracture). */
export const FAMILY_HISTORY_TARGETS: ReadonlySet<string> = new Set(['osteoporosis', 'fracture-hip', 'fracture-osteoporotic']);

/** Medication concept ids are `DrugId`s; their class. */
export const DRUG_CLASS: Readonly<Record<DrugId, DrugClass>> = {
  alendronate: 'oral-bisphosphonate',
  risedronate: 'oral-bisphosphonate',
  ibandronate: 'oral-bisphosphonate',
  'other-bisphosphonate': 'other-bisphosphonate',
  'zoledronic-acid': 'zoledronic-acid',
  denosumab: 'denosumab',
  teriparatide: 'anabolic',
  abaloparatide: 'anabolic',
  romosozumab: 'anabolic',
  raloxifene: 'serm',
  glucocorticoid: 'glucocorticoid',
  colecalciferol: 'vitamin-d',
  'active-vitamin-d': 'vitamin-d',
  'calcium-carbonate': 'calcium',
  'calcium-citrate': 'calcium',
  'calcium-other': 'calcium',
  ppi: 'ppi',
  antiepileptic: 'antiepileptic',
  'aromatase-inhibitor': 'hormone-therapy',
  'anti-oestrogen': 'hormone-therapy',
  'anti-androgen': 'hormone-therapy',
  'gnrh-analogue': 'hormone-therapy',
};

export function isDrugId(id: string): id is DrugId {
  return Object.hasOwn(DRUG_CLASS, id);
}

/** Every concept id the facts stage reads, with the kind the bindings must give it. */
export function requiredConcepts(): ReadonlyMap<string, ConceptKind> {
  const out = new Map<string, ConceptKind>();
  for (const id of [...Object.keys(LAB_CONCEPTS), ...Object.keys(VITAL_CONCEPTS), ...Object.keys(DXA_CONCEPTS)]) out.set(id, 'observation');
  out.set(LIFESTYLE.smokingStatus, 'observation');
  out.set(LIFESTYLE.alcohol, 'observation');
  out.set(LIFESTYLE.falls, 'observation');
  out.set(LIFESTYLE.smokingCurrent, 'answer');
  out.set(LIFESTYLE.smokingNotCurrent, 'answer');
  out.set(LIFESTYLE.fallsYes, 'answer');
  for (const id of CONDITION_CONCEPTS) out.set(id, 'condition');
  for (const id of [...Object.keys(FRACTURE_SITE_CONCEPTS), ...Object.values(FRACTURE)]) out.set(id, 'condition');
  out.set(FIRST_DEGREE_RELATIVE, 'relationship');
  for (const id of Object.keys(DRUG_CLASS)) out.set(id, 'medication');
  return out;
}
