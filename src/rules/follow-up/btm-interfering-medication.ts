/**
 * Topic `btm-interfering-medication` — source-card-da.txt:
 *
 * l. 157-158 "Anden medicin kan specielt ved start/dosisændring påvirke værdierne, fx
 *            antiepileptika, antiøstrogen- og antiandrogen behandling."
 *
 * When: on oral bisphosphonate, a bone marker is due (the `btm-follow-up-due` conditions) or one
 *       was taken in the last 30 days [choice: "just taken" — its value may already be affected],
 *       and a record of an antiepileptic, anti-oestrogen, aromatase inhibitor, anti-androgen or
 *       GnRH analogue [the card's "fx" list, with the anti-hormone drugs of rules.md section 1]
 *       started within the last 3 months (a new record while an older one exists is a dose change,
 *       unless both state the same daily dose: a renewal).
 * Then: info — the marker value may be affected; interpret with care or time the marker.
 * Reasons: `interfering-medication`.
 */
import type { DrugId, MedicationRecord, Ref } from '../../facts/types.js';
import { addDays, addMonths } from '../../time/local-date.js';
import { courseFinding } from '../predicates/findings.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { boneMarkerFlow, markerDue } from './bone-markers.js';
import { lastCountedDay } from '../predicates/data-horizon.js';

/** "fx antiepileptika, antiøstrogen- og antiandrogen behandling". */
const INTERFERING_DRUGS: readonly DrugId[] = ['antiepileptic', 'anti-oestrogen', 'aromatase-inhibitor', 'anti-androgen', 'gnrh-analogue'];
/** "ved start/dosisændring": started or changed within the last 3 months [choice]. */
const STARTED_WITHIN_MONTHS = 3;
/** A marker "just taken": within the last 30 days [choice]. */
const MARKER_TAKEN_WITHIN_DAYS = 30;

const NOT_A_RECORD = new Set(['entered-in-error']);

/**
 * A new record of a drug already in use at the same known daily dose is a renewal, not a start or
 * dose change. When either dose is unknown it counts as a possible change [choice: safer — the
 * card's warning is shown]. The earliest start per drug and known dose, found once: comparing each
 * record with every other was a square in the records.
 */
function renewals(records: readonly MedicationRecord[]): (m: MedicationRecord) => boolean {
  const earliest = new Map<string, string>();
  for (const r of records) {
    if (r.dailyDoseMg === undefined) continue;
    const key = `${r.identity.drug}|${r.dailyDoseMg}`;
    const start = earliest.get(key);
    if (start === undefined || r.start < start) earliest.set(key, r.start);
  }
  return (m) => {
    if (m.dailyDoseMg === undefined) return false;
    const start = earliest.get(`${m.identity.drug}|${m.dailyDoseMg}`);
    return start !== undefined && start < m.start;
  };
}

export const btmInterferingMedication: PatientRule<'btm-interfering-medication'> = (ctx) => {
  const { facts, today } = ctx;
  const flow = boneMarkerFlow(ctx);
  if (flow === undefined) return undefined;
  const recentMarker = facts.labs.boneMarkers.find((m) => m.date <= lastCountedDay(today) && m.date >= addDays(today, -MARKER_TAKEN_WITHIN_DAYS));
  if (markerDue(flow, today, ctx.settings.boneMarkerWindowMonths) === undefined && recentMarker === undefined) return undefined;

  const from = addMonths(today, -STARTED_WITHIN_MONTHS);
  const records = facts.medications.filter((m) => INTERFERING_DRUGS.includes(m.identity.drug) && !NOT_A_RECORD.has(m.status));
  const isRenewal = renewals(records);
  const started = records.filter((m) => m.start >= from && m.start <= today && !isRenewal(m));
  if (started.length === 0) return undefined;

  const findings: Finding[] = started.map((m) => ({ kind: 'medication', drug: m.identity.drug, date: m.start, ref: m.ref }));
  findings.push(courseFinding(flow.course, today));
  const evidence: Ref[] = [...started.map((m) => m.ref), ...(recentMarker === undefined ? [] : [recentMarker.ref]), ...flow.course.refs];
  return {
    topic: 'btm-interfering-medication',
    indicator: 'info',
    reasons: ['interfering-medication'],
    evidence: [...new Set(evidence)],
    findings,
  };
};
