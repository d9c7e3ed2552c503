/**
 * Dosage texts as US EHRs write them (sigs), read only when the structured dosage says nothing:
 * "Take 7.5 mg by mouth once daily", "1 tab PO QAM", "q12h", "Q6 months", "Take 10 mL by mouth
 * daily" of a "15 MG/5ML" solution. Rules.md section 1 (glucocorticoid exposure: > 5 mg
 * prednisolone daily for ≥ 3 months) needs their dose; `rx-dose-interval` needs their interval,
 * and must never read a weekly or half-yearly text as more frequent than it is. Nothing is
 * invented: a range, two different amounts or two different schedules stay unknown.
 */
import { describe, expect, it } from 'vitest';
import { amountsFromText } from '../../src/facts/dosage-amount.js';
import { perDayFromText } from '../../src/facts/dosage-text.js';
import { inVolumeFromText, strengthFromText } from '../../src/facts/drug-identity.js';
import { draft, factsOf, medicationRequest, SYS, TODAY } from '../helpers/facts-builders.js';

const WEEK = 1 / 7;
const HALF_YEAR = 1 / (6 * 30.4375);

describe('US sig frequencies', () => {
  it.each([
    ['Take 7.5 mg by mouth once daily', 1],
    ['1 tablet QD', 1],
    ['1 tab PO q.d.', 1],
    ['1 tab PO QAM', 1],
    ['take 1 tablet by mouth every morning', 1],
    ['1 tablet PO daily', 1],
    ['1 tab PO QHS', 1],
    ['1 tab PO QAM and QPM', 2],
    ['1 tablet BID', 2],
    ['1 tab PO b.i.d.', 2],
    ['1 tablet PO TID', 3],
    ['1 cap po tid', 3],
    ['1 tablet QID', 4],
    ['take 1 tablet by mouth three times daily', 3],
    ['four times a day', 4],
    ['1 time daily', 1],
    ['1 tab q12h', 2],
    ['1 tab PO q 8 h', 3],
    ['5 mg q6hrs', 4],
    ['every 12 hours', 2],
    ['1 tablet hver 8. time', 3],
    ['every other day', 0.5],
    ['1 tablet QOD', 0.5],
    ['1 tab q48h', 0.5],
    // Weekly in every spelling: never more often.
    ['70 mg PO QW', WEEK],
    ['1 tab qwk', WEEK],
    ['1 tablet q week', WEEK],
    ['1 tablet q1w', WEEK],
    ['1 tablet every week', WEEK],
    ['take 1 tablet by mouth once a week', WEEK],
    ['1 tablet once weekly in the morning', WEEK],
    ['1 tablet q2 weeks', 1 / 14],
    ['1 tablet QOW', 1 / 14],
    ['1 tablet BIW', 2 / 7],
    // Half-yearly, monthly, yearly.
    ['60 mg SC Q6 months', HALF_YEAR],
    ['60 mg subcutaneously q 6 mo', HALF_YEAR],
    ['inject 60 mg every 6 months', HALF_YEAR],
    ['once every 6 months', HALF_YEAR],
    ['150 mg q month', 1 / 30.4375],
    ['5 mg IV q12 months', 1 / 365.25],
    // A duration is no schedule: "for 1 week" and "for a month" leave the daily reading alone.
    ['take 1 tablet daily for 1 week', 1],
    ['Take 7.5 mg by mouth once daily for a month', 1],
    ['1 tablet once weekly for 1 year', WEEK],
    ['1 tablet dagligt i en uge', 1],
    // A decimal is no count: "7.5 daily" is once a day, not 5 times; English "to" is not Danish two.
    ['Take 7.5 daily', 1],
    ['switch to daily', 1],
    ['2 daily', 2],
  ])('"%s" → %f a day', (text, perDay) => {
    expect(perDayFromText(text)).toBeCloseTo(perDay, 8);
  });

  it.each([
    // Two schedules, or none we can be sure of: unknown.
    '1 tablet QD weekly',
    '1 tablet BID on mondays',
    'QD QOD',
    '1 tab q4-6h',
    'every 4-6 hours',
    '1 tab q6m',
    'every 3rd day',
    'as directed',
  ])('"%s" → unknown', (text) => {
    expect(perDayFromText(text)).toBeUndefined();
  });

  it('Danish "tid" (time) is no TID: "på samme tid" keeps the schedule the text names', () => {
    expect(perDayFromText('1 tablet dagligt på samme tid')).toBe(1);
    expect(perDayFromText('1 tablet på samme tid hver uge')).toBeCloseTo(WEEK, 8);
  });

  it('the Danish texts read before still read the same', () => {
    expect(perDayFromText('1 tablet dagligt')).toBe(1);
    expect(perDayFromText('2 tabletter dagligt')).toBe(1);
    expect(perDayFromText('1 tablet morgen og aften')).toBe(2);
    expect(perDayFromText('1 tablet hver mandag')).toBeCloseTo(WEEK, 8);
    expect(perDayFromText('1 tablet hver morgen')).toBe(1);
    expect(perDayFromText('once weekly')).toBeCloseTo(WEEK, 8);
    expect(perDayFromText('hver 6. måned')).toBeCloseTo(HALF_YEAR, 8);
    expect(perDayFromText('210 mg s.c. (2 sprøjter) én gang månedligt i 12 måneder')).toBeCloseTo(1 / 30.4375, 8);
  });

  it('QAM, like "every morning", is a time of the day: no daily supply of a weekly tablet', () => {
    expect(perDayFromText('1 tab PO QAM', false)).toBeUndefined();
    expect(perDayFromText('1 tablet QD', false)).toBe(1);
  });
});

