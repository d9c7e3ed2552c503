/**
 * Card text of `denosumab-stopped` (rules.md section 3; card page 1 l. 81-82 "Hvis denosumab
 * seponeres, SKAL anden behandling igangsættes"; zoledronic acid about 6 months after the last
 * injection [extension: DSAM ch. 10]), in Danish and English: what must happen, when, where, and
 * the tests before the infusion.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { paragraphs, paren } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { withNote } from '../notes.js';
import { incompleteMedications } from './denosumab-record-incomplete.js';

type Rec = Recommendation<'denosumab-stopped'>;

const MUST: Words = {
  da: '**Hvis denosumab seponeres, SKAL anden behandling igangsættes** pga. hurtigt knogletab efter ophørt behandling (risiko for multiple brud i ryggen).',
  en: '**If denosumab is stopped, other treatment MUST be started** because of rapid bone loss after stopping (risk of multiple vertebral fractures).',
};

const TESTS: Words = {
  da: 'P-calcium, -kreatinin og -25-OH-vitamin D kontrolleres før infusionen.',
  en: 'Check calcium, creatinine and 25-OH vitamin D before the infusion.',
};

/** Zoledronic acid not tolerated (rules/intolerated.ts): neither the summary nor the detail points to it. */
const zoledronicIntolerated = (rec: Rec): boolean => rec.notOffered?.includes('zoledronic-acid') === true;

/** Alendronate not offered: oral bisphosphonate barred (`oralBarred`) or not tolerated (`notOffered`). */
const alendronateBarred = (rec: Rec): boolean => rec.oralBarred === true || rec.notOffered?.includes('alendronate') === true;

function when(rec: Rec, lang: Language): string {
  if (rec.seriousSideEffect === true) {
    return lang === 'da'
      ? `Kæbenekrose eller atypisk femurfraktur registreret: ikke bisfosfonat (zoledronsyre, alendronat) i almen praksis – henvis til endokrinolog, der vælger den opfølgende behandling${paren(rec.followOnDue, 'da')}.`
      : `Osteonecrosis of the jaw or an atypical femoral fracture on record: no bisphosphonate (zoledronic acid, alendronate) in general practice – refer to endocrinology, who choose the follow-on treatment${paren(rec.followOnDue, 'en')}.`;
  }
  if (rec.egfrLow === true) {
    return lang === 'da'
      ? `eGFR ≤ 35 ml/min: ikke bisfosfonat (zoledronsyre, alendronat) i almen praksis – henvis til endokrinolog, der vælger den opfølgende behandling${paren(rec.followOnDue, 'da')}.`
      : `eGFR ≤ 35 mL/min: no bisphosphonate (zoledronic acid, alendronate) in general practice – refer to endocrinology, who choose the follow-on treatment${paren(rec.followOnDue, 'en')}.`;
  }
  const now = rec.followOnDueReached ? (lang === 'da' ? ' – tidspunktet er nået: handl nu' : ' – that time has come: act now') : '';
  // Zoledronic acid not tolerated (rules/intolerated.ts `notOffered`): the sentence names what is left
  // (why not alendronate, when barred, is NO_ORAL's).
  if (zoledronicIntolerated(rec)) {
    if (alendronateBarred(rec)) {
      return lang === 'da'
        ? `Zoledronsyre tåles ikke: henvis til endokrinolog, der vælger den opfølgende behandling, ca. 6 måneder efter sidste injektion${paren(rec.followOnDue, 'da')}${now}.`
        : `Zoledronic acid is not tolerated: refer to endocrinology, who choose the follow-on treatment, about 6 months after the last injection${paren(rec.followOnDue, 'en')}${now}.`;
    }
    return lang === 'da'
      ? `Zoledronsyre tåles ikke: alendronat 70 mg ugentligt eller henvisning til endokrinolog, ca. 6 måneder efter sidste injektion${paren(rec.followOnDue, 'da')}${now}.`
      : `Zoledronic acid is not tolerated: alendronate 70 mg weekly or a referral to endocrinology, about 6 months after the last injection${paren(rec.followOnDue, 'en')}${now}.`;
  }
  return lang === 'da'
    ? `Typisk zoledronsyre 5 mg i.v. ca. 6 måneder efter sidste injektion${paren(rec.followOnDue, 'da')}${now}. Henvis til zoledronsyre (typisk på hospital) eller til endokrinolog.`
    : `Usually zoledronic acid 5 mg i.v. about 6 months after the last injection${paren(rec.followOnDue, 'en')}${now}. Refer for zoledronic acid (usually in hospital) or to endocrinology.`;
}

