/**
 * Topic `bisphosphonate-continue` — source-card-da.txt:
 *
 * l. 185-194 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis: T-score (hofte)
 *            > -2,5 og aldrig lavenergibrud i ryg eller hofte og ingen andre lavenergibrud de
 *            seneste år og evt. udløsende årsager er korrigeret, ..."
 * l. 198-199 "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år."
 *
 * When: on oral bisphosphonate with ≥ 5 and < 10 years of it (all courses), and at least one pause
 *       criterion fails (a missing hip T-score fails the first one).
 * Then: info — continue treatment (up to 10 years with persistently low hip bone mass); the reasons
 *       name the failed criteria; with no hip T-score, suggest a DXA (same department as before).
 *       With the latest eGFR ≤ 35 the card does not say "continue" (endocrinology-referral `egfr-low`
 *       says hold until the specialist answers) [choice: rules.md section 6, cards must not disagree].
 * Reasons: `hip-t-score-low`, `hip-t-score-missing`, `prior-spine-hip-fracture`, `recent-fracture`,
 *          `ongoing-glucocorticoid`.
 */
import { latestScan, previousDxaPerformer } from '../predicates/dxa.js';
import { dxaScanFinding } from '../predicates/findings.js';
import { continueHold } from '../predicates/continue-hold.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { oralDuration, pauseCriteria } from './bisphosphonate-duration.js';

export const bisphosphonateContinue: PatientRule<'bisphosphonate-continue'> = (ctx) => {
  const duration = oralDuration(ctx);
  if (duration?.band !== 'five-to-ten') return undefined;
  const pause = pauseCriteria(ctx);
  if (pause.failed.length === 0) return undefined;
  const performer = previousDxaPerformer(ctx.facts);
  const hipMissing = pause.failed.includes('hip-t-score-missing');
  const suggestions: SuggestionSpec[] = hipMissing ? [{ kind: 'dxa', ...(performer === undefined ? {} : { performer }) }] : [];
  // Without a hip T-score the card names the scan there is (or none): "the same hospital" only after one.
  const previous = hipMissing ? latestScan(ctx.facts) : undefined;
  const scanFindings: Finding[] = !hipMissing ? [] : previous === undefined ? [{ kind: 'dxa' }] : [dxaScanFinding(previous)];
  const kidney = continueHold(ctx.facts, ctx.settings);
  return {
    topic: 'bisphosphonate-continue',
    indicator: 'info',
    reasons: pause.failed,
    evidence: [...new Set([...duration.evidence, ...pause.evidence, ...kidney.refs])],
    findings: [...duration.findings, ...pause.findings, ...scanFindings, ...kidney.findings],
    ...(kidney.notContinued === undefined ? {} : { notContinued: kidney.notContinued }),
    ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
  };
};
