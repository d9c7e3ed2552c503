/**
 * Card text of `rx-denosumab-schedule` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import { formatDate } from '../../format.js';
import { DENOSUMAB_RULES, VITAMIN_D_CALCIUM } from '../card-words.js';
import { both, has, paragraphs } from '../text-helpers.js';
import type { TopicText, TopicTexts } from '../types.js';
import { labValue } from './common.js';

function denosumabSchedule(lang: Language): TopicText<'rx-denosumab-schedule'> {
  const da = lang === 'da';
  return {
    title: da ? 'Denosumab: injektion hver 6. måned' : 'Denosumab: injection every 6 months',
    summary: (rec) => {
      if (rec.egfrSevere !== undefined) {
        const v = labValue(rec.egfrSevere, lang);
        return da ? `Denosumab ved eGFR ${v} (< 30): øget risiko for hypocalcæmi – tjek P-calcium og D-vitamin` : `Denosumab with eGFR ${v} (< 30): higher risk of hypocalcaemia – check calcium and vitamin D`;
      }
      return da ? `Denosumab hver 6. måned, max 7 måneder: opsæt påmindelse til ${formatDate(rec.nextInjection, lang)}` : `Denosumab every 6 months, never over 7: set a reminder for ${formatDate(rec.nextInjection, lang)}`;
    },
    detail: (rec) =>
      paragraphs(
        `${da ? 'Kortet:' : 'The card:'}\n${DENOSUMAB_RULES[lang]}`,
        has(rec, 'egfr-below-30') &&
          (da
            ? 'Ved eGFR < 30 er risikoen for hypocalcæmi øget (produktresumé): sørg for D-vitamin og calcium, kontrollér P-calcium før og i ugerne efter injektionen, og overvej at aftale behandlingen med endokrinolog.'
            : 'With eGFR < 30 the risk of hypocalcaemia is higher (SmPC): make sure of vitamin D and calcium, check calcium before and in the weeks after the injection, and consider agreeing the treatment with endocrinology.'),
        VITAMIN_D_CALCIUM[lang],
      ),
  };
}

export const rxDenosumabScheduleTexts: TopicTexts<'rx-denosumab-schedule'> = both(denosumabSchedule);
