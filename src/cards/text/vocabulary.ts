/**
 * The words shared by all cards, in Danish (the card's own terms) and English. Typed as complete
 * records over the fact and reason unions, so a new site, drug or reason cannot ship without both
 * languages.
 */
import type { ConditionConcept, DrugClass, DrugId, DxaSite, FractureSite } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import type { LabOrder } from '../../contract/findings.js';
import type { Language } from '../../contract/language.js';
import type { GuidelineSettings } from '../../rules/settings.js';
import { formatNumber } from '../format.js';

export type Words = Readonly<Record<Language, string>>;

export const DXA_SITE: Readonly<Record<DxaSite, Words>> = {
  'lumbar-spine': { da: 'columna', en: 'lumbar spine' },
  'total-hip': { da: 'total hofte', en: 'total hip' },
  'femoral-neck': { da: 'collum femoris', en: 'femoral neck' },
  forearm: { da: 'underarm', en: 'forearm' },
  other: { da: 'andet målested', en: 'other site' },
};

export const FRACTURE_SITE: Readonly<Record<FractureSite, Words>> = {
  spine: { da: 'ryg (columna)', en: 'spine' },
  hip: { da: 'hofte', en: 'hip' },
  pelvis: { da: 'bækken', en: 'pelvis' },
  'upper-arm': { da: 'overarm', en: 'upper arm' },
  forearm: { da: 'underarm', en: 'forearm' },
  other: { da: 'andet sted', en: 'other site' },
};

export const DRUG: Readonly<Record<DrugId, Words>> = {
  alendronate: { da: 'alendronat', en: 'alendronate' },
  risedronate: { da: 'risedronat', en: 'risedronate' },
  ibandronate: { da: 'ibandronat', en: 'ibandronate' },
  'other-bisphosphonate': { da: 'bisfosfonat', en: 'bisphosphonate' },
  'zoledronic-acid': { da: 'zoledronsyre', en: 'zoledronic acid' },
  denosumab: { da: 'denosumab', en: 'denosumab' },
  teriparatide: { da: 'teriparatid', en: 'teriparatide' },
  abaloparatide: { da: 'abaloparatid', en: 'abaloparatide' },
  romosozumab: { da: 'romosozumab', en: 'romosozumab' },
  raloxifene: { da: 'raloxifen', en: 'raloxifene' },
  glucocorticoid: { da: 'systemisk glukokortikoid', en: 'systemic glucocorticoid' },
  colecalciferol: { da: 'D3-vitamin (colecalciferol)', en: 'vitamin D3 (colecalciferol)' },
  'active-vitamin-d': { da: 'aktivt D-vitamin', en: 'active vitamin D' },
  'calcium-carbonate': { da: 'calciumcarbonat', en: 'calcium carbonate' },
  'calcium-citrate': { da: 'calciumcitrat', en: 'calcium citrate' },
  'calcium-other': { da: 'calciumtilskud', en: 'calcium supplement' },
  ppi: { da: 'protonpumpehæmmer (PPI)', en: 'proton pump inhibitor (PPI)' },
  antiepileptic: { da: 'antiepileptikum', en: 'antiepileptic' },
  'aromatase-inhibitor': { da: 'aromatasehæmmer', en: 'aromatase inhibitor' },
  'anti-oestrogen': { da: 'antiøstrogen', en: 'anti-oestrogen' },
  'anti-androgen': { da: 'antiandrogen', en: 'anti-androgen' },
  'gnrh-analogue': { da: 'GnRH-analog', en: 'GnRH analogue' },
};

