/**
 * Fractures from Conditions (rules.md section 1, "Low-energy fracture").
 *
 * Site: from the most specific information on the Condition — a SNOMED CT or ICD-10 S-code/M48.5
 * coding, else `bodySite`, else the site character of an osteoporotic-fracture code (WHO/SKS
 * M80.x5 "pelvic region and thigh" → hip, M80.x8 "other site", which includes the vertebral column,
 * → spine [choice]; ICD-10-CM M80.0x5/M80.0x8 likewise), else a weak ICPC-2 code (L75 → hip,
 * L72 → forearm, L76 → other), else `other`.
 *
 * Mechanism: `low-energy` when coded osteoporotic (M80 family, SNOMED osteoporotic fracture
 * concepts) or flagged low-energy (an extension whose url names low-energy/fragility/lavenergi with
 * valueBoolean true, or text such as "lavenergi", "fragility", "osteoporotisk"); `high-energy` when
 * flagged so (valueBoolean false, "højenergi", "trafikuheld", "faldt fra stige", or a negated
 * low-energy word: "Ikke lavenergibrud", "Not a low-energy fracture"); else `unknown`. Any
 * (affirmed) low-energy evidence wins over high-energy evidence [choice]. Whether unknown counts as *possible* is the
 * rules' call. Atypical femoral fractures (M84.75) and stress fractures (M84.3) are never
 * fractures here. One Condition is one fracture, however many codings it has.
 *
 * Text (terminology.md line 14: an unbound SNOMED descendant is matched on its display text): when
 * no coding matched a fracture concept, a code text or display that clearly names a fracture at a
 * site we know ("Closed fracture of neck of femur", "Hoftebrud", "brud på håndleddet") is a
 * fracture of that site (condition-text.ts says what is not: negated, history, stress, atypical,
 * pathological without osteoporosis, dental; an unknown site). Its code is the Condition's first
 * coding (or the text). One naming osteoporosis is low-energy [choice: an osteoporotic fracture is
 * a fragility fracture by definition, as the M80 codes are read].
 */
import type { CodingMatch } from '../terminology/index.js';
import { parseFhirDate, type LocalDate } from '../time/local-date.js';
import { codings, conceptText, conceptWords, extensions, get, getBool, getStr, list, lookup, noteText, referencedId, type Coding } from './accessors.js';
import { fractureSiteFromText } from './body-sites.js';
import { fractureSiteOfAffirmed } from './condition-text.js';
import { FRACTURE, FRACTURE_SITE_CONCEPTS } from './concepts.js';
import { vertebraOf } from './vertebrae.js';
import { onsetDate, partialOnsetEnd } from './onset.js';
import type { Fracture, FractureMechanism, FractureSide, FractureSite, Ref, SourceCode } from './types.js';
import type { JsonObject } from '../shared/json.js';

export interface CodedMatch {
  readonly coding: Coding;
  readonly match: CodingMatch;
}

const LOW_ENERGY_URL = /low-?energy|fragility|lavenergi/i;
const NEGATION = String.raw`\b(?:ikke|ingen|intet|uden|not|no|non|without)(?:[ -][^ .;:,|-]+){0,3}?[ -]`;
/** Words that name a fracture low-energy ("lavenergibrud", "fragility fracture", "osteoporotisk"). */
const LOW_ENERGY_WORDS = String.raw`lavenergi|low[- ]energy|fragility|osteoporoti`;
/**
 * A fall on the level, low energy by the card's own measure (rules.md section 1: "from standing
 * height or less"): "fald i eget niveau", "faldt fra egen højde", "faldt fra stående stilling",
 * "ground-level fall", "fall from standing (height)" — not from standing on a chair or a ladder. Said of a fall only: "mobiliseret til eget niveau" is how the patient walks.
 */
