/**
 * Topic `bisphosphonate-pause-candidate` — source-card-da.txt:
 *
 * l. 185-194 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis: T-score (hofte)
 *            > -2,5 og aldrig lavenergibrud i ryg eller hofte og ingen andre lavenergibrud de
 *            seneste år og evt. udløsende årsager er korrigeret, ..."
 * l. 196-197 "Opfølgning med DXA-scanning tidligst efter 2 år, hvis relevant."
 * l. 201-203 "Bisfosfonat som fx alendronat har en længerevarende knoglebeskyttende effekt, da det
 *            bliver i skelettet pga. lang halveringstid."
 *
 * When: on oral bisphosphonate with ≥ 5 and < 10 years of it (all courses), and all pause criteria
 *       hold: hip T-score > −2.5, never a low-energy spine or hip fracture, no other low-energy
 *       fracture in the last 5 years, glucocorticoid stopped ≥ 1 year ago or never used.
 * Then: info — a treatment pause may be considered; DXA no earlier than 2 years later (suggestion:
 *       a reminder); the bisphosphonate's effect lasts. From 10 years `bisphosphonate-ten-years`
 *       applies instead (and replaces this card, REPLACES).
 * Reasons: `five-years`.
 */
import { addMonths } from '../../time/local-date.js';
import type { PatientRule } from '../types.js';
import { oralDuration, pauseCriteria } from './bisphosphonate-duration.js';

/** "Opfølgning med DXA-scanning tidligst efter 2 år". */
const DXA_AFTER_PAUSE_MONTHS = 24;

export const bisphosphonatePauseCandidate: PatientRule<'bisphosphonate-pause-candidate'> = (ctx) => {
  const duration = oralDuration(ctx);
  if (duration?.band !== 'five-to-ten') return undefined;
  const pause = pauseCriteria(ctx);
  if (pause.failed.length > 0) return undefined;
  return {
    topic: 'bisphosphonate-pause-candidate',
    indicator: 'info',
    reasons: ['five-years'],
    evidence: [...new Set([...duration.evidence, ...pause.evidence])],
    findings: [...duration.findings, ...pause.findings],
    suggestions: [{ kind: 'reminder', what: 'dxa', due: addMonths(ctx.today, DXA_AFTER_PAUSE_MONTHS) }],
    selectionBehavior: 'any',
  };
};
