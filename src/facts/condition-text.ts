/**
 * Reading a Condition's code text and displays (lower case, `conceptWords`) when no coding is bound:
 * terminology.md line 14 — "SNOMED rows are exact … 'use with descendants' means expanding the
 * descendants offline into the list, or matching on display text". A text is only evidence of what
 * it affirms about the patient, so negated and hypothetical clauses, and parts whose subject is a
 * relative ("Mor med hoftebrud"), are taken out before any name is looked for.
 */
import { BoundedCache } from '../terminology/bounded-cache.js';
import { fractureSiteFromText } from './body-sites.js';
import { withoutRelatives } from './relative-text.js';
import type { FractureSite } from './types.js';

/**
 * A negation or hypothetical word and the rest of its clause ("No history of stroke", "Ingen
 * fraktur", "Risk of hip fracture", "Screening for osteoporosis", "Family history of stroke"): the
 * clause says nothing about what the patient has. The clause ends at `.`, `;`, `:`, `,` or the `|`
 * between the text and the displays. "Not specified", "ikke specificeret", "ikke nærmere
 * angivet" and "not elsewhere classified" are classification wording, not negation.
 */
const NEGATED_CLAUSE =
  /\b(?:no|not(?! (?:spec|elsewhere|otherwise))|never|denies|denied|negative for|free of|without|ingen|ikke(?! (?:spec|nærmere|andetsteds|klassificeret))|uden|aldrig|risk of|at risk|risiko for|fear of|frygt for|screening|family history|familiær|i familien)\b[^.;:,|]*/g;

/** Named look-alikes that would otherwise read as a concept: "heat stroke" and "sunstroke" are not strokes. */
const LOOK_ALIKES = /\b(?:heat|sun) ?stroke\b|\bhedeslag\b/g;

/**
 * Words that make a whole text unsure, wherever they stand ("Hoftebrud udelukket", "fracture
 * excluded", "Mistanke om apopleksi", "Suspected stroke", "Stroke prevention", "High hip fracture
 * risk (FRAX)"): a text-only reading then affirms nothing [choice: the text is the last resort, and
 * a card resting on a ruled-out or suspected diagnosis is wrong both ways].
 */
const UNSURE =
  /udelukket|excluded|ruled out|rule out|\br\/o\b|ikke påvist|ikke bekræftet|not confirmed|afkræftet|mistanke|suspect|suspicion|\bobs\.? pro\b|\bpossible\b|\bprobable\b|\bmulig\b|\?|prevention|prophylaxis|forebyggelse|profylakse|\brisk|risiko|\bfrax\b/;

/**
 * Texts already read: the same few problem-list texts come with nearly every call, and the three
 * expressions cost a Condition more than the rest of its reading. Bounded as the terminology's
 * look-ups are (keys over 256 characters are read, never kept; emptied when full).
 */
const AFFIRMED = new BoundedCache<string>();

/** The text with negated and hypothetical clauses, look-alike names and parts about a relative (relative-text.ts) blanked out; nothing of an unsure text. */
export function affirmedText(lowerText: string): string {
  if (lowerText === '') return '';
  const known = AFFIRMED.get('', lowerText);
  if (known !== undefined) return known;
  const affirmed = UNSURE.test(lowerText) ? '' : withoutRelatives(lowerText).replace(NEGATED_CLAUSE, ' ').replace(LOOK_ALIKES, ' ');
  AFFIRMED.set('', lowerText, affirmed);
  return affirmed;
}

/**
 * A word naming a fracture: English "fracture(d)", Danish "fraktur", "brud" alone ("brud på
 * lårbenshalsen") or ending a compound ("hoftebrud", "håndledsbrud", "lårbenshalsbrud"), and
 * "brækket" (broken). `brud\b` leaves "afbrudt" alone.
 */
const FRACTURE_WORD = /fractur|fraktur|brud\b|brække[td]\b|\bbroken (?:hip|wrist|arm|back|spine|pelvis)/;

/**
 * Texts naming a fracture that is not one the guideline counts [choice, the safer reading]:
 * - a history ("History of hip fracture", "personal history", Danish "tidligere", "anamnese") or a
 *   later stage ("sequela", "late effect", "aftercare", "følger efter", "kontrol efter"): no date,
 *   and no way to tell a new fracture from one already counted;
 * - stress fractures and atypical femoral fractures (never fractures here, rules.md section 1);
 * - a tooth or dental fracture.
 */
const NOT_A_COUNTED_FRACTURE =
  /history|anamnes|tidligere|status efter|status post|\bst\.? ?p\.?(?![a-zæøå])|\bs\/p\b|sequel|late effect|aftercare|follow-up|følger efter|kontrol efter|stress ?fractur|stress ?fraktur|træthedsbrud|atypi|\btooth|\bteeth|dental|\btand/;

/** A pathological fracture is the disease's, not osteoporosis', unless osteoporosis is named. */
const PATHOLOGICAL = /patholog|patolog/;
const OSTEOPOROSIS = /osteopor/;

/**
 * The site of the fracture a Condition's text names, if the text clearly names a counted fracture
 * at a site we know: the site from the text, else from `bodySite`. An unknown site is no fracture
 * [choice: "fracture" alone is too little to act on].
 * @param lowerText `conceptWords` of the Condition's code
 * @param lowerBodySite `conceptWords` of its bodySite
 */
export function fractureSiteOfText(lowerText: string, lowerBodySite: string): FractureSite | undefined {
  return fractureSiteOfAffirmed(affirmedText(lowerText), lowerBodySite);
}

/** `fractureSiteOfText` of a text already through `affirmedText` (readCondition has it for the names). */
export function fractureSiteOfAffirmed(text: string, lowerBodySite: string): FractureSite | undefined {
  if (!FRACTURE_WORD.test(text) || NOT_A_COUNTED_FRACTURE.test(text)) return undefined;
  if (PATHOLOGICAL.test(text) && !OSTEOPOROSIS.test(text)) return undefined;
  return fractureSiteFromText(text) ?? fractureSiteFromText(affirmedText(lowerBodySite));
}