const LEVEL_FALL = String.raw`(?:fald|faldt|faldet) (?:om |omkuld )?(?:i|på) (?:eget|samme) niveau|(?:fald|faldt|faldet) (?:ned )?fra (?:egen|stående) højde|(?:fald|faldt|faldet) (?:ned )?fra stående stilling(?!(?:[^.;|]|\d\.){0,60}? (?:på|fra|ad|af|i)(?: [^ ;:,|]+){0,3}? [^ .;:,|]*?(?:stol|taburet|skammel|stige|trappe|trin|bænk|seng|tag|stillads|vindueskarm|altan|bord)(?:n|en|et|e|ne|r|rne|erne|s|ens|ns)?(?![a-zæøå]))|ground[- ]level fall|same[- ]level fall|(?:fall|fell) from (?:a )?standing(?! (?:height |position )?(?:up )?(?:on|upon|atop|in) (?:[^ .;:,|]+ ){0,4}?(?:chair|stool|ladder|table|steps?|bench|box|bed|roof|scaffold|windowsill|wall|counter|trailer|tree)s?\b)(?: height| position)?|standing height fall`;
/**
 * A fall from *more* than standing height — the card's line between low and high energy, said the
 * other way: "fald fra mere end (sin) egen højde", "fall from greater than standing height".
 */
const ABOVE_STANDING = String.raw`(?:(?:mere|højere|større) end|over) (?:sin )?(?:egen|stående) højde|(?:greater|higher|more) than (?:standing|own|their own) height|above standing height`;
/**
 * High energy: a road accident ("trafikuheld", "motorcykeluheld", "påkørt af bil", "MVA"), or a fall
 * from a height ("fra stige", "fald fra 2. sal", "fell from a balcony"). Words that say an accident
 * but not its force ("arbejdsulykke", "cykeluheld", "påkørt af cyklist", "knust ryghvirvel") stay
 * unknown: the card then asks the GP to clarify the mechanism [choice, the safer reading].
 */
const HIGH_ENERGY_WORDS = [
  'højenergi',
  'high[- ]energy',
  'trafik(?:ulykke|uheld)',
  'færdsels(?:ulykke|uheld)',
  'bil(?:ulykke|uheld)',
  'motorcykel(?:ulykke|uheld|styrt)',
  'påkørt af (?:en )?(?:bil|lastbil|bus|motorcykel|knallert|tog)',
  'traffic accident',
  'road traffic',
  'motor vehicle',
  'motorcycle (?:accident|crash|collision)',
  'car (?:accident|crash)',
  String.raw`\bmv[ac]\b`,
  '(?:hit|struck) by (?:a )?(?:car|vehicle|truck|bus)',
  String.raw`faldt? (?:ned )?fra (?:en |et )?(?:stige|tag|altan|stillads|højde|\d+(?:[,.]\d+)? ?m\b|(?:\d+\.|første|anden|tredje|fjerde) sal)`,
  String.raw`(?:fall|fell) from (?:a )?(?:height|ladder|roof|balcony|scaffold|\d+(?:\.\d+)? ?m\b)`,
].join('|');

const LOW_ENERGY_TEXT = new RegExp(`${LOW_ENERGY_WORDS}|${LEVEL_FALL}`);
const HIGH_ENERGY_TEXT = new RegExp(HIGH_ENERGY_WORDS);
const ABOVE_STANDING_TEXT = new RegExp(ABOVE_STANDING, 'g');
/**
 * A low-energy word under a negation a few words before it ("Ikke lavenergibrud", "Ingen mistanke
 * om osteoporotisk brud", "Not a low-energy fracture"): says the fracture was *not* low-energy.
 */
const NEGATED_LOW_ENERGY = new RegExp(`${NEGATION}(?:${LOW_ENERGY_WORDS})`, 'g');
/** A level fall under a negation ("not a ground-level fall"): no evidence either way — a fall on the level is not all there is. */
const NEGATED_LEVEL_FALL = new RegExp(`${NEGATION}(?:${LEVEL_FALL})`, 'g');
/**
 * High energy under a negation ("Ikke højenergitraume", "ikke trafikuheld", "no MVA", "faldet var ikke
 * fra mere end egen højde"): no evidence of high energy.
 */
const NEGATED_HIGH_ENERGY = new RegExp(`${NEGATION}(?:${HIGH_ENERGY_WORDS}|${ABOVE_STANDING})`, 'g');

