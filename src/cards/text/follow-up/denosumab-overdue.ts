/**
 * Card text of `denosumab-overdue` (rules.md section 3, card page 1 l. 78-82 "Der må max gå 7
 * måneder"), in Danish — the card's own terms — and English: give the injection now (calcium
 * first), why it is urgent, and the follow-on treatment if denosumab is not to continue.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { paragraphs, paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { INCOMPLETE_MEDICATIONS } from './denosumab-record-incomplete.js';

const WHY: Words = {
  da: 'Efter ophørt denosumab kommer hurtigt knogletab (rebound) med risiko for multiple brud i ryggen.',
  en: 'After denosumab stops, bone is lost rapidly (rebound) with a risk of multiple vertebral fractures.',
};

const IF_NOT_CONTINUED: Words = {
  da: '**Skal denosumab ikke fortsætte, SKAL anden behandling igangsættes** (typisk zoledronsyre) – henvis evt. til endokrinolog.',
  en: '**If denosumab is not to continue, other treatment MUST be started** (usually zoledronic acid) – consider referral to endocrinology.',
};

const RECALL: Words = {
  da: 'Opsæt system, så injektionen huskes hver 6. måned – også hvis patienten ikke kommer til aftalt tid.',
  en: 'Set up a recall so the injection is given every 6 months – also if the patient misses the appointment.',
};

function giveNow(rec: Recommendation<'denosumab-overdue'>, lang: Language): string {
  if (rec.calciumLow === true) {
    return lang === 'da'
      ? `**P-calcium er lav: korrigér hypocalcæmien, kontrollér P-calcium igen, og giv så denosumab 60 mg s.c. hurtigst muligt** – den skulle være givet${paren(rec.due, 'da')}. Kontakt endokrinolog.`
      : `**Calcium is low: correct the hypocalcaemia, check calcium again, then give denosumab 60 mg s.c. as soon as possible** – it was due${paren(rec.due, 'en')}. Contact endocrinology.`;
  }
  return lang === 'da'
    ? `**Giv denosumab 60 mg s.c. hurtigst muligt** – den skulle være givet${paren(rec.due, 'da')}. P-calcium kontrolleres forud for injektion.`
    : `**Give denosumab 60 mg s.c. as soon as possible** – it was due${paren(rec.due, 'en')}. Check calcium before the injection.`;
}

/** eGFR ≤ 35: the usual follow-on (zoledronic acid, a bisphosphonate) is not for general practice. */
const IF_NOT_CONTINUED_KIDNEY: Words = {
  da: '**Skal denosumab ikke fortsætte, SKAL anden behandling igangsættes** – ved eGFR ≤ 35 ikke bisfosfonat i almen praksis: aftal den opfølgende behandling med endokrinolog.',
  en: '**If denosumab is not to continue, other treatment MUST be started** – with eGFR ≤ 35 no bisphosphonate in general practice: agree the follow-on treatment with endocrinology.',
};

/** An anabolic candidate too (`anabolicCandidate`, rules/agreement.ts): the referral does not put the injection off. */
const ANABOLIC_LATER: Words = {
  da: '**Også kandidat til anabol behandling** (se kortet): henvis gerne, men injektionen gives nu – specialisten planlægger overgangen.',
  en: '**Also a candidate for anabolic treatment** (see that card): refer if you wish, but the injection is given now – the specialist plans the transition.',
};

function detail(rec: Recommendation<'denosumab-overdue'>, lang: Language): string {
  return paragraphs(rec.medicationListUnavailable === true && INCOMPLETE_MEDICATIONS[lang], giveNow(rec, lang), rec.anabolicCandidate === true && ANABOLIC_LATER[lang], WHY[lang], (rec.egfrLow === true ? IF_NOT_CONTINUED_KIDNEY : IF_NOT_CONTINUED)[lang], RECALL[lang]);
}

export const denosumabOverdueTexts: TopicTexts<'denosumab-overdue'> = {
  da: {
    title: 'Denosumab overskredet',
    summary: (rec) =>
      rec.medicationListUnavailable === true
        ? 'Tjek seneste denosumab-injektion (medicindata mangler): over 7 mdr. siden den seneste registrerede – giv nu, hvis det passer'
        : rec.calciumLow === true
        ? 'Denosumab over 7 måneder siden sidste injektion og P-calcium lav: korrigér hypocalcæmien, giv injektionen snarest, kontakt endokrinolog'
        : 'Giv denosumab nu: over 7 måneder siden sidste injektion – risiko for hurtigt knogletab og brud i ryggen',
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Denosumab overdue',
    summary: (rec) =>
      rec.medicationListUnavailable === true
        ? 'Check the last denosumab injection (medication data missing): over 7 months since the last recorded – give now if so'
        : rec.calciumLow === true
        ? 'Denosumab more than 7 months since the last injection and calcium low: correct it, inject as soon as possible, contact endocrinology'
        : 'Give denosumab now: more than 7 months since the last injection – risk of rapid bone loss and spine fractures',
    detail: (rec) => detail(rec, 'en'),
  },
};
