/**
 * rules.md section 1: "A value in an unknown unit is not used and the card says so." A card that
 * finds a lab missing, out of date or due — or shows an older value — names the newer results it
 * could not read (25-OH-D in pmol/L, eGFR in mL/s …), so the GP fixes the unit instead of ordering
 * a test that was taken. So are results with no number but the lab's flag ("L": the calcium is
 * low), results whose number is written so it cannot be read ("eGFR 30", "- 30": an older eGFR of
 * 71 had let an alendronate order pass without a word), and results with no date [choice: dropped
 * without a word, an undated T-score of −2.9 left "no DXA scan recorded"], and reported bounds that cannot decide their lab's check — an eGFR
 * "<60" for "eGFR > 35", a 25-OH-D ">30" for "> 50", a calcium "<2.40" for "no hypocalcaemia"
 * (labs.ts; terminology.md l. 1063 "parse comparators"): the check asks for the lab as if it had
 * none, and says why — a bone marker "<40" or ">20" that cannot tell a response (follow-up/
 * bone-markers.ts) or a suppression (follow-up/endocrinology-referral.ts) likewise. One pass over
 * every card, so no rule can forget it.
 */
import type { Finding, LabOrder } from '../contract/findings.js';
import type { Recommendation } from '../contract/recommendations.js';
import type { BoneMarkerMeasurement, CalciumMeasurement, Comparator, Measurement, PatientFacts, UnusableValue } from '../facts/types.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import type { RuleContext } from './types.js';
import { decidesCalciumCheck, decidesEgfrCheck, decidesVitaminDCheck, latest } from './predicates/labs.js';
import { boneMarkerFlow } from './follow-up/bone-markers.js';
import { isOnTreatment } from './predicates/medication.js';
import { inPopulation } from './predicates/population.js';
import { markerSuppression } from './follow-up/endocrinology-referral.js';

type Shown = LabOrder | 'calcium-ionised' | 'calcium-corrected';
type Labs = PatientFacts['labs'];

/** A lab value reported only as a bound that cannot decide its lab's check ("<60" for "eGFR > 35"). */
interface Bound {
  readonly concept: 'egfr' | 'vitamin-d' | 'calcium-total' | 'calcium-corrected' | 'calcium-ionised' | 'p1np' | 'ctx';
  readonly reason: 'bound';
  readonly comparator: Comparator;
  readonly value: number;
  readonly unit: string;
  readonly date: LocalDate;
  readonly ref: string;
}

/** A value no decision could rest on: unreadable (facts), or a bound that cannot tell. */
type Unread = UnusableValue | Bound;

const CALCIUM_CONCEPT = { total: 'calcium-total', corrected: 'calcium-corrected', ionised: 'calcium-ionised' } as const;

function bound(concept: Bound['concept'], m: Measurement & { readonly comparator: Comparator }): Bound {
  return { concept, reason: 'bound', comparator: m.comparator, value: m.value, unit: m.unit, date: m.date, ref: m.ref };
}

/**
 * The newest value of a lab when it is a bound its check cannot be decided by (labs.ts): the one
 * that left the check without a current value. An older bound adds nothing to it, and one older
 * than a value that decides is not what any answer rests on.
 */
function newestBound<T extends Measurement>(values: readonly T[], today: LocalDate, decides: (m: T) => boolean): (T & { readonly comparator: Comparator }) | undefined {
  const m = latest(values, today);
  return m?.comparator === undefined || decides(m) ? undefined : { ...m, comparator: m.comparator };
}

/**
 * The bone markers reported as a bound that no verdict could rest on, newer than the one that
 * decided: of the oral flow (a response) and of a parenteral course (a suppression).
 */
function markerBounds(ctx: RuleContext): readonly BoneMarkerMeasurement[] {
  const oral = boneMarkerFlow(ctx)?.undecided ?? [];
  const parenteral = markerSuppression(ctx).undecided;
  return parenteral.length === 0 ? oral : [...oral, ...parenteral.filter((m) => !oral.includes(m))];
}

function boundsOf(labs: Labs, today: LocalDate, markers: readonly BoneMarkerMeasurement[]): Bound[] {
  const out: Bound[] = [];
  for (const m of markers) if (m.comparator !== undefined) out.push(bound(m.marker, { ...m, comparator: m.comparator }));
  const e = newestBound(labs.egfr, today, decidesEgfrCheck);
  if (e !== undefined) out.push(bound('egfr', e));
  const d = newestBound(labs.vitaminD, today, decidesVitaminDCheck);
  if (d !== undefined) out.push(bound('vitamin-d', d));
  const c = newestBound(labs.calcium, today, decidesCalciumCheck);
  if (c !== undefined) out.push(bound(CALCIUM_CONCEPT[c.kind], c));
  return out;
}

