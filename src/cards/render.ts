/**
 * Recommendation → CDS Hooks 2.0 card (rules.md "Every card carries", service-contract.md):
 * uuid, summary < 140 characters, indicator, source with label, url and topic, markdown detail
 * with reasons and evidence values, suggestions with uuids and a selectionBehavior, links,
 * overrideReasons on warning and critical cards (rules.md section 6), and the `osteo-cds.reasons` / `osteo-cds.evidence`
 * extension. No optional field is ever null or empty. Cards are ordered critical → warning → info.
 */
import { v4 as uuidv4 } from 'uuid';
import { CARD_EXTENSION_EVIDENCE, CARD_EXTENSION_REASONS, CARD_EXTENSION_RULES_VERSION, type Card, type Coding } from '../cds-hooks/response.js';
import { FOLLOW_UP_TOPICS, INITIATION_TOPICS, type Topic } from '../contract/topics.js';
import type { Recommendation } from '../contract/recommendations.js';
import { RULES_VERSION } from '../rules/version.js';
import { fitDetail, type DetailLists } from './compose/fit.js';
import { composeCards, type CardGrouping } from './compose/fold.js';
import { guidelineLink, linksFor, type LinkDefinition, type LinkKey } from './links.js';
import { applicablePart, buildSuggestion, canApply, type SuggestionContext } from './suggestions.js';
import { formatFinding } from './text/findings.js';
import { topicTitle, wordsOf } from './text/index.js';
import { DRUG, inForce, REASON, type Words } from './text/vocabulary.js';
import type { Language } from '../contract/language.js';
import type { RuleSet } from '../contract/services.js';
import type { GuidelineSettings } from '../rules/settings.js';

export const TOPIC_SYSTEM = 'urn:osteo-cds:card-topic';
export const OVERRIDE_REASON_SYSTEM = 'urn:osteo-cds:override-reason';
export const GUIDELINE_URL = 'https://www.dsam.dk/vejledninger/osteoporose';

export interface RenderContext extends SuggestionContext {
  readonly links: Readonly<Record<LinkKey, LinkDefinition>>;
  /** The service's base URL (first CDS_PUBLIC_URL, else the request's origin): each card links to `GET /guideline/{topic}` there. */
  readonly guidelineBase?: string;
  /** The settings in force: reasons that quote a threshold or window word the site's value. */
  readonly settings: GuidelineSettings;
}

const SOURCE_LABEL: Readonly<Record<'initiation' | 'follow-up' | 'other', Words>> = {
  initiation: { da: 'DSAM: Osteoporose – Valg af medicinsk behandling (april 2025, ver. 3)', en: 'DSAM: Osteoporosis – choosing medical treatment (April 2025, v3)' },
  'follow-up': { da: 'DSAM: Osteoporose – Opfølgning på medicinsk behandling (april 2025, ver. 3)', en: 'DSAM: Osteoporosis – follow-up on medical treatment (April 2025, v3)' },
  other: { da: 'DSAM: Osteoporose i almen praksis (april 2025, ver. 3)', en: 'DSAM: Osteoporosis in general practice (April 2025, v3)' },
};

const OVERRIDE_REASONS: readonly { code: string; display: Words }[] = [
  { code: 'patient-declined', display: { da: 'Patienten har fravalgt', en: 'Patient declined' } },
  { code: 'specialist-managed', display: { da: 'Varetages af speciallæge/hospital', en: 'Managed by a specialist' } },
  { code: 'already-addressed', display: { da: 'Allerede håndteret', en: 'Already addressed' } },
  { code: 'not-applicable', display: { da: 'Ikke relevant for patienten', en: 'Not applicable to this patient' } },
  { code: 'clinical-judgement', display: { da: 'Klinisk vurdering', en: 'Clinical judgement' } },
];

const HEADINGS = {
  da: { reasons: 'Begrundelse', findings: 'Grundlag' },
  en: { reasons: 'Why', findings: 'Based on' },
} as const;

/** The line that stands for list lines a long card leaves out (compose/fit.ts); all are in the card's extensions. */
const MORE: Readonly<Record<Language, (n: number) => string>> = {
  da: (n) => (n === 1 ? '… og 1 mere' : `… og ${n} flere`),
  en: (n) => `… and ${n} more`,
};

/** Companions whose sections gave way on a long card (compose/fit.ts step 2), and paragraphs cut (step 3). */
const ALSO: Readonly<Record<Language, (titles: readonly string[]) => string>> = {
  da: (titles) => `**Også:** ${titles.join(' · ')} – se forslagene og Læs mere.`,
  en: (titles) => `**Also:** ${titles.join(' · ')} – see the suggestions and Read more.`,
};
const CUT: Readonly<Record<Language, string>> = { da: '… (se Læs mere)', en: '… (see Read more)' };

