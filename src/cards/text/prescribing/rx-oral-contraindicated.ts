/**
 * Card text of `rx-oral-contraindicated` (rules.md section 4, prescribing hooks), in Danish (the card's own terms,
 * source-card-da.txt) and English. The renderer appends the reasons and the findings (values and
 * dates), so the advice here says what to do and why the card says so.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatList } from '../../format.js';
import { BIOSIMILARS } from '../card-words.js';
import { capitalise, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';
import { draftDrug, drugName } from './common.js';

const WHY: Readonly<Record<string, Words>> = {
  ulcer: { da: 'ulcus', en: 'peptic ulcer' },
  'oesophageal-disease': { da: 'spiserørssygdom', en: 'oesophageal disease' },
  'cannot-stay-upright': { da: 'kan ikke være oprejst 30 min.', en: 'cannot stay upright 30 min' },
  intolerance: { da: 'kæbenekrose/atypisk femurfraktur', en: 'jaw osteonecrosis/atypical femoral fracture' },
};
/** Reason `intolerance` without a serious side effect: a recorded intolerance (card l. 22 "utålelige bivirkninger"). */
const NOT_TOLERATED: Words = { da: 'ikke tålt', en: 'not tolerated' };
const ORAL: Words = { da: 'peroral bisfosfonat', en: 'oral bisphosphonate' };

/** "Alendronat kontraindiceret (ulcus)": the drafted drug and what contraindicates it. */
function contraindicated(rec: Recommendation<'rx-oral-contraindicated'>, lang: Language): { readonly drug: string; readonly why: string } {
  const words = (r: string): Words | undefined => (r === 'intolerance' && rec.seriousSideEffect !== true ? NOT_TOLERATED : WHY[r]);
  const why = rec.reasons.flatMap((r) => {
    const w = words(r);
    return w === undefined ? [] : [w[lang]];
  });
  return { drug: capitalise(drugName(rec, lang, ORAL)), why: formatList(why, lang) };
}

/** The second-choice drugs the card offers: one with a recorded intolerance is not (rules/intolerated.ts), nor the denosumab this draft was to follow (`afterDenosumabStop`). */
const offered = (rec: Recommendation<'rx-oral-contraindicated'>, drug: 'denosumab' | 'zoledronic-acid'): boolean =>
  rec.notOffered?.includes(drug) !== true && !(drug === 'denosumab' && rec.afterDenosumabStop === true);

/** The second choice as the summary names it: both drugs, the one offered, or the endocrinologist when neither is. */
function secondChoiceWords(rec: Recommendation<'rx-oral-contraindicated'>, lang: 'da' | 'en'): string {
  const deno = offered(rec, 'denosumab');
  const zol = offered(rec, 'zoledronic-acid');
  if (deno && zol) return lang === 'da' ? 'vælg 2. valg – denosumab eller zoledronsyre' : 'use the second choice – denosumab or zoledronic acid';
  if (deno) return lang === 'da' ? 'vælg 2. valg – denosumab' : 'use the second choice – denosumab';
  if (zol && rec.afterDenosumabStop === true) return lang === 'da' ? 'denosumab er seponeret – vælg zoledronsyre' : 'denosumab was stopped – use zoledronic acid';
  if (zol) return lang === 'da' ? 'vælg 2. valg – zoledronsyre' : 'use the second choice – zoledronic acid';
  return lang === 'da' ? 'henvis til endokrinolog' : 'refer to endocrinology';
}

/** The card recommends starting the second choice here (not a removal or a referral instead): its how-to is said. */
const secondChoice = (rec: Recommendation<'rx-oral-contraindicated'>): boolean =>
  rec.onParenteral === undefined && rec.parenteralDrafted === undefined && rec.calciumLow !== true && rec.egfrLow !== true && rec.seriousSideEffect !== true;

