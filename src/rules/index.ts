/**
 * The guideline in one place: which rules run for which hook, and which cards replace which.
 * Rules are pure functions of the facts, today's date and the settings.
 */
import type { DraftOrder } from '../facts/types.js';
import type { Topic } from '../contract/topics.js';
import { dataUnavailable } from './data-unavailable.js';
import { FOLLOW_UP_RULES } from './follow-up/index.js';
import { INITIATION_RULES } from './initiation/index.js';
import { PRESCRIBING_RULES } from './prescribing/index.js';
import type { DraftRule, PatientRule, RuleContext } from './types.js';
import type { Recommendation } from '../contract/recommendations.js';
import type { ScheduleFix, SuggestionSpec } from '../contract/suggestions.js';
import { anabolicOnTreatmentCard, inAgreement, oneClickOnce, oneClinic, oneDxa, oneReferral } from './agreement.js';
import { barsDraft, duplicateRemoval, HOW_TO_START, type DuplicateRemoval } from './prescribing/must-not-go-ahead.js';
import { keepSuggestions } from './kept-suggestions.js';
import { namingUnusableValues } from './unusable-values.js';
import { withoutOrderedInBasket } from './ordered-in-basket.js';
import { withoutIntolerated } from './intolerated.js';
import { withoutVitaminDAtHighCalcium } from './high-calcium.js';
import { shows } from './settings.js';

/** rules.md per row: a card that replaces others is never shown with them. */
export const REPLACES: Readonly<Partial<Record<Topic, readonly Topic[]>>> = {
  'switch-to-parenteral': ['btm-response-inadequate'],
  'denosumab-stopped': ['denosumab-overdue'],
  'bisphosphonate-ten-years': ['bisphosphonate-pause-candidate', 'bisphosphonate-continue'],
};

/**
 * A draft barred for the drug itself (eGFR, calcium, a contraindication — not a wrong dose) is not
 * to be renewed now either: the five-year card's "renew" or "consider a pause before renewing" beside
 * it was a second, contradicting answer to the same order [choice]. The ten-year card agrees with
 * the bar (the maximum duration is reached) and stays. A draft `rx-duplicate-antiresorptive`
 * removes as its action (`remove`: the second antiresorptive of the basket, denosumab kept at
 * eGFR ≤ 35) is a draft that must not go ahead too [choice] — nor is its next injection recalled
 * (`rx-denosumab-schedule`); one it removes only as one way of two
 * ("stop the drug in use, or remove the draft") keeps these cards (must-not-go-ahead.ts).
 */
function silencedBy(r: Recommendation, found: Blocking, shown: Blocking): boolean {
  // The checks before a start (missing labs, low vitamin D) go only beside a card the site shows:
  // one it hides silences them no more than it replaces a card (`withoutReplaced`) — rules.md §4
  // silences the start cards of a draft that *gets* a "do not prescribe" card. A hidden low
  // calcium had left a draft with no eGFR and a low vitamin D with no card at all.
  if (START_CHECKS.includes(r.topic)) return shown.blockers.length > 0 || shown.duplicate === 'remove';
  // What would have the drug prescribed (Binosto, a biosimilar in its place, a renewal) stays unsaid
  // beside a bar on the drug itself (an ulcer, eGFR ≤ 35) even when the site hides it.
  const drugBarred = found.blockers.some(barsTheDrug);
  if (HOW_TO_START.includes(r.topic)) return drugBarred || shown.blockers.length > 0 || found.duplicate === 'remove';
  // The recall of the next injection after a denosumab draft the duplicate card removes: no injection to recall.
  if (r.topic === 'rx-denosumab-schedule') return found.duplicate === 'remove';
  return r.topic === 'rx-bisphosphonate-duration' && !r.reasons.includes('ten-years') && (drugBarred || shown.blockers.some((b) => b.topic !== 'rx-dose-interval') || found.duplicate === 'remove');
}

/** A bar on the drug itself, not on this order of it (a low calcium holds it, a wrong dose is corrected). */
function barsTheDrug(b: Recommendation): boolean {
  return b.topic === 'rx-oral-contraindicated' || b.topic === 'rx-egfr-too-low';
}