export const DRUG_CLASS: Readonly<Record<DrugClass, Words>> = {
  'oral-bisphosphonate': { da: 'peroral bisfosfonat', en: 'oral bisphosphonate' },
  'zoledronic-acid': { da: 'zoledronsyre', en: 'zoledronic acid' },
  denosumab: { da: 'denosumab', en: 'denosumab' },
  anabolic: { da: 'anabol behandling', en: 'anabolic treatment' },
  serm: { da: 'SERM (raloxifen)', en: 'SERM (raloxifene)' },
  glucocorticoid: { da: 'glukokortikoid', en: 'glucocorticoid' },
  'vitamin-d': { da: 'D-vitamin', en: 'vitamin D' },
  calcium: { da: 'calcium', en: 'calcium' },
  ppi: { da: 'PPI', en: 'PPI' },
  antiepileptic: { da: 'antiepileptika', en: 'antiepileptics' },
  'hormone-therapy': { da: 'hormonbehandling', en: 'hormone therapy' },
  'other-bisphosphonate': { da: 'bisfosfonat', en: 'bisphosphonate' },
};

export const LAB: Readonly<Record<LabOrder | 'calcium-ionised' | 'calcium-corrected', Words>> = {
  egfr: { da: 'eGFR', en: 'eGFR' },
  creatinine: { da: 'P-kreatinin', en: 'creatinine' },
  calcium: { da: 'P-calcium', en: 'calcium' },
  'calcium-ionised': { da: 'P-calcium-ion (frit)', en: 'ionised calcium' },
  'calcium-corrected': { da: 'P-calcium (albuminkorrigeret)', en: 'albumin-corrected calcium' },
  'vitamin-d': { da: 'P-25-OH-vitamin D', en: '25-OH vitamin D' },
  p1np: { da: 'P1NP', en: 'P1NP' },
  ctx: { da: 'CTX', en: 'CTX' },
  albumin: { da: 'P-albumin', en: 'albumin' },
};

export const CONDITION: Readonly<Record<ConditionConcept, Words>> = {
  osteoporosis: { da: 'osteoporose', en: 'osteoporosis' },
  osteopenia: { da: 'osteopeni', en: 'osteopenia' },
  'peptic-ulcer': { da: 'ulcus (mave- eller tolvfingertarmssår)', en: 'peptic ulcer' },
  'oesophageal-disorder': { da: 'spiserørssygdom med forsinket tømning', en: 'oesophageal disease delaying emptying' },
  dysphagia: { da: 'synkebesvær', en: 'swallowing difficulty' },
  'cannot-stay-upright': { da: 'kan ikke sidde/stå oprejst i 30 min.', en: 'cannot stay upright for 30 minutes' },
  'non-adherence': { da: 'manglende compliance', en: 'non-adherence' },
  hypocalcaemia: { da: 'hypocalcæmi', en: 'hypocalcaemia' },
  'osteonecrosis-of-jaw': { da: 'kæbenekrose', en: 'osteonecrosis of the jaw' },
  'atypical-femoral-fracture': { da: 'atypisk femurfraktur', en: 'atypical femoral fracture' },
  'myocardial-infarction': { da: 'akut myokardieinfarkt', en: 'myocardial infarction' },
  stroke: { da: 'apopleksi', en: 'stroke' },
  menopause: { da: 'menopause', en: 'menopause' },
  'early-menopause': { da: 'tidlig menopause (før 45 år)', en: 'early menopause (before 45)' },
  'family-history-osteoporosis': { da: 'osteoporose/hoftebrud i familien', en: 'family history of osteoporosis/hip fracture' },
  falls: { da: 'faldtendens', en: 'falls' },
  immobility: { da: 'immobilisering/nedsat mobilitet', en: 'immobility' },
  smoker: { da: 'rygning', en: 'smoking' },
  'alcohol-overuse': { da: 'alkoholoverforbrug', en: 'alcohol overuse' },
  'vitamin-d-deficiency': { da: 'D-vitaminmangel', en: 'vitamin D deficiency' },
  'chronic-kidney-disease': { da: 'kronisk nyresygdom', en: 'chronic kidney disease' },
  'rheumatoid-arthritis': { da: 'leddegigt (reumatoid artrit)', en: 'rheumatoid arthritis' },
  hyperthyroidism: { da: 'hyperthyreose', en: 'hyperthyroidism' },
  'primary-hyperparathyroidism': { da: 'primær hyperparathyreoidisme', en: 'primary hyperparathyroidism' },
  'inflammatory-bowel-disease': { da: 'inflammatorisk tarmsygdom', en: 'inflammatory bowel disease' },
  'coeliac-disease': { da: 'cøliaki', en: 'coeliac disease' },
  malabsorption: { da: 'malabsorption', en: 'malabsorption' },
  copd: { da: 'KOL', en: 'COPD' },
  'type-1-diabetes': { da: 'type 1-diabetes', en: 'type 1 diabetes' },
  hypogonadism: { da: 'hypogonadisme', en: 'hypogonadism' },
  'anorexia-nervosa': { da: 'anoreksi', en: 'anorexia nervosa' },
  cushing: { da: 'Cushings syndrom', en: "Cushing's syndrome" },
  myeloma: { da: 'myelomatose', en: 'myeloma' },
};

