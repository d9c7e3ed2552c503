/**
 * Topic `bisphosphonate-pause-review` (v2) — source-card-da.txt:
 *
 * l. 185-186 "Behandlingspause bør overvejes efter 5 år."
 * l. 196-197 "Opfølgning med DXA-scanning tidligst efter 2 år, hvis relevant."
 * l. 198-199 "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år."
 * l. 165-166 "Henvis til samme hospital som ved tidligere skanning."
 *
 * When: paused (rules.md section 1: the last oral bisphosphonate course ended after ≥ 5 years with
 *       the pause criteria met, nothing restarted since), and the pause still holds (no low-energy
 *       fracture after its start, no DXA after its start with hip T-score ≤ −2.5 — then
 *       `treatment-indicated` speaks with reason `pause-ended` instead).
 * Then: info —
 *   - `pause-ongoing`: before 2 years, with no DXA since the start: the pause since its start, and
 *     "DXA tidligst <start + 2 years>" (suggestion: a reminder for that day);
 *   - `pause-dxa-due`: from 2 years after the start (the day itself counts) with no DXA since: a DXA
 *     referral naming the previous performer (same hospital as before);
 *   - `pause-continues`: a DXA after the start shows hip T-score > −2.5: the pause continues, next
 *     DXA no earlier than 2 years after that scan [choice, rules.md]; from then on also
 *     `pause-dxa-due` with the DXA referral. A DXA after the start without a hip T-score does not
 *     answer the question: it is treated as no DXA [choice, safer: the hip decides].
 *   With the DXA due and a current 25-OH-D ≤ 50 nmol/L (card l. 14-15 "OBS: D-vitamin bør være i
 *   niveau før DXA-skanning (ellers risiko for overdiagnosticering)"), the card says to replete
 *   vitamin D before the scan (`vitaminDLow`) [choice, as `dxa-workup-suggested`]: the scan decides
 *   a restart on the T-score, which `vitamin-d-before-dxa` would then distrust.
 *   With ≥ 10 years of oral bisphosphonate already taken (l. 198-199 "kan behandling udstrækkes
 *   til 10 år": the limit), a new fracture or a low hip T-score leads to the endocrinology
 *   referral, not to alendronate again (`tenYears`; `treatment-indicated` then refers, reason
 *   `ten-years`): "resume, up to 10 years in total" beside 10.0 years contradicted itself.
 * Reasons: `pause-ongoing`, `pause-dxa-due`, `pause-continues`.
 */
import { addYears } from '../../time/local-date.js';
import type { Reason } from '../../contract/topics.js';
import { pauseEnded, pauseState } from '../predicates/care-state.js';
import { courseFinding, labFinding, scoreFinding } from '../predicates/findings.js';
import { atOrBelow, latestWithin, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { latestScan, previousDxaPerformer } from '../predicates/dxa.js';
import { oralBisphosphonateYearsReached } from '../predicates/medication.js';
import { MAX_YEARS } from './bisphosphonate-duration.js';

/** "DXA-scanning tidligst efter 2 år". */
const DXA_AFTER_YEARS = 2;

export const bisphosphonatePauseReview: PatientRule<'bisphosphonate-pause-review'> = (ctx) => {
  const { facts, today } = ctx;
  const pause = pauseState(ctx);
  if (pause === undefined || pauseEnded(pause)) return undefined;

  const hip = pause.hipAfterStart;
  const from = hip?.date ?? pause.start;
  const due = addYears(from, DXA_AFTER_YEARS);
  const reasons: Reason[] = [hip === undefined ? 'pause-ongoing' : 'pause-continues'];
  const findings: Finding[] = pause.courses.map((c) => courseFinding(c, today));
  if (hip !== undefined) findings.push(scoreFinding('t-score', hip));
  findings.push({ kind: 'due-date', what: 'dxa', date: due });

  let suggestions: SuggestionSpec[];
  let vitaminDLow: string | undefined;
  if (today >= due) {
    if (hip === undefined) reasons[0] = 'pause-dxa-due';
    else reasons.push('pause-dxa-due');
    // "Henvis til samme hospital som ved tidligere skanning."
    const performer = previousDxaPerformer(facts);
    const previous = latestScan(facts);
    findings.push({ kind: 'dxa', ...(previous === undefined ? {} : { date: previous.date }), ...(performer === undefined ? {} : { performer }), ...(previous?.refs[0] === undefined ? {} : { ref: previous.refs[0] }) });
    suggestions = [{ kind: 'dxa', ...(performer === undefined ? {} : { performer }) }];
    const vitaminD = latestWithin(facts.labs.vitaminD, today, ctx.settings.freshnessDays.vitaminD);
    if (vitaminD !== undefined && atOrBelow(vitaminD, VITAMIN_D_LIMIT)) {
      findings.push(labFinding('vitamin-d', vitaminD));
      vitaminDLow = vitaminD.ref;
    }
  } else {
    suggestions = [{ kind: 'reminder', what: 'dxa', due }];
  }
  return {
    topic: 'bisphosphonate-pause-review',
    indicator: 'info',
    reasons,
    evidence: [...new Set([...pause.courses.flatMap((c) => c.refs), ...(hip === undefined ? [] : [hip.ref]), ...(vitaminDLow === undefined ? [] : [vitaminDLow])])],
    findings,
    suggestions,
    selectionBehavior: 'any',
    pauseStart: pause.start,
    dxaFrom: due,
    ...(vitaminDLow === undefined ? {} : { vitaminDLow: true as const }),
    ...(oralBisphosphonateYearsReached(facts, MAX_YEARS) ? { tenYears: true as const } : {}),
  };
};
