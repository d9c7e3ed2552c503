/**
 * rules.md "Missing data": when prefetch keys could not be obtained but enough remains to answer,
 * a `data-unavailable` card says so, so no GP mistakes "no card" for "nothing to do". Data dated in
 * the future are left out as data errors, and the card asks for the date to be corrected; a value in
 * an unknown unit, or with no number, a number we cannot read or no date, or reported only as a
 * bound its check cannot be decided by ("<60" for "eGFR > 35"), that no other card names is named here (rules.md "the card
 * says so"); so is a medication record whose drug cannot be identified (a Medication not sent).
 */
import type { Language } from '../../../contract/language.js';
import type { Recommendation } from '../../../contract/recommendations.js';
import { has, paragraphs } from '../text-helpers.js';
import type { TopicTexts } from '../types.js';
import type { Words } from '../vocabulary.js';

/** Only data errors (a future date, an unknown unit, a value without a number or a date), nothing missing: not a retrieval failure. */
function onlyDataErrors(rec: Recommendation): boolean {
  return rec.reasons.every((r) => r === 'future-dated' || r === 'unknown-unit' || r === 'unreadable-value');
}

function errorSummary(rec: Recommendation, lang: Language): string {
  const future = has(rec, 'future-dated');
  const values = has(rec, 'unknown-unit') || has(rec, 'unreadable-value');
  if (lang === 'da') {
    if (future && values) return 'Tjek journalen: data med fremtidig dato eller en ulæselig værdi er ikke brugt i vurderingen';
    if (!values) return 'Tjek journalen: data dateret ude i fremtiden er ikke brugt i vurderingen';
    if (has(rec, 'unreadable-value') && onlyBounds(rec)) return 'Tjek journalen: en værdi kun angivet som grænse (fx „<60“) er ikke brugt i vurderingen';
    if (has(rec, 'unreadable-value') && unreadableNumbers(rec)) return 'Tjek journalen: en værdi, som ikke kan læses, er ikke brugt i vurderingen';
    return has(rec, 'unreadable-value') ? 'Tjek journalen: en værdi uden tal eller dato er ikke brugt i vurderingen' : 'Tjek journalen: en værdi i ukendt enhed er ikke brugt i vurderingen';
  }
  if (future && values) return 'Check the record: data dated in the future or an unreadable value were left out of the assessment';
  if (!values) return 'Check the record: data dated in the future were left out of the assessment';
  if (has(rec, 'unreadable-value') && onlyBounds(rec)) return 'Check the record: a value reported only as a bound (e.g. “<60”) was left out of the assessment';
  if (has(rec, 'unreadable-value') && unreadableNumbers(rec)) return 'Check the record: a value that cannot be read was left out of the assessment';
  return has(rec, 'unreadable-value') ? 'Check the record: a value without a number or a date was left out of the assessment' : 'Check the record: a value in an unknown unit was left out of the assessment';
}

const MISSING: Words = {
  da: '**Tjek de manglende oplysninger i journalen**, eller åbn patienten igen senere. Vurderingen bygger kun på de data, der kunne hentes: manglende kort betyder ikke, at der intet er at gøre.',
  en: '**Check the missing information in the record**, or open the patient again later. The assessment rests only on the data that could be retrieved: no card does not mean nothing to do.',
};

const FUTURE_DATED: Words = {
  da: '**Ret datoen i journalen**, så oplysningen indgår i vurderingen. Data med en dato mere end én dag ude i fremtiden er fejlregistreringer og er ikke brugt (se „Grundlag“).',
  en: '**Correct the date in the record** so the information counts. Data dated more than one day in the future are data errors and were not used (see “Based on”).',
};

const UNKNOWN_UNIT: Words = {
  da: '**Ret enheden i journalen** (spørg evt. laboratoriet), så værdien indgår i vurderingen. En værdi i en enhed, som tjenesten ikke kender, er ikke brugt – vurderingen bygger på en ældre værdi eller ingen (se „Grundlag“).',
  en: '**Correct the unit in the record** (ask the laboratory if needed) so the value counts. A value in a unit the service does not know was not used – the assessment rests on an older value or none (see “Based on”).',
};

const UNREADABLE: Words = {
  da: '**Tjek værdien i journalen:** et svar uden tal (kun laboratoriets markering, fx „L“) eller uden dato kan ikke bruges – vurderingen bygger på en ældre værdi eller ingen (se „Grundlag“).',
  en: '**Check the value in the record:** a result with no number (only the laboratory’s flag, e.g. “L”) or no date cannot be used – the assessment rests on an older value or none (see “Based on”).',
};

const UNREADABLE_TEXT: Words = {
  da: '**Tjek værdien i journalen:** et tal skrevet, så tjenesten ikke kan læse det (fx „eGFR 30“ eller „- 30“), er ikke brugt – vurderingen bygger på en ældre værdi eller ingen (se „Grundlag“). Skriv tallet alene, evt. med sammenligningstegn (<, >, ≤, ≥).',
  en: '**Check the value in the record:** a number written so the service cannot read it (e.g. “eGFR 30” or “- 30”) was not used – the assessment rests on an older value or none (see “Based on”). Write the number alone, with a comparator (<, >, ≤, ≥) if needed.',
};

