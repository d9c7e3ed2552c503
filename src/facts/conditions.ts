/**
 * Conditions → `ConditionFact` per matched concept (a Condition can match several), fractures,
 * a recorded menopause and tobacco-use records.
 *
 * `active`: clinicalStatus active/recurrence/relapse, or no clinicalStatus (unless an abatement date
 * has passed); inactive/remission/resolved → false. `weak`: matched only through ICPC-2 codes; `nonSpecific`:
 * only through a catch-all code (ICPC-2 T99 "… IKA"), which the rules never take for the concept —
 * unless the Condition's own text names it. A broad code with `unlessNamed` (ICPC-2 D84 "sygdom i
 * spiserør") is the concept unless its text names another disease under it ("refluks").
 * Early menopause is also derived from a menopause record whose onset is before age 45 (rules.md
 * section 1, "menopause before 45").
 */
import { addYears, parseFhirDate, yearsBetween, type LocalDate } from '../time/local-date.js';
import { codings, conceptText, conceptWords, get, statusCode, withDate } from './accessors.js';
import { affirmedText } from './condition-text.js';
import { isConditionConcept } from './concepts.js';
import { familyHistoryInText } from './family-history.js';
import { mentionsRelative, relativeSubject, statementsOf } from './relative-text.js';
import type { Entry, FactsContext } from './context.js';
import { MECHANISM_RANK, withoutFollowUps } from './fracture-count.js';
import { fractureOf, textSourceCode, toSourceCode, type CodedMatch } from './fractures.js';
import { ageYears, dateFromAge, onsetDate } from './onset.js';
import type { Dated } from './dated.js';
import type { ConditionConcept, ConditionFact, Fracture, SourceCode } from './types.js';
import type { JsonObject } from '../shared/json.js';
import type { NameMatch } from '../terminology/index.js';

export interface ConditionFacts {
  readonly conditions: ConditionFact[];
  readonly fractures: Fracture[];
  readonly menopause: Dated<true>[];
  /** Tobacco dependence/use records: current smoker while active. */
  readonly smoking: Dated<boolean>[];
}

export function emptyConditionFacts(): ConditionFacts {
  return { conditions: [], fractures: [], menopause: [], smoking: [] };
}

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
/** No concept named in the text (most Conditions): one shared empty set. */
const NO_CONCEPTS: ReadonlySet<string> = new Set();
const EARLY_MENOPAUSE_AGE = 45;
const FAMILY_HISTORY: ConditionConcept = 'family-history-osteoporosis';
const SMOKING_NOT_CURRENT = 'smoking-not-current';
const DYSPHAGIA: ConditionConcept = 'dysphagia';
const OSTEOPOROSIS: ConditionConcept = 'osteoporosis';

/**
 * The diseases named in text only since the initiation review (a risk factor each, or the
 * osteoporosis diagnosis): not read from a text about the family or a work-up ("Leddegigt i
 * familien", "IBD-udredning", "Osteoporosis screening") — a negation clause blanks
 * only what follows its word, and a false risk factor turns the info card into a treatment warning.
 */
const NAMED_DISEASES: ReadonlySet<string> = new Set([
  'rheumatoid-arthritis',
  'type-1-diabetes',
  'copd',
  'inflammatory-bowel-disease',
  'anorexia-nervosa',
  'hypogonadism',
  'cushing',
  'myeloma',
  OSTEOPOROSIS,
]);
/** About the family ("i familien", "family history"), or a work-up not yet done: the text is not the patient's disease. */
const FAMILY_OR_WORK_UP = /i familien|family history|familiehistorie|familiær disposition|arvelig disposition|disposition til|(?:udredning|udredes|work-?up)(?!\s*(?:er\s+)?(?:afsluttet|færdig|completed|done))/;
/** A screening for osteoporosis is no diagnosis of it (a screening for a complication of a disease the patient has is). */
const OSTEOPOROSIS_SCREENING = /screening/;

/**
 * A text naming one of `NAMED_DISEASES` that is not the patient's own disease: the family, or a
 * work-up not yet done ("udredning afsluttet" is done); for osteoporosis also a screening, and —
 * what a problem-list text says most often of a relative ("Mother has osteoporosis, patient
 * fractured hip") — a text naming a relative at all [choice].
 */
