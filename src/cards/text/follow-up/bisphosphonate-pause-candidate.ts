/**
 * Card text of `bisphosphonate-pause-candidate` (rules.md section 3, card page 2 l. 183-203
 * "Varighed af peroral behandling"), in Danish — the card's own terms — and English: the pause
 * may be taken, the criteria it meets, why that is safe, and when to scan.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { LONG_ACTING, NOT_CONTINUED } from '../card-words-follow-up.js';
import { formatDate } from '../../format.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

const MAY_STOP: Words = {
  da: '**Seponering kan ske.** Alle kriterier er opfyldt: T-score (hofte) > −2,5, aldrig lavenergibrud i ryg eller hofte, ingen andre lavenergibrud de seneste år, og evt. udløsende årsager er korrigeret (fx glukokortikoid).',
  en: '**Treatment may be stopped.** All criteria are met: hip T-score > −2.5, never a low-energy spine or hip fracture, no other low-energy fracture in recent years, and any triggering cause is corrected (e.g. glucocorticoid).',
};

const NEXT_DXA: Words = {
  da: 'Under pausen: DXA-skanning tidligst efter 2 år, hvis relevant.',
  en: 'During the pause: DXA scan no earlier than after 2 years, if relevant.',
};

const FAILURE: Words = {
  da: '**Men journalen viser behandlingssvigt** (fald i knoglemineraltæthed, brud under behandling eller knoglemarkør, der fortsat ikke falder; se kortet om det): hold ikke pause – behandlingen skal ændres, ikke stoppes. Kriterierne for seponering er ellers opfyldt.',
  en: '**But the record shows a treatment failure** (a fall in bone mineral density, fractures on treatment or a bone marker that still does not fall; see that card): do not pause – the treatment is to be changed, not stopped. The criteria for stopping are otherwise met.',
};

const MARKER_RECHECK: Words = {
  da: '**Men knoglemarkøren er ikke faldet tilstrækkeligt** (se kortet om det): tjek indtag og compliance, og tag ny knoglemarkør 3 mdr. efter – en pause overvejes, når behandlingen virker. Kriterierne for seponering er ellers opfyldt.',
  en: '**But the bone marker has not fallen enough** (see that card): check intake and adherence, and repeat the marker 3 months later – a pause is considered once the treatment works. The criteria for stopping are otherwise met.',
};

/** Held now anyway (eGFR ≤ 35, a serious side effect): the endocrinologist decides what follows. */
const HELD: Readonly<Record<'egfr-low' | 'serious-side-effect', Words>> = {
  'egfr-low': NOT_CONTINUED['egfr-low'].advice,
  'serious-side-effect': {
    da: '**Kæbenekrose eller atypisk femurfraktur under behandling:** hold pause med bisfosfonat, til endokrinologen har svaret (se kortet om henvisning).',
    en: '**Osteonecrosis of the jaw or atypical femoral fracture on treatment:** hold the bisphosphonate until the endocrinologist has answered (see the referral card).',
  },
};

const SPECIALIST_DECIDES: Words = {
  da: 'Endokrinologen afgør, om og hvornår behandlingen genoptages. Kriterierne for seponering er ellers opfyldt.',
  en: 'The endocrinologist decides whether and when treatment resumes. The criteria for stopping are otherwise met.',
};

const HELD_SUMMARY: Readonly<Record<'egfr-low' | 'serious-side-effect', Words>> = {
  'egfr-low': {
    da: '5 års peroral bisfosfonat: hold pause nu pga. eGFR ≤ 35, til endokrinologen har svaret',
    en: '5 years of oral bisphosphonate: hold it now for eGFR ≤ 35 until the endocrinologist answers',
  },
  'serious-side-effect': {
    da: '5 års peroral bisfosfonat: alvorlig bivirkning – hold pause, til endokrinologen har svaret',
    en: '5 years of oral bisphosphonate: a serious side effect – hold it until the endocrinologist answers',
  },
};

/** The due follow-up DXA, as the summary and detail name it. */
function dueScan(rec: Recommendation<'bisphosphonate-pause-candidate'>, lang: Language): string {
  const years = rec.dueDxa === 'two-year' ? 2 : 5;
  return lang === 'da' ? `${years}-års-DXA-skanningen` : `${years}-year DXA scan`;
}

/** The criteria held on an older scan: the due follow-up DXA (its own card) decides. */
function dxaFirstDetail(rec: Recommendation<'bisphosphonate-pause-candidate'>, date: string, lang: Language): string {
  return lang === 'da'
    ? `**Kriterierne for seponering var opfyldt ved DXA-skanningen ${formatDate(date, 'da')}.** Tag først ${dueScan(rec, 'da')} (se kortet om den): er T-score (hofte) stadig > −2,5, kan seponering ske.`
    : `**The criteria for stopping were met on the DXA scan of ${formatDate(date, 'en')}.** Take the ${dueScan(rec, 'en')} first (see its card): with hip T-score still > −2.5, treatment may be stopped.`;
}

function detail(rec: Recommendation<'bisphosphonate-pause-candidate'>, lang: Language): string {
  if (rec.notPaused === 'marker-recheck') return paragraphs(MARKER_RECHECK[lang]);
  if (rec.notPaused === 'egfr-low' || rec.notPaused === 'serious-side-effect') return paragraphs(HELD[rec.notPaused][lang], SPECIALIST_DECIDES[lang], LONG_ACTING[lang]);
  if (rec.notPaused !== undefined) return paragraphs(FAILURE[lang]);
  if (rec.dxaFirst !== undefined) return paragraphs(dxaFirstDetail(rec, rec.dxaFirst, lang), LONG_ACTING[lang]);
  return paragraphs(MAY_STOP[lang], LONG_ACTING[lang], NEXT_DXA[lang]);
}

export const bisphosphonatePauseCandidateTexts: TopicTexts<'bisphosphonate-pause-candidate'> = {
  da: {
    title: 'Overvej behandlingspause',
    summary: (rec) =>
      rec.notPaused === 'egfr-low' || rec.notPaused === 'serious-side-effect'
        ? HELD_SUMMARY[rec.notPaused].da
        : rec.notPaused === 'marker-recheck'
        ? '5 års peroral bisfosfonat: pausen venter på ny knoglemarkør – se kortet om knoglemarkøren'
        : rec.notPaused !== undefined
        ? '5 års peroral bisfosfonat: ingen pause ved behandlingssvigt – se kortet om behandlingssvigt'
        : rec.dxaFirst !== undefined
          ? `Overvej behandlingspause efter ${dueScan(rec, 'da')}: kriterierne for seponering var opfyldt ved den forrige`
          : 'Overvej behandlingspause: 5 års peroral bisfosfonat, og kriterierne for seponering er opfyldt',
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Consider a treatment pause',
    summary: (rec) =>
      rec.notPaused === 'egfr-low' || rec.notPaused === 'serious-side-effect'
        ? HELD_SUMMARY[rec.notPaused].en
        : rec.notPaused === 'marker-recheck'
        ? '5 years of oral bisphosphonate: the pause waits for a new bone marker – see the card on the marker'
        : rec.notPaused !== undefined
        ? '5 years of oral bisphosphonate: no pause with a treatment failure – see the card on it'
        : rec.dxaFirst !== undefined
          ? `Consider a treatment pause after the ${dueScan(rec, 'en')}: the criteria for stopping were met on the previous one`
          : 'Consider a treatment pause: 5 years of oral bisphosphonate and the criteria for stopping are met',
    detail: (rec) => detail(rec, 'en'),
  },
};