const FLAGGED: Words = {
  da: 'Et svar markeret lavt eller højt tages alvorligt: mål igen før behandling.',
  en: 'A result flagged low or high is taken seriously: measure again before treatment.',
};

const BOUND: Words = {
  da: '**Mål igen for et eksakt svar:** et svar kun angivet som en grænse, der ikke afgør kortets tjek (fx eGFR „<60“ for „eGFR > 35“), er ikke brugt – hverken som bestået eller som ikke bestået (se „Grundlag“).',
  en: '**Measure again for an exact result:** a result reported only as a bound the card’s check cannot be decided by (e.g. eGFR “<60” for “eGFR > 35”) was not used – neither as passing nor as failing (see “Based on”).',
};

const flagged = (rec: Recommendation): boolean => rec.findings.some((f) => f.kind === 'unusable-value' && f.flag !== undefined);
const isBound = (f: Recommendation['findings'][number]): boolean => f.kind === 'unusable-value' && f.reason === 'bound';
const hasBound = (rec: Recommendation): boolean => rec.findings.some(isBound);
/** Every unreadable value named is a bound (the no-number/no-date wording would not fit). */
const onlyBounds = (rec: Recommendation): boolean => hasBound(rec) && rec.findings.every((f) => f.kind !== 'unusable-value' || f.reason === 'bound' || f.reason === undefined);
const isUnreadable = (f: Recommendation['findings'][number]): boolean => f.kind === 'unusable-value' && f.reason === 'unreadable';
const hasUnreadable = (rec: Recommendation): boolean => rec.findings.some(isUnreadable);
/** A value with no number or no date (the lab's flag alone, an undated one) is named. */
const hasNoNumberOrDate = (rec: Recommendation): boolean => rec.findings.some((f) => f.kind === 'unusable-value' && (f.reason === 'no-value' || f.reason === 'no-date'));
/** A number we cannot read is named, and no value without a number or a date (that wording would not fit). */
const unreadableNumbers = (rec: Recommendation): boolean => hasUnreadable(rec) && !hasNoNumberOrDate(rec);

/**
 * A medication record naming a Medication that was not sent: the drug is unknown, so a treatment
 * (denosumab given, a bisphosphonate in use) may be missing from the assessment.
 */
function unidentified(rec: Recommendation, lang: Language): string {
  // Named here, not only under "Grundlag", which the detail budget may shorten beside other reasons.
  const refs = rec.findings.flatMap((f) => (f.kind === 'unidentified-medication' ? [f.ref] : []));
  const named = refs.length > 3 ? `${refs.slice(0, 3).join(', ')} …` : refs.join(', ');
  return lang === 'da'
    ? `**Tjek medicinen i journalen:** ${named} henviser til et lægemiddel (Medication), som ikke var med i data, uden navn – tjenesten kan ikke se, hvilket lægemiddel det er, og har ikke brugt det. Osteoporosebehandling kan derfor mangle i vurderingen.`
    : `**Check the medication in the record:** ${named} names a Medication that was not in the data, with no name – the service cannot tell which drug it is and did not use it. Osteoporosis treatment may therefore be missing from the assessment.`;
}

const UNIDENTIFIED_SUMMARY: Words = {
  da: 'Ufuldstændig vurdering: et lægemiddel i medicinlisten kunne ikke identificeres',
  en: 'Incomplete assessment: a drug on the medication list could not be identified',
};

/** Something was not had (a key, a Medication), not only data errors. */
const keyMissing = (rec: Recommendation): boolean => rec.reasons.some((r) => r.endsWith('-unavailable'));

function detail(rec: Recommendation, lang: Language): string {
  return paragraphs(
    keyMissing(rec) && MISSING[lang],
    has(rec, 'medication-unidentified') && unidentified(rec, lang),
    has(rec, 'future-dated') && FUTURE_DATED[lang],
    has(rec, 'unknown-unit') && UNKNOWN_UNIT[lang],
    has(rec, 'unreadable-value') && !onlyBounds(rec) && (hasNoNumberOrDate(rec) || !hasUnreadable(rec)) && `${UNREADABLE[lang]}${flagged(rec) ? ` ${FLAGGED[lang]}` : ''}`,
    hasUnreadable(rec) && UNREADABLE_TEXT[lang],
    hasBound(rec) && BOUND[lang],
  );
}

export const dataUnavailableTexts: TopicTexts<'data-unavailable'> = {
  da: {
    title: 'Data mangler',
    summary: (rec) =>
      onlyDataErrors(rec) ? errorSummary(rec, 'da') : keyMissing(rec) ? 'Ufuldstændig vurdering: dele af journalen kunne ikke hentes' : UNIDENTIFIED_SUMMARY.da,
    detail: (rec) => detail(rec, 'da'),
  },
  en: {
    title: 'Data unavailable',
    summary: (rec) =>
      onlyDataErrors(rec) ? errorSummary(rec, 'en') : keyMissing(rec) ? 'Incomplete assessment: part of the record could not be retrieved' : UNIDENTIFIED_SUMMARY.en,
    detail: (rec) => detail(rec, 'en'),
  },
};
