/**
 * Topic `bisphosphonate-ten-years` — source-card-da.txt:
 *
 * l. 198-199 "Ved fortsat lav knoglemasse i hoften kan behandling udstrækkes til 10 år."
 * l. 185     "Behandlingspause bør overvejes efter 5 år."
 *
 * When: on oral bisphosphonate with ≥ 10 years of it, all courses added up (calendar exact: the
 *       10th anniversary counts).
 * Then: warning — the card's maximum duration is reached; do not continue routinely; refer to
 *       endocrinology for further treatment (suggestion). Replaces `bisphosphonate-pause-candidate`
 *       and `bisphosphonate-continue` (REPLACES).
 * Reasons: `ten-years`.
 */
import type { PatientRule } from '../types.js';
import { oralDuration } from './bisphosphonate-duration.js';

export const bisphosphonateTenYears: PatientRule<'bisphosphonate-ten-years'> = (ctx) => {
  const duration = oralDuration(ctx);
  if (duration?.band !== 'ten-or-more') return undefined;
  return {
    topic: 'bisphosphonate-ten-years',
    indicator: 'warning',
    reasons: ['ten-years'],
    evidence: [...new Set(duration.evidence)],
    findings: duration.findings,
    suggestions: [{ kind: 'referral', to: 'endocrinology', recommended: true }],
    selectionBehavior: 'any',
  };
};
