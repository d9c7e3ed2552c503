/**
 * A problem-list text about a relative, not the patient: "Mor med hoftebrud", "Far: osteoporose",
 * "Mors søster – hoftebrud", "Her mother had a hip fracture", "FH: mother hip fracture",
 * "Osteoporose hos mor (diagnosticeret 2010)", "Hip fracture in mother at age 70". GPs write family
 * history into the problem list this way; read as the patient's own, "Mor med hoftebrud" had made a
 * 74-year-old woman's possible hip fracture and "start alendronate".
 *
 * Only a relative who is plainly the statement's subject counts [choice: the narrow reading — hiding
 * the patient's own fracture is the worse error]:
 * - the first word (after a bullet, "FH:", "Familiær disposition:", "Pt.s", "Her"), followed by a
 *   link ("med", ":", "har", "had", "with", "–") or straight by the disease, and no word in the
 *   statement pointing back at the patient ("patient", "hun", "she");
 * - or the last words, after "hos" / "in" or in brackets, behind a short naming of the disease
 *   (at most four words; no clause break, no event such as a fall or a visit before them) — a
 *   year or an age after them is looked through.
 * Anything else leaves the text the patient's: "Hoftebrud efter fald hjemme hos datter",
 * "Hoftebrud 2024 (gled på isen hos datteren)", "Datter ringede: faldet, hoftebrud",
 * "Sengeliggende, plejes af datter", "Mor til 3, hoftebrud".
 */

/** Parents, siblings, children (rules.md section 1: "first-degree relative"), Danish and English, with the definite forms GPs write. */
const FIRST_DEGREE = new Set([
  'mor', 'moder', 'moderen', 'moren', 'far', 'fader', 'faderen', 'faren', 'forælder', 'forældre', 'forældrene',
  'søster', 'søsteren', 'bror', 'broder', 'broderen', 'søskende', 'datter', 'datteren', 'søn', 'sønnen',
  'mother', 'mum', 'mom', 'father', 'dad', 'parent', 'parents', 'sister', 'brother', 'sibling', 'siblings', 'daughter', 'son',
]);

/** Other relatives, by blood or not: their diseases are neither the patient's nor a first-degree family history. */
const OTHER_RELATIVE = new Set([
  'mormor', 'morfar', 'farmor', 'farfar', 'bedstemor', 'bedstefar', 'bedsteforældre', 'oldemor', 'oldefar',
  'moster', 'faster', 'tante', 'morbror', 'farbror', 'onkel', 'fætter', 'kusine', 'niece', 'nevø', 'barnebarn',
  'svigermor', 'svigerfar', 'svigerdatter', 'svigersøn', 'halvsøster', 'halvbror', 'stedmor', 'stedfar',
  'ægtefælle', 'ægtefællen', 'ægtemand', 'hustru', 'samlever',
  'grandmother', 'grandfather', 'grandparent', 'grandparents', 'grandma', 'grandpa', 'aunt', 'uncle', 'cousin',
  'nephew', 'grandchild', 'grandson', 'granddaughter', 'mother-in-law', 'father-in-law', 'half-sister', 'half-brother',
  'stepmother', 'stepfather', 'husband', 'wife', 'spouse',
]);

/** "Maternal hip fracture" is the mother's; "Maternal grandmother: …" a grandmother's. */
const SIDE_OF_FAMILY = new Set(['maternal', 'paternal']);

export type RelativeDegree = 'first-degree' | 'other';

export interface RelativeSubject {
  readonly degree: RelativeDegree;
  /** The text without the words naming the relative: what it says the relative has. */
  readonly about: string;
}

/** Cheap test before any part is looked at: most texts name no relative at all. */
const ANY_RELATIVE =
  /(?:^|[^a-zæøå])(?:mor|moder|far|fader|forældr|søst|bror|broder|søskende|datter|søn|mother|mum|mom|father|dad|parent|sister|brother|sibling|daughter|son|bedste|olde|moster|faster|tante|onkel|fætter|kusine|niece|nevø|barnebarn|sviger|halv|sted|ægte|hustru|samlever|grand|aunt|uncle|cousin|nephew|maternal|paternal|step|husband|wife|spouse)/;