/** WHO/SKS 5th character and ICD-10-CM site character of M80 codes (same position). */
const M80_SITE: Readonly<Record<string, FractureSite>> = {
  '1': 'other', // shoulder region
  '2': 'upper-arm',
  '3': 'forearm',
  '4': 'other', // hand
  '5': 'hip', // WHO: pelvic region and thigh; ICD-10-CM: femur
  '6': 'other',
  '7': 'other',
  '8': 'spine', // WHO: other site (incl. vertebral column) [choice]; ICD-10-CM: vertebra(e)
};

/** Atypical femoral and stress fractures, by code or by name. */
function isNeverFracture(textConcepts: ReadonlySet<string>, matches: readonly CodedMatch[]): boolean {
  const never = (concept: string): boolean => concept === FRACTURE.excluded || concept === FRACTURE.atypicalFemoral;
  for (const c of textConcepts) if (never(c)) return true;
  return matches.some((m) => never(m.match.concept));
}

/**
 * The fracture a Condition records, if any.
 * @param matches condition-kind matches of the Condition's codings, in coding order
 * @param textConcepts condition concepts found in the Condition's text
 * @param text the Condition's code text (`conceptWords`) and its `affirmedText`, read once by readCondition
 */
export function fractureOf(
  condition: JsonObject,
  ref: Ref,
  matches: readonly CodedMatch[],
  textConcepts: ReadonlySet<string>,
  birthDate: LocalDate | undefined,
  text: { readonly words: string; readonly affirmed: string },
): Fracture | undefined {
  if (isNeverFracture(textConcepts, matches)) return undefined;
  const fractureMatches = matches.filter((m) => m.match.concept.startsWith('fracture-'));
  if (fractureMatches.length === 0) return fractureFromText(condition, ref, birthDate, text);

  const strongSite = fractureMatches.find((m) => !m.match.weak && lookup(FRACTURE_SITE_CONCEPTS, m.match.concept) !== undefined);
  const weakSite = fractureMatches.find((m) => m.match.weak && lookup(FRACTURE_SITE_CONCEPTS, m.match.concept) !== undefined);
  const osteoporotic = fractureMatches.filter((m) => m.match.concept === FRACTURE.osteoporotic);

  let site: FractureSite | undefined = lookup(FRACTURE_SITE_CONCEPTS, strongSite?.match.concept);
  site ??= fractureSiteFromText(conceptWords(condition.bodySite));
  if (site === undefined) {
    for (const m of osteoporotic) {
      site = m80Site(m);
      if (site !== undefined) break;
    }
  }
  // No coded site: perhaps the diagnosis of a fracture recorded elsewhere (conditions.ts
  // `withoutBareDiagnoses`, which matches a site its text names to an earlier fracture of that site).
  const diagnosis = site === undefined && weakSite === undefined && !fractureMatches.every(isHistoryCode) ? diagnosisOf(condition, fractureMatches, birthDate) : undefined;
  // A code with no site (SKS DM800, SNOMED 443165006 "osteoporotic fracture") whose text names one
  // ("Osteoporotisk hoftebrud", "kompressionsfraktur L1"): the text is then the most specific
  // information (rules.md section 1); the same text with no bound code was already read so.
  site ??= fractureSiteFromText(text.affirmed);
  if (site === undefined) site = lookup(FRACTURE_SITE_CONCEPTS, weakSite?.match.concept);
  site ??= 'other';

  const codeSource = strongSite ?? osteoporotic[0] ?? fractureMatches.find((m) => !m.match.weak) ?? fractureMatches[0];
  // A personal-history code records a fracture at some time, not one on the day it was written down.
  const history = fractureMatches.every(isHistoryCode);
  const date = history ? historyOnset(condition, birthDate) : fractureDate(condition, birthDate);
  const latestDate = date === undefined || history ? undefined : partialOnsetEnd(condition);
  // Undated, a history record still shows the fracture was no later than the day it was written down.
  const notAfter = history && date === undefined ? (parseFhirDate(condition.recordedDate) ?? parseFhirDate(condition.assertedDate)) : undefined;
  const weak = fractureMatches.every((m) => m.match.weak);
  const followUp = isFollowUp(fractureMatches);
  const side = sideOf(fractureMatches);
  const spine = site === 'spine' ? vertebraOf(codings(condition.code), conceptWords(condition.bodySite), conceptWords(condition.code)) : undefined;
  return {
    site,
    ...(spine?.vertebra === undefined ? {} : { vertebra: spine.vertebra }),
    ...(spine === undefined || spine.count < 2 ? {} : { count: spine.count }),
    ...(date === undefined ? {} : { date }),
    ...(latestDate === undefined ? {} : { latestDate }),
    ...(notAfter === undefined ? {} : { notAfter }),
    mechanism: mechanismOf(condition, osteoporotic.length > 0),
    ref,
    code: toSourceCode(codeSource?.coding),
    ...(weak ? { weak: true } : {}),
    ...(followUp ? { followUp: true as const } : {}),
    ...(side === undefined ? {} : { side }),
    ...(diagnosis === undefined ? {} : { diagnosisOf: diagnosis }),
  };
}