const PART: ReadonlyMap<Topic, keyof typeof SOURCE_LABEL> = new Map<Topic, keyof typeof SOURCE_LABEL>([
  ...INITIATION_TOPICS.map((t) => [t, 'initiation'] as const),
  ...FOLLOW_UP_TOPICS.map((t) => [t, 'follow-up'] as const),
]);

function part(topic: Topic): keyof typeof SOURCE_LABEL {
  return PART.get(topic) ?? 'other';
}

/** Characters, not bytes (æøå): keep the spec's "< 140" even if a text grows too long. */
function clampSummary(s: string): string {
  if (s.length < 140) return s; // UTF-16 units are never fewer than characters
  const chars = [...s];
  if (chars.length < 140) return s;
  return `${clauseCut(chars.slice(0, 137).join(''))} …`;
}

/** Clause ends a summary may be cut after: the decision comes first, so what goes is a later clause. */
const CLAUSE_ENDS = [' – ', '; ', ', ', ': '];

/**
 * `head` up to its last whole clause outside brackets, else its last whole word outside them: a cut
 * word or half a clause can turn the advice round ("… – start ikke behandling" cut to "… – start …").
 */
function clauseCut(head: string): string {
  let best = -1;
  for (const end of CLAUSE_ENDS) {
    for (let at = head.lastIndexOf(end); at > 0; at = head.lastIndexOf(end, at - 1)) {
      if (balanced(head.slice(0, at))) {
        best = Math.max(best, at);
        break;
      }
    }
  }
  if (best >= head.length / 2) return head.slice(0, best);
  for (let space = head.lastIndexOf(' '); space > 0; space = head.lastIndexOf(' ', space - 1)) {
    if (balanced(head.slice(0, space))) return head.slice(0, space);
  }
  return head;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return depth === 0;
}

/**
 * A drug the advice names but the card does not offer: the record has an intolerance
 * (rules/intolerated.ts), or the latest calcium is high and vitamin D waits (rules/high-calcium.ts).
 */
function notOfferedLine(rec: Recommendation, lang: Language): string | undefined {
  const drugs = rec.notOffered?.map((d) => DRUG[d][lang]);
  const withheld =
    rec.vitaminDWithheld === true
      ? lang === 'da'
        ? '**P-calcium er forhøjet: D-vitamin foreslås ikke**, før årsagen er afklaret (mistanke om sekundær osteoporose).'
        : '**Calcium is high: vitamin D not offered** until the cause is known (suspected secondary osteoporosis).'
      : undefined;
  if (drugs === undefined || drugs.length === 0) return withheld;
  const list = drugs.join(lang === 'da' ? ' og ' : ' and ');
  const intolerance = lang === 'da' ? `**Intolerans registreret i journalen: ${list} foreslås ikke.**` : `**Intolerance on record: ${list} not offered.**`;
  return withheld === undefined ? intolerance : `${intolerance} ${withheld}`;
}

/** A list line opens with a capital (English lab names are lower case: "calcium 2.4 mmol/L"); a word like "eGFR" keeps its case. */
function lineStart(line: string): string {
  const first = /^\p{Ll}+(?=[\s:,]|$)/u.exec(line);
  return first === null ? line : line.charAt(0).toUpperCase() + line.slice(1);
}

/** The advice, then "**Begrundelse**" with a line per reason, then "**Grundlag**" with a line per distinct finding. */
function composeDetail(rec: Recommendation, text: string, lang: Language, settings: GuidelineSettings): string {
  const h = HEADINGS[lang];
  const notOffered = notOfferedLine(rec, lang);
  const advice = notOffered === undefined ? text : `${notOffered}\n\n${text}`;
  const trimmed = advice.trim();
  let detail = `${trimmed.length > 0 ? `${trimmed}\n\n` : ''}**${h.reasons}**\n`;
  for (let i = 0; i < rec.reasons.length; i++) detail += `${i > 0 ? '\n' : ''}- ${inForce(REASON[rec.reasons[i]!], settings)[lang]}`;
  const findings = new Set<string>();
  for (const f of rec.findings) findings.add(lineStart(formatFinding(f, lang)));
  if (findings.size > 0) {
    detail += `\n\n**${h.findings}**`;
    for (const f of findings) detail += `\n- ${f}`;
  }
  return detail;
}

const BY_HAND: Readonly<Record<Language, string>> = {
  da: '**Fjern eller ret ordinationen selv:** systemet sendte den uden id, så forslagene kan ikke ændre den med ét klik.',
  en: '**Remove or correct the order yourself:** the system sent it without an id, so the suggestions cannot change it in one click.',
};

