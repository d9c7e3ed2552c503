/**
 * Card (source-card-da.txt):
 *   l. 22  "2. Valg (parenteral) Ved kontraindikation (fx ulcus) til peroral bisfosfonat, utålelige
 *           bivirkninger, behandlingssvigt, eller hvis compliance ikke kan opretholdes"
 *   l. 59-64 "Zoledronsyre (fx Aclasta) 5 mg i.v. årligt … Denosumab (Izamby, Junod, Obodence
 *           Ozvyrti, Ponlimsi eller Zadenvi ▲) 60 mg s.c. hver 6. måned"
 *   l. 70-71 "Patient skal være oprejst/siddende i mindst 30 min. efter indtag … (undgå øsofagitis)"
 *
 * Topic `rx-oral-contraindicated` (rules.md section 4).
 * When: the draft is an oral bisphosphonate and a CONTRAINDICATION is recorded: a peptic ulcer that
 * is active or dated within `settings.ulcerMonths` (12) months [choice, rules.md], oesophageal
 * disease delaying emptying, or inability to stay upright for 30 minutes. A recorded intolerance
 * to an oral bisphosphonate (card l. 22 "utålelige bivirkninger") counts as well, reason
 * `intolerance` [choice: patient-view offers that patient the second choice, and the prescribing
 * hook had let the same tablet through without a word] — unless an oral bisphosphonate was
 * started, dispensed or given after the intolerance was recorded (the patient has taken one since)
 * or the draft renews the running course. (Non-adherence, the card's other reason, is no bar to
 * this prescription; swallowing difficulty points to the effervescent tablet — rx-swallowing-difficulty.)
 * Then: warning — the second (parenteral) choice instead: a denosumab biosimilar in place of the
 * draft (recommended), or a referral for zoledronic acid (usually in hospital); one of the two.
 * With the latest eGFR ≤ 35 (card l. 41 "Tjek, at eGFR > 35", checked before any start) neither:
 * zoledronic acid is contraindicated there and a denosumab start is for the specialist
 * (`rx-egfr-too-low`), so the endocrinology referral takes the draft's place (`egfrLow`) —
 * the card had recommended the start that the card beside it refused.
 * With the second choice already running — denosumab injected less than 5 months ago, zoledronic
 * acid infused less than 11 months ago (rx-dose-interval's months: a new dose then is too early) —
 * there is nothing to start: the suggestion removes the draft (`onParenteral`); offering a new
 * denosumab order there offered the too-early injection rx-dose-interval calls critical.
 * With a low latest calcium (card l. 42 "Tjek, at der Ikke er hypocalcæmi", before any start) the
 * second choice waits too: denosumab and zoledronic acid deepen a hypocalcaemia (SmPC), and the
 * critical rx-hypocalcaemia beside this card says to correct it first — the suggestion removes the
 * draft (`calciumLow`) instead of recommending a denosumab start [choice].
 * Osteonecrosis of the jaw or an atypical femoral fracture ever recorded (card page 1: "Kæbenekrose
 * og atypisk femurfraktur er meget sjældne, men alvorlige"; referral "Uacceptable bivirkninger") is
 * a contraindication too [choice: the safer reading — a bisphosphonate after an atypical femoral
 * fracture risks the other femur]: reason `intolerance`, and the endocrinology referral takes the
 * draft's place (`seriousSideEffect`), as `endocrinology-referral` says on patient-view; not the
 * second choice, which is the specialist's to weigh. The same holds for a zoledronic acid draft
 * (an intravenous bisphosphonate; `infusionAfterSeriousSideEffect`) — the one parenteral draft this
 * topic judges.
 * With a current 25-OH-D ≤ 50 nmol/L (card l. 43, before any start) the second choice is offered
 * but not recommended, and the card says to give vitamin D first (`vitaminDLow`) [choice] and offers
 * it, recommended, unless a D3 is taken or ordered (the only click had been a parenteral start).
 * A renewal at 5 to 10 years of oral bisphosphonate whose pause criteria all hold (l. 185-194,
 * judged as rx-bisphosphonate-duration judges them) may simply pause: removing the draft is the
 * recommended option and the second choice is offered, not recommended (`pauseCriteriaMet`)
 * [choice: the card's pause needs no new drug; a denosumab start commits the patient to injections
 * that must never stop without follow-on treatment]. The five-year card is silenced beside this one
 * (rules/index.ts), so this card says it.
 * Reasons: `ulcer`, `oesophageal-disease`, `cannot-stay-upright`, `intolerance`.
 */