/**
 * Per lab concept: the lab as the cards name it ('calcium' is the total; corrected and ionised keep
 * theirs), and its usable results (calcium of any kind, a marker of its kind). Not the DXA or vitals.
 */
const decidingCalcium = (l: Labs): readonly CalciumMeasurement[] => l.calcium.filter(decidesCalciumCheck);

const LABS: Readonly<Partial<Record<UnusableValue['concept'], { readonly shown: Shown; readonly usable: (labs: Labs) => readonly { readonly date: LocalDate; readonly ref: string }[] }>>> = {
  // A bound its check cannot be decided by is no usable value: a newer unreadable one still matters.
  egfr: { shown: 'egfr', usable: (l) => l.egfr.filter(decidesEgfrCheck) },
  creatinine: { shown: 'creatinine', usable: (l) => l.creatinine },
  'calcium-total': { shown: 'calcium', usable: decidingCalcium },
  'calcium-corrected': { shown: 'calcium-corrected', usable: decidingCalcium },
  'calcium-ionised': { shown: 'calcium-ionised', usable: decidingCalcium },
  'vitamin-d': { shown: 'vitamin-d', usable: (l) => l.vitaminD.filter(decidesVitaminDCheck) },
  p1np: { shown: 'p1np', usable: (l) => l.boneMarkers.filter((m) => m.marker === 'p1np') },
  ctx: { shown: 'ctx', usable: (l) => l.boneMarkers.filter((m) => m.marker === 'ctx') },
  albumin: { shown: 'albumin', usable: (l) => l.albumin },
};

const labOf = (concept: UnusableValue['concept']): Shown | undefined => LABS[concept]?.shown;

function unreadFinding(u: Unread): Finding {
  if (u.reason === 'bound') {
    return { kind: 'unusable-value', concept: labOf(u.concept) ?? u.concept, ref: u.ref, date: u.date, unit: u.unit, reason: 'bound', comparator: u.comparator, value: u.value };
  }
  return {
    kind: 'unusable-value',
    concept: labOf(u.concept) ?? u.concept,
    ref: u.ref,
    ...(u.date === undefined ? {} : { date: u.date }),
    ...(u.unit === undefined ? {} : { unit: u.unit }),
    ...(u.reason === 'unknown-unit' ? {} : { reason: u.reason }),
    ...(u.text === undefined ? {} : { text: u.text }),
    ...(u.flag === undefined ? {} : { flag: u.flag }),
  };
}

/**
 * The risk factors and body measures read from Observations (rules.md section 1: "A value in an
 * unknown unit is not used and the card says so"): their newest usable value. An alcohol intake in
 * an unknown unit had left "no risk factor recorded" without a word.
 */
const MEASURES: Readonly<Partial<Record<UnusableValue['concept'], (facts: PatientFacts) => { readonly date?: LocalDate } | undefined>>> = {
  'alcohol-intake': (f) => f.lifestyle.alcoholUnitsPerDay,
  bmi: (f) => f.vitals.bmi[0],
  height: (f) => f.vitals.height[0],
  weight: (f) => f.vitals.weight[0],
};

/**
 * The cards that weigh the risk factors (rules.md section 1, "Risk factors"): a measure not used is
 * named beside one of them — not beside follow-up or prescribing cards, which no risk factor changes.
 */
const WEIGHING_RISK: ReadonlySet<Recommendation['topic']> = new Set(['treatment-indicated', 'risk-factor-review', 'dxa-workup-suggested']);

/** A flagged result with no number is named on the data card for this long [choice: a year]. */
const FLAG_NAMED_DAYS = 365;

/** The DXA's scores, and where a scan keeps the readable ones of each. */
const SCORES: Readonly<Partial<Record<UnusableValue['concept'], 'tScores' | 'zScores' | 'bmd'>>> = { 't-score': 'tScores', 'z-score': 'zScores', bmd: 'bmd' };

/**
 * A DXA score named: an undated one beside no scan (the card would say "no DXA scan recorded"
 * beside it); one whose number cannot be read unless a later scan has a readable score of its kind
 * — a readable one of the same scan (the hip beside an unread spine) does not answer for it.
 */
function scoreNamed(u: Unread, scans: PatientFacts['dxa']['scans'], list: 'tScores' | 'zScores' | 'bmd'): boolean {
  if (u.reason === 'no-date') return scans.length === 0;
  const date = u.date;
  return u.reason === 'unreadable' && date !== undefined && !scans.some((s) => s.date > date && s[list].length > 0);
}

