/**
 * Card text of `rx-lab-missing` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatList } from '../../format.js';
import { BEFORE_START, ZOLEDRONIC_ACID } from '../card-words.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { LAB } from '../vocabulary.js';
import { ANTIRESORPTIVE, drugName } from './common.js';

const labs = (rec: Recommendation<'rx-lab-missing'>, lang: Language): string => formatList(rec.missingLabs.map((l) => LAB[l][lang]), lang);

/** A denosumab start also misses the card's checks before any start (eGFR, 25-OH-D). */
const startChecks = (rec: Recommendation<'rx-lab-missing'>): boolean => rec.missingLabs.some((l) => l !== 'calcium');

export const rxLabMissingTexts: TopicTexts<'rx-lab-missing'> = {
  da: {
    title: 'Blodprøver mangler før antiresorptiv behandling',
    summary: (rec) =>
      rec.before === 'infusion'
        ? `Tag ${labs(rec, 'da')} før zoledronsyre-infusionen`
        : rec.before === 'injection'
          ? `Tag ${labs(rec, 'da')} før denosumab-injektionen`
          : `Tag ${labs(rec, 'da')} før start af ${drugName(rec, 'da', ANTIRESORPTIVE)}`,
    detail: (rec) =>
      rec.before === 'infusion'
        ? ZOLEDRONIC_ACID.da
        : rec.before === 'injection'
          ? paragraphs(
              startChecks(rec) && BEFORE_START.parenteral.da,
              'Kortet: **P-calcium kontrolleres forud for injektion.** Denosumab kan give hypocalcæmi, især ved nedsat nyrefunktion; korrigér lavt calcium og D-vitamin før injektionen.',
            )
          : paragraphs(BEFORE_START.parenteral.da, 'Tag de manglende prøver før første dosis; resultaterne afgør, om behandlingen kan startes i almen praksis.'),
  },
  en: {
    title: 'Labs missing before antiresorptive treatment',
    summary: (rec) =>
      rec.before === 'infusion'
        ? `Check ${labs(rec, 'en')} before the zoledronic acid infusion`
        : rec.before === 'injection'
          ? `Check ${labs(rec, 'en')} before the denosumab injection`
          : `Check ${labs(rec, 'en')} before starting ${drugName(rec, 'en', ANTIRESORPTIVE)}`,
    detail: (rec) =>
      rec.before === 'infusion'
        ? ZOLEDRONIC_ACID.en
        : rec.before === 'injection'
          ? paragraphs(
              startChecks(rec) && BEFORE_START.parenteral.en,
              'The card: **check calcium before each injection.** Denosumab can cause hypocalcaemia, especially in reduced kidney function; correct low calcium and vitamin D before the injection.',
            )
          : paragraphs(BEFORE_START.parenteral.en, 'Take the missing samples before the first dose; the results decide whether treatment can start in general practice.'),
  },
};