describe('amounts a dosage text names', () => {
  it.each([
    ['Take 7.5 mg by mouth once daily', { mg: 7.5 }],
    ['70 mg ugentligt', { mg: 70 }],
    ['take 1 tablet by mouth every morning', { units: 1 }],
    ['1/2 tablet daily', { units: 0.5 }],
    ['1 1/2 tablets by mouth daily', { units: 1.5 }],
    ['2 tablets (10 mg) daily', { units: 2, mg: 10 }],
    ['Take 10 mL by mouth daily', { ml: 10 }],
    // A strength in the text is no amount.
    ['prednisoLONE 15 MG/5ML Oral Solution: take 10 mL daily', { ml: 10 }],
    ['prednisolone 15 mg in 5 ml, take 10 ml daily', { ml: 10 }],
    ['Take 7.5 mg per day', { mg: 7.5 }],
  ])('"%s" → %o', (text, amounts) => {
    expect(amountsFromText(text)).toEqual(amounts);
  });

  it.each([
    '1-2 tablets daily',
    '1 to 2 tablets daily',
    '1 eller 2 tabletter dagligt',
    '½-1 tablet dagligt',
    '5-10 mg daily',
    '5 to 10 mg daily',
    '2 mg/kg daily',
    '1 tablet morgen og 2 tabletter aften',
    '10 mg in the morning and 5 mg in the evening',
    'as directed',
  ])('"%s" → no amount (a range, a weight-based dose or two different amounts)', (text) => {
    expect(amountsFromText(text)).toBeUndefined();
  });

  it.each([
    ['1-2 tablets daily', { units: 1 }],
    ['1 til 2 tabletter dagligt', { units: 1 }],
    ['½-1 tablet dagligt', { units: 0.5 }],
    ['5-10 mg daily', { mg: 5 }],
    ['5 to 10 mg daily', { mg: 5 }],
    ['2 tabletter dagligt', { units: 2 }],
    // A written taper: at least its lowest step.
    ['4 tabletter dagligt i 1 uge, derefter 2 tabletter dagligt', { units: 2 }],
    ['20 mg dagligt i en uge, derefter 10 mg dagligt', { mg: 10 }],
  ])('read at its low end (glucocorticoids, rangeAtLow): "%s" → %o', (text, amounts) => {
    expect(amountsFromText(text, true)).toEqual(amounts);
  });

  it.each([
    ['2 tabl. à 5 mg dagligt', { units: 2, mgPerUnit: 5 }],
    ['2 tabletter a 5 mg 1 gang dagligt', { units: 2, mgPerUnit: 5 }],
    ['1½ tablet á 5 mg dagligt', { units: 1.5, mgPerUnit: 5 }],
    ['take 2 tablets of 5 mg daily', { units: 2, mgPerUnit: 5 }],
    ['2 x 5 mg dagligt', { mg: 10 }],
    ['2 × 5 mg daily', { mg: 10 }],
  ])('the unit\'s strength ("à 5 mg") and a count before a mass ("2 x 5 mg"): "%s" → %o', (text, amounts) => {
    expect(amountsFromText(text)).toEqual(amounts);
  });
});