import type { ConditionConcept, Intolerance } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { oralBisphosphonateBarriers } from '../predicates/indication.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { seriousSideEffectsOnRecord } from '../predicates/conditions.js';
import { conditionFinding, labFinding } from '../predicates/findings.js';
import type { Finding } from '../../contract/findings.js';
import { correctBeforeStart } from '../predicates/labs.js';
import { activeOsteoporosisCourses } from '../predicates/medication.js';
import type { LocalDate } from '../../time/local-date.js';
import type { PatientFacts } from '../../facts/types.js';
import { tooSoonAfter } from './rx-dose-interval.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import type { DraftRule, RuleContext } from '../types.js';
import type { Recommendation } from '../../contract/recommendations.js';
import { draftEvidence, draftFinding, draftOfClass, oncologyDose, otherDrafts, takesVitaminD, type RecognisedDraft } from './draft.js';
import { renewalPause } from './rx-bisphosphonate-duration.js';
import { followingDenosumab } from './denosumab-follow-on.js';
import { startOrRenewal } from './start-or-renewal.js';

/** The barriers of card l. 22 that are contraindications, with the condition each rests on. */
const CONTRAINDICATIONS: readonly (readonly [Reason, ConditionConcept])[] = [
  ['ulcer', 'peptic-ulcer'],
  ['oesophageal-disease', 'oesophageal-disorder'],
  ['cannot-stay-upright', 'cannot-stay-upright'],
];

/** What bars an oral bisphosphonate for this patient: the contraindications of card l. 22 found, and any serious side effect. */
interface OralContraindications {
  readonly barriers: ReturnType<typeof oralBisphosphonateBarriers>;
  readonly found: readonly (readonly [Reason, ConditionConcept])[];
  readonly serious: ReturnType<typeof seriousSideEffectsOnRecord>;
}

function oralContraindications(ctx: RuleContext): OralContraindications {
  const barriers = oralBisphosphonateBarriers(ctx.facts, ctx.settings);
  return { barriers, found: CONTRAINDICATIONS.filter(([reason]) => barriers.reasons.includes(reason)), serious: seriousSideEffectsOnRecord(ctx.facts) };
}

/**
 * The recorded intolerances to an oral bisphosphonate that bar this draft (see above): none on a
 * renewal, nor one recorded before an oral bisphosphonate course that began after it.
 */
function notTolerated(ctx: RuleContext, draft: RecognisedDraft): readonly Intolerance[] {
  const { facts } = ctx;
  const intolerances = facts.intolerances.filter((i) => i.drugClass === 'oral-bisphosphonate');
  if (intolerances.length === 0 || startOrRenewal(facts, draft) === 'renewal') return [];
  const oralStarts = facts.courses.filter((c) => c.drugClass === 'oral-bisphosphonate').map((c) => c.start);
  return intolerances.filter((i) => i.date === undefined || !oralStarts.some((start) => start > (i.date ?? start)));
}

/** An oral bisphosphonate is barred for this patient: a contraindication of card l. 22, or a serious side effect. */
export function oralBisphosphonateContraindicated(ctx: RuleContext): boolean {
  const { found, serious } = oralContraindications(ctx);
  return found.length > 0 || serious.length > 0;
}

