/**
 * Card text of `rx-lab-missing` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import { formatList } from '../../format.js';
import { BEFORE_START, ZOLEDRONIC_ACID } from '../card-words.js';
import { both, paragraphs } from '../text-helpers.js';
import type { TopicText, TopicTexts } from '../types.js';
import { LAB } from '../vocabulary.js';
import { ANTIRESORPTIVE, drugName } from './common.js';

function labMissing(lang: Language): TopicText<'rx-lab-missing'> {
  const da = lang === 'da';
  return {
    title: da ? 'Blodprøver mangler før antiresorptiv behandling' : 'Labs missing before antiresorptive treatment',
    summary: (rec) => {
      const labs = formatList(rec.missingLabs.map((l) => LAB[l][lang]), lang);
      const drug = drugName(rec, lang, ANTIRESORPTIVE);
      if (rec.before === 'infusion') return da ? `Tag ${labs} før zoledronsyre-infusionen` : `Check ${labs} before the zoledronic acid infusion`;
      if (rec.before === 'injection') return da ? `Tag ${labs} før denosumab-injektionen` : `Check ${labs} before the denosumab injection`;
      return da ? `Tag ${labs} før start af ${drug}` : `Check ${labs} before starting ${drug}`;
    },
    detail: (rec) => {
      if (rec.before === 'infusion') return ZOLEDRONIC_ACID[lang];
      if (rec.before === 'injection') {
        return da
          ? 'Kortet: **P-calcium kontrolleres forud for injektion.** Denosumab kan give hypocalcæmi, især ved nedsat nyrefunktion; korrigér lavt calcium og D-vitamin før injektionen.'
          : 'The card: **check calcium before each injection.** Denosumab can cause hypocalcaemia, especially in reduced kidney function; correct low calcium and vitamin D before the injection.';
      }
      return paragraphs(
        BEFORE_START.parenteral[lang],
        da ? 'Tag de manglende prøver før første dosis; resultaterne afgør, om behandlingen kan startes i almen praksis.' : 'Take the missing samples before the first dose; the results decide whether treatment can start in general practice.',
      );
    },
  };
}

export const rxLabMissingTexts: TopicTexts<'rx-lab-missing'> = both(labMissing);