function notThePatientsDisease(concept: string, words: string): boolean {
  if (!NAMED_DISEASES.has(concept)) return false;
  return FAMILY_OR_WORK_UP.test(words) || (concept === OSTEOPOROSIS && (mentionsRelative(words) || OSTEOPOROSIS_SCREENING.test(words)));
}

/**
 * A Condition whose own text speaks of relatives only ("Mor: hoftebrud", "Osteoporose hos mor"),
 * in `code.text` as the GP entered it, else in its displays: its codes are the relative's disease,
 * not the patient's [choice] — "Mor: hoftebrud" coded L75 or DS720 had been the patient's own
 * possible hip fracture (and "start alendronate") beside the mother's family history, and "Mor:
 * osteoporose" coded L95 the patient's diagnosis. A text that also speaks of the patient
 * ("Hoftebrud. Mor havde også hoftebrud") keeps its codes: hiding the patient's own is the worse error.
 */
function aboutRelativesOnly(code: unknown, words: string): boolean {
  const own = conceptText(code)?.toLowerCase() ?? words;
  if (!mentionsRelative(own)) return false;
  const statements = statementsOf(own).filter((part, i) => i % 2 === 0 && part.trim() !== '');
  return (
    statements.length > 0 &&
    statements.every((part) => {
      const relative = relativeSubject(part);
      return relative !== undefined && onlyTheirDisease(relative.about);
    })
  );
}

/**
 * What the relative has, followed by more: a second clause, an "also", an "and", the patient's "own",
 * a fall, a "since" — "Mor havde hoftebrud, nu også hoftebrud", "Mor: hoftebrud og egen hoftebrud
 * 2024", "Mor: hoftebrud 1990 samt hoftebrud 2024", "Datter: faldet, hoftebrud", "Søn har hjulpet
 * siden hoftebrud" may be the patient's own, and the codes stay [choice: the safer reading].
 */
const MORE_THAN_THE_RELATIVE =
  /(?:^|[^a-zæøå])(?:også|nu|selv|egen|eget|samt|og|ligeledes|tillige|ligesom|hende|ham|siden|hjulpet|fald|faldt|faldet|gled|snublede|efter|also|too|as well|and|own|now|since|herself|himself|fell|fall|slipped|tripped|after|helped)(?![a-zæøå])/;

