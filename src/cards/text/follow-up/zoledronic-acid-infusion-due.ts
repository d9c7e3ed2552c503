/**
 * Card text of `zoledronic-acid-infusion-due` (rules.md section 3, card page 1 l. 41-46 and 75-76),
 * in Danish — the card's own terms — and English: the tests before the infusion and the limits
 * they are held to. Side effects and the full zoledronic acid passage are on the guideline page.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate } from '../../format.js';
import { paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

type Rec = Recommendation<'zoledronic-acid-infusion-due'>;

/** l. 41-46, the checks of an antiresorptive start, held before every infusion. */
const LIMITS: Words = {
  da: 'Tjek, at eGFR > 35 ml/min, at der ikke er hypocalcæmi, og at P-25-OH-vitamin D > 50 nmol/L.',
  en: 'Check that eGFR > 35 mL/min, that there is no hypocalcaemia and that 25-OH vitamin D > 50 nmol/L.',
};

function tests(rec: Rec, lang: Language): string {
  const order = rec.missingLabs.length > 0;
  return lang === 'da'
    ? `**P-calcium, -kreatinin og -25-OH-vitamin D bør kontrolleres før hver infusion** (inden for ${rec.labsWithinDays} dage)${order ? ' – bestil de manglende' : ''}.`
    : `**Check calcium, creatinine and 25-OH vitamin D before each infusion** (within ${rec.labsWithinDays} days)${order ? ' – order the missing ones' : ''}.`;
}

/**
 * The kidney test still needs an eGFR (no current one that decides, and no creatinine whose estimate
 * may stand in for it, creatinine-egfr.ts): the card asks for it and never reads as if the tests were in.
 */
const EGFR_MISSING: Words = {
  da: '**eGFR mangler:** bestil eGFR før infusionen (kortets tjek: eGFR > 35).',
  en: '**eGFR missing:** order an eGFR before the infusion (the card\'s check: eGFR > 35).',
};

/** A current eGFR a newer creatinine contradicts (its finding names the creatinine): not "missing". */
const EGFR_OUT_OF_DATE: Words = {
  da: '**eGFR ikke længere aktuel:** et nyere kreatinin giver eGFR ≤ 35 – tag en ny eGFR før infusionen.',
  en: '**eGFR out of date:** a newer creatinine gives eGFR ≤ 35 – take a new eGFR before the infusion.',
};

function newerCreatinine(rec: Rec): boolean {
  return rec.findings.some((f) => f.kind === 'lab-missing' && f.newerCreatinine !== undefined);
}

/**
 * The latest eGFR ≤ 35: no infusion in general practice (zoledronic acid is contraindicated below
 * creatinine clearance 35, SmPC); endocrinology-referral (`egfr-low`) says the same.
 */
const EGFR_LOW: Words = {
  da: '**eGFR ≤ 35 ml/min:** giv ikke infusionen – henvis til endokrinolog, der vælger den videre behandling.',
  en: '**eGFR ≤ 35 mL/min:** do not give the infusion – refer to endocrinology, who choose the further treatment.',
};

/** The tests named in a summary: with the eGFR when it is the one missing. */
function testsWord(rec: Rec, lang: Language): string {
  const egfr = rec.missingLabs.includes('egfr');
  if (lang === 'da') return egfr ? 'P-calcium, -kreatinin, eGFR og -25-OH-vitamin D' : 'P-calcium, -kreatinin og -25-OH-vitamin D';
  return egfr ? 'calcium, creatinine, eGFR and 25-OH vitamin D' : 'calcium, creatinine and 25-OH vitamin D';
}

/** What fails the limits (l. 42-43), said in the summary: the tests "foreligger" must not read as passed. */
function toCorrect(rec: Rec, lang: Language): string | undefined {
  const calcium = rec.calciumLow === true;
  const vitaminD = rec.vitaminDLow === true;
  if (!calcium && !vitaminD) return undefined;
  if (lang === 'da') return calcium && vitaminD ? 'P-calcium lav og 25-OH-vitamin D ≤ 50' : calcium ? 'P-calcium lav' : 'P-25-OH-vitamin D ≤ 50 nmol/L';
  return calcium && vitaminD ? 'calcium low and 25-OH vitamin D ≤ 50' : calcium ? 'calcium low' : '25-OH vitamin D ≤ 50 nmol/L';
}

/**
 * An infusion into hypocalcaemia or vitamin D deficiency risks a deep hypocalcaemia (SmPC). The
 * calcium is tested again before the infusion; a low 25-OH-D within its window is not (the rule
 * orders none: l. 101-103 "tjek tidligst efter 3 mdr." after the supplement), an older one is
 * ordered as missing. Short: the detail keeps its findings within 900 characters.
 */
