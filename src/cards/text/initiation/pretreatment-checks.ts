/**
 * Card text of `pretreatment-checks` (rules.md section 2, card page 1 l. 41-51 "Før start af
 * antiresorptiv behandling"), in Danish (the card's own terms) and English. The summary says what
 * to do before the start; the detail lists the card's checks with their status. The renderer
 * appends the reasons and the findings; the marker's timing in full is on the guideline page.
 */
import type { Language } from '../../../contract/language.js';
import type { Reason } from '../../../contract/topics.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { formatDate, formatList } from '../../format.js';
import { bullets, capitalise, has, paragraphs, reasonPhrases } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

type Rec = Recommendation<'pretreatment-checks'>;

/** A failed check and what to do about it, shortest first. */
const FAILED: Readonly<Partial<Record<Reason, Words>>> = {
  // The treatment card beside it says what follows (the referral): here only the failed check.
  'egfr-low': { da: 'eGFR ≤ 35 ml/min', en: 'eGFR ≤ 35 mL/min' },
  hypocalcaemia: { da: 'hypocalcæmi – korrigér først', en: 'hypocalcaemia – correct it first' },
  'vitamin-d-low': { da: 'P-25-OH-Vit.D ≤ 50 nmol/L – giv D-vitamin først', en: '25-OH vitamin D ≤ 50 nmol/L – give vitamin D first' },
};
const MISSING_LAB: Readonly<Partial<Record<Reason, Words>>> = {
  'egfr-missing': { da: 'eGFR', en: 'eGFR' },
  'calcium-missing': { da: 'P-calcium', en: 'calcium' },
  'vitamin-d-missing': { da: 'P-25-OH-Vit.D', en: '25-OH vitamin D' },
  'baseline-btm-missing': { da: 'initial knoglemarkør', en: 'baseline bone marker' },
};

/** Beside a high calcium (rules/high-calcium.ts) vitamin D waits for the cause: not "vitamin D first". */
const WAITS: Words = { da: 'P-25-OH-Vit.D ≤ 50 nmol/L – D-vitamin venter, til årsagen til høj P-calcium er afklaret', en: '25-OH vitamin D ≤ 50 nmol/L – vitamin D waits until the cause of the high calcium is known' };
const WAITS_SHORT: Words = { da: 'P-25-OH-Vit.D ≤ 50 – D-vitamin venter (høj P-calcium)', en: '25-OH-D ≤ 50 – vitamin D waits (high calcium)' };

/** The same, shorter, for a summary that would not fit whole under 140 characters. */
const FAILED_SHORT: Readonly<Partial<Record<Reason, Words>>> = {
  'egfr-low': { da: 'eGFR ≤ 35', en: 'eGFR ≤ 35' },
  hypocalcaemia: { da: 'hypocalcæmi – korrigér', en: 'hypocalcaemia – correct it' },
  'vitamin-d-low': { da: 'P-25-OH-Vit.D ≤ 50 – D-vitamin først', en: '25-OH-D ≤ 50 – vitamin D first' },
};

/** "P-25-OH-Vit.D ≤ 50 nmol/L – giv D-vitamin først; tag P-calcium; mål højden". */
function toDo(rec: Rec, lang: Language): string {
  const waits = rec.vitaminDWithheld === true || rec.vitaminDWaits === true;
  const full = checksText(rec, lang, waits ? { ...FAILED, 'vitamin-d-low': WAITS } : FAILED, false);
  return [...full].length < 140 ? full : checksText(rec, lang, waits ? { ...FAILED_SHORT, 'vitamin-d-low': WAITS_SHORT } : FAILED_SHORT, true);
}

function checksText(rec: Rec, lang: Language, failed: Readonly<Partial<Record<Reason, Words>>>, short: boolean): string {
  const labs = reasonPhrases(rec, MISSING_LAB, lang);
  const parts = [
    ...reasonPhrases(rec, failed, lang),
    ...(labs.length === 0 ? [] : [`${lang === 'da' ? 'tag' : 'take'} ${formatList(labs, lang)}`]),
    ...(has(rec, 'height-missing') ? [lang === 'da' ? 'mål højden' : 'measure height'] : []),
  ];
  // Said in the summary too: folded onto the treatment card, the summary is all that shows.
  const from = markerFrom(rec, lang);
  if (from !== undefined) {
    if (short) parts.push(lang === 'da' ? `knoglemarkør fra ${from}` : `bone marker from ${from}`);
    else parts.push(lang === 'da' ? `knoglemarkør først ét år efter bruddet (${from})` : `bone marker only one year after the fracture (${from})`);
  }
  const text = parts.join('; ');
  // "eGFR …" keeps its small e; every other first word is capitalised.
  return text.startsWith('eGFR') ? text : capitalise(text);
}