/** WHO ICD-10 and SKS: the Danish diagnosis codes, where M80 without its site character is the diagnosis. */
const DIAGNOSIS_SYSTEMS: ReadonlySet<string> = new Set(['icd10', 'sks']);

/**
 * A record naming no site that may be the diagnosis of a fracture recorded elsewhere
 * (conditions.ts `withoutBareDiagnoses`): the fractures its `evidence.detail` points at (the
 * service's own "add the diagnosis" suggestion names them), or — carrying a WHO ICD-10 / SKS code
 * (M80.0, DM800: the Danish diagnosis) — any earlier fracture of a known site (`'earlier'`). A
 * SNOMED or ICD-10-CM "pathological fracture due to osteoporosis" (443165006, M80.00XA) is the
 * fracture event it is in US records, unless a fracture of a known site was recorded the same day
 * (`'same-day'`): Synthea records each osteoporotic fracture as its site's fracture plus that code
 * (terminology.md section 5), one event that had counted as two — a false "fractures on treatment".
 */
function diagnosisOf(condition: JsonObject, matches: readonly CodedMatch[], birthDate: LocalDate | undefined): readonly Ref[] | 'earlier' | 'entered' | 'same-day' | undefined {
  const linked: Ref[] = [];
  for (const evidence of list(condition.evidence)) {
    for (const detail of list(get(evidence, 'detail'))) {
      const id = referencedId(getStr(detail, 'reference') ?? '', 'Condition');
      if (id !== undefined) linked.push(`Condition/${id}`);
    }
  }
  if (linked.length > 0) return linked;
  if (!matches.some((m) => DIAGNOSIS_SYSTEMS.has(m.match.systemKey))) return 'same-day';
  // With no onset its date is the day it was entered: the diagnosis of any earlier fracture (conditions.ts).
  return onsetDate(condition, birthDate) === undefined ? 'entered' : 'earlier';
}

/** The fallback when no coding is a bound fracture code: the fracture the code text names, if any. */
function fractureFromText(condition: JsonObject, ref: Ref, birthDate: LocalDate | undefined, { words, affirmed }: { readonly words: string; readonly affirmed: string }): Fracture | undefined {
  if (affirmed === '') return undefined;
  const site = fractureSiteOfAffirmed(affirmed, conceptWords(condition.bodySite));
  if (site === undefined) return undefined;
  const date = fractureDate(condition, birthDate);
  const latestDate = date === undefined ? undefined : partialOnsetEnd(condition);
  const spine = site === 'spine' ? vertebraOf(codings(condition.code), conceptWords(condition.bodySite), words) : undefined;
  return {
    site,
    ...(spine?.vertebra === undefined ? {} : { vertebra: spine.vertebra }),
    ...(spine === undefined || spine.count < 2 ? {} : { count: spine.count }),
    ...(date === undefined ? {} : { date }),
    ...(latestDate === undefined ? {} : { latestDate }),
    mechanism: mechanismOf(condition, /osteopor/.test(affirmed)),
    ref,
    code: textSourceCode(condition.code),
  };
}

