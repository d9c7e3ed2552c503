/**
 * rules.md section 6: "two cards that disagree get it distrusted". After the rules of one answer
 * have run, a card whose plain advice another card of the same answer contradicts keeps its topic,
 * reasons and findings, and says what the other card says instead [choice]:
 *
 * - beside `switch-to-parenteral` (intolerance, non-adherence, markers), the "continue treatment"
 *   cards do not say continue (`notContinued`; the eGFR ≤ 35 case is the rules' own,
 *   predicates/kidney.ts); nor does `btm-response-adequate` — nor the "> 30 %: continue" of
 *   `btm-follow-up-due` — beside `bisphosphonate-ten-years` (the card's maximum duration) or
 *   `bisphosphonate-pause-candidate` (a pause should be considered);
 * - beside `endocrinology-referral` for osteonecrosis of the jaw or an atypical femoral fracture
 *   on treatment (`seriousSideEffect`), the "continue treatment" cards do not say continue;
 * - beside `pretreatment-checks` with hypocalcaemia or 25-OH-D ≤ 50, the treatment card says to
 *   start once that is corrected (card l. 42-43 "Tjek, at der ikke er hypocalcæmi", "Tjek, at
 *   P-25-OH-Vit.D > 50 nmol/L"), not "start" outright (`correctFirst`), and its one-click start
 *   is offered without being recommended; so is it when the checks found no eGFR to trust and a
 *   creatinine that gives 35 or less (the eGFR comes first);
 * - beside `endocrinology-referral` for a treatment failure (a significant BMD fall, fractures on
 *   treatment: card "Henvisning til endokrinolog ved … behandlingssvigt trods compliance") or
 *   `switch-to-parenteral` for a marker that still does not fall (card "Behandlingssvigt":
 *   "Manglende suppression af knoglemarkør"), `bisphosphonate-pause-candidate` does not invite a
 *   pause (`notPaused`) and sets no pause reminder: a failing treatment is changed, not stopped;
 *   beside the referral, `btm-response-adequate` and `bisphosphonate-continue` do not say continue
 *   (`notContinued: 'treatment-failure'`);
 * - beside `dxa-follow-up-due` for the 5-year DXA (card "Behandlingspause bør overvejes efter 5 år"
 *   and the DXA after 5 years), `bisphosphonate-pause-candidate` — whose criteria then rest on an
 *   older scan — says the pause waits for that scan (`dxaFirst`) and sets no "DXA no
 *   earlier than 2 years" reminder: "DXA now" and "DXA in 2 years" in one answer disagreed;
 * - beside `vitamin-d-before-dxa` (the T-score was measured at 25-OH-D ≤ 50: card "OBS: D-vitamin
 *   bør være i niveau før DXA-skanning"), `treatment-indicated` says so (`tScoreAtLowVitaminD`)
 *   rather than "start" without a word the other card contradicts, and resting on that T-score
 *   alone (no fracture) it does not pre-select the start;
 * - with the latest eGFR ≤ 35 (card l. 41 "Tjek, at eGFR > 35"; `endocrinology-referral` says hold
 *   the bisphosphonate), no card offers a bisphosphonate in one click (an alendronate prescription,
 *   a zoledronic acid referral): the endocrinology referral stands in its place, recommended where
 *   the bisphosphonate was. The prescribing hook would meet such an order with `rx-egfr-too-low`.
 */
import type { NotContinued, Recommendation } from '../contract/recommendations.js';
import { draftReplacedBy, type SuggestionSpec } from '../contract/suggestions.js';
import type { Reason } from '../contract/topics.js';
import type { Finding } from '../contract/findings.js';
import type { PatientFacts, Ref } from '../facts/types.js';
import type { LocalDate } from '../time/local-date.js';
import { labFinding } from './predicates/findings.js';
import { bisphosphonateOnLowEgfr, latestEgfrAtLimit } from './predicates/kidney.js';
import { keepSuggestions } from './kept-suggestions.js';
import { barsDraft } from './prescribing/must-not-go-ahead.js';
import { notRecommended } from './not-recommended.js';
import { shows, type GuidelineSettings } from './settings.js';

