/**
 * A problem-list text about a relative, not the patient: "Mor med hoftebrud", "Far: osteoporose",
 * "Mors søster – hoftebrud", "Mother had a hip fracture", "Osteoporose hos mor", "Hip fracture in
 * mother". GPs write family history into the problem list this way; read as the patient's own, "Mor
 * med hoftebrud" had made a 74-year-old woman's possible hip fracture and "start alendronate".
 *
 * Only a relative who is the text's subject counts — the first word, or the last words after "hos" /
 * "in" or in brackets. A relative named elsewhere leaves the text the patient's: "Hoftebrud efter
 * fald hjemme hos datter", "Sengeliggende, plejes af datter" [choice: the narrow reading; a text
 * about a relative that does not open or end with them is still read as the patient's].
 */

/** Parents, siblings, children (rules.md section 1: "first-degree relative"), Danish and English, with the definite forms GPs write. */
const FIRST_DEGREE = new Set([
  'mor', 'moder', 'moderen', 'moren', 'far', 'fader', 'faderen', 'faren', 'forælder', 'forældre', 'forældrene',
  'søster', 'søsteren', 'bror', 'broder', 'broderen', 'søskende', 'datter', 'datteren', 'søn', 'sønnen',
  'mother', 'mum', 'mom', 'father', 'dad', 'parent', 'parents', 'sister', 'brother', 'sibling', 'siblings', 'daughter', 'son',
]);

/** Other relatives: their diseases are neither the patient's nor a first-degree family history. */
const OTHER_RELATIVE = new Set([
  'mormor', 'morfar', 'farmor', 'farfar', 'bedstemor', 'bedstefar', 'bedsteforældre', 'oldemor', 'oldefar',
  'moster', 'faster', 'tante', 'morbror', 'farbror', 'onkel', 'fætter', 'kusine', 'niece', 'nevø', 'barnebarn',
  'svigermor', 'svigerfar', 'halvsøster', 'halvbror',
  'grandmother', 'grandfather', 'grandparent', 'grandparents', 'grandma', 'grandpa', 'aunt', 'uncle', 'cousin',
  'nephew', 'grandchild', 'grandson', 'granddaughter', 'mother-in-law', 'father-in-law', 'half-sister', 'half-brother',
  'maternal', 'paternal',
]);

export type RelativeDegree = 'first-degree' | 'other';

export interface RelativeSubject {
  readonly degree: RelativeDegree;
  /** The text without the words naming the relative: what it says the relative has. */
  readonly about: string;
}

/** Cheap test before any part is looked at: most texts name no relative at all. */
const ANY_RELATIVE =
  /\b(?:mor|moder|far|fader|forældr|søst|bror|broder|søskende|datter|søn|mother|mum|mom|father|dad|parent|sister|brother|sibling|daughter|son|bedste|olde|moster|faster|tante|onkel|fætter|kusine|niece|nevø|barnebarn|sviger|halv|grand|aunt|uncle|cousin|nephew|maternal|paternal)/;

const WORD_AT_START = /^[a-zæøå'’-]+/;
const CONNECTORS: ReadonlySet<string> = new Set(['og', 'eller', 'and', 'or', '/']);
/** "Osteoporose hos mor", "Hip fracture in (her) mother". */
const OF_WHOM: ReadonlySet<string> = new Set(['hos', 'in']);
const PRONOUNS: ReadonlySet<string> = new Set(['her', 'his', 'patientens']);

const PATIENT_AS_RELATIVE = /^(?:til|of)\b/;

/** Before a closing "hos <relative>": words that make the relative where something happened, not who has it. */
const PLACE_OF_EVENT = /[,;]|\b(?:fald|faldt|falder|efter|besøg|ferie|hjemme|bor|boede|fell|fall|falls|after|visit|visiting|staying|home)\b/;

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

/** A relative as the first word: "Mor med hoftebrud", "Mors søster: …", "Mother's hip fracture". */
function openingRelative(part: string): RelativeSubject | 'patient' | undefined {
  const first = firstWord(part);
  if (first === undefined) return undefined;
  const bare = degreeOf(first.word);
  // "Mor til 3", "Mother of two": the patient is the relative, the text is the patient's.
  if (bare !== undefined) return PATIENT_AS_RELATIVE.test(first.rest) ? 'patient' : { degree: bare, about: first.rest };
  const owner = possessed(first.word);
  if (owner === undefined) return undefined;
  // "Mors søster …" is an aunt; "Mors hoftebrud" is the mother's own.
  const next = firstWord(first.rest);
  if (next !== undefined && degreeOf(next.word) !== undefined) return { degree: 'other', about: next.rest };
  return { degree: owner, about: first.rest };
}

/** Relatives as the last words, after "hos"/"in" or in brackets: "Osteoporose hos mor og moster", "Hoftebrud (mor)". */
function closingRelatives(part: string): RelativeSubject | undefined {
  let text = part.trimEnd();
  if (text.endsWith('.')) text = text.slice(0, -1).trimEnd();
  const bracketed = text.endsWith(')');
  if (bracketed) text = text.slice(0, -1);
  const words = text.split(' ').filter((w) => w !== '');
  const degrees: RelativeDegree[] = [];
  let at = words.length - 1;
  for (;;) {
    const word = words[at];
    const degree = word === undefined ? undefined : degreeOf(bracketed && word.startsWith('(') ? word.slice(1) : word);
    if (degree === undefined) break;
    degrees.push(degree);
    if (bracketed && word?.startsWith('(') === true) {
      at -= 1;
      break;
    }
    if (!CONNECTORS.has(words[at - 1] ?? '')) {
      at -= 1;
      break;
    }
    at -= 2;
  }
  if (degrees.length === 0) return undefined;
  const opened = bracketed && (words[at + 1] ?? '').startsWith('(');
  let marker = at;
  if (!opened) {
    if (PRONOUNS.has(words[marker] ?? '')) marker -= 1;
    if (!OF_WHOM.has(words[marker] ?? '')) return undefined;
  }
  const about = words.slice(0, opened ? at + 1 : marker).join(' ');
  // "Hoftebrud, faldt hos datter": where the patient fell, not whose fracture it is.
  if (PLACE_OF_EVENT.test(about)) return undefined;
  return { degree: degrees.includes('first-degree') ? 'first-degree' : 'other', about };
}

/** The relative who is the subject of one part of a text (lower case), or undefined when the patient is. */
export function relativeSubject(part: string): RelativeSubject | undefined {
  if (!mentionsRelative(part)) return undefined;
  const opening = openingRelative(part);
  if (opening === 'patient') return undefined;
  return opening ?? closingRelatives(part);
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
