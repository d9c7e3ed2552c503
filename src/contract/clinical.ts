/**
 * The plain clinical vocabulary the facts, the rules and the cards all speak: references, sites,
 * concepts, drugs and their classes. Values only — what a fact *is* stays in facts/types.ts — so
 * the recommendation contract can name them without importing a stage.
 */

/** A FHIR relative reference, `ResourceType/id`. */
export type Ref = string;

export type CalciumKind = 'total' | 'corrected' | 'ionised';

/** A lab value as the record wrote it, before conversion to the canonical unit. */
export interface ReportedValue {
  readonly value: number;
  readonly unit: string;
}

export type BoneMarkerKind = 'p1np' | 'ctx';

export type DxaSite = 'lumbar-spine' | 'total-hip' | 'femoral-neck' | 'forearm' | 'other';

export interface Performer {
  /** `Organization/…` or `Practitioner/…` when the Observation referenced one. */
  readonly reference?: Ref;
  readonly display?: string;
}

export type FractureSite = 'spine' | 'hip' | 'pelvis' | 'upper-arm' | 'forearm' | 'other';

export type ConditionConcept =
  | 'osteoporosis'
  | 'osteopenia'
  | 'peptic-ulcer'
  | 'oesophageal-disorder'
  | 'dysphagia'
  | 'cannot-stay-upright'
  | 'non-adherence'
  | 'hypocalcaemia'
  | 'osteonecrosis-of-jaw'
  | 'atypical-femoral-fracture'
  | 'myocardial-infarction'
  | 'stroke'
  | 'menopause'
  | 'early-menopause'
  | 'family-history-osteoporosis'
  | 'falls'
  | 'immobility'
  | 'smoker'
  | 'alcohol-overuse'
  | 'vitamin-d-deficiency'
  | 'chronic-kidney-disease'
  | BoneLossDisease;

/** "Sygdomme og tilstande, der kan medføre knogletab" (card footnote **, DSAM ch. 4). */
export const BONE_LOSS_DISEASES = [
  'rheumatoid-arthritis',
  'hyperthyroidism',
  'primary-hyperparathyroidism',
  'inflammatory-bowel-disease',
  'coeliac-disease',
  'malabsorption',
  'copd',
  'type-1-diabetes',
  'hypogonadism',
  'anorexia-nervosa',
  'cushing',
  'myeloma',
] as const;
export type BoneLossDisease = (typeof BONE_LOSS_DISEASES)[number];

export type DrugId =
  | 'alendronate'
  | 'risedronate'
  | 'ibandronate'
  | 'other-bisphosphonate'
  | 'zoledronic-acid'
  | 'denosumab'
  | 'teriparatide'
  | 'abaloparatide'
  | 'romosozumab'
  | 'raloxifene'
  | 'glucocorticoid'
  | 'colecalciferol'
  | 'active-vitamin-d'
  | 'calcium-carbonate'
  | 'calcium-citrate'
  | 'calcium-other'
  | 'ppi'
  | 'antiepileptic'
  | 'aromatase-inhibitor'
  | 'anti-oestrogen'
  | 'anti-androgen'
  | 'gnrh-analogue';

/** How the guideline groups the drugs. */
export type DrugClass =
  | 'oral-bisphosphonate'
  | 'zoledronic-acid'
  | 'denosumab'
  | 'anabolic'
  | 'serm'
  | 'glucocorticoid'
  | 'vitamin-d'
  | 'calcium'
  | 'ppi'
  | 'antiepileptic'
  | 'hormone-therapy'
  | 'other-bisphosphonate';