/** Failed pre-start checks that are corrected in general practice before the start. */
const CORRECT_FIRST: readonly Reason[] = ['hypocalcaemia', 'vitamin-d-low'];

/** Indication (a), a low-energy spine or hip fracture, and a pause ended: they do not rest on the T-score. */
const FRACTURE_INDICATION: readonly Reason[] = ['spine-fracture', 'hip-fracture', 'spine-fracture-possible', 'hip-fracture-possible', 'pause-ended'];

/** `endocrinology-referral` reasons that say the treatment is failing. */
const TREATMENT_FAILURE: readonly Reason[] = ['bmd-fall', 'fractures-on-treatment'];

export function inAgreement(recs: readonly Recommendation[], facts: PatientFacts, settings: GuidelineSettings): Recommendation[] {
  let agreed = markerNotRemindedWhenOrdered(denosumabFirst(agreeing(recs), settings), facts.today);
  // The eGFR that holds the bisphosphonate (`endocrinology-referral` `egfr-low`: the latest ≤ 35, or
  // one ≤ 35 whose repeats stay below 45): stronger than a pause or the 10-year reassessment, so no
  // marker is ordered beside them either (one had been, beside "hold the bisphosphonate").
  const held = bisphosphonateOnLowEgfr(facts);
  if (held !== undefined) {
    const heldByEgfr = (r: Recommendation): r is Recommendation<'btm-follow-up-due'> =>
      r.topic === 'btm-follow-up-due' && (r.notContinued === undefined || r.notContinued === 'pause-candidate' || r.notContinued === 'ten-years');
    agreed = agreed.map((r) => (heldByEgfr(r) ? { ...r, notContinued: 'egfr-low' as const } : pauseHeld(r, 'egfr-low', [labFinding('egfr', held.egfr)], [held.egfr.ref])));
  }
  return withoutMarkerOnChangedDrug(latestEgfrAtLimit(facts) === undefined ? agreed : agreed.map(withoutBisphosphonate));
}

/**
 * "Consider a pause" (and a DXA in 2 years) beside "hold the bisphosphonate until the
 * endocrinologist answers" (eGFR ≤ 35, a serious side effect): the drug is held now anyway, and the
 * specialist decides what follows, so the pause card says so, names why, and sets no reminder —
 * also beside a treatment failure, whose "do not pause, change the treatment" would tell the GP to
 * go on giving the drug the referral holds [choice]. A serious side effect, when both hold, says it.
 */
function pauseHeld(r: Recommendation, why: 'egfr-low' | 'serious-side-effect', findings: readonly Finding[], evidence: readonly Ref[]): Recommendation {
  if (r.topic !== 'bisphosphonate-pause-candidate' || r.notPaused === 'serious-side-effect') return r;
  const held: Recommendation<'bisphosphonate-pause-candidate'> = { ...r, notPaused: why, findings: [...r.findings, ...findings], evidence: [...new Set([...r.evidence, ...evidence])] };
  return keepSuggestions(held, []);
}

/**
 * The re-check of an inadequate marker fall, due today or past: `btm-follow-up-due` orders the
 * marker now, so `btm-response-inadequate` sets no reminder for a day that has come — one concern,
 * one suggestion (rules.md §6; it had offered a reminder for today beside the order).
 */
function markerNotRemindedWhenOrdered(recs: Recommendation[], today: LocalDate): Recommendation[] {
  const ordered = recs.some((r) => r.topic === 'btm-follow-up-due' && r.suggestions?.some((s) => s.kind === 'lab' || s.kind === 'labs') === true);
  if (!ordered) return recs;
  return recs.map((r) => {
    if (r.topic !== 'btm-response-inadequate' || r.suggestions === undefined) return r;
    const kept = r.suggestions.filter((s) => !(s.kind === 'reminder' && s.what === 'bone-marker' && s.due <= today));
    return kept.length === r.suggestions.length ? r : keepSuggestions(r, kept);
  });
}