/** The status of one check: failed, missing, or done. */
function status(rec: Rec, failed: Reason | undefined, missing: Reason, words: Readonly<Record<'failed' | 'missing' | 'done', string>>): string {
  if (failed !== undefined && has(rec, failed)) return words.failed;
  return has(rec, missing) ? words.missing : words.done;
}

/** P1NP, or CTX under glucocorticoid: the marker the rule asked for (its lab-missing finding). */
const wantsCtx = (rec: Rec): boolean => rec.findings.some((f) => f.kind === 'lab-missing' && f.lab === 'ctx');

/** v2, card page 2 l. 150-152: after a fracture in the 6 months before the start, the first marker a year after it. */
function markerFrom(rec: Rec, lang: Language): string | undefined {
  const f = rec.findings.find((x) => x.kind === 'due-date' && x.what === 'bone-marker');
  return f?.kind === 'due-date' ? formatDate(f.date, lang) : undefined;
}

const DA = { failed: '**ikke opfyldt**', missing: '**mangler**', done: 'i orden' } as const;
const EN = { failed: '**failed**', missing: '**missing**', done: 'done' } as const;

export const pretreatmentChecksTexts: TopicTexts<'pretreatment-checks'> = {
  da: {
    title: 'Tjek før start',
    summary: (rec) => toDo(rec, 'da'),
    detail: (rec) => {
      const from = markerFrom(rec, 'da');
      const marker =
        from !== undefined
          ? `Knoglemarkør: **ikke nu** – brud inden for 6 mdr. før start; mål ét år efter bruddet (${from})`
          : rec.choice === 'first-choice'
            ? `Initial knoglemarkør (${wantsCtx(rec) ? 'CTX, fastende før kl. 10, da patienten får glukokortikoid' : 'P1NP, kan tages hele dagen'}): ${status(rec, undefined, 'baseline-btm-missing', DA)}`
            : undefined;
      return paragraphs(
        `**Før start** (kortet):\n${bullets([
          `eGFR > 35 ml/min: ${status(rec, 'egfr-low', 'egfr-missing', DA)}`,
          `Ingen hypocalcæmi: ${status(rec, 'hypocalcaemia', 'calcium-missing', DA)}`,
          `P-25-OH-Vit.D > 50 nmol/L: ${status(rec, 'vitamin-d-low', 'vitamin-d-missing', DA)}`,
          ...(marker === undefined ? [] : [marker]),
          `Højde: ${status(rec, undefined, 'height-missing', DA)}`,
          'Bed patienten orientere tandlæge.',
        ])}`,
        has(rec, 'egfr-low') && 'Gentag eGFR, hvis værdien er gammel eller kan være akut påvirket.',
        has(rec, 'hypocalcaemia') && 'Hypocalcæmi skal være korrigeret og årsagen afklaret før start – antiresorptiv behandling kan forværre den.',
      );
    },
  },
  en: {
    title: 'Checks before the start',
    summary: (rec) => toDo(rec, 'en'),
    detail: (rec) => {
      const from = markerFrom(rec, 'en');
      const marker =
        from !== undefined
          ? `Bone marker: **not now** – a fracture within 6 months before the start; measure one year after it (${from})`
          : rec.choice === 'first-choice'
            ? `Baseline bone marker (${wantsCtx(rec) ? 'CTX, fasting before 10 am, as the patient takes a glucocorticoid' : 'P1NP, any time of day'}): ${status(rec, undefined, 'baseline-btm-missing', EN)}`
            : undefined;
      return paragraphs(
        `**Before the start** (the card):\n${bullets([
          `eGFR > 35 mL/min: ${status(rec, 'egfr-low', 'egfr-missing', EN)}`,
          `No hypocalcaemia: ${status(rec, 'hypocalcaemia', 'calcium-missing', EN)}`,
          `25-OH vitamin D > 50 nmol/L: ${status(rec, 'vitamin-d-low', 'vitamin-d-missing', EN)}`,
          ...(marker === undefined ? [] : [marker]),
          `Height: ${status(rec, undefined, 'height-missing', EN)}`,
          'Ask the patient to inform their dentist.',
        ])}`,
        has(rec, 'egfr-low') && 'Repeat eGFR if the value is old or may be acutely affected.',
        has(rec, 'hypocalcaemia') && 'Hypocalcaemia must be corrected and its cause clarified before the start – antiresorptive treatment can worsen it.',
      );
    },
  },
};