export const rxOralContraindicated: DraftRule<'rx-oral-contraindicated'> = (ctx, draft) => {
  if (draftOfClass(draft, ['zoledronic-acid'])) return infusionAfterSeriousSideEffect(ctx, draft);
  if (!draftOfClass(draft, ['oral-bisphosphonate'])) return undefined;
  const { barriers, found, serious } = oralContraindications(ctx);
  const intolerated = notTolerated(ctx, draft);
  if (found.length === 0 && serious.length === 0 && intolerated.length === 0) return undefined;
  const concepts = new Set<ConditionConcept>(found.map(([, concept]) => concept));
  const findings: Finding[] = [
    ...barriers.findings.filter((f) => f.kind === 'condition' && concepts.has(f.concept)),
    ...serious.map(conditionFinding),
    ...intolerated.map((i): Finding => ({ kind: 'intolerance', drug: i.drug, ref: i.ref })),
  ];
  const onParenteral = runningParenteral(ctx.facts, ctx.today);
  const seriousSideEffect = onParenteral === undefined && serious.length > 0;
  const egfrLow = onParenteral === undefined && !seriousSideEffect && latestEgfrAtLimit(ctx.facts) !== undefined;
  const checks = correctBeforeStart(ctx.facts.labs, ctx.today, ctx.settings.freshnessDays.vitaminD);
  const calciumLow = onParenteral === undefined && !seriousSideEffect && !egfrLow && checks.calcium !== undefined;
  // "Tjek, at P-25-OH-Vit.D > 50 nmol/L" before any start: the second choice is offered, not recommended.
  const lowVitaminD = onParenteral === undefined && !seriousSideEffect && !egfrLow && !calciumLow ? checks.vitaminD : undefined;
  const vitaminDLow = lowVitaminD !== undefined;
  if (lowVitaminD !== undefined) findings.push(labFinding('vitamin-d', lowVitaminD));
  const pause = onParenteral === undefined && !seriousSideEffect && !egfrLow && !calciumLow ? renewalPause(ctx, draft) : undefined;
  const pauseCriteriaMet = pause?.verdict === 'criteria-met';
  if (pause !== undefined && pauseCriteriaMet) findings.push(...pause.findings);
  // The tablet was to follow a denosumab recorded stopped (card l. 81-82 "SKAL anden behandling
  // igangsættes"): the second choice left is zoledronic acid — a restart of the denosumab that was
  // stopped is not offered (the critical `denosumab-stopped` recommends the zoledronic acid referral).
  const afterDenosumabStop = followingDenosumab(ctx)?.course.status === 'stopped';
  // The second choice already in the basket (alendronate and Obodence drafted together): the tablet
  // goes, nothing is ordered — "switch to denosumab" created a second denosumab order beside it.
  const drafted = onParenteral === undefined && !calciumLow && !egfrLow && !seriousSideEffect ? draftedParenteral(ctx, draft) : undefined;
  // "giv D-vitamin først": the vitamin D takes the tablet's place now (recommended; the options are
  // alternatives, and the contraindicated draft must not stay), the second choice beside it for
  // later — unless a D3 is taken or ordered already.
  const vitaminDFirst: SuggestionSpec[] =
    vitaminDLow && !pauseCriteriaMet && !takesVitaminD(ctx.facts, draft) ? [{ kind: 'prescribe', drug: 'colecalciferol', recommended: true, replaces: { draft: draft.ref, mode: 'delete-create' } }] : [];
  const suggestions: SuggestionSpec[] = onParenteral !== undefined || calciumLow
    ? [{ kind: 'remove-draft', draft: draft.ref }]
    : drafted !== undefined
    ? [{ kind: 'remove-draft', draft: draft.ref, recommended: true }]
    : egfrLow || seriousSideEffect
    ? [{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: draft.ref }]
    : afterDenosumabStop
    ? [...vitaminDFirst, { kind: 'referral', to: 'zoledronic-acid', ...(vitaminDLow ? {} : { recommended: true }), replacesDraft: draft.ref }]
    : [
        ...vitaminDFirst,
        ...(pauseCriteriaMet ? [{ kind: 'remove-draft' as const, draft: draft.ref, pause: true as const, recommended: true }] : []),
        { kind: 'prescribe', drug: 'denosumab-biosimilar', ...(vitaminDLow || pauseCriteriaMet ? {} : { recommended: true }), replaces: { draft: draft.ref, mode: 'delete-create' } },
        { kind: 'referral', to: 'zoledronic-acid', replacesDraft: draft.ref },
      ];
  return {
    topic: 'rx-oral-contraindicated',
    indicator: 'warning',
    reasons: [...found.map(([reason]) => reason), ...(serious.length > 0 || intolerated.length > 0 ? ['intolerance' as const] : [])],
    evidence: draftEvidence(draft, [...findings.flatMap((f) => ('ref' in f && f.ref !== undefined ? [f.ref] : [])), ...(pauseCriteriaMet ? (pause?.evidence ?? []) : [])]),
    findings: [draftFinding(draft), ...findings],
    suggestions,
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
    ...(egfrLow ? { egfrLow: true } : {}),
    ...(seriousSideEffect ? { seriousSideEffect: true as const } : {}),
    ...(vitaminDLow ? { vitaminDLow: true as const } : {}),
    ...(onParenteral === undefined ? {} : { onParenteral }),
    ...(calciumLow ? { calciumLow: true as const } : {}),
    ...(pauseCriteriaMet ? { pauseCriteriaMet: true as const } : {}),
    ...(afterDenosumabStop && onParenteral === undefined && !calciumLow && !egfrLow && !seriousSideEffect ? { afterDenosumabStop: true as const } : {}),
    ...(drafted === undefined ? {} : { parenteralDrafted: drafted }),
  };
};

