/**
 * Topic `pretreatment-checks` (rules.md section 2) — warning if a check fails, info if only missing.
 *
 * source-card-da.txt l. 41-51:
 *   "Tjek, at eGFR > 35 ml/min.
 *    Tjek, at der Ikke er hypocalcæmi.
 *    Tjek, at P-25-OH-Vit.D > 50 nmol/L.
 *    Mål knoglemarkør ved peroral behandling.
 *    Mål patientens højde.
 *    Bed patienten om at orientere tandlæge. …
 *    Før start af antiresorptiv behandling"
 * and page 2, l. 140-145: "(P1NP) er primær prøve. CTX anvendes i stedet for P1NP, hvis patient er i
 *   behandling med glukokortikoid … Tag initial KM før behandling … CTX skal tages fastende før kl. 10"
 *
 * When: `treatment-indicated` fires, and at least one check before an antiresorptive start is
 *       missing or fails:
 *   - eGFR: none current (freshness window) → `egfr-missing`; the latest value of any age ≤ 35
 *     → `egfr-low` (exactly 35 fails "> 35") [choice, safer: kidney function rarely recovers]; a
 *     newer creatinine in the window whose CKD-EPI estimate is ≤ 35 makes the current eGFR no
 *     longer current → `egfr-missing`, naming that creatinine [extension];
 *   - calcium: none current → `calcium-missing`; the newest value whatever its age — or any other
 *     calcium result of the same day (total, albumin-corrected, ionised) — below range →
 *     `hypocalcaemia` (as eGFR: an old low value still fails) [choice];
 *   - 25-OH-D: none current → `vitamin-d-missing`; current value ≤ 50 → `vitamin-d-low`
 *     (exactly 50 fails "> 50");
 *   - of these three, a reported bound that cannot decide its check ("<60" for "eGFR > 35",
 *     terminology.md l. 1063) is no current value — the check asks for a number, as with none,
 *     and the card names the bound as not used (unusable-values.ts) — and is passed over for the
 *     latest value of any age (labs.ts);
 *   - baseline bone marker, only when oral treatment is proposed (first choice): P1NP (CTX also
 *     accepted), CTX when on glucocorticoid, taken within the baseline window → else
 *     `baseline-btm-missing`; v2: not asked after a fracture (any mechanism) in the last 6 months
 *     (page 2 l. 150-152 "KM kan IKKE anvendes ved: Fraktur indenfor 6 mdr. før behandlingsstart.
 *     Mål ét år efter fraktur.") — the detail says the first marker comes one year after it;
 *   - height: a height recorded at some time, else `height-missing` (rules.md gives no freshness for
 *     height [choice]; the follow-up height loss needs a baseline, not a recent value).
 *   The dentist check cannot be read from the record: the text always repeats it.
 * Then: warning when a check fails (`egfr-low`, `hypocalcaemia`, `vitamin-d-low`), info when data
 *       is only missing; suggestions order each missing lab, and re-check a failed eGFR or calcium
 *       (`any`). A low 25-OH-D is not re-ordered now: the card says check no earlier than 3
 *       months after supplementing (l. 103 "Tjek tidligst efter 3 mdr.") [choice]; where
 *       `vitamin-d-calcium` does not apply (the glucocorticoid indication, diagnosis criteria not
 *       met) and no supplement is taken, D3 is offered, recommended [choice: the "vitamin D first"
 *       the treatment card says, one click away].
 * Reasons: `egfr-low`, `egfr-missing`, `hypocalcaemia`, `calcium-missing`, `vitamin-d-low`,
 *   `vitamin-d-missing`, `baseline-btm-missing`, `height-missing`.
 */