/**
 * A critical denosumab card (overdue, or stopped without follow-on) and an anabolic candidate: the
 * injection or the follow-on comes now and the referral does not put it off (card l. 79-82 "Der må
 * max gå 7 måneder", "SKAL anden behandling igangsættes"). Critical cards absorb nothing (rules.md
 * §6), so both stay, each saying so, and the anabolic referral is offered, not pre-selected —
 * never two cards that compete for the next treatment decision.
 */
function denosumabFirst(recs: Recommendation[], settings: GuidelineSettings): Recommendation[] {
  const critical = recs.find((r) => (r.topic === 'denosumab-overdue' || r.topic === 'denosumab-stopped') && r.indicator === 'critical');
  // A site that hides the anabolic card: the critical card does not speak of it either.
  if (critical === undefined || !shows(settings, 'anabolic-treatment-consideration') || !recs.some((r) => r.topic === 'anabolic-treatment-consideration')) return recs;
  const afterDenosumab = critical.topic === 'denosumab-stopped' ? ('stopped' as const) : ('overdue' as const);
  return recs.map((r) => {
    if (r.topic === 'anabolic-treatment-consideration') return { ...r, afterDenosumab, ...(r.suggestions === undefined ? {} : { suggestions: r.suggestions.map(notRecommended) }) };
    if (r === critical && (r.topic === 'denosumab-overdue' || r.topic === 'denosumab-stopped')) return { ...r, anabolicCandidate: true as const };
    return r;
  });
}


const isEndocrinologyReferral = (s: SuggestionSpec): boolean => s.kind === 'referral' && s.to === 'endocrinology';

/**
 * One endocrinology referral per answer: beside `endocrinology-referral`, the warning and info cards
 * that also send the patient there (a marker that does not fall with eGFR ≤ 35, a switch to
 * parenteral treatment with the referral as an alternative) say so without a second referral order
 * — accepting both sent two [choice]. Run on the cards shown (after a site's `disabledTopics`: a
 * hidden referral card takes no referral away). A critical card keeps its own, and the treatment
 * card too: it folds with the referral card (cards/compose).
 */
export function oneReferral(recs: readonly Recommendation[]): Recommendation[] {
  if (!recs.some((r) => r.topic === 'endocrinology-referral' && r.suggestions?.some(isEndocrinologyReferral) === true)) return [...recs];
  return recs.map((r) => {
    if (r.topic === 'endocrinology-referral' || r.topic === 'treatment-indicated' || r.indicator === 'critical' || r.suggestions?.some(isEndocrinologyReferral) !== true) return r;
    return keepSuggestions(r, r.suggestions.filter((s) => !isEndocrinologyReferral(s)));
  });
}

const isAnabolicReferral = (s: SuggestionSpec): boolean => s.kind === 'referral' && s.to === 'anabolic-treatment';
const isRecommendedEndocrinologyReferral = (s: SuggestionSpec): boolean => isEndocrinologyReferral(s) && s.kind === 'referral' && s.recommended === true;

/**
 * One referral to the osteoporosis clinic: the anabolic assessment (`anabolic-treatment-consideration`,
 * or folded into the treatment card) and a recommended endocrinology referral of the same answer go
 * to the same clinic — accepting both sent two referrals, both pre-selected [choice]. The
 * endocrinology referral asks the anabolic question too (`alsoAnabolic`); the anabolic referral
 * goes, its card still advising it and saying where the referral is (`referralCombined`).
 * Run after `oneReferral`, on the cards shown. An anabolic referral beside an endocrinology referral
 * that is only one of several choices stays: the GP may pick another.
 */
