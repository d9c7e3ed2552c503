/**
 * An anabolic drug given (MedicationAdministration) or dispensed and done with (a `completed`
 * MedicationRequest) is treatment in use for a while after its day (facts/anabolic-cover.ts): rules.md
 * section 1 reads the medication history from administrations too, and "on treatment" must not
 * hang on an `active` statement alone. TODAY 2026-06-15.
 */
import { describe, expect, it } from 'vitest';
import { factsOf, medicationAdministration, medicationRequest, medicationStatement } from '../helpers/facts-builders.js';
import type { UntrustedResource } from '../../src/shared/json.js';

const ROMO = { atc: 'M05BX06', text: 'Evenity 105 mg' } as const;
const TERI = { atc: 'H05AA02', text: 'Forsteo 20 mikrog/dosis' } as const;
/** A US record: an RxNorm product code the terminology does not bind (a placeholder: terminology.md leaves it unresolved), read by its name. */
const ROMO_US = { rxnorm: '0000001', display: 'romosozumab-aqqg 105 MG in 1.17 ML Prefilled Syringe [Evenity]' } as const;

const anabolic = (resources: readonly UntrustedResource[]) => factsOf(resources).courses.find((c) => c.drugClass === 'anabolic');

describe('an anabolic dose given holds the course for its dosing interval and a margin [choice]', () => {
  it('romosozumab given 3 weeks ago (Danish ATC, and a US RxNorm product read by name): an active anabolic course', () => {
    expect(anabolic([medicationAdministration({ ...ROMO, date: '2026-05-25' })])).toMatchObject({ drugs: ['romosozumab'], status: 'active', end: '2026-06-15' });
    expect(anabolic([medicationAdministration({ ...ROMO_US, date: '2026-05-25' })])).toMatchObject({ drugs: ['romosozumab'], status: 'active' });
  });

  it('romosozumab (monthly): 2 months from the injection, that day included — not one day more', () => {
    expect(anabolic([medicationAdministration({ ...ROMO, date: '2026-04-15' })])?.status).toBe('active');
    expect(anabolic([medicationAdministration({ ...ROMO, date: '2026-04-14' })])).toMatchObject({ status: 'ended', end: '2026-06-14' });
  });

  it('teriparatide (a daily pen, the course up to 24 months): 3 months from the dose', () => {
    expect(anabolic([medicationAdministration({ ...TERI, date: '2026-03-15' })])?.status).toBe('active');
    expect(anabolic([medicationAdministration({ ...TERI, date: '2026-03-14' })])?.status).toBe('ended');
  });

  it('a completed prescription (dispensed, the pen fetched) counts from its day as a dose given', () => {
    const rx = (drug: typeof ROMO | typeof TERI, authoredOn: string, status = 'completed') => medicationRequest({ ...drug, status, authoredOn, supply: { value: 28, unit: 'd' }, repeats: 0 });
    // The 28-day supply ran out on 2026-05-28: read to it alone, she was "not on treatment".
    expect(anabolic([rx(ROMO, '2026-05-01')])?.status).toBe('active');
    expect(anabolic([rx(TERI, '2026-04-01')])?.status).toBe('active');
    expect(anabolic([rx(ROMO, '2026-04-10')])?.status).toBe('ended');
    // A stopped prescription is a stop (rules.md section 1), not a dose: the follow-on is due.
    expect(anabolic([rx(ROMO, '2026-06-01', 'stopped')])?.status).not.toBe('active');
    // An active one awaits its refill as before (courses.ts `awaitingRefill`).
    expect(anabolic([rx(ROMO, '2026-04-10', 'active')])?.status).toBe('active');
  });

  it('an old administration does not hold the patient on treatment: a year ago is an ended course, its last dose that day', () => {
    expect(anabolic([medicationAdministration({ ...ROMO, date: '2025-06-15' })])).toMatchObject({ status: 'ended', end: '2025-08-15', lastDose: '2025-06-15' });
  });

  it('a stop recorded after the dose ends the course at the stop, also within 14 days of it: the cover does not outlast a stop', () => {
    const given = medicationAdministration({ id: 'inj', ...ROMO, date: '2026-06-01' });
    expect(anabolic([given, medicationRequest({ id: 'stop', ...ROMO, status: 'stopped', authoredOn: '2026-06-10' })])).toMatchObject({ status: 'stopped', stoppedOn: '2026-06-10', end: '2026-06-10' });
    const dispensed = medicationRequest({ id: 'rx', ...ROMO, status: 'completed', authoredOn: '2026-06-01' });
    expect(anabolic([dispensed, medicationStatement({ id: 'stop', ...ROMO, status: 'stopped', start: '2026-01-10', end: '2026-06-05' })])).toMatchObject({ status: 'stopped', stoppedOn: '2026-06-05' });
  });

  it('a full romosozumab course (12 monthly injections) ends 12 months after the first: the margin does not delay the follow-on', () => {
    const doses = Array.from({ length: 12 }, (_, i) => medicationAdministration({ id: `r${i}`, ...ROMO, date: `${i < 7 ? 2025 : 2026}-${String(((5 + i) % 12) + 1).padStart(2, '0')}-10` }));
    // 2025-06-10 … 2026-05-10: complete on 2026-06-10, not "in use" to 2026-07-10.
    expect(anabolic(doses)).toMatchObject({ start: '2025-06-10', status: 'ended', end: '2026-06-10' });
    // Four injections in: the course goes on.
    expect(anabolic(doses.slice(8))?.status).toBe('active');
  });

  it('an active statement is unchanged (in use until it ends), and denosumab injections stay doses on their day', () => {
    expect(anabolic([medicationStatement({ ...ROMO, status: 'active', start: '2025-01-10' })])?.status).toBe('active');
    const dmab = factsOf([medicationAdministration({ atc: 'M05BX04', text: 'Prolia 60 mg', date: '2026-06-01' })]).courses[0];
    expect(dmab).toMatchObject({ drugClass: 'denosumab', lastDose: '2026-06-01' });
  });
});