import type { BoneMarkerKind, PatientFacts, Ref } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { calciumFinding, labFinding } from '../predicates/findings.js';
import { atOrBelow, currentCalcium, currentDeciding, decidesEgfrCheck, decidesVitaminDCheck, latestLowCalciums, latestWithin, VITAMIN_D_LIMIT } from '../predicates/labs.js';
import { latestEgfrAtLimit } from '../predicates/kidney.js';
import { creatinineAloneAtLimit, egfrContradicted, newerCreatinineOf } from '../predicates/creatinine-egfr.js';
import type { PatientRule, RuleContext } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import type { SuggestionSpec } from '../../contract/suggestions.js';
import { unique } from './applies.js';
import { currentVitaminDSupplements } from '../predicates/medication.js';
import { diagnosisCriteria } from '../predicates/indication.js';
import { treatmentIndicated } from './treatment-indicated.js';
import { markerAfterFracture, markerAfterFractureFindings } from '../predicates/marker-after-fracture.js';

/** The reasons that mean a check failed (warning), not only that data is missing (info). */
export const FAILED_CHECKS: readonly Reason[] = ['egfr-low', 'hypocalcaemia', 'vitamin-d-low'];

interface Checks {
  readonly reasons: Reason[];
  readonly findings: Finding[];
  readonly evidence: Ref[];
  readonly suggestions: SuggestionSpec[];
}

function checkKidney(ctx: RuleContext, out: Checks): void {
  const { facts, settings } = ctx;
  const current = currentDeciding(facts.labs.egfr, facts.today, settings.freshnessDays.egfr, decidesEgfrCheck);
  const low = latestEgfrAtLimit(facts);
  if (low !== undefined) {
    out.reasons.push('egfr-low');
    out.findings.push(labFinding('egfr', low));
    out.evidence.push(low.ref);
  }
  // A newer creatinine giving 35 or less: the current eGFR no longer shows "> 35" (creatinine-egfr.ts).
  const contradicted = current === undefined || low !== undefined ? undefined : egfrContradicted(facts, settings.freshnessDays.egfr);
  const creatinineOnly = current === undefined && low === undefined ? creatinineAloneAtLimit(facts, settings.freshnessDays.egfr) : undefined;
  if (current === undefined || contradicted !== undefined) {
    out.reasons.push('egfr-missing');
    out.findings.push({
      kind: 'lab-missing',
      lab: 'egfr',
      withinDays: settings.freshnessDays.egfr,
      ...(contradicted === undefined ? {} : { newerCreatinine: newerCreatinineOf(contradicted.creatinine) }),
      ...(creatinineOnly === undefined ? {} : { creatinineAtLimit: newerCreatinineOf(creatinineOnly) }),
    });
    if (contradicted !== undefined) out.evidence.push(contradicted.creatinine.ref, contradicted.egfr.ref);
    if (creatinineOnly !== undefined) out.evidence.push(creatinineOnly.ref);
  }
  if (low !== undefined || current === undefined || contradicted !== undefined) out.suggestions.push({ kind: 'lab', lab: 'egfr' });
}

function checkCalcium(ctx: RuleContext, out: Checks): void {
  const { facts, settings } = ctx;
  const current = currentCalcium(facts.labs.calcium, facts.today, settings.freshnessDays.calcium);
  // As for eGFR: the newest calcium day whatever its age — an old low value is not corrected by
  // time (the prescribing hook's `rx-hypocalcaemia` reads it so too; the two must not disagree).
  const low = latestLowCalciums(facts.labs.calcium, facts.today);
  if (low.length > 0) {
    out.reasons.push('hypocalcaemia');
    out.findings.push(...low.map(calciumFinding));
    out.evidence.push(...low.map((c) => c.ref));
  }
  if (current === undefined) {
    out.reasons.push('calcium-missing');
    out.findings.push({ kind: 'lab-missing', lab: 'calcium', withinDays: settings.freshnessDays.calcium });
  }
  if (low.length > 0 || current === undefined) out.suggestions.push({ kind: 'lab', lab: 'calcium' });
}

