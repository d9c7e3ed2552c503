/**
 * Card text of `rx-start-checklist` (rules.md section 4; card page 1 l. 41-51 "Før start af
 * antiresorptiv behandling", l. 67-82 "Særlige forhold ved indtag/indgift"), in Danish (the card's
 * own terms) and English. The card lists the checks before this start and the one rule of the
 * drafted drug that cannot wait; intake in full, side effects and the dentist's reasons are on the
 * topic's guideline page. Folded, it carries the start's missing labs and low vitamin D.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate, formatList } from '../../format.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { LAB } from '../vocabulary.js';
import { ANTIRESORPTIVE, drugName } from './common.js';

type Rec = Recommendation<'rx-start-checklist'>;

/** What is still to do before this start, for the summary. */
function toDo(rec: Rec, lang: Language): string {
  const da = lang === 'da';
  const items = [
    ...(rec.missingMarker === undefined ? [] : [da ? `tag initial knoglemarkør (${LAB[rec.missingMarker].da})` : `take a baseline bone marker (${LAB[rec.missingMarker].en})`]),
    ...(rec.markerFrom === undefined ? [] : [da ? `knoglemarkør først ${formatDate(rec.markerFrom, 'da')} (ét år efter brud)` : `bone marker not before ${formatDate(rec.markerFrom, 'en')} (a year after the fracture)`]),
    ...(has(rec, 'height-missing') ? [da ? 'mål højden' : 'measure height'] : []),
    // Shorter beside the marker date: the whole summary stays under 140 characters in English.
    da ? 'bed patienten orientere tandlæge' : rec.markerFrom === undefined ? 'ask the patient to inform their dentist' : 'inform the dentist',
  ];
  return formatList(items, lang);
}

/** The one rule of the drafted drug that cannot wait (the rule fires for antiresorptive drafts only). */
type DrugRule = Readonly<Record<'oral-bisphosphonate' | 'zoledronic-acid' | 'denosumab', string>>;
const byDrug = (rec: Rec, words: DrugRule): string =>
  rec.drugClass === 'oral-bisphosphonate' ? words['oral-bisphosphonate'] : rec.drugClass === 'zoledronic-acid' ? words['zoledronic-acid'] : words.denosumab;

const DRUG_RULE_DA: DrugRule = {
  'oral-bisphosphonate': '**Indtagelse:** fastende om morgenen med et stort glas vand, mindst 30 min. før mad, drikke og anden medicin; oprejst/siddende til efter måltidet.',
  denosumab: '**Denosumab:** opsæt påmindelse hver 6. måned – der må max gå 7 måneder. P-calcium før hver injektion. Hvis denosumab seponeres, SKAL anden behandling igangsættes.',
  'zoledronic-acid': '**Zoledronsyre:** P-calcium, -kreatinin og -25-OH-Vit.D før hver infusion. Typisk behandling på hospital.',
};
const DRUG_RULE_EN: DrugRule = {
  'oral-bisphosphonate': '**Intake:** fasting in the morning with a large glass of water, at least 30 minutes before food, drinks and other medicines; upright until after the meal.',
  denosumab: '**Denosumab:** set up a recall every 6 months – never more than 7 months apart. Calcium before each injection. If denosumab is stopped, another treatment MUST be started.',
  'zoledronic-acid': '**Zoledronic acid:** calcium, creatinine and 25-OH vitamin D before each infusion. Usually given in hospital.',
};

export const rxStartChecklistTexts: TopicTexts<'rx-start-checklist'> = {
  da: {
    title: 'Før start af antiresorptiv behandling',
    summary: (rec) =>
      rec.calciumHigh === true
        ? `Før start af ${drugName(rec, 'da', ANTIRESORPTIVE)}: P-calcium forhøjet – henvis til endokrinolog først (mistanke om sekundær osteoporose)`
        : `Før start af ${drugName(rec, 'da', ANTIRESORPTIVE)}: ${toDo(rec, 'da')}`,
    detail: (rec) =>
      paragraphs(
        rec.calciumHigh === true &&
          '**P-calcium er forhøjet:** mistanke om udredningskrævende sekundær osteoporose – henvis til endokrinolog før start, og giv ikke D-vitamin og kalk, før årsagen er kendt.',
        '**Før start:** tjek eGFR > 35 ml/min, ingen hypocalcæmi og P-25-OH-Vit.D > 50 nmol/L; mål højden; bed patienten orientere tandlæge.',
        rec.missingMarker === 'p1np' && '**Initial knoglemarkør:** tag P1NP før start (kan tages hele dagen).',
        rec.missingMarker === 'ctx' && '**Initial knoglemarkør:** tag CTX før start – fastende før kl. 10, da patienten får glukokortikoid.',
        rec.markerFrom !== undefined && `**Ingen initial knoglemarkør nu:** brud inden for 6 mdr. før start – mål ét år efter bruddet (${formatDate(rec.markerFrom, 'da')}).`,
        byDrug(rec, DRUG_RULE_DA),
        rec.calciumHigh === true ? 'Doser og bivirkninger: se Læs mere.' : 'Samtidig dagligt D-vitamin og kalk. Doser og bivirkninger: se Læs mere.',
      ),
  },
  en: {
    title: 'Before starting antiresorptive treatment',
    summary: (rec) =>
      rec.calciumHigh === true
        ? `Before starting ${drugName(rec, 'en', ANTIRESORPTIVE)}: calcium raised – refer to endocrinology first (suspected secondary osteoporosis)`
        : `Before starting ${drugName(rec, 'en', ANTIRESORPTIVE)}: ${toDo(rec, 'en')}`,
    detail: (rec) =>
      paragraphs(
        rec.calciumHigh === true &&
          '**Calcium is raised:** suspected secondary osteoporosis needing work-up – refer to endocrinology before the start, and give no vitamin D or calcium until the cause is known.',
        '**Before the start:** check eGFR > 35 mL/min, no hypocalcaemia and 25-OH vitamin D > 50 nmol/L; measure height; the patient informs the dentist.',
        rec.missingMarker === 'p1np' && '**Baseline bone marker:** take P1NP before the start (any time of day).',
        rec.missingMarker === 'ctx' && '**Baseline bone marker:** take CTX before the start – fasting, before 10 am, as the patient takes a glucocorticoid.',
        rec.markerFrom !== undefined && `**No baseline bone marker now:** a fracture within 6 months before the start – measure one year after it (${formatDate(rec.markerFrom, 'en')}).`,
        byDrug(rec, DRUG_RULE_EN),
        rec.calciumHigh === true ? 'Doses and side effects: see Read more.' : 'Alongside, daily vitamin D and calcium. Doses and side effects: see Read more.',
      ),
  },
};