export function oneClinic(recs: readonly Recommendation[]): Recommendation[] {
  // Only a referral that is not one of several treatment choices: beside a critical denosumab
  // card's follow-on drugs (`at-most-one`), the anabolic referral would go when the GP picks a drug.
  const carries = (r: Recommendation): boolean => r.suggestions?.some(isRecommendedEndocrinologyReferral) === true && (r.selectionBehavior !== 'at-most-one' || treatmentChoices(r.suggestions) === 1);
  if (!recs.some(carries) || !recs.some((r) => r.suggestions?.some(asksAnabolic) === true)) return [...recs];
  return recs.map((r) => {
    const suggestions = r.suggestions;
    if (suggestions === undefined) return r;
    // Every card that carries the referral asks it so (the treatment card's "refer instead of a
    // start" and the referral card's are one order, and fold as one: cards/compose).
    if (carries(r)) return keepSuggestions(r, suggestions.filter((s) => !isAnabolicReferral(s)).map((s) => (s.kind === 'referral' && isRecommendedEndocrinologyReferral(s) ? { ...s, alsoAnabolic: true as const } : s)));
    if (!suggestions.some(asksAnabolic)) return r;
    // Its card says where the referral went; a start offered with it (treatment-indicated) goes alone.
    const kept = keepSuggestions(r, suggestions.filter((s) => !isAnabolicReferral(s)).map(withoutAnabolicQuestion));
    return r.topic === 'anabolic-treatment-consideration' ? { ...kept, referralCombined: true as const } : kept;
  });
}

/**
 * The treatment card's starts carry the anabolic referral (treatment-indicated `withAnabolicReferral`):
 * the anabolic card offers it no second time — with `cardGrouping: separate`, any choice on the
 * treatment card beside the anabolic card's own pre-selected referral had sent two — and says where
 * it is (`referralOnTreatmentCard`). Run after `oneClinic`.
 */
export function anabolicOnTreatmentCard(recs: readonly Recommendation[]): Recommendation[] {
  if (!recs.some((r) => r.topic === 'treatment-indicated' && r.suggestions?.some(asksAnabolic) === true)) return [...recs];
  return recs.map((r) => {
    if (r.topic !== 'anabolic-treatment-consideration' || r.suggestions?.some(isAnabolicReferral) !== true) return r;
    return { ...keepSuggestions(r, r.suggestions.filter((s) => !isAnabolicReferral(s))), referralOnTreatmentCard: true as const };
  });
}

/** A suggestion that refers for the anabolic assessment, alone or with a start. */
const asksAnabolic = (s: SuggestionSpec): boolean => isAnabolicReferral(s) || (s.kind === 'prescribe' && s.withAnabolicReferral === true) || (s.kind === 'referral' && s.to === 'zoledronic-acid' && s.alsoAnabolic === true);

function withoutAnabolicQuestion(s: SuggestionSpec): SuggestionSpec {
  if (s.kind === 'prescribe' && s.withAnabolicReferral === true) {
    const { withAnabolicReferral: _, ...start } = s;
    return start;
  }
  if (s.kind === 'referral' && s.to === 'zoledronic-acid' && s.alsoAnabolic === true) {
    const { alsoAnabolic: _, ...referral } = s;
    return referral;
  }
  return s;
}

/** The drugs and referrals a card offers to choose between (the anabolic referral aside). */
function treatmentChoices(suggestions: readonly SuggestionSpec[]): number {
  return suggestions.filter((s) => s.kind === 'prescribe' || (s.kind === 'referral' && !isAnabolicReferral(s))).length;
}

const isDxa = (s: SuggestionSpec): boolean => s.kind === 'dxa';

/**
 * One DXA order per patient-view answer: the 5-year scan of `dxa-follow-up-due` and the scan
 * `bisphosphonate-continue` asks for a missing hip T-score are one referral to one department —
 * accepting both sent two [choice]. The first card that offers it keeps it (most severe first, then
 * in the card's order: the DXA card before the continue card); the others still say a scan is
 * needed. Run on the cards shown, as `oneReferral`: a hidden card takes no DXA away. (The
 * prescribing hooks have `oneClickOnce`.)
 */
