/**
 * Topic `anabolic-treatment-consideration` — source-card-da.txt:
 *
 * l. 29-30  "Overvej henvisning til anabol behandling ved lavenergibrud – se bagsiden"
 * l. 205-216 "Overvejelse om anabol (knogleopbyggende) behandling: Injektionsbehandling med
 *            romosozumab eller teriparatid, der normalt er selvadministreret. Postmenopausale
 *            kvinder med T-score < -2,5 og lavenergibrud på hofte, bækken, overarm, underarm eller
 *            ryg indenfor 3 år. Mænd med T-score ≤ -3,0 og lavenergibrud i ryg inden for seneste 3
 *            år eller som har ≥ 2 lavenergibrud i ryg."
 *
 * When: (woman) postmenopausal, T-score < −2.5 (strict) and a low-energy (or possibly low-energy)
 *       fracture of hip, pelvis, upper arm, forearm or spine within 3 years (the day 3 years ago
 *       included); (man) over 60 and either T-score ≤ −3.0 with a low-energy spine fracture within
 *       3 years, or ≥ 2 distinct low-energy spine fractures at any time (v2: two vertebrae on one
 *       day are two; a code of multiple vertebral fractures counts as two). Also for patients not on
 *       treatment; not while an anabolic course is active [choice: the referral has then happened].
 *       After an anabolic course has ended, only fractures dated after its last day (its last dose
 *       given, not the weeks that dose covers; its stop when earlier) count [choice:
 *       the fracture that led to it was answered by it — teriparatide is given for at most 24
 *       months, romosozumab for 12 — so it does not ask for the referral again; a new fracture does].
 * Then: warning — consider referral for anabolic treatment (suggestion): romosozumab (women only;
 *       not after myocardial infarction or stroke [extension: SmPC] — said explicitly when the
 *       record has one) or teriparatide (at most 24 months), normally self-injected.
 * Reasons: `woman-fracture-3y`, `man-spine-fracture-3y`, `man-two-spine-fractures`.
 */
import type { FractureSite, Ref } from '../../facts/types.js';
import type { Reason } from '../../contract/topics.js';
import { anyConditions } from '../predicates/conditions.js';
import { diagnosticTScore } from '../predicates/dxa.js';
import { conditionFinding, scoreFinding } from '../predicates/findings.js';
import { distinctFractures, fractureCount, fractureFinding, lowEnergyFractures, withinYears, type CountedFracture } from '../predicates/fractures.js';
import { activeCourse, latestCourse } from '../predicates/medication.js';
import { isManOver60, isPostmenopausalWoman } from '../predicates/population.js';
import { perContext } from '../memo.js';
import type { PatientRule } from '../types.js';
import type { Finding } from '../../contract/findings.js';
import { minDate } from '../../time/local-date.js';

/** "indenfor 3 år" / "inden for seneste 3 år". */
const FRACTURE_YEARS = 3;
/** "Postmenopausale kvinder med T-score < -2,5" (strict: −2.5 itself does not qualify). */
const WOMAN_T_SCORE_BELOW = -2.5;
/** "Mænd med T-score ≤ -3,0". */
const MAN_T_SCORE_AT_OR_BELOW = -3.0;
/** "lavenergibrud på hofte, bækken, overarm, underarm eller ryg". */
const WOMAN_SITES: readonly FractureSite[] = ['hip', 'pelvis', 'upper-arm', 'forearm', 'spine'];
/** "≥ 2 lavenergibrud i ryg". */
const MAN_SPINE_FRACTURES = 2;

/** Worked out once per request (memo.ts): `treatment-indicated` asks it too. */
export const anabolicTreatmentConsideration: PatientRule<'anabolic-treatment-consideration'> = perContext((ctx) => {
  const { facts, today, settings } = ctx;
  if (activeCourse(facts, 'anabolic') !== undefined) return undefined;
  const given = latestCourse(facts, 'anabolic');
  // Its last day: the last dose given, not the weeks that dose covers (facts/anabolic-cover.ts), or
  // the stop when that came first.
  const answeredUntil = given === undefined ? undefined : minDate(given.end, given.lastDose);
  const counted = (records: readonly CountedFracture[]): readonly CountedFracture[] =>
    answeredUntil === undefined ? records : records.filter((c) => c.fracture.date !== undefined && c.fracture.date > answeredUntil);
  const t = diagnosticTScore(facts);
  const reasons: Reason[] = [];
  let fractures: readonly CountedFracture[] = [];
  let usesTScore = false;

  if (isPostmenopausalWoman(facts, settings)) {
    const recent = distinctFractures(withinYears(counted(lowEnergyFractures(facts, settings, WOMAN_SITES)), today, FRACTURE_YEARS));
    if (t !== undefined && t.value < WOMAN_T_SCORE_BELOW && recent.length > 0) {
      reasons.push('woman-fracture-3y');
      fractures = recent;
      usesTScore = true;
    }
  } else if (isManOver60(facts, settings)) {
    const spineRecords = counted(lowEnergyFractures(facts, settings, ['spine']));
    const spine = distinctFractures(spineRecords);
    const recentSpine = withinYears(spine, today, FRACTURE_YEARS);
    if (t !== undefined && t.value <= MAN_T_SCORE_AT_OR_BELOW && recentSpine.length > 0) {
      reasons.push('man-spine-fracture-3y');
      fractures = recentSpine;
      usesTScore = true;
    }
    if (fractureCount(spineRecords) >= MAN_SPINE_FRACTURES) {
      reasons.push('man-two-spine-fractures');
      fractures = spine;
    }
  }
  if (reasons.length === 0) return undefined;

  const findings: Finding[] = [];
  const evidence: Ref[] = [];
  if (usesTScore && t !== undefined) {
    findings.push(scoreFinding('t-score', t));
    evidence.push(t.ref);
  }
  findings.push(...fractures.map(fractureFinding));
  evidence.push(...fractures.map((c) => c.fracture.ref));

  // Romosozumab is for women only and not after myocardial infarction or stroke [extension: SmPC].
  const cardiovascular = facts.sex === 'female' ? anyConditions(facts, ['myocardial-infarction', 'stroke']) : [];
  findings.push(...cardiovascular.map(conditionFinding));
  evidence.push(...cardiovascular.map((c) => c.ref));
  return {
    topic: 'anabolic-treatment-consideration',
    indicator: 'warning',
    reasons,
    evidence: [...new Set(evidence)],
    findings,
    suggestions: [{ kind: 'referral', to: 'anabolic-treatment', recommended: true }],
    selectionBehavior: 'any',
    candidate: facts.sex !== 'female' ? 'man' : cardiovascular.length > 0 ? 'woman-cardiovascular' : 'woman',
  };
});