/** What bars a draft: the blocking cards about it and how the duplicate card leaves it. */
interface Blocking {
  readonly blockers: readonly Recommendation[];
  readonly duplicate: DuplicateRemoval | undefined;
}

/** The how-to-start cards that only check before the start (no product in the draft's place). */
const START_CHECKS: readonly Topic[] = ['rx-start-checklist', 'rx-lab-missing', 'rx-vitamin-d-low'];

function withoutStartCardsOfBlockedDrafts(recs: readonly Recommendation[], ctx: RuleContext): Recommendation[] {
  const blockers = recs.filter(barsDraft);
  // The bars the site shows: a hidden one leaves its draft to the other cards, the duplicate card among them.
  const shownBlockers = blockers.filter((b) => enabled(b.topic, ctx));
  // Barred for the drug itself and removed (a low calcium only holds a draft, a wrong dose is corrected).
  const barring = shownBlockers.filter(barsTheDrug);
  const barred = new Set(barring.flatMap((b) => b.draft ?? []));
  const barredCritically = new Set(barring.filter((b) => b.indicator === 'critical').flatMap((b) => b.draft ?? []));
  // A duplicate card that doubles only barred drafts is gone first: it removes nothing, so it blocks nothing.
  const shown = recs.filter((r) => !doublesOnlyBarred(r, barred, barredCritically));
  const duplicates = new Map<string, DuplicateRemoval>();
  const held = new Set(shownBlockers.flatMap((b) => b.draft ?? []));
  for (const r of shown) {
    const how = duplicateRemoval(r);
    if (how === undefined || r.draft === undefined) continue;
    // The same drug ordered twice loses its checks on the second draft only while a first one that
    // may go ahead carries them: beside a first one barred (a daily alendronate to correct) it keeps them.
    const doubleOrderHeld = r.topic === 'rx-duplicate-antiresorptive' && r.doubleOrder === true && r.otherDrafts.every((d) => held.has(d));
    duplicates.set(r.draft, how === 'remove' && doubleOrderHeld ? 'stop-or-remove' : how);
  }
  if (blockers.length === 0 && duplicates.size === 0) return shown;
  const duplicateShown = enabled('rx-duplicate-antiresorptive', ctx);
  const blocking = (draft: string): { found: Blocking; shown: Blocking } => {
    const about = blockers.filter((b) => b.draft === draft);
    const duplicate = duplicates.get(draft);
    return { found: { blockers: about, duplicate }, shown: { blockers: shownBlockers.filter((b) => b.draft === draft), duplicate: duplicateShown ? duplicate : undefined } };
  };
  return shown
    .filter((r) => {
      if (r.draft === undefined) return true;
      const { found, shown: seen } = blocking(r.draft);
      return !silencedBy(r, found, seen);
    })
    .map((r) => withoutKeepingRemovedDuplicate(r, duplicates))
    // A hidden low calcium no longer holds back the dose fix; a hidden bar on the drug still does.
    .map((r) => barredDose(r, blockers.filter((b) => barsTheDrug(b) || enabled(b.topic, ctx)), duplicates));
}

/** A suggestion that keeps the draft as an order (a corrected dosing, another product in its place): the draft it keeps. */
function draftKeptBy(s: SuggestionSpec): string | undefined {
  if (s.kind === 'fix-schedule') return s.draft;
  return s.kind === 'prescribe' ? s.replaces?.draft : undefined;
}

/**
 * rules.md section 6, "two cards that disagree": a draft `rx-duplicate-antiresorptive` offers to
 * delete gets no one click from another card that keeps it as an order (the biosimilar or Binosto
 * switch, a corrected dosing) — accepting both had left two denosumab orders, or settled "stop the
 * drug in use, or remove the draft" by keeping both antiresorptives [choice]. The card keeps its
 * text; none left, it has no suggestions.
 */
function withoutKeepingRemovedDuplicate(r: Recommendation, duplicates: ReadonlyMap<string, DuplicateRemoval>): Recommendation {
  if (r.suggestions === undefined || r.topic === 'rx-duplicate-antiresorptive') return r;
  const kept = r.suggestions.filter((s) => {
    // The recall of the draft's next injection presumes the draft is given.
    const draft = s.kind === 'reminder' && r.topic === 'rx-denosumab-schedule' ? r.draft : draftKeptBy(s);
    return draft === undefined || !duplicates.has(draft);
  });
  return kept.length === r.suggestions.length ? r : keepSuggestions(r, kept);
}

