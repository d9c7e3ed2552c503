/**
 * An anabolic drug given (MedicationAdministration) or dispensed (a `completed` MedicationRequest)
 * is anabolic treatment in use, as an active statement is (rules.md section 1 "On treatment";
 * facts/anabolic-cover.ts): no "start alendronate" while on romosozumab, the follow-on once the
 * course is over. Through the facts stage; TODAY 2026-11-26.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../src/rules/index.js';
import type { Recommendation } from '../../src/contract/recommendations.js';
import type { UntrustedResource } from '../../src/shared/json.js';
import { condition, draft, factsOf, medicationAdministration, medicationRequest, medicationStatement, observation, patient, SYS } from '../helpers/facts-builders.js';
import { ctxOf } from '../helpers/facts.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const ROMO = { atc: 'M05BX06', text: 'Evenity 105 mg' } as const;
const TERI = { atc: 'H05AA02', text: 'Forsteo 20 mikrog/dosis' } as const;
const woman = patient({ gender: 'female', birthDate: '1954-03-14' });
/** T −2.8 and rheumatoid arthritis: "start alendronate" when not on treatment (card "Indikation for at drøfte behandling"). */
const indicated: readonly UntrustedResource[] = [
  observation({ code: '38267-1', value: -2.8, ucum: '{T-score}', date: '2026-09-15' }),
  condition({ id: 'ra', system: SYS.sks, code: 'DM059', onset: '2026-01-10' }),
];

function topics(resources: readonly UntrustedResource[], drafts: readonly UntrustedResource[] = []): string[] {
  const facts = factsOf([...indicated, ...resources], { now: NOW, patient: woman, drafts: drafts.map((d) => draft(d)) });
  return evaluateRules(drafts.length === 0 ? 'patient-view' : 'prescribing', ctxOf(facts))
    .map((r: Recommendation) => r.topic)
    .sort();
}

const onStatement = [medicationStatement({ id: 'romo', ...ROMO, status: 'active', start: '2026-06-01' })];
const completedRx = (drug: typeof ROMO | typeof TERI) => medicationRequest({ id: 'rx', ...drug, status: 'completed', authoredOn: '2026-10-01', supply: { value: 28, unit: 'd' }, repeats: 0 });