/**
 * ICD-10-CM Z87 "personal history of" codes (Z87.310 personal history of (healed) osteoporosis
 * fracture): the fracture counts, but it is dated only by an explicit onset (`historyOnset`), never
 * by the day the history was recorded [choice: dated by recordedDate it read as a new fracture — on treatment, a
 * false treatment failure]. Undated, it is a prior fracture for the indication, no fracture on
 * treatment, and counts as recent for a pause (rules: "undated counts as recent").
 */
function isHistoryCode(m: CodedMatch): boolean {
  return m.match.systemKey === 'icd10cm' && (m.coding.code ?? '').trim().toUpperCase().startsWith('Z87');
}

/**
 * The fracture date a history record gives: its onset, unless that is the day it was recorded
 * (or asserted) [choice: problem lists often copy the entry date into onset; that dates the entry,
 * not the fracture].
 */
function historyOnset(condition: JsonObject, birthDate: LocalDate | undefined): LocalDate | undefined {
  const onset = onsetDate(condition, birthDate);
  if (onset === undefined) return undefined;
  const entered = [parseFhirDate(condition.recordedDate), parseFhirDate(condition.assertedDate)];
  return entered.includes(onset) ? undefined : onset;
}

/** ICD-10-CM's 7th character of a fracture code: A, B, C the initial encounter; any other letter a later one or a sequela. */
const INITIAL_ENCOUNTER = /^[ABC]$/;

/** Every ICD-10-CM fracture coding of the Condition names a later encounter (none the initial one). */
function isFollowUp(matches: readonly CodedMatch[]): boolean {
  let later = false;
  for (const m of matches) {
    if (m.match.systemKey !== 'icd10cm') continue;
    const code = (m.coding.code ?? '').toUpperCase().replace(/[.\s]/g, '');
    if (code.length !== 7) continue;
    if (INITIAL_ENCOUNTER.test(code.charAt(6))) return false;
    if (/^[A-Z]$/.test(code.charAt(6))) later = true;
  }
  return later;
}

/** The side the first ICD-10-CM fracture coding naming one names. */
function sideOf(matches: readonly CodedMatch[]): FractureSide | undefined {
  for (const m of matches) {
    if (m.match.systemKey !== 'icd10cm') continue;
    const side = icd10cmSide(m.coding.code ?? '');
    if (side !== undefined) return side;
  }
  return undefined;
}

const SIDE_CHARACTER: Readonly<Record<string, FractureSide>> = { '1': 'right', '4': 'right', '7': 'right', '2': 'left', '5': 'left', '8': 'left' };

/** Limb bones, pelvic ring (ilium, acetabulum, pubis, ischium): the 6th character is the side, the 5th when the 6th is the placeholder X (S72.21XA). */
const SIDE_AT_6TH = /^(?:S42|S52|S72|S82|S92|S32[3-6])/;
/** Ribs (S22.31XA one rib, right side; S22.42XA multiple ribs, left side): the 5th character. */
const SIDE_AT_5TH = /^S22[34]/;
/** M80.0x/M80.8x with a limb site (1–7): the 6th character (M80.051A right femur); vertebrae (8) have none. */
const M80_SIDE_AT_6TH = /^M80[08][1-7]/;

/**
 * The side an ICD-10-CM fracture code names. In these families the side character is 1 right,
 * 2 left, and where displaced and nondisplaced (or three kinds) are told apart 4/7 right and
 * 5/8 left (S72.034 nondisplaced midcervical, right); 3, 6, 9 and 0 are unspecified (or bilateral,
 * S22.43). Other families (vertebrae, sternum, hand) use that position for something else: no side.
 */
export function icd10cmSide(raw: string): FractureSide | undefined {
  const code = raw.toUpperCase().replace(/[.\s]/g, '');
  let ch: string;
  if (SIDE_AT_6TH.test(code)) ch = code.charAt(5) === 'X' ? code.charAt(4) : code.charAt(5);
  else if (SIDE_AT_5TH.test(code)) ch = code.charAt(4);
  else if (M80_SIDE_AT_6TH.test(code)) ch = code.charAt(5);
  else return undefined;
  return lookup(SIDE_CHARACTER, ch);
}