export function renderCard(rec: Recommendation, ctx: RenderContext): Card {
  const lang = ctx.lang;
  const words = wordsOf(rec, lang);
  const applicable = rec.suggestions?.map((s) => applicablePart(s, ctx)).filter((s) => s !== undefined);
  const suggestions = applicable?.map((s) => buildSuggestion(s, ctx));
  // A draft the EHR sent without an id cannot be removed in one click: the card says so.
  const byHand = rec.suggestions?.some((s) => !canApply(s, ctx)) === true ? BY_HAND[lang] : undefined;
  // "Læs mere" first: the full guidance lives on the service's own page, not in the card.
  const links = linksFor(rec.topic, lang, ctx.links);
  if (ctx.guidelineBase !== undefined) links.unshift(guidelineLink(rec.topic, words.title, lang, ctx.guidelineBase));
  const evidence = [...new Set(rec.evidence.length > 0 ? rec.evidence : [ctx.patientRef])];
  const topic: Coding = { system: TOPIC_SYSTEM, code: rec.topic, display: words.title };
  return {
    uuid: uuidv4(),
    summary: clampSummary(words.summary),
    detail: composeDetail(rec, byHand === undefined ? words.detail : `${words.detail}\n\n${byHand}`, lang, ctx.settings),
    indicator: rec.indicator,
    source: { label: SOURCE_LABEL[part(rec.topic)][lang], url: GUIDELINE_URL, topic },
    ...(suggestions === undefined || suggestions.length === 0
      ? {}
      : { suggestions, selectionBehavior: rec.selectionBehavior ?? 'any' }),
    // Every card that asks the GP to act against their plan can be declined with a coded reason.
    ...(rec.indicator !== 'info'
      ? { overrideReasons: OVERRIDE_REASONS.map((o) => ({ system: OVERRIDE_REASON_SYSTEM, code: o.code, display: o.display[lang] })) }
      : {}),
    ...(links.length === 0 ? {} : { links }),
    extension: {
      [CARD_EXTENSION_REASONS]: [...new Set(rec.reasons)],
      [CARD_EXTENSION_EVIDENCE]: evidence,
      [CARD_EXTENSION_RULES_VERSION]: RULES_VERSION,
    },
  };
}

/**
 * A value the card could not use (rules.md section 1 "the card says so"), a drug not offered, an
 * eGFR a newer creatinine overrules and a creatinine that gives eGFR ≤ 35 with no eGFR are said
 * even when the card is folded: the GP sees why a lab on file is asked for again, or is urgent. So
 * are the data that could not be fetched, and the entries to correct in the record (a drug that
 * cannot be told first, then those dated in the future) — the first FOLDED_ENTRIES of them and how
 * many more: folded, the card's own list is not shown, and a note is never cut to the detail's budget.
 */
function foldedNotes(rec: Recommendation, lang: Language): { notes?: readonly string[] } {
  const notOffered = notOfferedLine(rec, lang);
  const said = rec.findings.filter((f) => f.kind === 'unusable-value' || f.kind === 'unavailable' || (f.kind === 'lab-missing' && (f.newerCreatinine !== undefined || f.creatinineAtLimit !== undefined)));
  const entry = (kind: 'future-dated' | 'unidentified-medication'): string[] => rec.findings.filter((f) => f.kind === kind).map((f) => formatFinding(f, lang));
  const entries = [...new Set([...entry('unidentified-medication'), ...entry('future-dated')])];
  const shown = entries.length > FOLDED_ENTRIES + 1 ? [...entries.slice(0, FOLDED_ENTRIES), MORE[lang](entries.length - FOLDED_ENTRIES)] : entries;
  const notes = [...(notOffered === undefined ? [] : [notOffered]), ...said.map((f) => formatFinding(f, lang)), ...shown];
  return notes.length === 0 ? {} : { notes: [...new Set(notes)] };
}

/** Record entries to correct named on a folded card before "… and N more". */
const FOLDED_ENTRIES = 2;

/**
 * All cards of a response, ordered critical → warning → info (stable within an indicator); with
 * `grouping: 'folded'` composed as rules.md section 6 says (compose/fold.ts).
 */
export function renderCards(recs: readonly Recommendation[], ctx: RenderContext, composition: { readonly grouping: CardGrouping; readonly ruleSet: RuleSet } = { grouping: 'separate', ruleSet: 'patient-view' }): Card[] {
  const rendered = recs.map((rec) => ({ topic: rec.topic, ...(rec.draft === undefined ? {} : { draft: rec.draft }), card: renderCard(rec, ctx), ...foldedNotes(rec, ctx.lang) }));
  const h = HEADINGS[ctx.lang];
  const lists: DetailLists = { headings: [h.findings, h.reasons], more: (n) => MORE[ctx.lang](n), title: (topic) => topicTitle(topic)?.[ctx.lang], also: ALSO[ctx.lang], cut: CUT[ctx.lang] };
  return composeCards(rendered, { grouping: composition.grouping, hook: composition.ruleSet }).map((card) => fitDetail(card, lists));
}