/**
 * A draft that doubles nothing but drafts barred from going ahead (a contraindicated alendronate
 * beside the denosumab that replaces it): no duplicate card of its own — "remove the denosumab"
 * beside "the tablet is contraindicated, remove it" offered to keep the wrong one. A barred draft
 * beside one that may go ahead keeps its duplicate card (it doubles that one); barred itself by a
 * critical card and doubling only drafts barred so (zoledronic acid and alendronate at eGFR ≤ 35),
 * it has none: "remove one" stood beside two critical cards that each remove their own. Barred only
 * by warnings (two bisphosphonates beside an ulcer) it stays: a GP who overrides both would sign two.
 */
function doublesOnlyBarred(r: Recommendation, barred: ReadonlySet<string>, barredCritically: ReadonlySet<string>): boolean {
  if (r.topic !== 'rx-duplicate-antiresorptive' || r.draft === undefined || r.inUse.length > 0 || r.otherDrafts.length === 0) return false;
  if (barred.has(r.draft)) return barredCritically.has(r.draft) && r.otherDrafts.every((d) => barredCritically.has(d));
  return r.otherDrafts.every((d) => barred.has(d));
}

/**
 * A wrong dose of a drug that is not to be prescribed at all (eGFR ≤ 35, a contraindication to
 * oral treatment), not now (a low calcium, corrected first) or not beside the antiresorptive it
 * doubles (`rx-duplicate-antiresorptive` offers to remove it, either level): `rx-dose-interval`
 * still says the dose is wrong (a GP may override the bar), but its one-click correction would keep
 * the order the other card of the draft removes — one "remove it", one "correct it" [choice].
 */
function barredDose(r: Recommendation, blockers: readonly Recommendation[], duplicates: ReadonlyMap<string, DuplicateRemoval>): Recommendation {
  if (r.topic !== 'rx-dose-interval') return r;
  const found = blockers.find((b) => b.draft === r.draft && (b.topic === 'rx-egfr-too-low' || b.topic === 'rx-oral-contraindicated' || b.topic === 'rx-hypocalcaemia'))?.topic;
  // A bar on the drug itself comes first; else a duplicate the other card offers to remove.
  const bar = found ?? (r.draft !== undefined && duplicates.has(r.draft) ? 'rx-duplicate-antiresorptive' : undefined);
  if (bar !== 'rx-egfr-too-low' && bar !== 'rx-oral-contraindicated' && bar !== 'rx-hypocalcaemia' && bar !== 'rx-duplicate-antiresorptive') return r;
  const { suggestions: _, selectionBehavior: __, ...rest } = r;
  return { ...rest, barred: bar };
}

/** A record's entries with their key type (Object.entries widens keys to string). */
function entries<K extends Topic, V>(record: Readonly<Record<K, V>>): (readonly [K, V])[] {
  return (Object.keys(record) as K[]).map((k) => [k, record[k]] as const);
}

/** Card order within an indicator: the card's own order, page 1 then page 2. */
export const PATIENT_VIEW_RULES: readonly (readonly [Topic, PatientRule])[] = [...entries(INITIATION_RULES), ...entries(FOLLOW_UP_RULES)];

export const DRAFT_RULES: readonly (readonly [Topic, DraftRule])[] = entries(PRESCRIBING_RULES);

function enabled(topic: Topic, ctx: RuleContext): boolean {
  return shows(ctx.settings, topic);
}

const REPLACEMENTS = Object.entries(REPLACES);

/** Replaced cards go, by replacing cards the site shows (a hidden one replaces nothing: both were lost). */
function withoutReplaced(recs: readonly Recommendation[], ctx: RuleContext): Recommendation[] {
  const shown = new Set(recs.filter((r) => enabled(r.topic, ctx)).map((r) => `${r.topic}|${r.draft ?? ''}`));
  return recs.filter((r) => {
    for (const [by, replaced] of REPLACEMENTS) {
      if (replaced.includes(r.topic) && shown.has(`${by}|${r.draft ?? ''}`)) return false;
    }
    return true;
  });
}