function checkVitaminD(ctx: RuleContext, out: Checks): void {
  const { facts, settings } = ctx;
  const current = currentDeciding(facts.labs.vitaminD, facts.today, settings.freshnessDays.vitaminD, decidesVitaminDCheck);
  if (current === undefined) {
    out.reasons.push('vitamin-d-missing');
    out.findings.push({ kind: 'lab-missing', lab: 'vitamin-d', withinDays: settings.freshnessDays.vitaminD });
    out.suggestions.push({ kind: 'lab', lab: 'vitamin-d' });
    return;
  }
  if (!atOrBelow(current, VITAMIN_D_LIMIT)) return;
  out.reasons.push('vitamin-d-low');
  out.findings.push(labFinding('vitamin-d', current));
  out.evidence.push(current.ref);
  // "Giv D-vitamin først" one click away (recommended: it is the first step) where
  // `vitamin-d-calcium` does not offer it — the glucocorticoid indication, diagnosis criteria not
  // met — and no supplement is taken (then the dose is the question) [choice].
  if (currentVitaminDSupplements(facts).length === 0 && diagnosisCriteria(facts, settings) === undefined) out.suggestions.push({ kind: 'prescribe', drug: 'colecalciferol', recommended: true });
}

/** P1NP is the primary marker; CTX instead when the patient is on glucocorticoid (page 2, l. 140-142). */
export function baselineMarkerKind(facts: PatientFacts): BoneMarkerKind {
  return facts.glucocorticoid.active ? 'ctx' : 'p1np';
}

/**
 * "Mål knoglemarkør ved peroral behandling" / "Tag initial KM før behandling" — v2: not after a
 * fracture in the last 6 months (page 2 l. 150-152): then no baseline is asked, and the findings
 * carry the fracture and the day one year after it, when the first marker comes.
 */
function checkBaselineMarker(ctx: RuleContext, out: Checks): void {
  const { facts, settings } = ctx;
  const blocked = markerAfterFracture(facts);
  if (blocked !== undefined) {
    out.findings.push(...markerAfterFractureFindings(blocked));
    return;
  }
  const wanted = baselineMarkerKind(facts);
  const accepted: readonly BoneMarkerKind[] = wanted === 'ctx' ? ['ctx'] : ['p1np', 'ctx'];
  const markers = facts.labs.boneMarkers.filter((m) => accepted.includes(m.marker));
  const baseline = latestWithin(markers, facts.today, settings.freshnessDays.boneMarkerBaseline);
  if (baseline !== undefined) return;
  out.reasons.push('baseline-btm-missing');
  out.findings.push({ kind: 'lab-missing', lab: wanted, withinDays: settings.freshnessDays.boneMarkerBaseline });
  out.suggestions.push(wanted === 'ctx' ? { kind: 'lab', lab: 'ctx', note: 'fasting-before-10' } : { kind: 'lab', lab: 'p1np' });
}

function checkHeight(ctx: RuleContext, out: Checks): void {
  if (ctx.facts.vitals.height.length > 0) return;
  out.reasons.push('height-missing');
}

export const pretreatmentChecks: PatientRule<'pretreatment-checks'> = (ctx) => {
  const treatment = treatmentIndicated(ctx);
  if (treatment === undefined) return undefined;
  const out: Checks = { reasons: [], findings: [], evidence: [], suggestions: [] };
  checkKidney(ctx, out);
  checkCalcium(ctx, out);
  checkVitaminD(ctx, out);
  if (treatment.choice === 'first-choice') checkBaselineMarker(ctx, out);
  checkHeight(ctx, out);
  if (out.reasons.length === 0) return undefined;

  const failed = out.reasons.some((r) => FAILED_CHECKS.includes(r));
  const missing = out.reasons.some((r) => !FAILED_CHECKS.includes(r));
  return {
    topic: 'pretreatment-checks',
    indicator: failed ? 'warning' : 'info',
    reasons: out.reasons,
    evidence: unique([...out.evidence, ...(missing ? [ctx.facts.patientRef] : [])]),
    findings: out.findings,
    ...(out.suggestions.length === 0 ? {} : { suggestions: out.suggestions, selectionBehavior: 'any' as const }),
    choice: treatment.choice,
  };
};