export function oneDxa(recs: readonly Recommendation[]): Recommendation[] {
  let keeper: Recommendation | undefined;
  for (const r of recs) {
    if (r.suggestions?.some(isDxa) === true && (keeper === undefined || SEVERITY[r.indicator] > SEVERITY[keeper.indicator])) keeper = r;
  }
  if (keeper === undefined) return [...recs];
  return recs.map((r) => (r === keeper || r.suggestions?.some(isDxa) !== true ? r : keepSuggestions(r, r.suggestions.filter((s) => !isDxa(s)))));
}

/** Not to go on as now: the drug is held, switched or failing — no marker to order for it. */
const MARKER_MOOT: readonly NotContinued[] = ['egfr-low', 'switch-to-parenteral', 'serious-side-effect', 'treatment-failure'];

/**
 * `btm-follow-up-due` beside a card that holds, switches or calls the oral drug failing: its
 * "> 30 % fall: continue" is not said (`notContinued`), and no marker is ordered for a drug that
 * is not going on [choice]; beside the pause or 10-year card the marker may still be taken.
 */
function withoutMarkerOnChangedDrug(recs: Recommendation[]): Recommendation[] {
  return recs.map((r) => (r.topic === 'btm-follow-up-due' && r.notContinued !== undefined && MARKER_MOOT.includes(r.notContinued) ? keepSuggestions(r, []) : r));
}

