import { describe, expect, it } from 'vitest';
import { bisphosphonatePauseCandidate } from '../../src/rules/follow-up/bisphosphonate-pause-candidate.js';
import { course, ctxOf, fracture, glucocorticoid, patient, scan } from '../helpers/facts.js';
import { fiveYears, woman } from './bisphosphonate-pause.helpers.js';

// TODAY = 2026-11-26
describe('bisphosphonate-pause-candidate (card l. 185-194 "Behandlingspause bør overvejes efter 5 år. Seponering kan ske, hvis …")', () => {
  it('fires on the 5th anniversary when every criterion holds (hip T-score −2.2 > −2.5, no fractures, no glucocorticoid)', () => {
    const facts = patient(fiveYears());
    const rec = bisphosphonatePauseCandidate(ctxOf(facts));
    expect(rec).toMatchObject({ topic: 'bisphosphonate-pause-candidate', indicator: 'info', reasons: ['five-years'] });
    expect(rec?.evidence).toEqual([...(facts.courses[0]?.refs ?? []), facts.dxa.scans[0]?.tScores[2]?.ref]);
    expect(rec?.findings).toContainEqual(expect.objectContaining({ kind: 't-score', site: 'femoral-neck', value: -2.2 }));
    // DXA no earlier than 2 years later: 2026-11-26 + 24 months
    expect(rec?.suggestions).toEqual([{ kind: 'reminder', what: 'dxa', due: '2028-11-26' }]);
  });

  it('does not fire the day before the 5th anniversary (2021-11-27 → 2026-11-26 is 4 years 364 days)', () => {
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2021-11-27')] }))))).toBeUndefined();
  });

  it('adds up all oral bisphosphonate courses (3 + 2 years)', () => {
    const courses = [course('alendronate', '2015-01-01', { status: 'ended', end: '2018-01-01' }), course('risedronate', '2024-11-26')];
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ courses }))))?.reasons).toEqual(['five-years']);
  });

  it('does not fire from the 10th anniversary on (then bisphosphonate-ten-years applies)', () => {
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2016-11-26')] }))))).toBeUndefined();
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ courses: [course('alendronate', '2016-11-27')] }))))?.reasons).toEqual(['five-years']);
  });

  it('does not fire when a criterion fails (hip T-score exactly −2.5, spine fracture, glucocorticoid)', () => {
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ dxa: [scan('2026-10-01', { 'total-hip': -2.5 })] }))))).toBeUndefined();
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ fractures: [fracture('spine', '2010-01-01')] }))))).toBeUndefined();
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ glucocorticoid: glucocorticoid({ active: true }) }))))).toBeUndefined();
  });

  it('accepts glucocorticoid stopped exactly 12 months ago (2025-11-26), not one day later', () => {
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ glucocorticoid: glucocorticoid({ lastUse: '2025-11-26' }) }))))?.reasons).toEqual(['five-years']);
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ glucocorticoid: glucocorticoid({ lastUse: '2025-11-27' }) }))))).toBeUndefined();
  });

  it('accepts an other-site fracture more than 5 years ago, and a high-energy spine fracture', () => {
    const facts = patient(fiveYears({ fractures: [fracture('forearm', '2021-11-25'), fracture('spine', '2020-05-01', 'high-energy')] }));
    expect(bisphosphonatePauseCandidate(ctxOf(facts))?.reasons).toEqual(['five-years']);
  });

  it('an undated other-site low-energy fracture (e.g. ICD-10-CM Z87.310, personal history of osteoporosis fracture) counts as recent: no pause', () => {
    expect(bisphosphonatePauseCandidate(ctxOf(patient(fiveYears({ fractures: [fracture('other', undefined)] }))))).toBeUndefined();
  });

  it('does not fire when the patient is no longer on oral bisphosphonate', () => {
    expect(bisphosphonatePauseCandidate(ctxOf(patient({ ...woman, courses: [course('alendronate', '2018-01-01', { status: 'stopped', end: '2024-01-01' })] })))).toBeUndefined();
  });
});