/** Denosumab or zoledronic acid for osteoporosis (not an oncology dose) among the basket's other drafts. */
function draftedParenteral(ctx: RuleContext, draft: RecognisedDraft): 'denosumab' | 'zoledronic-acid' | undefined {
  for (const d of otherDrafts(ctx.facts, draft)) {
    const drugClass = d.identity.drugClass;
    if ((drugClass === 'denosumab' || drugClass === 'zoledronic-acid') && !oncologyDose(d)) return drugClass;
  }
  return undefined;
}

/**
 * Zoledronic acid is a bisphosphonate too: after osteonecrosis of the jaw or an atypical femoral
 * fracture the infusion is held like the tablet (README "Serious side effect on treatment": hold the
 * bisphosphonate until the endocrinologist answers) — signed without a word, the next yearly
 * infusion went to a patient whose jaw necrosis arose on it. Denosumab drafts are not judged here:
 * a missed injection has its own harm (rebound bone loss), and the referral card on patient-view
 * already asks for a follow-on plan.
 */
function infusionAfterSeriousSideEffect(ctx: RuleContext, draft: RecognisedDraft): Recommendation<'rx-oral-contraindicated'> | undefined {
  const serious = seriousSideEffectsOnRecord(ctx.facts);
  if (serious.length === 0) return infusionNotTolerated(ctx, draft);
  return {
    topic: 'rx-oral-contraindicated',
    indicator: 'warning',
    reasons: ['intolerance'],
    evidence: draftEvidence(draft, serious.map((c) => c.ref)),
    findings: [draftFinding(draft), ...serious.map(conditionFinding)],
    suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: draft.ref }],
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
    seriousSideEffect: true,
  };
}

/**
 * A zoledronic acid draft with an intolerance to zoledronic acid on record (or to the
 * bisphosphonates as a class, ATC M05BA): the other second choice, denosumab, in its place, or the
 * endocrinologist (with the latest eGFR ≤ 35 the referral alone, as for the tablet) [choice: card
 * l. 22 "utålelige bivirkninger"; the draft had gone through without a word].
 */
function infusionNotTolerated(ctx: RuleContext, draft: RecognisedDraft): Recommendation<'rx-oral-contraindicated'> | undefined {
  const intolerances = ctx.facts.intolerances.filter((i) => i.drug === 'zoledronic-acid' || i.classOnly === true);
  if (intolerances.length === 0) return undefined;
  const egfrLow = latestEgfrAtLimit(ctx.facts) !== undefined;
  return {
    topic: 'rx-oral-contraindicated',
    indicator: 'warning',
    reasons: ['intolerance'],
    evidence: draftEvidence(draft, intolerances.map((i) => i.ref)),
    findings: [draftFinding(draft), ...intolerances.map((i): Finding => ({ kind: 'intolerance', drug: i.drug, ref: i.ref }))],
    suggestions: egfrLow
      ? [{ kind: 'referral', to: 'endocrinology', recommended: true, replacesDraft: draft.ref }]
      : [
          { kind: 'prescribe', drug: 'denosumab-biosimilar', recommended: true, replaces: { draft: draft.ref, mode: 'delete-create' } },
          { kind: 'referral', to: 'endocrinology', replacesDraft: draft.ref },
        ],
    selectionBehavior: 'at-most-one',
    draft: draft.ref,
    notOffered: ['zoledronic-acid'],
    ...(egfrLow ? { egfrLow: true } : {}),
  };
}

/** The parenteral drug whose next dose is not due yet (a new one now would be too early), if any. */
function runningParenteral(facts: PatientFacts, today: LocalDate): 'denosumab' | 'zoledronic-acid' | undefined {
  for (const c of activeOsteoporosisCourses(facts)) {
    if ((c.drugClass === 'denosumab' || c.drugClass === 'zoledronic-acid') && tooSoonAfter(c.drugClass, c.lastDose, today)) return c.drugClass;
  }
  return undefined;
}