function agreeing(recs: readonly Recommendation[]): Recommendation[] {
  const switching = recs.some((r) => r.topic === 'switch-to-parenteral');
  const sideEffectReferral = recs.find((r) => r.topic === 'endocrinology-referral' && r.seriousSideEffect === true);
  const sideEffect = sideEffectReferral !== undefined;
  // A first insufficient marker fall (check intake, re-measure in 3 months): the pause waits for it,
  // and no marker card says "consider a pause". Not beside a serious side effect, nor at eGFR ≤ 35:
  // the marker card then says to hold the drug.
  const insufficientMarker = !sideEffect && recs.some((r) => r.topic === 'btm-response-inadequate' && r.egfrLow !== true);
  const duration = recs.some((r) => r.topic === 'bisphosphonate-ten-years') ? 'ten-years' : recs.some((r) => r.topic === 'bisphosphonate-pause-candidate') && !insufficientMarker ? 'pause-candidate' : undefined;
  const checks = recs.find((r) => r.topic === 'pretreatment-checks');
  const correctFirst = checks === undefined ? [] : CORRECT_FIRST.filter((r) => checks.reasons.includes(r));
  // No current eGFR to trust and a creatinine that gives 35 or less: the eGFR comes before the start.
  const kidneyInDoubt = checks?.findings.some((f) => f.kind === 'lab-missing' && (f.creatinineAtLimit !== undefined || f.newerCreatinine !== undefined)) === true;
  const failure = recs.some((r) => r.topic === 'endocrinology-referral' && r.reasons.some((x) => TREATMENT_FAILURE.includes(x)));
  const markerFailure = recs.some((r) => r.topic === 'switch-to-parenteral' && r.reasons.includes('persistent-insufficient-fall'));
  const lowVitaminDAtDxa = recs.some((r) => r.topic === 'vitamin-d-before-dxa');
  // Any follow-up DXA due (5-year, or the 2-year one of a course restarted after a pause): "DXA now"
  // and the pause card's "DXA in 2 years" must not stand in one answer.
  const dueDxa = recs.find((r) => r.topic === 'dxa-follow-up-due');
  const twoYearOnly = dueDxa !== undefined && !dueDxa.reasons.includes('five-year-dxa');
  // The checks card says when the first marker comes after a recent fracture: the treatment card need not say it again.
  const checksSayMarker = checks?.findings.some((f) => f.kind === 'due-date' && f.what === 'bone-marker') === true;
  if (!switching && !sideEffect && !failure && !lowVitaminDAtDxa && !insufficientMarker && dueDxa === undefined && duration === undefined && correctFirst.length === 0 && !kidneyInDoubt && !checksSayMarker) return [...recs];
  // "Hold the bisphosphonate until the endocrinologist answers" (osteonecrosis of the jaw, an atypical
  // femoral fracture on treatment): "give the yearly zoledronic acid infusion now" must not stand beside it.
  const held = sideEffect ? recs.filter((r) => r.topic !== 'zoledronic-acid-infusion-due') : recs;
  return held.map((r) => {
    // Osteonecrosis of the jaw or an atypical femoral fracture: the drug is held until the
    // endocrinologist answers, who decides what follows — no "pause and scan in 2 years" of its own.
    if (sideEffectReferral !== undefined && r.topic === 'bisphosphonate-pause-candidate') {
      const conditions = sideEffectReferral.findings.filter((f) => f.kind === 'condition');
      return pauseHeld(r, 'serious-side-effect', conditions, conditions.map((f) => f.ref));
    }
    if ((failure || markerFailure) && r.topic === 'bisphosphonate-pause-candidate') {
      return { ...keepSuggestions(r, []), notPaused: 'treatment-failure' as const };
    }
    // "Consider a pause" beside "the marker did not fall: check intake, measure again": a pause
    // rests on a treatment that works, so the re-check comes first (and no 2-year DXA is set) [choice].
    if (insufficientMarker && r.topic === 'bisphosphonate-pause-candidate') {
      return { ...keepSuggestions(r, []), notPaused: 'marker-recheck' as const };
    }
    // The marker card beside a card that decides the treatment (a failure or serious side effect
    // referral, 10 years): its re-check and its own starts are moot — they had stood pre-selected
    // beside "refer" and "do not continue routinely", with a second referral to the same clinic.
    if (r.topic === 'btm-response-inadequate') {
      const decided = sideEffect ? 'serious-side-effect' : failure ? 'treatment-failure' : duration === 'ten-years' ? 'ten-years' : undefined;
      if (decided !== undefined) return { ...keepSuggestions(r, []), notContinued: decided };
    }
    if (dueDxa !== undefined && r.topic === 'bisphosphonate-pause-candidate') {
      const scanned = latestTScoreDate(r);
      return { ...keepSuggestions(r, []), ...(scanned === undefined ? {} : { dxaFirst: scanned, ...(twoYearOnly ? { dueDxa: 'two-year' as const } : {}) }) };
    }
    const continuing = r.topic === 'btm-response-adequate' || r.topic === 'bisphosphonate-continue' || r.topic === 'btm-follow-up-due';
    // A low calcium holds the drug only until corrected: any stronger "not as now" of the answer says it instead.
    const open = continuing && (r.notContinued === undefined || r.notContinued === 'hypocalcaemia');
    if (sideEffect && continuing && open) return { ...r, notContinued: 'serious-side-effect' as const };
    if (switching && continuing && open) return { ...r, notContinued: 'switch-to-parenteral' as const };
    if (failure && continuing && open) return { ...r, notContinued: 'treatment-failure' as const };
    if (duration !== undefined && (r.topic === 'btm-response-adequate' || r.topic === 'btm-follow-up-due') && open) return { ...r, notContinued: duration };
    if (r.topic === 'treatment-indicated' && r.choice !== 'referral') {
      // A start resting on the T-score alone, measured at 25-OH-D ≤ 50 (`vitamin-d-before-dxa`: a
      // new DXA may be needed before the decision) is offered, not pre-selected; a fracture stands.
      const onTScoreAlone = lowVitaminDAtDxa && !r.reasons.some((x) => FRACTURE_INDICATION.includes(x));
      const unrecommend = correctFirst.length > 0 || onTScoreAlone || kidneyInDoubt;
      const { markerAfterFracture: _said, ...start } = r;
      const first: Reason[] = [...(kidneyInDoubt ? ['egfr-missing' as const] : []), ...correctFirst];
      return {
        ...(checksSayMarker ? start : r),
        ...(lowVitaminDAtDxa ? { tScoreAtLowVitaminD: true as const } : {}),
        ...(first.length === 0 ? {} : { correctFirst: first }),
        ...(unrecommend && r.suggestions !== undefined ? { suggestions: r.suggestions.map((s) => (s.kind === 'prescribe' ? notRecommended(s) : s)) } : {}),
      };
    }
    return r;
  });
}