const WORD_AT_START = /^[a-zæøå'’-]+/;
/** Words before the relative that keep it the subject: a bullet, a family-history heading, the patient's ("Pt.s mor", "Her mother"). */
const LEAD_IN = /^(?:[-•*–]\s*)?(?:(?:fh|family history|familiær disposition|disposition|arvelig disposition|familie)\s*:\s*)?(?:(?:pt\.?s|pts|patientens|patient's|patient’s|her|his|hendes|hans)\s+)?/;
/** After a relative first word: what links them to the disease ("Mor med …", "Far: …", "Mother had …"). */
const LINK = /^(?:[:,–-]|(?:med|m\.|har|havde|fik|døde af|død af|with|has|had|died of|w\/)(?:\s|$))/;
/** Or the disease itself straight after the relative ("FH: mother hip fracture", "Mor hoftebrud"). */
const DISEASE_FIRST = /^(?:osteopor|hoftebrud|hoftefraktur|lårbenshals|collum|hip|fractur|fraktur|brud|knogleskørhed)/;
/** A word pointing back at the patient: the statement is about them after all. */
const PATIENT_CUE = /\b(?:patient(?:en)?|pt|hun|han|she|he|selv|herself|himself)\b/;
const PATIENT_AS_RELATIVE = /^(?:til|of)\b/;

/** Before a closing "hos <relative>": words that make the relative where something happened, not who has it. */
const PLACE_OF_EVENT = /\b(?:fald|faldt|falder|faldet|gled|snublede|efter|besøg|ferie|hjemme|bor|boede|ringede|fandt|fell|fall|falls|slipped|tripped|after|visit|visiting|staying|home|found)\b/;
/** Trailing words looked through after a closing relative: a year, an age, "diagnosticeret". */
const TAIL = /^(?:\d{1,4}|i|in|at|age|aged|år|års|years?|old|som|diagnosticeret|diagnosed|dx|ca|ved|omkring)$/;
/** At most this many words name the disease before a closing "hos <relative>". */
const CLOSING_ABOUT_WORDS = 4;

/** Whether the text names a relative anywhere (most texts do not: then nothing else is looked at). */
export function mentionsRelative(lowerText: string): boolean {
  return ANY_RELATIVE.test(lowerText);
}

function degreeOf(word: string): RelativeDegree | undefined {
  if (FIRST_DEGREE.has(word)) return 'first-degree';
  if (OTHER_RELATIVE.has(word)) return 'other';
  return undefined;
}

/** "mors", "mother's": the relative the possessive names, if any. */
function possessed(word: string): RelativeDegree | undefined {
  const base = word.endsWith("'s") || word.endsWith('’s') ? word.slice(0, -2) : word.endsWith('s') ? word.slice(0, -1) : undefined;
  return base === undefined ? undefined : degreeOf(base);
}

/** The first word and what follows it. */
function firstWord(text: string): { readonly word: string; readonly rest: string } | undefined {
  const trimmed = text.trimStart();
  const word = WORD_AT_START.exec(trimmed)?.[0];
  return word === undefined ? undefined : { word, rest: trimmed.slice(word.length).trimStart() };
}

/** A relative as the first word: "Mor med hoftebrud", "Mors søster: …", "Maternal hip fracture". */
function openingRelative(part: string): RelativeSubject | undefined {
  const first = firstWord(part);
  if (first === undefined) return undefined;
  const bare = degreeOf(first.word);
  if (bare !== undefined) {
    // "Mor til 3", "Mother of two": the patient is the relative. "Datter ringede: …": no link, the patient's.
    if (PATIENT_AS_RELATIVE.test(first.rest) || !(LINK.test(first.rest) || DISEASE_FIRST.test(first.rest))) return undefined;
    return { degree: bare, about: first.rest };
  }
  const owner = SIDE_OF_FAMILY.has(first.word) ? 'first-degree' : possessed(first.word);
  if (owner === undefined) return undefined;
  // "Mors søster …" is an aunt; "Mors hoftebrud" is the mother's own.
  const next = firstWord(first.rest);
  if (next !== undefined && degreeOf(next.word) !== undefined) return { degree: 'other', about: next.rest };
  return { degree: owner, about: first.rest };
}

/** A word as written, without the brackets and punctuation around it. */
function bare(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && '(['.includes(word[from] as string)) from++;
  while (to > from && ')],.;:'.includes(word[to - 1] as string)) to--;
  return word.slice(from, to);
}

const CONNECTORS: ReadonlySet<string> = new Set(['og', 'eller', 'and', 'or', '/', '&']);
/** "Osteoporose hos mor", "Hip fracture in (her) mother". */
const OF_WHOM: ReadonlySet<string> = new Set(['hos', 'in']);
const PRONOUNS: ReadonlySet<string> = new Set(['her', 'his', 'hendes', 'hans', 'patientens']);

/** Relatives as the last words, after "hos"/"in" or in brackets: "Osteoporose hos mor og moster", "Hoftebrud (mor)". */
function closingRelatives(part: string): RelativeSubject | undefined {
  const words = part.split(' ').filter((w) => w !== '');
  let at = words.length - 1;
  while (at >= 0 && TAIL.test(bare(words[at] as string))) at -= 1;
  const degrees: RelativeDegree[] = [];
  let opened = false;
  for (;;) {
    const word = words[at];
    const degree = word === undefined ? undefined : degreeOf(bare(word));
    if (degree === undefined) break;
    degrees.push(degree);
    at -= 1;
    if (word?.startsWith('(') === true) {
      opened = true;
      break;
    }
    if (!CONNECTORS.has(words[at] ?? '')) break;
    at -= 1;
  }
  if (degrees.length === 0) return undefined;
  let end = at + 1;
  if (!opened) {
    if (PRONOUNS.has(words[at] ?? '')) at -= 1;
    if (!OF_WHOM.has(words[at] ?? '')) return undefined;
    end = at;
  }
  const aboutWords = words.slice(0, end);
  const about = aboutWords.join(' ');
  // "Hoftebrud, faldt hos datter", "Hoftebrud 2024 (gled på isen hos datteren)": where the patient
  // fell or was, not whose fracture it is.
  if (aboutWords.length === 0 || aboutWords.length > CLOSING_ABOUT_WORDS || /[,;()–]|\s-\s/.test(about) || PLACE_OF_EVENT.test(about) || PATIENT_CUE.test(about)) return undefined;
  return { degree: degrees.includes('first-degree') ? 'first-degree' : 'other', about };
}

/** The relative who is the subject of one statement of a text (lower case), or undefined when the patient is. */
export function relativeSubject(part: string): RelativeSubject | undefined {
  if (!mentionsRelative(part)) return undefined;
  // "Pt.s mor …", "Her mother …": the lead-in names whose relative it is, not the patient as subject.
  const body = part.trimStart().replace(LEAD_IN, '');
  if (PATIENT_CUE.test(body)) return undefined;
  return openingRelative(body) ?? closingRelatives(body);
}

/** Where one statement ends: the text and each display (`|`), a `;`, a full stop before the next sentence (not "st.p."). */
const STATEMENT_END = /(\||;|\.\s)/;

/** The statements of a text (lower case), each with its separator after it (joined again, they are the text). */
export function statementsOf(lowerText: string): string[] {
  return lowerText.split(STATEMENT_END);
}

/** The text with each statement whose subject is a relative blanked ("Apopleksi; mor med hoftebrud" keeps the stroke). */
export function withoutRelatives(lowerText: string): string {
  if (!mentionsRelative(lowerText)) return lowerText;
  return statementsOf(lowerText)
    .map((part, i) => (i % 2 === 1 || relativeSubject(part) === undefined ? part : ' '))
    .join('');
}