/** Words at the end that say no more than when or how old ("Mor med hoftebrud, 85 år", "… i 2015"). */
const YEAR = /^\d{4}$/;
const AGE = /^\d{1,3}$/;
const AGE_WORDS: ReadonlySet<string> = new Set(['år', 'year', 'years', 'old', 'gammel', 'i', 'in', 'aged', 'age']);
/** The link before the disease ("Mor: …", "Søster – …"). */
const LINK_AT_START = /^[:–-]+$/;
/** A word and nothing else: a line break, a slash, a bracket, a full stop or a number in it is more than the relative's disease. */
const WORD = /^[a-zæøå'’]+$/;
/** At most this many words ("med hoftebrud", "had a hip fracture"). */
const MAX_DISEASE_WORDS = 5;

/** What the relative has, and nothing more (rules.md: hiding the patient's own is the worse error). */
function onlyTheirDisease(about: string): boolean {
  // Split at spaces only: a line break stays inside a word, which is then no word.
  const words = about.split(' ').filter((w) => w !== '');
  if (words.length > 0 && LINK_AT_START.test(words[0] ?? '')) words.shift();
  // A trailing ", 85 år" / "i 2015" / ", 2015" goes, and with it the comma before it.
  let end = words.length;
  while (end > 0 && (YEAR.test(words[end - 1] ?? '') || AGE.test(words[end - 1] ?? '') || AGE_WORDS.has(words[end - 1] ?? ''))) end -= 1;
  const said = words.slice(0, end);
  if (end < words.length && end > 0) said[end - 1] = (said[end - 1] ?? '').replace(/,$/, '');
  // Words only (a comma, a dash or a plus is more), and none that adds the patient's own.
  return said.length > 0 && said.length <= MAX_DISEASE_WORDS && said.every((w) => WORD.test(w)) && !MORE_THAN_THE_RELATIVE.test(said.join(' '));
}

export function readCondition(entry: Entry, ctx: FactsContext, out: ConditionFacts): void {
  const condition = entry.resource;
  const t = ctx.terminology;
  const words = conceptWords(condition.code);
  const relatives = aboutRelativesOnly(condition.code, words);
  const matches: CodedMatch[] = [];
  let notSmoking = false;
  for (const coding of relatives ? [] : codings(condition.code)) {
    for (const match of t.matchCoding(coding.system, coding.code)) {
      if (match.kind === 'condition') matches.push({ coding, match });
      else if (match.concept === SMOKING_NOT_CURRENT) notSmoking = true;
    }
  }
  // "Ex-smoker" / "Never smoked" on the problem list (SNOMED 8517006, 266919005): not smoking since
  // it was recorded — a later entry than an old active F17 ends that smoking (build-facts.ts `latestSmoking`).
  if (notSmoking) out.smoking.push({ value: false, ref: entry.ref, ...withDate(onsetDate(condition, ctx.birthDate) ?? parseFhirDate(condition.recordedDate) ?? parseFhirDate(condition.assertedDate)) });
  // Names only count where the text affirms them: "No history of stroke", "Risk of myocardial
  // infarction" and "Heat stroke" name no stroke or infarction (condition-text.ts). A text about
  // relatives alone names nothing of the patient's (its displays neither).
  const affirmed = relatives ? '' : affirmedText(words);
  const named = affirmed === '' ? [] : t.matchNames('condition', affirmed);
  const names = named.length === 0 ? named : named.filter((m) => !notThePatientsDisease(m.concept, words));
  let textConcepts: ReadonlySet<string> = names.length === 0 ? NO_CONCEPTS : new Set(names.map((m) => m.concept));
  const underCodeOnly = namedOnlyUnderCode(names);
  // "Mor med hoftebrud" is no fracture of the patient's (affirmedText leaves it out) but a family history.
  if (familyHistoryInText(words)) textConcepts = new Set([...textConcepts, FAMILY_HISTORY]);
  // Before the early return: a fracture code no binding knows is still read from its text (fractures.ts).
  const fracture = fractureOf(condition, entry.ref, matches, textConcepts, ctx.birthDate, { words, affirmed });
  if (fracture !== undefined) out.fractures.push(fracture);
  if (matches.length === 0 && textConcepts.size === 0) return;

  const onset = onsetDate(condition, ctx.birthDate);
  const abatement =
    parseFhirDate(condition.abatementDateTime) ??
    parseFhirDate(get(condition.abatementPeriod, 'end')) ??
    parseFhirDate(get(condition.abatementPeriod, 'start')) ??
    parseFhirDate(condition.abatementString) ??
    dateFromAge(condition.abatementAge, ctx.birthDate);
  const recorded = parseFhirDate(condition.recordedDate) ?? parseFhirDate(condition.assertedDate);
  const active = isActive(condition, abatement, ctx.today);

  const concepts = new Map<ConditionConcept, { weak: boolean; nonSpecific: boolean; code: SourceCode }>();
  for (const { coding, match } of matches) {
    if (!isConditionConcept(match.concept)) continue;
    // A broad code whose text names another disease under it ("D84 Refluks"), not the concept's own
    // ("D84 Peptisk striktur") nor a swallowing difficulty beside it ("Refluks og dysfagi": a stricture may be why).
    if (namesOtherUnder(match.binding.unlessNamed, affirmed) && !namesOtherUnder(match.binding.unlessNamedKeep, affirmed) && !textConcepts.has(match.concept) && !textConcepts.has(DYSPHAGIA)) continue;
    const seen = concepts.get(match.concept);
    const nonSpecific = match.binding.nonSpecific === true;
    // A stronger coding of the same concept wins: specific over catch-all, then coded over ICPC-2.
    if (seen === undefined || (seen.nonSpecific && !nonSpecific) || (seen.weak && !match.weak && seen.nonSpecific === nonSpecific)) {
      concepts.set(match.concept, { weak: match.weak, nonSpecific, code: toSourceCode(coding) });
    }
  }
  for (const id of textConcepts) {
    if (!isConditionConcept(id) || concepts.get(id)?.nonSpecific === false) continue;
    // Names marked `underNonSpecificCode` only say what a catch-all or broad code under them is
    // ("T99 Primær hyperparathyreoidisme", "D84 Peptisk striktur"): alone, "Mor med cøliaki" or
    // "Urethrastriktur" would be read as the patient's coeliac disease or oesophageal stricture.
    if (underCodeOnly.has(id) && concepts.get(id)?.nonSpecific !== true) continue;
    concepts.set(id, { weak: false, nonSpecific: false, code: textSourceCode(condition.code) });
  }

  if (concepts.has('menopause')) {
    out.menopause.push({ value: true, ref: entry.ref, ...withDate(onset ?? recorded) });
    const early = onsetBefore(condition, onset, ctx.birthDate, EARLY_MENOPAUSE_AGE);
    const menopause = concepts.get('menopause');
    if (early && menopause !== undefined && !concepts.has('early-menopause')) concepts.set('early-menopause', menopause);
  } else if (concepts.has('early-menopause')) {
    // An early menopause (primary ovarian failure, E28.3) is a recorded menopause as well: rules.md
    // section 1 "a recorded menopause" puts the woman in the population at any age [choice, the safer reading].
    out.menopause.push({ value: true, ref: entry.ref, ...withDate(onset ?? recorded) });
  }
  if (concepts.has('smoker')) {
    // An abatement date that has passed is the day smoking stopped, whatever the status says.
    const smoking = active && (abatement === undefined || abatement > ctx.today);
    out.smoking.push({ value: smoking, ref: entry.ref, ...withDate(smoking ? (onset ?? recorded) : (abatement ?? recorded ?? onset)) });
  }

  for (const [concept, { weak, nonSpecific, code }] of concepts) {
    out.conditions.push({
      concept,
      active,
      ...(onset === undefined ? {} : { onset }),
      ...(abatement === undefined ? {} : { abatement }),
      ...(recorded === undefined ? {} : { recorded }),
      ref: entry.ref,
      code,
      weak,
      ...(nonSpecific ? { nonSpecific: true as const } : {}),
    });
  }
}

/** The concepts a text names only by words marked `underNonSpecificCode` (none: one shared empty set). */
function namesOtherUnder(unless: readonly string[] | undefined, affirmed: string): boolean {
  return unless !== undefined && affirmed !== '' && unless.some((word) => affirmed.includes(word));
}

function namedOnlyUnderCode(names: readonly NameMatch[]): ReadonlySet<string> {
  if (!names.some((m) => m.name.underNonSpecificCode === true)) return NO_CONCEPTS;
  const standalone = new Set(names.filter((m) => m.name.underNonSpecificCode !== true).map((m) => m.concept));
  return new Set(names.filter((m) => !standalone.has(m.concept)).map((m) => m.concept));
}

function isActive(condition: JsonObject, abatement: LocalDate | undefined, today: LocalDate): boolean {
  const status = statusCode(condition.clinicalStatus);
  if (status === undefined) return abatement === undefined || abatement > today;
  return ACTIVE.has(status);
}

function onsetBefore(condition: JsonObject, onset: LocalDate | undefined, birthDate: LocalDate | undefined, age: number): boolean {
  const years = ageYears(condition.onsetAge);
  if (years !== undefined) return years < age;
  if (onset === undefined || birthDate === undefined || onset < birthDate) return false;
  return yearsBetween(birthDate, onset) < age;
}

/** Sorts condition facts newest first (onset, else recorded; undated last). */
export function sortConditions(list: ConditionFact[]): ConditionFact[] {
  const key = (c: ConditionFact): string => c.onset ?? c.recorded ?? '';
  return list.sort((a, b) => (key(a) === key(b) ? 0 : key(a) < key(b) ? 1 : -1));
}

/** Sorts fractures newest first (undated last) and merges duplicates and later encounters of one fracture. */
export function sortFractures(list: Fracture[]): Fracture[] {
  const byKey = new Map<string, Fracture>();
  const undatedOrUnique: Fracture[] = [];
  for (const f of list) {
    if (f.date === undefined) {
      undatedOrUnique.push(f);
      continue;
    }
    // The same fracture recorded twice (problem list and encounter): same site, vertebra, date and code [choice].
    const key = `${f.site}|${f.vertebra ?? ''}|${f.date}|${f.code.system}|${f.code.code.toUpperCase()}`;
    const seen = byKey.get(key);
    if (seen === undefined || MECHANISM_RANK[f.mechanism] > MECHANISM_RANK[seen.mechanism]) byKey.set(key, f);
  }
  const out = withoutBareDiagnoses(withoutFollowUps([...byKey.values(), ...undatedOrUnique]));
  const key = (f: Fracture): string => f.date ?? '';
  return out.sort((a, b) => (key(a) === key(b) ? 0 : key(a) < key(b) ? 1 : -1));
}

/**
 * An osteoporosis-with-fracture record that names no site and is the diagnosis of another fracture
 * on the record (`Fracture.diagnosisOf`): the fracture its evidence names, or — an unsited WHO/SKS
 * M80 code such as DM800 — a fracture of a known site dated on or before it (undated: any), or — a
 * SNOMED CT / ICD-10-CM one — the fractures of a known site the same day, then low energy. The
 * service's own `diagnosis-criteria-met` suggestion creates such a record, dated the day it is
 * accepted; read as a fracture, it made a second low-energy fracture "andet sted" that day, a
 * false "earlier fracture" risk factor and a bone-marker date a year after the diagnosis rather
 * than the fracture [choice: such a record names no fracture of its own; with no fracture it could
 * be the diagnosis of — a linked one, or a not high-energy fracture in the year before it — it
 * still counts].
 */
function withoutBareDiagnoses(list: Fracture[]): Fracture[] {
  if (!list.some((f) => f.diagnosisOf !== undefined)) return list;
  const refs = new Set(list.map((f) => f.ref));
  // Only a fracture that may be osteoporotic, dated in the years before the diagnosis (an ankle
  // broken in a traffic accident in 2000 is not what a DM800 of 2024 diagnoses).
  const candidates = list.filter((f) => f.diagnosisOf === undefined && f.mechanism !== 'high-energy');
  // A same-day US code names that day's fractures osteoporotic: low energy (one fall, one mechanism).
  const osteoporotic = new Set<Fracture>();
  const explained = (f: Fracture): boolean => {
    const of = f.diagnosisOf;
    if (of === undefined) return false;
    if (of === 'same-day') {
      const sameDay = candidates.filter((n) => f.date !== undefined && n.date === f.date);
      for (const n of sameDay) osteoporotic.add(n);
      return sameDay.length > 0;
    }
    if (of !== 'earlier' && of !== 'entered') return of.some((ref) => ref !== f.ref && refs.has(ref));
    const date = f.date;
    if (date === undefined) return candidates.some((n) => sameSite(f, n));
    // Dated only by the day it was entered (no onset: the service's own suggestion, accepted): the
    // diagnosis of a fracture however long before — 7 years after a hip fracture it had made a
    // second fracture dated that day [choice: a new fracture is recorded with its site].
    const from = of === 'entered' ? undefined : addYears(date, -DIAGNOSIS_AFTER_FRACTURE_YEARS);
    // A site its text names ("Osteoporotisk hoftebrud") is the diagnosis of an earlier fracture there only.
    return candidates.some((n) => n.date !== undefined && n.date <= date && (from === undefined || n.date >= from) && sameSite(f, n));
  };
  const kept = list.filter((f) => !explained(f));
  if (osteoporotic.size === 0) return kept;
  return kept.map((f) => (osteoporotic.has(f) && f.mechanism === 'unknown' ? { ...f, mechanism: 'low-energy' } : f));
}

/** Whether a diagnosis naming `f`'s site (and vertebra) can be that of fracture `n`; an unsited one can be any. */
function sameSite(f: Fracture, n: Fracture): boolean {
  if (f.site === 'other') return true;
  return n.site === f.site && (f.vertebra === undefined || n.vertebra === undefined || n.vertebra === f.vertebra);
}

/**
 * How long after a fracture an unsited M80 diagnosis is read as that fracture's [choice: the
 * diagnosis is often recorded long after the fracture (the problem list is tidied, the criteria
 * card prompts it); a new fracture is recorded with its site].
 */
const DIAGNOSIS_AFTER_FRACTURE_YEARS = 5;