export const rxOralContraindicatedTexts: TopicTexts<'rx-oral-contraindicated'> = {
  da: {
    title: 'Peroral bisfosfonat kontraindiceret',
    titleOf: (rec) => (draftDrug(rec) === 'zoledronic-acid' ? 'Bisfosfonat kontraindiceret' : 'Peroral bisfosfonat kontraindiceret'),
    summary: (rec) => {
      const { drug, why } = contraindicated(rec, 'da');
      if (rec.onParenteral !== undefined) return `${drug} kontraindiceret (${why}): patienten får allerede ${rec.onParenteral === 'denosumab' ? 'denosumab' : 'zoledronsyre'} – slet ordinationen`;
      if (rec.calciumLow === true) return `${drug} kontraindiceret (${why}), P-calcium lav: slet ordinationen, korrigér calcium, så 2. valg`;
      if (rec.seriousSideEffect === true) return `${drug} kontraindiceret (${why}): slet ordinationen, henvis til endokrinolog`;
      if (rec.parenteralDrafted !== undefined) return `${drug} kontraindiceret (${why}): ${rec.parenteralDrafted === 'denosumab' ? 'denosumab' : 'zoledronsyre'} er allerede med i ordinationen – slet tabletten`;
      if (rec.pauseCriteriaMet === true) return `${drug} kontraindiceret (${why}): pausekriterier opfyldt efter 5 år – overvej pause`;
      if (rec.vitaminDLow === true) return `${drug} kontraindiceret (${why}): giv D-vitamin først (P-25-OH-Vit.D ≤ 50), så 2. valg`;
      return rec.egfrLow === true ? `${drug} kontraindiceret (${why}), eGFR ≤ 35: henvis til endokrinolog` : `${drug} kontraindiceret (${why}): ${secondChoiceWords(rec, 'da')}`;
    },
    detail: (rec) =>
      paragraphs(
        rec.onParenteral !== undefined &&
          '**Patienten er allerede i 2. valg (parenteral behandling), og næste dosis er ikke forfalden:** der er intet at starte. Slet ordinationen, og fortsæt den parenterale behandling efter planen.',
        rec.parenteralDrafted !== undefined &&
          `**2. valg (${rec.parenteralDrafted === 'denosumab' ? 'denosumab' : 'zoledronsyre'}) er allerede med i denne ordination:** slet den perorale bisfosfonat, så patienten ikke får to antiresorptiva.`,
        rec.calciumLow === true &&
          '**P-calcium er lav:** denosumab og zoledronsyre kan forværre hypocalcæmien. Slet ordinationen, korrigér hypocalcæmien (calcium og D-vitamin), og start 2. valg, når P-calcium er normal.',
        rec.seriousSideEffect === true &&
          '**Kæbenekrose eller atypisk femurfraktur er registreret** – meget sjældne, men alvorlige bivirkninger til antiresorptiv behandling. Start ikke bisfosfonat igen: henvis til endokrinolog (uacceptable bivirkninger), som vælger den videre behandling.',
        rec.pauseCriteriaMet === true &&
          '**≥ 5 år med peroral bisfosfonat, og kortets pausekriterier er opfyldt** (se „Grundlag“): en pause kræver ingen ny behandling. Slet ordinationen; DXA tidligst efter 2 år.',
        rec.egfrLow === true &&
          '**Seneste eGFR er ≤ 35 ml/min:** zoledronsyre er kontraindiceret, og start af denosumab hører til hos specialisten. Henvis til endokrinolog i stedet for at starte 2. valg her.',
        draftDrug(rec) !== 'zoledronic-acid' &&
          'Kortet: **2. valg (parenteral) ved kontraindikation (fx ulcus) til peroral bisfosfonat, utålelige bivirkninger …**' +
          (rec.pauseCriteriaMet === true ? '' : ' Peroral bisfosfonat kan give øsofagitis og forværre ulcus; patienten skal kunne være oprejst/siddende i mindst 30 min. efter indtag og indtil efter et måltid.'),
        secondChoice(rec) &&
          [
            offered(rec, 'denosumab') &&
              `- **Denosumab** 60 mg s.c. hver 6. måned – vælg en biosimilær (${BIOSIMILARS.da}; billigere end Prolia). Klausuleret tilskud. Der må max gå 7 måneder mellem injektionerne, og behandlingen må ikke stoppes uden opfølgende behandling.`,
            offered(rec, 'zoledronic-acid') && '- **Zoledronsyre** (fx Aclasta) 5 mg i.v. årligt – typisk behandling på hospital (henvisning).',
          ]
            .filter(Boolean)
            .join('\n'),
        secondChoice(rec) &&
          (rec.pauseCriteriaMet !== true
            ? 'Før start: tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-Vit.D > 50 nmol/L.'
            : `Før 2. valg: eGFR > 35, ingen hypocalcæmi, P-25-OH-Vit.D > 50${rec.vitaminDLow === true ? ' – **D-vitamin ≤ 50: giv først**' : ''}.`),
      ),
  },
  en: {
    title: 'Oral bisphosphonate contraindicated',
    titleOf: (rec) => (draftDrug(rec) === 'zoledronic-acid' ? 'Bisphosphonate contraindicated' : 'Oral bisphosphonate contraindicated'),
    summary: (rec) => {
      const { drug, why } = contraindicated(rec, 'en');
      if (rec.onParenteral !== undefined) return `${drug} contraindicated (${why}): the patient already has ${rec.onParenteral === 'denosumab' ? 'denosumab' : 'zoledronic acid'} – remove the order`;
      if (rec.calciumLow === true) return `${drug} contraindicated (${why}), calcium low: remove the order, correct calcium, then the second choice`;
      if (rec.seriousSideEffect === true) return `${drug} contraindicated (${why}): remove the order, refer to endocrinology`;
      if (rec.parenteralDrafted !== undefined) return `${drug} contraindicated (${why}): ${rec.parenteralDrafted === 'denosumab' ? 'denosumab' : 'zoledronic acid'} is already being ordered – remove the tablet`;
      if (rec.pauseCriteriaMet === true) return `${drug} contraindicated (${why}): pause criteria met at 5 years – consider a pause`;
      if (rec.vitaminDLow === true) return `${drug} contraindicated (${why}): give vitamin D first (25-OH-D ≤ 50), then the second choice`;
      return rec.egfrLow === true ? `${drug} contraindicated (${why}), eGFR ≤ 35: refer to endocrinology` : `${drug} contraindicated (${why}): ${secondChoiceWords(rec, 'en')}`;
    },
    detail: (rec) =>
      paragraphs(
        rec.onParenteral !== undefined &&
          '**The patient already has the second choice (parenteral treatment), and the next dose is not due:** there is nothing to start. Remove the order and continue the parenteral treatment as planned.',
        rec.parenteralDrafted !== undefined &&
          `**The second choice (${rec.parenteralDrafted === 'denosumab' ? 'denosumab' : 'zoledronic acid'}) is already in this order:** remove the oral bisphosphonate so the patient does not get two antiresorptives.`,
        rec.calciumLow === true &&
          '**Calcium is low:** denosumab and zoledronic acid can deepen the hypocalcaemia. Remove the order, correct the hypocalcaemia (calcium and vitamin D), and start the second choice once calcium is normal.',
        rec.seriousSideEffect === true &&
          '**Osteonecrosis of the jaw or an atypical femoral fracture is recorded** – very rare but serious side effects of antiresorptive treatment. Do not restart a bisphosphonate: refer to endocrinology (unacceptable side effects), who choose the further treatment.',
        rec.pauseCriteriaMet === true &&
          '**≥ 5 years of oral bisphosphonate, and the card\'s pause criteria are met** (see “Based on”): a pause needs no new treatment. Remove the order; DXA no earlier than 2 years later.',
        rec.egfrLow === true &&
          '**The latest eGFR is ≤ 35 mL/min:** zoledronic acid is contraindicated, and starting denosumab is for the specialist. Refer to endocrinology rather than starting the second choice here.',
        draftDrug(rec) !== 'zoledronic-acid' &&
          'The card: **second choice (parenteral) when oral bisphosphonate is contraindicated (e.g. peptic ulcer), not tolerated …**' +
          (rec.pauseCriteriaMet === true ? '' : ' Oral bisphosphonate can cause oesophagitis and worsen an ulcer; the patient must be able to stay upright for at least 30 minutes after intake and until after a meal.'),
        secondChoice(rec) &&
          [
            offered(rec, 'denosumab') &&
              `- **Denosumab** 60 mg s.c. every 6 months – choose a biosimilar (${BIOSIMILARS.en}; cheaper than Prolia). Clause-restricted reimbursement. Never more than 7 months between injections, and never stop without follow-on treatment.`,
            offered(rec, 'zoledronic-acid') && '- **Zoledronic acid** (e.g. Aclasta) 5 mg i.v. yearly – usually in hospital (referral).',
          ]
            .filter(Boolean)
            .join('\n'),
        secondChoice(rec) &&
          (rec.pauseCriteriaMet !== true
            ? 'Before starting: check that eGFR > 35 mL/min, that there is no hypocalcaemia, and that 25-OH vitamin D > 50 nmol/L.'
            : `Before the second choice: eGFR > 35, no hypocalcaemia, 25-OH vitamin D > 50${rec.vitaminDLow === true ? ' – **vitamin D ≤ 50: give it first**' : ''}.`),
      ),
  },
};
