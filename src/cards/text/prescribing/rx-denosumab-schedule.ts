/**
 * Card text of `rx-denosumab-schedule` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import { formatDate } from '../../format.js';
import { DENOSUMAB_RULES, DENOSUMAB_RULES_KIDNEY, VITAMIN_D_CALCIUM } from '../card-words.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import { labValue } from './common.js';
import { intervalWords } from '../findings.js';
import { MONTH_DAYS } from '../../../time/local-date.js';

/** Just over 7 months reads "every 7 months" in months: then the days, so the summary does not contradict its own limit. */
function tooRareWords(days: number, lang: 'da' | 'en'): string {
  if (Math.round(days / MONTH_DAYS) > 7) return intervalWords(days, lang);
  const n = Math.round(days);
  return lang === 'da' ? `hver ${n}. dag` : `every ${n} days`;
}

export const rxDenosumabScheduleTexts: TopicTexts<'rx-denosumab-schedule'> = {
  da: {
    title: 'Denosumab: injektion hver 6. måned',
    summary: (rec) =>
      rec.heldUntil !== undefined && rec.heldPastLimit === true
        ? `Denosumab udskudt for hypocalcæmi: 7 måneder passeret (${formatDate(rec.heldUntil, 'da')}) – giv den, så snart P-calcium er korrigeret`
        : rec.heldUntil !== undefined
        ? `Denosumab udskudt for hypocalcæmi, max 7 måneder (${formatDate(rec.heldUntil, 'da')}): påmindelse til ${formatDate(rec.nextInjection, 'da')}`
        : rec.plannedLate !== undefined
        ? `Denosumab planlagt ${formatDate(rec.plannedLate.planned, 'da')}: over 7 måneder efter sidste injektion (${formatDate(rec.plannedLate.lastInjection, 'da')}) – giv den senest ${formatDate(rec.plannedLate.latestInTime, 'da')}`
        : rec.orderedEveryDays !== undefined
        ? `Denosumab ordineret ${tooRareWords(rec.orderedEveryDays, 'da')}: der må max gå 7 måneder – ret til hver 6. måned`
        : rec.egfrSevere !== undefined
        ? `Denosumab ved eGFR ${labValue(rec.egfrSevere, 'da')} (< 30): øget risiko for hypocalcæmi – tjek P-calcium og D-vitamin`
        : rec.startHeld === true
        ? 'Denosumab hver 6. måned, max 7 måneder: opsæt påmindelse, når første injektion er givet'
        : `Denosumab hver 6. måned, max 7 måneder: opsæt påmindelse til ${formatDate(rec.nextInjection, 'da')}`,
    detail: (rec) =>
      paragraphs(
        `Kortet:\n${(rec.egfrLow === true ? DENOSUMAB_RULES_KIDNEY : DENOSUMAB_RULES).da}`,
        rec.plannedLate !== undefined &&
          `**Injektionen er planlagt for sent:** der må max gå 7 måneder mellem injektionerne – senest ${formatDate(rec.plannedLate.latestInTime, 'da')}; ellers kommer det hurtige knogletab, der følger et ophør. Flyt injektionen frem.`,
        rec.orderedEveryDays !== undefined && '**Ordinationen er doseret med for lang afstand:** et længere interval end 7 måneder giver det hurtige knogletab, der følger et ophør. Ret doseringen til hver 6. måned.',
        has(rec, 'egfr-below-30') &&
          'eGFR < 30 øger risikoen for hypocalcæmi (produktresumé): sikr D-vitamin og calcium, mål P-calcium før og i ugerne efter injektionen, og overvej at aftale behandlingen med endokrinolog.',
        rec.vitaminDWaits === true ? '**P-calcium er forhøjet:** giv ikke D-vitamin- eller calciumtilskud, før årsagen er afklaret (mistanke om sekundær osteoporose).' : VITAMIN_D_CALCIUM.da,
      ),
  },
  en: {
    title: 'Denosumab: injection every 6 months',
    summary: (rec) =>
      rec.heldUntil !== undefined && rec.heldPastLimit === true
        ? `Denosumab postponed for hypocalcaemia: 7 months passed (${formatDate(rec.heldUntil, 'en')}) – give it as soon as calcium is corrected`
        : rec.heldUntil !== undefined
        ? `Denosumab postponed for hypocalcaemia, never over 7 months (${formatDate(rec.heldUntil, 'en')}): reminder for ${formatDate(rec.nextInjection, 'en')}`
        : rec.plannedLate !== undefined
        ? `Denosumab planned for ${formatDate(rec.plannedLate.planned, 'en')}: over 7 months after the last injection (${formatDate(rec.plannedLate.lastInjection, 'en')}) – give it by ${formatDate(rec.plannedLate.latestInTime, 'en')}`
        : rec.orderedEveryDays !== undefined
        ? `Denosumab ordered ${tooRareWords(rec.orderedEveryDays, 'en')}: never more than 7 months apart – correct to every 6 months`
        : rec.egfrSevere !== undefined
        ? `Denosumab with eGFR ${labValue(rec.egfrSevere, 'en')} (< 30): higher risk of hypocalcaemia – check calcium and vitamin D`
        : rec.startHeld === true
        ? 'Denosumab every 6 months, never over 7: set a reminder once the first injection is given'
        : `Denosumab every 6 months, never over 7: set a reminder for ${formatDate(rec.nextInjection, 'en')}`,
    detail: (rec) =>
      paragraphs(
        `The card:\n${(rec.egfrLow === true ? DENOSUMAB_RULES_KIDNEY : DENOSUMAB_RULES).en}`,
        rec.plannedLate !== undefined &&
          `**The injection is planned too late:** never more than 7 months between injections – by ${formatDate(rec.plannedLate.latestInTime, 'en')}; later, the rapid bone loss that follows a stop begins. Bring the injection forward.`,
        rec.orderedEveryDays !== undefined && '**The order is dosed too far apart:** more than 7 months between injections brings the rapid bone loss that follows a stop. Correct the dosing to every 6 months.',
        has(rec, 'egfr-below-30') &&
          'eGFR < 30 raises the risk of hypocalcaemia (SmPC): make sure of vitamin D and calcium, check calcium before and in the weeks after the injection, and consider agreeing the treatment with endocrinology.',
        rec.vitaminDWaits === true ? '**Calcium is high:** give no vitamin D or calcium supplement until the cause is known (suspected secondary osteoporosis).' : VITAMIN_D_CALCIUM.en,
      ),
  },
};