describe('anabolic treatment given or dispensed is treatment in use', () => {
  it.each([
    ['romosozumab given 2026-11-01', [medicationAdministration({ id: 'inj', ...ROMO, date: '2026-11-01' })]],
    ['teriparatide given 2026-11-01', [medicationAdministration({ id: 'inj', ...TERI, date: '2026-11-01' })]],
    ['romosozumab dispensed 2026-10-01 (completed)', [completedRx(ROMO)]],
    ['teriparatide dispensed 2026-10-01 (completed, a 28-day pen)', [completedRx(TERI)]],
  ])('%s: no treatment card, the same answer as an active statement', (_, records) => {
    expect(topics([])).toContain('treatment-indicated');
    expect(topics(records)).not.toContain('treatment-indicated');
    expect(topics(records)).toEqual(topics(onStatement));
  });

  it('a stopped romosozumab prescription is a stop: the follow-on treatment card speaks', () => {
    const stopped = medicationRequest({ id: 'rx', ...ROMO, status: 'stopped', authoredOn: '2026-11-05', supply: { value: 28, unit: 'd' } });
    expect(topics([stopped])).toContain('treatment-indicated');
  });

  it('a full 12-month romosozumab course (last injection 2026-10-01) is over on 2026-11-01: the antiresorptive follow-on is offered, not a new anabolic referral', () => {
    const doses = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((m, i) =>
      medicationAdministration({ id: `r${i}`, ...ROMO, date: `${m}-01` }),
    );
    const hip = condition({ id: 'hip', system: SYS.sks, code: 'DS720', onset: '2025-10-01', lowEnergy: true });
    const recs = topics([...doses, hip]);
    expect(recs).toContain('treatment-indicated');
    expect(recs).not.toContain('anabolic-treatment-consideration');
  });

  it.each([
    ['given 2026-11-05, a stopped prescription 2026-11-15', [medicationAdministration({ id: 'inj', ...ROMO, date: '2026-11-05' }), medicationRequest({ id: 'stop', ...ROMO, status: 'stopped', authoredOn: '2026-11-15' })]],
    ['given 2026-11-05, the statement stopped 2026-11-15', [medicationAdministration({ id: 'inj', ...ROMO, date: '2026-11-05' }), medicationStatement({ id: 'stop', ...ROMO, status: 'stopped', start: '2026-06-01', end: '2026-11-15' })]],
    ['dispensed 2026-11-05 (completed), a stopped prescription 2026-11-12', [medicationRequest({ id: 'rx', ...ROMO, status: 'completed', authoredOn: '2026-11-05' }), medicationRequest({ id: 'stop', ...ROMO, status: 'stopped', authoredOn: '2026-11-12' })]],
  ])('romosozumab %s: the stop ends the course within its dose\'s cover, and the follow-on speaks', (_, records) => {
    expect(topics(records)).toContain('treatment-indicated');
  });

  it('a fracture after the last romosozumab injection, within its cover, was not answered by the course: the anabolic referral is considered again', () => {
    const spine = condition({ id: 'spine', system: SYS.sks, code: 'DS220', onset: '2026-04-15', lowEnergy: true });
    const recs = topics([medicationAdministration({ id: 'inj', ...ROMO, date: '2026-03-01' }), spine]);
    expect(recs).toContain('treatment-indicated');
    expect(recs).toContain('anabolic-treatment-consideration');
  });

  it('an injection long ago holds nothing: romosozumab given 2025-11-01 alone', () => {
    expect(topics([medicationAdministration({ id: 'inj', ...ROMO, date: '2025-11-01' })])).toContain('treatment-indicated');
  });
});

describe('prescribing beside romosozumab given 3 weeks ago: as beside an active statement', () => {
  const given = [medicationAdministration({ id: 'inj', ...ROMO, date: '2026-11-05' })];
  const alendronate = medicationRequest({ id: 'aln', ...{ atc: 'M05BA04', text: 'Alendronat 70 mg' }, status: 'draft', authoredOn: '2026-11-26', dose: { value: 70, unit: 'mg', frequency: 1, period: 1, periodUnit: 'wk' } });
  const prednisolone = medicationRequest({
    id: 'pred',
    atc: 'H02AB06',
    text: 'Prednisolon 5 mg',
    status: 'draft',
    authoredOn: '2026-11-26',
    dose: { value: 10, unit: 'mg', frequency: 1, period: 1, periodUnit: 'd' },
    supply: { value: 3, unit: 'mo' },
  });

  it('a glucocorticoid course: anabolic treatment is bone protection (no rx-glucocorticoid-bone-protection)', () => {
    expect(topics([], [prednisolone])).toContain('rx-glucocorticoid-bone-protection');
    expect(topics(onStatement, [prednisolone])).not.toContain('rx-glucocorticoid-bone-protection');
    expect(topics(given, [prednisolone])).toEqual(topics(onStatement, [prednisolone]));
  });

  it('an alendronate draft and a romosozumab draft get the cards they get beside the statement', () => {
    expect(topics(given, [alendronate])).toEqual(topics(onStatement, [alendronate]));
    expect(topics(given, [alendronate])).not.toContain('rx-duplicate-antiresorptive');
    const romosozumab = medicationRequest({ id: 'romo-draft', ...ROMO, status: 'draft', authoredOn: '2026-11-26' });
    expect(topics(given, [romosozumab])).toEqual(topics(onStatement, [romosozumab]));
    expect(topics(given, [romosozumab])).toContain('rx-anabolic-specialist');
  });
});