/**
 * Words that quote a number a site may change (a threshold or window of `GuidelineSettings`):
 * worded from the settings in force, so a card never states the card's default while the rule
 * applied the site's value.
 */
export type SettingWords = (settings: GuidelineSettings) => Words;

/** Words as they read under the settings in force. */
export function inForce(words: Words | SettingWords, settings: GuidelineSettings): Words {
  return typeof words === 'function' ? words(settings) : words;
}

/** "12 mdr." / "12 months". */
function months(n: number, lang: Language): string {
  if (lang === 'da') return n === 1 ? '1 måned' : `${n} mdr.`;
  return n === 1 ? '1 month' : `${n} months`;
}

/** A window set in months, in whole years when it is whole years ("1 år", as the card says), else in months. */
function monthsOrYears(n: number, lang: Language): string {
  if (n % 12 !== 0) return months(n, lang);
  const years = n / 12;
  if (lang === 'da') return `${years} år`;
  return years === 1 ? '1 year' : `${years} years`;
}

/** "de seneste 5 år" / "in the last 5 years"; one year: "det seneste år" / "in the last year". */
export function lastYears(n: number, lang: Language): string {
  if (lang === 'da') return n === 1 ? 'det seneste år' : `de seneste ${n} år`;
  return n === 1 ? 'in the last year' : `in the last ${n} years`;
}

