/**
 * Card text of `rx-egfr-too-low` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { capitalise, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { ANTIRESORPTIVE, draftDrug, drugName, labValue } from './common.js';

/**
 * What the product summaries say below a creatinine clearance of 35 ml/min: zoledronic acid is
 * contraindicated, the oral bisphosphonates are not recommended (not "contraindicated", and 35 is
 * not "severe" renal impairment, which starts under 30).
 */
const RENAL_SMPC = {
  contraindicated: { da: 'er desuden kontraindiceret ved kreatininclearance < 35 ml/min (produktresumé)', en: 'is also contraindicated with creatinine clearance < 35 mL/min (SmPC)' },
  notRecommended: { da: 'frarådes desuden ved kreatininclearance < 35 ml/min (produktresumé)', en: 'is also not recommended with creatinine clearance < 35 mL/min (SmPC)' },
} as const;

const renalSmpc = (rec: Recommendation): (typeof RENAL_SMPC)[keyof typeof RENAL_SMPC] =>
  RENAL_SMPC[draftDrug(rec) === 'zoledronic-acid' ? 'contraindicated' : 'notRecommended'];

export const rxEgfrTooLowTexts: TopicTexts<'rx-egfr-too-low'> = {
  da: {
    title: 'eGFR for lav til antiresorptiv start',
    summary: (rec) =>
      rec.denosumabStart
        ? `Denosumab-start ved eGFR ${labValue(rec.egfr, 'da')} (≤ 35 ml/min): aftal behandlingen med endokrinolog`
        : `Ordinér ikke ${drugName(rec, 'da', ANTIRESORPTIVE)}: eGFR ${labValue(rec.egfr, 'da')} (≤ 35 ml/min) – henvis til endokrinolog` +
          (rec.afterDenosumab === undefined ? '' : rec.afterDenosumab.overdue ? ' straks (denosumab > 7 mdr.)' : ` før ${formatDate(rec.afterDenosumab.latestInTime, 'da')} (denosumab)`),
    detail: (rec) =>
      paragraphs(
        rec.afterDenosumab !== undefined &&
          (rec.afterDenosumab.overdue
            ? `**Ordinationen skulle følge denosumab** (seneste injektion ${formatDate(rec.afterDenosumab.lastInjection, 'da')}), og der er gået mere end de højst 7 måneder: risiko for hurtigt knogletab og brud. Henvis straks til endokrinologisk afdeling, som vælger den opfølgende behandling.`
            : `**Ordinationen skulle følge denosumab** (seneste injektion ${formatDate(rec.afterDenosumab.lastInjection, 'da')}): anden behandling SKAL igangsættes, og der må højst gå 7 måneder, dvs. senest ${formatDate(rec.afterDenosumab.latestInTime, 'da')}. Henvis nu, så endokrinologisk afdeling kan nå at give opfølgende behandling – evt. en ny denosumab-injektion som bro.`),
        rec.notCurrent === true && `**Den lave eGFR er fra ${formatDate(rec.egfr.date, 'da')}:** tag en ny eGFR sammen med henvisningen.`,
        'Kortet: **Tjek, at eGFR > 35 ml/min** før start af antiresorptiv behandling, og henvis til endokrinolog ved progredierende nyrefunktionstab, *inden eGFR er under 35 ml/min*.',
        rec.denosumabStart
          ? 'Denosumab kan bruges ved nedsat nyrefunktion og vælges ofte af specialister, men risikoen for hypocalcæmi er øget: aftal start med endokrinolog, kontrollér P-calcium før injektionen, og sørg for D-vitamin og calcium.'
          : `${capitalise(drugName(rec, 'da', ANTIRESORPTIVE))} ${renalSmpc(rec).da}. Forslaget erstatter ordinationen med en henvisning til endokrinolog; specialister vælger ofte denosumab ved nedsat nyrefunktion.`,
      ),
  },
  en: {
    title: 'eGFR too low to start antiresorptive treatment',
    summary: (rec) =>
      rec.denosumabStart
        ? `Denosumab start with eGFR ${labValue(rec.egfr, 'en')} (≤ 35 mL/min): agree the treatment with endocrinology`
        : `Do not prescribe ${drugName(rec, 'en', ANTIRESORPTIVE)}: eGFR ${labValue(rec.egfr, 'en')} (≤ 35 mL/min) – refer to endocrinology` +
          (rec.afterDenosumab === undefined ? '' : rec.afterDenosumab.overdue ? ' now (denosumab > 7 months)' : ` before ${formatDate(rec.afterDenosumab.latestInTime, 'en')} (denosumab)`),
    detail: (rec) =>
      paragraphs(
        rec.afterDenosumab !== undefined &&
          (rec.afterDenosumab.overdue
            ? `**The order was to follow denosumab** (last injection ${formatDate(rec.afterDenosumab.lastInjection, 'en')}), and more than the maximum of 7 months has passed: risk of rapid bone loss and fractures. Refer to endocrinology now; they choose the follow-on treatment.`
            : `**The order was to follow denosumab** (last injection ${formatDate(rec.afterDenosumab.lastInjection, 'en')}): other treatment MUST be started, at most 7 months after it, i.e. by ${formatDate(rec.afterDenosumab.latestInTime, 'en')}. Refer now so that endocrinology can give the follow-on treatment in time – if need be another denosumab injection as a bridge.`),
        rec.notCurrent === true && `**The low eGFR dates from ${formatDate(rec.egfr.date, 'en')}:** take a new eGFR with the referral.`,
        'The card: **check that eGFR > 35 mL/min** before starting antiresorptive treatment, and refer to endocrinology with progressive loss of kidney function *before eGFR falls under 35 mL/min*.',
        rec.denosumabStart
          ? 'Denosumab can be used in reduced kidney function and specialists often choose it, but the risk of hypocalcaemia is higher: agree the start with endocrinology, check calcium before the injection, and make sure of vitamin D and calcium.'
          : `${capitalise(drugName(rec, 'en', ANTIRESORPTIVE))} ${renalSmpc(rec).en}. The suggestion replaces the order with a referral to endocrinology; specialists often choose denosumab in reduced kidney function.`,
      ),
  },
};
