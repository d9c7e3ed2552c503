/**
 * Card page 2 l. 145 "CTX skal tages fastende før kl. 10": a CTX taken later reads low. Through the
 * facts stage (NOW = 2026-06-15): such a sample cannot show a response — the marker is asked for
 * again and the card names it — but it can show the absence of one, and a late baseline only
 * understates a fall.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/index.js';
import { formatFinding } from '../../src/cards/text/findings.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { factsOf, medicationStatement, observation } from '../helpers/facts-builders.js';
import { ctxOf } from '../helpers/facts.js';

const run = (resources: readonly UntrustedResource[]): Recommendation[] => evaluateRules('patient-view', ctxOf(factsOf(resources)));
const card = (recs: readonly Recommendation[], topic: string) => recs.find((r) => r.topic === topic);
const ctx = (id: string, value: number, at: string) => observation({ id, code: '41171-0', value, ucum: 'ug/L', date: at });
// On prednisolone: CTX is the marker (page 2 l. 140-142).
const prednisolone = medicationStatement({ id: 'pred', atc: 'H02AB06', text: 'Prednisolon 5 mg', status: 'active', start: '2025-06-01', dose: { value: 10, unit: 'mg' } });
const alendronate = (start: string) => medicationStatement({ id: 'aln', atc: 'M05BA04', text: 'Alendronat 70 mg', status: 'active', start, sig: '1 tablet ugentligt' });

describe('a CTX taken at 10 or later (card page 2 l. 145)', () => {
  it('cannot show a response: a fall of 42 % at 15:30 asks for a fasting CTX and names the one not judged', () => {
    const recs = run([prednisolone, alendronate('2026-01-01'), ctx('base', 0.6, '2025-12-20T08:00:00+01:00'), ctx('on', 0.35, '2026-04-10T15:30:00+02:00')]);
    expect(card(recs, 'btm-response-adequate')).toBeUndefined();
    const due = card(recs, 'btm-follow-up-due');
    expect(due?.suggestions).toEqual([expect.objectContaining({ kind: 'lab', lab: 'ctx' })]);
    expect(due?.evidence).toContain('Observation/on');
    const named = due?.findings.find((f) => f.kind === 'unusable-value');
    expect(named).toEqual({ kind: 'unusable-value', concept: 'ctx', ref: 'Observation/on', date: '2026-04-10', reason: 'not-fasting', time: '15:30' });
    expect(formatFinding(named!, 'da')).toBe('Værdi ikke brugt – taget kl. 15:30, ikke fastende før kl. 10: CTX (10.04.2026)');
    expect(formatFinding(named!, 'en')).toContain('Value not used – taken at 15:30, not fasting before 10 am: CTX');
  });

  it('the same CTX taken at 08:30 is the fall of 42 % the card judges', () => {
    const recs = run([prednisolone, alendronate('2026-01-01'), ctx('base', 0.6, '2025-12-20T08:00:00+01:00'), ctx('on', 0.35, '2026-04-10T08:30:00+02:00')]);
    expect(card(recs, 'btm-response-adequate')?.reasons).toEqual(['fall-from-baseline']);
  });

  it('a late baseline only understates a fall: 0.6 at 11:00 → 0.3 fasting is still a response', () => {
    const recs = run([prednisolone, alendronate('2026-01-01'), ctx('base', 0.6, '2025-12-20T11:00:00+01:00'), ctx('on', 0.3, '2026-04-10T08:00:00+02:00')]);
    expect(card(recs, 'btm-response-adequate')?.reasons).toEqual(['fall-from-baseline']);
  });

  // Alendronate since October, a fasting baseline and a first result that fell 17 %.
  const firstInadequate = [prednisolone, alendronate('2025-10-05'), ctx('base', 0.6, '2025-10-01T08:00:00+02:00'), ctx('first', 0.5, '2026-01-10T08:00:00+01:00')];

  it('a late re-check can show the absence of a response: still ≤ 30 % at 11:00 is the switch', () => {
    const recs = run([...firstInadequate, ctx('recheck', 0.48, '2026-04-15T11:00:00+02:00')]);
    expect(card(recs, 'switch-to-parenteral')?.reasons).toContain('persistent-insufficient-fall');
  });

  it('a newer CTX after 10 that seemed to fall is named beside the switch the two fasting results call for', () => {
    const recs = run([...firstInadequate, ctx('recheck', 0.5, '2026-04-15T08:00:00+02:00'), ctx('late', 0.2, '2026-05-20T11:00:00+02:00')]);
    const sw = card(recs, 'switch-to-parenteral');
    expect(sw?.reasons).toContain('persistent-insufficient-fall');
    expect(sw?.findings).toContainEqual(expect.objectContaining({ kind: 'unusable-value', ref: 'Observation/late', reason: 'not-fasting', time: '11:00' }));
  });

  it('an old afternoon CTX outside any course is no data error: no card names it', () => {
    const recs = run([ctx('old', 0.3, '2018-03-01T11:00:00+01:00')]);
    expect(recs.flatMap((r) => r.findings).filter((f) => f.kind === 'unusable-value')).toEqual([]);
    expect(card(recs, 'data-unavailable')).toBeUndefined();
  });
});