/**
 * A value worth naming where its lab (or scan) is judged: in an unknown unit; a number we cannot
 * read; with no number but the lab's flag (an "L" calcium); with no date at all (it may be the
 * newest). A dated one counts only when newer than `after`.
 */
function worthNaming(u: Unread, after: LocalDate | undefined): boolean {
  if (u.reason === 'no-date') return true;
  if (u.date === undefined || (after !== undefined && u.date <= after)) return false;
  return u.reason === 'unknown-unit' || u.reason === 'unreadable' || u.reason === 'bound' || u.flag !== undefined;
}

function sameLab(wanted: Shown, unusable: Shown): boolean {
  return wanted === unusable || (wanted === 'calcium' && (unusable === 'calcium-ionised' || unusable === 'calcium-corrected'));
}

/** The labs a finding speaks for, and the day after which an unread result would have mattered. */
function asks(f: Finding, today: LocalDate): { readonly labs: readonly Shown[]; readonly after: LocalDate } | undefined {
  if (f.kind === 'lab') return { labs: [f.lab], after: f.date };
  if (f.kind === 'lab-missing') {
    const windowStart = f.withinDays === undefined ? '' : addDays(today, -f.withinDays - 1);
    return { labs: [f.lab], after: f.lastDate !== undefined && f.lastDate > windowStart ? f.lastDate : windowStart };
  }
  if (f.kind === 'marker-change') return { labs: [f.marker], after: f.latestDate };
  if (f.kind === 'due-date' && f.what === 'bone-marker') return { labs: ['p1np', 'ctx'], after: addDays(f.date, -1) };
  return undefined;
}

function unreadFor(f: Finding, unusable: readonly Unread[], today: LocalDate): Unread[] {
  const ask = asks(f, today);
  if (ask === undefined) return [];
  return unusable.filter((u) => {
    const lab = labOf(u.concept);
    return lab !== undefined && worthNaming(u, ask.after) && ask.labs.some((l) => sameLab(l, lab));
  });
}

/** The refs a card shows as lab values: a bound one of its checks could decide by (eGFR "<40" falling below 45) was used there. */
function labRefs(rec: Recommendation): ReadonlySet<string> {
  return new Set(rec.findings.flatMap((f) => (f.kind === 'lab' ? [f.ref] : [])));
}

function withUnread(rec: Recommendation, ctx: RuleContext, unread: readonly Unread[]): Recommendation {
  const findings: Finding[] = [];
  const evidence = [...rec.evidence];
  const used = labRefs(rec);
  let added = false;
  for (const f of rec.findings) {
    const named = unreadFor(f, unread, ctx.today).filter((u) => !used.has(u.ref) && !findings.some((g) => g.kind === 'unusable-value' && g.ref === u.ref));
    // "No result in the last 90 days" beside the "<60" of last week: no exact result, rather.
    const onlyBounds = f.kind === 'lab-missing' && f.lastDate === undefined && named.some((u) => u.reason === 'bound');
    findings.push(onlyBounds ? { ...f, onlyBounds: true } : f);
    for (const u of named) {
      findings.push(unreadFinding(u));
      if (!evidence.includes(u.ref)) evidence.push(u.ref);
      added = true;
    }
  }
  // "Height not measured" beside a height recorded in a unit (or a way) it could not read: the card names it.
  if ((rec.reasons as readonly string[]).includes('height-missing')) {
    for (const u of unread) {
      if (u.concept !== 'height') continue;
      findings.push(unreadFinding(u));
      if (!evidence.includes(u.ref)) evidence.push(u.ref);
      added = true;
    }
  }
  return added ? { ...rec, findings, evidence } : rec;
}

/**
 * An unreadable result newer than every usable one of its lab (or with no date at all) that no card
 * names: the answer rests on an older value (or none) without a word, so the data-unavailable card
 * names it (`unknown-unit`; `unreadable-value` for one with no number but a flag, a number we
 * cannot read, or no date).
 */
