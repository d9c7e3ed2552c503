/**
 * Card text of `denosumab-injection-due` (rules.md section 3, card page 1 l. 78-82), in Danish —
 * the card's own terms — and English: the recall, calcium before the injection, and never stop
 * without another treatment. The full denosumab passage is on the guideline page.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { withNote } from '../notes.js';
import { incompleteMedications } from './denosumab-record-incomplete.js';

type Rec = Recommendation<'denosumab-injection-due'>;

const RECALL: Words = {
  da: '**Opsæt system, så injektionen huskes hver 6. måned** – også hvis patienten ikke kommer til aftalt tid. Der må max gå 7 måneder.',
  en: '**Set up a recall so the injection is given every 6 months** – also if the patient misses the appointment. Never more than 7 months apart.',
};

const NEVER_STOP: Words = {
  da: 'Hvis denosumab seponeres, SKAL anden behandling igangsættes pga. hurtigt knogletab efter ophørt behandling.',
  en: 'If denosumab is stopped, other treatment MUST be started because of rapid bone loss after stopping.',
};

/** l. 80: calcium before the injection — asked for outright when none is recent (the finding says since when). */
function calciumFirst(rec: Rec, lang: Language): string {
  if (rec.calciumLow === true) return LOW_CALCIUM[lang];
  const missing = has(rec, 'calcium-missing');
  if (lang === 'da') return `${missing ? '**Tag P-calcium før injektionen.**' : 'P-calcium kontrolleres forud for injektion.'} Hypocalcæmi korrigeres før injektion.`;
  return `${missing ? '**Take a calcium test before the injection.**' : 'Check calcium before the injection.'} Correct hypocalcaemia before injecting.`;
}

/** A low calcium is corrected before the injection, but not at the price of the 7-month limit. */
const LOW_CALCIUM: Words = {
  da: '**P-calcium er lav: korrigér hypocalcæmien (calcium og D-vitamin), og kontrollér P-calcium igen før injektionen.** Kan den ikke rettes inden for 7 måneder efter sidste injektion, så kontakt endokrinolog.',
  en: '**Calcium is low: correct the hypocalcaemia (calcium and vitamin D) and check calcium again before the injection.** If it cannot be corrected within 7 months of the last injection, contact endocrinology.',
};

function detail(rec: Rec, lang: Language): string {
  return paragraphs(calciumFirst(rec, lang), RECALL[lang], NEVER_STOP[lang]);
}

export const denosumabInjectionDueTexts: TopicTexts<'denosumab-injection-due'> = withNote<'denosumab-injection-due'>({
  da: {
    title: 'Denosumab-injektion',
    summary: (rec) =>
      rec.calciumLow === true
        ? `P-calcium lav: korrigér hypocalcæmi før denosumab-injektionen ${has(rec, 'due') ? `(senest ${formatDate(rec.latestInTime, 'da')})` : `den ${formatDate(rec.due, 'da')}`}`
        : has(rec, 'due')
        ? `Giv denosumab-injektion nu: ≥ 6 mdr. siden sidste – der må max gå 7 måneder (senest ${formatDate(rec.latestInTime, 'da')})`
        : `Næste denosumab-injektion nærmer sig: gives ${formatDate(rec.due, 'da')} (hver 6. måned)`,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Denosumab injection',
    summary: (rec) =>
      rec.calciumLow === true
        ? `Calcium is low: correct the hypocalcaemia before the denosumab injection ${has(rec, 'due') ? `(by ${formatDate(rec.latestInTime, 'en')})` : `on ${formatDate(rec.due, 'en')}`}`
        : has(rec, 'due')
        ? `Give the denosumab injection now: ≥ 6 months since the last – never more than 7 months (by ${formatDate(rec.latestInTime, 'en')})`
        : `Next denosumab injection coming up: due ${formatDate(rec.due, 'en')} (every 6 months)`,
    detail: (rec) => detail(rec, 'en'),
  },
}, incompleteMedications<'denosumab-injection-due'>());