/** The date of the newest T-score a recommendation rests on. */
function latestTScoreDate(r: Recommendation): LocalDate | undefined {
  let latest: LocalDate | undefined;
  for (const f of r.findings) if (f.kind === 't-score' && (latest === undefined || f.date > latest)) latest = f.date;
  return latest;
}


function isBisphosphonate(s: SuggestionSpec): boolean {
  return (s.kind === 'prescribe' && (s.drug === 'alendronate-tablet' || s.drug === 'alendronate-effervescent')) || (s.kind === 'referral' && s.to === 'zoledronic-acid');
}

function withoutBisphosphonate(r: Recommendation): Recommendation {
  const suggestions = r.suggestions;
  if (suggestions === undefined || !suggestions.some(isBisphosphonate)) return r;
  const recommended = suggestions.some((s) => isBisphosphonate(s) && 'recommended' in s && s.recommended === true);
  const kept = suggestions.filter((s) => !isBisphosphonate(s));
  const referral = kept.findIndex((s) => s.kind === 'referral' && s.to === 'endocrinology');
  const stillRecommended = kept.some((s) => 'recommended' in s && s.recommended === true);
  const endocrinology: SuggestionSpec = { kind: 'referral', to: 'endocrinology', ...(recommended && !stillRecommended ? { recommended: true } : {}) };
  const next = referral < 0 ? [...kept, endocrinology] : kept.map((s, i) => (i === referral && recommended && !stillRecommended ? endocrinology : s));
  return { ...r, suggestions: next };
}

/**
 * Prescribing hooks: one click, one order [choice] —
 * - a suggestion the critical card of the same draft already carries (the endocrinology referral
 *   of `rx-egfr-too-low` and of `rx-oral-contraindicated` with eGFR ≤ 35) is not offered again on
 *   the other cards of that draft: clicking both sent two referrals and deleted the draft twice;
 * - a draft a critical card or a card barring it (`rx-oral-contraindicated`) removes (or replaces)
 *   is not removed again by another card ("remove one" beside "do not prescribe" deleted it from two cards);
 * - an order that acts on no draft (a new prescription, referral or lab order) is offered once per
 *   answer, on the first card that has it (most severe first): two drafts each brought a
 *   recommended colecalciferol, and accepting all made two; a lab test counts once whatever its
 *   note (`newLabs`); a recommended referral in place of a draft counts as the referral offered
 *   (alendronate "do not prescribe at eGFR 30 – refer" beside a denosumab start "agree it with
 *   endocrinology" had offered two referrals to one clinic), whichever card comes first.
 * A card the site hides (`shown` false) takes no one click from the others: a hidden low-calcium
 * card had kept "remove one of the orders" off the duplicate card, its removal never shown.
 */