describe('strength per mL of an oral solution', () => {
  it('"15 MG/5ML" is 3 mg per mL, not a 15 mg unit; "5 MG/ML" is 5 mg per mL', () => {
    expect(strengthFromText('prednisolone 15 mg/5ml oral solution')).toEqual({ perMl: 3 });
    expect(strengthFromText('prednisolone 15 mg / 5 ml oral solution')).toEqual({ perMl: 3 });
    expect(strengthFromText('prednisolone 5 mg/ml oral solution')).toEqual({ perMl: 5 });
    expect(strengthFromText('prednisolone 5 mg oral tablet')).toEqual({ mg: 5 });
  });

  it('the mg a strength names with its volume (a single-dose container\'s content): "4 mg/5 ml" is 4 mg; per (1) mL is a concentration', () => {
    expect(inVolumeFromText('zometa infusionskoncentrat 4 mg/5 ml')).toBe(4);
    expect(inVolumeFromText('aclasta 5 mg/100 ml infusionsvæske')).toBe(5);
    expect(inVolumeFromText('xgeva 120 mg/1,7 ml')).toBe(120);
    expect(inVolumeFromText('prolia 60 mg/ml')).toBeUndefined();
    expect(inVolumeFromText('prolia 60 mg/1 ml')).toBeUndefined();
    expect(inVolumeFromText('zoledronsyre 0,05 mg/1 ml')).toBeUndefined();
    expect(inVolumeFromText('aclasta 5 mg')).toBeUndefined();
  });
});

// The sandbox's RxNorm prednisolone 5 mg tablet (terminology.json: 198142, "GlucocorticoidsOralOnly").
const prednisolone5 = { rxnorm: '198142', display: 'prednisoLONE 5 MG Oral Tablet' };
// An RxNorm product not bound here (as in medications.test.ts): known by the name in its display.
const solution = { codings: [{ system: SYS.rxnorm, code: '999999', display: 'prednisoLONE 15 MG/5ML Oral Solution' }] };
const dailyMg = (spec: Parameters<typeof medicationRequest>[0]) => factsOf([medicationRequest({ authoredOn: '2026-01-01', ...spec })]).medications[0]?.dailyDoseMg;