/**
 * Every hook goes through here. rules.md section 1 (v2), "Deceased": a Patient with
 * `deceasedBoolean: true` or a `deceasedDateTime` gets no cards on any hook [choice] — not even
 * `data-unavailable`.
 */
export function evaluateRules(ruleSet: 'patient-view' | 'prescribing', ctx: RuleContext): Recommendation[] {
  if (ctx.facts.deceased) return [];
  return ruleSet === 'patient-view' ? evaluatePatientView(ctx) : evaluatePrescribing(ctx);
}

/**
 * A site's `disabledTopics` hide cards, not what the rules found: every rule runs, the cards of the
 * answer agree with all of it (a hidden check still makes the treatment card say "correct first",
 * a hidden referral for a serious side effect still keeps "continue treatment" unsaid), and only
 * then are the hidden topics left out.
 */
function shownOnly(recs: readonly Recommendation[], ctx: RuleContext): Recommendation[] {
  return ctx.settings.disabledTopics.length === 0 ? [...recs] : recs.filter((r) => enabled(r.topic, ctx));
}

export function evaluatePatientView(ctx: RuleContext): Recommendation[] {
  const recs: Recommendation[] = [];
  for (const [, rule] of PATIENT_VIEW_RULES) {
    const rec = rule(ctx);
    if (rec !== undefined) recs.push(rec);
  }
  const unavailable = dataUnavailable(ctx);
  if (unavailable !== undefined) recs.push(unavailable);
  return oneDxa(anabolicOnTreatmentCard(oneClinic(oneReferral(shownOnly(namingUnusableValues(withoutVitaminDAtHighCalcium(withoutIntolerated(inAgreement(withoutReplaced(recs, ctx), ctx.facts, ctx.settings), ctx.facts), ctx.facts), ctx, 'patient-view'), ctx)))));
}

/** Prescribing hooks: every rule against every selected draft (at most one card per rule and draft). */
export function evaluatePrescribing(ctx: RuleContext): Recommendation[] {
  const recs: Recommendation[] = [];
  const judged: readonly DraftOrder[] = ctx.facts.drafts.filter((d) => d.selected);
  for (const draft of judged) {
    for (const [, rule] of DRAFT_RULES) {
      const rec = rule(ctx, draft);
      if (rec !== undefined) recs.push({ ...rec, draft: draft.ref });
    }
  }
  const unavailable = dataUnavailable(ctx);
  if (unavailable !== undefined) recs.push(unavailable);
  return shownOnly(namingUnusableValues(withoutOrderedInBasket(oneClickOnce(withoutVitaminDAtHighCalcium(withoutIntolerated(switchesKeepTheSchedule(withoutStartCardsOfBlockedDrafts(withoutReplaced(recs, ctx), ctx)), ctx.facts), ctx.facts), (r) => enabled(r.topic, ctx)), ctx.facts), ctx, 'prescribing'), ctx);
}

/**
 * One draft, two updates: a card that switches the drug (the biosimilar for Prolia) and one that
 * corrects its dosing (`rx-denosumab-schedule` past 7 months, `rx-dose-interval`). An update
 * replaces the whole order, so the switch carries the corrected schedule too: whichever the GP
 * clicks last, the order is dosed right (rules.md section 6: no two cards that disagree) [choice].
 */
function switchesKeepTheSchedule(recs: readonly Recommendation[]): Recommendation[] {
  const fixes = new Map<string, ScheduleFix>();
  for (const r of recs) {
    for (const s of r.suggestions ?? []) if (s.kind === 'fix-schedule') fixes.set(s.draft, { schedule: s.schedule, doseMg: s.doseMg, ...(s.from === undefined ? {} : { from: s.from }) });
  }
  if (fixes.size === 0) return [...recs];
  return recs.map((r) => {
    if (r.suggestions === undefined || !r.suggestions.some((s) => s.kind === 'prescribe' && s.replaces?.mode === 'update' && fixes.has(s.replaces.draft))) return r;
    const suggestions = r.suggestions.map((s): SuggestionSpec => {
      if (s.kind !== 'prescribe' || s.replaces?.mode !== 'update') return s;
      const fix = fixes.get(s.replaces.draft);
      return fix === undefined ? s : { ...s, schedule: fix };
    });
    return { ...r, suggestions };
  });
}
