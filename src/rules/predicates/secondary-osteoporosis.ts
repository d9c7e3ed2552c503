/**
 * Suspected secondary osteoporosis — source-card-da.txt l. 232-233 (referral): "Mistanke om
 * udredningskrævende sekundær osteoporose". rules.md sections 2 (v2, before treatment) and 3:
 * hypercalcaemia (a calcium of the latest day above range, section 1) or a Z-score ≤ −2.0 [extension: DES NBV]
 * on the latest DXA that has one.
 */
import type { Ref } from '../../facts/types.js';
import type { Finding } from '../../contract/findings.js';
import { latestZScore } from './dxa.js';
import { calciumFinding, scoreFinding } from './findings.js';
import { perFacts } from '../memo.js';
import type { Judgement } from './indication.js';
import { latestHighCalciums } from './labs.js';
import { lastCountedDay } from './data-horizon.js';

/** Z-score at or below this suggests a secondary cause [extension: DES NBV]. */
export const SECONDARY_Z_SCORE = -2.0;

export const secondaryOsteoporosisSigns = perFacts((facts): Judgement | undefined => {
  const findings: Finding[] = [];
  const evidence: Ref[] = [];
  // Every calcium of the newest day that can tell, as the hypocalcaemia check before treatment reads them.
  for (const calcium of latestHighCalciums(facts.labs.calcium, facts.today)) {
    findings.push(calciumFinding(calcium));
    evidence.push(calcium.ref);
  }
  const z = latestZScore(facts);
  if (z !== undefined && z.date <= lastCountedDay(facts.today) && z.value <= SECONDARY_Z_SCORE) {
    findings.push(scoreFinding('z-score', z));
    evidence.push(z.ref);
  }
  return evidence.length === 0 ? undefined : { reasons: ['secondary-osteoporosis'], findings, evidence };
});
