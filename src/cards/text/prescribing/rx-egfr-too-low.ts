/**
 * Card text of `rx-egfr-too-low` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import { both, capitalise, paragraphs } from '../text-helpers.js';
import type { TopicText, TopicTexts } from '../types.js';
import { ANTIRESORPTIVE, drugName, labValue } from './common.js';

function egfrTooLow(lang: Language): TopicText<'rx-egfr-too-low'> {
  const da = lang === 'da';
  return {
    title: da ? 'eGFR for lav til antiresorptiv start' : 'eGFR too low to start antiresorptive treatment',
    summary: (rec) => {
      const v = labValue(rec.egfr, lang);
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      if (rec.denosumabStart) {
        return da ? `Denosumab-start ved eGFR ${v} (≤ 35 ml/min): aftal behandlingen med endokrinolog` : `Denosumab start with eGFR ${v} (≤ 35 mL/min): agree the treatment with endocrinology`;
      }
      return da ? `Ordinér ikke ${drug}: eGFR ${v} (≤ 35 ml/min) – henvis til endokrinolog` : `Do not prescribe ${drug}: eGFR ${v} (≤ 35 mL/min) – refer to endocrinology`;
    },
    detail: (rec) => {
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      const card = da
        ? 'Kortet: **Tjek, at eGFR > 35 ml/min** før start af antiresorptiv behandling, og henvis til endokrinolog ved progredierende nyrefunktionstab, *inden eGFR er under 35 ml/min*.'
        : 'The card: **check that eGFR > 35 mL/min** before starting antiresorptive treatment, and refer to endocrinology with progressive loss of kidney function *before eGFR falls under 35 mL/min*.';
      if (rec.denosumabStart) {
        return paragraphs(
          card,
          da
            ? 'Denosumab kan bruges ved nedsat nyrefunktion og vælges ofte af specialister, men risikoen for hypocalcæmi er øget: aftal start med endokrinolog, kontrollér P-calcium før injektionen, og sørg for D-vitamin og calcium.'
            : 'Denosumab can be used in reduced kidney function and specialists often choose it, but the risk of hypocalcaemia is higher: agree the start with endocrinology, check calcium before the injection, and make sure of vitamin D and calcium.',
        );
      }
      return paragraphs(
        card,
        da
          ? `${capitalise(drug)} er desuden kontraindiceret ved svært nedsat nyrefunktion (produktresumé). Forslaget erstatter ordinationen med en henvisning til endokrinolog; specialister vælger ofte denosumab ved nedsat nyrefunktion.`
          : `${capitalise(drug)} is also contraindicated in severe renal impairment (SmPC). The suggestion replaces the order with a referral to endocrinology; specialists often choose denosumab in reduced kidney function.`,
      );
    },
  };
}

export const rxEgfrTooLowTexts: TopicTexts<'rx-egfr-too-low'> = both(egfrTooLow);