export function oneClickOnce(recs: readonly Recommendation[], shown: (r: Recommendation) => boolean = () => true): Recommendation[] {
  const critical = new Map<string, Set<string>>();
  // Drafts removed or replaced, with the card that does it: a critical card first, else a card that
  // bars the draft (must-not-go-ahead.ts: the contraindication card is one that is not critical).
  const removed = new Map<string, Recommendation>();
  for (const r of recs) {
    if (r.draft === undefined || r.suggestions === undefined || !shown(r)) continue;
    const isCritical = r.indicator === 'critical';
    if (!isCritical && !barsDraft(r)) continue;
    const keys = critical.get(r.draft) ?? new Set<string>();
    for (const s of r.suggestions) {
      if (isCritical) keys.add(suggestionKey(s));
      const target = draftReplacedBy(s);
      if (target !== undefined && (isCritical || !removed.has(target))) removed.set(target, r);
    }
    if (isCritical) critical.set(r.draft, keys);
  }
  // A recommended referral in place of a draft stays (it takes its draft away), and is the referral
  // offered: another card's plain referral to the same clinic would send a second one. One offered
  // only as an alternative (beside a recommended switch) is not: the GP who switches sends none.
  const offered = new Set<string>();
  for (const r of recs) {
    if (!shown(r)) continue;
    for (const s of r.suggestions ?? []) if (s.kind === 'referral' && s.replacesDraft !== undefined && s.recommended === true) offered.add(suggestionKey(s, 'recommended', 'replacesDraft'));
  }
  // Drafts a critical card already taken removes (or replaces): a second critical card of the same
  // draft does not offer to remove it again — accepting both sent two deletes of one order.
  const removedByCritical = new Set<string>();
  const bySeverity = [...recs].sort((a, b) => SEVERITY[b.indicator] - SEVERITY[a.indicator]);
  const kept = new Map<Recommendation, SuggestionSpec[]>();
  for (const r of bySeverity) {
    if (r.suggestions === undefined || !shown(r)) continue;
    const taken = r.draft === undefined || r.indicator === 'critical' ? undefined : critical.get(r.draft);
    const out: SuggestionSpec[] = [];
    for (const s of r.suggestions) {
      const key = suggestionKey(s);
      if (taken?.has(key) === true) continue;
      const target = draftReplacedBy(s);
      const remover = target === undefined ? undefined : removed.get(target);
      if (r.indicator !== 'critical' && s.kind === 'remove-draft' && remover !== undefined && remover !== r) continue;
      if (r.indicator === 'critical' && target !== undefined) {
        if (s.kind === 'remove-draft' && removedByCritical.has(target)) continue;
        removedByCritical.add(target);
      }
      if (s.kind === 'lab' || s.kind === 'labs') {
        const kept = newLabs(s, offered);
        if (kept !== undefined) out.push(kept);
        continue;
      }
      if (target === undefined && s.kind !== 'reminder') {
        const order = suggestionKey(s, 'recommended');
        if (offered.has(order)) continue;
        offered.add(order);
      }
      out.push(s);
    }
    kept.set(r, out);
  }
  return recs.map((r) => {
    const out = kept.get(r);
    return out === undefined || out.length === r.suggestions?.length ? r : keepSuggestions(r, out);
  });
}

const SEVERITY: Readonly<Record<Recommendation['indicator'], number>> = { critical: 3, warning: 2, info: 1 };

/**
 * A lab order's tests not yet offered in the answer (each is then taken as offered), or undefined
 * when all were. A test is one order whatever its note says ("before the infusion", "before the
 * injection"): an alendronate and a zoledronic acid draft short of the same tests each brought a
 * calcium and a 25-OH-D order, and accepting all ordered each test twice. The first card (most
 * severe) keeps its note.
 */
function newLabs(s: Extract<SuggestionSpec, { kind: 'lab' | 'labs' }>, offered: Set<string>): SuggestionSpec | undefined {
  const labs = s.kind === 'lab' ? [s.lab] : s.labs;
  const fresh = labs.filter((lab) => !offered.has(testKey(lab)));
  for (const lab of fresh) offered.add(testKey(lab));
  if (fresh.length === labs.length) return s;
  if (fresh.length === 0) return undefined;
  if (s.kind === 'lab') return s;
  return { ...s, labs: fresh };
}


/**
 * One blood test per key: an eGFR is the creatinine with its calculated eGFR (DNK35302, "P-kreatinin
 * med beregnet eGFR"), and a creatinine comes back with its eGFR — one card's "Bestil eGFR" beside
 * another's "Bestil P-kreatinin" was the same draw ordered twice.
 */
function testKey(lab: string): string {
  return lab === 'creatinine' || lab === 'egfr' ? 'lab:kidney' : `lab:${lab}`;
}

/** The same suggestion whatever the order its fields were written in (`ignore`: a field that does not make it another order). */
function suggestionKey(s: SuggestionSpec, ...ignore: string[]): string {
  return JSON.stringify(Object.entries(s).filter(([k]) => !ignore.includes(k)).sort(([a], [b]) => a.localeCompare(b)));
}