/** Zoledronic acid and alendronate deepen a hypocalcaemia: it is corrected before the follow-on. */
const LOW_CALCIUM: Words = {
  da: '**P-calcium er lav:** korrigér hypocalcæmien (calcium og D-vitamin) før den opfølgende behandling – henvis til endokrinolog.',
  en: '**Calcium is low:** correct the hypocalcaemia (calcium and vitamin D) before the follow-on treatment – refer to endocrinology.',
};

/** Card l. 22 "2. Valg … Ved kontraindikation (fx ulcus) til peroral bisfosfonat": the barrier is among the findings. */
const NO_ORAL: Words = {
  da: '**Ikke alendronat:** peroral bisfosfonat er ikke muligt (se „Grundlag“ nedenfor).',
  en: '**No alendronate:** oral bisphosphonate is not possible (see the basis below).',
};

/** An anabolic candidate too (`anabolicCandidate`, rules/agreement.ts): the referral does not put the follow-on off. */
const ANABOLIC_LATER: Words = {
  da: '**Også kandidat til anabol behandling** (se kortet): henvis gerne, men den opfølgende behandling venter ikke på specialistens svar.',
  en: '**Also a candidate for anabolic treatment** (see that card): refer if you wish, but the follow-on treatment does not wait for the specialist’s answer.',
};

function detail(rec: Rec, lang: Language): string {
  // With eGFR ≤ 35, or zoledronic acid not tolerated, there is no infusion here: no infusion tests.
  const infusion = rec.egfrLow !== true && rec.seriousSideEffect !== true && !zoledronicIntolerated(rec);
  return paragraphs(
    MUST[lang],
    rec.calciumLow === true && LOW_CALCIUM[lang],
    when(rec, lang),
    rec.anabolicCandidate === true && ANABOLIC_LATER[lang],
    rec.oralBarred === true && rec.egfrLow !== true && rec.seriousSideEffect !== true && NO_ORAL[lang],
    infusion && TESTS[lang],
  );
}

export const denosumabStoppedTexts: TopicTexts<'denosumab-stopped'> = withNote<'denosumab-stopped'>({
  da: {
    title: 'Denosumab seponeret uden opfølgende behandling',
    // A time that has come reads as now, never as a plan for a date gone by.
    summary: (rec) =>
      rec.seriousSideEffect === true
        ? 'Denosumab seponeret: anden behandling SKAL igangsættes – efter kæbenekrose/atypisk femurfraktur: henvis til endokrinolog nu'
        : rec.egfrLow === true
        ? 'Denosumab seponeret: anden behandling SKAL igangsættes – eGFR ≤ 35: henvis til endokrinolog nu'
        : rec.calciumLow === true
        ? 'Denosumab seponeret: anden behandling SKAL igangsættes – P-calcium lav: korrigér den, henvis til endokrinolog nu'
        : zoledronicIntolerated(rec)
        ? `Denosumab seponeret: anden behandling SKAL igangsættes – zoledronsyre ikke tålt: ${alendronateBarred(rec) ? 'henvis til endokrinolog nu' : 'alendronat eller endokrinolog nu'}`
        : `Denosumab seponeret: anden behandling SKAL igangsættes – typisk zoledronsyre ${rec.followOnDueReached ? `nu (aktuel fra ${formatDate(rec.followOnDue, 'da')})` : `ca. ${formatDate(rec.followOnDue, 'da')}`}`,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Denosumab stopped without follow-on treatment',
    summary: (rec) =>
      rec.seriousSideEffect === true
        ? 'Denosumab stopped: other treatment MUST be started – after jaw necrosis/atypical femur fracture: refer to endocrinology now'
        : rec.egfrLow === true
        ? 'Denosumab stopped: other treatment MUST be started – eGFR ≤ 35: refer to endocrinology now'
        : rec.calciumLow === true
        ? 'Denosumab stopped: other treatment MUST be started – calcium low: correct it, refer to endocrinology now'
        : zoledronicIntolerated(rec)
        ? `Denosumab stopped: other treatment MUST be started – zoledronic acid not tolerated: ${alendronateBarred(rec) ? 'refer to endocrinology now' : 'alendronate or endocrinology now'}`
        : `Denosumab stopped: other treatment MUST be started – usually zoledronic acid ${rec.followOnDueReached ? `now (due since ${formatDate(rec.followOnDue, 'en')})` : `around ${formatDate(rec.followOnDue, 'en')}`}`,
    detail: (rec) => detail(rec, 'en'),
  },
}, incompleteMedications<'denosumab-stopped'>());