function unnamed(recs: readonly Recommendation[], ctx: RuleContext, unread: readonly Unread[], undecidedMarkers: ReadonlySet<string>, patientView: boolean): Unread[] {
  // Named as not used, or shown as a lab value a card's check could use.
  const named = new Set(recs.flatMap((r) => r.findings.flatMap((f) => (f.kind === 'unusable-value' || f.kind === 'lab' ? [f.ref] : []))));
  // Once per lab: a record may hold thousands of unread values of one lab.
  const newestUsable = new Map<UnusableValue['concept'], { readonly date: LocalDate } | undefined>();
  const usableOf = (concept: UnusableValue['concept']): { readonly date: LocalDate } | undefined => {
    // A marker bound no verdict could rest on is no usable value either (markerBounds).
    if (!newestUsable.has(concept)) newestUsable.set(concept, latest((LABS[concept]?.usable(ctx.facts.labs) ?? []).filter((v) => !undecidedMarkers.has(v.ref)), ctx.today));
    return newestUsable.get(concept);
  };
  // Beside a card that weighs the risk factors; or, in patient-view, beside no card at all for a
  // patient the initiation rules are for — a BMI of 17 in "%" as her only risk factor had left no
  // DXA suggestion and no word.
  const weighed =
    recs.some((r) => WEIGHING_RISK.has(r.topic)) ||
    (patientView && !recs.some((r) => r.topic !== 'data-unavailable') && inPopulation(ctx.facts, ctx.settings) && !isOnTreatment(ctx.facts));
  return unread.filter((u) => {
    if (named.has(u.ref)) return false;
    const measure = MEASURES[u.concept];
    if (measure !== undefined) {
      if (!weighed) return false;
      const usable = measure(ctx.facts)?.date;
      return u.reason === 'no-date' ? usable === undefined : worthNaming(u, usable);
    }
    // An undated score beside no dated scan, an undated lab value beside none of its lab: a dated
    // one is what the answer rests on, and the copy without a date adds nothing.
    const scores = SCORES[u.concept];
    if (scores !== undefined) return scoreNamed(u, ctx.facts.dxa.scans, scores);
    if (labOf(u.concept) === undefined) return false;
    const usable = usableOf(u.concept);
    if (u.reason === 'no-date') return usable === undefined;
    // A flag from years back says nothing of today: named while it is recent.
    if (u.reason === 'no-value' && (u.date === undefined || u.date < addDays(ctx.today, -FLAG_NAMED_DAYS))) return false;
    return worthNaming(u, usable?.date);
  });
}

function onDataCard(recs: Recommendation[], ctx: RuleContext, unread: readonly Unread[], undecidedMarkers: ReadonlySet<string>, patientView: boolean): Recommendation[] {
  const left = unnamed(recs, ctx, unread, undecidedMarkers, patientView);
  if (left.length === 0) return recs;
  const findings = left.map(unreadFinding);
  const refs = left.map((u) => u.ref);
  const at = recs.findIndex((r) => r.topic === 'data-unavailable');
  const existing = recs[at];
  const reasons = [...new Set(left.map((u) => (u.reason === 'unknown-unit' ? ('unknown-unit' as const) : ('unreadable-value' as const))))];
  const card: Recommendation<'data-unavailable'> =
    existing?.topic === 'data-unavailable'
      ? { ...existing, reasons: [...existing.reasons, ...reasons], evidence: [...existing.evidence, ...refs], findings: [...existing.findings, ...findings] }
      : { topic: 'data-unavailable', indicator: 'info', reasons, evidence: refs, findings };
  return at < 0 ? [...recs, card] : recs.map((r, i) => (i === at ? card : r));
}

/**
 * "No DXA scan recorded" beside a dated DXA score that cannot be read would be false: the scan was
 * made, its result is not readable. Said so — "no DXA scan with a readable result" — while the
 * decisions still rest on readable scores only (an unread score is no scan: facts/dxa.ts).
 */
function noReadableScan(rec: Recommendation, unread: readonly Unread[]): Recommendation {
  if (!rec.findings.some((f) => f.kind === 'dxa' && f.date === undefined)) return rec;
  if (!unread.some((u) => SCORES[u.concept] !== undefined && u.reason === 'unreadable' && u.date !== undefined)) return rec;
  return { ...rec, findings: rec.findings.map((f) => (f.kind === 'dxa' && f.date === undefined ? { ...f, unreadable: true as const } : f)) };
}

/** `ruleSet`: in patient-view, a measure is named for a patient in the population even with no card (`unnamed`). */
export function namingUnusableValues(recs: Recommendation[], ctx: RuleContext, ruleSet: 'patient-view' | 'prescribing'): Recommendation[] {
  const markers = markerBounds(ctx);
  const bounds = boundsOf(ctx.facts.labs, ctx.today, markers);
  if (ctx.facts.unusable.length === 0 && bounds.length === 0) return recs;
  const unread: readonly Unread[] = bounds.length === 0 ? ctx.facts.unusable : [...ctx.facts.unusable, ...bounds];
  return onDataCard(
    recs.map((r) => noReadableScan(withUnread(r, ctx, unread), unread)),
    ctx,
    unread,
    new Set(markers.map((m) => m.ref)),
    ruleSet === 'patient-view',
  );
}