describe('daily dose of a prescription written only as a sig', () => {
  it('a mg dose is the dose: 7.5 mg once daily of 5 mg tablets is 7.5 mg a day', () => {
    expect(dailyMg({ ...prednisolone5, sig: 'Take 7.5 mg by mouth once daily' })).toBe(7.5);
    expect(dailyMg({ ...prednisolone5, sig: 'Take 7.5 mg by mouth once weekly' })).toBeCloseTo(7.5 / 7, 4);
  });

  it('a unit count is multiplied by the strength: 1 tablet BID 10 mg, 1 1/2 tablets daily 7.5 mg', () => {
    expect(dailyMg({ ...prednisolone5, sig: '1 tablet PO BID' })).toBe(10);
    expect(dailyMg({ ...prednisolone5, sig: '1 1/2 tablets by mouth daily' })).toBe(7.5);
    expect(dailyMg({ ...prednisolone5, sig: '2 tablets (10 mg) daily' })).toBe(10);
    // The mg the text names is the tablet's strength: 2 tablets of 5 mg.
    expect(dailyMg({ ...prednisolone5, sig: 'Prednisolone 5 mg tablets: take 2 tablets daily' })).toBe(10);
  });

  it('mL × the strength per mL: 10 mL of 15 MG/5ML daily is 30 mg a day', () => {
    expect(dailyMg({ ...solution, sig: 'Take 10 mL by mouth daily' })).toBe(30);
    expect(dailyMg({ ...solution, sig: 'Take 10 mL (30 mg) by mouth daily' })).toBe(30);
  });

  it('stays unknown when the strength per mL is unknown, the text gives a range or contradicts the strength', () => {
    expect(dailyMg({ text: 'Prednisolone oral solution', sig: 'Take 10 mL by mouth daily' })).toBeUndefined();
    // A range: unknown for other drugs; a glucocorticoid's counts at its low end (the next describe).
    expect(dailyMg({ text: 'Alendronat 10 mg', sig: '1-2 tablets daily' })).toBeUndefined();
    expect(dailyMg({ ...prednisolone5, sig: '1-2 tablets daily' })).toBe(5);
    expect(dailyMg({ ...prednisolone5, sig: '1 tablet (7.5 mg) daily' })).toBeUndefined();
    expect(dailyMg({ ...prednisolone5, sig: 'as directed' })).toBeUndefined();
    // A strength unknown and two tablets beside a mg: the mg may be the dose or the strength.
    expect(dailyMg({ text: 'Prednisolone', sig: 'Prednisolone 5 mg: take 2 tablets daily' })).toBeUndefined();
  });
});