function m80Site(m: CodedMatch): FractureSite | undefined {
  const key = m.match.systemKey;
  if (key !== 'icd10' && key !== 'icd10cm' && key !== 'sks') return undefined;
  const code = (m.coding.code ?? '').toUpperCase().replace(/[.\s]/g, '');
  const normalised = key === 'sks' ? code.slice(1) : code;
  if (!normalised.startsWith('M80') || normalised.length < 5) return undefined;
  // ICD-10-CM M80.x0: "unspecified site", no site (WHO's 0 is "multiple sites").
  if (key === 'icd10cm' && normalised.charAt(4) === '0') return undefined;
  return lookup(M80_SITE, normalised.charAt(4)) ?? 'other';
}

function mechanismOf(condition: JsonObject, codedOsteoporotic: boolean): FractureMechanism {
  let flag: boolean | undefined;
  for (const ext of [...extensions(condition), ...extensions(get(condition, 'code'))]) {
    const url = getStr(ext, 'url') ?? '';
    if (!LOW_ENERGY_URL.test(url)) continue;
    const v = getBool(ext, 'valueBoolean');
    if (v !== undefined) flag = flag === true ? true : v;
  }
  if (flag === true || codedOsteoporotic) return 'low-energy';
  // One space between words: the negation pattern then has one way to read each gap.
  const text = `${conceptWords(condition.code)} | ${noteText(condition)}`.replace(/\s+/g, ' ');
  // A negated low-energy word is evidence against it, never for it.
  const affirmed = text.replace(NEGATED_LOW_ENERGY, ' ');
  // "Ikke trafikuheld" must not read as high energy: the fracture would be dropped.
  const highAffirmed = affirmed.replace(NEGATED_HIGH_ENERGY, ' ');
  // "Mere end egen højde" names standing height, as the high-energy side of it.
  const aboveStanding = highAffirmed.replace(ABOVE_STANDING_TEXT, ' ');
  // A high-energy word or a fall from above standing height, said (not denied).
  const highSaid = aboveStanding !== highAffirmed || HIGH_ENERGY_TEXT.test(highAffirmed);
  // Words of both kinds ("påkørt af bil, faldt fra stående stilling"): the record does not settle
  // it, and the card asks (the safer reading) — neither a treatment start nor a dropped fracture.
  // A denied low-energy word beside a level fall ("Ingen tidligere lavenergibrud") is about other fractures.
  if (LOW_ENERGY_TEXT.test(aboveStanding.replace(NEGATED_LEVEL_FALL, ' '))) return flag === false ? 'high-energy' : highSaid ? 'unknown' : 'low-energy';
  if (flag === false || affirmed !== text || highSaid) return 'high-energy';
  return 'unknown';
}

/** onsetDateTime / onsetPeriod.start (else .end) / onsetString (as a date) / onsetAge / recordedDate. */
export function fractureDate(condition: JsonObject, birthDate: LocalDate | undefined): LocalDate | undefined {
  return onsetDate(condition, birthDate) ?? parseFhirDate(condition.recordedDate) ?? parseFhirDate(condition.assertedDate);
}

export function toSourceCode(coding: Coding | undefined): SourceCode {
  if (coding?.system !== undefined && coding.code !== undefined) {
    return { system: coding.system, code: coding.code, ...(coding.display === undefined ? {} : { display: coding.display }) };
  }
  return { system: coding?.system ?? 'urn:osteo-cds:text', code: coding?.code ?? 'text', ...(coding?.display === undefined ? {} : { display: coding.display }) };
}

/** The source code of a match found in text: the concept's first coding, else its text. */
export function textSourceCode(code: unknown): SourceCode {
  const first = codings(code)[0];
  if (first?.system !== undefined && first.code !== undefined) return toSourceCode(first);
  const text = conceptText(code);
  return { system: 'urn:osteo-cds:text', code: 'text', ...(text === undefined ? {} : { display: text }) };
}

/** The first coding of a CodeableConcept, for a text-only match's source code. */
export function firstCoding(concept: unknown): Coding | undefined {
  return codings(concept)[0];
}