/** Each reason as a short phrase for the card's "Begrundelse" list; the ones that quote a setting as `SettingWords`. */
export const REASON: Readonly<Record<Reason, Words | SettingWords>> = {
  'risk-family-history': { da: 'Risikofaktor: arvelig disposition (osteoporose/hoftebrud hos forælder eller søskende)', en: 'Risk factor: family history (osteoporosis or hip fracture in a first-degree relative)' },
  'risk-low-bmi': (s) => ({ da: `Risikofaktor: lavt BMI (< ${formatNumber(s.lowBmi, 'da')} kg/m²)`, en: `Risk factor: low BMI (< ${formatNumber(s.lowBmi, 'en')} kg/m²)` }),
  'risk-immobilisation': { da: 'Risikofaktor: immobilisering', en: 'Risk factor: immobilisation' },
  'risk-height-loss': { da: 'Risikofaktor: højdereduktion', en: 'Risk factor: height loss' },
  'risk-disease': { da: 'Risikofaktor: sygdom eller tilstand, der kan medføre knogletab', en: 'Risk factor: a disease or condition that causes bone loss' },
  'risk-falls': { da: 'Risikofaktor: faldtendens', en: 'Risk factor: tendency to fall' },
  'risk-glucocorticoid': { da: 'Risikofaktor: glukokortikoidbehandling', en: 'Risk factor: glucocorticoid treatment' },
  'risk-smoking': { da: 'Risikofaktor: rygning', en: 'Risk factor: smoking' },
  'risk-age-over-80': { da: 'Risikofaktor: alder over 80 år', en: 'Risk factor: age over 80' },
  'risk-prior-fracture': { da: 'Risikofaktor: tidligere lavenergibrud (fx underarm)', en: 'Risk factor: earlier low-energy fracture (e.g. forearm)' },
  'risk-prior-fracture-possible': { da: 'Risikofaktor: tidligere brud (fx underarm) – hvis lavenergibrud (mekanisme ikke registreret)', en: 'Risk factor: earlier fracture (e.g. forearm) – if low-energy (mechanism not recorded)' },
  'risk-hormone-therapy': { da: 'Risikofaktor: antihormonbehandling (aromatasehæmmer/antiandrogen)', en: 'Risk factor: hormone-deprivation therapy (aromatase inhibitor/anti-androgen)' },
  'risk-alcohol': (s) => ({
    da: `Risikofaktor: alkohol (≥ ${formatNumber(s.alcoholUnitsPerDay, 'da')} ${s.alcoholUnitsPerDay === 1 ? 'genstand' : 'genstande'} dagligt)`,
    en: `Risk factor: alcohol (≥ ${formatNumber(s.alcoholUnitsPerDay, 'en')} ${s.alcoholUnitsPerDay === 1 ? 'unit' : 'units'} a day)`,
  }),
  'egfr-missing': { da: 'eGFR mangler eller er ikke aktuel', en: 'eGFR missing or not current' },
  'creatinine-missing': { da: 'P-kreatinin/eGFR mangler eller er ikke aktuel', en: 'Creatinine/eGFR missing or not current' },
  'calcium-missing': { da: 'P-calcium mangler eller er ikke aktuel', en: 'Calcium missing or not current' },
  'vitamin-d-missing': { da: 'P-25-OH-vitamin D mangler eller er ikke aktuel', en: '25-OH vitamin D missing or not current' },
  'guideline-advice': { da: 'Generelt råd fra vejledningen', en: 'General advice from the guideline' },
  'first-course': { da: 'Første antiresorptive behandling', en: 'First antiresorptive course' },
  't-score': { da: 'T-score ≤ −2,5', en: 'T-score ≤ −2.5' },
  'spine-fracture': { da: 'Lavenergibrud i ryg', en: 'Low-energy spine fracture' },
  'hip-fracture': { da: 'Lavenergibrud i hofte', en: 'Low-energy hip fracture' },
  'spine-fracture-possible': { da: 'Brud i ryg – hvis lavenergibrud (mekanisme ikke registreret)', en: 'Spine fracture – if low-energy (mechanism not recorded)' },
  'hip-fracture-possible': { da: 'Hoftebrud – hvis lavenergibrud (mekanisme ikke registreret)', en: 'Hip fracture – if low-energy (mechanism not recorded)' },
  't-score-with-risk-factor': { da: 'T-score ≤ −2,5 og mindst én risikofaktor', en: 'T-score ≤ −2.5 and at least one risk factor' },
  'glucocorticoid-t-score': { da: 'Prednisolon > 5 mg dgl. i 3 mdr. eller > 450 mg på et år, og T-score < −1,0', en: 'Prednisolone > 5 mg daily for 3 months or > 450 mg in a year, and T-score < −1.0' },
  't-score-without-risk-factor': { da: 'T-score ≤ −2,5 uden lavenergibrud og uden registreret risikofaktor', en: 'T-score ≤ −2.5 without a low-energy fracture and without a recorded risk factor' },
  'egfr-low': { da: 'eGFR ≤ 35 ml/min', en: 'eGFR ≤ 35 mL/min' },
  hypocalcaemia: { da: 'Hypocalcæmi', en: 'Hypocalcaemia' },
  'vitamin-d-low': { da: 'P-25-OH-vitamin D ≤ 50 nmol/L', en: '25-OH vitamin D ≤ 50 nmol/L' },
  'baseline-btm-missing': { da: 'Initial knoglemarkør før behandling mangler', en: 'Baseline bone marker before treatment missing' },
  'height-missing': { da: 'Højde ikke målt', en: 'Height not measured' },
  'vitamin-d-low-at-dxa': { da: 'P-25-OH-vitamin D ≤ 50 nmol/L ved DXA-skanningen', en: '25-OH vitamin D ≤ 50 nmol/L at the DXA scan' },
  'vitamin-d-below-target': { da: 'P-25-OH-vitamin D under 70 nmol/L (mål 70–125)', en: '25-OH vitamin D below 70 nmol/L (target 70–125)' },
  'no-vitamin-d-supplement': { da: 'Intet D-vitamintilskud registreret', en: 'No vitamin D supplement recorded' },
  'ppi-user': { da: 'Bruger PPI (calciumcitrat optages uafhængigt af mavesyre)', en: 'Takes a PPI (calcium citrate is absorbed independently of acid)' },
  smoker: { da: 'Ryger', en: 'Smoker' },
  falls: { da: 'Faldtendens', en: 'Tendency to fall' },
  alcohol: { da: 'Alkoholforbrug', en: 'Alcohol use' },
  'low-bmi': { da: 'Lavt BMI', en: 'Low BMI' },
  ulcer: (s) => ({ da: `Ulcus (aktivt eller inden for ${months(s.ulcerMonths, 'da')})`, en: `Peptic ulcer (active or within ${months(s.ulcerMonths, 'en')})` }),
  'oesophageal-disease': { da: 'Spiserørssygdom med forsinket tømning', en: 'Oesophageal disease delaying emptying' },
  'cannot-stay-upright': { da: 'Kan ikke være oprejst i 30 minutter', en: 'Cannot stay upright for 30 minutes' },
  intolerance: { da: 'Utålelige bivirkninger/intolerans registreret', en: 'Intolerance recorded' },
  'non-adherence': { da: 'Compliance kan ikke opretholdes', en: 'Adherence cannot be maintained' },
  dysphagia: { da: 'Synkebesvær', en: 'Swallowing difficulty' },
  'three-months-on-treatment': { da: '3 måneder i behandling – knoglemarkør skal tages', en: '3 months on treatment – bone marker due' },
  'recheck-after-correction': { da: 'Ny knoglemarkør 3 måneder efter korrektion', en: 'Repeat bone marker 3 months after correction' },
  'fracture-before-start': { da: 'Brud inden for 6 mdr. før behandlingsstart – mål ét år efter bruddet', en: 'Fracture within 6 months before start – measure one year after the fracture' },
  'fall-from-baseline': { da: 'Knoglemarkør faldet > 30 % fra initial værdi', en: 'Bone marker fell > 30 % from baseline' },
  'below-premenopausal-mean': { da: 'Knoglemarkør under præmenopausalt gennemsnit (ingen initial værdi – mere usikkert)', en: 'Bone marker below the premenopausal mean (no baseline – less certain)' },
  // One reason for both comparisons (rules.md section 3): ≤ 30 % from the initial value, or, with none, not below the premenopausal mean.
  'insufficient-fall': { da: 'Knoglemarkør: utilstrækkeligt fald (≤ 30 % fra initial værdi, eller uden initial værdi ikke under præmenopausalt gennemsnit)', en: 'Bone marker: insufficient fall (≤ 30 % from baseline, or with no baseline not below the premenopausal mean)' },
  'persistent-insufficient-fall': { da: 'Fortsat utilstrækkeligt fald i knoglemarkør efter korrektion', en: 'Still insufficient bone marker fall after correction' },
  'interfering-medication': { da: 'Anden medicin startet/ændret, som kan påvirke knoglemarkøren', en: 'Medication started/changed that can affect the bone marker' },
  'two-year-dxa': { da: 'DXA tidligst efter 2 års behandling', en: 'DXA after 2 years of treatment' },
  'five-year-dxa': { da: 'DXA efter 5 års behandling', en: 'DXA after 5 years of treatment' },
  'five-years': { da: '5 års peroral bisfosfonatbehandling', en: '5 years of oral bisphosphonate' },
  'ten-years': { da: '10 års peroral bisfosfonatbehandling', en: '10 years of oral bisphosphonate' },
  'hip-t-score-low': { da: 'T-score (hofte) ≤ −2,5', en: 'Hip T-score ≤ −2.5' },
  'hip-t-score-missing': { da: 'Ingen T-score for hoften registreret', en: 'No hip T-score recorded' },
  'prior-spine-hip-fracture': { da: 'Tidligere lavenergibrud i ryg eller hofte', en: 'Prior low-energy spine or hip fracture' },
  'recent-fracture': (s) => ({ da: `Andet lavenergibrud ${lastYears(s.pauseRecentFractureYears, 'da')}`, en: `Other low-energy fracture ${lastYears(s.pauseRecentFractureYears, 'en')}` }),
  'ongoing-glucocorticoid': (s) => ({
    da: `Glukokortikoidbehandling pågår eller ophørt for under ${monthsOrYears(s.pauseGlucocorticoidStoppedMonths, 'da')} siden`,
    en: `Glucocorticoid ongoing or stopped less than ${monthsOrYears(s.pauseGlucocorticoidStoppedMonths, 'en')} ago`,
  }),
  upcoming: { da: 'Næste injektion nærmer sig', en: 'Next injection coming up' },
  due: { da: 'Injektion skal gives nu (6 måneder)', en: 'Injection due now (6 months)' },
  overdue: { da: 'Mere end 7 måneder siden sidste injektion', en: 'More than 7 months since the last injection' },
  'no-follow-on-therapy': { da: 'Denosumab seponeret uden opfølgende behandling', en: 'Denosumab stopped without follow-on treatment' },
  'infusion-due': (s) => ({
    da: `Årlig zoledronsyre-infusion er aktuel (≥ ${months(s.zoledronicDueMonths, 'da')} siden sidste)`,
    en: `Yearly zoledronic acid infusion due (≥ ${months(s.zoledronicDueMonths, 'en')} since the last)`,
  }),
  'woman-fracture-3y': { da: 'Kvinde: T-score < −2,5 og lavenergibrud inden for 3 år', en: 'Woman: T-score < −2.5 and low-energy fracture within 3 years' },
  'man-spine-fracture-3y': { da: 'Mand: T-score ≤ −3,0 og lavenergibrud i ryg inden for 3 år', en: 'Man: T-score ≤ −3.0 and low-energy spine fracture within 3 years' },
  'man-two-spine-fractures': { da: 'Mand: ≥ 2 lavenergibrud i ryg', en: 'Man: ≥ 2 low-energy spine fractures' },
  'bmd-fall': { da: 'Signifikant fald i knoglemasse på DXA trods behandling', en: 'Significant BMD fall on DXA despite treatment' },
  'fractures-on-treatment': { da: '≥ 2 lavenergibrud efter mindst et års behandling', en: '≥ 2 low-energy fractures after at least one year of treatment' },
  'no-btm-suppression': { da: 'Manglende suppression af knoglemarkør', en: 'No suppression of bone marker' },
  'egfr-falling': { da: 'Progredierende nyrefunktionstab (faldende eGFR)', en: 'Progressive loss of kidney function (falling eGFR)' },
  'denosumab-stop': { da: 'Denosumab planlægges seponeret', en: 'Denosumab planned to stop' },
  'secondary-osteoporosis': { da: 'Mistanke om sekundær osteoporose', en: 'Suspected secondary osteoporosis' },
  duplicate: { da: 'Anden antiresorptiv behandling er aktiv eller ordineres samtidig', en: 'Another antiresorptive is active or ordered at the same time' },
  'brand-prolia': { da: 'Prolia ordineret – biosimilære koster under det halve', en: 'Prolia prescribed – biosimilars cost less than half' },
  schedule: { da: 'Denosumab hver 6. måned, højst 7 måneder mellem injektioner', en: 'Denosumab every 6 months, never more than 7 months apart' },
  'egfr-below-30': { da: 'eGFR < 30: øget risiko for hypocalcæmi', en: 'eGFR < 30: higher risk of hypocalcaemia' },
  'exposure-threshold': { da: 'Glukokortikoid: > 5 mg prednisolon dgl. i 3 mdr. eller > 450 mg på et år', en: 'Glucocorticoid: > 5 mg prednisolone daily for 3 months or > 450 mg in a year' },
  't-score-below-minus-1': { da: 'T-score < −1,0', en: 'T-score < −1.0' },
  'no-dxa': (s) => ({ da: `Ingen DXA-skanning ${lastYears(s.dxaWorkupYears, 'da')}`, en: `No DXA scan ${lastYears(s.dxaWorkupYears, 'en')}` }),
  'specialist-drug': { da: 'Specialistbehandling', en: 'Specialist treatment' },
  'cardiovascular-history': { da: 'Tidligere myokardieinfarkt eller apopleksi (romosozumab kontraindiceret)', en: 'Prior myocardial infarction or stroke (romosozumab contraindicated)' },
  'pause-ongoing': { da: 'Behandlingspause efter ≥ 5 års peroral bisfosfonat', en: 'Treatment pause after ≥ 5 years of oral bisphosphonate' },
  'pause-dxa-due': { da: 'DXA-skanning i pausen: 2 år er gået', en: 'DXA scan during the pause: 2 years have passed' },
  'pause-continues': { da: 'DXA i pausen: T-score (hofte) > −2,5 – pausen fortsætter', en: 'DXA during the pause: hip T-score > −2.5 – the pause continues' },
  'pause-ended': {
    da: 'Behandlingspausen er slut: nyt lavenergibrud, T-score (hofte) ≤ −2,5 eller glukokortikoid med T-score < −1,0',
    en: 'The treatment pause is over: a new low-energy fracture, hip T-score ≤ −2.5, or glucocorticoid with T-score < −1.0',
  },
  'future-dated': { da: 'Data med dato ude i fremtiden (fejlregistrering) er ikke brugt', en: 'Data dated in the future (a data error) were not used' },
  'unknown-unit': { da: 'Værdi i ukendt enhed er ikke brugt', en: 'A value in an unknown unit was not used' },
  'medication-unidentified': { da: 'Ordination med et lægemiddel, der ikke blev sendt, er ikke brugt', en: 'A medication record naming a Medication that was not sent was not used' },
  'unreadable-value': { da: 'Værdi uden tal eller dato, som ikke kan læses, eller kun angivet som grænse, er ikke brugt', en: 'A value without a number or a date, one that cannot be read, or one reported only as a bound was not used' },
  'too-frequent': { da: 'Doseringen er hyppigere end præparatets doseringsinterval', en: "The dosing is more frequent than the drug's dosing interval" },
  'patient-unavailable': { da: 'Patientdata kunne ikke hentes', en: 'Patient data could not be retrieved' },
  'observations-unavailable': { da: 'Målinger (laboratoriesvar, DXA) kunne ikke hentes', en: 'Observations (labs, DXA) could not be retrieved' },
  'conditions-unavailable': { da: 'Diagnoser kunne ikke hentes', en: 'Conditions could not be retrieved' },
  'medicationStatements-unavailable': { da: 'Medicinoversigt kunne ikke hentes', en: 'Medication statements could not be retrieved' },
  'medicationRequests-unavailable': { da: 'Ordinationer kunne ikke hentes', en: 'Medication requests could not be retrieved' },
  'medicationAdministrations-unavailable': { da: 'Medicinadministrationer kunne ikke hentes', en: 'Medication administrations could not be retrieved' },
  'allergies-unavailable': { da: 'Allergier/intolerancer kunne ikke hentes', en: 'Allergies/intolerances could not be retrieved' },
  'familyHistory-unavailable': { da: 'Familieanamnese kunne ikke hentes', en: 'Family history could not be retrieved' },
};