describe('glucocorticoid exposure from a sig (rules.md section 1, card footnote *)', () => {
  const exposure = (sig: string, authoredOn: string) => factsOf([medicationRequest({ ...prednisolone5, authoredOn, sig })]).glucocorticoid;

  it('a range counts at its low end [choice]: "1-2 tablets daily" of 10 mg prednisolone is at least 10 mg a day; of 5 mg, at least 5 (not > 5)', () => {
    const tablet10 = { codings: [{ system: SYS.rxnorm, code: '999998', display: 'prednisoLONE 10 MG Oral Tablet' }] };
    const exposureOf = (drug: Parameters<typeof medicationRequest>[0], sig: string) => factsOf([medicationRequest({ ...drug, authoredOn: '2025-12-15', sig })]).glucocorticoid;
    expect(exposureOf(tablet10, '1-2 tablets daily')).toMatchObject({ currentDailyMg: 10, highDoseThreeMonths: true });
    expect(exposureOf(prednisolone5, '1-2 tablets daily')).toMatchObject({ currentDailyMg: 5, highDoseThreeMonths: false });
    // A structured doseRange: its low.
    const ranged = { ...medicationRequest({ ...tablet10, authoredOn: '2025-12-15' }), dosageInstruction: [{ timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseRange: { low: { value: 1, unit: 'tablet' }, high: { value: 2, unit: 'tablet' } } }] }] };
    expect(factsOf([ranged]).glucocorticoid).toMatchObject({ currentDailyMg: 10, highDoseThreeMonths: true });
  });

  it('7.5 mg once daily since 2025-12-15 (6 months) is > 5 mg daily for ≥ 3 months', () => {
    expect(exposure('Take 7.5 mg by mouth once daily', '2025-12-15')).toMatchObject({ currentDailyMg: 7.5, highDoseThreeMonths: true, meetsThreshold: true });
  });

  it('boundary: 3 calendar months with today counted fire, two days fewer do not', () => {
    // 2026-03-15 … 2026-06-15 (today): 2026-03-15 + 3 months = 2026-06-15, the day after the run is 06-16.
    expect(exposure('Take 7.5 mg by mouth once daily', '2026-03-15').highDoseThreeMonths).toBe(true);
    expect(exposure('Take 7.5 mg by mouth once daily', '2026-03-17').highDoseThreeMonths).toBe(false);
  });

  it('does not fire: exactly 5 mg daily is not "> 5 mg"; an unreadable sig adds no dose', () => {
    expect(exposure('1 tablet PO QD', '2025-12-15')).toMatchObject({ currentDailyMg: 5, highDoseThreeMonths: false });
    expect(exposure('Take as directed', '2025-12-15')).toMatchObject({ currentDailyMg: 0, highDoseThreeMonths: false, cumulativeMg12Months: 0, active: true });
  });

  it('FMK texts with no strength in the product name: "2 tabl. à 5 mg dagligt" is 10 mg; "2 x 5 mg dagligt" 10 mg; a taper in tablets at least its lowest step', () => {
    const plain = { codings: [{ system: SYS.atc, code: 'H02AB06' }], text: 'Prednisolon' };
    const of = (drug: Parameters<typeof medicationRequest>[0], sig: string) => factsOf([medicationRequest({ ...drug, authoredOn: '2025-12-15', sig })]).glucocorticoid;
    expect(of(plain, '2 tabl. à 5 mg dagligt')).toMatchObject({ currentDailyMg: 10, highDoseThreeMonths: true });
    expect(of(plain, '2 x 5 mg dagligt')).toMatchObject({ currentDailyMg: 10, highDoseThreeMonths: true });
    expect(of(prednisolone5, '4 tabletter dagligt i 1 uge, derefter 2 tabletter dagligt')).toMatchObject({ currentDailyMg: 10, highDoseThreeMonths: true });
    // A written strength that disagrees with the product's is no dose.
    expect(of(prednisolone5, '2 tabl. à 25 mg dagligt')).toMatchObject({ currentDailyMg: 0 });
  });

  it('the oral solution: 10 mL of 15 MG/5ML daily for 6 months reaches it', () => {
    const f = factsOf([medicationRequest({ ...solution, authoredOn: '2025-12-15', sig: 'Take 10 mL by mouth daily' })]);
    expect(f.glucocorticoid).toMatchObject({ currentDailyMg: 30, highDoseThreeMonths: true });
  });
});

describe('a drafted sig: dose per administration and interval (rx-dose-interval facts)', () => {
  const alendronate70 = { medicationCodeableConcept: { coding: [{ system: SYS.rxnorm, code: '904431', display: 'Alendronic acid 70 MG Oral Tablet' }] } };
  const denosumab = { medicationCodeableConcept: { coding: [{ system: SYS.atc, code: 'M05BX04' }], text: 'Prolia 60 mg' } };
  const order = (medication: object, text: string) =>
    factsOf([], { drafts: [draft({ resourceType: 'MedicationRequest', id: 'd', status: 'draft', intent: 'order', authoredOn: TODAY, ...medication, dosageInstruction: [{ text }] })] }).drafts[0];

  it('alendronate 70 mg "1 tablet QD" is daily (too frequent); "QW" and "once a week" weekly', () => {
    expect(order(alendronate70, '1 tablet QD')).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 1 });
    expect(order(alendronate70, '1 tab PO QAM')).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 1 });
    expect(order(alendronate70, '70 mg PO QW')).toMatchObject({ doseMgPerAdministration: 70, intervalDays: 7 });
    expect(order(alendronate70, 'take 1 tablet by mouth once a week')).toMatchObject({ intervalDays: 7 });
  });

  it('denosumab "Q6 months" is half-yearly', () => {
    expect(order(denosumab, '60 mg SC Q6 months')).toMatchObject({ doseMgPerAdministration: 60, intervalDays: 182.625 });
  });
});
