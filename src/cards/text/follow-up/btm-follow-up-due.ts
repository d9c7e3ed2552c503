/**
 * Card text of `btm-follow-up-due` (rules.md section 3, card page 2 "Knoglemarkører"), in Danish —
 * the card's own terms — and English. The card says how to take the marker and what the answer
 * decides; the wait after a fracture is the reason and the due date a finding, which the renderer
 * appends. The full passage (initial marker, the premenopausal mean, other medicines) is on the
 * guideline page.
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { NOT_CONTINUED } from '../card-words-follow-up.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

type Rec = Recommendation<'btm-follow-up-due'>;

/** l. 135-141: P1NP is the primary test, any time of day; CTX on glucocorticoid (fasting before 10 am, in the summary). */
const HOW: Readonly<Record<'p1np' | 'ctx', Words>> = {
  p1np: { da: 'P1NP kan tages hele dagen.', en: 'P1NP can be taken any time of day.' },
  ctx: { da: 'CTX i stedet for P1NP, fordi patienten får glukokortikoid.', en: 'CTX instead of P1NP because the patient is on glucocorticoid.' },
};

/** l. 155: the card's "cannot be used with" that still applies once treatment runs (rules.md section 3). */
const NOT_USABLE: Words = {
  da: 'Mål ikke ved ubehandlet knoglemetabolisk sygdom, svær akut sygdom/akut immobilisering eller hård motion inden for 24 timer.',
  en: 'Do not measure with untreated metabolic bone disease, severe acute illness/acute immobilisation or hard exercise within 24 hours.',
};

/** l. 170-183: what the answer decides — after a re-check, the next step is parenteral. */
function whatItDecides(rec: Rec, lang: Language): string {
  const recheck = has(rec, 'recheck-after-correction');
  if (rec.noBaseline === true && !recheck) {
    // Card footnote: without an initial marker, the value is held against the premenopausal mean —
    // less certain. Named by kind: a P1NP taken before is no baseline for a CTX.
    const kind = rec.marker === 'ctx' ? 'CTX' : 'P1NP';
    return lang === 'da'
      ? `Uden initial ${kind} sammenlignes med præmenopausalt gennemsnit (mere usikkert): under det – fortsæt behandling; ellers tjek indtag, compliance (se evt. FMK) og anden sygdom.`
      : `Without a baseline ${kind} the value is compared with the premenopausal mean (less certain): below it – continue treatment; otherwise check intake, adherence (see FMK) and other disease.`;
  }
  if (lang === 'da') {
    return recheck
      ? 'Fald > 30 % fra initial værdi: fortsæt behandling. Fortsat fald ≤ 30 %: start eller henvis til parenteral behandling.'
      : 'Fald > 30 % fra initial værdi: fortsæt behandling. Fald ≤ 30 %: tjek indtag, compliance (se evt. FMK) og anden sygdom.';
  }
  return recheck
    ? 'A fall of more than 30 % from baseline: continue treatment. Still 30 % or less: start or refer for parenteral treatment.'
    : 'A fall of more than 30 % from baseline: continue treatment. 30 % or less: check intake, adherence (see FMK) and other disease.';
}

function detail(rec: Rec, lang: Language): string {
  const decides = rec.notContinued === undefined ? whatItDecides(rec, lang) : NOT_CONTINUED[rec.notContinued].advice[lang];
  return paragraphs(HOW[rec.marker][lang], decides, NOT_USABLE[lang]);
}

/** Beside a hold, a switch, a serious side effect or a failure no marker is ordered (rules/agreement.ts): the summary says why. */
function notTaken(rec: Rec, lang: Language): string | undefined {
  if (rec.notContinued === undefined || (rec.suggestions?.length ?? 0) > 0) return undefined;
  const how = rec.marker === 'ctx' ? 'CTX' : 'P1NP';
  const clause = NOT_CONTINUED[rec.notContinued].clause[lang];
  return lang === 'da' ? `Knoglemarkør (${how}) var aktuel, ${clause}` : `Bone marker (${how}) was due, ${clause}`;
}

export const btmFollowUpDueTexts: TopicTexts<'btm-follow-up-due'> = {
  da: {
    title: 'Knoglemarkør skal tages',
    summary: (rec) => {
      const moot = notTaken(rec, 'da');
      if (moot !== undefined) return moot;
      const how = rec.marker === 'ctx' ? 'CTX, fastende før kl. 10' : 'P1NP';
      if (has(rec, 'recheck-after-correction')) return `Tag ny knoglemarkør (${how}) og revurdér: 3 mdr. efter utilstrækkeligt fald`;
      if (has(rec, 'fracture-before-start')) return `Tag knoglemarkør (${how}) nu: ét år efter brud før behandlingsstart`;
      return `Tag knoglemarkør (${how}): 3 mdr. efter start af peroral bisfosfonat`;
    },
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Bone marker due',
    summary: (rec) => {
      const moot = notTaken(rec, 'en');
      if (moot !== undefined) return moot;
      const how = rec.marker === 'ctx' ? 'CTX, fasting before 10 am' : 'P1NP';
      if (has(rec, 'recheck-after-correction')) return `Repeat the bone marker (${how}) and reassess: 3 months after an insufficient fall`;
      if (has(rec, 'fracture-before-start')) return `Take the bone marker (${how}) now: one year after a fracture before the start of treatment`;
      return `Take the bone marker (${how}): 3 months after starting oral bisphosphonate`;
    },
    detail: (rec) => detail(rec, 'en'),
  },
};