function correctFirst(rec: Rec, lang: Language): string | undefined {
  const calcium = rec.calciumLow === true;
  const vitaminD = rec.vitaminDLow === true;
  if (!calcium && !vitaminD) return undefined;
  const laterD = vitaminD && !rec.missingLabs.includes('vitamin-d');
  if (lang === 'da') {
    const what = calcium && vitaminD ? 'calcium og D-vitamin' : calcium ? 'calcium' : 'D-vitamin';
    return laterD
      ? `**Korrigér først** (${what}): ${calcium ? 'P-calcium igen før infusionen, ' : ''}P-25-OH-vitamin D tidligst 3 mdr. efter øget D3.`
      : `**Korrigér først** (${what}), og kontrollér prøverne igen før infusionen.`;
  }
  const what = calcium && vitaminD ? 'calcium and vitamin D' : calcium ? 'calcium' : 'vitamin D';
  return laterD
    ? `**Correct first** (${what}): ${calcium ? 'calcium again before the infusion, ' : ''}25-OH vitamin D no earlier than 3 months after more D3.`
    : `**Correct first** (${what}), and repeat the tests before the infusion.`;
}

function detail(rec: Rec, lang: Language): string {
  const egfrLow = rec.egfrLow === true;
  return paragraphs(
    egfrLow && EGFR_LOW[lang],
    tests(rec, lang),
    !egfrLow && rec.missingLabs.includes('egfr') && (newerCreatinine(rec) ? EGFR_OUT_OF_DATE[lang] : EGFR_MISSING[lang]),
    LIMITS[lang],
    correctFirst(rec, lang),
  );
}

export const zoledronicAcidInfusionDueTexts: TopicTexts<'zoledronic-acid-infusion-due'> = {
  da: {
    title: 'Årlig zoledronsyre-infusion',
    summary: (rec) => {
      const due = formatDate(rec.due, 'da');
      if (rec.egfrLow === true) return `Årlig zoledronsyre-infusion ${rec.overdue ? 'var planlagt ' : ''}${due}: eGFR ≤ 35 – giv ikke infusionen, før endokrinologen har svaret`;
      const correct = toCorrect(rec, 'da');
      if (correct !== undefined) return `Årlig zoledronsyre-infusion ${rec.overdue ? 'var planlagt ' : ''}${due}: ${correct} – korrigér før infusionen`;
      if (rec.overdue) {
        return rec.missingLabs.length > 0
          ? `Årlig zoledronsyre-infusion var planlagt ${due}: kontrollér ${testsWord(rec, 'da')} før infusionen`
          : `Sørg for den årlige zoledronsyre-infusion nu – den var planlagt ${due}; prøverne før infusion foreligger`;
      }
      if (rec.missingLabs.length > 0) return `Kontrollér ${testsWord(rec, 'da')} før årlig zoledronsyre-infusion ${due}`;
      return rec.labsHoldUntil === undefined
        ? `Årlig zoledronsyre-infusion ${due}: prøverne før infusion foreligger`
        : `Årlig zoledronsyre-infusion ${due}: prøverne dækker en infusion til og med ${formatDate(rec.labsHoldUntil, 'da')} – gentag dem, hvis den gives senere`;
    },
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Yearly zoledronic acid infusion',
    summary: (rec) => {
      const due = formatDate(rec.due, 'en');
      if (rec.egfrLow === true) return `Yearly zoledronic acid infusion ${rec.overdue ? 'was due on ' : ''}${due}: eGFR ≤ 35 – do not give it until the endocrinologist has answered`;
      const correct = toCorrect(rec, 'en');
      if (correct !== undefined) return `Yearly zoledronic acid infusion ${rec.overdue ? 'was due on ' : ''}${due}: ${correct} – correct before the infusion`;
      if (rec.overdue) {
        return rec.missingLabs.length > 0
          ? `The yearly zoledronic acid infusion was due on ${due}: check ${testsWord(rec, 'en')} before it`
          : `Arrange the yearly zoledronic acid infusion now – it was due on ${due}; the tests before it are available`;
      }
      if (rec.missingLabs.length > 0) return `Check ${testsWord(rec, 'en')} before the yearly zoledronic acid infusion ${due}`;
      return rec.labsHoldUntil === undefined
        ? `Yearly zoledronic acid infusion ${due}: the tests before the infusion are available`
        : `Yearly zoledronic acid infusion ${due}: the tests cover an infusion up to ${formatDate(rec.labsHoldUntil, 'en')} – repeat them if it is given later`;
    },
    detail: (rec) => detail(rec, 'en'),
  },
};
